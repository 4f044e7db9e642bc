#pragma once
// Whole rows into structs in one call: the statement made, its parameters bound in order
// (bind_all, so an empty optional is NULL) and its rows read through a RowMap
// (core/row_reader.h).
//
//   return select_one(db_.sql(), kGroupRow, "FROM intervision_group WHERE id = ?", id);
//
// Plain values of a first column: core/sql_call.h (included).
#include "core/row_reader.h"
#include "core/sql_call.h"
#include "core/sql_query.h"
#include "core/sql_util.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace maillage {

// The rows of map.select(rest): "SELECT <the map's columns> <rest>".
template <class Map, class... Values>
std::vector<typename Map::Row> select_all(SQLite::Database& db, const Map& map, std::string_view rest,
                                          const Values&... values) {
    return query_all(db, map, map.select(rest), values...);
}
// The first row of map.select(rest), if any.
template <class Map, class... Values>
std::optional<typename Map::Row> select_one(SQLite::Database& db, const Map& map, std::string_view rest,
                                            const Values&... values) {
    return query_one(db, map, map.select(rest), values...);
}

// A RowMap and the FROM clause (with its joins) its rows come from, so that each getter is
// its WHERE: source.rows(db, "WHERE event_id = ? ORDER BY id", event_id).
template <class Map>
class RowSource {
public:
    using Row = typename Map::Row;
    RowSource(const Map& map, std::string from) : map_(map), from_(std::move(from)) {}

    // "SELECT <the map's columns> FROM ... <where>".
    std::string select(std::string_view where) const { return map_.select(from_ + " " + std::string(where)); }
    template <class... Values>
    std::vector<Row> rows(SQLite::Database& db, std::string_view where, const Values&... values) const {
        return query_all(db, map_, select(where), values...);
    }
    template <class... Values>
    std::optional<Row> row(SQLite::Database& db, std::string_view where, const Values&... values) const {
        return query_one(db, map_, select(where), values...);
    }
    const Map& map() const { return map_; }

private:
    const Map& map_;
    std::string from_;
};

}  // namespace maillage
