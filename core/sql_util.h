#pragma once
// Small helpers over SQLiteCpp for optional values: NULL for an empty text or id.
#include <SQLiteCpp/SQLiteCpp.h>

#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>

namespace maillage {

inline void bind_opt(SQLite::Statement& q, int index, const std::optional<int64_t>& v) {
    if (v)
        q.bind(index, *v);
    else
        q.bind(index);
}
inline void bind_text(SQLite::Statement& q, int index, const std::string& v) {
    if (v.empty())
        q.bind(index);
    else
        q.bind(index, v);
}
// The text between `quote` characters, each inside doubled: "name" (the default) for a
// table or column name, 'text' for a literal.
inline std::string sql_quoted(std::string_view text, char quote = '"') {
    std::string out(1, quote);
    for (char c : text) {
        if (c == quote) out += quote;
        out += c;
    }
    return out + quote;
}

// The ORDER BY terms of a list with a waiting list: the `seated` status (registered,
// enrolled) first, then the waiting ones in their queue order, then the rest (cancelled, left).
inline std::string waiting_list_order(std::string_view seated) {
    return "CASE status WHEN " + sql_quoted(seated, '\'') + " THEN 0 WHEN 'waiting' THEN 1 ELSE 2 END, waiting_position";
}

// An empty text as NULL, for bind_all.
inline std::optional<std::string> text_or_null(const std::string& v) {
    return v.empty() ? std::nullopt : std::optional<std::string>(v);
}

namespace detail {
template <class T>
struct is_optional : std::false_type {};
template <class T>
struct is_optional<std::optional<T>> : std::true_type {};

template <class T>
void bind_one(SQLite::Statement& q, int index, const T& v) {
    if constexpr (std::is_same_v<T, std::nullopt_t>)
        q.bind(index);
    else if constexpr (is_optional<T>::value) {
        if (v)
            q.bind(index, *v);
        else
            q.bind(index);
    } else
        q.bind(index, v);
}
template <class T>
struct is_tuple : std::false_type {};
template <class... T>
struct is_tuple<std::tuple<T...>> : std::true_type {};

template <class T>
void bind_next(SQLite::Statement& q, int& index, const T& v) {
    if constexpr (is_tuple<T>::value)
        std::apply([&](const auto&... e) { (bind_next(q, index, e), ...); }, v);
    else
        bind_one(q, ++index, v);
}
}  // namespace detail

// Binds the values to the parameters 1, 2, 3... in order; an empty optional or
// std::nullopt binds NULL; a std::tuple binds its elements in its place (a record's
// values, shared by its INSERT and its UPDATE).
template <class... Values>
void bind_all([[maybe_unused]] SQLite::Statement& q, const Values&... values) {
    [[maybe_unused]] int index = 0;
    (detail::bind_next(q, index, values), ...);
}

// A statement of `sql` with the values bound in order, ready to step through.
template <class... Values>
SQLite::Statement bound_statement(SQLite::Database& db, const std::string& sql, const Values&... values) {
    SQLite::Statement q(db, sql);
    bind_all(q, values...);
    return q;
}
// Runs one statement with the values bound in order; returns how many rows it changed.
template <class... Values>
int exec_sql(SQLite::Database& db, const std::string& sql, const Values&... values) {
    return bound_statement(db, sql, values...).exec();
}
// Runs one INSERT with the values bound in order; returns the new row's id.
template <class... Values>
int64_t insert_row(SQLite::Database& db, const std::string& sql, const Values&... values) {
    exec_sql(db, sql, values...);
    return db.getLastInsertRowid();
}

inline std::optional<int64_t> col_opt(SQLite::Statement& q, int index) {
    auto c = q.getColumn(index);
    if (c.isNull()) return std::nullopt;
    return c.getInt64();
}
inline std::optional<int64_t> opt_id(const SQLite::Column& c) {
    return c.isNull() ? std::nullopt : std::optional<int64_t>(c.getInt64());
}
inline std::string col_text(SQLite::Statement& q, int index) {
    auto c = q.getColumn(index);
    return c.isNull() ? std::string() : c.getString();
}

}  // namespace maillage
