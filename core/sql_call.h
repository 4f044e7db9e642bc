#pragma once
// A statement in one call: made, its parameters bound in order (bind_all, so an empty
// optional is NULL), run, and for a query the values of its first column read (NULL reads
// as T{}); exec_sql and insert_row are in core/sql_util.h. Rows into structs: core/row_query.h (apart, as row_reader.h's RowReader would
// clash with the importers').
//
//   exec_sql(db.sql(), "UPDATE pat_accompaniment SET intake_response_id = ? WHERE id = ?", rid, id);
//   const auto ids = select_column<int64_t>(db.sql(), "SELECT id FROM session WHERE date = ?", date);
//   const int n = select_value<int>(db.sql(), "SELECT count(*) FROM pat_hire WHERE accompaniment_id = ?", id);
#include "core/sql_util.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <cstdint>
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

namespace maillage {

namespace select_detail {
template <class T>
void assign(const SQLite::Column& c, T& out) {
    if (c.isNull())
        out = T{};
    else if constexpr (std::is_same_v<T, std::string>)
        out = c.getString();
    else if constexpr (std::is_floating_point_v<T>)
        out = T(c.getDouble());
    else
        out = T(c.getInt64());
}
}  // namespace select_detail

// The first column of every row (ids, dates...); NULL reads as T{}.
template <class T, class... Values>
std::vector<T> select_column(SQLite::Database& db, const std::string& sql, const Values&... values) {
    SQLite::Statement q(db, sql);
    bind_all(q, values...);
    std::vector<T> out;
    while (q.executeStep()) {
        T v{};
        select_detail::assign(q.getColumn(0), v);
        out.push_back(std::move(v));
    }
    return out;
}

// The first column of the first row (an id), or std::nullopt when there is no row.
template <class T, class... Values>
std::optional<T> select_first(SQLite::Database& db, const std::string& sql, const Values&... values) {
    SQLite::Statement q(db, sql);
    bind_all(q, values...);
    if (!q.executeStep()) return std::nullopt;
    T v{};
    select_detail::assign(q.getColumn(0), v);
    return v;
}

// The same, T{} when there is no row (a count, a max).
template <class T, class... Values>
T select_value(SQLite::Database& db, const std::string& sql, const Values&... values) {
    return select_first<T>(db, sql, values...).value_or(T{});
}

}  // namespace maillage
