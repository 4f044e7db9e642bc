#pragma once
// Whole rows into structs in one call: the statement's parameters bound (bind_all), its
// rows read through a RowMap (core/row_reader.h).
#include "core/row_reader.h"
#include "core/sql_query.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <optional>
#include <string>
#include <vector>

namespace maillage {

// The rows of `sql` (its select list is the map's) with the parameters bound in order.
template <class Map, class... Values>
std::vector<typename Map::Row> query_rows(SQLite::Database& db, const Map& map, const std::string& sql,
                                          const Values&... values) {
    SQLite::Statement q(db, sql);
    bind_all(q, values...);
    return read_all(q, map);
}
template <class Map, class... Values>
std::optional<typename Map::Row> query_row(SQLite::Database& db, const Map& map, const std::string& sql,
                                           const Values&... values) {
    SQLite::Statement q(db, sql);
    bind_all(q, values...);
    return read_one(q, map);
}

}  // namespace maillage
