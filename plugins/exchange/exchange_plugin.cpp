// The exchange plugin: exchange tables, study days, debates and working groups.
#include "exchange_cli.h"
#include "exchange_demo.h"
#include "exchange_figures.h"
#include "exchange_schema.h"

#include "core/i18n.h"
#include "core/plugin_api.h"
#include "shared-ui/plugin_ui.h"

#include "ui/event_list_page.h"

#include <wx/intl.h>

namespace maillage::exchange {

class ExchangeUi : public ui::UiContribution {
public:
    std::vector<ui::PageSpec> pages() override {
        return {ui::PageSpec{"exchange.events", _("Events"), 10,
                             [](wxWindow* parent, ui::UiContext& context) -> ui::PageBase* {
                                 return new EventListPage(parent, context);
                             }}};
    }
};

class ExchangePlugin : public Plugin {
public:
    PluginInfo info() const override {
        return {"exchange", tr("Exchange tables and events"), "1.0.0",
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
    ui::UiContribution* ui() override { return &ui_; }
    std::map<std::string, std::string> session_kind_labels() const override {
        return {{kEventSessionKind, tr("Exchange tables and events")},
                {kCommitteeSessionKind, tr("Steering committee meetings")}};
    }

private:
    ExchangeUi ui_;
};

}  // namespace maillage::exchange

MAILLAGE_PLUGIN(maillage::exchange::ExchangePlugin)
