#pragma once
// Finds, checks and loads plugin libraries with Boost.DLL. Used by the window (logic and
// UI modules) and by maillage-cli (logic modules only: it never opens a *_ui.so).
#include "core/plugin_api.h"

#include <boost/dll/shared_library.hpp>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace maillage {

// Which modules of each plugin a program loads.
enum class PluginModules {
    Logic,       // maillage_<id>.so only (maillage-cli, tests, a server)
    LogicAndUi,  // also maillage_<id>_ui.so, paired with its logic module (the window)
};

struct LoadedPlugin {
    // Declared first so they are destroyed last: the libraries outlive what they made.
    boost::dll::shared_library library;
    boost::dll::shared_library ui_library;  // the paired maillage_<id>_ui.so, if loaded
    std::unique_ptr<Plugin> plugin;
    // Made by the window from ui_library (maillage_create_ui_v<N>); destroyed before the
    // plugin it was given. The core never looks inside.
    std::shared_ptr<ui::UiContribution> ui;
    std::filesystem::path file;
    std::filesystem::path ui_file;  // empty without a UI module
    PluginInfo info;
};

struct RefusedPlugin {
    std::filesystem::path file;
    std::string reason;  // translated, names what is wrong
};

class PluginLoader {
public:
    PluginLoader() = default;
    PluginLoader(const PluginLoader&) = delete;
    PluginLoader& operator=(const PluginLoader&) = delete;
    ~PluginLoader();

    // Crash detection: the sentinel file names the library being loaded and is emptied
    // once it loaded; a fatal signal meanwhile marks it "crashed", and at the next start
    // that library is reported (a program killed from outside accuses nobody).
    // Unset (default): no detection.
    void set_crash_sentinel(std::filesystem::path file) { sentinel_ = std::move(file); }
    // Asked, when the sentinel names a library, whether to skip it this time (the window
    // asks the user); without an answer the library is skipped.
    using CrashedPluginQuestion = std::function<bool(const std::filesystem::path& library)>;

    // Loads every logic module (maillage_*.so but *_ui.so) in each folder, in order; a
    // plugin whose id is already loaded from an earlier folder is refused as a duplicate.
    // With PluginModules::LogicAndUi, then pairs each maillage_*_ui.so with the loaded
    // logic module of its id and version (refused otherwise). Relative folders, and
    // folders or files that another user owns or others may write to, are refused
    // without being opened. Never throws: every problem becomes a RefusedPlugin and the
    // others go on.
    void load_folders(const std::vector<std::filesystem::path>& folders,
                      const CrashedPluginQuestion& skip_crashed = {},
                      PluginModules modules = PluginModules::Logic);
    // Loads one logic library; returns false (and records why) when refused.
    bool load_file(const std::filesystem::path& file);
    // Loads one UI library and pairs it with its logic plugin; false (and why) if refused.
    bool load_ui_file(const std::filesystem::path& file);
    // Refuses the UI module of a loaded plugin (its factory failed): the plugin goes on
    // without pages, the library stays mapped.
    void refuse_ui(LoadedPlugin& plugin, const std::string& reason);

    const std::vector<std::unique_ptr<LoadedPlugin>>& loaded() const { return loaded_; }
    const std::vector<RefusedPlugin>& refused() const { return refused_; }

    // Disables a plugin that failed at run time: it stays in memory (its code may still
    // be referenced) but is no longer offered to anyone. Returns its reason record.
    void disable(const std::string& id, const std::string& reason);

    // Runs fn(plugin) for each loaded plugin; a plugin that throws is disabled for the
    // rest of the session with a reason naming it and `what`, and the others go on.
    void for_each(const std::string& what, const std::function<void(LoadedPlugin&)>& fn);

    // Reads each plugin's info() again: call it once the plugins' translation catalogs
    // are loaded, so names and descriptions come in the UI language.
    void refresh_info();

    // All migration sets: core first, then each plugin's (namespace = plugin id).
    std::vector<MigrationSet> migration_sets();
    // All report section providers: core first, then each plugin's.
    std::vector<std::shared_ptr<const ReportSectionProvider>> report_sections();

private:
    void refuse(const std::filesystem::path& file, std::string reason);

    std::vector<std::unique_ptr<LoadedPlugin>> loaded_;
    std::vector<RefusedPlugin> refused_;
    // Plugins disabled at run time are kept here so their code stays mapped.
    std::vector<std::unique_ptr<LoadedPlugin>> disabled_;
    std::vector<boost::dll::shared_library> refused_ui_libraries_;
    std::filesystem::path sentinel_;
};

// The folders searched by default: $MAILLAGE_PLUGIN_PATH (colon-separated), then the
// plugin folder beside the running executable (../lib/maillage/plugins). Relative
// entries of the variable are kept as they are, and load_folders() refuses them: a
// plugin is never taken from wherever the program happens to be started.
std::vector<std::filesystem::path> default_plugin_folders();

// Why a plugin folder or file must not be loaded (empty when it may): it is owned by
// another user than the current one or root, or others than its owner may write to it.
std::string untrusted_reason(const std::filesystem::path& path);

// True for a UI module's file name (maillage_<id>_ui.so).
bool is_ui_module(const std::filesystem::path& file);

}  // namespace maillage
