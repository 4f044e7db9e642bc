// The exchange plugin's logic module: exchange tables, study days, debates and working
// groups. No wxWidgets here: the pages are in exchange_ui_plugin.cpp
// (maillage_exchange_ui.so).
#include "exchange_plugin.h"

#include "exchange_cli.h"
#include "exchange_demo.h"
#include "exchange_figures.h"
#include "exchange_import_sheets.h"
#include "exchange_schema.h"

#include "core/i18n.h"
#include "core/plugin_api.h"

namespace maillage::exchange {
namespace {

class ExchangePlugin : public Plugin {
public:
    ExchangePlugin() { register_exchange_importers(); }
    PluginInfo info() const override {
        return {kPluginId, tr("Exchange tables and events"), kPluginVersion,
                tr("Exchange tables, study days, debates and working groups: committees, tables, registrations, "
                   "check-in, publications and figures.")};
    }
    std::string translation_domain() const override { return "maillage-exchange"; }
    std::vector<Migration> migrations() const override { return exchange_migrations().steps; }
    void add_commands(CLI::App& cli, CliContext& context) override { add_exchange_commands(cli, context); }
    std::vector<std::shared_ptr<const ReportSectionProvider>> report_sections() const override {
        return {make_events_section()};
    }
    void seed_demo(Database& db, const DemoContext& context) override { seed_exchange_demo(db, context); }
    std::map<std::string, std::string> session_kind_labels() const override {
        return {{kEventSessionKind, tr("Exchange tables and events")},
                {kCommitteeSessionKind, tr("Steering committee meetings")}};
    }
};

}  // namespace
}  // namespace maillage::exchange

MAILLAGE_PLUGIN(maillage::exchange::ExchangePlugin)
