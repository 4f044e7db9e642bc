#include "enrolment_rules.h"
#include "session_scheduler.h"
#include "test_fixture.h"

#include "core/sessions.h"

#include <gtest/gtest.h>

#include <map>
#include <set>

using namespace maillage;
using namespace maillage::intervision;

namespace {

Cycle make_cycle(const std::string& start, const std::string& end) {
    Cycle c;
    c.name = "c";
    c.start_date = start;
    c.end_date = end;
    return c;
}
Group make_group(int weekday, int week) {
    Group g;
    g.weekday = weekday;
    g.week_of_month = week;
    return g;
}

TEST(Holidays, EasterByTheGregorianComputus) {
    EXPECT_EQ(easter_sunday(2024), "2024-03-31");
    EXPECT_EQ(easter_sunday(2025), "2025-04-20");
    EXPECT_EQ(easter_sunday(2026), "2026-04-05");
    EXPECT_EQ(easter_sunday(2038), "2038-04-25");
}

TEST(Holidays, BelgianPublicHolidaysIncludeTheEasterBasedOnes) {
    const auto h = belgian_holidays(2025);
    EXPECT_EQ(h.size(), 10u);
    for (const char* d : {"2025-01-01", "2025-04-21", "2025-05-01", "2025-05-29", "2025-06-09", "2025-07-21",
                          "2025-08-15", "2025-11-01", "2025-11-11", "2025-12-25"})
        EXPECT_TRUE(h.count(d)) << d;
    EXPECT_FALSE(h.count("2025-09-27"));
    const auto regional = belgian_holidays(2025, {"cocof", "flemish"});
    EXPECT_TRUE(regional.count("2025-09-27"));
    EXPECT_TRUE(regional.count("2025-07-11"));
}

TEST(MonthlyDates, OnePerMonthOnTheGroupsWeekdayAndWeekNoneInJulyAndAugust) {
    const auto cycle = make_cycle("2025-01-01", "2025-12-31");
    const auto dates = monthly_dates(cycle, make_group(1, 2));
    std::set<std::string> months;
    for (const auto& d : dates) {
        EXPECT_EQ(iso_weekday(d), 1) << d;
        const int day = std::stoi(d.substr(8, 2));
        // The second Monday, or the next one when it is a holiday (Whit Monday 9 June).
        EXPECT_TRUE((day >= 8 && day <= 14) || (day <= 21 && !blocked_reason(cycle, add_days(d, -7)).empty())) << d;
        months.insert(d.substr(5, 2));
    }
    EXPECT_EQ(dates.size(), 10u);
    EXPECT_EQ(months.size(), 10u);
    EXPECT_FALSE(months.count("07"));
    EXPECT_FALSE(months.count("08"));
}

TEST(MonthlyDates, AHolidayMovesTheSessionToTheNextSameWeekdayOrSkipsTheMonth) {
    const auto cycle = make_cycle("2024-09-01", "2025-06-30");
    // Third Monday of April 2025 is Easter Monday (21st): the next Monday, the 28th.
    const auto mondays = monthly_dates(cycle, make_group(1, 3));
    EXPECT_EQ(std::count(mondays.begin(), mondays.end(), "2025-04-21"), 0);
    EXPECT_EQ(std::count(mondays.begin(), mondays.end(), "2025-04-28"), 1);
    // Last Thursday of May 2025 is Ascension (29th): no later Thursday in May, so none.
    const auto thursdays = monthly_dates(cycle, make_group(4, 5));
    for (const auto& d : thursdays) EXPECT_NE(d.substr(0, 7), "2025-05") << d;
    EXPECT_EQ(thursdays.size(), 9u);
    // Whit Monday 2025-06-09 is the second Monday of June.
    const auto second = monthly_dates(cycle, make_group(1, 2));
    EXPECT_EQ(std::count(second.begin(), second.end(), "2025-06-16"), 1);
    for (const auto& d : second) EXPECT_TRUE(blocked_reason(cycle, d).empty()) << d;
}

TEST(MonthlyDates, ClosurePeriodsAreSkipped) {
    auto cycle = make_cycle("2024-09-01", "2025-06-30");
    cycle.closures.push_back({0, "2025-02-01", "2025-02-14", "winter"});
    const auto dates = monthly_dates(cycle, make_group(1, 2));  // 2nd Monday of Feb 2025: the 10th
    EXPECT_EQ(std::count(dates.begin(), dates.end(), "2025-02-10"), 0);
    EXPECT_EQ(std::count(dates.begin(), dates.end(), "2025-02-17"), 1);
}

struct SchedulerTest : ::testing::Test {
    test::World w;
    int64_t cycle = w.cycle("2024-2025", "2024-09-01", "2025-06-30");
};

TEST_F(SchedulerTest, GeneratesTheCoreSessionsOnceAndKeepsManualOnesOnReplace) {
    const auto g = w.group(cycle, "G", 1, 2);
    SessionScheduler s(w.db());
    const auto ids = s.generate(g);
    EXPECT_EQ(ids.size(), 10u);
    const auto session = SessionRepository(w.db()).get(ids[0]);
    EXPECT_EQ(session->kind, "intervision");
    EXPECT_EQ(session->date, "2024-09-09");
    EXPECT_EQ(session->start_time, "09:30");
    EXPECT_THROW(s.generate(g), Error);
    s.move_session(ids[1], "2024-10-21");
    s.set_status(ids[0], "held");
    s.generate(g, true);
    const auto sessions = CycleRepository(w.db()).sessions(g);
    EXPECT_EQ(sessions.size(), 10u);
    EXPECT_EQ(sessions[1].date, "2024-10-21");
    EXPECT_TRUE(sessions[1].manual);
}

TEST_F(SchedulerTest, HostsRotateEachOnceBeforeAnyTwiceWithTheirAddress) {
    const auto g = w.group(cycle, "G", 3, 1);
    EnrolmentRules rules(w.db());
    std::vector<int64_t> institutions;
    for (int i = 0; i < 4; ++i) {
        institutions.push_back(w.institution("Service " + std::to_string(i), "homeless", "Rue " + std::to_string(i)));
        rules.enrol(g, w.person("P" + std::to_string(i), institutions.back()), "2024-09-01");
    }
    SessionScheduler s(w.db());
    s.generate(g);
    const auto sessions = CycleRepository(w.db()).sessions(g);
    ASSERT_EQ(sessions.size(), 10u);
    std::map<int64_t, int> count;
    for (size_t i = 0; i < sessions.size(); ++i) {
        ASSERT_TRUE(sessions[i].host_institution_id);
        ++count[*sessions[i].host_institution_id];
        // Nobody hosts a second time while someone has not hosted yet: at every step the
        // counts differ by at most one.
        int lo = 1000, hi = 0;
        for (auto inst : institutions) {
            lo = std::min(lo, count[inst]);
            hi = std::max(hi, count[inst]);
        }
        EXPECT_LE(hi - lo, 1) << "after session " << i;
        EXPECT_NE(sessions[i].place.find("Rue "), std::string::npos);
    }
    std::set<int64_t> first_four;
    for (size_t i = 0; i < 4; ++i) first_four.insert(*sessions[i].host_institution_id);
    EXPECT_EQ(first_four.size(), 4u);
    for (auto inst : institutions) EXPECT_TRUE(count[inst] == 2 || count[inst] == 3);

    s.swap_hosts(sessions[0].session_id, sessions[1].session_id);
    const auto after = CycleRepository(w.db()).sessions(g);
    EXPECT_EQ(after[0].host_institution_id, sessions[1].host_institution_id);
    EXPECT_EQ(after[1].host_institution_id, sessions[0].host_institution_id);
    EXPECT_EQ(after[0].place, sessions[1].place);
}

TEST_F(SchedulerTest, ConflictsAreShown) {
    const auto shelter = w.institution("Shelter", "homeless");
    const auto f = w.person("F", shelter, "facilitator");
    const auto a = w.group(cycle, "A", 1, 2, 10, f), b = w.group(cycle, "B", 2, 2, 10, f);
    SessionScheduler s(w.db());
    const auto ia = s.generate(a);
    const auto ib = s.generate(b);
    EXPECT_TRUE(s.conflicts(cycle).empty());
    s.move_session(ia[7], "2025-04-21");  // Easter Monday
    s.move_session(ib[0], "2024-09-09");  // the day of A's first session, same hours
    const auto conflicts = s.conflicts(cycle);
    auto has = [&](int64_t id) {
        return std::any_of(conflicts.begin(), conflicts.end(), [&](const ScheduleConflict& c) { return c.session_id == id; });
    };
    EXPECT_TRUE(has(ia[7]));
    EXPECT_TRUE(has(ia[0]) || has(ib[0]));
}

}  // namespace
