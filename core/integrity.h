#pragma once
// `maillage-cli check`: everything that must hold in a Maillage database, each problem
// as one readable line. Used after every kill of the crash harness too.
#include "core/migration.h"

#include <string>
#include <vector>

namespace maillage {

class Database;

// SQLite's integrity_check and foreign_key_check, the audit chain, and the suite's own
// invariants (see integrity.cpp). Returns the problems found; empty when all is well.
std::vector<std::string> check_database(Database& db);

// The same, plus check_schema_objects() against the migrations of the core and the
// loaded plugins: what `maillage-cli check` and the window's Tools > Check run.
std::vector<std::string> check_database(Database& db, const std::vector<MigrationSet>& sets);

// Triggers and views that no migration created, or that differ from what their migration
// created: a trigger slipped into a file can rewrite or hide data on every change. The
// reference is the schema the migrations give (each namespace up to the version the
// database records), built in memory; objects of a namespace no loaded plugin knows
// (named "<namespace>_...") are left alone.
std::vector<std::string> check_schema_objects(Database& db, const std::vector<MigrationSet>& sets);

// Only the suite's invariants (the part of check_database() beyond SQLite's checks).
std::vector<std::string> check_invariants(Database& db);

}  // namespace maillage
