#pragma once
// The one connection to a Maillage database file. Owns the SQLite::Database; every
// other core and plugin object borrows it and must not outlive it.
#include <SQLiteCpp/SQLiteCpp.h>

#include <filesystem>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace maillage {

class ChangeRecorder;
class DatabaseLock;
class UndoStack;

class Database {
public:
    enum class Access { ReadWrite, ReadOnly };

    // Opens (creating it when Access::ReadWrite and missing) the database at `file`, with
    // foreign keys on, WAL journal, a busy timeout, secure_delete, defensive mode and
    // trusted_schema off. Opening for writing takes the file's single-writer lock
    // (core/lock.h); when another process holds it, the database is opened read-only and
    // read_only_reason() says who has it. The file is checked (quick_check) first: a
    // damaged database is opened read-only, never written, and the reason names the
    // latest good backup. Throws maillage::Error with a readable message when the file
    // cannot be opened or is not a database.
    // `vfs` names a registered SQLite VFS (tests inject faults through one); empty = default.
    explicit Database(const std::filesystem::path& file, Access access = Access::ReadWrite,
                      const std::string& vfs = {});
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
    // Set when quick_check found the file damaged (it is then read-only).
    bool damaged() const { return damaged_; }
    // Things the user should know that do not stop the work: a network or cloud-synced
    // folder, a lock recovered from a crashed program.
    const std::vector<std::string>& warnings() const { return warnings_; }

    // Runs fn() inside one transaction (BEGIN IMMEDIATE): committed when fn returns,
    // rolled back when it throws, so every user action is all-or-nothing. Nested calls
    // are savepoints inside the outer one. Throws ReadOnlyError on a read-only database;
    // a failure of the storage itself (disk full, I/O error, out of memory, damage) is
    // turned into a maillage::Error saying that nothing was changed.
    template <class F>
    decltype(auto) write(F&& fn);
    // The same, naming the change for Edit > Undo ("Enrol Leila Benali in Group 1"; a
    // translated sentence start). The outermost write that gives a name names the change;
    // an unnamed change is named after what it touched (core/undo.h).
    template <class F>
    decltype(auto) write(const std::string& label, F&& fn);
    // True inside write().
    bool in_write() const { return depth_ > 0; }

    // The changes this connection made, for undo and redo (core/undo.h). In memory only.
    UndoStack& undo_stack();
    // Whether writes are recorded for undo (on by default). The command line, which has
    // no undo, turns it off: an import then skips the session extension's per-row work.
    void record_undo(bool on) { recording_ = on; }
    // Which plugin owns the tables with a prefix, to name unnamed changes ("intervision"
    // -> "Intervision"); set by Suite once the plugins are loaded.
    void set_table_owners(std::vector<std::pair<std::string, std::string>> owners) { owners_ = std::move(owners); }

    // Who the audit log names as the author of changes (the OS user by default).
    const std::string& actor() const { return actor_; }
    void set_actor(std::string actor) { actor_ = std::move(actor); }

    // Convenience queries.
    int64_t scalar_int(const std::string& sql);
    bool table_exists(const std::string& name);

private:
    friend std::string undo_last(Database& db);
    friend std::string redo_last(Database& db);
    // A write that is not recorded for undo (undo and redo themselves).
    template <class F>
    void write_unrecorded(F&& fn);
    struct LabelScope {
        Database& db;
        bool owner;
        LabelScope(Database& d, const std::string& label) : db(d), owner(d.label_.empty()) {
            if (owner) db.label_ = label;
        }
        ~LabelScope() {
            if (owner) db.label_.clear();
        }
    };

    template <class F>
    decltype(auto) write_unchecked(F&& fn);
    Database(std::unique_ptr<SQLite::Database> db, std::filesystem::path path, Access access);
    void configure();
    void open_connection(int flags);
    bool check_on_open();
    void begin();
    void commit();
    void rollback() noexcept;
    [[noreturn]] void storage_failed(const SQLite::Exception& e);

    // Declared before db_: the connection closes before the lock is released.
    std::unique_ptr<DatabaseLock> lock_;
    std::unique_ptr<SQLite::Database> db_;
    std::filesystem::path path_;
    std::string vfs_;
    Access access_;
    std::string read_only_reason_;
    std::string actor_;
    std::vector<std::string> warnings_;
    bool damaged_ = false;
    int depth_ = 0;
    // Undo (core/undo.h): what the current transaction changes, and the stack.
    std::unique_ptr<ChangeRecorder> recorder_;
    std::unique_ptr<UndoStack> undo_;
    std::string label_;
    bool recording_ = true;
    std::vector<std::pair<std::string, std::string>> owners_;
};

template <class F>
decltype(auto) Database::write(F&& fn) {
    try {
        return write_unchecked(std::forward<F>(fn));
    } catch (const SQLite::Exception& e) {
        storage_failed(e);
    }
}

template <class F>
decltype(auto) Database::write(const std::string& label, F&& fn) {
    LabelScope scope(*this, label);
    return write(std::forward<F>(fn));
}

template <class F>
void Database::write_unrecorded(F&& fn) {
    struct Off {
        Database& db;
        bool was;
        explicit Off(Database& d) : db(d), was(d.recording_) { db.recording_ = false; }
        ~Off() { db.recording_ = was; }
    } off(*this);
    write(std::forward<F>(fn));
}

template <class F>
decltype(auto) Database::write_unchecked(F&& fn) {
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
