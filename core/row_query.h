#pragma once
// Whole rows into structs in one call: the statement's parameters bound (bind_all), its
// rows read through a RowMap (core/row_reader.h).
#include "core/row_reader.h"
#include "core/sql_query.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <optional>
#include <string>
#include <string_view>
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
        return query_rows(db, map_, select(where), values...);
    }
    template <class... Values>
    std::optional<Row> row(SQLite::Database& db, std::string_view where, const Values&... values) const {
        return query_row(db, map_, select(where), values...);
    }
    const Map& map() const { return map_; }

private:
    const Map& map_;
    std::string from_;
};

}  // namespace maillage
