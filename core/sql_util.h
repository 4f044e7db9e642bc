#pragma once
// Small helpers over SQLiteCpp for optional values: NULL for an empty text or id.
#include <SQLiteCpp/SQLiteCpp.h>

#include <optional>
#include <string>

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
