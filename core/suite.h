#pragma once
// What the window and maillage-cli share: the loaded plugins and the open database,
// migrated to the schema of the core and of every plugin.
#include "core/database.h"
#include "core/migration.h"
#include "core/plugin_loader.h"

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace maillage {

class Progress;

class Suite {
public:
    // Loads the plugins from the folders (see default_plugin_folders()). With a crash
    // sentinel file, a plugin that crashed the previous start is detected and, unless
    // skip_crashed answers false, skipped (PluginLoader::set_crash_sentinel). Only the
    // window asks for PluginModules::LogicAndUi.
    explicit Suite(const std::vector<std::filesystem::path>& plugin_folders,
                   const std::filesystem::path& crash_sentinel = {},
                   const PluginLoader::CrashedPluginQuestion& skip_crashed = {},
                   PluginModules modules = PluginModules::Logic);
    ~Suite();

    PluginLoader& plugins() { return loader_; }

    // Opens the database file (creating it when missing), then migrates it to the schema
    // of the core and of every loaded plugin. A database newer than this program is left
    // read-only (outcome().newer_than_program says so). Throws maillage::Error.
    Database& open(const std::filesystem::path& file, Database::Access access = Database::Access::ReadWrite);
    // An in-memory database, migrated (tests).
    Database& open_in_memory();
    bool is_open() const { return db_ != nullptr; }
    Database& database();
    void close();
    const MigrationOutcome& outcome() const { return outcome_; }

    // True when the database holds no institution and no person yet.
    bool is_empty();
    // Writes the demo content of the core then of each plugin, in one transaction.
    void seed_demo(int year);

    // All report sections (core first) and a report built from them.
    // With `progress`, each contributor is a step and a cancel throws Cancelled.
    Report report(const ReportScope& scope, Progress* progress = nullptr);

private:
    void migrate();

    PluginLoader loader_;
    std::unique_ptr<Database> db_;
    MigrationOutcome outcome_;
};

}  // namespace maillage
