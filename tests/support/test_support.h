#pragma once
// Helpers for tests: temporary folders and databases migrated to the core schema (and
// optionally to plugin migration sets).
#include "core/database.h"
#include "core/institutions.h"
#include "core/migration.h"
#include "core/people.h"

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace maillage::test {

// A fresh folder under the system temp dir, removed with its content on destruction.
class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return path_; }
    std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

private:
    std::filesystem::path path_;
};

// An in-memory database migrated to the core schema plus `extra` sets (a plugin's).
std::unique_ptr<Database> memory_db(const std::vector<MigrationSet>& extra = {});
// A database file at `file`, migrated likewise.
std::unique_ptr<Database> file_db(const std::filesystem::path& file, const std::vector<MigrationSet>& extra = {});

// Small worlds, written straight through the repositories: an institution in the core
// sectors `sector_codes` (found by code; the first is its primary sector), and a person
// employed at `works_at` since 2020-01-01 when given.
int64_t add_institution(Database& db, Institution institution, const std::vector<std::string>& sector_codes = {});
int64_t add_person(Database& db, const Person& person, std::optional<int64_t> works_at = {});

// The whole database file as SQL text, read by the sqlite3 shell (a failed test when the
// shell fails).
std::string sqlite_dump(const std::filesystem::path& file);

// `text` written as UTF-16 (each char a code unit: ASCII or Latin-1), as spreadsheets
// save it: little-endian then big-endian with their byte-order marks, then both without.
std::vector<std::string> utf16_variants(const std::string& text);

// Writes text to a file (binary, exactly as given).
void write_file(const std::filesystem::path& file, const std::string& text);
std::string read_file(const std::filesystem::path& file);

// The build tree's folders (set by CMake): executables, plugins, test plugins.
std::filesystem::path build_bin_dir();
std::filesystem::path build_plugin_dir();
std::filesystem::path test_plugin_dir();
std::filesystem::path source_dir();

}  // namespace maillage::test
