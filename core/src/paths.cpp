#include "core/paths.h"

#include <boost/dll/runtime_symbol_info.hpp>

#include <cstdlib>

namespace maillage {
namespace fs = std::filesystem;
namespace {
fs::path xdg(const char* var, const char* fallback) {
    if (const char* v = std::getenv(var); v && *v && fs::path(v).is_absolute()) return v;
    const char* home = std::getenv("HOME");
    return fs::path(home && *home ? home : "/tmp") / fallback;
}
}  // namespace

fs::path executable_folder() { return fs::path(boost::dll::program_location().parent_path().string()); }

fs::path installed_plugin_folder() { return executable_folder() / ".." / MAILLAGE_PLUGIN_RELDIR; }

fs::path locale_folder() { return executable_folder() / ".." / MAILLAGE_LOCALE_RELDIR; }

fs::path data_folder() { return xdg("XDG_DATA_HOME", ".local/share") / "maillage"; }

fs::path config_folder() { return xdg("XDG_CONFIG_HOME", ".config") / "maillage"; }

fs::path default_database_path() {
    if (const char* v = std::getenv("MAILLAGE_DB"); v && *v) return v;
    return data_folder() / "maillage.sqlite";
}

}  // namespace maillage
