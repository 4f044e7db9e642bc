// The PAT plugin: peer-support accompaniments (requests, steps, sessions, hires,
// follow-up), trainings, advocacy, the map of workplaces, and their figures.
#include "pat_cli.h"
#include "pat_demo.h"
#include "pat_figures.h"
#include "pat_schema.h"
#include "ui/accompaniment_page.h"
#include "ui/board_page.h"
#include "ui/figures_page.h"
#include "ui/map_page.h"

#include "pat_info.h"
#include "core/plugin_api.h"
#include "shared-ui/plugin_ui.h"

#include <wx/intl.h>

namespace maillage::pat {
namespace {

class PatUi : public ui::UiContribution {
public:
    std::vector<ui::PageSpec> pages() override {
        return {
            {"pat.board", _("PAT board"), 10,
             [](wxWindow* parent, ui::UiContext& c) -> ui::PageBase* { return new BoardPage(parent, c); }},
            {"pat.accompaniment", _("PAT accompaniment"), 20,
             [](wxWindow* parent, ui::UiContext& c) -> ui::PageBase* { return new AccompanimentPage(parent, c); }},
            {"pat.map", _("Peer-support map"), 30,
             [](wxWindow* parent, ui::UiContext& c) -> ui::PageBase* { return new MapPage(parent, c); }},
            {"pat.figures", _("PAT figures"), 40,
             [](wxWindow* parent, ui::UiContext& c) -> ui::PageBase* { return new FiguresPage(parent, c); }},
        };
    }
};

class PatPlugin : public Plugin {
public:
    PluginInfo info() const override { return pat_plugin_info(); }
    std::string translation_domain() const override { return "maillage-pat"; }
    std::vector<Migration> migrations() const override { return pat_migrations().steps; }
    void add_commands(CLI::App& cli, CliContext& context) override { add_pat_commands(cli, context); }
    std::vector<std::shared_ptr<const ReportSectionProvider>> report_sections() const override {
        return {std::make_shared<PatReportProvider>()};
    }
    void seed_demo(Database& db, const DemoContext& context) override { seed_pat_demo(db, context); }
    ui::UiContribution* ui() override { return &ui_; }
    std::map<std::string, std::string> session_kind_labels() const override { return pat_session_kind_labels(); }

private:
    PatUi ui_;
};

}  // namespace
}  // namespace maillage::pat

MAILLAGE_PLUGIN(maillage::pat::PatPlugin)
