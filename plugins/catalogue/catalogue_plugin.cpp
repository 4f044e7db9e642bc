// The training catalogue plugin's logic module: schema, CLI, report section and demo.
// No wxWidgets here: the pages are in catalogue_ui_plugin.cpp (maillage_catalogue_ui.so).
#include "catalogue_plugin.h"

#include "catalogue_cli.h"
#include "catalogue_demo.h"
#include "catalogue_figures.h"
#include "catalogue_import_sheets.h"
#include "catalogue_schema.h"

#include "core/declared_plugin.h"
#include "core/i18n.h"

namespace maillage::catalogue {
namespace {

PluginDeclaration declare() {
    return {.name = N_("Training catalogue"),
            .description =
                N_("Training modules, open and custom trainings, registrations, and the published catalogue."),
            .register_importers = register_catalogue_importers,
            .migrations = catalogue_migrations,
            .add_commands = add_catalogue_commands,
            .report_sections = one_report_section<CatalogueReportProvider>,
            .seed_demo = seed_catalogue_demo,
            .session_kinds = {{kSessionKind, N_("Training days")}}};
}

}  // namespace
}  // namespace maillage::catalogue

MAILLAGE_DECLARED_PLUGIN(maillage::catalogue::declare, maillage::catalogue::kPluginId,
                         maillage::catalogue::kPluginVersion)
