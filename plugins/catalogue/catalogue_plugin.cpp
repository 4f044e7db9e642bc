// The training catalogue plugin: schema, CLI, report section, demo and pages.
#include "catalogue_cli.h"
#include "catalogue_demo.h"
#include "catalogue_figures.h"
#include "catalogue_schema.h"
#include "core/i18n.h"
#include "core/plugin_api.h"
#include "shared-ui/plugin_ui.h"
#include "ui/editions_page.h"
#include "ui/figures_page.h"
#include "ui/modules_page.h"
#include "ui/trainers_page.h"
#include "ui/trainings_page.h"

#include <wx/intl.h>

#include <dlfcn.h>

namespace maillage::catalogue {
namespace {

class CatalogueUi : public ui::UiContribution {
public:
    std::vector<ui::PageSpec> pages() override {
        return {
            {"catalogue.modules", _("Training modules"), 10,
             [](wxWindow* parent, ui::UiContext& c) -> ui::PageBase* { return new ModulesPage(parent, c); }},
            {"catalogue.trainers", _("Trainers"), 15,
             [](wxWindow* parent, ui::UiContext& c) -> ui::PageBase* { return new TrainersPage(parent, c); }},
            {"catalogue.editions", _("Catalogue editions"), 18,
             [](wxWindow* parent, ui::UiContext& c) -> ui::PageBase* { return new EditionsPage(parent, c); }},
            {"catalogue.trainings", _("Trainings"), 20,
             [](wxWindow* parent, ui::UiContext& c) -> ui::PageBase* { return new TrainingsPage(parent, c); }},
            {"catalogue.figures", _("Training figures"), 30,
             [](wxWindow* parent, ui::UiContext& c) -> ui::PageBase* { return new FiguresPage(parent, c); }},
        };
    }
};

class CataloguePlugin : public Plugin {
public:
    PluginInfo info() const override {
        return {"catalogue", tr("Training catalogue"), "1.0.0",
                tr("Training modules, open and custom trainings, registrations, and the published catalogue.")};
    }
    std::string translation_domain() const override { return "maillage-catalogue"; }
    std::vector<Migration> migrations() const override { return catalogue_migrations(); }
    void add_commands(CLI::App& cli, CliContext& context) override {
        // The command callbacks are std::functions whose code lives in this library, and
        // maillage-cli (on main at the time of writing) destroys its CLI::App after
        // unloading the plugins. Pinning the library (RTLD_NODELETE) keeps that code
        // mapped until the process ends, whatever the host's destruction order.
        Dl_info self{};
        if (dladdr(reinterpret_cast<void*>(&add_catalogue_commands), &self) && self.dli_fname)
            dlopen(self.dli_fname, RTLD_NOW | RTLD_NOLOAD | RTLD_NODELETE);
        add_catalogue_commands(cli, context);
    }
    std::vector<std::shared_ptr<const ReportSectionProvider>> report_sections() const override {
        return {std::make_shared<CatalogueReportProvider>()};
    }
    void seed_demo(Database& db, const DemoContext& context) override { seed_catalogue_demo(db, context); }
    ui::UiContribution* ui() override { return &ui_; }
    std::map<std::string, std::string> session_kind_labels() const override {
        return {{kSessionKind, tr("Training days")}};
    }

private:
    CatalogueUi ui_;
};

}  // namespace
}  // namespace maillage::catalogue

MAILLAGE_PLUGIN(maillage::catalogue::CataloguePlugin)
