// The exchange plugin's logic module: exchange tables, study days, debates and working
// groups. No wxWidgets here: the pages are in exchange_ui_plugin.cpp
// (maillage_exchange_ui.so).
#include "exchange_plugin.h"

#include "exchange_cli.h"
#include "exchange_demo.h"
#include "exchange_figures.h"
#include "exchange_import_sheets.h"
#include "exchange_schema.h"

#include "core/declared_plugin.h"
#include "core/i18n.h"

namespace maillage::exchange {
namespace {

PluginDeclaration declare() {
    return {.name = N_("Exchange tables and events"),
            .description = N_("Exchange tables, study days, debates and working groups: committees, tables, "
                              "registrations, check-in, publications and figures."),
            .register_importers = register_exchange_importers,
            .migrations = [] { return exchange_migrations().steps; },
            .add_commands = add_exchange_commands,
            .report_sections = [] { return ReportSections{make_events_section()}; },
            .seed_demo = seed_exchange_demo,
            .session_kinds = {{kEventSessionKind, N_("Exchange tables and events")},
                              {kCommitteeSessionKind, N_("Steering committee meetings")}}};
}

}  // namespace
}  // namespace maillage::exchange

MAILLAGE_DECLARED_PLUGIN(maillage::exchange::declare, maillage::exchange::kPluginId,
                         maillage::exchange::kPluginVersion)
