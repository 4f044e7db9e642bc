#pragma once
// Finds, checks and loads plugin libraries with Boost.DLL. Used by the window and by
// maillage-cli alike.
#include "core/plugin_api.h"

#include <boost/dll/shared_library.hpp>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace maillage {

struct LoadedPlugin {
    // Declared first so it is destroyed last: the library outlives the object it made.
    boost::dll::shared_library library;
    std::unique_ptr<Plugin> plugin;
    std::filesystem::path file;
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

    // Crash detection: the sentinel file names the library being loaded and is removed
    // once it loaded; a fatal signal meanwhile marks it "crashed", and at the next start
    // that library is reported (a program killed from outside accuses nobody).
    // Unset (default): no detection.
    void set_crash_sentinel(std::filesystem::path file) { sentinel_ = std::move(file); }
    // Asked, when the sentinel names a library, whether to skip it this time (the window
    // asks the user); without an answer the library is skipped.
    using CrashedPluginQuestion = std::function<bool(const std::filesystem::path& library)>;

    // Loads every maillage_*.so in each folder, in order; a plugin whose id is already
    // loaded from an earlier folder is refused as a duplicate. Never throws: every
    // problem becomes a RefusedPlugin and the others go on.
    void load_folders(const std::vector<std::filesystem::path>& folders,
                      const CrashedPluginQuestion& skip_crashed = {});
    // Loads one library; returns false (and records why) when refused.
    bool load_file(const std::filesystem::path& file);

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
    std::filesystem::path sentinel_;
};

// The folders searched by default: $MAILLAGE_PLUGIN_PATH (colon-separated), then the
// plugin folder beside the running executable (../lib/maillage/plugins).
std::vector<std::filesystem::path> default_plugin_folders();

}  // namespace maillage
