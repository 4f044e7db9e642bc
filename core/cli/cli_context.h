#pragma once
// Shared state of one maillage-cli run: the options every command sees, the suite
// (plugins + database), and the output streams.
#include "core/institutions.h"
#include "core/people.h"
#include "core/plugin_api.h"
#include "core/suite.h"

#include <CLI/CLI.hpp>

#include <filesystem>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

namespace maillage::cli {

struct GlobalOptions {
    std::string db;                        // --db (default: the window's default database)
    std::vector<std::string> plugin_dirs;  // --plugin-dir, searched before the default folders
    std::string language;                  // --lang fr|nl|en (default: from the environment)
    bool read_only = false;                // --read-only
};

class CliRun {
public:
    // `options` is filled by the parse, before any command's callback runs; plugins are
    // loaded from `plugin_dirs` (read ahead of the parse) and the default folders.
    CliRun(const GlobalOptions& options, const std::vector<std::string>& plugin_dirs, std::ostream& out,
           std::ostream& err);

    Suite& suite() { return *suite_; }
    // The database, opened and migrated on first use. A missing file is an Error naming
    // it, unless allow_create() was called (init): a mistyped --db never makes a database.
    Database& database();
    void allow_create() { allow_create_ = true; }
    std::filesystem::path database_path() const;
    const GlobalOptions& options() const { return options_; }
    std::ostream& out() { return out_; }
    std::ostream& err() { return err_; }
    // What plugins get: a lazily opened database and the streams.
    CliContext& plugin_context() { return plugin_context_; }

private:
    const GlobalOptions& options_;
    std::ostream& out_;
    std::ostream& err_;
    std::unique_ptr<Suite> suite_;
    CliContext plugin_context_;
    bool allow_create_ = false;
};

// Each file cmd_<name>.cpp adds one command to the app.
void add_init_command(CLI::App& app, CliRun& run);
void add_plugins_command(CLI::App& app, CliRun& run);
void add_import_command(CLI::App& app, CliRun& run);
void add_export_command(CLI::App& app, CliRun& run);
void add_report_command(CLI::App& app, CliRun& run);
void add_check_command(CLI::App& app, CliRun& run);
void add_backup_command(CLI::App& app, CliRun& run);
void add_restore_command(CLI::App& app, CliRun& run);
void add_gdpr_command(CLI::App& app, CliRun& run);
void add_retention_command(CLI::App& app, CliRun& run);
// People by email (or a unique full name, or an id), institutions by name: what a user
// knows. Throw maillage::Error naming what was not found or what is ambiguous.
// (Institutions: maillage::find_institution in core/institutions.h, shared with the plugins.)
Person find_person(Database& db, const std::string& who);
void add_person_command(CLI::App& app, CliRun& run);
void add_institution_command(CLI::App& app, CliRun& run);  // create, list, edit, delete
void add_institution_delete_command(CLI::App& institution, CliRun& run);
void add_reference_commands(CLI::App& app, CliRun& run);  // programme, funder
void add_list_commands(CLI::App& app, CliRun& run);       // sectors, roles, types list
void add_template_command(CLI::App& app, CliRun& run);    // the import workbook
// Closes the database at the end of a run, taking the daily backup when one is due.
void close_database(CliRun& run);

}  // namespace maillage::cli
