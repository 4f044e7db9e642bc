#pragma once
// Registrations imported from the web site's CSV export, with duplicate detection
// against known people (same e-mail, or same normalised name at the same institution)
// and within the file. The file is read with core/csv.h (UTF-8 or Windows-1252, ',' or
// ';', faults with file, line and column).
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace maillage {
class Database;
}

namespace maillage::catalogue {

// "Élodie  Van-Damme" -> "elodie van damme": lower case, accents and punctuation folded.
std::string normalise_name(const std::string& text);

struct ImportLine {
    int line = 0;
    std::string outcome;  // registered | waiting | already | duplicate_in_file | error
    std::string person;   // display name
    bool new_person = false;
    bool matched_by_email = false;
    int64_t person_id = 0;  // the person registered (or already), once known
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
// All or nothing: a fault in the file or in any row (no name, an unknown training)
// throws ParseError with its line and column and changes nothing.
// `same_person` maps a line to the known person the user said it is (the duplicate
// question of the window): that line registers this person.
ImportReport import_registrations(Database& db, const std::string& csv_text, const std::string& file,
                                  const std::string& default_training = {},
                                  const std::map<int, int64_t>& same_person = {});

}  // namespace maillage::catalogue
