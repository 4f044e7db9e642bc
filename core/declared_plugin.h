#pragma once
// A plugin's logic module as one declaration of what it contributes (the host assembles
// it), instead of a class overriding each Plugin function:
//
//   PluginDeclaration declare() {
//       return {.name = N_("PAT"), .description = N_("..."), .migrations = pat_migrations, ...};
//   }
//   MAILLAGE_DECLARED_PLUGIN(maillage::pat::declare, maillage::pat::kPluginId, maillage::pat::kPluginVersion)
//
// The way shared-ui/declared_ui.h exports the window module. The id and version are the
// ones both modules share (<id>_plugin.h); the translation domain is "maillage-<id>".
// The functions named (command callbacks included) live in the plugin's library: the
// loader pins every plugin library (RTLD_NODELETE), so it stays mapped until the process ends.
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
    const char* name = "";                   // marked with N_(), translated when asked
    const char* description = "";            // one sentence, N_()
    void (*register_importers)() = nullptr;  // called when the plugin is created
    std::vector<Migration> (*migrations)() = nullptr;
    void (*add_commands)(CLI::App&, CliContext&) = nullptr;
    ReportSections (*report_sections)() = nullptr;
    void (*seed_demo)(Database&, const DemoContext&) = nullptr;
    std::vector<std::pair<std::string, const char*>> session_kinds = {};  // kind, N_() label
};

class DeclaredPlugin : public Plugin {
public:
    DeclaredPlugin(std::string id, std::string version, PluginDeclaration d)
        : id_(std::move(id)), version_(std::move(version)), d_(std::move(d)) {
        if (d_.register_importers) d_.register_importers();
    }
    PluginInfo info() const override { return {id_, tr(d_.name), version_, tr(d_.description)}; }
    std::string translation_domain() const override { return "maillage-" + id_; }
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
    std::string id_, version_;
    PluginDeclaration d_;
};

// The plugin `Declare()` declares, with the id and version of <id>_plugin.h.
template <PluginDeclaration (*Declare)(), const char* Id, const char* Version>
class DeclaredPluginOf : public DeclaredPlugin {
public:
    DeclaredPluginOf() : DeclaredPlugin(Id, Version, Declare()) {}
};

}  // namespace maillage

// Exports the logic module declared by the function `declare` (see above). Use once, in
// the plugin's <id>_plugin.cpp, at global scope.
#define MAILLAGE_DECLARED_PLUGIN(declare, plugin_id, plugin_version)                                      \
    namespace maillage_declared_plugin {                                                                  \
    using Declared = ::maillage::DeclaredPluginOf<&declare, plugin_id, plugin_version>;                   \
    }                                                                                                     \
    MAILLAGE_PLUGIN(maillage_declared_plugin::Declared)
