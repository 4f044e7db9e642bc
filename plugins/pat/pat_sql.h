#pragma once
// Small binding helpers shared by the plugin's repositories: empty text and missing
// ids are stored as NULL.
#include <SQLiteCpp/SQLiteCpp.h>

#include <cstdint>
#include <optional>
#include <string>

namespace maillage::pat::sql {

inline void text(SQLite::Statement& s, int i, const std::string& v) {
    if (v.empty())
        s.bind(i);
    else
        s.bind(i, v);
}
inline void opt(SQLite::Statement& s, int i, const std::optional<int64_t>& v) {
    if (v)
        s.bind(i, *v);
    else
        s.bind(i);
}
inline std::string str(SQLite::Statement& s, int i) {
    auto c = s.getColumn(i);
    return c.isNull() ? std::string() : c.getString();
}
inline std::optional<int64_t> id(SQLite::Statement& s, int i) {
    auto c = s.getColumn(i);
    return c.isNull() ? std::nullopt : std::optional<int64_t>(c.getInt64());
}

}  // namespace maillage::pat::sql
