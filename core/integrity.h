#pragma once
// `maillage-cli check`: everything that must hold in a Maillage database, each problem
// as one readable line. Used after every kill of the crash harness too.
#include <string>
#include <vector>

namespace maillage {

class Database;

// SQLite's integrity_check and foreign_key_check, the audit chain, and the suite's own
// invariants (see integrity.cpp). Returns the problems found; empty when all is well.
std::vector<std::string> check_database(Database& db);

// Only the suite's invariants (the part of check_database() beyond SQLite's checks).
std::vector<std::string> check_invariants(Database& db);

}  // namespace maillage
