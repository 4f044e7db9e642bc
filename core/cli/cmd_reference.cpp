// maillage-cli programme|funder create|list|edit|retire: the reference lists activities
// count for, by code (never an id), with an optional parent ("pat" under "support").
#include "cli_table.h"
#include "cmd_common.h"

#include "core/known_values.h"
#include "core/programmes.h"

#include <memory>
#include <type_traits>

namespace maillage::cli {
namespace {

struct RefOptions {
    std::string code, new_code, name, parent, notes, format = "table";
    bool no_parent = false, all = false, notes_set = false;
};

// What differs between programmes and funders: the words, the repository, the notes.
struct Kind {
    const char* command;  // "programme" | "funder"
    std::string help, create_help, list_help, edit_help, retire_help;
    std::string unknown;                   // "No programme with the code {code}."
    std::string created, saved, retired;   // "Programme {code} created (id {id})."
    bool has_notes;
};

// Translated in the table for people; stable codes in CSV and JSON for programs.
std::string status(bool retired, const std::string& format) {
    if (format != "table") return retired ? "retired" : "active";
    return retired ? tr("retired") : tr("active");
}

template <class Repo, class Record>
Record need(Repo& repo, const std::string& unknown, const std::string& code) {
    auto r = repo.find_by_code(code);
    if (!r) {
        std::vector<std::string> codes;
        for (const auto& k : repo.list(true)) codes.push_back(k.code);
        throw Error(fmt::format(fmt::runtime(unknown), fmt::arg("code", code)) + " " +
                    trf("Valid codes: {values}.", fmt::arg("values", valid_values(codes, code))));
    }
    return *r;
}

template <class Repo, class Record>
void add_reference_command(CLI::App& app, CliRun& run, const Kind& kind) {
    auto* cmd = add_group(app, kind.command, kind.help);
    auto o = std::make_shared<RefOptions>();
    auto unknown = kind.unknown;

    auto parent_of = [o, unknown](Repo& repo) -> std::optional<int64_t> {
        if (o->parent.empty()) return std::nullopt;
        return need<Repo, Record>(repo, unknown, o->parent).id;
    };

    auto* create = cmd->add_subcommand("create", kind.create_help);
    create->add_option("CODE", o->code, tr("The code users type and reports show (e.g. connect, COCOM)"))->required();
    create->add_option("--name", o->name, tr("The full name"))->required();
    create->add_option("--parent", o->parent, tr("Code of the parent it belongs to"));
    if (kind.has_notes) create->add_option("--notes", o->notes, tr("Notes"));
    create->callback([&run, o, parent_of, kind] {
        Repo repo(existing_database(run));
        Record r;
        r.code = o->code;
        r.name = o->name;
        r.parent_id = parent_of(repo);
        if constexpr (std::is_same_v<Record, Funder>) r.notes = o->notes;
        const auto id = repo.create(r);
        run.out() << fmt::format(fmt::runtime(kind.created), fmt::arg("code", r.code), fmt::arg("id", id)) << '\n';
    });

    auto* list = cmd->add_subcommand("list", kind.list_help);
    list->add_flag("--all", o->all, tr("Also list the retired ones"));
    add_format_option(*list, o->format);
    list->callback([&run, o, kind] {
        Repo repo(existing_database(run));
        CliTable t;
        t.keys = {"id", "code", "name", "parent", "status"};
        t.headers = {tr("Id"), tr("Code"), tr("Name"), tr("Parent"), tr("Status")};
        if (kind.has_notes) {
            t.keys.push_back("notes");
            t.headers.push_back(tr("Notes"));
        }
        const auto all = repo.list(true);
        for (const auto& r : repo.list(o->all)) {
            std::string parent;
            for (const auto& p : all)
                if (r.parent_id && p.id == *r.parent_id) parent = p.code;
            std::vector<std::string> row{std::to_string(r.id), r.code, r.name, parent,
                                         status(r.retired, o->format)};
            if constexpr (std::is_same_v<Record, Funder>) row.push_back(r.notes);
            t.rows.push_back(std::move(row));
        }
        print_table(run.out(), t, o->format);
    });

    auto* edit = cmd->add_subcommand("edit", kind.edit_help);
    edit->add_option("CODE", o->code, tr("The current code"))->required();
    edit->add_option("--code", o->new_code, tr("A new code"));
    edit->add_option("--name", o->name, tr("A new name"));
    auto* parent = edit->add_option("--parent", o->parent, tr("Code of the new parent"));
    edit->add_flag("--no-parent", o->no_parent, tr("Take it out from under its parent"))->excludes(parent);
    if (kind.has_notes)
        edit->add_option("--notes", o->notes, tr("New notes"))->each([o](const std::string&) { o->notes_set = true; });
    edit->callback([&run, o, parent_of, kind, unknown] {
        Repo repo(existing_database(run));
        Record r = need<Repo, Record>(repo, unknown, o->code);
        if (!o->new_code.empty()) r.code = o->new_code;
        if (!o->name.empty()) r.name = o->name;
        if (!o->parent.empty()) r.parent_id = parent_of(repo);
        if (o->no_parent) r.parent_id.reset();
        if constexpr (std::is_same_v<Record, Funder>)
            if (o->notes_set) r.notes = o->notes;
        repo.update(r);
        run.out() << fmt::format(fmt::runtime(kind.saved), fmt::arg("code", r.code), fmt::arg("id", r.id)) << '\n';
    });

    auto* retire = cmd->add_subcommand("retire", kind.retire_help);
    retire->add_option("CODE", o->code, tr("The code"))->required();
    retire->callback([&run, o, kind, unknown] {
        Repo repo(existing_database(run));
        const Record r = need<Repo, Record>(repo, unknown, o->code);
        repo.retire(r.id);
        run.out() << fmt::format(fmt::runtime(kind.retired), fmt::arg("code", r.code), fmt::arg("id", r.id)) << '\n';
    });
}

}  // namespace

void add_reference_commands(CLI::App& app, CliRun& run) {
    add_reference_command<ProgrammeRepository, Programme>(
        app, run,
        Kind{"programme", tr("Programmes activities belong to (Connect, Support, PAT...): create, list, edit, retire"),
             tr("Create a programme"), tr("List the programmes with their id, code and parent"),
             tr("Change a programme's code, name or parent"),
             tr("Retire a programme: past activities keep it, new ones cannot choose it"),
             tr("No programme with the code {code}."), tr("Programme {code} created (id {id})."),
             tr("Programme {code} saved (id {id})."), tr("Programme {code} retired (id {id})."), false});
    add_reference_command<FunderRepository, Funder>(
        app, run,
        Kind{"funder", tr("Funders activities count for (COCOM, COCOF...): create, list, edit, retire"),
             tr("Create a funder"), tr("List the funders with their id, code and parent"),
             tr("Change a funder's code, name, parent or notes"),
             tr("Retire a funder: past activities keep it, new ones cannot choose it"),
             tr("No funder with the code {code}."), tr("Funder {code} created (id {id})."),
             tr("Funder {code} saved (id {id})."), tr("Funder {code} retired (id {id})."), true});
}

}  // namespace maillage::cli
