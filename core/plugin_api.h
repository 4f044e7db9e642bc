#pragma once
// The contract between Maillage and its plugins. See docs/plugin-api.md.
//
// A plugin is two MODULE libraries, one contract each:
//   maillage_<id>.so     the logic (no wxWidgets), loaded by maillage-cli and the window.
//                        MAILLAGE_PLUGIN(ClassName) exports
//                          maillage_plugin_api_version  an int, checked before anything else;
//                          maillage_create_plugin_v<N>  returns std::unique_ptr<maillage::Plugin>.
//   maillage_<id>_ui.so  pages, menu items and preferences, loaded by the window only.
//                        MAILLAGE_PLUGIN_UI (shared-ui/plugin_ui.h) exports
//                          maillage_plugin_ui_api_version  an int, checked first;
//                          maillage_plugin_ui_target_v<N>  the PluginUiTarget it was built for;
//                          maillage_create_ui_v<N>         returns std::unique_ptr<ui::UiContribution>
//                                                          given the logic Plugin&.
// The window pairs them by id and refuses a UI module whose logic module is missing or of
// another version. Libraries stay loaded for the life of the process, so everything a
// plugin creates is gone before its code could be unloaded.
#include "core/migration.h"
#include "core/report.h"

#include <boost/config.hpp>
#include <boost/dll/alias.hpp>

#include <functional>
#include <map>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace maillage {

// Raised by every change to this header that breaks binary compatibility.
constexpr int kPluginApiVersion = 1;
// Raised by every change to shared-ui/plugin_ui.h that breaks binary compatibility.
constexpr int kPluginUiApiVersion = 1;

// What a UI module declares it belongs to: read (after its API version) before any of its
// code runs, so a window module without its logic module is refused unexecuted.
struct PluginUiTarget {
    const char* plugin_id;       // the logic plugin's info().id
    const char* plugin_version;  // the logic plugin's info().version it was built with
};

class Database;
namespace ui {
class UiContribution;  // defined in shared-ui/plugin_ui.h; the core never looks inside
}

struct PluginInfo {
    std::string id;           // short, stable, lowercase: "intervision"; also the schema namespace
    std::string name;         // shown to users (translated by the plugin)
    std::string version;      // the plugin's own version, "1.0.0"
    std::string description;  // one sentence (translated)
};

// What maillage-cli hands to a plugin's commands.
struct CliContext {
    // Opens (and migrates) the database on first use; throws maillage::Error.
    std::function<Database&()> database;
    std::ostream* out = nullptr;
    std::ostream* err = nullptr;
};

// Demo content is written after the core's own (sectors, institutions, people,
// programmes and funders exist and can be looked up by name or code).
struct DemoContext {
    int year = 2026;  // the current calendar year, so demo cycles are current
};

class BOOST_SYMBOL_VISIBLE Plugin {
public:
    virtual ~Plugin() = default;

    virtual PluginInfo info() const = 0;

    // The gettext domain of the plugin's catalogs ("maillage-<id>"), loaded by the host
    // and the CLI before any other call; empty when the plugin has no strings.
    virtual std::string translation_domain() const { return {}; }

    // The plugin's schema, namespace info().id. Applied after the core's.
    virtual std::vector<Migration> migrations() const { return {}; }

    // Adds the plugin's subcommands to maillage-cli (usually one subcommand named after
    // the plugin, with its own subcommands). Callbacks run later, inside the CLI's
    // error handling.
    virtual void add_commands(CLI::App& /*cli*/, CliContext& /*context*/) {}

    // Sections this plugin contributes to reports.
    virtual std::vector<std::shared_ptr<const ReportSectionProvider>> report_sections() const { return {}; }

    // Writes the plugin's demo content (inside the demo's transaction).
    virtual void seed_demo(Database& /*db*/, const DemoContext& /*context*/) {}

    // Translated labels of the session kinds this plugin writes ("exchange_committee" →
    // "Steering committee meetings"), shown in reports instead of the raw kind.
    virtual std::map<std::string, std::string> session_kind_labels() const { return {}; }
};

}  // namespace maillage

#define MAILLAGE_PP_CAT2(a, b) a##b
#define MAILLAGE_PP_CAT(a, b) MAILLAGE_PP_CAT2(a, b)
#define MAILLAGE_FACTORY_SYMBOL_NAME MAILLAGE_PP_CAT(maillage_create_plugin_v, MAILLAGE_PLUGIN_API_VERSION_TOKEN)
// Must equal kPluginApiVersion: the symbol's name carries the version (as KiCad's KIFACE_1).
#define MAILLAGE_PLUGIN_API_VERSION_TOKEN 1
// Must equal kPluginUiApiVersion (symbols of the UI module, MAILLAGE_PLUGIN_UI).
#define MAILLAGE_PLUGIN_UI_API_VERSION_TOKEN 1
#define MAILLAGE_UI_TARGET_SYMBOL_NAME MAILLAGE_PP_CAT(maillage_plugin_ui_target_v, MAILLAGE_PLUGIN_UI_API_VERSION_TOKEN)
#define MAILLAGE_UI_FACTORY_SYMBOL_NAME MAILLAGE_PP_CAT(maillage_create_ui_v, MAILLAGE_PLUGIN_UI_API_VERSION_TOKEN)

// Exports the version and the factory of a plugin class with a default constructor.
// Use once, in the plugin's main .cpp file, at global scope.
#define MAILLAGE_PLUGIN(PluginClass)                                                        \
    namespace maillage_plugin_exports {                                                     \
    static_assert(MAILLAGE_PLUGIN_API_VERSION_TOKEN == ::maillage::kPluginApiVersion);      \
    inline const int api_version = ::maillage::kPluginApiVersion;                           \
    inline std::unique_ptr<::maillage::Plugin> create() { return std::make_unique<PluginClass>(); } \
    }                                                                                       \
    BOOST_DLL_ALIAS(maillage_plugin_exports::api_version, maillage_plugin_api_version)      \
    BOOST_DLL_ALIAS(maillage_plugin_exports::create, MAILLAGE_FACTORY_SYMBOL_NAME)
