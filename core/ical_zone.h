#pragma once
// The one time zone of every iCalendar file the suite writes. RFC 5545 (3.2.19) wants a
// VTIMEZONE for each TZID an event uses; libical's built-in zones carry a prefixed TZID
// ("/freeassociation.sourceforge.net/Europe/Brussels") that would not match, so the
// component is written here, with the exact Olson name that clients also know.
#include <string>

namespace maillage {

inline constexpr const char* kCalendarZone = "Europe/Brussels";

// A VTIMEZONE whose TZID is exactly kCalendarZone: CET/CEST with the EU rules in force
// since 1996 (summer time from the last Sunday of March, 02:00, to the last Sunday of
// October, 03:00). Lines end with CRLF.
const std::string& calendar_vtimezone();

}  // namespace maillage
