#include "cmd_common.h"

#include "core/csv.h"
#include "core/i18n.h"
#include "core/import_export.h"

namespace maillage::cli {
namespace {

void print_preview(std::ostream& out, const ImportPreview& preview) {
    for (const auto& row : preview.rows) {
        out << trf("line {line}: ", fmt::arg("line", row.line))
            << (row.action == ImportRow::Action::Create   ? tr("create")
                : row.action == ImportRow::Action::Update ? tr("update")
                                                          : tr("unchanged"))
            << ' ' << row.key;
        for (const auto& note : row.notes) out << " (" << note << ')';
        out << '\n';
    }
    for (const auto& name : preview.new_institutions)
        out << trf("new institution: {name}", fmt::arg("name", name)) << '\n';
}

void add_kind(CLI::App& parent, CliRun& run, const char* name, const std::string& help,
              ImportPreview (*preview)(Database&, const csv::Table&),
              ImportPreview (*apply)(Database&, const csv::Table&, Progress*)) {
    auto* cmd = parent.add_subcommand(name, help);
    auto file = std::make_shared<std::string>();
    auto dry_run = std::make_shared<bool>(false);
    cmd->add_option("FILE", *file, tr("The CSV file (UTF-8 or Windows-1252, ';' or ',' separated)"))
        ->required();
    cmd->add_flag("--dry-run", *dry_run, tr("Check the file and show what would change, without writing"));
    cmd->callback([&run, file, dry_run, preview, apply] {
        auto& db = existing_database(run);
        const auto table = csv::read_file(*file);
        if (*dry_run) {
            const auto p = preview(db, table);
            print_preview(run.out(), p);
            run.out() << trf("{file}: {creates} to create, {updates} to update, {unchanged} unchanged (nothing written)",
                             fmt::arg("file", *file), fmt::arg("creates", p.creates), fmt::arg("updates", p.updates),
                             fmt::arg("unchanged", p.unchanged))
                      << '\n';
            return;
        }
        const auto p = apply(db, table, nullptr);
        run.out() << trf("{file}: {creates} created, {updates} updated, {unchanged} unchanged",
                         fmt::arg("file", *file), fmt::arg("creates", p.creates), fmt::arg("updates", p.updates),
                         fmt::arg("unchanged", p.unchanged))
                  << '\n';
    });
}

}  // namespace

void add_import_command(CLI::App& app, CliRun& run) {
    auto* cmd = app.add_subcommand(
        "import", tr("Import institutions or people from a CSV file (all rows or none; see docs/csv-formats.md)"));
    cmd->require_subcommand(1);
    add_kind(*cmd, run, "institutions", tr("Import institutions: matched by name, else created"),
             &preview_institutions, &import_institutions);
    add_kind(*cmd, run, "people", tr("Import people with their current job and roles: matched by email, else created"),
             &preview_people, &import_people);
}

}  // namespace maillage::cli
