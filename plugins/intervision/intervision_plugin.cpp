// The intervision plugin: declares its schema, commands, report section, demo content
// and pages; the host assembles them.
#include "core/i18n.h"  // first: its N_ and wxWidgets' agree only in this order

#include "intervision_cli.h"
#include "intervision_demo.h"
#include "intervision_figures.h"
#include "intervision_schema.h"
#include "ui/cycle_overview_page.h"
#include "ui/group_sessions_page.h"
#include "ui/report_preview_page.h"

#include "core/plugin_api.h"
#include "shared-ui/plugin_ui.h"

#include <wx/intl.h>

namespace maillage::intervision {
namespace {

class IntervisionUi : public ui::UiContribution {
public:
    std::vector<ui::PageSpec> pages() override {
        return {
            {"intervision.cycles", _("Intervision cycles"), 10,
             [](wxWindow* parent, ui::UiContext& c) -> ui::PageBase* { return new CycleOverviewPage(parent, c); }},
            {"intervision.sessions", _("Intervision sessions"), 20,
             [](wxWindow* parent, ui::UiContext& c) -> ui::PageBase* { return new GroupSessionsPage(parent, c); }},
            {"intervision.report", _("Intervision figures"), 30,
             [](wxWindow* parent, ui::UiContext& c) -> ui::PageBase* { return new ReportPreviewPage(parent, c); }},
        };
    }
};

class IntervisionPlugin : public Plugin {
public:
    PluginInfo info() const override {
        return {"intervision", tr("Intervision cycles"), "1.0.0",
                tr("Yearly intervision groups: enrolments, itinerant sessions, attendance, evaluation and figures.")};
    }
    std::string translation_domain() const override { return "maillage-intervision"; }
    std::vector<Migration> migrations() const override { return intervision_migrations(); }
    void add_commands(CLI::App& cli, CliContext& context) override { add_intervision_commands(cli, context); }
    std::vector<std::shared_ptr<const ReportSectionProvider>> report_sections() const override {
        return {std::make_shared<IntervisionReportProvider>()};
    }
    void seed_demo(Database& db, const DemoContext& context) override { seed_intervision_demo(db, context); }
    ui::UiContribution* ui() override { return &ui_; }
    std::map<std::string, std::string> session_kind_labels() const override {
        return {{"intervision", tr("Intervision sessions")}};
    }

private:
    IntervisionUi ui_;
};

}  // namespace
}  // namespace maillage::intervision

MAILLAGE_PLUGIN(maillage::intervision::IntervisionPlugin)
