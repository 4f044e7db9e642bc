// The intervision plugin's logic module: declares its schema, commands, report section
// and demo content; the host assembles them. No wxWidgets here: the pages are in
// intervision_ui_plugin.cpp (maillage_intervision_ui.so).
#include "intervision_plugin.h"

#include "intervision_cli.h"
#include "intervision_demo.h"
#include "intervision_figures.h"
#include "intervision_import.h"
#include "intervision_schema.h"

#include "core/i18n.h"
#include "core/plugin_api.h"

namespace maillage::intervision {
namespace {

class IntervisionPlugin : public Plugin {
public:
    IntervisionPlugin() { register_intervision_importers(); }
    PluginInfo info() const override {
        return {kPluginId, tr("Intervision cycles"), kPluginVersion,
                tr("Yearly intervision groups: enrolments, itinerant sessions, attendance, evaluation and figures.")};
    }
    std::string translation_domain() const override { return "maillage-intervision"; }
    std::vector<Migration> migrations() const override { return intervision_migrations(); }
    void add_commands(CLI::App& cli, CliContext& context) override { add_intervision_commands(cli, context); }
    std::vector<std::shared_ptr<const ReportSectionProvider>> report_sections() const override {
        return {std::make_shared<IntervisionReportProvider>()};
    }
    void seed_demo(Database& db, const DemoContext& context) override { seed_intervision_demo(db, context); }
    std::map<std::string, std::string> session_kind_labels() const override {
        return {{"intervision", tr("Intervision sessions")}};
    }
};

}  // namespace
}  // namespace maillage::intervision

MAILLAGE_PLUGIN(maillage::intervision::IntervisionPlugin)
