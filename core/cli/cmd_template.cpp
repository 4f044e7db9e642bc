// maillage-cli template --out modele.xlsx: the import workbook (core/import_template.h).
#include "cmd_common.h"

#include "core/import_template.h"

namespace maillage::cli {

void add_template_command(CLI::App& app, CliRun& run) {
    add_required_command(app, "template",
                         tr("Write the import workbook: one sheet per entity, in the order \"import workbook\" "
                            "loads them"),
                         "--out", tr("The XLSX file to write"), [&run](const std::string& out) {
                             write_import_template(existing_database(run), out);
                             run.out() << trf("Written: {file}", fmt::arg("file", out)) << '\n';
                         });
}

}  // namespace maillage::cli
