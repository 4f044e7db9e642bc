#include "core/restore.h"

#include "core/backup.h"
#include "core/backup_policy.h"
#include "core/core_schema.h"
#include "core/database.h"
#include "core/error.h"
#include "core/gdpr.h"
#include "core/i18n.h"
#include "core/lock.h"
#include "core/migration.h"
#include "core/progress.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <fcntl.h>
#include <unistd.h>

#include <random>

namespace maillage {
namespace {
namespace fs = std::filesystem;

fs::path with_suffix(const fs::path& file, const char* suffix) {
    auto f = file;
    f += suffix;
    return f;
}

void fsync_path(const fs::path& path, bool directory) {
    const int fd = ::open(path.c_str(), (directory ? O_RDONLY | O_DIRECTORY : O_RDWR) | O_CLOEXEC);
    if (fd < 0) return;
    ::fsync(fd);
    ::close(fd);
}

void remove_sidecars(const fs::path& file) {
    std::error_code ec;
    fs::remove(with_suffix(file, "-wal"), ec);
    fs::remove(with_suffix(file, "-shm"), ec);
    fs::remove(with_suffix(file, "-journal"), ec);
}

// A Maillage database this program can read: it has a core schema not newer than ours.
void check_is_maillage(const fs::path& backup) {
    int version = 0;
    try {
        SQLite::Database db(backup.string(), SQLite::OPEN_READONLY);
        if (!db.tableExists("schema_version")) throw Error("");
        SQLite::Statement q(db, "SELECT version FROM schema_version WHERE namespace = 'core'");
        if (!q.executeStep()) throw Error("");
        version = q.getColumn(0).getInt();
    } catch (const std::exception&) {
        throw Error(trf("{file} is not a Maillage database; nothing was restored.", fmt::arg("file", backup.string())));
    }
    if (version > core_migrations().latest())
        throw Error(trf("{file} was written by a newer version of Maillage; nothing was restored.",
                        fmt::arg("file", backup.string())));
}
}  // namespace

RestoreOutcome restore_backup(const fs::path& backup, const fs::path& live, Progress* progress) {
    RestoreOutcome outcome;
    std::error_code ec;
    // The stages the user sees; Cancel is honoured up to the last one (keeping the
    // replaced database and the swap), after which the restore is as good as done.
    constexpr std::size_t stages = 6;
    step(progress, 0, stages, tr("checking the backup"));
    if (!fs::exists(backup, ec))
        throw Error(trf("The backup {file} does not exist.", fmt::arg("file", backup.string())));
    if (auto problem = check_file(backup, true); !problem.empty())
        throw Error(trf("The backup {file} is damaged ({problem}); nothing was restored.",
                        fmt::arg("file", backup.string()), fmt::arg("problem", problem)));
    check_is_maillage(backup);

    std::optional<LockHolder> holder;
    auto lock = DatabaseLock::try_acquire(live, &holder);
    if (!lock)
        throw Error(trf("The database {file} is open in another Maillage program; close it before restoring.",
                        fmt::arg("file", live.string())));

    // Who was erased since (from the live database, when it can still be read).
    std::vector<int64_t> erased;
    const bool live_exists = fs::exists(live, ec);
    if (live_exists) {
        try {
            Database current(live, Database::Access::ReadOnly);
            erased = erased_person_ids(current);
        } catch (const std::exception&) {
            // A live database too damaged to read: its ledger is lost with it.
        }
    }

    // Prepare the new file beside the live one (same file system, so the swap is a rename).
    const auto tmp = with_suffix(live, ".restoring");
    step(progress, 1, stages, tr("copying the backup"));
    remove_sidecars(tmp);
    fs::remove(tmp, ec);
    fs::copy_file(backup, tmp, fs::copy_options::overwrite_existing, ec);
    if (ec)
        throw Error(trf("Could not copy the backup next to {file}: {reason}", fmt::arg("file", live.string()),
                        fmt::arg("reason", ec.message())));
    const auto scratch = fs::temp_directory_path() / ("maillage-restore-" + std::to_string(std::random_device{}()));
    try {
        step(progress, 2, stages, tr("bringing the backup up to date"));
        Database restored(tmp);
        migrate(restored, {core_migrations()}, scratch);
        if (!erased.empty())
            outcome.erasures_reapplied = erase_people(restored, erased, "reapplied").erased;
        restored.sql().exec("PRAGMA wal_checkpoint(TRUNCATE)");
        // One self-contained file to rename into place; the next open turns WAL on again.
        restored.sql().exec("PRAGMA journal_mode = DELETE");
    } catch (...) {
        fs::remove_all(scratch, ec);
        remove_sidecars(tmp);
        fs::remove(tmp, ec);
        throw;
    }
    fs::remove_all(scratch, ec);
    remove_sidecars(tmp);
    fs::remove(DatabaseLock::lock_file(tmp), ec);
    try {
        step(progress, 3, stages, tr("checking the restored copy"));
    } catch (const Cancelled&) {
        fs::remove(tmp, ec);
        throw;
    }
    if (auto problem = check_file(tmp, true); !problem.empty()) {
        fs::remove(tmp, ec);
        throw Error(trf("The restored copy did not pass its check ({problem}); nothing was restored.",
                        fmt::arg("problem", problem)));
    }
    remove_sidecars(tmp);
    fsync_path(tmp, false);
    try {
        step(progress, 4, stages, tr("keeping the database it replaces"));
    } catch (const Cancelled&) {
        fs::remove(tmp, ec);
        throw;
    }

    // Keep the database being replaced, and fold its WAL into it so that no stale WAL can
    // be replayed onto the restored file.
    if (live_exists) {
        const auto copy = backup_name_at(default_backup_dir(live), live, "before-restore", local_now());
        try {
            Database current(live);
            backup_to(current, copy);
            if (!current.read_only()) current.sql().exec("PRAGMA wal_checkpoint(TRUNCATE)");
            outcome.replaced_copy = copy;
        } catch (const std::exception&) {
            // Damaged: keep the raw files as they are.
            fs::create_directories(copy.parent_path(), ec);
            fs::copy_file(live, copy, fs::copy_options::overwrite_existing, ec);
            if (!ec) outcome.replaced_copy = copy;
            // Only a WAL that holds changes is worth keeping: an empty one (a checkpointed
            // database) would just be a 0-byte file beside the copy. The -shm is never
            // kept: SQLite rebuilds it from the WAL.
            std::error_code size_ec;
            if (fs::file_size(with_suffix(live, "-wal"), size_ec) > 0 && !size_ec)
                fs::copy_file(with_suffix(live, "-wal"), with_suffix(copy, "-wal"), fs::copy_options::overwrite_existing,
                              ec);
        }
        // Whatever opened the copy on the way (a check) leaves no empty sidecar behind.
        for (const char* suffix : {"-wal", "-shm"}) {
            std::error_code size_ec;
            if (fs::file_size(with_suffix(copy, suffix), size_ec) == 0 && !size_ec) fs::remove(with_suffix(copy, suffix), ec);
        }
    }
    if (progress) progress->report(5, stages, tr("putting the backup in place"));
    remove_sidecars(live);
    fs::rename(tmp, live, ec);
    if (ec)
        throw Error(trf("Could not put the restored database in place: {reason}", fmt::arg("reason", ec.message())));
    fsync_path(live.has_parent_path() ? live.parent_path() : fs::path("."), true);
    if (progress) progress->report(stages, stages, tr("putting the backup in place"));
    return outcome;
}

}  // namespace maillage
