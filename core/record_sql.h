#pragma once
// The delete of one record with its audit line (core/audit.h), for repositories: called
// inside Database::write, so the row and its audit line go together or not at all. A record
// is written by its RecordTable (core/record_table.h).
#include "core/audit.h"
#include "core/database.h"
#include "core/sql_util.h"

#include <cstdint>
#include <string>

namespace maillage {

// Deletes `table`'s row `id` and audits it when there was one; false when there was none.
inline bool delete_audited(Database& db, const std::string& table, int64_t id, const std::string& summary = "") {
    if (exec_sql(db.sql(), "DELETE FROM " + sql_quoted(table) + " WHERE id = ?", id) != 1) return false;
    audit(db, "delete", table, id, summary);
    return true;
}

}  // namespace maillage
