#include "core/locale_format.h"

#include "core/i18n.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <mutex>
#include <vector>

namespace maillage {
namespace {
std::mutex language_mutex;
std::string ui_language = "en";
}  // namespace

void set_language(std::string code) {
    std::lock_guard lock(language_mutex);
    ui_language = code == "fr" || code == "nl" ? std::move(code) : std::string("en");
}

std::string current_language() {
    std::lock_guard lock(language_mutex);
    return ui_language;
}
}  // namespace maillage

namespace maillage::locale {
namespace {

thread_local std::string scoped_language;  // "" = follow the UI language

enum class Lang { Fr, Nl, En };

Lang lang() {
    const std::string code = language();
    return code == "fr" ? Lang::Fr : code == "nl" ? Lang::Nl : Lang::En;
}

constexpr std::array<std::array<const char*, 12>, 3> months = {{
    {"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre",
     "décembre"},
    {"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november",
     "december"},
    {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
     "December"},
}};
constexpr std::array<std::array<const char*, 7>, 3> weekdays = {{
    {"lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"},
    {"maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"},
    {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"},
}};

constexpr const char* narrow_nbsp = "\u202F";

bool digit(char c) { return c >= '0' && c <= '9'; }

bool all_digits(std::string_view s) {
    if (s.empty()) return false;
    for (char c : s)
        if (!digit(c)) return false;
    return true;
}

int to_int(std::string_view s) {
    int v = 0;
    for (char c : s) v = v * 10 + (c - '0');
    return v;
}

bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in_month(int y, int m) {
    static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && leap(y) ? 29 : days[m - 1];
}

struct Ymd {
    int y, m, d;
};

// "YYYY-MM-DD" at the start of text, naming a real day.
std::optional<Ymd> iso_prefix(std::string_view t) {
    if (t.size() < 10 || t[4] != '-' || t[7] != '-') return std::nullopt;
    if (!all_digits(t.substr(0, 4)) || !all_digits(t.substr(5, 2)) || !all_digits(t.substr(8, 2))) return std::nullopt;
    const Ymd v{to_int(t.substr(0, 4)), to_int(t.substr(5, 2)), to_int(t.substr(8, 2))};
    if (v.m < 1 || v.m > 12 || v.d < 1 || v.d > days_in_month(v.y, v.m)) return std::nullopt;
    return v;
}

std::string short_of(const Ymd& v) { return fmt::format("{:02}/{:02}/{:04}", v.d, v.m, v.y); }

// "HH:MM" or "H:MM", optionally followed by ":SS": the normalised "HH:MM".
std::optional<std::string> time_of(std::string_view t) {
    const auto colon = t.find(':');
    if (colon == std::string_view::npos || colon == 0 || colon > 2) return std::nullopt;
    const auto h = t.substr(0, colon), rest = t.substr(colon + 1);
    if (!all_digits(h) || rest.size() < 2 || !all_digits(rest.substr(0, 2))) return std::nullopt;
    if (rest.size() != 2 && !(rest.size() == 5 && rest[2] == ':' && all_digits(rest.substr(3)))) return std::nullopt;
    const int hh = to_int(h), mm = to_int(rest.substr(0, 2));
    if (hh > 23 || mm > 59) return std::nullopt;
    return fmt::format("{:02}:{:02}", hh, mm);
}

std::string group_digits(std::string_view digits) {
    const char* sep = lang() == Lang::Fr ? narrow_nbsp : lang() == Lang::Nl ? "." : ",";
    std::string out;
    const size_t n = digits.size();
    for (size_t i = 0; i < n; ++i) {
        if (i > 0 && (n - i) % 3 == 0) out += sep;
        out += digits[i];
    }
    return out;
}

// "-1234.5" (machine form, already validated) in the language's form.
std::string localise_decimal(std::string_view machine) {
    std::string out;
    if (!machine.empty() && machine.front() == '-') {
        out += '-';
        machine.remove_prefix(1);
    }
    const auto dot = machine.find('.');
    out += group_digits(machine.substr(0, dot));
    if (dot != std::string_view::npos) {
        out += lang() == Lang::En ? '.' : ',';
        out += machine.substr(dot + 1);
    }
    return out;
}

std::string percent_sign() {
    switch (lang()) {
    case Lang::Fr: return std::string(narrow_nbsp) + "%";
    default: return "%";
    }
}

std::string trim(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    return std::string(s);
}

}  // namespace

std::string language() { return scoped_language.empty() ? current_language() : scoped_language; }

ScopedLanguage::ScopedLanguage(std::string language) : previous_(scoped_language) {
    scoped_language = language == "fr" || language == "nl" ? std::move(language) : std::string("en");
}
ScopedLanguage::~ScopedLanguage() { scoped_language = previous_; }

bool is_iso_date(std::string_view text) { return text.size() == 10 && iso_prefix(text).has_value(); }

int iso_weekday(int y, int m, int d) {
    // Sakamoto's method: 0 = Sunday.
    static constexpr int t[] = {0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4};
    if (m < 3) y -= 1;
    const int w = (y + y / 4 - y / 100 + y / 400 + t[m - 1] + d) % 7;
    return w == 0 ? 7 : w;
}

std::string month_name(int month) {
    if (month < 1 || month > 12) return {};
    return months[static_cast<size_t>(lang())][static_cast<size_t>(month - 1)];
}

std::string weekday_name(int weekday) {
    if (weekday < 1 || weekday > 7) return {};
    return weekdays[static_cast<size_t>(lang())][static_cast<size_t>(weekday - 1)];
}

std::string short_date(std::string_view iso) {
    if (iso.size() != 10 && !(iso.size() > 10 && (iso[10] == 'T' || iso[10] == ' '))) return std::string(iso);
    const auto v = iso_prefix(iso);
    return v ? short_of(*v) : std::string(iso);
}

std::string long_date(std::string_view iso) {
    const auto v = iso.size() >= 10 ? iso_prefix(iso) : std::nullopt;
    if (!v) return std::string(iso);
    return fmt::format("{} {} {} {}", weekday_name(iso_weekday(v->y, v->m, v->d)), v->d, month_name(v->m), v->y);
}

std::string date_time(std::string_view iso) {
    const auto v = iso.size() >= 16 && (iso[10] == 'T' || iso[10] == ' ') ? iso_prefix(iso) : std::nullopt;
    if (!v) return short_date(iso);
    auto rest = iso.substr(11);
    const bool utc = !rest.empty() && rest.back() == 'Z';
    if (utc) rest.remove_suffix(1);
    const auto t = time_of(rest);
    if (!t) return std::string(iso);
    if (utc) {
        std::tm tm{};
        tm.tm_year = v->y - 1900, tm.tm_mon = v->m - 1, tm.tm_mday = v->d;
        tm.tm_hour = to_int(t->substr(0, 2)), tm.tm_min = to_int(t->substr(3, 2));
        const std::time_t when = timegm(&tm);
        std::tm local{};
        if (when != std::time_t(-1) && localtime_r(&when, &local))
            return short_of({local.tm_year + 1900, local.tm_mon + 1, local.tm_mday}) +
                   fmt::format(" {:02}:{:02}", local.tm_hour, local.tm_min);
    }
    return short_of(*v) + " " + *t;
}

std::string time(std::string_view hhmm) {
    const auto t = time_of(hhmm);
    return t ? *t : std::string(hhmm);
}

std::string integer(long long value) {
    const std::string digits = std::to_string(value < 0 ? -(value + 1) + 1ULL : static_cast<unsigned long long>(value));
    return (value < 0 ? "-" : "") + group_digits(digits);
}

std::string decimal(double value, int decimals) {
    if (!std::isfinite(value)) return "–";
    decimals = std::max(0, std::min(decimals, 9));
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, value);
    std::string_view s(buf);
    if (s == "-0" || (s.substr(0, 3) == "-0." && s.find_first_not_of('0', 3) == std::string_view::npos)) s.remove_prefix(1);
    return localise_decimal(s);
}

std::string number(double value, int max_decimals) {
    std::string text = decimal(value, max_decimals);
    const char point = lang() == Lang::En ? '.' : ',';
    if (text.find(point) == std::string::npos) return text;
    while (text.back() == '0') text.pop_back();
    if (text.back() == point) text.pop_back();
    return text;
}

std::string percent(double value, int decimals) { return decimal(value, decimals) + percent_sign(); }

std::string number_text(std::string_view text) {
    std::string_view t = text;
    bool pct = false;
    if (!t.empty() && t.back() == '%') {
        pct = true;
        t.remove_suffix(1);
        while (!t.empty() && t.back() == ' ') t.remove_suffix(1);
    }
    std::string_view body = t;
    if (!body.empty() && body.front() == '-') body.remove_prefix(1);
    const auto dot = body.find('.');
    const bool ok = dot == std::string_view::npos
                        ? all_digits(body)
                        : all_digits(body.substr(0, dot)) && all_digits(body.substr(dot + 1));
    // Integers stay as they are (years, codes, counts under ten thousand read alike in
    // every language); decimals and percentages are localised.
    if (!ok || (dot == std::string_view::npos && !pct)) return std::string(text);
    return localise_decimal(t) + (pct ? percent_sign() : "");
}

std::string display(std::string_view text) {
    if (text.size() >= 10 && iso_prefix(text)) {
        if (text.size() == 10) return short_date(text);
        return date_time(text);
    }
    if (text.size() <= 8 && text.find(':') != std::string_view::npos) return time(text);
    return number_text(text);
}

std::string dates_in_text(std::string_view text) {
    std::string out;
    size_t i = 0;
    while (i < text.size()) {
        const bool starts = (i == 0 || (!digit(text[i - 1]) && text[i - 1] != '-' && text[i - 1] != '.'));
        if (starts && i + 10 <= text.size()) {
            const auto v = iso_prefix(text.substr(i, 10));
            const bool ends = i + 10 == text.size() || (!digit(text[i + 10]) && text[i + 10] != '-');
            if (v && ends) {
                out += short_of(*v);
                i += 10;
                continue;
            }
        }
        out += text[i++];
    }
    return out;
}

std::string session_kind_name(const std::string& kind) {
    static const std::pair<const char*, const char*> names[] = {
        {"intervision", N_("Intervision session")},
        {"exchange", N_("Exchange table or event")},
        {"exchange_table", N_("Exchange table")},
        {"exchange_committee", N_("Steering committee meeting")},
        {"pat", N_("PAT accompaniment session")},
        {"pat_intake", N_("PAT intake interview")},
        {"training", N_("Training day")},
    };
    return tr_label(names, kind).value_or(kind);
}

std::string session_status_name(const std::string& status) {
    // TRANSLATORS: a session's status
    if (status == "planned") return tr(N_("planned"));
    if (status == "held") return tr(N_("held"));
    if (status == "cancelled") return tr(N_("cancelled"));
    return status;
}

std::string date_placeholder() {
    switch (lang()) {
    case Lang::Fr: return "jj/mm/aaaa";
    case Lang::Nl: return "dd/mm/jjjj";
    default: return "dd/mm/yyyy";
    }
}

std::optional<std::string> parse_date(std::string_view typed, std::string* error) {
    const std::string text = trim(typed);
    auto fail = [&](std::string message) -> std::optional<std::string> {
        if (error) *error = std::move(message);
        return std::nullopt;
    };
    if (text.empty()) return fail(trf("Enter a date, for example {example}.", fmt::arg("example", "14/09/2026")));
    // Split on one kind of separator: '/', '.', '-' (or spaces around it).
    std::vector<std::string> parts;
    char separator = 0;
    std::string current;
    for (char c : text) {
        if (c == '/' || c == '.' || c == '-') {
            if (separator && c != separator) separator = '?';
            else separator = c;
            parts.push_back(trim(current));
            current.clear();
        } else {
            current += c;
        }
    }
    parts.push_back(trim(current));
    const auto shape = [&] {
        return fail(trf("\"{text}\" is not a date: type the day, the month and the year, for example {example}.",
                        fmt::arg("text", text), fmt::arg("example", "14/09/2026")));
    };
    if (parts.size() != 3 || separator == '?') return shape();
    for (const auto& p : parts)
        if (!all_digits(p) || p.size() > 4) return shape();
    int y, m, d;
    if (parts[0].size() == 4) {  // 2026-09-14 (ISO, year first)
        if (parts[1].size() > 2 || parts[2].size() > 2) return shape();
        y = to_int(parts[0]), m = to_int(parts[1]), d = to_int(parts[2]);
    } else {  // 14/9/2026, 14.09.2026, 14-09-26
        if (parts[0].size() > 2 || parts[1].size() > 2 || (parts[2].size() != 4 && parts[2].size() != 2))
            return shape();
        d = to_int(parts[0]), m = to_int(parts[1]), y = to_int(parts[2]);
        if (parts[2].size() == 2) y += 2000;
    }
    if (y < 1900 || y > 2200)
        return fail(trf("\"{text}\" is not a date this suite can use: the year must be between 1900 and 2200.",
                        fmt::arg("text", text)));
    if (m < 1 || m > 12)
        return fail(trf("\"{text}\" is not a date: there is no month {month}.", fmt::arg("text", text),
                        fmt::arg("month", m)));
    if (d < 1 || d > days_in_month(y, m))
        return fail(trf("\"{text}\" is not a date: {month} {year} has {days} days.", fmt::arg("text", text),
                        fmt::arg("month", month_name(m)), fmt::arg("year", y), fmt::arg("days", days_in_month(y, m))));
    return fmt::format("{:04}-{:02}-{:02}", y, m, d);
}

}  // namespace maillage::locale
