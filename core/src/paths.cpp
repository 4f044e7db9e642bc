#include "core/paths.h"

#include <boost/dll/runtime_symbol_info.hpp>

#include "core/error.h"
#include "core/i18n.h"

#include <pwd.h>
#include <unistd.h>

#include <cstdlib>

namespace maillage {
namespace fs = std::filesystem;
namespace {
// The user's home: $HOME, else the password database's entry. Never /tmp: a database
// there is readable by others and lost at the next reboot.
fs::path home_folder() {
    if (const char* home = std::getenv("HOME"); home && *home && fs::path(home).is_absolute()) return home;
    if (const passwd* pw = getpwuid(getuid()); pw && pw->pw_dir && *pw->pw_dir && fs::path(pw->pw_dir).is_absolute())
        return pw->pw_dir;
    throw Error(tr("No home folder is known (HOME is not set and the user has no home directory): set HOME or "
                   "XDG_DATA_HOME, or give the database file."));
}

fs::path xdg(const char* var, const char* fallback) {
    if (const char* v = std::getenv(var); v && *v && fs::path(v).is_absolute()) return v;
    return home_folder() / fallback;
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
