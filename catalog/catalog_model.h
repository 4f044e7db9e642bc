#pragma once
// The plain model of a catalogue edition that catalog/ publishes: themes, module sheets
// and open trainings, with texts in French, Dutch and (optionally) English. The
// catalogue plugin fills it from its tables; nothing here touches the database.
#include <optional>
#include <string>
#include <vector>

namespace maillage::catalog {

// The site and booklet languages.
inline const std::vector<std::string> kSiteLanguages = {"fr", "nl"};

// A text in each language; get() falls back to French, then to any non-empty one.
struct LocalText {
    std::string fr, nl, en;
    const std::string& get(const std::string& language) const;
    std::string& at(const std::string& language);  // throws std::out_of_range on another code
};

struct Theme {
    std::string code;  // "mental_health"
    LocalText label;
    int sort_order = 0;
};

struct ModuleSheet {
    std::string code;        // "SM-01": stable, unique
    int version = 1;         // sheet version (a new one per edit)
    std::string theme_code;
    LocalText title, description;
    int duration_minutes = 0;
    std::string objectives, content, methods, audience, prerequisites;
    std::vector<std::string> trainer_emails;  // qualified trainers (by e-mail, stable across databases)
    std::vector<std::string> trainer_names;   // same order, for display; may be empty
};

struct TrainingDay {
    std::string date;              // YYYY-MM-DD
    std::string start_time, end_time;  // HH:MM
    std::string venue;
    std::vector<std::string> trainers;  // display names
    bool cancelled = false;
};

struct OpenTraining {
    std::string code;  // "2026-03"
    LocalText title;
    std::vector<std::string> module_codes;
    std::vector<TrainingDay> days;
    std::string venue;
    int seats = 0;
    int seats_taken = 0;
    std::optional<int> price_cents;  // nullopt or 0: free
    std::string registration_deadline;  // YYYY-MM-DD or ""
    std::vector<std::string> languages;  // "fr", "nl", "en"
    std::string registration_url;

    bool free() const { return !price_cents || *price_cents == 0; }
    // Over on `today` (YYYY-MM-DD): it has days and the last one that is not cancelled
    // is before today. An over training leaves the open trainings of the site.
    bool over(const std::string& today) const;
    // Sum of the days' hours (cancelled days excluded).
    double hours() const;
};

struct Edition {
    std::string code;   // "2026"
    int year = 0;
    std::string organisation;  // shown in headers and the booklet cover
    std::string contact_email;
    std::string today;  // YYYY-MM-DD, the day of publication: what is over then is marked so
    std::vector<Theme> themes;
    std::vector<ModuleSheet> modules;
    std::vector<OpenTraining> trainings;

    const Theme* theme(const std::string& code) const;
    const ModuleSheet* module(const std::string& code) const;
};

// "3 h", "1 h 30", "45 min": a duration as the catalogue prints it.
std::string format_duration(int minutes);
// Hours between two HH:MM times (0 when one is missing or the end is before the start).
double hours_between(const std::string& start, const std::string& end);

}  // namespace maillage::catalog
