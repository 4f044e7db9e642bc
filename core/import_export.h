#pragma once
// CSV import and export of institutions and people (columns: docs/csv-formats.md).
//
// An import is all-or-nothing: every row is checked first, and the first bad row
// rejects the whole file with a maillage::ParseError (file, line, column, field,
// reason); only then are the rows written, in one transaction. preview_*() does the
// same checks and says what would be created, updated or left unchanged, without writing.
#include "core/csv.h"
#include "core/progress.h"

#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

namespace maillage {

class Database;

struct ImportRow {
    // Unchanged: the row says what the database already holds; nothing is written for
    // it (no update, no audit entry, its updated_at and so its retention clock stay).
    enum class Action { Create, Update, Unchanged };
    int line = 0;                     // where the row starts in the file
    Action action = Action::Create;
    std::string key;                  // institution name, or the person's name and email
    std::vector<std::string> fields;  // the row as read, one per column of the file
    std::vector<std::string> notes;   // side effects: "new institution: CPAS de Namur"
};

struct ImportPreview {
    std::vector<std::string> columns;  // the file's header
    std::vector<ImportRow> rows;
    int creates = 0;
    int updates = 0;
    int unchanged = 0;
    std::vector<std::string> new_institutions;  // people import: institutions that will be created
};

// Institutions: matched by exact name ignoring case, else created.
// Throws maillage::ParseError on the first bad row; writes nothing.
ImportPreview preview_institutions(Database& db, const csv::Table& table);
// Checks then writes in one transaction; returns what was done. `progress` hears of each
// row written; when it is cancelled the transaction rolls back and Cancelled is thrown.
ImportPreview import_institutions(Database& db, const csv::Table& table, Progress* progress = nullptr);

// People with their current employment and roles: matched by email ignoring case (a
// row without email always creates a person); the institution is matched by name, else
// created.
ImportPreview preview_people(Database& db, const csv::Table& table);
// Its result holds the counts and the new institutions, not the rows (preview_people does).
ImportPreview import_people(Database& db, const csv::Table& table, Progress* progress = nullptr);

// Writes every live institution / person (not erased) as CSV, in the columns the
// importers read, so an export can be edited and imported back.
void export_institutions(Database& db, std::ostream& out, char separator = ';');
void export_people(Database& db, std::ostream& out, char separator = ';');

// A date as spreadsheets write it (2024-09-01, 1/9/2024, 01.09.2024) in ISO form,
// or "" when it is not a valid date.
std::string parse_date(const std::string& text);

}  // namespace maillage
