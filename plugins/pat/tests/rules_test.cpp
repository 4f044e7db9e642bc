#include "pat_activities.h"
#include "pat_fixture.h"
#include "pat_figures.h"
#include "pat_rules.h"

#include "core/error.h"

#include <gtest/gtest.h>

namespace maillage::pat::test {
namespace {

TEST_F(PatTest, PhasesFollowTheAllowedTransitionsOnly) {
    AccompanimentRepository repo(*db);
    const auto id = abri_request();
    EXPECT_EQ(repo.get(id)->region, "brussels");  // copied from the institution
    EXPECT_THROW(repo.set_phase(id, "accompaniment", "2025-01-20"), Error);  // skips the analysis
    EXPECT_THROW(repo.set_phase(id, "bogus", "2025-01-20"), Error);
    repo.set_phase(id, "analysis", "2025-01-20");
    EXPECT_THROW(repo.set_phase(id, "accompaniment", "2025-02-01"), Error);  // not accepted yet
    EXPECT_THROW(repo.decide(id, "declined", "", "2025-01-25"), Error);       // a refusal needs a reason
    repo.decide(id, "accepted", "", "2025-01-25");
    repo.set_phase(id, "accompaniment", "2025-02-01");
    EXPECT_THROW(repo.set_phase(id, "hired", "2025-05-01"), Error);  // no hire recorded
    EXPECT_THROW(repo.set_phase(id, "follow_up", "2025-05-01"), Error);
    Hire h;
    h.accompaniment_id = id;
    h.hire_date = "2025-05-01";
    repo.add_hire(h);
    repo.set_phase(id, "hired", "2025-05-01");
    repo.set_phase(id, "follow_up", "2025-06-01");
    EXPECT_THROW(repo.set_phase(id, "closed", "2025-12-01"), Error);  // closing needs a reason
    repo.set_phase(id, "closed", "2025-12-01", "Follow-up over");
    EXPECT_THROW(repo.set_phase(id, "request", "2025-12-02"), Error);  // closed stays closed
    const auto done = *repo.get(id);
    EXPECT_EQ(done.phase, "closed");
    EXPECT_EQ(done.analysis_date, "2025-01-20");
    EXPECT_EQ(done.accompaniment_date, "2025-02-01");
    EXPECT_EQ(done.hired_date, "2025-05-01");
    EXPECT_EQ(done.follow_up_date, "2025-06-01");
    EXPECT_EQ(done.closed_date, "2025-12-01");
    EXPECT_EQ(done.closing_reason, "Follow-up over");
    EXPECT_EQ(db->scalar_int("SELECT count(*) FROM pat_phase_history WHERE accompaniment_id = " + std::to_string(id)), 6);
}

TEST_F(PatTest, RefusedPhaseChangeSaysWhatIsAllowed) {
    const auto why = PhaseRules::refuse_reason("request", "hired", "", 0);
    EXPECT_NE(why.find("Analysis"), std::string::npos) << why;
    EXPECT_TRUE(PhaseRules::refuse_reason("analysis", "request", "waiting", 0).empty());
}

TEST_F(PatTest, StepStatesCarryTheirDates) {
    AccompanimentRepository repo(*db);
    const auto id = ssm_started();
    EXPECT_EQ(repo.step_states(id).size(), 10u);
    EXPECT_EQ(repo.step_reached(id, "en")->code, "needs_analysis");
    auto s = repo.set_step(id, "needs_analysis", "in_progress", "2025-02-01");
    EXPECT_EQ(s.started_on, "2025-02-01");
    EXPECT_EQ(s.finished_on, "");
    EXPECT_THROW(repo.set_step(id, "needs_analysis", "done", "2025-01-15"), Error);  // before its start
    s = repo.set_step(id, "1", "done", "2025-03-01", "interview held");  // by position
    EXPECT_EQ(s.started_on, "2025-02-01");
    EXPECT_EQ(s.finished_on, "2025-03-01");
    repo.set_step(id, "prepare_institution", "skipped", "2025-03-02");
    EXPECT_EQ(repo.step_reached(id, "en")->code, "adapt_framework");
    s = repo.set_step(id, "prepare_institution", "not_started", "2025-03-03");
    EXPECT_EQ(s.started_on, "");
    EXPECT_EQ(s.finished_on, "");
    EXPECT_THROW(repo.set_step(id, "prepare_institution", "finished", "2025-03-03"), Error);
    EXPECT_THROW(repo.set_step(id, "eleven", "done", "2025-03-03"), Error);
    EXPECT_EQ(repo.step_states(id)[0].notes, "interview held");
}

TEST_F(PatTest, FewerThanTwoStaffWarnsAndRecordsButKeepsTheSession) {
    AccompanimentRepository repo(*db);
    const auto id = ssm_started();
    auto s = session_of(id, "immersion", "2025-03-01", 1);
    std::string warning;
    const auto sid = repo.add_session(s, &warning);
    EXPECT_FALSE(warning.empty());
    s.staff = {staff[0], staff[1]};
    s.date = "2025-03-02";
    repo.add_session(s, &warning);
    EXPECT_TRUE(warning.empty());
    const auto list = repo.sessions(id);
    ASSERT_EQ(list.size(), 2u);
    EXPECT_EQ(list[0].session_id, sid);
    EXPECT_FALSE(list[0].staff_warning.empty());
    EXPECT_TRUE(list[1].staff_warning.empty());
    EXPECT_EQ(list[1].staff.size(), 2u);
    EXPECT_EQ(db->scalar_int("SELECT count(*) FROM attendance WHERE role = 'staff'"), 3);
    EXPECT_EQ(two_staff_warning(0).empty(), false);
    s.type = "coffee";
    EXPECT_THROW(repo.add_session(s), Error);
}

TEST_F(PatTest, PlannedAgainstHeldSessions) {
    AccompanimentRepository repo(*db);
    const auto id = ssm_started();
    session(id, "working_group", "2025-02-10");
    session(id, "team_meeting", "2025-03-10");
    session(id, "immersion", "2025-04-10", "", "cancelled");
    session(id, "immersion", "2025-05-10", "", "planned");
    session(id, "immersion", "2025-09-10", "follow_up");
    const auto c = repo.session_count(id);
    EXPECT_EQ(c.planned, 6);
    EXPECT_EQ(c.held, 2);
    EXPECT_EQ(c.follow_up, 1);
}

TEST_F(PatTest, StaffTimeShareCountsDurationAndPreparationPerStaffMember) {
    const auto id = ssm_started();
    session(id, "working_group", "2025-02-10");          // 2 staff x 180 min
    session(id, "team_meeting", "2025-02-11", "", "held", 1);  // 1 staff x 180 min
    session(id, "immersion", "2025-02-12", "", "cancelled");   // not counted
    // 2025-02-03 .. 2025-02-16 is two weeks: 2 x 10 h = 1200 min per person at 10 h a week.
    const auto t = staff_time(*db, "2025-02-03", "2025-02-16", 10);
    ASSERT_EQ(t.people.size(), 2u);
    EXPECT_EQ(t.people[0].person_id, staff[0]);
    EXPECT_EQ(t.people[0].minutes, 360);
    EXPECT_EQ(t.people[0].share, "30.00");
    EXPECT_EQ(t.people[1].minutes, 180);
    EXPECT_EQ(t.total_minutes, 540);
    EXPECT_EQ(t.share, "22.50");
    EXPECT_THROW(staff_time(*db, "2025-02-16", "2025-02-03"), Error);
}

}  // namespace
}  // namespace maillage::pat::test

namespace maillage::pat::test {
namespace {

TEST_F(PatTest, IntakeQuestionnaireIsStoredAndLinked) {
    AccompanimentRepository repo(*db);
    const auto id = abri_request();
    EXPECT_THROW(repo.record_intake(id, {{2, "0"}}), Error);  // question 1 is required
    EXPECT_THROW(repo.record_intake(id, {{1, "x"}, {2, "9"}}), Error);  // no such option
    const auto rid = repo.record_intake(id, {{1, "Besoin d'un regard de pair"}, {2, "1"}, {6, "4"}});
    EXPECT_EQ(repo.get(id)->intake_response_id, rid);
}

TEST_F(PatTest, StepsAndSessionTypesAreEditableData) {
    AccompanimentRepository repo(*db);
    repo.define_step("evaluate", "Évaluer", "Evalueren", "Evaluate");
    EXPECT_EQ(repo.steps()[8].label_en, "Evaluate");
    repo.define_step("celebrate", "Fêter", "Vieren", "Celebrate");
    EXPECT_EQ(repo.steps().size(), 11u);
    repo.retire_step("celebrate");
    EXPECT_EQ(repo.steps().size(), 10u);
    EXPECT_THROW(repo.define_step("Bad Code", "a", "b", "c"), Error);
    repo.define_session_type("visit", "visite", "bezoek", "visit", "visites", "bezoeken", "visits");
    const auto id = ssm_started();
    session(id, "visit", "2025-03-01");
    session(id, "visit", "2025-03-02");
    repo.retire_session_type("visit");
    EXPECT_THROW(session(id, "visit", "2025-03-03"), Error);  // retired: no new sessions
    ReportScope scope;
    scope.year = 2025;
    scope.language = "fr";
    EXPECT_EQ(compute_figures(*db, scope).sessions_sentence, "2 sessions: 2 visites");  // old ones still count
}

}  // namespace
}  // namespace maillage::pat::test
