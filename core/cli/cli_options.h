#pragma once
// Options and subcommands the core's commands and the plugins' declare alike (CLI11 only).
// Header-only, in maillage_cli_support's include path.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <memory>
#include <string>

namespace maillage::cli {

// A command that only groups others ("pat session ..."): one of them must be given.
inline CLI::App* add_group(CLI::App& parent, const std::string& name, const std::string& help) {
    auto* group = parent.add_subcommand(name, help);
    group->require_subcommand(1);
    return group;
}

// A subcommand of `parent` with the options that several commands share: options(cmd)
// declares them (e.g. the --cycle and --group of every command about one group).
template <class Options>
CLI::App* add_command(CLI::App& parent, const std::string& name, const std::string& help, Options options) {
    auto* cmd = parent.add_subcommand(name, help);
    options(cmd);
    return cmd;
}

// A required text of `cmd`: an argument ("FILE") or an option ("--out"), read once the
// command runs (the callback keeps the pointer).
inline std::shared_ptr<std::string> add_required(CLI::App& cmd, const std::string& name, const std::string& help) {
    auto value = std::make_shared<std::string>();
    cmd.add_option(name, *value, help)->required();
    return value;
}

// A command of `parent` that needs one text, `value` (an argument "FILE" or an option
// "--out"): run(text) when it runs.
template <class Run>
CLI::App* add_required_command(CLI::App& parent, const std::string& name, const std::string& help,
                               const std::string& value, const std::string& value_help, Run run) {
    auto* cmd = parent.add_subcommand(name, help);
    auto text = add_required(*cmd, value, value_help);
    cmd->callback([text, run] { run(*text); });
    return cmd;
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

// The callback of a command that saves one record: save(ctx.database()) returns its id,
// then `saved` (translated, naming the {id}: tr("Training #{id} recorded.")) is printed on
// ctx.out. `ctx` is the plugins' CliContext.
template <class Context, class Save>
auto on_save(Context& ctx, std::string saved, Save save) {
    return [&ctx, saved = std::move(saved), save] {
        const auto id = save(ctx.database());
        *ctx.out << fmt::format(fmt::runtime(saved), fmt::arg("id", id)) << '\n';
    };
}

}  // namespace maillage::cli
