#pragma once
// GDPR rights over one person: access/portability (everything the database holds about
// them, as JSON and as a readable HTML page) and erasure (identity and contact details
// removed, participations kept as anonymous records with their institution and sector,
// so past figures do not change).
#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace maillage {

class Progress;

class Database;

// Everything about the person: identity, roles, employments, attendance, evaluations
// that are not anonymous, rows of plugin tables that refer to them, free text that names
// them, and the audit entries about them. Records an "export" audit entry when the
// database is writable. Throws maillage::Error when there is no such person.
nlohmann::json export_person(Database& db, int64_t person_id);

// The same as a self-contained HTML page (escaped, printable).
std::string person_export_html(const nlohmann::json& data);

struct ErasureOutcome {
    int erased = 0;              // people erased (already erased ones are skipped)
    bool file_scrubbed = false;  // WAL checkpointed and truncated: no old copy left
};

// Erases the people in one transaction: names, contact details and notes are removed
// (the person row stays with erased_at, so plugin tables keep valid references),
// employments are deleted, attendance keeps its institution/sector snapshot but loses
// its free-text reason, evaluations become anonymous, free text elsewhere that names
// them is cleared, the erasure is written to the ledger and the audit log. Then the WAL
// is checkpointed and truncated, so the erased text lingers nowhere (secure_delete
// zeroed it in the file; no VACUUM). Throws maillage::Error (nothing is erased then).
// With `progress`, each table searched for each person is a step; a cancel before the
// commit throws Cancelled and nothing is erased.
ErasureOutcome erase_people(Database& db, const std::vector<int64_t>& person_ids,
                            const std::string& reason = "request", Progress* progress = nullptr);

// Checkpoint(TRUNCATE) (VACUUM first only when secure_delete is off). Returns false
// when another connection kept the WAL from being emptied.
bool scrub_database_file(Database& db);

// One line per erased person whose name, email or phone (as fingerprinted at erasure)
// is still found in the bytes of the database file or its WAL; the WAL is checkpointed
// first when the database is writable. Living namesakes are not reported.
std::vector<std::string> erased_identity_traces(Database& db);

// The person ids of the erasure ledger (empty when the database predates it).
std::vector<int64_t> erased_person_ids(Database& db);

}  // namespace maillage
