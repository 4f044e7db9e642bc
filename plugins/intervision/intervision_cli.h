#pragma once
// maillage-cli intervision ...: every action of the plugin's pages, scriptable.
#include "core/plugin_api.h"

namespace maillage::intervision {

void add_intervision_commands(CLI::App& cli, CliContext& context);

}  // namespace maillage::intervision
