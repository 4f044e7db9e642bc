#include "core/audit.h"
#include "core/core_schema.h"
#include "core/migration.h"
#include "core/demo_data.h"
#include "core/integrity.h"
#include "reliability_support.h"
#include "schema_v1.h"
#include "test_support.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

using namespace maillage;

namespace {
bool mentions(const std::vector<std::string>& problems, const std::string& text) {
    for (const auto& p : problems)
        if (p.find(text) != std::string::npos) return true;
    return false;
}
}  // namespace

TEST(Check, DemoDatabaseHasNoProblem) {
    auto db = test::memory_db();
    db->write([&] { seed_core_demo(*db, 2025); });
    EXPECT_EQ(check_database(*db), std::vector<std::string>{});
}

TEST(Check, AttendanceOfAMissingSessionIsReported) {
    auto db = test::memory_db();
    const auto p = test::add_person(*db, "Ana", "Lopes");
    const auto i = test::add_institution(*db, "CPAS");
    const auto s = test::add_session(*db, "2025-03-03");
    test::attend(*db, s, p, i);
    db->sql().exec("PRAGMA foreign_keys = OFF");
    db->sql().exec("DELETE FROM session");
    const auto problems = check_database(*db);
    EXPECT_TRUE(mentions(problems, "refers to a session that does not exist"));
    EXPECT_TRUE(mentions(problems, "attendance row"));  // foreign_key_check too
}

TEST(Check, ErasedPersonWithANameIsReported) {
    auto db = test::memory_db();
    const auto p = test::add_person(*db, "Ana", "Lopes");
    db->sql().exec("UPDATE person SET erased_at = '2025-01-01' WHERE id = " + std::to_string(p));
    EXPECT_TRUE(mentions(check_database(*db), "still holds a name"));
}

TEST(Check, MergedInstitutionStillReferencedIsReported) {
    auto db = test::memory_db();
    const auto a = test::add_institution(*db, "Aprèstoe");
    const auto b = test::add_institution(*db, "Aprestoe");
    const auto s = test::add_session(*db, "2025-03-03");
    db->sql().exec("UPDATE session SET host_institution_id = " + std::to_string(b) + " WHERE id = " + std::to_string(s));
    db->sql().exec("UPDATE institution SET merged_into = " + std::to_string(a) + " WHERE id = " + std::to_string(b));
    EXPECT_TRUE(mentions(check_database(*db), "was merged but"));
}

TEST(Check, SchemaVersionOutOfStepWithHistoryIsReported) {
    auto db = test::memory_db();
    db->sql().exec("UPDATE schema_version SET version = 7 WHERE namespace = 'core'");
    EXPECT_TRUE(mentions(check_database(*db), "recorded as version 7"));
}

TEST(Check, TamperedAuditEntryIsDetected) {
    auto db = test::memory_db();
    test::add_person(*db, "Ana", "Lopes");
    test::add_institution(*db, "CPAS");
    test::add_person(*db, "Bo", "Peeters");
    ASSERT_EQ(verify_audit_chain(*db), "");
    // The triggers refuse the change...
    EXPECT_ANY_THROW(db->sql().exec("UPDATE audit_log SET actor = 'someone else' WHERE id = 2"));
    // ...so a tamperer drops them first; the chain still gives it away.
    db->sql().exec("DROP TRIGGER audit_log_no_update");
    db->sql().exec("UPDATE audit_log SET actor = 'someone else' WHERE id = 2");
    EXPECT_NE(verify_audit_chain(*db).find("entry 2"), std::string::npos);
    const auto problems = check_database(*db);
    EXPECT_TRUE(mentions(problems, "entry 2"));
    EXPECT_TRUE(mentions(problems, "audit_log_no_update"));
}

TEST(Check, RemovedAuditEntryIsDetected) {
    auto db = test::memory_db();
    test::add_person(*db, "Ana", "Lopes");
    test::add_person(*db, "Bo", "Peeters");
    test::add_person(*db, "Chris", "Janssens");
    db->sql().exec("DROP TRIGGER audit_log_no_delete");
    db->sql().exec("DELETE FROM audit_log WHERE id = 2");
    EXPECT_NE(verify_audit_chain(*db).find("entry 3"), std::string::npos);
}

TEST(Check, DatabaseAtSchemaOneIsUpgradedAndPasses) {
    test::TempDir dir;
    const auto file = dir / "old.sqlite";
    {
        // The demo as today's program writes it, copied into a database at schema v1 with
        // the columns v1 has (later versions add columns: funder.parent_id in v3).
        const auto current = dir / "current.sqlite";
        {
            Database c(current);
            migrate(c, {core_migrations()});
            c.write([&] { seed_core_demo(c, 2024); });
        }
        Database db(file);
        test::fill_core_v1(db, current);
        EXPECT_FALSE(db.table_exists("erasure_ledger"));
    }
    Database db(file);
    const auto outcome = migrate(db, {core_migrations()}, dir / "backups");
    ASSERT_TRUE(outcome.backup) << "a verified backup is taken before the upgrade";
    EXPECT_TRUE(db.table_exists("erasure_ledger"));
    EXPECT_EQ(schema_version(db, "core"), core_migrations().latest());
    EXPECT_EQ(check_database(db), std::vector<std::string>{});
}

// Issue 16 item 14: triggers and views that no migration created, or that were changed,
// are named; those of a namespace no loaded plugin knows are left alone.
TEST(Check, TriggersAndViewsNoMigrationCreatedAreListed) {
    auto db = test::memory_db();
    const std::vector<MigrationSet> sets = {core_migrations()};
    EXPECT_EQ(check_database(*db, sets), std::vector<std::string>{});
    db->sql().exec("CREATE TRIGGER sneaky AFTER INSERT ON person BEGIN UPDATE person SET notes = 'x'; END");
    db->sql().exec("CREATE VIEW everyone AS SELECT first_name, email FROM person");
    std::string guard;
    {
        SQLite::Statement q(db->sql(), "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = "
                                       "'audit_log' ORDER BY name LIMIT 1");
        ASSERT_TRUE(q.executeStep()) << "the audit log has guard triggers";
        guard = q.getColumn(0).getString();
    }
    db->sql().exec("DROP TRIGGER " + guard);
    db->sql().exec("CREATE TRIGGER " + guard + " BEFORE DELETE ON audit_log BEGIN SELECT 1; END");
    db->sql().exec("INSERT INTO schema_version(namespace, version) VALUES ('absent', 1)");
    db->sql().exec("CREATE TABLE absent_notes(id INTEGER PRIMARY KEY)");
    db->sql().exec("CREATE TRIGGER absent_notes_guard BEFORE DELETE ON absent_notes BEGIN SELECT 1; END");
    const auto problems = check_schema_objects(*db, sets);
    EXPECT_TRUE(mentions(problems, "trigger sneaky on person was not created by any migration")) << problems.size();
    EXPECT_TRUE(mentions(problems, "view everyone was not created by any migration"));
    EXPECT_TRUE(mentions(problems, "trigger " + guard + " differs from the one its migration created"));
    EXPECT_FALSE(mentions(problems, "absent_notes_guard"));
    EXPECT_EQ(problems.size(), 3u);
    EXPECT_TRUE(mentions(check_database(*db, sets), "sneaky"));
}
