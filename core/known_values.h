#pragma once
// What an "unknown X" message says: the values that would have been accepted, all of
// them when the list is short, else the closest to what was typed. And the look-ups of
// reference data by the codes users type (programmes, funders, sectors), which throw a
// maillage::Error listing the valid codes.
#include "core/programmes.h"
#include "core/sectors.h"

#include <string>
#include <string_view>
#include <vector>

namespace maillage {

class Database;

// "a, b, c" when there are at most `show` values; else the `show` values closest to
// `typed` (edit distance ignoring case and accents, a common prefix first) followed by
// "… (N in all)". "none" when the list is empty.
std::string valid_values(const std::vector<std::string>& valid, std::string_view typed = {}, std::size_t show = 16);

// Codes of the active programmes / funders / sectors, in their list order.
std::vector<std::string> programme_codes(Database& db);
std::vector<std::string> funder_codes(Database& db);
std::vector<std::string> sector_codes(Database& db);

// By code (or "#id"/id digits); throw maillage::Error "unknown programme "x" (valid: …)".
Programme need_programme(Database& db, const std::string& code);
Funder need_funder(Database& db, const std::string& code);
// By code or label in any language.
Sector need_sector(Database& db, const std::string& code_or_label);

// A person as users name them: an email (any case), "#12" or 12 (an id), or a full
// name that only one person has. Throws maillage::Error naming what was typed, and the
// people sharing a name with their emails.
int64_t person_by_key(Database& db, const std::string& key);

// The person roles (worker, peer_worker...) and the attendance roles (participant,
// facilitator...), as stored.
const std::vector<std::string>& person_role_codes();
const std::vector<std::string>& attendance_role_codes();
const std::vector<std::string>& attendance_status_codes();

}  // namespace maillage
