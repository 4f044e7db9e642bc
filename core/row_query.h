#pragma once
// A query in one call: the statement made, its parameters bound in order (bind_all, so an
// empty optional is NULL) and its rows read into structs by a RowMap (row_reader.h).
//
//   return select_one(db_.sql(), kGroupRow, "FROM intervision_group WHERE id = ?", id);
//
// Plain values of a first column: core/sql_call.h (included).
#include "core/row_reader.h"
#include "core/sql_call.h"
#include "core/sql_util.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace maillage {

// The rows of map.select(rest).
template <class Map, class... Values>
std::vector<typename Map::Row> select_all(SQLite::Database& db, const Map& map, std::string_view rest,
                                          const Values&... values) {
    SQLite::Statement q(db, map.select(rest));
    bind_all(q, values...);
    return read_all(q, map);
}

// The first row of map.select(rest), if any.
template <class Map, class... Values>
std::optional<typename Map::Row> select_one(SQLite::Database& db, const Map& map, std::string_view rest,
                                            const Values&... values) {
    SQLite::Statement q(db, map.select(rest));
    bind_all(q, values...);
    return read_one(q, map);
}

}  // namespace maillage
