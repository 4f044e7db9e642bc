#pragma once
// The one connection to a Maillage database file. Owns the SQLite::Database; every
// other core and plugin object borrows it and must not outlive it.
#include <SQLiteCpp/SQLiteCpp.h>

#include <filesystem>
#include <memory>
#include <string>

namespace maillage {

class Database {
public:
    enum class Access { ReadWrite, ReadOnly };

    // Opens (creating it when Access::ReadWrite and missing) the database at `file`, with
    // foreign keys on, WAL journal, a busy timeout and secure_delete.
    // Throws maillage::Error with a readable message when the file cannot be opened.
    explicit Database(const std::filesystem::path& file, Access access = Access::ReadWrite);
    // A private in-memory database, for tests.
    static std::unique_ptr<Database> in_memory();

    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;
    ~Database();

    SQLite::Database& sql() { return *db_; }
    const std::filesystem::path& path() const { return path_; }
    bool read_only() const { return access_ == Access::ReadOnly; }
    // Why the database is read-only (newer schema, damage...); empty when writable.
    const std::string& read_only_reason() const { return read_only_reason_; }
    void set_read_only(std::string reason);

    // Runs fn() inside one transaction (BEGIN IMMEDIATE): committed when fn returns,
    // rolled back when it throws, so every user action is all-or-nothing. Nested calls
    // are savepoints inside the outer one. Throws ReadOnlyError on a read-only database.
    template <class F>
    decltype(auto) write(F&& fn);

    // Who the audit log names as the author of changes (the OS user by default).
    const std::string& actor() const { return actor_; }
    void set_actor(std::string actor) { actor_ = std::move(actor); }

    // Convenience queries.
    int64_t scalar_int(const std::string& sql);
    bool table_exists(const std::string& name);

private:
    Database(std::unique_ptr<SQLite::Database> db, std::filesystem::path path, Access access);
    void configure();
    void begin();
    void commit();
    void rollback() noexcept;

    std::unique_ptr<SQLite::Database> db_;
    std::filesystem::path path_;
    Access access_;
    std::string read_only_reason_;
    std::string actor_;
    int depth_ = 0;
};

template <class F>
decltype(auto) Database::write(F&& fn) {
    begin();
    struct Guard {
        Database* self;
        bool done = false;
        ~Guard() {
            if (!done) self->rollback();
        }
    } guard{this};
    if constexpr (std::is_void_v<decltype(fn())>) {
        fn();
        guard.done = true;
        commit();
    } else {
        decltype(auto) result = fn();
        guard.done = true;
        commit();
        return result;
    }
}

}  // namespace maillage
