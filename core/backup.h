#pragma once
// Online backups of a live database (SQLite backup API) to a file that is verified
// before it is given its final name, so a backup on disk is always a good one.
#include <filesystem>
#include <string>

namespace maillage {

class Database;
class Progress;

// Copies db into `target` (written as target.tmp, checked with quick_check, then
// renamed). Throws maillage::Error when the copy or the check fails; target is then
// not created. With `progress`, the pages are copied in steps it counts; when it is
// cancelled, Cancelled is thrown and no file is left (neither target nor target.tmp).
void backup_to(Database& db, const std::filesystem::path& target, Progress* progress = nullptr);

// Runs PRAGMA quick_check (or integrity_check when full) on the file; returns "" when
// it is sound, else the first problem reported.
std::string check_file(const std::filesystem::path& file, bool full = false);

// A timestamped file name "<stem>-<tag>-YYYYmmdd-HHMMSS.sqlite" inside dir.
std::filesystem::path backup_name(const std::filesystem::path& dir, const std::filesystem::path& db_file,
                                  const std::string& tag);

}  // namespace maillage
