#include "intervision_ical.h"

#include "cycles.h"

#include "core/database.h"
#include "core/error.h"
#include "core/i18n.h"
#include "core/ical_zone.h"
#include "core/institutions.h"
#include "core/people.h"
#include "core/sessions.h"
#include "core/sql_call.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <libical/ical.h>

#include <cstdlib>
#include <ctime>
#include <memory>

namespace maillage::intervision {
namespace {

constexpr const char* kTimezone = kCalendarZone;

// The intervision sessions `where` selects (on the session s and its group g), by date and time.
std::vector<int64_t> session_ids_where(Database& db, const std::string& where, const auto&... values) {
    return select_column<int64_t>(
        db.sql(), "SELECT s.id " + sessions_from("JOIN intervision_group g ON g.id = i.group_id " + where +
                                                 " ORDER BY s.date, s.start_time"),
        values...);
}

// "2025-04-21" + "09:30" -> a local time without zone (the TZID parameter names it).
icaltimetype local_time(const std::string& date, const std::string& time) {
    std::string text = date.substr(0, 4) + date.substr(5, 2) + date.substr(8, 2);
    if (time.empty()) return icaltime_from_string(text.c_str());  // a whole day
    text += "T" + time.substr(0, 2) + time.substr(3, 2) + "00";
    return icaltime_from_string(text.c_str());
}

icalproperty* with_tzid(icalproperty* p, bool zoned) {
    if (zoned) icalproperty_add_parameter(p, icalparameter_new_tzid(kTimezone));
    return p;
}

}  // namespace

std::string session_uid(int64_t id) { return "session-" + std::to_string(id) + "@maillage"; }

std::vector<int64_t> group_session_ids(Database& db, int64_t group_id) {
    return session_ids_where(db, "WHERE i.group_id = ?", group_id);
}

std::vector<int64_t> cycle_session_ids(Database& db, int64_t cycle_id) {
    return session_ids_where(db, "WHERE g.cycle_id = ?", cycle_id);
}

std::vector<int64_t> facilitator_session_ids(Database& db, int64_t person_id, std::optional<int64_t> cycle_id) {
    return session_ids_where(db,
                             "WHERE (g.facilitator1_id = ? OR g.facilitator2_id = ?) "
                             "AND (? IS NULL OR g.cycle_id = ?)",
                             person_id, person_id, cycle_id, cycle_id);
}

std::string sessions_to_ical(Database& db, const std::vector<int64_t>& session_ids, const std::string& name) {
    std::unique_ptr<icalcomponent, void (*)(icalcomponent*)> cal(icalcomponent_new_vcalendar(), icalcomponent_free);
    icalcomponent_add_property(cal.get(), icalproperty_new_version("2.0"));
    icalcomponent_add_property(cal.get(), icalproperty_new_prodid("-//Maillage//Intervision//FR"));
    icalcomponent_add_property(cal.get(), icalproperty_new_calscale("GREGORIAN"));
    icalcomponent_add_property(cal.get(), icalproperty_new_method(ICAL_METHOD_PUBLISH));
    icalproperty* xname = icalproperty_new_x(name.c_str());
    icalproperty_set_x_name(xname, "X-WR-CALNAME");
    icalcomponent_add_property(cal.get(), xname);

    // The VTIMEZONE whose TZID the events name (core/ical_zone.h).
    icalcomponent* vtz = icalparser_parse_string(calendar_vtimezone().c_str());
    if (!vtz) throw Error(tr("The calendar could not be written."));
    icalcomponent_add_component(cal.get(), vtz);
    const bool zoned = true;

    const icaltimetype stamp = icaltime_from_timet_with_zone(std::time(nullptr), 0, icaltimezone_get_utc_timezone());
    CycleRepository repo(db);
    SessionRepository sessions(db);
    PersonRepository people(db);
    InstitutionRepository institutions(db);
    for (auto id : session_ids) {
        const auto s = sessions.get(id);
        if (!s) continue;
        const auto gs = repo.session(id);
        const auto g = gs ? repo.group(gs->group_id) : std::nullopt;
        icalcomponent* ev = icalcomponent_new_vevent();
        icalcomponent_add_property(ev, icalproperty_new_uid(session_uid(id).c_str()));
        icalcomponent_add_property(ev, icalproperty_new_dtstamp(stamp));
        const bool timed = !s->start_time.empty();
        icalcomponent_add_property(ev, with_tzid(icalproperty_new_dtstart(local_time(s->date, s->start_time)),
                                                 zoned && timed));
        if (timed && !s->end_time.empty())
            icalcomponent_add_property(ev, with_tzid(icalproperty_new_dtend(local_time(s->date, s->end_time)), zoned));
        const std::string summary = tr("Intervision") + " — " + (g ? g->name : s->title);
        icalcomponent_add_property(ev, icalproperty_new_summary(summary.c_str()));
        if (!s->place.empty()) icalcomponent_add_property(ev, icalproperty_new_location(s->place.c_str()));
        std::string description = s->title;
        if (g) {
            std::string f;
            for (auto pid : g->facilitators())
                if (auto p = people.get(pid)) f += (f.empty() ? "" : ", ") + p->display_name();
            if (!f.empty()) description += "\n" + trf("Facilitators: {names}", fmt::arg("names", f));
        }
        if (s->host_institution_id)
            if (auto h = institutions.get(*s->host_institution_id))
                description += "\n" + trf("Host: {name}", fmt::arg("name", h->name));
        icalcomponent_add_property(ev, icalproperty_new_description(description.c_str()));
        icalcomponent_add_property(
            ev, icalproperty_new_status(s->status == "cancelled" ? ICAL_STATUS_CANCELLED : ICAL_STATUS_CONFIRMED));
        icalcomponent_add_component(cal.get(), ev);
    }
    char* text = icalcomponent_as_ical_string_r(cal.get());
    if (!text) throw Error(tr("The calendar could not be written."));
    std::string out(text);
    std::free(text);
    return out;
}

}  // namespace maillage::intervision
