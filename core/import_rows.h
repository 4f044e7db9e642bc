#pragma once
// What every importer repeats: the loop that counts each row's outcome, and the columns
// that name a person (the email, else first and last name, with the institution when
// several people share the name).
#include "core/csv.h"
#include "core/entity_import.h"
#include "core/i18n.h"

#include <cstdint>
#include <vector>

namespace maillage {

enum class RowOutcome { created, updated, unchanged };

// A new record is created; a known one updated when anything changed, else unchanged.
inline RowOutcome row_outcome(bool is_new, bool changed) {
    return is_new ? RowOutcome::created : changed ? RowOutcome::updated : RowOutcome::unchanged;
}

// Runs import_row(row) for every row of the table and counts the outcomes it returns.
template <class F>
ImportCount count_rows(const csv::Table& table, F&& import_row) {
    ImportCount count;
    for (const auto& row : table.rows) {
        switch (import_row(row)) {
            case RowOutcome::created: ++count.created; break;
            case RowOutcome::updated: ++count.updated; break;
            case RowOutcome::unchanged: ++count.unchanged; break;
        }
    }
    return count;
}

struct PersonColumns {
    RowReader::Col email, first, last, institution;

    // The person of a row (RowReader::person): throws the row's ParseError when unknown.
    int64_t person(const RowReader& r, const csv::Row& row) const {
        return r.person(row, email, first, last, institution);
    }
};

// The person columns under their English, French and Dutch headers; all optional.
inline PersonColumns person_columns(const RowReader& r) {
    return {r.col({"email", "e-mail", "courriel", "person", "personne"}), r.col({"first_name", "prénom", "voornaam"}),
            r.col({"last_name", "nom", "achternaam"}), r.col({"institution", "instelling"})};
}

// What a sheet's column list says of the email, first and last name columns; the
// institution's help differs from sheet to sheet, so each sheet documents it itself.
inline std::vector<ImportColumnDoc> person_column_docs() {
    return {{"email", {"e-mail", "courriel"}, false, tr("The person's email (else first_name and last_name)"), ""},
            {"first_name", {"prénom", "voornaam"}, false, tr("First name, when there is no email"), ""},
            {"last_name", {"nom", "achternaam"}, false, tr("Last name, when there is no email"), ""}};
}

}  // namespace maillage
