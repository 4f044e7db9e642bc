#include "catalogue_editions.h"

#include "catalogue_store.h"
#include "core/audit.h"
#include "core/cli/cli_table.h"
#include "core/database.h"
#include "core/error.h"
#include "core/record_table.h"
#include "core/i18n.h"
#include "core/row_reader.h"
#include "core/plugin_api.h"
#include "core/row_query.h"
#include "core/sql_util.h"

#include <CLI/CLI.hpp>
#include <SQLiteCpp/SQLiteCpp.h>

#include <memory>

namespace maillage::catalogue {
namespace {

const RowMap kEditionRow{
    column("e.id", &Edition::id), column("e.code", &Edition::code), column("e.year", &Edition::year),
    column("e.title", &Edition::title), column("e.published_at", &Edition::published_at),
    column("e.retired_at IS NOT NULL AS retired", &Edition::retired),
    column("(SELECT count(*) FROM catalogue_training t WHERE t.edition_id = e.id) AS trainings", &Edition::trainings)};

const RowSource kEditions{kEditionRow, "FROM catalogue_edition e"};

void validate(EditionRepository& repo, const Edition& e) {
    if (e.code.empty()) throw Error(tr("Code: an edition needs a code (e.g. 2026)."));
    if (e.year < 2000 || e.year > 2100)
        throw Error(trf("Year: {year} is not a year between 2000 and 2100.", fmt::arg("year", e.year)));
    if (auto other = repo.find(e.code); other && other->id != e.id)
        throw Error(trf("Code: an edition \"{code}\" already exists.", fmt::arg("code", e.code)));
}

const RecordTable<Edition> kEditionTable{"catalogue_edition", {"code", "year", "title"},
                                         [](SQLite::Statement& q, const Edition& e) {
                                             bind_all(q, e.code, e.year, text_or_null(e.title));
                                         }};

// Creates the edition (creating) or changes the one with e.id; returns its id.
int64_t save(Database& db, EditionRepository& repo, const Edition& e, bool creating) {
    return db.write([&] {
        validate(repo, e);
        return kEditionTable.save(db, creating, e.id, e, e.code, tr("This edition no longer exists."));
    });
}

}  // namespace

std::vector<Edition> EditionRepository::list(bool include_retired) const {
    return kEditions.rows(db_.sql(), std::string(include_retired ? "" : "WHERE e.retired_at IS NULL ") +
                                         "ORDER BY e.year DESC, e.code");
}

std::optional<Edition> EditionRepository::find(const std::string& code) const {
    return kEditions.row(db_.sql(), "WHERE e.code = ? COLLATE NOCASE", code);
}

int64_t EditionRepository::create(const Edition& e) { return save(db_, *this, e, true); }

void EditionRepository::update(const Edition& e) { save(db_, *this, e, false); }

void EditionRepository::retire(int64_t id) {
    db_.write([&] {
        if (exec_sql(db_.sql(),
                    "UPDATE catalogue_edition SET retired_at = strftime('%Y-%m-%d','now') WHERE id = ? AND "
                    "retired_at IS NULL",
                    id) == 1)
            audit(db_, "retire", "catalogue_edition", id, "");
    });
}

int64_t EditionRepository::copy(const std::string& from, const Edition& next) {
    const auto source = find(from);
    if (!source) throw Error(trf("Unknown edition {code}.", fmt::arg("code", from)));
    return db_.write([&] {
        const auto id = create(next);
        CatalogueStore store(db_);
        const std::string old_year = std::to_string(source->year), new_year = std::to_string(next.year);
        for (const auto& t : store.trainings(source->code, "open")) {
            TrainingInput in = t.input;
            in.edition = next.code;
            if (auto at = in.code.find(old_year); at != std::string::npos && old_year != new_year)
                in.code.replace(at, old_year.size(), new_year);
            else
                in.code += "-" + next.code;
            in.status = "proposed";
            in.registration_deadline.clear();
            // Modules that were retired since are left out.
            std::vector<std::string> modules;
            for (const auto& code : in.module_codes)
                if (auto m = store.module(code); m && !store.module_retired(code)) modules.push_back(code);
            in.module_codes = modules;
            store.create_training(in);
        }
        audit(db_, "copy", "catalogue_edition", id, source->code + " -> " + next.code);
        return id;
    });
}

void add_edition_commands(CLI::App& catalogue, CliContext& ctx) {
    auto* cmd = catalogue.add_subcommand("edition", tr("Catalogue editions (the yearly catalogue): create, list, edit, "
                                                       "retire"));
    cmd->require_subcommand(1);
    struct O {
        std::string code, new_code, title, format = "table";
        int year = 0;
        bool all = false;
    };
    auto o = std::make_shared<O>();
    auto need = [](EditionRepository& repo, const std::string& code) {
        auto e = repo.find(code);
        if (!e) throw Error(trf("Unknown edition {code}.", fmt::arg("code", code)));
        return *e;
    };

    auto* create = cmd->add_subcommand("create", tr("Create an edition"));
    create->add_option("CODE", o->code, tr("Edition code, e.g. 2026"))->required();
    create->add_option("--year", o->year, tr("Calendar year of its trainings (default: the code when it is a year)"));
    create->add_option("--title", o->title, tr("Title of the catalogue"));
    create->callback([&ctx, o] {
        EditionRepository repo(ctx.database());
        Edition e;
        e.code = o->code;
        e.year = o->year;
        if (e.year == 0 && o->code.size() == 4 && o->code.find_first_not_of("0123456789") == std::string::npos)
            e.year = std::stoi(o->code);
        if (e.year == 0) throw Error(tr("Year: give --year (the code is not a year)."));
        e.title = o->title;
        const auto id = repo.create(e);
        *ctx.out << trf("Edition {code} created (id {id}).", fmt::arg("code", e.code), fmt::arg("id", id)) << '\n';
    });

    auto* list = cmd->add_subcommand("list", tr("List the editions with their id, code, year and trainings"));
    list->add_flag("--all", o->all, tr(NC_("editions", "Also list the retired ones")));
    cli::add_format_option(*list, o->format);
    list->callback([&ctx, o] {
        const auto editions = EditionRepository(ctx.database()).list(o->all);
        auto& out = *ctx.out;
        if (o->format != "table") {
            std::vector<std::vector<std::string>> rows;
            for (const auto& e : editions)
                rows.push_back({std::to_string(e.id), e.code, std::to_string(e.year), e.title, e.published_at,
                                std::to_string(e.trainings), e.retired ? "retired" : "active"});
            cli::print_rows(out, {"id", "code", "year", "title", "published_at", "trainings", "status"}, rows, o->format,
                            {"year", "trainings"});
            return;
        }
        out << tr("Id\tCode\tYear\tTitle\tPublished\tTrainings\tStatus") << '\n';
        for (const auto& e : editions)
            out << e.id << '\t' << e.code << '\t' << e.year << '\t' << e.title << '\t' << e.published_at << '\t'
                << e.trainings << '\t' << (e.retired ? tr(NC_("edition", "retired")) : tr(NC_("edition", "active"))) << '\n';
        if (editions.empty()) out << tr(NC_("editions", "(none)")) << '\n';
    });

    auto* edit = cmd->add_subcommand("edit", tr("Change an edition's code, year or title"));
    edit->add_option("CODE", o->code, tr("The current code"))->required();
    edit->add_option("--code", o->new_code, tr("A new code"));
    edit->add_option("--year", o->year, tr("A new year"));
    auto* title = edit->add_option("--title", o->title, tr("A new title"));
    edit->callback([&ctx, o, need, title] {
        EditionRepository repo(ctx.database());
        Edition e = need(repo, o->code);
        if (!o->new_code.empty()) e.code = o->new_code;
        if (o->year) e.year = o->year;
        if (title->count()) e.title = o->title;
        repo.update(e);
        *ctx.out << trf("Edition {code} saved (id {id}).", fmt::arg("code", e.code), fmt::arg("id", e.id)) << '\n';
    });

    auto* retire = cmd->add_subcommand("retire", tr("Retire an edition: its trainings stay, no new one can join it"));
    retire->add_option("CODE", o->code, tr("The code"))->required();
    retire->callback([&ctx, o, need] {
        EditionRepository repo(ctx.database());
        const Edition e = need(repo, o->code);
        repo.retire(e.id);
        *ctx.out << trf("Edition {code} retired (id {id}).", fmt::arg("code", e.code), fmt::arg("id", e.id)) << '\n';
    });
}

}  // namespace maillage::catalogue
