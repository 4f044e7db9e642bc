#pragma once
// One list of a struct's columns for reading it and for writing it: the RecordTable
// (core/record_table.h) of a RowMap (core/row_reader.h).
//
//   const RowMap kHireRow{column("id", &Hire::id), owner(column("accompaniment_id", &Hire::accompaniment_id)),
//                         column("status", &Hire::status), nullable(column("notes", &Hire::notes))};
//   const RecordTable<Hire> kHireTable = record_table_of<kHireRow>("pat_hire");
//
// An insert and an update write every column of the map but `id`, named without the
// table's alias ("e.title" writes title), in the map's order; an owner() column is
// written by the insert only (after the others); a nullable() text column is stored
// NULL when the member is empty (it reads back as ""); a read_only() entry is read and
// never written (an expression, or a column other operations set). So such a map reads
// one table: no joined column, no expression but a read_only() one.
#include "core/record_table.h"
#include "core/row_reader.h"
#include "core/sql_util.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace maillage {

// A text column whose empty value is stored as NULL.
template <class C>
struct Nullable : C {};
template <class C>
constexpr Nullable<C> nullable(C column) {
    static_assert(std::is_same_v<std::remove_cvref_t<decltype(std::declval<typename C::Row>().*column.member)>,
                                 std::string>,
                  "nullable() is for text columns");
    return {column};
}

// The column that says whose row it is: set when the row is made, never changed by an update.
template <class C>
struct Owner : C {};
template <class C>
constexpr Owner<C> owner(C column) {
    return {column};
}

// An entry the map reads and a write leaves alone: "retired_at IS NOT NULL AS retired", or
// a column that only another operation sets (a merge).
template <class C>
struct ReadOnly : C {};
template <class C>
constexpr ReadOnly<C> read_only(C column) {
    return {column};
}

namespace record_detail {
template <class C>
struct is_nullable : std::false_type {};
template <class C>
struct is_nullable<Nullable<C>> : std::true_type {};
template <class C>
struct is_owner : std::false_type {};
template <class C>
struct is_owner<Owner<C>> : std::true_type {};
template <class C>
struct is_read_only : std::false_type {};
template <class C>
struct is_read_only<ReadOnly<C>> : std::true_type {};

// The column written for a map entry: "e.title" -> "title".
inline std::string written_name(std::string_view entry) {
    if (entry.find(' ') != std::string_view::npos || entry.find('(') != std::string_view::npos)
        throw std::logic_error("record_table_of: \"" + std::string(entry) + "\" is not a column of the table");
    if (auto dot = entry.rfind('.'); dot != std::string_view::npos) entry.remove_prefix(dot + 1);
    return std::string(entry);
}

template <class C>
bool written(const C& c, bool owners) {
    return !is_read_only<C>::value && is_owner<C>::value == owners && written_name(c.name) != "id";
}

template <class C, class T>
void bind_column(SQLite::Statement& st, int index, const C& c, const T& row) {
    if constexpr (is_nullable<C>::value)
        bind_text(st, index, row.*c.member);
    else
        detail::bind_one(st, index, row.*c.member);
}

// Binds the (owner or other) written columns of `row` from parameter `index` + 1 on.
template <const auto& Map, class T>
void bind_written(SQLite::Statement& st, int index, const T& row, bool owners) {
    std::apply([&](const auto&... c) { ((written(c, owners) ? bind_column(st, ++index, c, row) : void()), ...); },
               Map.columns());
}
}  // namespace record_detail

// The table `table` written from the columns of `Map` (a RowMap with static storage).
template <const auto& Map>
auto record_table_of(std::string table) {
    using T = typename std::remove_cvref_t<decltype(Map)>::Row;
    RecordTable<T> out{std::move(table), {}, [](SQLite::Statement& st, const T& row) {
                           record_detail::bind_written<Map>(st, 0, row, false);
                       }};
    auto add = [&](const auto& column) {
        using namespace record_detail;
        if (written(column, false)) out.columns.push_back(written_name(column.name));
        if (written(column, true)) out.insert_only.push_back(written_name(column.name));
    };
    std::apply([&](const auto&... c) { (add(c), ...); }, Map.columns());
    if (!out.insert_only.empty())
        out.bind_insert_only = [](SQLite::Statement& st, int first, const T& row) {
            record_detail::bind_written<Map>(st, first - 1, row, true);
        };
    return out;
}

}  // namespace maillage
