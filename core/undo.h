#pragma once
// Undo and redo of every change, for the core and every plugin at once. Each outermost
// Database::write is recorded by SQLite's session extension as a changeset (the rows it
// inserted, changed and deleted, with their old values); undo applies it backwards, redo
// forwards, each in one transaction. The stack lives in memory with its connection: it is
// empty when a database is opened, so nothing survives a restart.
//
// Not recorded, because they must never go back: the audit log (append-only; undo and
// redo add their own entries), the erasure ledger, schema_version and schema_history. A
// change that writes the ledger (GDPR erasure, retention) or the schema (a migration), or
// that touches a table without a declared PRIMARY KEY (the session extension cannot
// record those), cannot be undone: it empties the stack, so that no earlier change can be
// undone across it.
#include <cstddef>
#include <cstdint>
#include <deque>
#include <string>
#include <utility>
#include <vector>

namespace maillage {

class Database;

struct UndoEntry {
    std::string label;      // translated, names the action ("Enrol Leila Benali in Group 1")
    std::string changeset;  // sqlite3session changeset bytes
};

class UndoStack {
public:
    static constexpr std::size_t kMaxEntries = 100;
    static constexpr std::size_t kMaxBytes = 64u << 20;

    bool can_undo() const { return !undo_.empty(); }
    bool can_redo() const { return !redo_.empty(); }
    // The name of what undo (redo) would undo (redo); empty when nothing.
    std::string undo_label() const { return undo_.empty() ? std::string() : undo_.back().label; }
    std::string redo_label() const { return redo_.empty() ? std::string() : redo_.back().label; }
    std::size_t undo_count() const { return undo_.size(); }
    std::size_t redo_count() const { return redo_.size(); }

    // A new change: on top of the undo stack; the redo stack is emptied. The oldest
    // entries go when the stack holds more than kMaxEntries or kMaxBytes.
    void push(UndoEntry entry);
    // Forgets everything (a change that cannot be undone happened).
    void clear();

private:
    friend std::string undo_last(Database& db);
    friend std::string redo_last(Database& db);
    void trim();

    std::deque<UndoEntry> undo_;
    std::deque<UndoEntry> redo_;
};

// Undoes the latest recorded change in one transaction and audits it; returns its name.
// Throws maillage::Error, changing nothing, when there is nothing to undo, when a record
// the change touched was changed since by something that was not recorded, or when
// undoing would break a link between records.
std::string undo_last(Database& db);
// Re-applies the latest undone change; the same guarantees.
std::string redo_last(Database& db);

// The name of a change whose action gave none: "Change in <plugin>" when the first table
// it changed belongs to a plugin (owners: table prefix -> the plugin's translated name),
// else a name from the core table ("Change to a person"...).
std::string unnamed_change_label(const std::string& table,
                                 const std::vector<std::pair<std::string, std::string>>& owners);

// Records the changes of one transaction (used by Database; one per connection).
class ChangeRecorder {
public:
    ChangeRecorder();
    ~ChangeRecorder();
    ChangeRecorder(const ChangeRecorder&) = delete;
    ChangeRecorder& operator=(const ChangeRecorder&) = delete;

    // Starts recording on the connection (at BEGIN of an outermost write).
    void start(Database& db);
    // The changes so far (call before COMMIT); ends recording. `recordable` is false when
    // the transaction wrote something that cannot be undone.
    struct Result {
        std::string changeset;
        std::string first_table;  // the first table changed, to name an unnamed change
        bool recordable = true;
    };
    Result finish();
    // Ends recording without keeping anything (rollback).
    void discard() noexcept;
    bool active() const;

    struct State;

private:
    State* state_;
};

}  // namespace maillage
