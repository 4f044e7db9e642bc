#pragma once
// Reads an iCalendar export twice, with libical and with python-icalendar (an
// independent parser, tests/support/ical_independent.py), and checks what issue 16
// (item 5) asks of every export: one VTIMEZONE whose TZID is exactly Europe/Brussels,
// every timed DTSTART/DTEND in it (no floating time), and both parsers agreeing on the
// events, their UIDs and their start and end in UTC. Header-only: include it from tests
// that link libical.
#include "test_support.h"

#include <gtest/gtest.h>
#include <libical/ical.h>

#include <cstdio>
#include <ctime>
#include <map>
#include <memory>
#include <sstream>
#include <string>

namespace maillage::test {

struct IcalTimes {
    std::string start, end;
    bool operator==(const IcalTimes& o) const { return start == o.start && end == o.end; }
};

struct IcalReading {
    std::vector<std::string> zones;           // TZIDs of the VTIMEZONE components
    std::map<std::string, IcalTimes> events;  // by UID
    int event_count = 0;
};

inline std::ostream& operator<<(std::ostream& out, const IcalTimes& t) { return out << t.start << " / " << t.end; }

// libical: the VTIMEZONE of the file itself converts the zoned times to UTC.
inline IcalReading read_ical_with_libical(const std::string& text) {
    IcalReading r;
    std::unique_ptr<icalcomponent, void (*)(icalcomponent*)> cal(icalparser_parse_string(text.c_str()),
                                                                 icalcomponent_free);
    EXPECT_TRUE(cal);
    if (!cal) return r;
    std::map<std::string, icaltimezone*> zones;
    for (auto* z = icalcomponent_get_first_component(cal.get(), ICAL_VTIMEZONE_COMPONENT); z;
         z = icalcomponent_get_next_component(cal.get(), ICAL_VTIMEZONE_COMPONENT)) {
        auto* p = icalcomponent_get_first_property(z, ICAL_TZID_PROPERTY);
        const std::string tzid = p ? icalproperty_get_tzid(p) : "";
        r.zones.push_back(tzid);
        icaltimezone* tz = icaltimezone_new();
        icaltimezone_set_component(tz, icalcomponent_new_clone(z));
        zones[tzid] = tz;
    }
    auto show = [&](icalcomponent* ev, icalproperty_kind kind) -> std::string {
        auto* p = icalcomponent_get_first_property(ev, kind);
        if (!p) return "-";
        const auto t = icalvalue_get_datetime(icalproperty_get_value(p));
        char buf[32];
        if (t.is_date) {
            std::snprintf(buf, sizeof buf, "DATE:%04d%02d%02d", t.year, t.month, t.day);
            return buf;
        }
        auto* param = icalproperty_get_first_parameter(p, ICAL_TZID_PARAMETER);
        if (!param) return icaltime_is_utc(t) ? icaltime_as_ical_string(t) : "FLOATING";
        const std::string tzid = icalparameter_get_tzid(param);
        if (!zones.count(tzid)) return "UNDECLARED:" + tzid;
        const time_t utc = icaltime_as_timet_with_zone(t, zones[tzid]);
        std::tm tm{};
        gmtime_r(&utc, &tm);
        std::strftime(buf, sizeof buf, "%Y%m%dT%H%M%SZ", &tm);
        return buf;
    };
    for (auto* ev = icalcomponent_get_first_component(cal.get(), ICAL_VEVENT_COMPONENT); ev;
         ev = icalcomponent_get_next_component(cal.get(), ICAL_VEVENT_COMPONENT)) {
        ++r.event_count;
        EXPECT_EQ(icalcomponent_count_errors(ev), 0);
        const char* uid = icalcomponent_get_uid(ev);
        r.events[uid ? uid : ""] = {show(ev, ICAL_DTSTART_PROPERTY), show(ev, ICAL_DTEND_PROPERTY)};
    }
    for (auto& [id, tz] : zones) icaltimezone_free(tz, 1);
    return r;
}

// python-icalendar, run as /usr/bin/python3 (Debian's, where python3-icalendar lives).
inline IcalReading read_ical_with_python(const std::string& text) {
    IcalReading r;
    TempDir dir;
    write_file(dir / "export.ics", text);
    const auto script = source_dir() / "tests" / "support" / "ical_independent.py";
    const auto cmd = "/usr/bin/python3 '" + script.string() + "' '" + (dir / "export.ics").string() + "' > '" +
                     (dir / "out.txt").string() + "' 2> '" + (dir / "err.txt").string() + "'";
    const int status = std::system(cmd.c_str());
    EXPECT_EQ(status, 0) << read_file(dir / "err.txt");
    std::istringstream in(read_file(dir / "out.txt"));
    std::string line;
    while (std::getline(in, line)) {
        std::istringstream words(line);
        std::string kind;
        words >> kind;
        if (kind == "VTIMEZONE") {
            int n = 0;
            words >> n;
            std::string z;
            while (words >> z) r.zones.push_back(z);
        } else if (kind == "EVENT") {
            std::string uid;
            IcalTimes t;
            words >> uid >> t.start >> t.end;
            r.events[uid] = t;
            ++r.event_count;
        }
    }
    return r;
}

// Both readings agree and follow the rules; returns libical's for further checks.
inline IcalReading expect_valid_brussels_calendar(const std::string& text) {
    const auto lib = read_ical_with_libical(text);
    const auto py = read_ical_with_python(text);
    EXPECT_EQ(lib.zones, std::vector<std::string>{"Europe/Brussels"}) << text.substr(0, 2000);
    EXPECT_EQ(py.zones, std::vector<std::string>{"Europe/Brussels"});
    EXPECT_EQ(lib.event_count, py.event_count);
    EXPECT_EQ(lib.event_count, int(lib.events.size())) << "two events share a UID";
    EXPECT_EQ(lib.events, py.events);
    for (const auto& [uid, t] : lib.events)
        for (const auto& v : {t.start, t.end}) {
            EXPECT_EQ(v.find("FLOATING"), std::string::npos) << uid;
            EXPECT_EQ(v.find("UNDECLARED"), std::string::npos) << uid << " " << v;
        }
    // Every timed value names the zone itself (the VTIMEZONE is not decoration).
    std::istringstream lines(text);
    std::string line;
    bool in_event = false;
    while (std::getline(lines, line)) {
        if (line.rfind("BEGIN:VEVENT", 0) == 0) in_event = true;
        if (line.rfind("END:VEVENT", 0) == 0) in_event = false;
        const bool when = line.rfind("DTSTART", 0) == 0 || line.rfind("DTEND", 0) == 0;
        if (in_event && when && line.find("VALUE=DATE") == std::string::npos) {
            EXPECT_NE(line.find(";TZID=Europe/Brussels:"), std::string::npos) << line;
        }
    }
    return lib;
}

}  // namespace maillage::test
