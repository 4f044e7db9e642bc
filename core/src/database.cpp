#include "core/database.h"

#include "core/backup_policy.h"
#include "core/error.h"
#include "core/i18n.h"
#include "core/lock.h"
#include "core/storage_check.h"
#include "core/undo.h"

#include <sqlite3.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <unistd.h>

namespace maillage {
namespace {
bool writable(const std::filesystem::path& p) { return ::access(p.c_str(), W_OK) == 0; }

std::filesystem::path folder_of(const std::filesystem::path& file) {
    return file.has_parent_path() ? file.parent_path() : std::filesystem::path(".");
}

// The file as an SQLite URI (file:/abs/path), with what URIs reserve percent-encoded.
std::string uri_path(const std::filesystem::path& file) {
    std::error_code ec;
    const auto abs = std::filesystem::absolute(file, ec).string();
    std::string out = "file:";
    for (unsigned char c : abs) {
        if (std::isalnum(c) || c == '/' || c == '-' || c == '_' || c == '.' || c == '~')
            out += char(c);
        else
            out += fmt::format("%{:02X}", unsigned(c));
    }
    return out;
}

std::string os_user() {
    if (const char* u = std::getenv("USER"); u && *u) return u;
    if (const char* l = getlogin(); l && *l) return l;
    return "unknown";
}
// The 100-byte header: SQLite's magic, a valid page size, a file of whole pages.
std::string header_problem(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    unsigned char h[100] = {};
    if (!in.read(reinterpret_cast<char*>(h), sizeof h)) return {};  // shorter: SQLite says "not a database"
    if (std::memcmp(h, "SQLite format 3", 16) != 0) return {};     // idem, with its own words
    const unsigned page = h[16] == 0 && h[17] == 1 ? 65536u : unsigned(h[16]) << 8 | h[17];
    if (page < 512 || (page & (page - 1)) != 0) return tr("the file header names an impossible page size");
    std::error_code ec;
    const auto size = std::filesystem::file_size(file, ec);
    if (!ec && size % page != 0) return tr("the file is not made of whole pages (truncated or padded)");
    return {};
}

// A WAL that exists must start with a WAL header; SQLite ignores one that does not,
// which would silently drop the changes it holds.
std::string wal_problem(const std::filesystem::path& file) {
    auto wal = file;
    wal += "-wal";
    std::ifstream in(wal, std::ios::binary);
    unsigned char h[4] = {};
    if (!in || !in.read(reinterpret_cast<char*>(h), sizeof h)) return {};  // none, or empty: nothing pending
    const uint32_t magic = uint32_t(h[0]) << 24 | uint32_t(h[1]) << 16 | uint32_t(h[2]) << 8 | h[3];
    if (magic != 0x377f0682 && magic != 0x377f0683) return tr("the write-ahead log (-wal file) has no valid header");
    return {};
}

std::string first_line(SQLite::Statement& q) {
    if (q.executeStep() && q.getColumn(0).getString() != "ok") return q.getColumn(0).getString();
    return {};
}

// Every page of the file: run when the last session did not end cleanly.
std::string full_quick_check(SQLite::Database& db) {
    SQLite::Statement q(db, "PRAGMA quick_check(1)");
    return first_line(q);
}

// Reads the schema (so the header, page 1 and the WAL index are sound) and checks the
// small tables that say what the file is, whatever the size of the rest.
std::string sampled_check(SQLite::Database& db) {
    db.execAndGet("PRAGMA schema_version");
    for (const char* table : {"sqlite_schema", "schema_version", "schema_history", "setting", "sector"}) {
        if (std::string(table) != "sqlite_schema" && !db.tableExists(table)) continue;
        SQLite::Statement q(db, std::string("PRAGMA quick_check(") + table + ")");
        if (auto problem = first_line(q); !problem.empty()) return problem;
    }
    return {};
}
}  // namespace

Database::Database(const std::filesystem::path& file, Access access, const std::string& vfs)
    : path_(file), vfs_(vfs), access_(access) {
    // A file that cannot be written, or in a folder where its journal (-wal, -shm) cannot
    // be made, opens read-only with the reason, instead of failing later on every change.
    if (access_ == Access::ReadWrite) {
        std::error_code ec;
        if (std::filesystem::exists(file, ec) && (!writable(file) || !writable(folder_of(file)))) {
            access_ = Access::ReadOnly;
            read_only_reason_ = trf("The database {file} is open read-only: {what} cannot be written (check its "
                                    "permissions, or copy it to a folder of yours).",
                                    fmt::arg("file", file.string()),
                                    fmt::arg("what", writable(file) ? tr("its folder") : tr("the file")));
        }
    }
    if (access_ == Access::ReadWrite && file.has_parent_path()) {
        std::error_code ec;
        std::filesystem::create_directories(file.parent_path(), ec);
    }
    if (access_ == Access::ReadWrite) {
        std::optional<LockHolder> holder;
        lock_ = DatabaseLock::try_acquire(file, &holder);
        if (!lock_) {
            std::error_code ec;
            if (!std::filesystem::exists(file, ec)) throw Error(locked_message(file, holder));
            access_ = Access::ReadOnly;
            read_only_reason_ = locked_message(file, holder);
        } else if (lock_->recovered_stale()) {
            warnings_.push_back(trf("The previous Maillage program using this database (process {pid} on {host}) "
                                    "ended without closing it; its lock was released.",
                                    fmt::arg("pid", lock_->previous_holder()->pid),
                                    fmt::arg("host", lock_->previous_holder()->host)));
        }
    }
    open_connection(access_ == Access::ReadOnly ? SQLite::OPEN_READONLY : (SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE));
    if (!check_on_open()) {
        // Never write to a damaged file: reopen it read-only and let the others have it.
        db_.reset();
        lock_.reset();
        access_ = Access::ReadOnly;
        open_connection(SQLite::OPEN_READONLY);
    }
    configure();
    if (damaged_) db_->exec("PRAGMA query_only = ON");
    if (auto warning = storage_warning(file); !warning.empty()) warnings_.push_back(std::move(warning));
}

void Database::open_connection(int flags) {
    std::string name = path_.string();
    if ((flags & SQLite::OPEN_READONLY) && path_ != ":memory:") {
        // mode=ro never writes. In a folder that cannot be written, SQLite cannot make the
        // -wal and -shm files a WAL database needs for reading: read it as immutable then.
        name = uri_path(path_) + "?mode=ro";
        const auto shm = path_.string() + "-shm", wal = path_.string() + "-wal";
        std::error_code ec;
        if (!writable(folder_of(path_)) &&
            !(std::filesystem::exists(shm, ec) && std::filesystem::exists(wal, ec))) {
            name += "&immutable=1";
            const auto note = trf("The folder of {file} cannot be written: the database is read as it is on disk, and "
                                  "changes another program makes to it meanwhile are not seen.",
                                  fmt::arg("file", path_.string()));
            if (std::find(warnings_.begin(), warnings_.end(), note) == warnings_.end()) warnings_.push_back(note);
        }
        flags |= SQLite::OPEN_URI;
    }
    try {
        db_ = std::make_unique<SQLite::Database>(name, flags | SQLite::OPEN_FULLMUTEX, 5000, vfs_);
    } catch (const SQLite::Exception& e) {
        throw Error(trf("Cannot open the database {file}: {reason}", fmt::arg("file", path_.string()),
                        fmt::arg("reason", e.what())));
    }
    // A hostile file must not be able to run code through its schema, nor a
    // statement rewrite the schema behind SQLite's back.
    sqlite3_db_config(db_->getHandle(), SQLITE_DBCONFIG_DEFENSIVE, 1, nullptr);
    sqlite3_db_config(db_->getHandle(), SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, nullptr);
}

bool Database::check_on_open() {
    std::error_code ec;
    if (!std::filesystem::exists(path_, ec) || std::filesystem::file_size(path_, ec) == 0) return true;
    // A full quick_check reads the whole file (seconds on a large database), so it runs
    // only when the last writer did not close the file (a crash, a kill, a power cut:
    // its lock file still names it). Otherwise the cheap checks below, the check of
    // the daily backup's copy, and `check` find damage (docs/data-safety.md).
    const bool unclean = lock_ && lock_->recovered_stale();
    std::string problem = header_problem(path_);
    if (problem.empty()) problem = wal_problem(path_);
    try {
        if (problem.empty()) problem = unclean ? full_quick_check(*db_) : sampled_check(*db_);
    } catch (const SQLite::Exception& e) {
        if (e.getErrorCode() == SQLITE_NOTADB)
            throw Error(trf("The file {file} is not a Maillage database: {reason}", fmt::arg("file", path_.string()),
                            fmt::arg("reason", e.what())));
        problem = e.what();
    }
    if (problem.empty()) return true;
    damaged_ = true;
    const auto backups = good_backups(default_backup_dir(path_), path_);
    if (backups.empty())
        read_only_reason_ = trf("The database {file} is damaged ({problem}). It is open read-only so that "
                                "nothing makes it worse; no good backup was found in {dir}.",
                                fmt::arg("file", path_.string()), fmt::arg("problem", problem),
                                fmt::arg("dir", default_backup_dir(path_).string()));
    else
        read_only_reason_ = trf("The database {file} is damaged ({problem}). It is open read-only so that "
                                "nothing makes it worse. The latest good backup is {backup}; restore it with "
                                "\"maillage-cli restore {backup}\" (or File > Restore a backup).",
                                fmt::arg("file", path_.string()), fmt::arg("problem", problem),
                                fmt::arg("backup", backups.front().file.string()));
    return false;
}

Database::Database(std::unique_ptr<SQLite::Database> db, std::filesystem::path path, Access access)
    : db_(std::move(db)), path_(std::move(path)), access_(access) {
    configure();
}

std::unique_ptr<Database> Database::in_memory() {
    auto db = std::make_unique<SQLite::Database>(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    sqlite3_db_config(db->getHandle(), SQLITE_DBCONFIG_DEFENSIVE, 1, nullptr);
    return std::unique_ptr<Database>(new Database(std::move(db), ":memory:", Access::ReadWrite));
}

Database::~Database() {
    recorder_.reset();  // its session belongs to the connection
    db_.reset();
    lock_.reset();
}

void Database::configure() {
    actor_ = os_user();
    try {
        db_->exec("PRAGMA foreign_keys = ON");
        db_->exec("PRAGMA trusted_schema = OFF");
        if (access_ == Access::ReadWrite) {
            db_->exec("PRAGMA secure_delete = ON");
            if (path_ != ":memory:") db_->exec("PRAGMA journal_mode = WAL");
            db_->exec("PRAGMA synchronous = NORMAL");
        }
    } catch (const SQLite::Exception& e) {
        throw Error(trf("The file {file} is not a usable Maillage database: {reason}",
                        fmt::arg("file", path_.string()), fmt::arg("reason", e.what())));
    }
    if (db_->execAndGet("PRAGMA foreign_keys").getInt() != 1)
        throw Error(tr("This SQLite library cannot enforce foreign keys."));
}

void Database::set_read_only(std::string reason) {
    access_ = Access::ReadOnly;
    read_only_reason_ = std::move(reason);
    db_->exec("PRAGMA query_only = ON");
}

void Database::begin() {
    if (access_ == Access::ReadOnly)
        throw ReadOnlyError(read_only_reason_.empty()
                                ? tr("The database is open read-only; nothing was changed.")
                                : read_only_reason_);
    // Nested writes are savepoints, so that an inner action that fails and is caught
    // by its caller leaves no half of itself behind.
    if (depth_ == 0) {
        db_->exec("BEGIN IMMEDIATE");
        if (recording_) {
            if (!recorder_) recorder_ = std::make_unique<ChangeRecorder>();
            recorder_->start(*this);
        }
    } else
        db_->exec("SAVEPOINT nested_" + std::to_string(depth_));
    ++depth_;
}

void Database::commit() {
    --depth_;
    if (depth_ > 0) {
        db_->exec("RELEASE nested_" + std::to_string(depth_));
        return;
    }
    // The changeset is taken before COMMIT, and kept only once COMMIT succeeded.
    ChangeRecorder::Result change;
    const bool recorded = recorder_ && recorder_->active();
    if (recorded) change = recorder_->finish();
    try {
        db_->exec("COMMIT");
    } catch (const SQLite::Exception&) {
        // A commit that could not be written (disk full, I/O error) leaves the
        // transaction open: end it so that the database stays as it was.
        try {
            db_->exec("ROLLBACK");
        } catch (...) {
        }
        throw;
    }
    if (!recording_) return;
    if (!recorded || !change.recordable) {
        undo_stack().clear();
    } else if (!change.changeset.empty()) {
        undo_stack().push(UndoEntry{label_.empty() ? unnamed_change_label(change.first_table, owners_) : label_,
                                    std::move(change.changeset)});
    }
}

UndoStack& Database::undo_stack() {
    if (!undo_) undo_ = std::make_unique<UndoStack>();
    return *undo_;
}

void Database::storage_failed(const SQLite::Exception& e) {
    switch (e.getErrorCode() & 0xFF) {
    case SQLITE_FULL:
        throw Error(trf("The disk is full: the change was not saved and the database is as it was before ({file}). "
                        "Free some space and try again.",
                        fmt::arg("file", path_.string())));
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
    case SQLITE_NOMEM:
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
    case SQLITE_PROTOCOL:
        throw Error(trf("The change could not be saved ({reason}); the database is as it was before ({file}).",
                        fmt::arg("reason", e.what()), fmt::arg("file", path_.string())));
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        throw Error(trf("The database is busy in another program; the change was not saved ({file}).",
                        fmt::arg("file", path_.string())));
    default:
        throw;  // constraint failures and the like: the caller's business
    }
}

void Database::rollback() noexcept {
    --depth_;
    try {
        if (depth_ == 0) {
            if (recorder_) recorder_->discard();
            db_->exec("ROLLBACK");
        } else {
            const auto name = "nested_" + std::to_string(depth_);
            db_->exec("ROLLBACK TO " + name);
            db_->exec("RELEASE " + name);
        }
    } catch (...) {
        // The transaction is already gone (SQLite rolled it back itself on a fatal error).
    }
}

int64_t Database::scalar_int(const std::string& sql) { return db_->execAndGet(sql).getInt64(); }

bool Database::table_exists(const std::string& name) { return db_->tableExists(name); }

}  // namespace maillage
