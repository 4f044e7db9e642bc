#include "enrolment_rules.h"
#include "intervision_ical.h"
#include "session_scheduler.h"
#include "test_fixture.h"

#include <gtest/gtest.h>
#include <libical/ical.h>

#include "ical_check.h"

#include <set>

using namespace maillage;
using namespace maillage::intervision;

namespace {

struct Parsed {
    int events = 0;
    std::set<std::string> uids;
    std::set<std::string> cancelled;
};

// Parses with libical's parser and checks every event as a calendar client would.
Parsed parse(const std::string& text) {
    Parsed p;
    icalcomponent* cal = icalparser_parse_string(text.c_str());
    EXPECT_NE(cal, nullptr);
    if (!cal) return p;
    EXPECT_EQ(icalcomponent_isa(cal), ICAL_VCALENDAR_COMPONENT);
    EXPECT_NE(icalcomponent_get_first_property(cal, ICAL_VERSION_PROPERTY), nullptr);
    EXPECT_NE(icalcomponent_get_first_property(cal, ICAL_PRODID_PROPERTY), nullptr);
    for (icalcomponent* ev = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT); ev;
         ev = icalcomponent_get_next_component(cal, ICAL_VEVENT_COMPONENT)) {
        ++p.events;
        // libical adds X-LIC-ERROR properties for anything it could not understand.
        EXPECT_EQ(icalcomponent_count_errors(ev), 0);
        const char* uid = icalcomponent_get_uid(ev);
        EXPECT_NE(uid, nullptr);
        if (uid) p.uids.insert(uid);
        EXPECT_FALSE(icaltime_is_null_time(icalcomponent_get_dtstart(ev)));
        EXPECT_FALSE(icaltime_is_null_time(icalcomponent_get_dtstamp(ev)));
        if (icalcomponent_get_status(ev) == ICAL_STATUS_CANCELLED) p.cancelled.insert(uid ? uid : "");
    }
    icalcomponent_free(cal);
    return p;
}

// A cycle 2024-2025 whose "Groupe 1" meets on the 2nd Monday, led by F of the Shelter.
struct ShelterGroup {
    intervision::test::World w;
    int64_t cycle = w.cycle("2024-2025", "2024-09-01", "2025-06-30");
    int64_t shelter = w.institution("Shelter", "homeless", "Rue Haute 1");
    int64_t f = w.person("F", shelter, "facilitator");
    int64_t g = w.group(cycle, "Groupe 1", 1, 2, 10, f);
};

TEST(Ical, ExportIsValidWithStableUids) {
    ShelterGroup sg;
    auto& [w, cycle, shelter, f, g] = sg;
    EnrolmentRules(w.db()).enrol(g, w.person("P", shelter), "2024-09-01");
    SessionScheduler s(w.db());
    const auto ids = s.generate(g);

    const auto first = parse(sessions_to_ical(w.db(), group_session_ids(w.db(), g), "Groupe 1"));
    EXPECT_EQ(first.events, int(ids.size()));
    EXPECT_TRUE(first.uids.count("session-" + std::to_string(ids[0]) + "@maillage"));
    EXPECT_TRUE(first.cancelled.empty());

    // A change and a second export: same UIDs, the cancelled one marked so.
    s.cancel_session(ids[2]);
    s.move_session(ids[3], "2024-12-16");
    const auto second = parse(sessions_to_ical(w.db(), cycle_session_ids(w.db(), cycle), "Cycle"));
    EXPECT_EQ(second.uids, first.uids);
    EXPECT_EQ(second.cancelled, std::set<std::string>{session_uid(ids[2])});

    const auto facilitator = parse(sessions_to_ical(w.db(), facilitator_session_ids(w.db(), f), "F"));
    EXPECT_EQ(facilitator.uids, first.uids);
    EXPECT_TRUE(facilitator_session_ids(w.db(), w.person("Nobody", shelter)).empty());
}

TEST(Ical, TimesCarryTheBrusselsZone) {
    intervision::test::World w;
    const auto cycle = w.cycle("2024-2025", "2024-09-01", "2025-06-30");
    const auto g = w.group(cycle, "G", 1, 2);
    SessionScheduler(w.db()).add_session(g, "2025-03-10");
    const auto text = sessions_to_ical(w.db(), group_session_ids(w.db(), g), "G");
    EXPECT_NE(text.find("DTSTART;TZID=Europe/Brussels:20250310T093000"), std::string::npos) << text;
    EXPECT_NE(text.find("BEGIN:VTIMEZONE"), std::string::npos);
}

// Issue 16, item 5: the group, cycle and facilitator calendars each declare one
// VTIMEZONE Europe/Brussels that their events use, and python-icalendar reads the same
// events at the same UTC times as libical, across both changes of summer time.
TEST(Ical, EveryExportIsInBrusselsTimeForTwoIndependentParsers) {
    ShelterGroup sg;
    auto& [w, cycle, shelter, f, g] = sg;
    SessionScheduler s(w.db());
    const auto ids = s.generate(g);
    ASSERT_GE(ids.size(), 6u);
    const auto march = s.add_session(g, "2025-03-31");  // the day after the change to summer time
    for (const auto& text : {sessions_to_ical(w.db(), group_session_ids(w.db(), g), "Groupe 1"),
                             sessions_to_ical(w.db(), cycle_session_ids(w.db(), cycle), "Cycle"),
                             sessions_to_ical(w.db(), facilitator_session_ids(w.db(), f), "F")}) {
        const auto read = maillage::test::expect_valid_brussels_calendar(text);
        EXPECT_EQ(read.event_count, int(ids.size()) + 1);
        ASSERT_TRUE(read.events.count(session_uid(march)));
        EXPECT_EQ(read.events.at(session_uid(march)).start, "20250331T073000Z");  // 09:30 CEST
    }
}

}  // namespace
