// Undo and redo of core changes (core/undo.h), and deleting and merging people and
// institutions (core/people.h, core/institutions.h).
#include "undo_snapshot.h"

#include "core/audit.h"
#include "core/error.h"
#include "core/gdpr.h"
#include "core/institutions.h"
#include "core/people.h"
#include "core/sectors.h"
#include "core/sessions.h"
#include "core/undo.h"
#include "test_support.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

using namespace maillage;

namespace {

struct UndoTest : ::testing::Test {
    std::unique_ptr<Database> db = test::memory_db();
    PersonRepository people{*db};
    InstitutionRepository institutions{*db};

    int64_t institution(const std::string& name) {
        Institution i;
        i.name = name;
        i.sector_ids = {SectorRepository(*db).find_by_code("homeless")->id};
        return institutions.create(i);
    }
    int64_t person(const std::string& first, const std::string& last, std::optional<int64_t> works_at = {}) {
        const auto email = first + "@example.org";
        return test::add_person(*db, {.first_name = first, .last_name = last, .email = email, .roles = {"worker"}},
                                works_at);
    }
    int64_t session(const std::string& date) {
        Session s;
        s.kind = "test";
        s.date = date;
        return SessionRepository(*db).create(s);
    }
    void attend(int64_t session_id, int64_t person_id, const std::string& status) {
        Attendance a;
        a.session_id = session_id;
        a.person_id = person_id;
        a.status = status;
        SessionRepository(*db).record(a);
    }
};

TEST(UndoSqlite, TheSessionExtensionIsCompiledIntoTheSqliteLibrary) {
    auto db = test::memory_db();
    SQLite::Statement q(db->sql(), "PRAGMA compile_options");
    bool session = false, preupdate = false;
    while (q.executeStep()) {
        session |= q.getColumn(0).getString() == "ENABLE_SESSION";
        preupdate |= q.getColumn(0).getString() == "ENABLE_PREUPDATE_HOOK";
    }
    EXPECT_TRUE(session);
    EXPECT_TRUE(preupdate);
}

TEST_F(UndoTest, CreatingAPersonIsUndoneAndRedoneWithItsRolesAndNamedInTheMenu) {
    const auto before = test::snapshot(*db);
    const auto id = person("Leila", "Benali");
    const auto after = test::snapshot(*db);
    ASSERT_TRUE(db->undo_stack().can_undo());
    EXPECT_EQ(db->undo_stack().undo_label(), "Create Leila Benali");

    EXPECT_EQ(undo_last(*db), "Create Leila Benali");
    EXPECT_EQ(test::snapshot(*db), before);
    EXPECT_FALSE(people.get(id));
    EXPECT_EQ(db->scalar_int("SELECT count(*) FROM person_role"), 0);
    EXPECT_EQ(db->undo_stack().redo_label(), "Create Leila Benali");

    EXPECT_EQ(redo_last(*db), "Create Leila Benali");
    EXPECT_EQ(test::snapshot(*db), after);
    EXPECT_EQ(people.get(id)->roles, std::vector<std::string>{"worker"});
    EXPECT_EQ(verify_audit_chain(*db), "");
    EXPECT_EQ(db->scalar_int("SELECT count(*) FROM audit_log WHERE action IN ('undo','redo') "
                             "AND summary = 'Create Leila Benali'"),
              2);
}

TEST_F(UndoTest, EditingAPersonIsUndoneToTheOldValues) {
    const auto id = person("Leila", "Benali");
    auto p = *people.get(id);
    const auto before = test::snapshot(*db);
    p.last_name = "Benali-Haddad";
    p.roles = {"facilitator", "worker"};
    people.update(p);
    EXPECT_EQ(db->undo_stack().undo_label(), "Edit Leila Benali-Haddad");
    undo_last(*db);
    EXPECT_EQ(test::snapshot(*db), before);
    EXPECT_EQ(people.get(id)->last_name, "Benali");
    EXPECT_EQ(people.get(id)->roles, std::vector<std::string>{"worker"});
}

TEST_F(UndoTest, UndoingADeleteBringsBackThePersonAndTheirEmploymentAndRoles) {
    const auto cpas = institution("CPAS d'Ixelles");
    const auto id = person("Leila", "Benali", cpas);
    const auto before = test::snapshot(*db);
    const auto impact = people.delete_impact(id);
    ASSERT_TRUE(impact.allowed());
    EXPECT_EQ(describe_counts(impact.goes_with), "employments: 1, roles: 1");
    people.remove(id);
    EXPECT_FALSE(people.get(id));
    EXPECT_EQ(db->scalar_int("SELECT count(*) FROM employment"), 0);
    EXPECT_EQ(db->undo_stack().undo_label(), "Delete Leila Benali");

    undo_last(*db);
    EXPECT_EQ(test::snapshot(*db), before);
    EXPECT_EQ(people.employments(id).size(), 1u);
    EXPECT_EQ(people.get(id)->roles, std::vector<std::string>{"worker"});
    EXPECT_EQ(db->scalar_int("PRAGMA foreign_keys"), 1);
    EXPECT_EQ(verify_audit_chain(*db), "");
}

TEST_F(UndoTest, APersonWithAttendanceIsNotDeletedAndTheSentenceOffersErasureOrMerge) {
    const auto id = person("Leila", "Benali");
    attend(session("2025-03-04"), id, "present");
    const auto before = test::snapshot(*db);
    const auto impact = people.delete_impact(id);
    EXPECT_FALSE(impact.allowed());
    EXPECT_NE(impact.refusal.find("1 session"), std::string::npos) << impact.refusal;
    EXPECT_NE(impact.refusal.find("Erase"), std::string::npos);
    EXPECT_NE(impact.refusal.find("merge"), std::string::npos);
    try {
        people.remove(id);
        FAIL() << "deleted a person with attendance";
    } catch (const Error& e) {
        EXPECT_EQ(std::string(e.what()), impact.refusal);
    }
    EXPECT_EQ(test::snapshot(*db), before);
}

TEST_F(UndoTest, AnInstitutionStillReferencedIsNotDeletedAndTheCountsAreNamed) {
    const auto cpas = institution("CPAS d'Ixelles");
    person("Leila", "Benali", cpas);
    const auto impact = institutions.delete_impact(cpas);
    EXPECT_FALSE(impact.allowed());
    EXPECT_NE(impact.refusal.find("employments: 1"), std::string::npos) << impact.refusal;
    EXPECT_THROW(institutions.remove(cpas), Error);
    EXPECT_TRUE(institutions.get(cpas));

    const auto empty = institution("Service vide");
    EXPECT_EQ(describe_counts(institutions.delete_impact(empty).goes_with), "sectors: 1");
    const auto before_delete = test::snapshot(*db);
    institutions.remove(empty);
    EXPECT_FALSE(institutions.get(empty));
    undo_last(*db);
    EXPECT_EQ(test::snapshot(*db), before_delete);
}

TEST_F(UndoTest, MergingInstitutionsIsUndoneWholeAndRedone) {
    const auto a = institution("CPAS Ixelles");
    const auto b = institution("C.P.A.S. d'Ixelles");
    const auto p = person("Leila", "Benali", b);
    const auto s = session("2025-03-04");
    attend(s, p, "present");
    const auto before = test::snapshot(*db);
    institutions.merge(b, a);
    const auto merged = test::snapshot(*db);
    EXPECT_EQ(people.employments(p).front().institution_id, a);
    EXPECT_EQ(db->undo_stack().undo_label(), "Merge C.P.A.S. d'Ixelles into CPAS Ixelles");
    undo_last(*db);
    EXPECT_EQ(test::snapshot(*db), before);
    EXPECT_EQ(people.employments(p).front().institution_id, b);
    EXPECT_FALSE(institutions.get(b)->merged_into);
    redo_last(*db);
    EXPECT_EQ(test::snapshot(*db), merged);
    EXPECT_EQ(verify_audit_chain(*db), "");
}

TEST_F(UndoTest, MergingPeopleMovesAttendanceRolesAndEmploymentAndIsUndone) {
    const auto cpas = institution("CPAS d'Ixelles");
    const auto kept = person("Leila", "Benali", cpas);
    Person dup_p;
    dup_p.first_name = "Leïla";
    dup_p.last_name = "Benali";
    dup_p.phone = "02 555 12 12";
    dup_p.roles = {"facilitator"};
    const auto dup = people.create(dup_p);
    const auto s1 = session("2025-03-04"), s2 = session("2025-04-01");
    attend(s1, kept, "registered");
    attend(s1, dup, "present");  // both at one session: the more telling status stays
    attend(s2, dup, "excused");
    const auto before = test::snapshot(*db);

    people.merge(dup, kept);
    EXPECT_FALSE(people.get(dup));
    const auto k = *people.get(kept);
    EXPECT_EQ(k.phone, "02 555 12 12");
    EXPECT_EQ(k.email, "Leila@example.org");
    EXPECT_EQ(k.roles, (std::vector<std::string>{"facilitator", "worker"}));
    EXPECT_EQ(db->scalar_int("SELECT count(*) FROM attendance WHERE person_id = " + std::to_string(kept)), 2);
    EXPECT_EQ(db->scalar_int("SELECT status = 'present' FROM attendance WHERE session_id = " + std::to_string(s1)), 1);
    EXPECT_EQ(db->undo_stack().undo_label(), "Merge Le\u00efla Benali into Leila Benali");

    undo_last(*db);
    EXPECT_EQ(test::snapshot(*db), before);
    EXPECT_EQ(db->scalar_int("PRAGMA foreign_keys"), 1);
    EXPECT_EQ(verify_audit_chain(*db), "");
}

TEST_F(UndoTest, AnUndoThatConflictsWithALaterUnrecordedChangeIsRefusedAndChangesNothing) {
    const auto id = person("Leila", "Benali");
    auto p = *people.get(id);
    p.phone = "02 555 00 00";
    people.update(p);
    // A change the stack does not know about (another tool wrote the file).
    db->sql().exec("UPDATE person SET phone = '0470 12 34 56' WHERE id = " + std::to_string(id));
    const auto before = test::snapshot(*db);
    const auto audits = db->scalar_int("SELECT count(*) FROM audit_log");
    try {
        undo_last(*db);
        FAIL() << "undo applied over a later change";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("cannot be undone"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("person"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("Nothing was changed"), std::string::npos) << e.what();
    }
    EXPECT_EQ(test::snapshot(*db), before);
    EXPECT_EQ(db->scalar_int("SELECT count(*) FROM audit_log"), audits);
    EXPECT_EQ(db->undo_stack().undo_label(), "Edit Leila Benali");  // still there
    EXPECT_EQ(db->scalar_int("PRAGMA foreign_keys"), 1);
}

TEST_F(UndoTest, ARedoIsDroppedByANewChangeAndNothingToUndoIsSaid) {
    person("Leila", "Benali");
    undo_last(*db);
    EXPECT_TRUE(db->undo_stack().can_redo());
    person("Marc", "Dubois");
    EXPECT_FALSE(db->undo_stack().can_redo());
    undo_last(*db);
    EXPECT_FALSE(db->undo_stack().can_undo());
    EXPECT_THROW(undo_last(*db), Error);
}

TEST_F(UndoTest, AGdprErasureCannotBeUndoneAndStopsUndoBeforeIt) {
    const auto id = person("Leila", "Benali");
    attend(session("2025-03-04"), id, "present");
    ASSERT_TRUE(db->undo_stack().can_undo());
    erase_people(*db, {id}, "request");
    EXPECT_FALSE(db->undo_stack().can_undo());
    EXPECT_TRUE(people.get(id)->erased);
}

TEST_F(UndoTest, AChangeToATableWithoutPrimaryKeyCannotBeUndoneAndStopsUndoBeforeIt) {
    db->sql().exec("CREATE TABLE loose(note TEXT)");  // the session extension cannot record it
    person("Leila", "Benali");
    ASSERT_TRUE(db->undo_stack().can_undo());
    db->write("Add a note", [&] { db->sql().exec("INSERT INTO loose(note) VALUES ('x')"); });
    EXPECT_FALSE(db->undo_stack().can_undo());
    EXPECT_EQ(db->scalar_int("SELECT count(*) FROM person"), 1);
}

TEST_F(UndoTest, ANestedChangeRolledBackIsNotPartOfTheRecordedChange) {
    const auto before = test::snapshot(*db);
    db->write("Two things", [&] {
        person("Leila", "Benali");
        try {
            db->write([&] {
                person("Marc", "Dubois");
                throw Error("no");
            });
        } catch (const Error&) {
        }
    });
    EXPECT_EQ(db->undo_stack().undo_count(), 1u);
    EXPECT_EQ(db->undo_stack().undo_label(), "Two things");
    undo_last(*db);
    EXPECT_EQ(test::snapshot(*db), before);
}

TEST_F(UndoTest, AnUnnamedChangeIsNamedAfterWhatItTouched) {
    const auto id = person("Leila", "Benali");
    db->write([&] { db->sql().exec("UPDATE person SET notes = 'x' WHERE id = " + std::to_string(id)); });
    EXPECT_EQ(db->undo_stack().undo_label(), "Change to a person");
    EXPECT_EQ(unnamed_change_label("myplugin_thing", {{"myplugin", "My plugin"}}), "Change in My plugin");
    EXPECT_EQ(unnamed_change_label("employment", {}), "Change to a person");
    EXPECT_EQ(unnamed_change_label("institution_sector", {}), "Change to an institution");
    EXPECT_EQ(unnamed_change_label("answer", {}), "Change to questionnaires");
    EXPECT_EQ(unnamed_change_label("funder", {}), "Change to programmes and funders");
    EXPECT_EQ(unnamed_change_label("sqlite_stat1", {}), "Change");
}

TEST_F(UndoTest, TheStackKeepsAtMostItsLimitOfChanges) {
    UndoStack stack;
    for (std::size_t i = 0; i < UndoStack::kMaxEntries + 5; ++i) stack.push({std::to_string(i), "x"});
    EXPECT_EQ(stack.undo_count(), UndoStack::kMaxEntries);
    EXPECT_EQ(stack.undo_label(), std::to_string(UndoStack::kMaxEntries + 4));
}

}  // namespace
