#include "core/database.h"

#include "core/error.h"
#include "core/i18n.h"

#include <cstdlib>
#include <unistd.h>

namespace maillage {
namespace {
std::string os_user() {
    if (const char* u = std::getenv("USER"); u && *u) return u;
    if (const char* l = getlogin(); l && *l) return l;
    return "unknown";
}
}  // namespace

Database::Database(const std::filesystem::path& file, Access access) : path_(file), access_(access) {
    const int flags = access == Access::ReadOnly ? SQLite::OPEN_READONLY
                                                 : (SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    if (access == Access::ReadWrite && file.has_parent_path()) {
        std::error_code ec;
        std::filesystem::create_directories(file.parent_path(), ec);
    }
    try {
        db_ = std::make_unique<SQLite::Database>(file.string(), flags | SQLite::OPEN_FULLMUTEX, 5000);
    } catch (const SQLite::Exception& e) {
        throw Error(trf("Cannot open the database {file}: {reason}", fmt::arg("file", file.string()),
                        fmt::arg("reason", e.what())));
    }
    configure();
}

Database::Database(std::unique_ptr<SQLite::Database> db, std::filesystem::path path, Access access)
    : db_(std::move(db)), path_(std::move(path)), access_(access) {
    configure();
}

std::unique_ptr<Database> Database::in_memory() {
    auto db = std::make_unique<SQLite::Database>(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    return std::unique_ptr<Database>(new Database(std::move(db), ":memory:", Access::ReadWrite));
}

Database::~Database() = default;

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
    if (depth_ == 0)
        db_->exec("BEGIN IMMEDIATE");
    else
        db_->exec("SAVEPOINT nested_" + std::to_string(depth_));
    ++depth_;
}

void Database::commit() {
    --depth_;
    if (depth_ == 0)
        db_->exec("COMMIT");
    else
        db_->exec("RELEASE nested_" + std::to_string(depth_));
}

void Database::rollback() noexcept {
    --depth_;
    try {
        if (depth_ == 0) {
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
