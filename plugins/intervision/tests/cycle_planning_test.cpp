#include "cycle_planning.h"
#include "enrolment_rules.h"
#include "intervision_exports.h"
#include "session_scheduler.h"
#include "test_fixture.h"

#include "core/error.h"
#include "core/institutions.h"
#include "core/sessions.h"

#include <gtest/gtest.h>

using namespace maillage;
using namespace maillage::intervision;

namespace {

struct Planned : ::testing::Test {
    test::World w;
    int64_t cycle = w.cycle("2025-2026", "2025-09-01", "2026-06-30");
    // First Monday: Easter Monday 2026 (6 April) moves April's session a week later.
    int64_t group = w.group(cycle, "Monday", 1, 1);
    int64_t a = w.institution("CPAS", "social_aid", "Rue Haute 1");
    int64_t b = w.institution("Le Méridien", "mental_health", "Rue de la Victoire 2");
    int64_t anna = w.person("Anna", a), bert = w.person("Bert", b);

    void SetUp() override {
        EnrolmentRules rules(w.db());
        rules.enrol(group, anna, "2025-09-01");
        rules.enrol(group, bert, "2025-09-01");
    }
    int sessions() { return int(w.db().scalar_int("SELECT count(*) FROM intervision_session")); }
};

TEST_F(Planned, ThePreviewIsWhatGeneratingCreatesAndWritesNothing) {
    const auto plan = preview_cycle_sessions(w.db(), cycle);
    EXPECT_EQ(sessions(), 0);
    EXPECT_TRUE(plan.replaced.empty());
    ASSERT_EQ(plan.sessions.size(), 10u);  // September to June
    bool april_moved = false;
    for (const auto& s : plan.sessions) {
        EXPECT_FALSE(s.host.empty()) << s.date;  // itinerant: each session has its host
        if (s.date == "2026-04-13") {
            april_moved = true;
            EXPECT_NE(s.note.find("Easter Monday"), std::string::npos) << s.note;
        }
    }
    EXPECT_TRUE(april_moved);

    EXPECT_EQ(generate_cycle_sessions(w.db(), cycle), 10);
    const auto made = CycleRepository(w.db()).sessions(group);
    ASSERT_EQ(made.size(), plan.sessions.size());
    for (size_t i = 0; i < made.size(); ++i) {
        EXPECT_EQ(made[i].date, plan.sessions[i].date);
        const auto host = InstitutionRepository(w.db()).get(*made[i].host_institution_id);
        EXPECT_EQ(host->name, plan.sessions[i].host);
    }
}

TEST_F(Planned, ThePreviewSaysWhatIsReplacedAndWhatStays) {
    generate_cycle_sessions(w.db(), cycle);
    const auto first = CycleRepository(w.db()).sessions(group).front().session_id;
    SessionScheduler(w.db()).move_session(first, "2025-09-02");
    const auto plan = preview_cycle_sessions(w.db(), cycle);
    EXPECT_EQ(plan.replaced.size(), 9u);
    EXPECT_EQ(plan.kept, 1);
    EXPECT_EQ(plan.sessions.size(), 9u);  // September is kept, not planned again
    EXPECT_EQ(sessions(), 10);
}

TEST_F(Planned, HeldOnlyOnceItsDayHasCome) {
    const auto id = SessionScheduler(w.db()).add_session(group, "2025-10-06");
    EXPECT_THROW(mark_session_held(w.db(), id, "2025-10-05"), Error);
    mark_session_held(w.db(), id, "2025-10-06");
    EXPECT_EQ(SessionRepository(w.db()).get(id)->status, "held");
}

TEST_F(Planned, CancelledWithItsReasonThenPutBack) {
    const auto id = SessionScheduler(w.db()).add_session(group, "2025-10-06");
    EXPECT_THROW(cancel_session(w.db(), id, "  "), Error);
    cancel_session(w.db(), id, "Grève des transports");
    EXPECT_EQ(SessionRepository(w.db()).get(id)->status, "cancelled");
    EXPECT_EQ(cancel_reason(w.db(), id), "Grève des transports");
    put_back_session(w.db(), id);
    EXPECT_EQ(SessionRepository(w.db()).get(id)->status, "planned");
    EXPECT_EQ(cancel_reason(w.db(), id), "");
    EXPECT_THROW(put_back_session(w.db(), id), Error);
}

TEST_F(Planned, ASessionIsDeletedWithItsAttendance) {
    const auto id = SessionScheduler(w.db()).add_session(group, "2025-10-06");
    set_attendance(w.db(), id, anna, "present");
    EXPECT_EQ(attendance_count(w.db(), id), 1);
    delete_session(w.db(), id);
    EXPECT_FALSE(SessionRepository(w.db()).get(id));
    EXPECT_EQ(w.db().scalar_int("SELECT count(*) FROM attendance"), 0);
}

TEST_F(Planned, OnlyAnEmptyGroupIsRemoved) {
    EXPECT_THROW(remove_group(w.db(), group), Error);
    const auto empty = w.group(cycle, "Thursday", 4, 3);
    remove_group(w.db(), empty);
    EXPECT_FALSE(CycleRepository(w.db()).group(empty));
    EXPECT_TRUE(CycleRepository(w.db()).group(group));
}

TEST_F(Planned, PromotingByHandTakesThePersonOffTheWaitingListAndTheOthersMoveUp) {
    const auto small = w.group(cycle, "Small", 4, 3, 1);
    EnrolmentRules rules(w.db());
    rules.enrol(small, anna, "2025-09-01");
    const auto carl = w.person("Carl", a);
    const auto waiting_bert = rules.enrol(small, bert, "2025-09-01");
    const auto waiting_carl = rules.enrol(small, carl, "2025-09-02", "colleague");
    ASSERT_EQ(waiting_carl.waiting_position, 2);
    promote_from_waiting_list(w.db(), waiting_carl.enrolment_id, "2025-10-01");
    CycleRepository repo(w.db());
    EXPECT_EQ(repo.enrolment(waiting_carl.enrolment_id)->status, "enrolled");
    EXPECT_EQ(repo.enrolment(waiting_carl.enrolment_id)->enrolled_on, "2025-10-01");
    EXPECT_EQ(repo.enrolment(waiting_bert.enrolment_id)->waiting_position, 1);
    EXPECT_THROW(promote_from_waiting_list(w.db(), waiting_carl.enrolment_id, "2025-10-01"), Error);
}

TEST_F(Planned, AClosedCycleGeneratesNothingUntilReopened) {
    close_cycle(w.db(), cycle, "2026-07-01");
    EXPECT_EQ(cycle_closed_on(w.db(), cycle), "2026-07-01");
    EXPECT_THROW(generate_cycle_sessions(w.db(), cycle), Error);
    reopen_cycle(w.db(), cycle);
    EXPECT_EQ(cycle_closed_on(w.db(), cycle), "");
    EXPECT_EQ(generate_cycle_sessions(w.db(), cycle), 10);
}

TEST_F(Planned, ClosuresAreReplaced) {
    replace_closures(w.db(), cycle, {{0, "2025-12-22", "2026-01-02", "winter"}});
    replace_closures(w.db(), cycle, {{0, "2026-02-16", "2026-02-20", "carnival"}});
    const auto c = CycleRepository(w.db()).cycle(cycle);
    ASSERT_EQ(c->closures.size(), 1u);
    EXPECT_EQ(c->closures[0].label, "carnival");
}

}  // namespace
