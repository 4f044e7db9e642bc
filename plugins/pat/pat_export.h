#pragma once
// Tables of sessions and accompaniments for spreadsheets (CSV and XLSX).
#include "pat_table.h"

#include <string>

namespace maillage {
class Database;
}

namespace maillage::pat {

// PAT sessions dated in [from, to] (every status), one row each.
Table sessions_table(Database& db, const std::string& from, const std::string& to, const std::string& language = "fr");
// Every accompaniment with its phase, decision, sessions held/planned and hires.
Table accompaniments_table(Database& db, const std::string& language = "fr");

}  // namespace maillage::pat
