#pragma once
// The host's own long work, each off the window's thread with a progress dialog and
// Cancel (shared-ui/progress.h): a backup, a restore, a GDPR erasure. A cancelled one
// changes nothing: no backup file, the live database as it was, nobody erased.
#include <wx/window.h>

#include <cstdint>
#include <filesystem>
#include <optional>
#include <vector>

namespace maillage {
class Database;
struct RestoreOutcome;
}  // namespace maillage

namespace maillage::ui {

// Writes a verified backup of `db` to `target`. False when the user cancelled (no file
// left); throws maillage::Error when the backup failed.
bool backup_with_progress(wxWindow* parent, Database& db, const std::filesystem::path& target);

// Restores `backup` over the database file `live`, which must be closed. The outcome, or
// nullopt when the user cancelled before the swap (`live` untouched); throws on failure.
std::optional<RestoreOutcome> restore_with_progress(wxWindow* parent, const std::filesystem::path& backup,
                                                    const std::filesystem::path& live);

// Erases the people (core/gdpr.h, reason "request"). False when the user cancelled
// (nobody erased); throws on failure.
bool erase_with_progress(wxWindow* parent, Database& db, const std::vector<int64_t>& person_ids);

}  // namespace maillage::ui
