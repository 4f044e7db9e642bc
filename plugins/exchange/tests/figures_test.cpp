// The report's figures on hand-made events whose expected numbers are written here.
#include "exchange_figures.h"
#include "table_assignment.h"
#include "test_helpers.h"

#include "core/sessions.h"

#include <tuple>

using namespace maillage;
using namespace maillage::exchange;
using ExchangeFigures = test_helpers::ExchangeDb;

TEST_F(ExchangeFigures, ParticipantsAndFacilitatorsAreCountedApartWithSectorsAndInstitutions) {
    const auto abri = institution("Abri de nuit", "homeless");
    const auto ssm = institution("SSM Le Méridien", "mental_health");
    const auto cpas = institution("CPAS de Forest", "social_aid");
    const auto ev = event("exchange_table", "2025-10-16");
    const auto t1 = events.add_table(ev, "Premier contact", "");
    const auto t2 = events.add_table(ev, "Continuité", "");

    // Participants: 2 from the shelter, 2 from the SSM, 1 from a service typed on the
    // form (sector social aid) attend; one from the CPAS does not come, one cancels.
    std::vector<int64_t> came;
    came.push_back(reg(ev, person("A", "a"), "participant", abri).id);
    came.push_back(reg(ev, person("B", "b"), "participant", abri).id);
    came.push_back(reg(ev, person("C", "c"), "participant", ssm).id);
    came.push_back(reg(ev, person("D", "d"), "participant", ssm).id);
    came.push_back(reg(ev, person("E", "e"), "participant", {}, sector("social_aid"), "Service Nouveau").id);
    const auto absent = reg(ev, person("F", "f"), "participant", cpas);
    const auto cancels = reg(ev, person("G", "g"), "participant", cpas);
    // Two table facilitators (one from the CPAS), a speaker, and an organiser.
    const auto fac1 = person("Fa", "one", "", cpas);
    const auto fac2 = person("Fa", "two", "", ssm);
    events.add_table_facilitator(t1, fac1);
    events.add_table_facilitator(t2, fac2);
    const auto speaker = reg(ev, person("S", "s"), "speaker", abri);
    const auto organiser = reg(ev, person("O", "o"), "organiser", cpas);

    // Before anyone is checked in, registrations count (attendance not taken).
    auto f = event_figures(*db, ev, "fr");
    EXPECT_FALSE(f.attendance_taken);
    EXPECT_EQ(f.participants, 7);

    for (auto id : came) regs.check_in(id);
    regs.set_status(absent.id, "no_show");
    regs.set_status(cancels.id, "cancelled", "Maladie");
    regs.check_in(regs.find(ev, fac1)->id);
    regs.check_in(regs.find(ev, fac2)->id);
    regs.check_in(speaker.id);
    regs.check_in(organiser.id);
    set_table(*db, came[0], t1);
    set_table(*db, came[1], t1);
    set_table(*db, came[2], t1);
    set_table(*db, came[3], t2);
    set_table(*db, absent.id, t2);  // seated but absent: not counted at the table

    f = event_figures(*db, ev, "fr");
    EXPECT_TRUE(f.attendance_taken);
    EXPECT_EQ(std::tuple(f.participants, f.facilitators, f.speakers, f.facilitators_and_speakers(), f.organisers,
                         f.no_show, f.cancelled),
              std::tuple(5, 2, 1, 3, 1, 1, 1));

    ASSERT_EQ(f.sectors.rows.size(), 3u);
    EXPECT_EQ(f.sectors.rows[0].count, 2);
    EXPECT_EQ(f.sectors.rows[1].count, 2);
    EXPECT_EQ(f.sectors.rows[2].label, "aide sociale générale");
    EXPECT_EQ(f.sectors.rows[2].count, 1);
    EXPECT_EQ(join_with_counts(f.institutions), "Abri de nuit (2), SSM Le Méridien (2), Service Nouveau (1)");
    // With facilitators and the speaker: the CPAS appears, the shelter counts three.
    EXPECT_EQ(f.institutions_all.rows.size(), 4u);
    EXPECT_EQ(f.institutions_all.rows[0].label, "Abri de nuit");
    EXPECT_EQ(f.institutions_all.rows[0].count, 3);

    ASSERT_EQ(f.tables.size(), 2u);
    EXPECT_EQ(f.tables[0].participants, 3);
    EXPECT_EQ(f.tables[0].facilitators, 1);
    EXPECT_EQ(f.tables[1].participants, 1);

    EXPECT_NE(event_sentence(f).find("5 participants and 3 facilitators/speakers, from 3 sectors and 3 institutions"),
              std::string::npos)
        << event_sentence(f);
}

TEST_F(ExchangeFigures, TheYearSectionHoldsEventsByTypeWorkingGroupsAndPublications) {
    const auto a = institution("Housing First", "housing");
    const auto b = institution("AIS Quartiers", "housing");
    const auto c = institution("Abri de nuit", "homeless");
    const auto table = event("exchange_table", "2025-10-16");
    for (int k = 0; k < 4; ++k) regs.check_in(reg(table, person("P", std::to_string(k)), "participant", a).id);
    regs.check_in(reg(table, person("F", "f"), "facilitator", b).id);
    const auto morning = event("study_day", "2025-05-20", {}, "Matinée");
    for (int k = 0; k < 3; ++k) regs.check_in(reg(morning, person("Q", std::to_string(k)), "participant", c).id);
    event("debate", "2024-03-01", {}, "Débat de l'an passé");  // other year: left out

    // A working group: meetings in 2025 (one cancelled) and one in 2026.
    const auto wg = event("working_group", "", {}, "GT logement");
    const auto add_meeting = [&](const char* date, const char* status) {
        Session s;
        s.date = date;
        s.status = status;
        return events.add_day(wg, s);
    };
    const auto m1 = add_meeting("2025-02-05", "held");
    add_meeting("2025-04-05", "held");
    add_meeting("2025-06-05", "cancelled");
    add_meeting("2026-01-05", "planned");
    events.add_group_service(wg, a);
    events.add_group_service(wg, b);
    // Someone from the shelter attended a meeting: the shelter took part too.
    Attendance att;
    att.session_id = m1;
    att.person_id = person("W", "w", "", c);
    att.status = "present";
    SessionRepository(*db).record(att);

    Publication p;
    p.title = "Cahier 12";
    p.number = "12";
    p.copies = 400;
    p.date = "2025-11-20";
    const auto pub = events.add_publication(p);
    events.link_publication(pub, table);

    ReportScope scope;
    scope.year = 2025;
    const auto sections = build_events_section(*db, scope);
    ASSERT_EQ(sections.size(), 1u);
    const auto& d = sections[0].data;
    EXPECT_EQ(sections[0].id, "exchange.events");
    ASSERT_EQ(d["events"].size(), 2u);  // the exchange table and the morning; the debate is 2024
    EXPECT_EQ(d["events"][0]["title"], "Matinée");
    EXPECT_EQ(d["events"][0]["participants"], 3);
    EXPECT_EQ(d["events"][1]["participants"], 4);
    EXPECT_EQ(d["events"][1]["facilitators_and_speakers"], 1);
    EXPECT_EQ(d["events"][1]["institutions"]["count"], 1);
    EXPECT_EQ(d["events"][1]["institutions"]["text"], "Housing First (4)");
    EXPECT_EQ(d["events"][1]["sectors"]["list"][0], "logement");
    ASSERT_EQ(d["working_groups"].size(), 1u);
    EXPECT_EQ(d["working_groups"][0]["meetings"], 2);
    EXPECT_EQ(d["working_groups"][0]["services"], 3);
    ASSERT_EQ(d["publications"].size(), 1u);
    EXPECT_EQ(d["publications"][0]["copies"], 400);
    EXPECT_EQ(d["publications"][0]["events"][0], table);
    EXPECT_EQ(d["totals"]["events"], 3);
    EXPECT_EQ(d["totals"]["participants"], 7);
    ASSERT_EQ(d["by_type"].size(), 3u);
    EXPECT_EQ(d["by_type"][0]["type"], "exchange_table");
    EXPECT_EQ(d["by_type"][2]["type"], "working_group");
    EXPECT_EQ(d["by_type"][2]["meetings"], 2);

    scope.year = 2023;
    EXPECT_TRUE(build_events_section(*db, scope).empty());
}

TEST_F(ExchangeFigures, AnEventRecordedOnlyAsAttendanceIsCountedFromIt) {
    const auto abri = institution("Abri de nuit", "homeless");
    const auto ssm = institution("SSM Le Méridien", "mental_health");
    const auto ev = event("study_day", "2025-05-20", {}, "Matinée");
    const auto day = events.days(ev).front().id;
    SessionRepository sessions(*db);
    auto record = [&](int64_t person_id, const char* status, const char* role) {
        Attendance a;
        a.session_id = day;
        a.person_id = person_id;
        a.status = status;
        a.role = role;
        sessions.record(a);
    };
    record(person("A", "a", "", abri), "present", "participant");
    record(person("B", "b", "", abri), "present", "participant");
    record(person("C", "c", "", ssm), "present", "participant");
    record(person("D", "d", "", ssm), "absent", "participant");
    record(person("E", "e", "", ssm), "present", "speaker");
    const auto f = event_figures(*db, ev, "fr");
    EXPECT_TRUE(f.attendance_taken);
    EXPECT_EQ(f.participants, 3);
    EXPECT_EQ(f.speakers, 1);
    EXPECT_EQ(f.no_show, 1);
    EXPECT_EQ(join_with_counts(f.institutions), "Abri de nuit (2), SSM Le Méridien (1)");
}
