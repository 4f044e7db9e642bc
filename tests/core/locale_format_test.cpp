// Dates and numbers as French-, Dutch- and English-speaking users read and type them.
#include "core/i18n.h"
#include "core/locale_format.h"
#include "core/report.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <ctime>

using namespace maillage;
namespace lf = maillage::locale;

namespace {
const std::string nnbsp = "\u202F";

struct UiLanguage {
    explicit UiLanguage(const char* code) { set_language(code); }
    ~UiLanguage() { set_language("en"); }
};

// What each language writes for the same date and numbers.
struct LanguageCase {
    const char* code;
    std::string long_date, decimal, integer;  // of 2026-09-14, 22.666 and 1234
};
}  // namespace

TEST(LocaleFormat, EachLanguageWritesTheSameDateAndNumbersItsWay) {
    const LanguageCase cases[] = {{"fr", "lundi 14 septembre 2026", "22,67", "1" + nnbsp + "234"},
                                  {"nl", "maandag 14 september 2026", "22,67", "1.234"},
                                  {"en", "Monday 14 September 2026", "22.67", "1,234"}};
    for (const auto& c : cases) {
        SCOPED_TRACE(c.code);
        UiLanguage ui(c.code);
        EXPECT_EQ(lf::short_date("2026-09-14"), "14/09/2026");
        EXPECT_EQ(lf::long_date("2026-09-14"), c.long_date);
        EXPECT_EQ(lf::decimal(22.666), c.decimal);
        EXPECT_EQ(lf::integer(1234), c.integer);
    }
}

TEST(LocaleFormat, FrenchDatesNumbersAndPercentages) {
    UiLanguage ui("fr");
    EXPECT_EQ(lf::long_date("2026-02-05"), "jeudi 5 février 2026");
    EXPECT_EQ(lf::time("9:30"), "09:30");
    EXPECT_EQ(lf::time("09:30:00"), "09:30");
    EXPECT_EQ(lf::percent(22.666), "22,67" + nnbsp + "%");
    EXPECT_EQ(lf::integer(1234567), "1" + nnbsp + "234" + nnbsp + "567");
    EXPECT_EQ(lf::integer(-1234), "-1" + nnbsp + "234");
    EXPECT_EQ(lf::integer(999), "999");
    EXPECT_EQ(lf::decimal(1234.5, 1), "1" + nnbsp + "234,5");
    EXPECT_EQ(lf::number(30.5), "30,5");
    EXPECT_EQ(lf::number(31), "31");
    EXPECT_EQ(lf::number(1200), "1" + nnbsp + "200");
    EXPECT_EQ(lf::number(0.126), "0,13");
}

TEST(LocaleFormat, DutchDatesNumbersAndPercentages) {
    UiLanguage ui("nl");
    EXPECT_EQ(lf::percent(22.5), "22,50%");
    EXPECT_EQ(lf::date_time("2026-09-14T09:30:00"), "14/09/2026 09:30");
    // Time stamps stored in UTC are read in the local time (Brussels: UTC+2 in summer).
    setenv("TZ", "Europe/Brussels", 1);
    tzset();
    EXPECT_EQ(lf::date_time("2026-09-14T22:30:00Z"), "15/09/2026 00:30");
    unsetenv("TZ");
    tzset();
}

TEST(LocaleFormat, EnglishDatesNumbersAndPercentages) {
    UiLanguage ui("en");
    EXPECT_EQ(lf::percent(0.444), "0.44%");
    EXPECT_EQ(lf::decimal(-0.001), "0.00");
}

TEST(LocaleFormat, ScopedLanguageOverridesTheUiLanguageAndRestoresIt) {
    UiLanguage ui("fr");
    {
        lf::ScopedLanguage nl("nl");
        EXPECT_EQ(lf::language(), "nl");
        EXPECT_EQ(lf::percent(10), "10,00%");
    }
    EXPECT_EQ(lf::language(), "fr");
    EXPECT_EQ(lf::percent(10), "10,00" + nnbsp + "%");
}

TEST(LocaleFormat, DisplayConvertsMachineValuesAndLeavesTheRest) {
    UiLanguage ui("fr");
    EXPECT_EQ(lf::display("2026-05-20"), "20/05/2026");
    EXPECT_EQ(lf::display("2026-05-20 14:03:11"), "20/05/2026 14:03");
    EXPECT_EQ(lf::display("44.54"), "44,54");
    EXPECT_EQ(lf::display("44.54 %"), "44,54" + nnbsp + "%");
    EXPECT_EQ(lf::display("12%"), "12" + nnbsp + "%");
    EXPECT_EQ(lf::display("13:30"), "13:30");
    // Integers, cycle names, codes and words stay as they are.
    EXPECT_EQ(lf::display("2026"), "2026");
    EXPECT_EQ(lf::display("2024-2025"), "2024-2025");
    EXPECT_EQ(lf::display("COCOM"), "COCOM");
    EXPECT_EQ(lf::display("2026-02-30"), "2026-02-30");
    EXPECT_EQ(lf::display("v1.2.3"), "v1.2.3");
}

TEST(LocaleFormat, DatesInsideSentences) {
    UiLanguage ui("nl");
    EXPECT_EQ(lf::dates_in_text("Studievoormiddag (2026-05-20) en 2026-06-01."),
              "Studievoormiddag (20/05/2026) en 01/06/2026.");
    EXPECT_EQ(lf::dates_in_text("cyclus 2024-2025"), "cyclus 2024-2025");
    EXPECT_EQ(lf::dates_in_text("ref 12026-05-20"), "ref 12026-05-20");
}

TEST(DateParser, AcceptsWhatBelgiansType) {
    for (const char* typed : {"14/9/2026", "14/09/2026", "14.09.2026", "14-09-2026", "2026-09-14", " 14/09/26 "})
        EXPECT_EQ(lf::parse_date(typed).value_or("refused"), "2026-09-14") << typed;
    EXPECT_EQ(lf::parse_date("29/02/2028").value_or("refused"), "2028-02-29");
    EXPECT_EQ(lf::parse_date("1.1.2027").value_or("refused"), "2027-01-01");
}

TEST(DateParser, RefusesImpossibleDatesWithASentence) {
    std::string error;
    EXPECT_FALSE(lf::parse_date("31/02/2026", &error));
    EXPECT_EQ(error, "\"31/02/2026\" is not a date: February 2026 has 28 days.");
    EXPECT_FALSE(lf::parse_date("29/02/2026", &error));
    EXPECT_FALSE(lf::parse_date("14/13/2026", &error));
    EXPECT_EQ(error, "\"14/13/2026\" is not a date: there is no month 13.");
    for (const char* bad : {"", "tomorrow", "14/09", "14/09-2026", "2026-9-14-1", "14/09/20266", "0/09/2026",
                            "14//2026", "14/09/1066"}) {
        error.clear();
        EXPECT_FALSE(lf::parse_date(bad, &error)) << bad;
        EXPECT_FALSE(error.empty()) << bad;
        EXPECT_EQ(error.back(), '.') << bad;
    }
}

TEST(DateParser, ErrorNamesTheMonthInTheUiLanguage) {
    UiLanguage ui("fr");
    std::string error;
    EXPECT_FALSE(lf::parse_date("31/04/2026", &error));
    EXPECT_NE(error.find("avril 2026"), std::string::npos) << error;
}

TEST(LocaleFormat, IsoWeekday) {
    EXPECT_EQ(lf::iso_weekday(2026, 9, 14), 1);
    EXPECT_EQ(lf::iso_weekday(2026, 2, 5), 4);
    EXPECT_EQ(lf::iso_weekday(2024, 12, 29), 7);
}

TEST(ReportLocale, HtmlAndMarkdownSpeakTheReportLanguageJsonStaysMachineReadable) {
    Report r;
    r.title = "Rapport";
    r.scope.language = "fr";
    ReportSection s;
    s.id = "test.events";
    s.title = "Événements";
    s.paragraphs = {"Matinée d'étude : la pair-aidance (2026-05-20)"};
    s.tables.push_back(ReportTable{"Par secteur", {"Secteur", "Part", "Date"}, {{"santé mentale", "44.54", "2026-05-20"}}});
    s.charts.push_back(ReportChart{ReportChart::Kind::Bar, "Parts", {{"a", 22.5}, {"b", 1234}}});
    r.sections.push_back(s);

    const std::string html = to_html(r);
    EXPECT_NE(html.find("(20/05/2026)"), std::string::npos);
    EXPECT_NE(html.find("<td class=\"num\">44,54</td>"), std::string::npos);
    EXPECT_NE(html.find("<td>20/05/2026</td>"), std::string::npos);
    EXPECT_NE(html.find(">22,50</text>"), std::string::npos);  // the inline SVG chart
    EXPECT_NE(html.find(">1" + nnbsp + "234</text>"), std::string::npos);
    EXPECT_EQ(html.find("2026-05-20"), std::string::npos);
    // The caption comes first inside its table, so engines draw it above.
    EXPECT_NE(html.find("<table><caption>Par secteur</caption>"), std::string::npos);

    r.scope.language = "nl";
    const std::string md = to_markdown(r);
    EXPECT_NE(md.find("| santé mentale | 44,54 | 20/05/2026 |"), std::string::npos) << md;
    EXPECT_NE(md.find("- b: 1.234"), std::string::npos) << md;

    const auto json = to_json(r).dump();
    EXPECT_NE(json.find("\"44.54\""), std::string::npos);
    EXPECT_NE(json.find("2026-05-20"), std::string::npos);
    // The renderers leave the UI language as it was.
    EXPECT_EQ(lf::language(), "en");
}

TEST(LocaleFormat, NamesOfSessionKindsAndStatusesNotCodes) {
    EXPECT_EQ(lf::session_kind_name("exchange_committee"), "Steering committee meeting");
    EXPECT_EQ(lf::session_kind_name("training"), "Training day");
    EXPECT_EQ(lf::session_kind_name("a_plugin_kind"), "a_plugin_kind");  // unknown: as stored
    EXPECT_EQ(lf::session_status_name("held"), "held");
    EXPECT_EQ(lf::session_status_name("cancelled"), "cancelled");
    // With a translator installed, names go through it.
    set_translator([](const char* msgid) { return std::string(msgid) == "held" ? "tenue" : msgid; });
    EXPECT_EQ(lf::session_status_name("held"), "tenue");
    set_translator(nullptr);
}
