#pragma once
// One way to read rows: a struct's members, each named by its column once.
//
//   const RowMap kSessionRow{column("id", &Session::id), column("kind", &Session::kind), ...};
//   SQLite::Statement q(db, kSessionRow.select("FROM session WHERE date >= ?"));
//   for (auto& s : read_all(q, kSessionRow)) ...
//
// The select list comes from the map, so the query and the reader cannot drift apart;
// RowReader looks each column up by name once per statement (a missing one is an
// error that names it) and then reads every row by index. NULL reads as "" for text,
// 0 for numbers, false for flags and std::nullopt for optionals.
// A column may be an expression with an alias ("count(*) AS members") or qualified by
// a table ("s.id"): the result column's name is then what follows AS, or the dot.
#include "core/sql_call.h"
#include "core/sql_util.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <array>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <vector>

namespace maillage {

namespace row_detail {
inline void assign(const SQLite::Column& c, std::string& out) { out = c.isNull() ? std::string() : c.getString(); }
inline void assign(const SQLite::Column& c, int64_t& out) { out = c.getInt64(); }
inline void assign(const SQLite::Column& c, int& out) { out = c.getInt(); }
inline void assign(const SQLite::Column& c, bool& out) { out = c.getInt64() != 0; }
inline void assign(const SQLite::Column& c, double& out) { out = c.getDouble(); }
template <class V>
void assign(const SQLite::Column& c, std::optional<V>& out) {
    if (c.isNull()) {
        out.reset();
    } else {
        V v{};
        assign(c, v);
        out = std::move(v);
    }
}

// The name SQLite gives the result column of a select-list entry.
inline std::string_view result_name(std::string_view entry) {
    for (std::string_view as : {" AS ", " as "})
        if (auto at = entry.rfind(as); at != std::string_view::npos) return entry.substr(at + as.size());
    if (entry.find('(') == std::string_view::npos)
        if (auto dot = entry.rfind('.'); dot != std::string_view::npos) return entry.substr(dot + 1);
    return entry;
}
}  // namespace row_detail

// A column read into a member as it is stored.
template <class T, class M>
struct Column {
    using Row = T;
    const char* name;
    M T::*member;
    void read(const SQLite::Column& c, T& out) const { row_detail::assign(c, out.*member); }
};
// A column stored as text and read into a member through a function ("a,b" -> a list).
template <class T, class M>
struct TextColumn {
    using Row = T;
    const char* name;
    M T::*member;
    M (*from_text)(const std::string&);
    void read(const SQLite::Column& c, T& out) const { out.*member = from_text(c.isNull() ? std::string() : c.getString()); }
};

// A column read into a member of a member (record.sheet.title.fr).
template <class T, class... Path>
struct NestedColumn {
    using Row = T;
    const char* name;
    std::tuple<Path...> path;
    void read(const SQLite::Column& c, T& out) const {
        std::apply([&](auto... p) { row_detail::assign(c, follow(out, p...)); }, path);
    }

private:
    template <class O, class M, class... Rest>
    static auto& follow(O& o, M O::*m, Rest... rest) {
        if constexpr (sizeof...(Rest) == 0)
            return o.*m;
        else
            return follow(o.*m, rest...);
    }
};

template <class T, class M>
constexpr Column<T, M> column(const char* name, M T::*member) {
    return {name, member};
}
template <class T, class M>
constexpr TextColumn<T, M> column(const char* name, M T::*member, M (*from_text)(const std::string&)) {
    return {name, member, from_text};
}
template <class T, class M, class... Rest>
    requires(sizeof...(Rest) > 0 && (std::is_member_object_pointer_v<Rest> && ...))
constexpr NestedColumn<T, M T::*, Rest...> column(const char* name, M T::*first, Rest... rest) {
    return {name, {first, rest...}};
}

template <class... C>
class RowMap {
public:
    using Row = typename std::tuple_element_t<0, std::tuple<C...>>::Row;
    constexpr explicit RowMap(C... c) : columns_(c...) {}

    // "id, kind, title": the select list, in the map's order.
    std::string select_list() const {
        std::string out;
        std::apply([&](const auto&... c) { ((out += (out.empty() ? "" : ", "), out += c.name), ...); }, columns_);
        return out;
    }
    // "SELECT <the list> " + rest ("FROM session WHERE id = ?").
    std::string select(std::string_view rest) const { return "SELECT " + select_list() + " " + std::string(rest); }

    const std::tuple<C...>& columns() const { return columns_; }
    static constexpr std::size_t size() { return sizeof...(C); }

private:
    std::tuple<C...> columns_;
};

// Reads the rows of one statement into T: the column names are resolved when it is made.
template <class Map>
class RowReader {
public:
    using Row = typename Map::Row;

    RowReader(SQLite::Statement& q, const Map& map) : q_(q), map_(map) {
        std::size_t i = 0;
        std::apply([&](const auto&... c) { ((index_[i++] = find(c.name)), ...); }, map_.columns());
    }

    // The current row (after executeStep() returned true).
    Row read() const {
        Row out{};
        read_into(out);
        return out;
    }
    void read_into(Row& out) const {
        std::size_t i = 0;
        std::apply([&](const auto&... c) { (c.read(q_.getColumn(index_[i++]), out), ...); }, map_.columns());
    }
    // Steps through the rest of the statement.
    std::vector<Row> all() {
        std::vector<Row> out;
        while (q_.executeStep()) out.push_back(read());
        return out;
    }
    std::optional<Row> one() {
        if (!q_.executeStep()) return std::nullopt;
        return read();
    }

private:
    int find(std::string_view entry) const {
        const auto name = row_detail::result_name(entry);
        for (int i = 0, n = q_.getColumnCount(); i < n; ++i)
            if (name == q_.getColumnName(i)) return i;
        throw std::logic_error("row reader: the query \"" + q_.getQuery() + "\" has no column \"" +
                               std::string(name) + "\"");
    }

    SQLite::Statement& q_;
    const Map& map_;
    std::array<int, Map::size()> index_{};
};

template <class Map>
std::vector<typename Map::Row> read_all(SQLite::Statement& q, const Map& map) {
    return RowReader<Map>(q, map).all();
}
template <class Map>
std::optional<typename Map::Row> read_one(SQLite::Statement& q, const Map& map) {
    return RowReader<Map>(q, map).one();
}
// The same, completing each row (what other tables hold) with finish(row).
template <class Map, class Finish>
std::vector<typename Map::Row> read_all(SQLite::Statement& q, const Map& map, Finish&& finish) {
    auto rows = read_all(q, map);
    for (auto& row : rows) finish(row);
    return rows;
}
template <class Map, class Finish>
std::optional<typename Map::Row> read_one(SQLite::Statement& q, const Map& map, Finish&& finish) {
    auto row = read_one(q, map);
    if (row) finish(*row);
    return row;
}

// The row (an optional) or rows (a vector), each completed with finish(row).
template <class Rows, class Finish>
Rows completed(Rows rows, Finish&& finish) {
    if constexpr (requires { rows.has_value(); }) {
        if (rows) finish(*rows);
    } else {
        for (auto& row : rows) finish(row);
    }
    return rows;
}

// The rows (or the first row) of `sql` (usually map.select(...)) with the values bound in order.
// Plain values of a first column: select_column, select_first, select_value (core/sql_call.h).
template <class Map, class... Values>
std::vector<typename Map::Row> query_all(SQLite::Database& db, const Map& map, const std::string& sql,
                                         const Values&... values) {
    auto q = bound_statement(db, sql, values...);
    return read_all(q, map);
}
template <class Map, class... Values>
std::optional<typename Map::Row> query_one(SQLite::Database& db, const Map& map, const std::string& sql,
                                           const Values&... values) {
    auto q = bound_statement(db, sql, values...);
    return read_one(q, map);
}
}  // namespace maillage
