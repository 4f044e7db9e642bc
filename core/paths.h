#pragma once
// Where Maillage finds its files, the same way in the build tree and once installed:
// <prefix>/bin/<program>, <prefix>/<libdir>/maillage/plugins, <prefix>/share/locale.
#include <filesystem>

namespace maillage {

std::filesystem::path executable_folder();
std::filesystem::path installed_plugin_folder();
std::filesystem::path locale_folder();
// $XDG_DATA_HOME/maillage (~/.local/share/maillage). Without XDG_DATA_HOME and HOME,
// the home folder of the user's account; maillage::Error when there is none (never /tmp).
std::filesystem::path data_folder();
std::filesystem::path config_folder();  // $XDG_CONFIG_HOME/maillage (~/.config/maillage)
// The default database: $MAILLAGE_DB, else data_folder()/maillage.sqlite.
std::filesystem::path default_database_path();

}  // namespace maillage
