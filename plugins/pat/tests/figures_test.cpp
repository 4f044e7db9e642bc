#include "pat_activities.h"
#include "pat_figures.h"
#include "pat_fixture.h"

#include "core/error.h"

#include <gtest/gtest.h>

#include <tuple>

namespace maillage::pat::test {
namespace {

// A hand-made year 2025 (and its neighbours) whose figures are counted by hand below.
class PatFiguresTest : public PatTest {
protected:
    void SetUp() override {
        PatTest::SetUp();
        AccompanimentRepository repo(*db);
        const auto a = institution("Abri Test", "brussels", "Bruxelles", "homeless");
        const auto b = institution("SSM Test", "brussels", "Ixelles", "mental_health");
        const auto c = institution("CPAS Test", "wallonia", "Namur", "social_aid");
        const auto d = institution("Projet Test", "brussels", "Ixelles", "addiction");

        // Spans 2024 and 2025, hired in 2025, then a follow-up session.
        acc1 = started(a, cocom, "2024-10-01", "2024-11-01");
        session(acc1, "working_group", "2024-11-15");
        session(acc1, "working_group", "2025-01-10");
        session(acc1, "team_meeting", "2025-02-10");
        session(acc1, "training_day", "2025-03-10");
        session(acc1, "immersion", "2025-04-01", "", "cancelled");
        hire(acc1, "effective", "", "2025-05-01");
        repo.set_phase(acc1, "hired", "2025-05-01");
        repo.set_phase(acc1, "follow_up", "2025-06-01");
        session(acc1, "immersion", "2025-09-10", "follow_up");

        const auto acc2 = started(b, cocom, "2025-01-15", "2025-02-01");
        session(acc2, "other_meeting", "2025-02-15");
        session(acc2, "immersion", "2025-03-15");
        session(acc2, "immersion", "2025-04-15", "", "held", 1);
        session(acc2, "job_interview", "2025-12-31", "", "planned");
        hire(acc2, "announced", "2025-11-20", "");

        const auto acc3 = started(c, aviq, "2025-04-01", "2025-05-01");
        session(acc3, "working_group", "2025-05-10");
        session(acc3, "immersion", "2025-06-10");
        hire(acc3, "effective", "2025-10-01", "2026-01-15");

        const auto acc4 = started(d, cocom, "2024-01-02", "2024-01-10");
        session(acc4, "team_meeting", "2024-02-01");
        hire(acc4, "effective", "", "2024-06-01");

        // A request never accompanied: no session, counts nowhere.
        Accompaniment r;
        r.institution_id = institution("Waiting Test", "wallonia", "Liège", "homeless");
        r.request_date = "2025-03-01";
        r.funder_id = aviq;
        repo.create_request(r);

        ActivityRepository act(*db);
        act.add_training(Training{0, "T1", "team", std::nullopt, "2025-03-01", 180, 12, cocom, ""});
        act.add_training(Training{0, "T2", "students", std::nullopt, "2025-06-01", 120, 5, aviq, ""});
        act.add_training(Training{0, "T0", "team", std::nullopt, "2024-05-01", 120, 20, cocom, ""});
        act.add_advocacy(Advocacy{0, "talk", "2025-02-02", "Colloque", "", 50, "", std::nullopt, ""});
        act.add_advocacy(Advocacy{0, "talk", "2025-04-02", "Cours", "", 30, "", std::nullopt, ""});
        act.add_advocacy(Advocacy{0, "podcast", "2025-05-02", "Podcast", "", std::nullopt, "", std::nullopt, ""});
        act.add_advocacy(Advocacy{0, "interview", "2024-05-02", "Radio", "", std::nullopt, "", std::nullopt, ""});
    }

    void hire(int64_t acc, const std::string& status, const std::string& announced, const std::string& date) {
        Hire h;
        h.accompaniment_id = acc;
        h.status = status;
        h.announced_date = announced;
        h.hire_date = date;
        AccompanimentRepository(*db).add_hire(h);
    }

    PatFigures figures(int year, const std::string& funder = {}) {
        ReportScope scope;
        scope.year = year;
        if (!funder.empty()) scope.funder = funder;
        scope.language = "en";
        return compute_figures(*db, scope);
    }

    static int type_count(const PatFigures& f, const std::string& code) {
        for (const auto& t : f.by_type)
            if (t.code == code) return t.count;
        return -1;
    }

    int64_t acc1 = 0;
};

TEST_F(PatFiguresTest, YearCountsOrganisationsSessionsAndHires) {
    const auto f = figures(2025);
    EXPECT_EQ(f.organisations, 3);
    EXPECT_EQ(f.accompaniments, 3);
    ASSERT_EQ(f.organisation_list.size(), 3u);
    EXPECT_EQ(f.organisation_list[0].name, "Abri Test");
    EXPECT_EQ(f.organisation_list[0].sessions, 4);  // 2024 and the cancelled one left out, follow-up in
    EXPECT_EQ(std::tuple(f.sessions, f.follow_up_sessions, f.accompaniment_phase_sessions,
                         type_count(f, "working_group"), type_count(f, "team_meeting"), type_count(f, "training_day"),
                         type_count(f, "job_interview"), type_count(f, "other_meeting"), type_count(f, "immersion")),
              std::tuple(10, 1, 9, 2, 1, 1, 1, 1, 4));
    EXPECT_EQ(f.sessions_sentence,
              "10 sessions: 2 working groups, 1 team meeting, 1 training day, 1 job interview, 1 other meeting, "
              "4 immersions");
    EXPECT_EQ(f.fewer_than_two_staff, 1);
    EXPECT_EQ(f.hires, 1);
    EXPECT_EQ(f.hires_announced, 2);  // one still announced, one effective only in 2026
    EXPECT_EQ(f.sectors.known, 3);
    ASSERT_EQ(f.sectors.rows.size(), 3u);
    EXPECT_EQ(f.sectors.rows[0].percent, "33.33");
    EXPECT_EQ(std::tuple(f.trainings, f.training_participants, f.advocacy_total, f.advocacy.at("talk"),
                         f.advocacy.at("podcast"), f.advocacy.at("interview"), f.advocacy_audience),
              std::tuple(2, 17, 3, 2, 1, 0, 80));
}

TEST_F(PatFiguresTest, SinceTheStartByRegion) {
    const auto f = figures(2025);
    EXPECT_EQ(f.teams_since_start, 4);
    EXPECT_EQ(f.hires_since_start, 2);  // the 2026 hire is not counted yet
    ASSERT_EQ(f.by_region.size(), 2u);
    EXPECT_EQ(f.by_region[0].region, "brussels");
    EXPECT_EQ(f.by_region[0].teams, 3);
    EXPECT_EQ(f.by_region[0].hires, 2);
    EXPECT_EQ(f.by_region[1].region, "wallonia");
    EXPECT_EQ(f.by_region[1].teams, 1);
    EXPECT_EQ(f.by_region[1].hires, 0);
    EXPECT_EQ(f.since_start_sentence,
              "4 teams accompanied since the start (3 in Brussels, 1 in Wallonia); 2 hires (2 in Brussels).");

    const auto before = figures(2024);
    EXPECT_EQ(std::tuple(before.organisations, before.sessions, before.hires, before.teams_since_start,
                         before.hires_since_start),
              std::tuple(2, 2, 1, 2, 1));
    EXPECT_EQ(figures(2026).hires, 1);
    // One hire is one hire, in every language's sentence.
    EXPECT_NE(before.since_start_sentence.find("2 teams accompanied since the start ("), std::string::npos)
        << before.since_start_sentence;
    EXPECT_NE(before.since_start_sentence.find("; 1 hire ("), std::string::npos) << before.since_start_sentence;
}

TEST_F(PatFiguresTest, PerFunderRestrictsToItsAccompaniments) {
    const auto cocom = figures(2025, "COCOM");
    EXPECT_EQ(std::tuple(cocom.organisations, cocom.sessions, cocom.hires, cocom.hires_announced,
                         cocom.teams_since_start, cocom.hires_since_start, cocom.trainings,
                         cocom.training_participants),
              std::tuple(2, 8, 1, 1, 3, 2, 1, 12));
    const auto aviq = figures(2025, "AVIQ");
    EXPECT_EQ(aviq.organisations, 1);
    EXPECT_EQ(aviq.sessions, 2);
    EXPECT_EQ(aviq.sessions_sentence, "2 sessions: 1 working group, 1 immersion");
    EXPECT_EQ(aviq.hires, 0);
    EXPECT_EQ(aviq.hires_announced, 1);
    EXPECT_EQ(aviq.teams_since_start, 1);
    EXPECT_EQ(aviq.by_region.at(0).region, "wallonia");
    EXPECT_THROW(figures(2025, "NOPE"), Error);
}

TEST_F(PatFiguresTest, SectionDataCarriesTheDocumentedKeys) {
    ReportScope scope;
    scope.year = 2025;
    scope.language = "en";
    const auto sections = pat_sections(*db, scope);
    ASSERT_EQ(sections.size(), 1u);
    const auto& data = sections[0].data;
    EXPECT_EQ(sections[0].id, "pat.accompaniments");
    EXPECT_EQ(std::tuple(data["organisations"], data["sessions"]["total"], data["sessions"]["follow_up_phase"],
                         data["sessions"]["by_type"].size(), data["hires"]["in_period"], data["hires"]["announced"],
                         data["since_start"]["teams"], data["sectors"]["known"], data["advocacy"]["by_kind"]["talk"]),
              std::tuple(3, 10, 1, 6u, 1, 2, 4, 3, 2));
    scope.programme = "connect";
    EXPECT_TRUE(pat_sections(*db, scope).empty());
}

}  // namespace
}  // namespace maillage::pat::test
