#pragma once
// The plugins' window modules (maillage_<id>_ui.so), started once the logic modules are
// loaded with PluginModules::LogicAndUi: used by the window (app.cpp) and by the journey
// tests, which build the same window.
#include "core/plugin_loader.h"

namespace maillage::ui {

// Asks each paired window module for its contribution, given its logic plugin. A
// factory that fails refuses the window module (reason in About); the plugin goes on
// without pages, and its commands, schema and report sections still work.
void create_plugin_uis(PluginLoader& loader);

}  // namespace maillage::ui
