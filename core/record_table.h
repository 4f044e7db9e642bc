#pragma once
// A table written from a struct: the columns a create and an edit set are named once, and
// one function binds them, so the INSERT and the UPDATE cannot drift apart.
//
//   const RecordTable<Hire> kHireTable{"pat_hire", {"status", "hire_date", "notes"}, bind_hire,
//                                      {"accompaniment_id"}, bind_hire_owner};
//   kHireTable.update(db, h.id, h, summary, tr("This hire no longer exists."));
//
// create/create_unique/update/remove are each one Database::write with its audit entry ("create",
// "update", "delete" on the table); save is the audited insert-or-update inside a write that
// does more; insert/update_row are the bare statements; with_update makes an update also stamp
// the row (kStampUpdatedAt) and spare the rows a condition excludes (an erased person). Table
// and column names, and those SQL pieces, are the program's own literals, never user text:
// they are written into the SQL.
#include "core/audit.h"
#include "core/database.h"
#include "core/error.h"
#include "core/record_sql.h"
#include "core/sql_call.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace maillage {

// Deletes row `id` of `table` in one write with its audit entry; `gone` is the error when
// there is no such row.
inline void delete_row(Database& db, const std::string& table, int64_t id, const std::string& gone) {
    db.write([&] {
        if (!delete_audited(db, table, id)) throw Error(gone);
    });
}

// What an update sets besides its columns where the row keeps when it last changed (the
// retention clock of people and institutions): RecordTable::with_update(kStampUpdatedAt).
inline constexpr const char kStampUpdatedAt[] = "updated_at=strftime('%Y-%m-%dT%H:%M:%SZ','now')";

template <class T>
struct RecordTable {
    std::string table;
    std::vector<std::string> columns;            // set by an insert and an update
    void (*bind)(SQLite::Statement&, const T&);  // binds the columns as parameters 1..n
    std::vector<std::string> insert_only = {};   // set by an insert only (the owner)...
    void (*bind_insert_only)(SQLite::Statement&, int first, const T&) = nullptr;  // ...from parameter n+1
    std::string update_also = {};   // SQL an update sets besides the columns (kStampUpdatedAt)
    std::string update_where = {};  // SQL the updated row must also meet ("erased_at IS NULL")

    // This table whose update also sets `also` (kStampUpdatedAt) and changes only a row that
    // meets `where` ("erased_at IS NULL"): another row counts as gone.
    RecordTable with_update(std::string also, std::string where = {}) const {
        RecordTable out = *this;
        out.update_also = std::move(also);
        out.update_where = std::move(where);
        return out;
    }

    std::string insert_sql() const {
        std::string names, marks;
        for (const auto* list : {&columns, &insert_only})
            for (const auto& c : *list) {
                names += (names.empty() ? "" : ", ") + c;
                marks += marks.empty() ? "?" : ",?";
            }
        return "INSERT INTO " + table + "(" + names + ") VALUES (" + marks + ")";
    }
    std::string update_sql() const {
        std::string set;
        for (const auto& c : columns) set += (set.empty() ? "" : ", ") + c + "=?";
        if (!update_also.empty()) set += ", " + update_also;
        return "UPDATE " + table + " SET " + set + " WHERE id=?" + (update_where.empty() ? "" : " AND " + update_where);
    }

    // The new row's id.
    int64_t insert(SQLite::Database& db, const T& row) const {
        SQLite::Statement st(db, insert_sql());
        bind(st, row);
        if (bind_insert_only) bind_insert_only(st, int(columns.size()) + 1, row);
        st.exec();
        return db.getLastInsertRowid();
    }
    // False when there is no row `id`.
    bool update_row(SQLite::Database& db, int64_t id, const T& row) const {
        SQLite::Statement st(db, update_sql());
        bind(st, row);
        st.bind(int(columns.size()) + 1, id);
        return st.exec() > 0;
    }

    // Inside the caller's Database::write, with what else it changes: inserts the row when
    // `creating`, else updates row `id`, and audits "create" or "update" with `summary`. An
    // update that finds no row throws Error(gone), unless `gone` is empty. The row's id.
    int64_t save(Database& db, bool creating, int64_t id, const T& row, const std::string& summary,
                 const std::string& gone) const {
        if (creating) {
            id = insert(db.sql(), row);
        } else if (!update_row(db.sql(), id, row) && !gone.empty()) {
            throw Error(gone);
        }
        audit(db, creating ? "create" : "update", table, id, summary);
        return id;
    }

    int64_t create(Database& db, const T& row, const std::string& summary) const {
        return db.write([&] {
            const int64_t id = insert(db.sql(), row);
            audit(db, "create", table, id, summary);
            return id;
        });
    }
    // create, refused with Error(taken) in the same write when `clash` (a SELECT count(*)
    // with its values) counts a row already there: another group of that name in the cycle.
    template <class... Values>
    int64_t create_unique(Database& db, const T& row, const std::string& summary, const std::string& taken,
                          const std::string& clash, const Values&... values) const {
        return db.write([&] {
            if (select_value<int>(db.sql(), clash, values...) > 0) throw Error(taken);
            return create(db, row, summary);
        });
    }
    // `gone` is the error when the row no longer exists.
    void update(Database& db, int64_t id, const T& row, const std::string& summary, const std::string& gone) const {
        db.write([&] {
            if (!update_row(db.sql(), id, row)) throw Error(gone);
            audit(db, "update", table, id, summary);
        });
    }
    void remove(Database& db, int64_t id, const std::string& gone) const { delete_row(db, table, id, gone); }
};

}  // namespace maillage
