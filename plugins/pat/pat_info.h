#pragma once
// The plugin's identity, translated in the GUI-free part (core/i18n.h and wx's
// headers cannot be included together).
#include "core/plugin_api.h"

namespace maillage::pat {

PluginInfo pat_plugin_info();

}  // namespace maillage::pat
