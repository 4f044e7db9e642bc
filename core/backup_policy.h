#pragma once
// Which backups to take and which to keep. Automatic backups are taken when a writable
// database is closed, at most once a day, into the "backups" folder beside it, and
// thinned out to 7 daily, 4 weekly and 12 monthly ones. The decisions are pure functions
// of the file names and a given date, so they are tested with a fixed clock.
#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace maillage {

class Database;

// A backup file, with the date and time written in its name (local time) by
// backup_name(): "<stem>-<tag>-YYYYmmdd-HHMMSS.sqlite".
struct BackupFile {
    std::filesystem::path file;
    std::string tag;                  // "auto", "manual", "before-upgrade", "before-restore"...
    std::chrono::local_seconds taken;  // from the name
};

struct KeepPolicy {
    int daily = 7;    // the newest backup of each of the 7 latest days that have one
    int weekly = 4;   // ... of each of the 4 latest ISO weeks
    int monthly = 12; // ... of each of the 12 latest months
};

// "backups" beside the database file.
std::filesystem::path default_backup_dir(const std::filesystem::path& db_file);

// Parses a backup file name made for db_file; nullopt for other files.
std::optional<BackupFile> parse_backup_name(const std::filesystem::path& file, const std::filesystem::path& db_file);

// The name backup_name() would give at local time `at`.
std::filesystem::path backup_name_at(const std::filesystem::path& dir, const std::filesystem::path& db_file,
                                     const std::string& tag, std::chrono::local_seconds at);

// The current local time, to the second.
std::chrono::local_seconds local_now();

// The backups of db_file in dir, newest first (by the time in their names).
std::vector<BackupFile> list_backups(const std::filesystem::path& dir, const std::filesystem::path& db_file);

// The backups of list_backups() that pass quick_check, newest first.
std::vector<BackupFile> good_backups(const std::filesystem::path& dir, const std::filesystem::path& db_file);

// Indices into `taken` of the backups the policy keeps (any order in, ascending out).
// A backup is kept when it is the newest of its day among the `daily` latest days, of
// its ISO week among the `weekly` latest weeks, or of its month among the `monthly`
// latest months.
std::vector<size_t> backups_to_keep(const std::vector<std::chrono::local_seconds>& taken,
                                    const KeepPolicy& policy = {});

// Deletes the backups with `tag` that the policy does not keep; returns them.
std::vector<std::filesystem::path> rotate_backups(const std::filesystem::path& dir,
                                                  const std::filesystem::path& db_file,
                                                  const std::string& tag = "auto", const KeepPolicy& policy = {});

// The automatic backup: when db is a writable file and no "auto" backup was taken on
// the day of `now`, writes one (verified, see backup_to) and rotates. Returns the new
// file, or nullopt when none was due. Called by maillage-cli and the window when they
// close a writable database. Throws maillage::Error when the backup fails.
std::optional<std::filesystem::path> backup_if_due(Database& db, std::optional<std::filesystem::path> dir = std::nullopt,
                                                   std::chrono::local_seconds now = local_now());

}  // namespace maillage
