// The intervision plugin's logic module: declares its schema, commands, report section
// and demo content; the host assembles them. No wxWidgets here: the pages are in
// intervision_ui_plugin.cpp (maillage_intervision_ui.so).
#include "intervision_plugin.h"

#include "intervision_cli.h"
#include "intervision_demo.h"
#include "intervision_figures.h"
#include "intervision_import.h"
#include "intervision_schema.h"

#include "core/declared_plugin.h"
#include "core/i18n.h"

namespace maillage::intervision {
namespace {

PluginDeclaration declare() {
    return {.name = N_("Intervision cycles"),
            .description =
                N_("Yearly intervision groups: enrolments, itinerant sessions, attendance, evaluation and figures."),
            .register_importers = register_intervision_importers,
            .migrations = intervision_migrations,
            .add_commands = add_intervision_commands,
            .report_sections = one_report_section<IntervisionReportProvider>,
            .seed_demo = seed_intervision_demo,
            .session_kinds = {{"intervision", N_("Intervision sessions")}}};
}

}  // namespace
}  // namespace maillage::intervision

MAILLAGE_DECLARED_PLUGIN(maillage::intervision::declare, maillage::intervision::kPluginId,
                         maillage::intervision::kPluginVersion)
