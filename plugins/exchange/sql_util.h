#pragma once
// Small helpers over SQLiteCpp for optional values (internal to the plugin).
#include <SQLiteCpp/SQLiteCpp.h>

#include <optional>
#include <string>

namespace maillage::exchange {

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
inline std::string col_text(SQLite::Statement& q, int index) {
    auto c = q.getColumn(index);
    return c.isNull() ? std::string() : c.getString();
}

}  // namespace maillage::exchange
