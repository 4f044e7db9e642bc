#pragma once
// The INSERT and the UPDATE of a row written from one column list, so that create and
// update cannot bind their columns differently. Statements in one call (exec_sql,
// select_column, select_first, select_value): core/sql_call.h, included.
// (Without core/row_reader.h, whose RowReader template has the name of the importers'
// RowReader in core/entity_import.h: an importer can include this one.)
#include "core/sql_call.h"
#include "core/sql_util.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace maillage {

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
