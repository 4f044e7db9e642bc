#pragma once
// A query in one call: the statement made, its parameters bound in order (bind_all, so an
// empty optional is NULL) and its rows read, into structs by a RowMap (row_reader.h) or as
// the plain values of the first column.
//
//   return select_one(db_.sql(), kGroupRow, "FROM intervision_group WHERE id = ?", id);
//   const auto ids = select_column<int64_t>(db.sql(), "SELECT id FROM session WHERE date = ?", date);
#include "core/row_reader.h"
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

// The first column of every row (ids, dates...); NULL reads as T{}.
template <class T, class... Values>
std::vector<T> select_column(SQLite::Database& db, const std::string& sql, const Values&... values) {
    SQLite::Statement q(db, sql);
    bind_all(q, values...);
    std::vector<T> out;
    while (q.executeStep()) {
        T v{};
        row_detail::assign(q.getColumn(0), v);
        out.push_back(std::move(v));
    }
    return out;
}

// The first column of the first row (a count, a max), or T{} when there is no row.
template <class T, class... Values>
T select_value(SQLite::Database& db, const std::string& sql, const Values&... values) {
    SQLite::Statement q(db, sql);
    bind_all(q, values...);
    T v{};
    if (q.executeStep()) row_detail::assign(q.getColumn(0), v);
    return v;
}

}  // namespace maillage
