// The figures on a hand-made pair of cycles whose expected numbers are worked out in
// the comments: cycle 2024-2025 (two groups) and 2025-2026 (one group), so that the
// calendar year 2025 straddles both.
// GCC 12 reports a false maybe-uninitialized on std::optional<std::string> members of
// ReportScope at -O2 (GCC bug 105562 family).
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"

#include "enrolment_rules.h"
#include "intervision_exports.h"
#include "intervision_figures.h"
#include "session_scheduler.h"
#include "test_fixture.h"

#include "core/programmes.h"

#include <gtest/gtest.h>

#include <tuple>

using namespace maillage;
using namespace maillage::intervision;

namespace {

class FiguresTest : public ::testing::Test {
protected:
    void SetUp() override {
        i1 = w.institution("Abri Un", "homeless");
        i2 = w.institution("SSM Deux", "mental_health");
        i3 = w.institution("CPAS Trois", "social_aid");
        i4 = w.institution("Projet Quatre", "addiction");
        i5 = w.institution("Abri Cinq", "homeless");
        p1 = w.person("p1", i1);
        p2 = w.person("p2", i2);
        p3 = w.person("p3", i3);
        p4 = w.person("p4", i1);  // same institution as p1, other group
        p5 = w.person("p5", i4);
        p6 = w.person("p6", i5);  // comes once without enrolling
        p7 = w.person("p7", i2);
        const auto fs = w.person("fs", i3, "facilitator"), fm = w.person("fm", i2, "facilitator");

        a = w.cycle("2024-2025", "2024-09-01", "2025-06-30");
        b = w.cycle("2025-2026", "2025-09-01", "2026-06-30");
        a1 = w.group(a, "Groupe 1", 1, 2, 10, fs, fm);
        a2 = w.group(a, "Groupe 2", 4, 1, 10);
        b1 = w.group(b, "Groupe 1", 1, 2, 10, fs, fm);
        EnrolmentRules rules(w.db());
        for (auto p : {p1, p2, p3}) rules.enrol(a1, p, "2024-09-01");
        rules.leave(a1, p3, "2024-12-31");
        rules.enrol(a2, p4, "2024-09-01");
        rules.enrol(a2, p5, "2024-09-01");
        rules.enrol(b1, p1, "2025-09-01");
        rules.enrol(b1, p7, "2025-09-01");

        // Groupe 1 (2024-2025): 5 held, 1 cancelled; present 3, 2, 1, 2 and one without
        // attendance recorded; the facilitator's presence does not count.
        held(a1, "2024-10-14", {p1, p2, p3}, {});
        held(a1, "2024-11-18", {p1, p2}, {p3});
        held(a1, "2024-12-09", {p1}, {p2, p3});
        held(a1, "2025-01-13", {p1, p2}, {});
        cancelled(a1, "2025-02-10");
        held(a1, "2025-03-10", {}, {});
        // Groupe 2: 2 held; present 2 then 3 (p6 came without enrolling).
        held(a2, "2024-10-03", {p4, p5}, {});
        held(a2, "2025-01-09", {p4, p5, p6}, {});
        // Groupe 1 (2025-2026): one held in 2025, one still planned after the as-of date.
        held(b1, "2025-10-13", {p1, p7}, {});
        SessionScheduler(w.db()).add_session(b1, "2026-01-12");
    }

    void held(int64_t group, const std::string& date, std::vector<int64_t> present, std::vector<int64_t> absent) {
        SessionScheduler s(w.db());
        const auto id = s.add_session(group, date);
        // A "planned" session in the past counts as held too; mark only some as held.
        if (date.substr(5, 2) != "03") s.set_status(id, "held");
        for (auto p : present) set_attendance(w.db(), id, p, "present");
        for (auto p : absent) set_attendance(w.db(), id, p, "absent");
        if (!present.empty()) {
            const auto g = CycleRepository(w.db()).group(group);
            for (auto f : g->facilitators()) set_attendance(w.db(), id, f, "present", "", "facilitator");
        }
    }
    void cancelled(int64_t group, const std::string& date) {
        SessionScheduler s(w.db());
        s.cancel_session(s.add_session(group, date));
    }

    const GroupFigures& group(const IntervisionFigures& f, const std::string& cycle, const std::string& name) {
        for (const auto& c : f.cycles)
            for (const auto& g : c.groups)
                if (c.name == cycle && g.name == name) return g;
        throw std::runtime_error("no group " + cycle + "/" + name);
    }

    test::World w;
    int64_t i1, i2, i3, i4, i5, p1, p2, p3, p4, p5, p6, p7, a, b, a1, a2, b1;
};

TEST_F(FiguresTest, ForACycle) {
    ReportScope scope;
    scope.cycle = "2024-2025";
    const auto f = compute_figures(w.db(), scope, "2026-06-30");
    ASSERT_EQ(f.cycles.size(), 1u);
    const auto& c = f.cycles[0];
    // p1..p5 enrolled, p6 came once: 6 people (facilitators are not participants).
    EXPECT_EQ(c.participants, 6);
    // Sectors by person: homeless p1 p4 p6, mental health p2, social aid p3, addiction p5.
    EXPECT_EQ(c.sectors.rows.size(), 4u);
    EXPECT_EQ(c.sectors.rows[0].label, "aide aux personnes sans-abri");
    EXPECT_EQ(c.sectors.rows[0].count, 3);
    EXPECT_EQ(c.sectors.rows[0].percent, "50.00");
    EXPECT_EQ(c.sectors.rows[1].count, 1);
    // Abri Un sends one worker to each group: in both lists, once in the distinct count.
    EXPECT_EQ(c.institutions.rows.size(), 5u);
    EXPECT_EQ(c.institutions.rows[0].label, "Abri Un");
    EXPECT_EQ(c.institutions.rows[0].count, 2);

    const auto& g1 = group(f, "2024-2025", "Groupe 1");
    EXPECT_EQ(std::tuple(g1.sessions_held, g1.sessions_cancelled, g1.registered, g1.attendance_sessions,
                         g1.present_total),
              std::tuple(5, 1, 3, 4, 8));
    EXPECT_DOUBLE_EQ(g1.average_attendance, 2.0);
    EXPECT_EQ(g1.institutions.rows.size(), 3u);
    EXPECT_EQ(g1.facilitators.size(), 2u);
    const auto& g2 = group(f, "2024-2025", "Groupe 2");
    EXPECT_EQ(g2.sessions_held, 2);
    EXPECT_EQ(g2.registered, 2);
    EXPECT_EQ(g2.participants, 3);
    EXPECT_DOUBLE_EQ(g2.average_attendance, 2.5);
    EXPECT_EQ(join_with_counts(g2.institutions), "Abri Cinq (1), Abri Un (1), Projet Quatre (1)");
    EXPECT_EQ(g2.sentence, "Groupe 2 met 2 times, on average 2.5 people for 2 registered.");
    EXPECT_EQ(f.sessions_held, 7);
}

TEST_F(FiguresTest, ForACalendarYearAcrossTwoCycles) {
    ReportScope scope;
    scope.year = 2025;
    const auto f = compute_figures(w.db(), scope, "2025-12-31");
    ASSERT_EQ(f.cycles.size(), 2u);
    // 2024-2025 in 2025: Groupe 1 met on 13 Jan and 10 Mar (10 Feb cancelled); p3 left
    // on 31 Dec 2024 so 2 registered. Groupe 2 met on 9 Jan.
    const auto& g1 = group(f, "2024-2025", "Groupe 1");
    EXPECT_EQ(g1.sessions_held, 2);
    EXPECT_EQ(g1.registered, 2);
    EXPECT_DOUBLE_EQ(g1.average_attendance, 2.0);  // 10 Mar has no attendance recorded
    EXPECT_EQ(group(f, "2024-2025", "Groupe 2").sessions_held, 1);
    // 2025-2026 in 2025: 13 Oct held; 12 Jan 2026 is outside the year.
    const auto& b1f = group(f, "2025-2026", "Groupe 1");
    EXPECT_EQ(b1f.sessions_held, 1);
    EXPECT_EQ(b1f.sessions_planned, 0);
    EXPECT_EQ(f.sessions_held, 4);
    // People: p1 (both cycles, once), p2, p4, p5, p6, p7.
    EXPECT_EQ(f.participants, 6);
    // homeless p1 p4 p6 = 3, mental health p2 p7 = 2, addiction p5 = 1.
    ASSERT_EQ(f.sectors.rows.size(), 3u);
    EXPECT_EQ(f.sectors.rows[0].count, 3);
    EXPECT_EQ(f.sectors.rows[1].count, 2);
    EXPECT_EQ(f.sectors.rows[2].count, 1);
    EXPECT_EQ(f.institutions.rows.size(), 4u);  // Abri Un, SSM Deux, Projet Quatre, Abri Cinq; not CPAS Trois
    for (const auto& r : f.institutions.rows) EXPECT_NE(r.label, "CPAS Trois");

    scope.year = 2024;
    const auto y2024 = compute_figures(w.db(), scope, "2025-12-31");
    ASSERT_EQ(y2024.cycles.size(), 1u);  // 2025-2026 starts in September 2025
    EXPECT_EQ(group(y2024, "2024-2025", "Groupe 1").sessions_held, 3);
    EXPECT_DOUBLE_EQ(group(y2024, "2024-2025", "Groupe 1").average_attendance, 2.0);  // (3+2+1)/3
    EXPECT_EQ(group(y2024, "2024-2025", "Groupe 2").participants, 2);
    EXPECT_EQ(y2024.participants, 5);
}

TEST_F(FiguresTest, FutureSessionsAreNotHeldAndProgrammeFilters) {
    ReportScope scope;
    scope.cycle = "2025-2026";
    const auto f = compute_figures(w.db(), scope, "2025-12-31");
    EXPECT_EQ(group(f, "2025-2026", "Groupe 1").sessions_held, 1);
    EXPECT_EQ(group(f, "2025-2026", "Groupe 1").sessions_planned, 1);
    const auto later = compute_figures(w.db(), scope, "2026-02-01");
    EXPECT_EQ(group(later, "2025-2026", "Groupe 1").sessions_held, 2);

    scope.programme = "pat";
    EXPECT_TRUE(compute_figures(w.db(), scope).cycles.empty());
    EXPECT_TRUE(figures_sections(w.db(), scope).empty());
    scope.programme = "connect";
    EXPECT_EQ(compute_figures(w.db(), scope).cycles.size(), 1u);
    scope.funder = "COCOF";  // the cycle counts for no funder yet
    EXPECT_TRUE(compute_figures(w.db(), scope).cycles.empty());
    auto c = *CycleRepository(w.db()).cycle(b);
    c.funder_id = FunderRepository(w.db()).create({0, "COCOF", "COCOF", "", false});
    CycleRepository(w.db()).update_cycle(c);
    EXPECT_EQ(compute_figures(w.db(), scope).cycles.size(), 1u);
}

TEST_F(FiguresTest, SectionHasTheDocumentedKeys) {
    ReportScope scope;
    scope.year = 2025;
    const auto sections = figures_sections(w.db(), scope, "2025-12-31");
    ASSERT_EQ(sections.size(), 1u);
    const auto& s = sections[0];
    EXPECT_EQ(s.id, "intervision.cycles");
    EXPECT_EQ(s.data["participants"], 6);
    EXPECT_EQ(s.data["sector_count"], 3);
    EXPECT_EQ(s.data["cycles"].size(), 2u);
    const auto& g = s.data["cycles"][0]["groups"][0];
    for (const char* key : {"name", "slot", "facilitators", "sessions_held", "average_attendance", "registered",
                            "institution_count", "institutions", "institutions_text", "sentence"})
        EXPECT_TRUE(g.contains(key)) << key;
    EXPECT_FALSE(s.charts.empty());
    EXPECT_EQ(s.subsections.size(), 2u);
}

}  // namespace
