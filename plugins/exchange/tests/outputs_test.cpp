// Certificates and the iCalendar of events.
#include "exchange_outputs.h"
#include "test_helpers.h"

#include "core/error.h"

#include <libical/ical.h>

using namespace maillage;
using namespace maillage::exchange;
using ExchangeOutputs = test_helpers::ExchangeDb;

TEST_F(ExchangeOutputs, CertificateNamesThePersonTheEventAndTheHours) {
    const auto ev = event("exchange_table", "2025-10-16", {}, "Table <santé mentale>");
    const auto r = reg(ev, person("Hélène", "Dubois"));
    EXPECT_THROW(certificate_html(*db, r.id), Error);  // not attended yet
    regs.check_in(r.id);
    const auto html = certificate_html(*db, r.id);
    EXPECT_NE(html.find("Hélène Dubois"), std::string::npos);
    EXPECT_NE(html.find("Table &lt;santé mentale&gt;"), std::string::npos);
    EXPECT_NE(html.find("2025-10-16"), std::string::npos);
    EXPECT_NE(html.find("7 h 30"), std::string::npos);

    maillage::test::TempDir dir;
    reg(ev, person("Absent", "Person"));
    const auto files = write_certificates(*db, ev, std::nullopt, dir.path(), false);
    ASSERT_EQ(files.html.size(), 1u);
    EXPECT_NE(maillage::test::read_file(files.html[0]).find("Hélène Dubois"), std::string::npos);
}

TEST_F(ExchangeOutputs, ICalendarParsesBackWithStableUids) {
    const auto ev = event("exchange_table", "2025-10-16", {}, "Table d'échanges");
    Session second;
    second.date = "2025-10-17";
    second.start_time = "09:00";
    second.end_time = "12:00";
    const auto sid = events.add_day(ev, second);
    event("debate", "2024-03-01", {}, "Débat");

    const auto text = events_icalendar(*db, "2025-01-01", "2025-12-31");
    icalcomponent* cal = icalparser_parse_string(text.c_str());
    ASSERT_NE(cal, nullptr);
    int n = 0;
    bool found = false;
    for (icalcomponent* c = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT); c;
         c = icalcomponent_get_next_component(cal, ICAL_VEVENT_COMPONENT)) {
        ++n;
        EXPECT_STREQ(icalcomponent_get_summary(c), "Table d'échanges");
        if (std::string(icalcomponent_get_uid(c)) ==
            "exchange-" + std::to_string(ev) + "-day-" + std::to_string(sid) + "@maillage") {
            found = true;
            const auto start = icalcomponent_get_dtstart(c);
            EXPECT_EQ(start.year, 2025);
            EXPECT_EQ(start.month, 10);
            EXPECT_EQ(start.day, 17);
            EXPECT_EQ(start.hour, 9);
            EXPECT_EQ(icalcomponent_get_dtend(c).hour, 12);
        }
    }
    icalcomponent_free(cal);
    EXPECT_EQ(n, 2);  // the 2024 debate is outside the range
    EXPECT_TRUE(found);
}

TEST_F(ExchangeOutputs, ExportRowsListParticipantsWhoAttended) {
    const auto ev = event("exchange_table", "2025-10-16");
    regs.check_in(reg(ev, person("A", "Came")).id);
    reg(ev, person("B", "Registered"));
    EXPECT_EQ(registration_rows(*db, ev, false).size(), 3u);
    const auto attended = registration_rows(*db, ev, true);
    ASSERT_EQ(attended.size(), 2u);
    EXPECT_EQ(attended[1][0], "Came");

    maillage::test::TempDir dir;
    write_csv(dir / "p.csv", attended);
    EXPECT_NE(maillage::test::read_file(dir / "p.csv").find("Came;A;"), std::string::npos);
    write_xlsx(dir / "p.xlsx", attended, "Participants");
    EXPECT_EQ(maillage::test::read_file(dir / "p.xlsx").substr(0, 2), "PK");
}
