// Certificates and the iCalendar of events.
#include "exchange_outputs.h"
#include "test_helpers.h"

#include "core/error.h"

#include "ical_check.h"
#include "pdf_text.h"
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

// Issue 18: certificates are drawn natively as PDF, one page per person who attended,
// each page holding the person's name, the event and the hours (read back by poppler).
TEST_F(ExchangeOutputs, PdfCertificatesHaveOnePagePerPersonWithNameEventAndHours) {
    const auto ev = event("exchange_table", "2025-10-16", {}, "Table d'échanges : santé mentale et rue");
    const std::vector<std::pair<std::string, std::string>> names = {
        {"Amira", "Benali"}, {"Hélène", "Dubois"}, {"Ørjan", "Østergaard"}};
    for (const auto& [first, last] : names) regs.check_in(reg(ev, person(first, last)).id);
    reg(ev, person("Absent", "Zeno"));  // registered, never came: no certificate
    maillage::test::TempDir dir;
    const auto files = write_certificates(*db, ev, std::nullopt, dir.path(), true);
    ASSERT_EQ(files.pdf.size(), 3u);
    ASSERT_FALSE(files.all_pdf.empty());
    EXPECT_EQ(maillage::test::pdf_pages(files.all_pdf), 3);
    for (std::size_t i = 0; i < names.size(); ++i) {
        const auto page = maillage::test::pdf_text(files.all_pdf, int(i) + 1);
        EXPECT_NE(page.find(names[i].first + " " + names[i].second), std::string::npos) << page;
        EXPECT_NE(page.find("santé mentale et rue"), std::string::npos) << page;
        EXPECT_NE(page.find("7 h 30"), std::string::npos) << page;
        EXPECT_NE(page.find("2025-10-16"), std::string::npos) << page;
        EXPECT_NE(page.find("Certificate of attendance"), std::string::npos) << page;
        EXPECT_EQ(maillage::test::pdf_pages(files.pdf[i]), 1);
    }
    EXPECT_EQ(maillage::test::pdf_text(files.all_pdf).find("Zeno"), std::string::npos);
}

TEST_F(ExchangeOutputs, PdfSignInSheetListsEveryRegistrationOverItsPages) {
    const auto ev = event("exchange_table", "2025-10-16", {}, "Grande table");
    for (int i = 0; i < 45; ++i) reg(ev, person("Personne", "Numéro" + std::to_string(100 + i)));
    maillage::test::TempDir dir;
    write_sign_in_sheet_pdf(*db, ev, dir / "sheet.pdf");
    const int pages = maillage::test::pdf_pages(dir / "sheet.pdf");
    EXPECT_GE(pages, 2);
    const auto text = maillage::test::pdf_text(dir / "sheet.pdf");
    for (int i = 0; i < 45; ++i) EXPECT_NE(text.find("Numéro" + std::to_string(100 + i)), std::string::npos) << i;
    EXPECT_NE(text.find("45 registrations."), std::string::npos);
    EXPECT_NE(text.find("Page " + std::to_string(pages) + " / " + std::to_string(pages)), std::string::npos);
    // The header is repeated on every page.
    for (int p = 1; p <= pages; ++p) EXPECT_NE(maillage::test::pdf_text(dir / "sheet.pdf", p).find("Signature"), std::string::npos);
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

// Issue 16, item 5: one Europe/Brussels VTIMEZONE, every timed event in it, and an
// independent parser (python-icalendar) reading the same events at the same UTC times.
TEST_F(ExchangeOutputs, ICalendarIsInBrusselsTimeForTwoIndependentParsers) {
    const auto ev = event("exchange_table", "2025-10-16", {}, "Table d'échanges");  // 09:00-16:30, summer time
    Session winter;
    winter.date = "2025-12-04";
    winter.start_time = "13:30";
    winter.end_time = "17:00";
    const auto wid = events.add_day(ev, winter);
    Session whole_day;  // no hours: a DATE, not a floating time
    whole_day.date = "2025-03-30";
    const auto did = events.add_day(ev, whole_day);
    Session meeting;
    meeting.date = "2025-03-28";
    meeting.start_time = "10:00";
    meeting.end_time = "11:30";
    const auto mid = events.add_committee_meeting(ev, meeting);

    const auto text = events_icalendar(*db, "2025-01-01", "2025-12-31", true);
    const auto read = maillage::test::expect_valid_brussels_calendar(text);
    EXPECT_EQ(read.event_count, 4);
    const auto uid = [&](const std::string& kind, int64_t sid) {
        return "exchange-" + std::to_string(ev) + "-" + kind + "-" + std::to_string(sid) + "@maillage";
    };
    int64_t first_day = 0;
    for (const auto& d : events.days(ev))
        if (d.date == "2025-10-16") first_day = d.id;
    ASSERT_TRUE(read.events.count(uid("day", first_day))) << text;
    EXPECT_EQ(read.events.at(uid("day", first_day)).start, "20251016T070000Z");  // CEST = UTC+2
    EXPECT_EQ(read.events.at(uid("day", first_day)).end, "20251016T143000Z");
    EXPECT_EQ(read.events.at(uid("day", wid)).start, "20251204T123000Z");  // CET = UTC+1
    EXPECT_EQ(read.events.at(uid("day", did)).start, "DATE:20250330");
    EXPECT_EQ(read.events.at(uid("committee", mid)).start, "20250328T090000Z");
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
