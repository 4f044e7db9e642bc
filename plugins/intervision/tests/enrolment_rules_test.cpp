#include "enrolment_rules.h"
#include "test_fixture.h"

#include "core/people.h"
#include "core/sectors.h"

#include <gtest/gtest.h>

using namespace maillage;
using namespace maillage::intervision;

namespace {

struct EnrolmentRulesTest : ::testing::Test {
    test::World w;
    int64_t cycle = w.cycle("2024-2025", "2024-09-01", "2025-06-30");
};

TEST_F(EnrolmentRulesTest, SecondWorkerOfAnInstitutionNeedsAReasonThatIsKeptAndShown) {
    const auto cpas = w.institution("CPAS", "social_aid");
    const auto a = w.person("Anna", cpas), b = w.person("Bert", cpas);
    const auto g = w.group(cycle, "Groupe 1");
    EnrolmentRules rules(w.db());
    EXPECT_TRUE(rules.enrol(g, a, "2024-09-01").warnings.empty());
    EXPECT_EQ(rules.check_enrolment(g, b, "2024-09-01").size(), 1u);
    EXPECT_THROW(rules.enrol(g, b, "2024-09-01"), ReasonRequired);
    EXPECT_THROW(rules.enrol(g, b, "2024-09-01", "   "), ReasonRequired);
    EXPECT_FALSE(CycleRepository(w.db()).active_enrolment(g, b));  // refused without reason: nothing written

    const auto r = rules.enrol(g, b, "2024-09-01", "two separate teams");
    EXPECT_EQ(r.status, "enrolled");
    ASSERT_EQ(r.warnings.size(), 1u);
    EXPECT_EQ(CycleRepository(w.db()).enrolment(r.enrolment_id)->reason, "two separate teams");
    const auto issues = rules.group_issues(g);
    const bool shown = std::any_of(issues.begin(), issues.end(), [&](const GroupIssue& i) {
        return i.enrolment_id == r.enrolment_id && i.message.find("two separate teams") != std::string::npos;
    });
    EXPECT_TRUE(shown);
}

TEST_F(EnrolmentRulesTest, EnrolmentKeepsTheInstitutionHeldAtTheTime) {
    const auto old_place = w.institution("Old", "homeless"), new_place = w.institution("New", "mental_health");
    const auto p = w.person("Chris", old_place);
    PersonRepository people(w.db());
    auto jobs = people.employments(p);
    jobs[0].end_date = "2024-12-31";
    people.update_employment(jobs[0]);
    Employment next;
    next.person_id = p;
    next.institution_id = new_place;
    next.start_date = "2025-01-01";
    people.add_employment(next);
    const auto g = w.group(cycle, "G");
    const auto r = EnrolmentRules(w.db()).enrol(g, p, "2024-09-15");
    EXPECT_EQ(CycleRepository(w.db()).enrolment(r.enrolment_id)->institution_id, old_place);
}

TEST_F(EnrolmentRulesTest, FacilitatorPairIsCheckedBySectorFamily) {
    const auto shelter = w.institution("Shelter", "homeless"), ssm = w.institution("SSM", "mental_health"),
               cpas = w.institution("CPAS", "social_aid"), clinic = w.institution("Clinic", "general_health");
    const auto social = w.person("Social", shelter, "facilitator"), mental = w.person("Mental", ssm, "facilitator"),
               social2 = w.person("Social2", cpas, "facilitator"), other = w.person("Other", clinic, "facilitator");
    EnrolmentRules rules(w.db());
    CycleRepository repo(w.db());
    auto good = *repo.group(w.group(cycle, "Good", 1, 1, 10, social, mental));
    EXPECT_TRUE(rules.facilitator_pair_warnings(good).empty());
    auto two_social = *repo.group(w.group(cycle, "Two social", 2, 1, 10, social2, social));
    EXPECT_EQ(rules.facilitator_pair_warnings(two_social).size(), 1u);
    auto with_other = *repo.group(w.group(cycle, "Other", 3, 1, 10, other, mental));
    EXPECT_EQ(rules.facilitator_pair_warnings(with_other).size(), 1u);
    auto alone = *repo.group(w.group(cycle, "Alone", 4, 1, 10, social2));
    EXPECT_EQ(rules.facilitator_pair_warnings(alone).size(), 1u);
}

TEST_F(EnrolmentRulesTest, AFacilitatorInTwoGroupsAtTheSameTimeIsRefused) {
    const auto shelter = w.institution("Shelter", "homeless"), ssm = w.institution("SSM", "mental_health");
    const auto f = w.person("F", shelter, "facilitator"), m = w.person("M", ssm, "facilitator"),
               m2 = w.person("M2", ssm, "facilitator");
    EnrolmentRules rules(w.db());
    Group a;
    a.cycle_id = cycle;
    a.name = "A";
    a.weekday = 1;
    a.week_of_month = 2;
    a.facilitator1_id = f;
    a.facilitator2_id = m;
    rules.save_group(a);
    Group b = a;
    b.name = "B";
    b.facilitator2_id = m2;
    EXPECT_THROW(rules.save_group(b), Error);
    b.start_time = "13:30";  // same day, the afternoon: no overlap
    b.end_time = "16:00";
    b.half_day = "afternoon";
    EXPECT_NO_THROW(rules.save_group(b));
}

TEST_F(EnrolmentRulesTest, FullGroupKeepsAWaitingListInOrderAndPromotesInOrder) {
    const auto g = w.group(cycle, "Small", 1, 2, 2);
    std::vector<int64_t> p;
    for (int i = 0; i < 5; ++i) p.push_back(w.person("P" + std::to_string(i), w.institution("I" + std::to_string(i), "homeless")));
    EnrolmentRules rules(w.db());
    EXPECT_EQ(rules.enrol(g, p[0], "2024-09-01").status, "enrolled");
    EXPECT_EQ(rules.enrol(g, p[1], "2024-09-01").status, "enrolled");
    auto w1 = rules.enrol(g, p[2], "2024-09-02");
    auto w2 = rules.enrol(g, p[3], "2024-09-03");
    auto w3 = rules.enrol(g, p[4], "2024-09-04");
    EXPECT_EQ(w1.status, "waiting");
    EXPECT_EQ(w1.waiting_position, 1);
    EXPECT_EQ(w2.waiting_position, 2);
    EXPECT_EQ(w3.waiting_position, 3);

    const auto promoted = rules.leave(g, p[0], "2024-11-30");
    ASSERT_TRUE(promoted);
    EXPECT_EQ(*promoted, w1.enrolment_id);
    CycleRepository repo(w.db());
    EXPECT_EQ(repo.enrolment(w1.enrolment_id)->status, "enrolled");
    EXPECT_EQ(repo.enrolment(w1.enrolment_id)->enrolled_on, "2024-11-30");
    EXPECT_EQ(repo.enrolment(w2.enrolment_id)->waiting_position, 1);
    EXPECT_EQ(repo.enrolment(w3.enrolment_id)->waiting_position, 2);
    EXPECT_EQ(repo.active_enrolment(g, p[0]), std::nullopt);

    // Someone leaving the waiting list promotes nobody and closes the gap.
    EXPECT_FALSE(rules.leave(g, p[3], "2024-12-01"));
    EXPECT_EQ(repo.enrolment(w3.enrolment_id)->waiting_position, 1);
}

TEST_F(EnrolmentRulesTest, MoveLeavesOneGroupAndJoinsAnother) {
    const auto a = w.group(cycle, "A"), b = w.group(cycle, "B", 2);
    const auto p = w.person("P", w.institution("I", "homeless"));
    EnrolmentRules rules(w.db());
    rules.enrol(a, p, "2024-09-01");
    rules.move(p, a, b, "2024-10-15");
    CycleRepository repo(w.db());
    EXPECT_FALSE(repo.active_enrolment(a, p));
    ASSERT_TRUE(repo.active_enrolment(b, p));
    EXPECT_EQ(repo.active_enrolment(b, p)->enrolled_on, "2024-10-15");
    EXPECT_THROW(rules.leave(a, p, "2024-10-20"), Error);
}

TEST_F(EnrolmentRulesTest, CopyCycleTakesGroupsSlotsAndFacilitatorsParticipantsOnlyWhenAsked) {
    const auto f = w.person("F", w.institution("S", "homeless"), "facilitator");
    const auto g = w.group(cycle, "Groupe 1", 4, 3, 8, f);
    const auto p = w.person("P", w.institution("I", "homeless"));
    EnrolmentRules rules(w.db());
    rules.enrol(g, p, "2024-09-01");
    CycleRepository repo(w.db());
    const auto next = rules.copy_cycle(cycle, "2025-2026", false);
    const auto c = repo.cycle(next);
    EXPECT_EQ(c->start_date, "2025-09-01");
    EXPECT_EQ(c->end_date, "2026-06-30");
    const auto groups = repo.groups(next);
    ASSERT_EQ(groups.size(), 1u);
    EXPECT_EQ(groups[0].weekday, 4);
    EXPECT_EQ(groups[0].week_of_month, 3);
    EXPECT_EQ(groups[0].capacity, 8);
    EXPECT_EQ(groups[0].facilitator1_id, f);
    EXPECT_TRUE(repo.enrolments(groups[0].id).empty());

    const auto with = rules.copy_cycle(cycle, "2025-2026 bis", true);
    const auto copied = repo.enrolments(repo.groups(with)[0].id);
    ASSERT_EQ(copied.size(), 1u);
    EXPECT_EQ(copied[0].person_id, p);
    EXPECT_EQ(copied[0].enrolled_on, "2025-09-01");
}

}  // namespace

namespace {

TEST_F(EnrolmentRulesTest, AnInstitutionCanBeGivenWhenTheEmploymentIsNotRecorded) {
    const auto ssm = w.institution("SSM", "mental_health"), cpas = w.institution("CPAS", "social_aid");
    const auto p = w.person("Dana", cpas), q = w.person("Eve", cpas);
    const auto g = w.group(cycle, "G");
    EnrolmentRules rules(w.db());
    const auto r = rules.enrol(g, p, "2024-09-01", "", Affiliation{ssm, std::nullopt});
    const auto e = CycleRepository(w.db()).enrolment(r.enrolment_id);
    EXPECT_EQ(e->institution_id, ssm);
    EXPECT_EQ(e->sector_id, SectorRepository(w.db()).find_by_code("mental_health")->id);
    // The one-per-institution rule looks at the institution given.
    EXPECT_THROW(rules.enrol(g, q, "2024-09-01", "", Affiliation{ssm, std::nullopt}), ReasonRequired);
    EXPECT_NO_THROW(rules.enrol(g, q, "2024-09-01"));
}

}  // namespace
