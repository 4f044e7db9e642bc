#pragma once
// The audit log: who created, changed, exported or erased what, and when. Append-only
// (triggers refuse UPDATE and DELETE) and hash-chained so tampering is detectable.
#include <cstdint>
#include <optional>
#include <string>

namespace maillage {

class Database;

// Appends one entry inside the current transaction (call it from within Database::write).
void audit(Database& db, const std::string& action, const std::string& entity,
           std::optional<int64_t> entity_id, const std::string& summary);

// Recomputes the chain; returns "" when intact, else which entry breaks it.
std::string verify_audit_chain(Database& db);

}  // namespace maillage
