// The PAT plugin's logic module: peer-support accompaniments (requests, steps, sessions,
// hires, follow-up), trainings, advocacy, the map of workplaces, and their figures.
// No wxWidgets here: the pages are in pat_ui_plugin.cpp (maillage_pat_ui.so).
#include "pat_plugin.h"

#include "pat_cli.h"
#include "pat_demo.h"
#include "pat_figures.h"
#include "pat_import.h"
#include "pat_schema.h"

#include "core/i18n.h"
#include "core/plugin_api.h"

namespace maillage::pat {
namespace {

class PatPlugin : public Plugin {
public:
    PatPlugin() { register_pat_importers(); }
    PluginInfo info() const override {
        return {kPluginId, tr("PAT peer support"), kPluginVersion,
                tr("Accompaniments of institutions that hire peer workers, trainings, advocacy and the map.")};
    }
    std::string translation_domain() const override { return "maillage-pat"; }
    std::vector<Migration> migrations() const override { return pat_migrations().steps; }
    void add_commands(CLI::App& cli, CliContext& context) override { add_pat_commands(cli, context); }
    std::vector<std::shared_ptr<const ReportSectionProvider>> report_sections() const override {
        return {std::make_shared<PatReportProvider>()};
    }
    void seed_demo(Database& db, const DemoContext& context) override { seed_pat_demo(db, context); }
    std::map<std::string, std::string> session_kind_labels() const override {
        return {{"pat", tr("PAT accompaniment sessions")}};
    }
};

}  // namespace
}  // namespace maillage::pat

MAILLAGE_PLUGIN(maillage::pat::PatPlugin)
