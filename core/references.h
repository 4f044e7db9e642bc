#pragma once
// Which rows point to a record, found from the schema (PRAGMA foreign_key_list over every
// table) so that plugin tables count without the core knowing them. Used by the merge
// of institutions and of people and by their deletion.
#include <cstdint>
#include <string>
#include <vector>

namespace maillage {

class Database;

struct Reference {
    std::string table;   // the table that points
    std::string column;  // its column holding the id
    bool cascades = false;  // ON DELETE CASCADE: the rows go with the record
};

// Every column of every table with a foreign key to `table`(id).
std::vector<Reference> references_to(Database& db, const std::string& table);

// Moves every reference to `from` onto `into`, except those listed in `skip`
// ("table.column"). UPDATE OR IGNORE: a row that would duplicate one already on `into`
// (a unique pair) stays on `from`; the caller decides what becomes of it.
void move_references(Database& db, const std::string& table, int64_t from, int64_t into,
                     const std::vector<std::string>& skip = {});

struct ReferenceCount {
    std::string what;  // translated: "employments", or the plugin table's name
    int64_t rows = 0;
    bool cascades = false;
};

// How many rows of each referencing table point to `id` (tables with none left out).
std::vector<ReferenceCount> count_references(Database& db, const std::string& table, int64_t id);

// What deleting a record would take with it, and what stops it.
struct DeleteImpact {
    std::vector<ReferenceCount> goes_with;  // removed with the record
    std::vector<ReferenceCount> refused_by;  // rows that keep the record from being deleted
    std::string refusal;                     // translated sentence; empty when it can be deleted
    bool allowed() const { return refusal.empty(); }
};

// The references to `table`'s row `id` sorted into what goes with it and what refuses its
// deletion; when the row does not exist (`exists` false), only the refusal `gone`. The
// caller words the refusal when refused_by is not empty.
DeleteImpact delete_impact(Database& db, const std::string& table, int64_t id, bool exists, const std::string& gone);
// "employments: 2, roles: 1" (for sentences).
std::string describe_counts(const std::vector<ReferenceCount>& counts);

}  // namespace maillage
