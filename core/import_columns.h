#pragma once
// The headers under which the importers read a column that several sheets share, written
// once: the English name the template writes, then the French and Dutch headers also
// accepted, in the order they are looked for (docs/import.md). And a sheet's columns read
// in one call, each from such a set or from the sheet's own list:
//
//   const auto [c_date, c_start, c_question] = read_columns(
//       r, {need(headers::date), {headers::start_time, {"start"}}, {"question", "vraag"}});
#include "core/entity_import.h"

#include <array>
#include <cstddef>
#include <initializer_list>
#include <span>
#include <string_view>

namespace maillage {
namespace headers {

using Names = std::initializer_list<std::string_view>;

inline const Names code = {"code"};
inline const Names date = {"date", "datum"};
inline const Names title = {"title", "titre", "titel"};
inline const Names title_fr = {"title_fr", "titre", "titre fr"};
inline const Names title_nl = {"title_nl", "titel", "titre nl"};
inline const Names type = {"type", "soort"};
inline const Names theme = {"theme", "thème", "thema"};
inline const Names start_time = {"start_time", "heure de début", "begintijd"};
inline const Names end_time = {"end_time", "heure de fin", "eindtijd"};
inline const Names venue = {"venue", "lieu", "plaats"};
inline const Names capacity = {"capacity", "places", "plaatsen"};
inline const Names role = {"role", "rôle", "rol"};
inline const Names institution = {"institution", "instelling"};
inline const Names sector = {"sector", "secteur"};
inline const Names programme = {"programme", "programma"};
inline const Names funder = {"funder", "financeur", "financier"};
inline const Names status = {"status", "statut"};
// The status of one person at one session (present, excused...).
inline const Names presence = {"status", "statut", "présence", "aanwezigheid"};
inline const Names reason = {"reason", "motif", "reden"};
inline const Names notes = {"notes", "remarques"};

}  // namespace headers

// One column of a sheet: the headers it is read under (a shared set, then the sheet's own
// further ones), and whether a file without it is refused.
struct ColumnSpec {
    ColumnSpec(headers::Names names_read) : names(names_read.begin(), names_read.size()) {}
    ColumnSpec(headers::Names names_read, headers::Names more_read)
        : names(names_read.begin(), names_read.size()), more(more_read.begin(), more_read.size()) {}

    // The first of the names that the header line has (as RowReader::col); a required
    // column that is missing throws RowReader::need_col's ParseError, naming the first.
    RowReader::Col find(const RowReader& r) const {
        for (auto list : {names, more})
            for (auto name : list)
                if (auto c = r.col({name})) return c;
        if (required) return r.need_col({names.front()});
        return {};
    }

    std::span<const std::string_view> names, more;
    bool required = false;
};

// A column the file must have.
inline ColumnSpec need(ColumnSpec column) {
    column.required = true;
    return column;
}

// The sheet's columns in the order given (a missing required one refuses the file, the
// first in that order); bound by position: `const auto [c_a, c_b] = read_columns(r, {...})`.
template <std::size_t N>
std::array<RowReader::Col, N> read_columns(const RowReader& r, const ColumnSpec (&columns)[N]) {
    std::array<RowReader::Col, N> found;
    for (std::size_t i = 0; i < N; ++i) found[i] = columns[i].find(r);
    return found;
}

}  // namespace maillage
