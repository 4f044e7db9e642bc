#include "cmd_common.h"

#include "core/csv.h"
#include "core/entity_import.h"
#include "core/xlsx_read.h"
#include "core/i18n.h"
#include "core/import_export.h"

#include <algorithm>
#include <fstream>

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
    auto file = add_required(*cmd, "FILE", tr("The CSV file (UTF-8 or Windows-1252, ';' or ',' separated)"));
    auto dry_run = add_switch(*cmd, "--dry-run", tr("Check the file and show what would change, without writing"));
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

void print_count(std::ostream& out, const std::string& what, const ImportCount& c, bool dry_run) {
    const auto args = [&](const char* msgid) {
        return trf(msgid, fmt::arg("what", what), fmt::arg("created", c.created), fmt::arg("updated", c.updated),
                   fmt::arg("unchanged", c.unchanged));
    };
    out << (dry_run ? args(N_("{what}: {created} to create, {updated} to update, {unchanged} unchanged (nothing "
                              "written)"))
                    : args(N_("{what}: {created} created, {updated} updated, {unchanged} unchanged")))
        << '\n';
    for (const auto& n : c.notes) out << "  " << n << '\n';
}

// import <sheet> FILE: one entity from a CSV file or an XLSX file (its sheet of that
// name, else its first sheet).
void add_entity(CLI::App& parent, CliRun& run, const EntityImporter& importer) {
    auto* cmd = parent.add_subcommand(importer.sheet, trf("Import {what} (CSV or XLSX; see docs/import.md)",
                                                          fmt::arg("what", importer.title())));
    auto file = add_required(*cmd, "FILE", tr("The CSV or XLSX file"));
    auto dry_run = add_switch(*cmd, "--dry-run", tr("Check the file and show what would change, without writing"));
    const auto sheet = importer.sheet;
    cmd->callback([&run, file, dry_run, sheet] {
        auto& db = existing_database(run);
        const auto importer = find_importer(sheet);
        csv::Table table;
        std::ifstream probe(*file, std::ios::binary);
        char head[4] = {};
        probe.read(head, 4);
        if (probe.gcount() == 4 && xlsx::looks_like_xlsx(std::string_view(head, 4))) {
            auto sheets = xlsx::read_workbook(*file);
            auto it = std::find_if(sheets.begin(), sheets.end(), [&](const auto& s) {
                return csv::normalize_header(s.name) == csv::normalize_header(sheet);
            });
            table = std::move(it != sheets.end() ? it->table : sheets.front().table);
        } else {
            table = csv::read_file(*file);
        }
        if (table.header.empty()) throw Error(trf("{file}: the sheet is empty.", fmt::arg("file", table.file)));
        const auto count = run_import(db, *importer, table, *dry_run);
        print_count(run.out(), table.file, count, *dry_run);
    });
}

}  // namespace

void add_import_command(CLI::App& app, CliRun& run) {
    auto* cmd = add_group(
        app, "import", tr("Import any entity from a CSV or XLSX file, or a whole workbook (all rows or none; see docs/import.md)"));
    add_kind(*cmd, run, "institutions", tr("Import institutions: matched by name, else created"),
             &preview_institutions, &import_institutions);
    add_kind(*cmd, run, "people", tr("Import people with their current job and roles: matched by email, else created"),
             &preview_people, &import_people);
    for (const auto& importer : registered_importers())
        if (importer.sheet != "institutions" && importer.sheet != "people") add_entity(*cmd, run, importer);

    auto* wb = cmd->add_subcommand("workbook", tr("Import every sheet of a workbook (the template's) in one transaction"));
    auto file = add_required(*wb, "FILE", tr("The XLSX workbook"));
    auto dry_run = add_switch(*wb, "--dry-run", tr("Check every sheet and show what would change, without writing"));
    wb->callback([&run, file, dry_run] {
        auto& db = existing_database(run);
        const auto result = import_workbook(db, xlsx::read_workbook(*file), *dry_run);
        for (const auto& [sheet, count] : result.sheets) print_count(run.out(), sheet, count, *dry_run);
        for (const auto& name : result.ignored)
            run.out() << trf("sheet \"{name}\" ignored: no import reads it", fmt::arg("name", name)) << '\n';
        if (result.sheets.empty()) throw Error(tr("The workbook has no sheet that an import reads."));
    });
}

}  // namespace maillage::cli
