// What the window's dialogs rely on: the intake from the questionnaire form moves a
// request to the analysis, a closed accompaniment reopens where it was, sessions follow
// their date into the follow-up and are changed or deleted with their attendance,
// hires and documents are changed and removed, and each of these is undone.
#include "pat_activities.h"
#include "pat_fixture.h"
#include "pat_rules.h"

#include "core/error.h"
#include "core/questionnaires.h"
#include "core/undo.h"

#include <gtest/gtest.h>

namespace maillage::pat::test {
namespace {

TEST_F(PatTest, IntakeFromTheFormMovesARequestToTheAnalysisInOneChange) {
    AccompanimentRepository repo(*db);
    const auto id = abri_request();
    const auto q = QuestionnaireRepository(*db).find_by_code("pat_intake");
    ASSERT_TRUE(q);
    Response r;
    r.questionnaire_id = q->id;
    r.answers[q->questions[0].id].text = "Des besoins";
    r.answers[q->questions[1].id].number = 1;
    const auto rid = db->write("intake", [&] { return repo.record_intake(id, r, "2025-01-20"); });
    const auto after = *repo.get(id);
    EXPECT_EQ(after.phase, "analysis");
    EXPECT_EQ(after.analysis_date, "2025-01-20");
    EXPECT_EQ(after.intake_response_id, rid);
    EXPECT_EQ(db->scalar_int("SELECT count(*) FROM response WHERE subject_kind = 'pat_accompaniment' AND subject_id = " +
                             std::to_string(id)),
              1);
    // Filled in again: the new answers replace the old ones.
    r.answers[q->questions[0].id].text = "D'autres besoins";
    const auto again = db->write("intake", [&] { return repo.record_intake(id, r, "2025-01-21"); });
    EXPECT_EQ(repo.get(id)->intake_response_id, again);
    EXPECT_EQ(db->scalar_int("SELECT count(*) FROM response"), 1);
    EXPECT_EQ(repo.get(id)->analysis_date, "2025-01-20");  // the phase stays where it was
    undo_last(*db);
    EXPECT_EQ(repo.get(id)->intake_response_id, rid);
    undo_last(*db);
    EXPECT_EQ(repo.get(id)->phase, "request");
    EXPECT_FALSE(repo.get(id)->intake_response_id);
    EXPECT_EQ(db->scalar_int("SELECT count(*) FROM response"), 0);
}

TEST_F(PatTest, AClosedAccompanimentReopensInThePhaseItWasClosedFrom) {
    AccompanimentRepository repo(*db);
    const auto id = ssm_started();
    EXPECT_THROW(repo.reopen(id, "why", "2025-03-01"), Error);  // not closed
    repo.set_phase(id, "closed", "2025-03-01", "Budget lost");
    EXPECT_THROW(repo.reopen(id, "", "2025-04-01"), Error);            // a reason is needed
    EXPECT_THROW(repo.reopen(id, "Budget found", "2025-02-01"), Error);  // before the closing
    repo.reopen(id, "Budget found", "2025-04-01");
    const auto a = *repo.get(id);
    EXPECT_EQ(a.phase, "accompaniment");
    EXPECT_TRUE(a.closed_date.empty());
    EXPECT_TRUE(a.closing_reason.empty());
    const auto history = repo.phase_history(id);
    ASSERT_FALSE(history.empty());
    EXPECT_EQ(history.back().from, "closed");
    EXPECT_EQ(history.back().to, "accompaniment");
    EXPECT_EQ(history.back().note, "Budget found");
}

TEST_F(PatTest, ASessionsPhaseFollowsItsDateAndItCanBeChangedOrDeleted) {
    AccompanimentRepository repo(*db);
    const auto id = ssm_started();
    const auto sid = session(id, "working_group", "2025-02-10");
    Hire h;
    h.accompaniment_id = id;
    h.hire_date = "2025-05-01";
    repo.add_hire(h);
    repo.set_phase(id, "hired", "2025-05-01");
    // Recorded late, dated before the hire: still the accompaniment's.
    EXPECT_EQ(repo.sessions(id).back().phase, "accompaniment");
    const auto later = session(id, "immersion", "2025-06-10");
    auto all = repo.sessions(id);
    ASSERT_EQ(all.size(), 2u);
    EXPECT_EQ(all[1].session_id, later);
    EXPECT_EQ(all[1].phase, "follow_up");

    // Moved before the hire, with one staff member: the phase and the warning follow.
    auto s = all[1];
    s.date = "2025-04-20";
    s.type = "team_meeting";
    s.staff = {staff[0]};
    s.phase.clear();
    std::string warning;
    repo.update_session(s, &warning);
    EXPECT_FALSE(warning.empty());
    all = repo.sessions(id);
    EXPECT_EQ(all[1].date, "2025-04-20");
    EXPECT_EQ(all[1].type, "team_meeting");
    EXPECT_EQ(all[1].phase, "accompaniment");
    EXPECT_EQ(all[1].staff, std::vector<int64_t>{staff[0]});
    EXPECT_FALSE(all[1].staff_warning.empty());

    db->write("delete", [&] { repo.remove_session(sid); });
    EXPECT_EQ(repo.sessions(id).size(), 1u);
    EXPECT_EQ(db->scalar_int("SELECT count(*) FROM attendance WHERE session_id = " + std::to_string(sid)), 0);
    EXPECT_THROW(repo.remove_session(sid), Error);
    undo_last(*db);  // the session comes back with its attendance
    EXPECT_EQ(repo.sessions(id).size(), 2u);
    EXPECT_EQ(db->scalar_int("SELECT count(*) FROM attendance WHERE session_id = " + std::to_string(sid)), 2);
}

TEST_F(PatTest, HiresAndDocumentsAreChangedAndRemoved) {
    AccompanimentRepository repo(*db);
    const auto id = ssm_started();
    Hire h;
    h.accompaniment_id = id;
    h.status = "announced";
    h.announced_date = "2025-04-01";
    h.id = repo.add_hire(h);
    h.status = "effective";
    h.hire_date = "2025-05-01";
    h.working_time_percent = 50;
    repo.update_hire(h);
    ASSERT_EQ(repo.hires(id).size(), 1u);
    EXPECT_EQ(repo.hires(id)[0].status, "effective");
    EXPECT_EQ(repo.hires(id)[0].working_time_percent, 50);
    h.working_time_percent = 150;
    EXPECT_THROW(repo.update_hire(h), Error);
    repo.remove_hire(h.id);
    EXPECT_TRUE(repo.hires(id).empty());

    Document d;
    d.accompaniment_id = id;
    d.title = "Convention";
    d.link = "https://example.org/convention.pdf";
    const auto did = repo.add_document(d);
    repo.remove_document(did);
    EXPECT_TRUE(repo.documents(id).empty());
    EXPECT_THROW(repo.remove_document(did), Error);
}

TEST_F(PatTest, ARequestRecordedByMistakeIsDeletedWithAllOfItAndUndone) {
    AccompanimentRepository repo(*db);
    const auto id = ssm_started();
    session(id, "working_group", "2025-02-10");
    Document d;
    d.accompaniment_id = id;
    d.title = "Convention";
    d.link = "https://example.org/c.pdf";
    repo.add_document(d);
    const auto c = repo.contents(id);
    EXPECT_EQ(c.sessions, 1);
    EXPECT_EQ(c.documents, 1);
    const auto sessions_before = db->scalar_int("SELECT count(*) FROM session");
    db->write("delete", [&] { repo.remove(id); });
    EXPECT_FALSE(repo.get(id));
    EXPECT_EQ(db->scalar_int("SELECT count(*) FROM session"), sessions_before - 1);  // no orphan core session
    EXPECT_EQ(db->scalar_int("SELECT count(*) FROM pat_document"), 0);
    undo_last(*db);
    ASSERT_TRUE(repo.get(id));
    EXPECT_EQ(repo.sessions(id).size(), 1u);
    EXPECT_EQ(repo.documents(id).size(), 1u);
}

TEST_F(PatTest, TheRulesNameNoCommand) {
    // The window shows these sentences: they say what to do, not which command to type.
    for (const auto& why : {PhaseRules::refuse_reason("analysis", "accompaniment", "", 0),
                            PhaseRules::refuse_reason("accompaniment", "hired", "accepted", 0)}) {
        EXPECT_FALSE(why.empty());
        EXPECT_EQ(why.find("pat "), std::string::npos) << why;
    }
}

TEST_F(PatTest, TrainingsAndAdvocacyAreChangedAndDeleted) {
    ActivityRepository repo(*db);
    Training t;
    t.title = "Pair-aidance 101";
    t.date = "2025-03-01";
    t.participants = 12;
    t.id = repo.add_training(t);
    t.participants = 14;
    t.date = "2025-03-08";
    repo.update_training(t);
    auto all = repo.trainings("2025-01-01", "2025-12-31");
    ASSERT_EQ(all.size(), 1u);
    EXPECT_EQ(all[0].participants, 14);
    EXPECT_EQ(all[0].date, "2025-03-08");
    t.date = "08/03/2025";
    EXPECT_THROW(repo.update_training(t), Error);
    repo.remove_training(t.id);
    EXPECT_TRUE(repo.trainings("2025-01-01", "2025-12-31").empty());

    Advocacy a;
    a.kind = "podcast";
    a.date = "2025-04-01";
    a.title = "Les pairs";
    a.id = repo.add_advocacy(a);
    a.kind = "interview";
    repo.update_advocacy(a);
    EXPECT_EQ(repo.advocacy("2025-01-01", "2025-12-31")[0].kind, "interview");
    a.kind = "blog";
    EXPECT_THROW(repo.update_advocacy(a), Error);
    repo.remove_advocacy(a.id);
    EXPECT_TRUE(repo.advocacy("2025-01-01", "2025-12-31").empty());
}

TEST_F(PatTest, AnEndedWorkplaceLeavesTheMapAndComesBackWhenSetAgain) {
    ActivityRepository repo(*db);
    Workplace w;
    w.institution_id = institution("CAW", "flanders", "Gent", "homeless");
    w.since = "2024-01-01";
    w.peer_workers = 2;
    const auto id = repo.set_workplace(w);
    EXPECT_THROW(repo.end_workplace(id, "2023-12-01"), Error);  // before it started
    repo.end_workplace(id, "2025-06-30");
    EXPECT_THROW(repo.end_workplace(id, "2025-07-30"), Error);  // already ended
    EXPECT_TRUE(repo.workplaces().empty());
    const auto ended = repo.workplaces("fr", true);
    ASSERT_EQ(ended.size(), 1u);
    EXPECT_EQ(ended[0].ended_on, "2025-06-30");
    w.peer_workers = 1;
    EXPECT_EQ(repo.set_workplace(w), id);  // peer workers there again: current again
    ASSERT_EQ(repo.workplaces().size(), 1u);
    EXPECT_TRUE(repo.workplaces()[0].ended_on.empty());
    repo.remove_workplace(id);
    EXPECT_TRUE(repo.workplaces("fr", true).empty());
}

}  // namespace
}  // namespace maillage::pat::test
