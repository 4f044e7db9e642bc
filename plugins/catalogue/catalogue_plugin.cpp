// The training catalogue plugin's logic module: schema, CLI, report section and demo.
// No wxWidgets here: the pages are in catalogue_ui_plugin.cpp (maillage_catalogue_ui.so).
#include "catalogue_plugin.h"

#include "catalogue_cli.h"
#include "catalogue_demo.h"
#include "catalogue_figures.h"
#include "catalogue_import_sheets.h"
#include "catalogue_schema.h"

#include "core/i18n.h"
#include "core/plugin_api.h"

namespace maillage::catalogue {
namespace {

class CataloguePlugin : public Plugin {
public:
    CataloguePlugin() { register_catalogue_importers(); }
    PluginInfo info() const override {
        return {kPluginId, tr("Training catalogue"), kPluginVersion,
                tr("Training modules, open and custom trainings, registrations, and the published catalogue.")};
    }
    std::string translation_domain() const override { return "maillage-catalogue"; }
    std::vector<Migration> migrations() const override { return catalogue_migrations(); }
    // The command callbacks' code lives in this library: the loader pins every plugin
    // library (RTLD_NODELETE), so it stays mapped until the process ends.
    void add_commands(CLI::App& cli, CliContext& context) override { add_catalogue_commands(cli, context); }
    std::vector<std::shared_ptr<const ReportSectionProvider>> report_sections() const override {
        return {std::make_shared<CatalogueReportProvider>()};
    }
    void seed_demo(Database& db, const DemoContext& context) override { seed_catalogue_demo(db, context); }
    std::map<std::string, std::string> session_kind_labels() const override {
        return {{kSessionKind, tr("Training days")}};
    }
};

}  // namespace
}  // namespace maillage::catalogue

MAILLAGE_PLUGIN(maillage::catalogue::CataloguePlugin)
