// The figures on a hand-made year whose expected numbers are worked out by hand below.
#include "catalogue_figures.h"
#include "catalogue_registrations.h"
#include "core/sessions.h"
#include "fixture.h"

#include <gtest/gtest.h>

using namespace maillage;
using namespace maillage::catalogue;

namespace {
// 2025: T1 (M1 mental health 3 h + M2 crisis 3 h) on two days of 6 h, 10 and 17 March,
// by t1 + t2; T2 (M3 reception) on 10 March 13:00-15:00 by t1 + t3; T3 one day on
// 1 May, cancelled; T4 one day in December 2024.
struct Year {
    fixture::World w;
    int64_t t1, t2, t3, t4, d11, d12, d2, d3, d4;
    Year() {
        t1 = w.training("T1", {"M1", "M2"});
        t2 = w.training("T2", {"M3"});
        t3 = w.training("T3", {"M1"});
        CatalogueStore(*w.db).ensure_edition("2024", 2024);
        t4 = w.training("T4", {"M1"}, 0, "2024");
        d11 = w.day(t1, "2025-03-10", "09:30", "15:30", {w.trainers[0], w.trainers[1]});
        d12 = w.day(t1, "2025-03-17", "09:30", "15:30", {w.trainers[0], w.trainers[1]});
        d2 = w.day(t2, "2025-03-10", "13:00", "15:00", {w.trainers[0], w.trainers[2]});
        d3 = w.day(t3, "2025-05-01", "09:30", "15:30", {w.trainers[1], w.trainers[2]}, "cancelled");
        d4 = w.day(t4, "2024-12-01", "09:30", "15:30", {w.trainers[1], w.trainers[2]});
        RegistrationService r(*w.db);
        auto& p = w.workers;
        auto mark = [&](int64_t day, int64_t person, const char* status) { r.set_attendance(day, person, status); };
        mark(d11, p[0], "present");
        mark(d11, p[1], "present");
        mark(d11, p[2], "present");
        mark(d11, p[3], "present");
        mark(d11, p[4], "absent");
        mark(d12, p[0], "present");
        mark(d12, p[2], "present");
        mark(d12, p[1], "excused");
        mark(d2, p[0], "present");
        mark(d2, p[4], "present");
        mark(d3, p[1], "present");  // cancelled day: not counted
        mark(d4, p[2], "present");  // other year
        // A facilitator row is not a participation.
        Attendance staff;
        staff.session_id = d11;
        staff.person_id = w.trainers[2];
        staff.status = "present";
        staff.role = "staff";
        SessionRepository(*w.db).record(staff);
        auto e1 = r.add_expectation(t1, p[0], "Comprendre");
        auto e2 = r.add_expectation(t1, p[2], "Orienter");
        auto e3 = r.add_expectation(t1, p[1], "Réagir");
        r.add_expectation(t1, p[3], "Échanger");
        auto e5 = r.add_expectation(t3, p[1], "Hors période");
        r.set_expectation_met(e1, "yes");
        r.set_expectation_met(e2, "partly");
        r.set_expectation_met(e3, "no");
        r.set_expectation_met(e5, "yes");
    }
};

ReportScope year(int y) {
    ReportScope s;
    s.year = y;
    s.language = "fr";
    return s;
}
}  // namespace

TEST(CatalogueFigures, HandMadeYear) {
    Year y;
    auto f = compute_figures(*y.w.db, year(2025));
    EXPECT_EQ(f.training_days, 2);   // 10 and 17 March (two sessions on the 10th count once)
    EXPECT_EQ(f.sessions, 3);
    EXPECT_EQ(f.trainings, 2);
    // One participation per person and training: T1 p0..p3 (p0 and p2 came both days), T2 p0 and p4.
    EXPECT_EQ(f.participations, 6);
    EXPECT_EQ(f.person_days, 8);  // 4 + 2 on T1's two days, 2 on T2's
    EXPECT_EQ(f.participants, 5);
    // Sectors over the 3 participants whose sector is known: homeless 2, mental health 1.
    EXPECT_EQ(f.sectors.known, 3);
    EXPECT_EQ(f.sectors.unknown, 2);
    ASSERT_EQ(f.sectors.rows.size(), 2u);
    EXPECT_EQ(f.sectors.rows[0].label, "aide aux personnes sans-abri");
    EXPECT_EQ(f.sectors.rows[0].count, 2);
    EXPECT_EQ(f.sectors.rows[0].percent, "66.67");
    EXPECT_EQ(f.sectors.rows[1].label, "santé mentale");
    EXPECT_EQ(f.sectors.rows[1].percent, "33.33");
    // Hours: T1's 12 h split evenly between M1 and M2; T2's 2 h to M3.
    ASSERT_EQ(f.by_theme.size(), 3u);
    std::map<std::string, GroupFigures> themes;
    for (const auto& g : f.by_theme) themes[g.code] = g;
    EXPECT_DOUBLE_EQ(themes["mental_health"].hours, 6.0);
    EXPECT_DOUBLE_EQ(themes["crisis"].hours, 6.0);
    EXPECT_DOUBLE_EQ(themes["reception"].hours, 2.0);
    EXPECT_EQ(themes["reception"].trainings, 1);
    std::map<std::string, GroupFigures> modules;
    for (const auto& g : f.by_module) modules[g.code] = g;
    EXPECT_DOUBLE_EQ(modules["M1"].hours, 6.0);
    EXPECT_EQ(modules["M1"].trainings, 1);
    // Trainer hours: t1 6 + 6 + 2, t2 6 + 6, t3 2 (the cancelled day and 2024 excluded).
    ASSERT_EQ(f.trainers.size(), 3u);
    EXPECT_EQ(f.trainers[0].person_id, y.w.trainers[0]);
    EXPECT_DOUBLE_EQ(f.trainers[0].hours, 14.0);
    EXPECT_EQ(f.trainers[0].sessions, 3);
    EXPECT_DOUBLE_EQ(f.trainers[1].hours, 12.0);
    EXPECT_DOUBLE_EQ(f.trainers[2].hours, 2.0);
    EXPECT_EQ(f.expectations_yes, 1);
    EXPECT_EQ(f.expectations_partly, 1);
    EXPECT_EQ(f.expectations_no, 1);
    EXPECT_EQ(f.expectations_open, 1);
}

TEST(CatalogueFigures, OtherYearAndJsonKeys) {
    Year y;
    auto f = compute_figures(*y.w.db, year(2024));
    EXPECT_EQ(f.training_days, 1);
    EXPECT_EQ(f.participations, 1);
    auto s = figures_section(*y.w.db, year(2025));
    EXPECT_EQ(s.id, "catalogue.trainings");
    EXPECT_EQ(s.data["training_days"], 2);
    EXPECT_EQ(s.data["participations"], 6);
    EXPECT_EQ(s.data["person_days"], 8);
    EXPECT_EQ(s.data["participants"], 5);
    EXPECT_EQ(s.data["sectors"]["known"], 3);
    EXPECT_EQ(s.data["expectations"]["partly"], 1);
    EXPECT_EQ(s.data["trainer_hours"][0]["hours"], 14.0);
    EXPECT_TRUE(CatalogueReportProvider().build(*y.w.db, year(2019)).empty());
}

TEST(CatalogueFigures, PercentagesWithTwoDecimalsOverKnownSectors) {
    // 229 participants with a known sector (as in a real report): 102 homeless = 44.54 %.
    fixture::World w;
    auto t = w.training("BIG", {"M1"});
    auto d = w.day(t, "2025-06-01", "09:00", "12:00", {});
    PersonRepository people(*w.db);
    RegistrationService r(*w.db);
    SectorRepository sectors(*w.db);
    auto homeless = sectors.find_by_code("homeless")->id, social = sectors.find_by_code("social_aid")->id;
    for (int i = 0; i < 240; ++i) {
        Person p;
        p.first_name = "P";
        p.last_name = std::to_string(i);
        auto id = people.create(p);
        Attendance a;
        a.session_id = d;
        a.person_id = id;
        a.status = "present";
        if (i < 102) a.sector_id = homeless;
        else if (i < 229) a.sector_id = social;
        SessionRepository(*w.db).record(a);
    }
    auto f = compute_figures(*w.db, year(2025));
    EXPECT_EQ(f.participants, 240);
    EXPECT_EQ(f.sectors.known, 229);
    EXPECT_EQ(f.sectors.rows[0].percent, "55.46");
    EXPECT_EQ(f.sectors.rows[1].percent, "44.54");
}

// The sector's definition (docs/report-catalogue.md): a two-day training attended by 22
// people on both days is 22 participations and 44 person-days, not 44 participations.
TEST(CatalogueFigures, ATwoDayTrainingAttendedByTwentyTwoIsTwentyTwoParticipations) {
    fixture::World w;
    const auto t = w.training("TWO", {"M1"});
    const auto day1 = w.day(t, "2025-04-07", "09:30", "16:00", {w.trainers[0], w.trainers[1]});
    const auto day2 = w.day(t, "2025-04-08", "09:30", "16:00", {w.trainers[0], w.trainers[1]});
    PersonRepository people(*w.db);
    RegistrationService r(*w.db);
    for (int i = 0; i < 22; ++i) {
        Person p;
        p.first_name = "Participant";
        p.last_name = std::to_string(i);
        const auto id = people.create(p);
        r.set_attendance(day1, id, "present");
        r.set_attendance(day2, id, "present");
    }
    const auto f = compute_figures(*w.db, year(2025));
    EXPECT_EQ(f.participations, 22);
    EXPECT_EQ(f.person_days, 44);
    EXPECT_EQ(f.participants, 22);
    EXPECT_EQ(f.training_days, 2);
}
