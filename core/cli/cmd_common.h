#pragma once
// Helpers shared by the import, export and report commands.
#include "cli_context.h"

#include "core/error.h"
#include "core/i18n.h"

#include <filesystem>
#include <memory>
#include <string>

namespace maillage::cli {

// The database for a command that works on existing data: a mistyped --db must not
// silently create an empty database (init does that).
// CliRun::database() refuses a missing file for every command but init.
inline Database& existing_database(CliRun& run) { return run.database(); }

// The --yes flag of a command that asks before a change the command line cannot undo
// (false until given); `help` says what it confirms.
inline std::shared_ptr<bool> add_confirm_flag(CLI::App& cmd, const std::string& help) {
    auto yes = std::make_shared<bool>(false);
    cmd.add_flag("--yes", *yes, help);
    return yes;
}

}  // namespace maillage::cli
