#pragma once
// Assigning registered participants to the tables of an event.
//
// The algorithm (deterministic: same data, same result):
//  1. A participant who chose a table (table_choice) sits at that table.
//  2. The others (registered or attended participants without a table) are grouped by
//     sector; groups are taken largest first (ties: sector id, unknown sector last),
//     inside a group by last name, first name, id.
//  3. Each goes to the table that has the fewest people of their sector; ties go to the
//     table with the fewest people overall, then to the lowest table number.
// Step 3 keeps table sizes within one of each other (for the people it places) and
// spreads every sector as evenly as the numbers allow.
#include <cstdint>
#include <map>
#include <optional>

namespace maillage {
class Database;
}

namespace maillage::exchange {

struct AssignmentResult {
    int64_t by_choice = 0;   // placed at the table they chose
    int64_t spread = 0;      // placed by the balancing rule
    std::map<int64_t, int64_t> per_table;  // table id -> participants seated after assignment
};

// Assigns the event's participants who have no table yet; with `reassign_all`, clears
// every participant's table first (facilitators keep theirs). Throws maillage::Error
// when the event has no tables.
AssignmentResult assign_tables(Database& db, int64_t event_id, bool reassign_all = false);

// Puts one registration at a table (by hand); nullopt clears it.
void set_table(Database& db, int64_t registration_id, std::optional<int64_t> table_id);

}  // namespace maillage::exchange
