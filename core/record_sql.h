#pragma once
// Writes of one record with their audit line (core/audit.h), for repositories: called
// inside Database::write, so the row and its audit line go together or not at all.
#include "core/audit.h"
#include "core/database.h"
#include "core/error.h"
#include "core/sql_util.h"

#include <cstdint>
#include <string>

namespace maillage {

// Runs the INSERT `sql` with the values and audits "create" of `table`'s new row; returns its id.
template <class... Values>
int64_t insert_audited(Database& db, const std::string& table, const std::string& summary, const std::string& sql,
                       const Values&... values) {
    const auto id = insert_row(db.sql(), sql, values...);
    audit(db, "create", table, id, summary);
    return id;
}

// Runs the UPDATE `sql` of `table`'s row `id`; throws Error(gone) when it changed no row,
// else audits "update".
template <class... Values>
void update_audited(Database& db, const std::string& table, int64_t id, const std::string& summary,
                    const std::string& gone, const std::string& sql, const Values&... values) {
    if (exec_sql(db.sql(), sql, values...) != 1) throw Error(gone);
    audit(db, "update", table, id, summary);
}

// Deletes `table`'s row `id` and audits it when there was one; false when there was none.
inline bool delete_audited(Database& db, const std::string& table, int64_t id, const std::string& summary = "") {
    if (exec_sql(db.sql(), "DELETE FROM " + sql_quoted(table) + " WHERE id = ?", id) != 1) return false;
    audit(db, "delete", table, id, summary);
    return true;
}

}  // namespace maillage
