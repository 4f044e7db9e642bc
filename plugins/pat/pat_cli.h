#pragma once
// maillage-cli pat ...: requests, decisions, phases, steps, sessions, hires, trainings,
// advocacy, workplaces, the board, the map and spreadsheet exports, the figures.
#include "core/plugin_api.h"

namespace maillage::pat {

void add_pat_commands(CLI::App& app, CliContext& context);

}  // namespace maillage::pat
