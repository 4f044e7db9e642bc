#pragma once
// One statement in one call: its parameters bound (bind_all), its single column read,
// so that a repository's getters are one line each (whole rows into structs:
// core/row_query.h). And the INSERT and the UPDATE of a row written from one column
// list, so that create and update cannot bind their columns differently.
// (Without core/row_reader.h, whose RowReader template has the name of the importers'
// RowReader in core/entity_import.h: an importer can include this one.)
#include "core/sql_util.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace maillage {

namespace sql_detail {
inline void read(const SQLite::Column& c, std::string& out) { out = c.isNull() ? std::string() : c.getString(); }
inline void read(const SQLite::Column& c, int64_t& out) { out = c.getInt64(); }
inline void read(const SQLite::Column& c, int& out) { out = c.getInt(); }
inline void read(const SQLite::Column& c, double& out) { out = c.getDouble(); }
}  // namespace sql_detail

// The first column of every row ("SELECT person_id FROM ... WHERE group_id = ?").
template <class T, class... Values>
std::vector<T> query_column(SQLite::Database& db, const std::string& sql, const Values&... values) {
    SQLite::Statement q(db, sql);
    bind_all(q, values...);
    std::vector<T> out;
    while (q.executeStep()) {
        T v{};
        sql_detail::read(q.getColumn(0), v);
        out.push_back(std::move(v));
    }
    return out;
}
// The first column of the first row; nothing when there is no row.
template <class T, class... Values>
std::optional<T> query_value(SQLite::Database& db, const std::string& sql, const Values&... values) {
    SQLite::Statement q(db, sql);
    bind_all(q, values...);
    if (!q.executeStep()) return std::nullopt;
    T v{};
    sql_detail::read(q.getColumn(0), v);
    return v;
}

// Runs a statement that returns no rows; the number of rows it changed.
template <class... Values>
int execute(SQLite::Database& db, const std::string& sql, const Values&... values) {
    SQLite::Statement q(db, sql);
    bind_all(q, values...);
    return q.exec();
}

// The columns a create and an update of one table write, in the order their values are
// bound: insert() and update() make the two statements from the one list.
class ColumnList {
public:
    ColumnList(std::string table, std::initializer_list<std::string_view> columns) : table_(std::move(table)) {
        for (auto c : columns) columns_.emplace_back(c);
    }
    // "INSERT INTO t(a, b) VALUES (?,?)".
    std::string insert() const {
        std::string names, marks;
        for (const auto& c : columns_) {
            names += (names.empty() ? "" : ", ") + c;
            marks += marks.empty() ? "?" : ",?";
        }
        return "INSERT INTO " + table_ + "(" + names + ") VALUES (" + marks + ")";
    }
    // "UPDATE t SET a = ?, b = ? WHERE id = ?": the key is bound after the columns.
    std::string update(std::string_view key = "id") const {
        std::string sets;
        for (const auto& c : columns_) sets += (sets.empty() ? "" : ", ") + c + " = ?";
        return "UPDATE " + table_ + " SET " + sets + " WHERE " + std::string(key) + " = ?";
    }
    // The same list with one more column last (one that only the create writes).
    ColumnList plus(std::string_view column) const {
        auto out = *this;
        out.columns_.emplace_back(column);
        return out;
    }
    int size() const { return int(columns_.size()); }

private:
    std::string table_;
    std::vector<std::string> columns_;
};

}  // namespace maillage
