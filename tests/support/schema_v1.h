#pragma once
// An old database for upgrade tests: `db` migrated to core schema v1 only, then filled
// with the core content of the current database `source` (the columns v1 has; later
// versions add some, e.g. funder.parent_id). Header only: the crash harness, which links
// no test library, uses it too.
#include "core/core_schema.h"
#include "core/database.h"
#include "core/migration.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <filesystem>
#include <string>

namespace maillage::test {

// `replace`: a row of `source` replaces one v1 already has (INSERT OR REPLACE) instead of
// failing on it.
inline void fill_core_v1(Database& db, const std::filesystem::path& source, bool replace = false) {
    MigrationSet only_v1 = core_migrations();
    only_v1.steps.resize(1);
    migrate(db, {only_v1});
    db.sql().exec("ATTACH '" + source.string() + "' AS d");
    db.write([&] {
        for (const char* t : {"institution", "institution_sector", "person", "person_role", "employment", "programme",
                              "funder", "session", "attendance"}) {
            std::string columns;
            SQLite::Statement q(db.sql(), std::string("SELECT name FROM pragma_table_info('") + t + "')");
            while (q.executeStep()) columns += (columns.empty() ? "" : ",") + q.getColumn(0).getString();
            db.sql().exec(std::string(replace ? "INSERT OR REPLACE" : "INSERT") + " INTO main." + t + "(" + columns +
                          ") SELECT " + columns + " FROM d." + t);
        }
    });
    db.sql().exec("DETACH d");
}

}  // namespace maillage::test
