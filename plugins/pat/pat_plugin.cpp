// The PAT plugin's logic module: peer-support accompaniments (requests, steps, sessions,
// hires, follow-up), trainings, advocacy, the map of workplaces, and their figures.
// No wxWidgets here: the pages are in pat_ui_plugin.cpp (maillage_pat_ui.so).
#include "pat_plugin.h"

#include "pat_cli.h"
#include "pat_demo.h"
#include "pat_figures.h"
#include "pat_import.h"
#include "pat_schema.h"

#include "core/declared_plugin.h"
#include "core/i18n.h"

namespace maillage::pat {
namespace {

PluginDeclaration declare() {
    return {.name = N_("PAT peer support"),
            .description =
                N_("Accompaniments of institutions that hire peer workers, trainings, advocacy and the map."),
            .register_importers = register_pat_importers,
            .migrations = [] { return pat_migrations().steps; },
            .add_commands = add_pat_commands,
            .report_sections = one_report_section<PatReportProvider>,
            .seed_demo = seed_pat_demo,
            .session_kinds = {{"pat", N_("PAT accompaniment sessions")}}};
}

}  // namespace
}  // namespace maillage::pat

MAILLAGE_DECLARED_PLUGIN(maillage::pat::declare, maillage::pat::kPluginId,
                         maillage::pat::kPluginVersion)
