#include "core/backup.h"

#include "core/database.h"
#include "core/error.h"
#include "core/i18n.h"
#include "core/progress.h"

#include <SQLiteCpp/Backup.h>
#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <ctime>

namespace maillage {

std::string check_file(const std::filesystem::path& file, bool full) {
    try {
        SQLite::Database db(file.string(), SQLite::OPEN_READONLY);
        SQLite::Statement q(db, full ? "PRAGMA integrity_check" : "PRAGMA quick_check");
        if (q.executeStep()) {
            std::string first = q.getColumn(0).getString();
            if (first != "ok") return first;
        }
        return {};
    } catch (const SQLite::Exception& e) {
        return e.what();
    }
}

void backup_to(Database& db, const std::filesystem::path& target, Progress* progress) {
    namespace fs = std::filesystem;
    std::error_code ec;
    if (target.has_parent_path()) fs::create_directories(target.parent_path(), ec);
    fs::path tmp = target;
    tmp += ".tmp";
    fs::remove(tmp, ec);
    const std::string what = tr("database pages copied");
    try {
        SQLite::Database out(tmp.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        SQLite::Backup backup(out, db.sql());
        // Without a progress, one step; with one, about a hundred, each a chance to stop.
        int pages = -1;
        if (progress) {
            SQLite::Statement count(db.sql(), "PRAGMA page_count");
            pages = count.executeStep() ? std::max(1, count.getColumn(0).getInt() / 100) : 64;
        }
        while (backup.executeStep(pages) != SQLITE_DONE) {
            const auto total = static_cast<std::size_t>(backup.getTotalPageCount());
            step(progress, total - static_cast<std::size_t>(backup.getRemainingPageCount()), total, what);
        }
        const auto total = static_cast<std::size_t>(backup.getTotalPageCount());
        step(progress, total, total, what);
        // A backup is one self-contained file: no WAL beside it (a read-only check of a
        // WAL file would leave -wal and -shm files behind).
        out.exec("PRAGMA journal_mode = DELETE");
    } catch (const Cancelled&) {
        fs::remove(tmp, ec);
        throw;
    } catch (const SQLite::Exception& e) {
        fs::remove(tmp, ec);
        throw Error(trf("The backup to {file} failed: {reason}", fmt::arg("file", target.string()),
                        fmt::arg("reason", e.what())));
    }
    if (auto problem = check_file(tmp); !problem.empty()) {
        fs::remove(tmp, ec);
        throw Error(trf("The backup {file} did not pass its check and was discarded: {reason}",
                        fmt::arg("file", target.string()), fmt::arg("reason", problem)));
    }
    if (progress && progress->cancelled()) {  // the last chance: nothing is renamed into place
        fs::remove(tmp, ec);
        throw Cancelled();
    }
    fs::rename(tmp, target, ec);
    if (ec)
        throw Error(trf("The backup could not be renamed to {file}: {reason}",
                        fmt::arg("file", target.string()), fmt::arg("reason", ec.message())));
}

std::filesystem::path backup_name(const std::filesystem::path& dir, const std::filesystem::path& db_file,
                                  const std::string& tag) {
    const auto now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm tm{};
    localtime_r(&now, &tm);
    char stamp[32];
    std::strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &tm);
    return dir / (db_file.stem().string() + "-" + tag + "-" + stamp + ".sqlite");
}

}  // namespace maillage
