#pragma once
// maillage-cli exchange ...: events, tables, registrations and their import, check-in,
// table assignment, publications, certificates, exports, iCalendar and figures.
#include "core/plugin_api.h"

namespace maillage::exchange {

void add_exchange_commands(CLI::App& app, CliContext& context);

}  // namespace maillage::exchange
