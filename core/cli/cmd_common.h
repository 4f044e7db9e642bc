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

// A required text of `cmd`: an argument ("FILE") or an option ("--out"), read once the
// command runs (the callback keeps the pointer).
inline std::shared_ptr<std::string> add_required(CLI::App& cmd, const std::string& name, const std::string& help) {
    auto value = std::make_shared<std::string>();
    cmd.add_option(name, *value, help)->required();
    return value;
}

// A flag of `cmd` ("--dry-run"), false until given.
inline std::shared_ptr<bool> add_switch(CLI::App& cmd, const std::string& name, const std::string& help) {
    auto on = std::make_shared<bool>(false);
    cmd.add_flag(name, *on, help);
    return on;
}

// The --yes flag of a command that asks before a change the command line cannot undo;
// `help` says what it confirms.
inline std::shared_ptr<bool> add_confirm_flag(CLI::App& cmd, const std::string& help) {
    return add_switch(cmd, "--yes", help);
}

}  // namespace maillage::cli
