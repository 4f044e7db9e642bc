#pragma once
// The audit log: who created, changed, exported or erased what, and when. Append-only
// (triggers refuse UPDATE and DELETE) and hash-chained so tampering is detectable.
#include <cstdint>
#include <optional>
#include <string>

namespace maillage {

class Database;

// Appends one entry inside the current transaction (call it from within Database::write).
// The log is append-only and hash-chained, so erasure cannot reach it: a summary names
// people and rows by id ("person #12"), never by name, email or free text a user typed
// (`check` reports an erased person's name found anywhere in the file).
void audit(Database& db, const std::string& action, const std::string& entity,
           std::optional<int64_t> entity_id, const std::string& summary);

// Retires `table`'s row `id` (retired_at = today) in its own write, with an audit line
// when it was not retired yet: reference data is retired, never deleted.
void retire_row(Database& db, const std::string& table, int64_t id);

// Recomputes the chain; returns "" when intact, else which entry breaks it.
std::string verify_audit_chain(Database& db);

}  // namespace maillage
