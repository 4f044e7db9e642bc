#include "core/integrity.h"

#include "core/audit.h"
#include "core/database.h"
#include "core/gdpr.h"
#include "core/i18n.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <map>
#include <set>

namespace maillage {
namespace {
// Runs a query whose rows are problems: the first column is an id, the message is made
// from the template with {id}.
void each_row(Database& db, const std::string& query, const char* message, std::vector<std::string>& out) {
    SQLite::Statement q(db.sql(), query);
    while (q.executeStep()) out.push_back(trf(message, fmt::arg("id", q.getColumn(0).getString())));
}
}  // namespace

std::vector<std::string> check_invariants(Database& db) {
    std::vector<std::string> out;
    if (!db.table_exists("person")) return out;  // an empty (new) file: nothing to hold yet
    // Attendance rows point at sessions and people that exist (also a foreign key; kept
    // here because a database edited with foreign keys off would pass unnoticed).
    each_row(db, "SELECT a.id FROM attendance a LEFT JOIN session s ON s.id = a.session_id WHERE s.id IS NULL",
             N_("attendance {id} refers to a session that does not exist"), out);
    each_row(db, "SELECT a.id FROM attendance a LEFT JOIN person p ON p.id = a.person_id WHERE p.id IS NULL",
             N_("attendance {id} refers to a person who does not exist"), out);
    // Merged institutions are history only: nothing live may still point at them.
    each_row(db,
             "SELECT i.id FROM institution i WHERE i.merged_into IS NOT NULL AND ("
             " EXISTS(SELECT 1 FROM employment e WHERE e.institution_id = i.id) OR"
             " EXISTS(SELECT 1 FROM session s WHERE s.host_institution_id = i.id) OR"
             " EXISTS(SELECT 1 FROM attendance a WHERE a.institution_id = i.id))",
             N_("institution {id} was merged but employments, sessions or attendance still refer to it"), out);
    each_row(db,
             "SELECT i.id FROM institution i JOIN institution t ON t.id = i.merged_into "
             "WHERE t.merged_into IS NOT NULL OR i.merged_into = i.id",
             N_("institution {id} was merged into a record that is itself merged"), out);
    // Erased people keep no identity and no trail that could identify them.
    each_row(db,
             "SELECT id FROM person WHERE erased_at IS NOT NULL AND (first_name IS NOT NULL OR last_name IS NOT "
             "NULL OR email IS NOT NULL OR phone IS NOT NULL OR notes IS NOT NULL)",
             N_("person {id} was erased but still holds a name, contact details or notes"), out);
    each_row(db,
             "SELECT DISTINCT p.id FROM person p WHERE p.erased_at IS NOT NULL AND ("
             " EXISTS(SELECT 1 FROM employment e WHERE e.person_id = p.id) OR"
             " EXISTS(SELECT 1 FROM response r WHERE r.person_id = p.id) OR"
             " EXISTS(SELECT 1 FROM attendance a WHERE a.person_id = p.id AND a.reason IS NOT NULL))",
             N_("person {id} was erased but employments, evaluations or attendance notes still name them"), out);
    if (db.table_exists("erasure_ledger"))
        each_row(db,
                 "SELECT DISTINCT l.person_id FROM erasure_ledger l JOIN person p ON p.id = l.person_id "
                 "WHERE p.erased_at IS NULL",
                 N_("person {id} is in the erasure ledger but is not erased"), out);
    // The recorded schema version is the last step of its history, with no gap.
    if (db.table_exists("schema_version") && db.table_exists("schema_history")) {
        SQLite::Statement q(db.sql(),
                            "SELECT v.namespace, v.version, (SELECT max(h.version) FROM schema_history h WHERE "
                            "h.namespace = v.namespace), (SELECT count(*) FROM schema_history h WHERE h.namespace = "
                            "v.namespace) FROM schema_version v UNION ALL "
                            "SELECT h.namespace, NULL, max(h.version), count(*) FROM schema_history h WHERE "
                            "h.namespace NOT IN (SELECT namespace FROM schema_version) GROUP BY h.namespace");
        while (q.executeStep()) {
            const auto ns = q.getColumn(0).getString();
            if (q.getColumn(1).isNull()) {
                out.push_back(trf("schema history has steps of {part} but no recorded version", fmt::arg("part", ns)));
                continue;
            }
            const int version = q.getColumn(1).getInt();
            const int last = q.getColumn(2).isNull() ? 0 : q.getColumn(2).getInt();
            const int steps = q.getColumn(3).getInt();
            if (version != last || steps != last)
                out.push_back(trf("schema of {part} is recorded as version {version} but its history ends at {last} "
                                  "with {steps} steps",
                                  fmt::arg("part", ns), fmt::arg("version", version), fmt::arg("last", last),
                                  fmt::arg("steps", steps)));
        }
    }
    // The audit log can only grow: its guards must be in place.
    for (const char* trigger : {"audit_log_no_update", "audit_log_no_delete"}) {
        SQLite::Statement q(db.sql(), "SELECT 1 FROM sqlite_master WHERE type='trigger' AND name=?");
        q.bind(1, trigger);
        if (!q.executeStep())
            out.push_back(trf("the audit log's guard {name} was removed", fmt::arg("name", trigger)));
    }
    return out;
}

std::vector<std::string> check_database(Database& db) {
    std::vector<std::string> out;
    try {
        SQLite::Statement q(db.sql(), "PRAGMA integrity_check(50)");
        while (q.executeStep()) {
            const auto line = q.getColumn(0).getString();
            if (line != "ok") out.push_back(trf("storage: {problem}", fmt::arg("problem", line)));
        }
    } catch (const SQLite::Exception& e) {
        out.push_back(trf("storage: {problem}", fmt::arg("problem", e.what())));
        return out;  // nothing else can be trusted
    }
    {
        SQLite::Statement q(db.sql(), "SELECT \"table\", rowid, parent FROM pragma_foreign_key_check");
        while (q.executeStep())
            out.push_back(trf("{table} row {row} refers to a missing {parent} row",
                              fmt::arg("table", q.getColumn(0).getString()),
                              fmt::arg("row", q.getColumn(1).getString()),
                              fmt::arg("parent", q.getColumn(2).getString())));
    }
    if (db.table_exists("audit_log"))
        if (auto problem = verify_audit_chain(db); !problem.empty()) out.push_back(problem);
    auto invariants = check_invariants(db);
    out.insert(out.end(), invariants.begin(), invariants.end());
    auto traces = erased_identity_traces(db);
    out.insert(out.end(), traces.begin(), traces.end());
    return out;
}

std::vector<std::string> check_database(Database& db, const std::vector<MigrationSet>& sets) {
    auto out = check_database(db);
    try {
        auto objects = check_schema_objects(db, sets);
        out.insert(out.end(), objects.begin(), objects.end());
    } catch (const std::exception& e) {
        out.push_back(trf("schema: {problem}", fmt::arg("problem", e.what())));
    }
    return out;
}

std::vector<std::string> check_schema_objects(Database& db, const std::vector<MigrationSet>& sets) {
    // The migrations each namespace has had in this file, applied to an empty database.
    std::vector<MigrationSet> applied;
    std::set<std::string> known;
    for (const auto& set : sets) {
        known.insert(set.ns);
        const int version = schema_version(db, set.ns);
        MigrationSet part{set.ns, {}};
        for (const auto& step : set.steps)
            if (step.version <= version) part.steps.push_back(step);
        if (!part.steps.empty()) applied.push_back(std::move(part));
    }
    auto reference = Database::in_memory();
    migrate(*reference, applied);
    std::map<std::string, std::string> expected;  // "trigger x" -> its SQL
    {
        SQLite::Statement q(reference->sql(),
                            "SELECT type, name, coalesce(sql,'') FROM sqlite_master WHERE type IN ('trigger','view')");
        while (q.executeStep())
            expected[q.getColumn(0).getString() + " " + q.getColumn(1).getString()] = q.getColumn(2).getString();
    }
    std::set<std::string> unknown_namespaces;
    if (db.table_exists("schema_version")) {
        SQLite::Statement q(db.sql(), "SELECT namespace FROM schema_version");
        while (q.executeStep())
            if (!known.count(q.getColumn(0).getString())) unknown_namespaces.insert(q.getColumn(0).getString());
    }
    std::vector<std::string> out;
    SQLite::Statement q(db.sql(), "SELECT type, name, tbl_name, coalesce(sql,'') FROM sqlite_master "
                                  "WHERE type IN ('trigger','view') ORDER BY type, name");
    while (q.executeStep()) {
        const auto type = q.getColumn(0).getString(), name = q.getColumn(1).getString();
        const auto table = q.getColumn(2).getString();
        bool foreign = false;
        for (const auto& ns : unknown_namespaces)
            foreign |= name.rfind(ns + "_", 0) == 0 || table.rfind(ns + "_", 0) == 0;
        if (foreign) continue;
        const auto it = expected.find(type + " " + name);
        if (it == expected.end())
            out.push_back(type == "view"
                              ? trf("view {name} was not created by any migration of the suite", fmt::arg("name", name))
                              : trf("trigger {name} on {table} was not created by any migration of the suite",
                                    fmt::arg("name", name), fmt::arg("table", table)));
        else if (it->second != q.getColumn(3).getString())
            out.push_back(type == "view" ? trf("view {name} differs from the one its migration created",
                                               fmt::arg("name", name))
                                         : trf("trigger {name} differs from the one its migration created",
                                               fmt::arg("name", name)));
    }
    return out;
}

}  // namespace maillage
