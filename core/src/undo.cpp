// The session extension's declarations are compiled only when these are defined; Debian's
// libsqlite3 is built with both (PRAGMA compile_options lists ENABLE_SESSION and
// ENABLE_PREUPDATE_HOOK), and tests/core/undo_test.cpp checks it at run time.
#define SQLITE_ENABLE_SESSION 1
#define SQLITE_ENABLE_PREUPDATE_HOOK 1
#include <sqlite3.h>

#include "core/undo.h"

#include "core/audit.h"
#include "core/database.h"
#include "core/error.h"
#include "core/i18n.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <initializer_list>
#include <set>

namespace maillage {

// ---- the stack ------------------------------------------------------------------------

void UndoStack::push(UndoEntry entry) {
    redo_.clear();
    undo_.push_back(std::move(entry));
    trim();
}

void UndoStack::clear() {
    undo_.clear();
    redo_.clear();
}

void UndoStack::trim() {
    std::size_t bytes = 0;
    for (const auto& e : undo_) bytes += e.changeset.size();
    for (const auto& e : redo_) bytes += e.changeset.size();
    while (!undo_.empty() && (undo_.size() > kMaxEntries || bytes > kMaxBytes)) {
        bytes -= undo_.front().changeset.size();
        undo_.pop_front();
    }
}

// ---- recording ------------------------------------------------------------------------

namespace {
// Tables whose rows must never go back (see undo.h).
bool never_undone(const char* table) {
    const std::string t = table;
    return t == "audit_log" || t == "erasure_ledger" || t == "schema_version" || t == "schema_history" ||
           t.rfind("sqlite_", 0) == 0;
}
// Writing these makes the whole change one that cannot be undone.
bool barrier(const char* table) {
    const std::string t = table;
    return t == "erasure_ledger" || t == "schema_version" || t == "schema_history";
}
}  // namespace

struct ChangeRecorder::State {
    sqlite3_session* session = nullptr;
    bool recordable = true;
    std::string first_table;
    // Tables without a declared PRIMARY KEY, which the session extension skips without a
    // word; recomputed when the schema cookie changes.
    std::set<std::string> without_pk;
    int schema_cookie = -1;

    void refresh_tables(SQLite::Database& sql) {
        const int cookie = sql.execAndGet("PRAGMA schema_version").getInt();
        if (cookie == schema_cookie) return;
        without_pk.clear();
        SQLite::Statement tables(sql,
                                 "SELECT m.name FROM sqlite_master m WHERE m.type = 'table' AND m.name NOT LIKE "
                                 "'sqlite_%' AND NOT EXISTS (SELECT 1 FROM pragma_table_info(m.name) WHERE pk > 0)");
        while (tables.executeStep()) without_pk.insert(tables.getColumn(0).getString());
        schema_cookie = cookie;
    }

    static int filter(void* ctx, const char* table) {
        auto* self = static_cast<State*>(ctx);
        if (barrier(table)) self->recordable = false;
        if (never_undone(table)) return 0;
        if (self->without_pk.count(table)) {
            self->recordable = false;
            return 0;
        }
        if (self->first_table.empty()) self->first_table = table;
        return 1;
    }
};

ChangeRecorder::ChangeRecorder() : state_(new State) {}

ChangeRecorder::~ChangeRecorder() {
    discard();
    delete state_;
}

bool ChangeRecorder::active() const { return state_->session != nullptr; }

void ChangeRecorder::start(Database& db) {
    discard();
    state_->recordable = true;
    state_->first_table.clear();
    try {
        state_->refresh_tables(db.sql());
    } catch (const SQLite::Exception&) {
        state_->recordable = false;
        return;
    }
    sqlite3_session* s = nullptr;
    if (sqlite3session_create(db.sql().getHandle(), "main", &s) != SQLITE_OK) {
        state_->recordable = false;
        return;
    }
    sqlite3session_table_filter(s, &State::filter, state_);
    if (sqlite3session_attach(s, nullptr) != SQLITE_OK) {
        sqlite3session_delete(s);
        state_->recordable = false;
        return;
    }
    state_->session = s;
}

ChangeRecorder::Result ChangeRecorder::finish() {
    Result out;
    out.recordable = state_->recordable;
    out.first_table = state_->first_table;
    if (!state_->session) {
        out.recordable = false;
        return out;
    }
    int size = 0;
    void* data = nullptr;
    if (sqlite3session_changeset(state_->session, &size, &data) == SQLITE_OK) {
        out.changeset.assign(static_cast<const char*>(data), static_cast<std::size_t>(size));
    } else {
        out.recordable = false;
    }
    sqlite3_free(data);
    discard();
    return out;
}

void ChangeRecorder::discard() noexcept {
    if (state_->session) sqlite3session_delete(state_->session);
    state_->session = nullptr;
}

// ---- undo and redo --------------------------------------------------------------------

namespace {
std::string readable_table(std::string table) {
    for (auto& c : table)
        if (c == '_') c = ' ';
    return table;
}

struct Conflict {
    bool seen = false;
    std::string table;
    int kind = 0;
};

int on_conflict(void* ctx, int kind, sqlite3_changeset_iter* it) {
    auto* conflict = static_cast<Conflict*>(ctx);
    if (!conflict->seen) {
        conflict->seen = true;
        conflict->kind = kind;
        const char* table = nullptr;
        int columns = 0, op = 0, indirect = 0;
        if (kind != SQLITE_CHANGESET_FOREIGN_KEY &&
            sqlite3changeset_op(it, &table, &columns, &op, &indirect) == SQLITE_OK && table)
            conflict->table = table;
    }
    return SQLITE_CHANGESET_ABORT;
}

// Foreign keys and triggers are off while a changeset is applied: the changeset already
// holds what the cascades and triggers of the original change did, and doing it again
// would find rows gone or doubled. Integrity is checked before committing instead.
class ApplyGuard {
public:
    explicit ApplyGuard(Database& db) : db_(db) {
        db_.sql().exec("PRAGMA foreign_keys = OFF");  // outside a transaction, so it takes
    }
    ~ApplyGuard() {
        try {
            db_.sql().exec("PRAGMA foreign_keys = ON");
        } catch (...) {
        }
    }

private:
    Database& db_;
};

void set_triggers(Database& db, bool on) {
    sqlite3_db_config(db.sql().getHandle(), SQLITE_DBCONFIG_ENABLE_TRIGGER, on ? 1 : 0, nullptr);
}

// The sentence for a refused undo (redo): which record stands in the way, and that
// nothing changed.
[[noreturn]] void refuse(const UndoEntry& entry, bool backwards, int kind, const std::string& table) {
    // {undo, redo} sentences for each kind of conflict.
    static const char* const kClash[] = {
        N_("\u201c{action}\u201d cannot be undone: the {table} it would bring back clashes with a record made "
           "since. Nothing was changed."),
        N_("\u201c{action}\u201d cannot be redone: the {table} it would write clashes with a record made since. "
           "Nothing was changed.")};
    static const char* const kDangling[] = {
        N_("\u201c{action}\u201d cannot be undone: a {table} record would point to a record that no longer "
           "exists. Nothing was changed."),
        N_("\u201c{action}\u201d cannot be redone: a {table} record would point to a record that no longer "
           "exists. Nothing was changed.")};
    static const char* const kChangedSince[] = {
        N_("\u201c{action}\u201d cannot be undone: a {table} record it changed was changed or removed since. "
           "Nothing was changed."),
        N_("\u201c{action}\u201d cannot be redone: a {table} record it changes was changed or removed since. "
           "Nothing was changed.")};
    const auto* sentences = kind == SQLITE_CHANGESET_CONSTRAINT    ? kClash
                            : kind == SQLITE_CHANGESET_FOREIGN_KEY ? kDangling
                                                                   : kChangedSince;
    throw Error(trf(sentences[backwards ? 0 : 1], fmt::arg("action", entry.label),
                    fmt::arg("table", readable_table(table))));
}

void apply(Database& db, const UndoEntry& entry, bool backwards) {
    Conflict conflict;
    set_triggers(db, false);
    const int rc = sqlite3changeset_apply_v2(db.sql().getHandle(), static_cast<int>(entry.changeset.size()),
                                             const_cast<char*>(entry.changeset.data()), nullptr, &on_conflict,
                                             &conflict, nullptr, nullptr, backwards ? SQLITE_CHANGESETAPPLY_INVERT : 0);
    set_triggers(db, true);
    if (conflict.seen) refuse(entry, backwards, conflict.kind, conflict.table);
    if (rc != SQLITE_OK)
        throw Error(trf("\u201c{action}\u201d could not be applied ({reason}). Nothing was changed.",
                        fmt::arg("action", entry.label), fmt::arg("reason", sqlite3_errstr(rc))));
    SQLite::Statement fk(db.sql(), "SELECT \"table\" FROM pragma_foreign_key_check LIMIT 1");
    if (fk.executeStep()) refuse(entry, backwards, SQLITE_CHANGESET_FOREIGN_KEY, fk.getColumn(0).getString());
}

void check_can_replay(Database& db, const std::deque<UndoEntry>& from, bool backwards) {
    if (from.empty()) throw Error(backwards ? tr("There is nothing to undo.") : tr("There is nothing to redo."));
    if (db.in_write()) throw Error(tr("Undo and redo are not possible in the middle of a change."));
}

std::string move_top(std::deque<UndoEntry>& from, std::deque<UndoEntry>& to) {
    std::string label = from.back().label;
    to.push_back(std::move(from.back()));
    from.pop_back();
    return label;
}

// Replays the top change of `from` (backwards: an undo) through write (the database's
// unrecorded write, which only undo_last and redo_last may call), audits it and moves it
// onto `to`; returns its label.
template <class Write>
std::string replay_top(Database& db, std::deque<UndoEntry>& from, std::deque<UndoEntry>& to, bool backwards,
                       Write&& write) {
    check_can_replay(db, from, backwards);
    const UndoEntry& entry = from.back();
    {
        ApplyGuard guard(db);
        write([&] {
            apply(db, entry, backwards);
            audit(db, backwards ? "undo" : "redo", "change", std::nullopt, entry.label);
        });
    }
    return move_top(from, to);
}
}  // namespace

std::string undo_last(Database& db) {
    auto& stack = db.undo_stack();
    return replay_top(db, stack.undo_, stack.redo_, true, [&](const auto& fn) { db.write_unrecorded(fn); });
}

std::string redo_last(Database& db) {
    auto& stack = db.undo_stack();
    return replay_top(db, stack.redo_, stack.undo_, false, [&](const auto& fn) { db.write_unrecorded(fn); });
}

std::string unnamed_change_label(const std::string& table,
                                 const std::vector<std::pair<std::string, std::string>>& owners) {
    for (const auto& [prefix, name] : owners)
        if (table.rfind(prefix + "_", 0) == 0) return trf("Change in {plugin}", fmt::arg("plugin", name));
    static const struct {
        const char* label;
        std::initializer_list<const char*> tables;
    } kCore[] = {
        {N_("Change to a person"), {"person", "person_role", "employment"}},
        {N_("Change to an institution"), {"institution", "institution_sector"}},
        {N_("Change to sessions"), {"session"}},
        {N_("Change to attendance"), {"attendance"}},
        {N_("Change to programmes and funders"), {"programme", "funder"}},
        {N_("Change to questionnaires"), {"questionnaire", "question", "response", "answer"}},
        {N_("Change to sectors"), {"sector"}},
        {N_("Change to settings"), {"setting"}},
    };
    for (const auto& k : kCore)
        if (std::find(k.tables.begin(), k.tables.end(), table) != k.tables.end()) return tr(k.label);
    return tr(NC_("undo", "Change"));
}

}  // namespace maillage
