#pragma once
// The plugin's identity, translated in the GUI-free part (core/i18n.h and wx's
// headers cannot be included together).
#include "core/plugin_api.h"

#include <map>
#include <string>

namespace maillage::pat {

PluginInfo pat_plugin_info();
// The session kind PAT writes ("pat"), labelled for reports.
std::map<std::string, std::string> pat_session_kind_labels();

}  // namespace maillage::pat
