#pragma once
// Before importing the web site's registrations: what the import would do (computed by
// running it and rolling it back) and the lines that may be a person already known
// under another e-mail address (same name), for the user to decide.
#include "catalogue_import.h"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace maillage::catalogue {

struct PossibleDuplicate {
    int line = 0;
    std::string typed_name, typed_email;
    int64_t known_person_id = 0;
    std::string known_name, known_email;
};

// Lines not matched by e-mail whose name (accents, case and punctuation ignored) is a
// known person's. Throws ParseError on a malformed file.
std::vector<PossibleDuplicate> possible_duplicates(Database& db, const std::string& csv_text, const std::string& file);

// The import's report without changing anything (same faults as the import).
ImportReport preview_registrations(Database& db, const std::string& csv_text, const std::string& file,
                                   const std::string& default_training, const std::map<int, int64_t>& same_person);

}  // namespace maillage::catalogue
