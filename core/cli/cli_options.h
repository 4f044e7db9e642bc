#pragma once
// Options and subcommands the core's commands and the plugins' declare alike (CLI11 only).
// Header-only, in maillage_cli_support's include path.
#include <CLI/CLI.hpp>

#include <memory>
#include <string>

namespace maillage::cli {

// A command that only groups others ("pat session ..."): one of them must be given.
inline CLI::App* add_group(CLI::App& parent, const std::string& name, const std::string& help) {
    auto* group = parent.add_subcommand(name, help);
    group->require_subcommand(1);
    return group;
}

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
