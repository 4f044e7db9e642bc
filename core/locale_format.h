#pragma once
// Dates, times and numbers as a person of the UI language reads and types them:
// fr (Belgian French), nl (Belgian Dutch) and en (English as written in Belgium).
// Hand-written tables rather than ICU: three languages, and the output must not change
// with the CLDR version of the machine (tests and reports compare it). Text for
// machines (JSON, CSV values, iCalendar, XML) never goes through here: it stays ISO and
// point-decimal.
//
//               fr                        nl                        en
// short date    14/09/2026                14/09/2026                14/09/2026
// long date     lundi 14 septembre 2026   maandag 14 september 2026 Monday 14 September 2026
// time          09:30                     09:30                     09:30
// decimal       22,67                     22,67                     22.67
// percent       22,67 % (U+202F before %) 22,67%                    22.67%
// thousands     1 234 (U+202F)            1.234                     1,234
//
// Dutch writes the percent sign against the number, as CLDR's nl and Belgian
// administrative texts do ("22,67%"); French puts a narrow no-break space before it.
#include <optional>
#include <string>
#include <string_view>

namespace maillage {
// The UI language, "fr", "nl" or "en" (default "en", the msgid language). The program
// sets it where it installs the translator of core/i18n.h (set_translator), so tr() and
// the formatters below speak the same language.
void set_language(std::string code);
std::string current_language();
}  // namespace maillage

namespace maillage::locale {

// The language used below: the one set by ScopedLanguage, else the UI language
// (core/i18n.h, set by the program with its translator); "fr", "nl" or "en".
std::string language();

// Formats in another language while it lives (a report asked for in Dutch from a
// French window). Not thread-safe across threads: one report at a time per thread.
class ScopedLanguage {
public:
    explicit ScopedLanguage(std::string language);
    ~ScopedLanguage();
    ScopedLanguage(const ScopedLanguage&) = delete;
    ScopedLanguage& operator=(const ScopedLanguage&) = delete;

private:
    std::string previous_;
};

// "2026-09-14" (or the date part of "2026-09-14T09:30:00") -> "14/09/2026"; any text
// that is not an ISO date comes back unchanged, so lists can pass every date through.
std::string short_date(std::string_view iso);
// "lundi 14 septembre 2026"; unchanged when not an ISO date.
std::string long_date(std::string_view iso);
// "2026-09-14 09:30[:00]" or "2026-09-14T09:30:00" -> "14/09/2026 09:30"; a UTC
// time stamp ("...Z", as the database stores them) is shown in the local time.
std::string date_time(std::string_view iso);
// "9:30" or "09:30:00" -> "09:30"; unchanged when not a time.
std::string time(std::string_view hhmm);
// The translated month (1-12) and weekday (1 = Monday ... 7 = Sunday) names, lower
// case in French and Dutch.
std::string month_name(int month);
std::string weekday_name(int weekday);

std::string integer(long long value);            // 1 234 / 1.234 / 1,234
std::string decimal(double value, int decimals = 2);   // 22,67
// As few decimals as needed, at most max_decimals: 30.5 -> "30,5", 31 -> "31", 1234 -> "1 234".
std::string number(double value, int max_decimals = 2);
// value is already a percentage: percent(22.666) -> "22,67 %".
std::string percent(double value, int decimals = 2);
// A number as the renderers receive it from machines ("22.67", "1234", "22.67 %",
// "-3"), localised; any other text unchanged.
std::string number_text(std::string_view text);
// A table cell or a list value: an ISO date or date-time, a time or a number in machine
// form becomes its display form; anything else is returned as is.
std::string display(std::string_view text);
// Every ISO date inside a sentence ("Matinée d'étude (2026-05-20)") in short form.
std::string dates_in_text(std::string_view text);

// What a person types for a date: 14/9/2026, 14.09.2026, 14-09-2026, 2026-09-14
// (a two-digit year means 20xx). The ISO date, or nullopt with a translated sentence
// in *error saying what is wrong ("31/02/2026 is not a date: February 2026 has 28
// days.").
std::optional<std::string> parse_date(std::string_view text, std::string* error = nullptr);
// The shape to type, for placeholders: "jj/mm/aaaa", "dd/mm/jjjj", "dd/mm/yyyy".
std::string date_placeholder();

// The name of a session kind (sessions.kind: "intervision", "exchange_committee", "pat",
// "training"...) as people read it, translated; an unknown kind comes back as is.
std::string session_kind_name(const std::string& kind);

// A session's status ("planned", "held", "cancelled") as people read it, translated.
std::string session_status_name(const std::string& status);

// ISO helpers: true when "YYYY-MM-DD" names a real day; the ISO weekday (1 = Monday).
bool is_iso_date(std::string_view text);
int iso_weekday(int year, int month, int day);

}  // namespace maillage::locale
