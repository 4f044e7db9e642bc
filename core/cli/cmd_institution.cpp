// maillage-cli institution create|list|edit: institutions by name (never an id).
#include "cli_table.h"
#include "cmd_common.h"

#include "core/institutions.h"
#include "core/sectors.h"

#include <memory>

namespace maillage::cli {
namespace {

struct InstitutionOptions {
    std::string name, new_name, region, municipality, postcode, address, language, email, phone, website, notes,
        search, format = "table";
    std::vector<std::string> sectors;
};

// Fills what was given on the command line; an option left out keeps the value.
void apply(Database& db, const InstitutionOptions& o, const CLI::App& cmd, Institution& i) {
    auto given = [&](const char* option) { return cmd.count(option) > 0; };
    if (given("--region")) i.region = o.region;
    if (given("--municipality")) i.municipality = o.municipality;
    if (given("--postcode")) i.postcode = o.postcode;
    if (given("--address")) i.address = o.address;
    if (given("--language")) i.language = o.language;
    if (given("--email")) i.email = o.email;
    if (given("--phone")) i.phone = o.phone;
    if (given("--website")) i.website = o.website;
    if (given("--notes")) i.notes = o.notes;
    if (given("--sector")) {
        i.sector_ids.clear();
        SectorRepository sectors(db);
        for (const auto& code : o.sectors) {
            auto s = sectors.find(code);
            if (!s)
                throw Error(trf("Sector: \"{value}\" is not a sector code or label (see the Sectors page).",
                                fmt::arg("value", code)));
            i.sector_ids.push_back(s->id);
        }
    }
}

void add_fields(CLI::App& cmd, InstitutionOptions& o) {
    cmd.add_option("--region", o.region, tr("brussels, wallonia or flanders"));
    cmd.add_option("--municipality", o.municipality, tr("Municipality"));
    cmd.add_option("--postcode", o.postcode, tr("Postcode"));
    cmd.add_option("--address", o.address, tr("Street address"));
    cmd.add_option("--language", o.language, tr("fr, nl or bilingual"));
    cmd.add_option("--email", o.email, tr("Email address"));
    cmd.add_option("--phone", o.phone, tr("Phone number"));
    cmd.add_option("--website", o.website, tr("Website"));
    cmd.add_option("--sector", o.sectors, tr("A sector code or label; repeat it, the first is the main one"));
    cmd.add_option("--notes", o.notes, tr("Notes"));
}

Institution need(InstitutionRepository& repo, const std::string& name) {
    auto i = repo.find_by_name(name);
    if (!i) throw Error(trf("No institution named \"{name}\".", fmt::arg("name", name)));
    return *i;
}

}  // namespace

void add_institution_command(CLI::App& app, CliRun& run) {
    auto* cmd = add_group(app, "institution", tr("Institutions by name: create, list, edit, delete"));
    add_institution_delete_command(*cmd, run);
    auto o = std::make_shared<InstitutionOptions>();

    auto* create = cmd->add_subcommand("create", tr("Create an institution"));
    create->add_option("NAME", o->name, tr("The institution's name"))->required();
    add_fields(*create, *o);
    create->callback([&run, o, create] {
        auto& db = existing_database(run);
        InstitutionRepository repo(db);
        if (repo.find_by_name(o->name))
            throw Error(trf("An institution named \"{name}\" already exists.", fmt::arg("name", o->name)));
        Institution i;
        i.name = o->name;
        apply(db, *o, *create, i);
        const auto id = repo.create(i);
        run.out() << trf("Institution \"{name}\" created (id {id}).", fmt::arg("name", i.name), fmt::arg("id", id))
                  << '\n';
    });

    auto* list = cmd->add_subcommand("list", tr("List the institutions (merged duplicates left out)"));
    list->add_option("--search", o->search, tr("Only those whose name, municipality or postcode contains this"));
    add_format_option(*list, o->format);
    list->callback([&run, o] {
        auto& db = existing_database(run);
        SectorRepository sectors(db);
        CliTable t;
        t.keys = {"id", "name", "region", "municipality", "postcode", "language", "sectors"};
        t.headers = {tr("Id"), tr("Name"), tr("Region"), tr("Municipality"), tr("Postcode"), tr("Language"),
                     tr("Sectors")};
        for (const auto& i : InstitutionRepository(db).search(o->search, 1000000)) {
            std::string codes;
            for (auto id : i.sector_ids)
                if (auto s = sectors.get(id)) codes += (codes.empty() ? "" : ",") + s->code;
            t.rows.push_back({std::to_string(i.id), i.name, i.region, i.municipality, i.postcode, i.language, codes});
        }
        print_table(run.out(), t, o->format);
    });

    auto* edit = cmd->add_subcommand("edit", tr("Change an institution found by its name"));
    edit->add_option("NAME", o->name, tr("The institution's current name"))->required();
    edit->add_option("--name", o->new_name, tr("A new name"));
    add_fields(*edit, *o);
    edit->callback([&run, o, edit] {
        auto& db = existing_database(run);
        InstitutionRepository repo(db);
        Institution i = need(repo, o->name);
        if (!o->new_name.empty()) {
            if (auto other = repo.find_by_name(o->new_name); other && other->id != i.id)
                throw Error(trf("An institution named \"{name}\" already exists: merge the duplicates instead.",
                                fmt::arg("name", o->new_name)));
            i.name = o->new_name;
        }
        apply(db, *o, *edit, i);
        repo.update(i);
        run.out() << trf("Institution \"{name}\" saved (id {id}).", fmt::arg("name", i.name), fmt::arg("id", i.id))
                  << '\n';
    });
}

}  // namespace maillage::cli
