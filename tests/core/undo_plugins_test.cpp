// One change of each plugin, undone and redone by the core's undo stack: plugins get undo
// without code of their own (core/undo.h).
#include "undo_snapshot.h"

#include "core/audit.h"
#include "core/undo.h"

#include "catalogue_registrations.h"
#include "enrolment_rules.h"
#include "plugins/catalogue/tests/fixture.h"
#include "plugins/exchange/tests/test_helpers.h"
#include "plugins/intervision/tests/test_fixture.h"
#include "plugins/pat/tests/pat_fixture.h"

#include <gtest/gtest.h>

using namespace maillage;

namespace {

// Undo brings back `before` exactly, redo `after`, and the audit chain holds.
void expect_undo_redo(Database& db, const std::string& before, const std::string& label) {
    const auto after = test::snapshot(db);
    ASSERT_NE(after, before);
    ASSERT_TRUE(db.undo_stack().can_undo());
    EXPECT_EQ(db.undo_stack().undo_label(), label);
    EXPECT_EQ(undo_last(db), label);
    EXPECT_EQ(test::snapshot(db), before);
    EXPECT_EQ(redo_last(db), label);
    EXPECT_EQ(test::snapshot(db), after);
    EXPECT_EQ(verify_audit_chain(db), "");
    EXPECT_EQ(db.scalar_int("SELECT count(*) FROM pragma_foreign_key_check"), 0);
}

TEST(UndoPlugins, AnIntervisionEnrolmentIsUndoneAndRedone) {
    intervision::test::World w;
    const auto cycle = w.cycle("2024-2025", "2024-09-01", "2025-06-30");
    const auto cpas = w.institution("CPAS", "social_aid");
    const auto leila = w.person("Leila", cpas);
    const auto group = w.group(cycle, "Groupe 1");
    const auto before = test::snapshot(w.db());
    w.db().write("Enrol Leila in Groupe 1", [&] { intervision::EnrolmentRules(w.db()).enrol(group, leila, "2024-09-01"); });
    EXPECT_EQ(w.db().scalar_int("SELECT count(*) FROM intervision_enrolment"), 1);
    expect_undo_redo(w.db(), before, "Enrol Leila in Groupe 1");
}

TEST(UndoPlugins, AnUnnamedPluginChangeIsNamedAfterThePlugin) {
    intervision::test::World w;
    w.db().set_table_owners({{"intervision", "Intervision"}});
    const auto cycle = w.cycle("2024-2025", "2024-09-01", "2025-06-30");
    EXPECT_EQ(w.db().undo_stack().undo_label(), "Change in Intervision");
    (void)cycle;
}

struct UndoExchange : exchange::test_helpers::ExchangeDb {};

TEST_F(UndoExchange, AnExchangeRegistrationIsUndoneAndRedone) {
    const auto inst = institution("Abri de nuit", "homeless");
    const auto leila = person("Leila", "Benali", "leila@example.org", inst);
    const auto ev = event("exchange_table", "2025-05-20", 30);
    const auto before = test::snapshot(*db);
    db->write("Register Leila Benali", [&] { reg(ev, leila); });
    EXPECT_EQ(db->scalar_int("SELECT count(*) FROM exchange_registration"), 1);
    expect_undo_redo(*db, before, "Register Leila Benali");
}

struct UndoPat : pat::test::PatTest {};

TEST_F(UndoPat, APatSessionIsUndoneAndRedone) {
    const auto inst = institution("Maison d'accueil", "brussels", "Ixelles", "homeless");
    const auto acc = started(inst, cocom, "2025-01-10", "2025-02-01");
    const auto before = test::snapshot(*db);
    db->write("Add a PAT session", [&] { session(acc, "team_meeting", "2025-03-04"); });
    EXPECT_GT(db->scalar_int("SELECT count(*) FROM pat_session"), 0);
    expect_undo_redo(*db, before, "Add a PAT session");
}

TEST(UndoPlugins, ACatalogueRegistrationIsUndoneAndRedoneWithItsAttendanceRows) {
    catalogue::fixture::World w;
    const auto training = w.training("F1", {"M1"}, 12);
    w.day(training, "2025-10-06", "09:30", "16:00", {w.trainers[0]});
    w.day(training, "2025-10-13", "09:30", "16:00", {w.trainers[0]});
    const auto before = test::snapshot(*w.db);
    w.db->write("Register P1 for F1",
                [&] { catalogue::RegistrationService(*w.db).register_person(training, w.workers[0]); });
    EXPECT_EQ(w.db->scalar_int("SELECT count(*) FROM attendance"), 2);
    expect_undo_redo(*w.db, before, "Register P1 for F1");
}

}  // namespace
