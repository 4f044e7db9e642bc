#pragma once
// Every row of every table but the audit log (which only grows), as text: two snapshots
// are equal when undo brought the database back exactly.
#include "core/database.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <string>

namespace maillage::test {

inline std::string snapshot(Database& db) {
    std::string out;
    SQLite::Statement tables(db.sql(), "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE "
                                       "'sqlite_%' AND name <> 'audit_log' ORDER BY name");
    while (tables.executeStep()) {
        const auto table = tables.getColumn(0).getString();
        out += "[" + table + "]\n";
        SQLite::Statement rows(db.sql(), "SELECT * FROM \"" + table + "\" ORDER BY rowid");
        while (rows.executeStep()) {
            for (int i = 0; i < rows.getColumnCount(); ++i) {
                const auto column = rows.getColumn(i);
                out += column.isNull() ? std::string("NULL") : column.getString();
                out += '|';
            }
            out += '\n';
        }
    }
    return out;
}

}  // namespace maillage::test
