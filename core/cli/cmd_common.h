#pragma once
// Helpers shared by the import, export and report commands.
#include "cli_context.h"
#include "cli_options.h"

#include "core/error.h"
#include "core/i18n.h"

#include <filesystem>
#include <string>

namespace maillage::cli {

// The database for a command that works on existing data: a mistyped --db must not
// silently create an empty database (init does that).
// CliRun::database() refuses a missing file for every command but init.
inline Database& existing_database(CliRun& run) { return run.database(); }

}  // namespace maillage::cli
