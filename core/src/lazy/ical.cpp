// libical (with ICU's libicui18n) opened on the first iCalendar file written or read:
// the functions of its API that Maillage uses (lazy_library.h; one missing here fails
// the build of the modules, linked with --no-undefined).
#define LIBICAL_ICAL_STATIC_DEFINE  // no visibility("default") on the declarations: the stubs stay hidden
#include "lazy_library.h"

#include <libical/ical.h>

extern "C" {
MAILLAGE_LAZY(icalcomponent*, icalcomponent_new_vcalendar, (void), ())
MAILLAGE_LAZY(icalcomponent*, icalcomponent_new_vevent, (void), ())
MAILLAGE_LAZY(void, icalcomponent_add_component, (icalcomponent * parent, icalcomponent* child), (parent, child))
MAILLAGE_LAZY(void, icalcomponent_add_property, (icalcomponent * component, icalproperty* property),
              (component, property))
MAILLAGE_LAZY(char*, icalcomponent_as_ical_string_r, (icalcomponent * component), (component))
MAILLAGE_LAZY(void, icalcomponent_free, (icalcomponent * component), (component))
MAILLAGE_LAZY(icalcomponent*, icalparser_parse_string, (const char* text), (text))
MAILLAGE_LAZY(icalparameter*, icalparameter_new_tzid, (const char* v), (v))
MAILLAGE_LAZY(void, icalproperty_add_parameter, (icalproperty * property, icalparameter* parameter),
              (property, parameter))
MAILLAGE_LAZY(icalproperty*, icalproperty_new_calscale, (const char* v), (v))
MAILLAGE_LAZY(icalproperty*, icalproperty_new_description, (const char* v), (v))
MAILLAGE_LAZY(icalproperty*, icalproperty_new_dtend, (struct icaltimetype v), (v))
MAILLAGE_LAZY(icalproperty*, icalproperty_new_dtstamp, (struct icaltimetype v), (v))
MAILLAGE_LAZY(icalproperty*, icalproperty_new_dtstart, (struct icaltimetype v), (v))
MAILLAGE_LAZY(icalproperty*, icalproperty_new_location, (const char* v), (v))
MAILLAGE_LAZY(icalproperty*, icalproperty_new_method, (enum icalproperty_method v), (v))
MAILLAGE_LAZY(icalproperty*, icalproperty_new_prodid, (const char* v), (v))
MAILLAGE_LAZY(icalproperty*, icalproperty_new_status, (enum icalproperty_status v), (v))
MAILLAGE_LAZY(icalproperty*, icalproperty_new_summary, (const char* v), (v))
MAILLAGE_LAZY(icalproperty*, icalproperty_new_uid, (const char* v), (v))
MAILLAGE_LAZY(icalproperty*, icalproperty_new_version, (const char* v), (v))
MAILLAGE_LAZY(icalproperty*, icalproperty_new_x, (const char* v), (v))
MAILLAGE_LAZY(void, icalproperty_set_x_name, (icalproperty * property, const char* name), (property, name))
MAILLAGE_LAZY(struct icaltimetype, icaltime_current_time_with_zone, (const icaltimezone* zone), (zone))
MAILLAGE_LAZY(struct icaltimetype, icaltime_from_string, (const char* text), (text))
MAILLAGE_LAZY(struct icaltimetype, icaltime_from_timet_with_zone,
              (const time_t when, const int is_date, const icaltimezone* zone), (when, is_date, zone))
MAILLAGE_LAZY(icaltimezone*, icaltimezone_get_utc_timezone, (void), ())
}
