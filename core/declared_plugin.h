#pragma once
// A plugin's logic module as one declaration of what it contributes (the host assembles
// it), instead of a class overriding each Plugin function:
//
//   class PatPlugin : public DeclaredPlugin {
//   public:
//       PatPlugin() : DeclaredPlugin({.id = kPluginId, .version = kPluginVersion, .name = N_("PAT"), ...}) {}
//   };
//   MAILLAGE_PLUGIN(maillage::pat::PatPlugin)
//
// Header only: it is compiled into the plugin, so nothing changes at the plugin boundary.
#include "core/i18n.h"
#include "core/plugin_api.h"

#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace maillage {

using ReportSections = std::vector<std::shared_ptr<const ReportSectionProvider>>;

// The one report section a plugin contributes: `.report_sections = one_report_section<PatReportProvider>`.
template <class Provider>
ReportSections one_report_section() {
    return {std::make_shared<Provider>()};
}

struct PluginDeclaration {
    std::string id, version;
    const char* name = "";         // marked with N_(), translated when asked
    const char* description = "";  // one sentence, N_()
    std::string translation_domain;
    void (*register_importers)() = nullptr;  // called when the plugin is created
    std::vector<Migration> (*migrations)() = nullptr;
    void (*add_commands)(CLI::App&, CliContext&) = nullptr;
    ReportSections (*report_sections)() = nullptr;
    void (*seed_demo)(Database&, const DemoContext&) = nullptr;
    std::vector<std::pair<std::string, const char*>> session_kinds = {};  // kind, N_() label
};

class DeclaredPlugin : public Plugin {
public:
    explicit DeclaredPlugin(PluginDeclaration d) : d_(std::move(d)) {
        if (d_.register_importers) d_.register_importers();
    }
    PluginInfo info() const override { return {d_.id, tr(d_.name), d_.version, tr(d_.description)}; }
    std::string translation_domain() const override { return d_.translation_domain; }
    std::vector<Migration> migrations() const override {
        return d_.migrations ? d_.migrations() : std::vector<Migration>{};
    }
    void add_commands(CLI::App& cli, CliContext& context) override {
        if (d_.add_commands) d_.add_commands(cli, context);
    }
    ReportSections report_sections() const override { return d_.report_sections ? d_.report_sections() : ReportSections{}; }
    void seed_demo(Database& db, const DemoContext& context) override {
        if (d_.seed_demo) d_.seed_demo(db, context);
    }
    std::map<std::string, std::string> session_kind_labels() const override {
        std::map<std::string, std::string> out;
        for (const auto& [kind, label] : d_.session_kinds) out[kind] = tr(label);
        return out;
    }

private:
    PluginDeclaration d_;
};

}  // namespace maillage
