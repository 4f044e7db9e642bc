#pragma once
// Registrations imported from the web site's CSV export, with duplicate detection
// against known people (same e-mail, or same normalised name at the same institution)
// and within the file. core/csv.h had not landed when this was written, so a small
// RFC 4180 reader lives here (read_csv); it reports file, line and column.
#include <cstdint>
#include <string>
#include <vector>

namespace maillage {
class Database;
}

namespace maillage::catalogue {

struct CsvRow {
    int line = 0;  // 1-based line where the row starts (quoted fields may span lines)
    std::vector<std::string> cells;
    const std::string& operator[](std::size_t i) const { return cells[i]; }
    std::size_t size() const { return cells.size(); }
};

// Rows of a CSV text (',' or ';' separated, detected on the first line; quotes with "").
// Throws maillage::ParseError on an unterminated quote or stray text after a quote.
std::vector<CsvRow> read_csv(const std::string& text, const std::string& file);

// "Élodie  Van-Damme" -> "elodie van damme": lower case, accents and punctuation folded.
std::string normalise_name(const std::string& text);

struct ImportLine {
    int line = 0;
    std::string outcome;  // registered | waiting | already | duplicate_in_file | error
    std::string person;   // display name
    bool new_person = false;
    bool matched_by_email = false;
    std::string message;
};

struct ImportReport {
    int rows = 0;
    int registered = 0, waiting = 0, already = 0, duplicates_in_file = 0, errors = 0;
    int new_people = 0, matched_people = 0, new_institutions = 0;
    std::vector<ImportLine> lines;
};

// Imports registrations. Columns (header, any order, French or English names):
// first_name|prenom, last_name|nom, email, institution, training|formation (a training
// code; `default_training` when the column is absent or empty), phone|telephone.
// All or nothing: a fault in the file (ParseError) changes nothing; a row with an
// unknown training is reported and skipped.
ImportReport import_registrations(Database& db, const std::string& csv_text, const std::string& file,
                                  const std::string& default_training = {});

}  // namespace maillage::catalogue
