#pragma once
// Schema migrations, per namespace ("core", and one per plugin id), applied in order
// and recorded in the database (tables schema_version and schema_history).
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace SQLite {
class Database;
}

namespace maillage {

class Database;

struct Migration {
    int version = 0;          // 1, 2, 3... within its namespace, never reused
    std::string description;  // one line, for the history table
    std::function<void(SQLite::Database&)> apply;

    // A migration that is one SQL script.
    static Migration sql(int version, std::string description, std::string script);
};

struct MigrationSet {
    std::string ns;  // "core" or the plugin id
    std::vector<Migration> steps;
    int latest() const { return steps.empty() ? 0 : steps.back().version; }
};

struct MigrationStatus {
    std::string ns;
    int current = 0;  // version recorded in the database
    int latest = 0;   // version this program knows
};

struct MigrationOutcome {
    std::vector<MigrationStatus> applied;  // namespaces that were upgraded
    std::optional<std::filesystem::path> backup;  // taken before upgrading, when any
    // Set when the database has a namespace newer than this program knows: the database
    // was then left untouched and opened read-only.
    std::string newer_than_program;
};

// The version recorded for ns in db (0 when never migrated).
int schema_version(Database& db, const std::string& ns);

// Brings db up to the latest version of every set, in the order given (core first).
// Before changing a database that already holds data, a verified backup is written to
// backup_dir (default: a "backups" folder beside the database file). If any namespace
// in the database is newer than the program knows, nothing is changed and the database
// is switched to read-only with a message saying so. All steps run in one transaction.
MigrationOutcome migrate(Database& db, const std::vector<MigrationSet>& sets,
                         std::optional<std::filesystem::path> backup_dir = std::nullopt);

}  // namespace maillage
