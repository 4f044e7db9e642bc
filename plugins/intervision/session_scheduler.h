#pragma once
// The calendar of the groups: monthly sessions on the group's weekday and week of the
// month, none in July and August, none on Belgian public holidays or in the cycle's
// closure periods; host rotation for itinerant groups; conflicts.
#include "cycles.h"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace maillage {
class Database;
}

namespace maillage::intervision {

// Easter Sunday of a Gregorian year (anonymous Gregorian computus), ISO date.
std::string easter_sunday(int year);
// Belgian public holidays of a year, date -> name (translated): the ten national ones,
// plus "cocof" (27 September) and/or "flemish" (11 July) when asked.
std::map<std::string, std::string> belgian_holidays(int year, const std::vector<std::string>& regional = {});

// The ISO weekday (1 = Monday) of an ISO date, and the date n days later.
int iso_weekday(const std::string& iso_date);
std::string add_days(const std::string& iso_date, int days);

// Why no session can take place on a date for this cycle ("" when it can): July or
// August, a public holiday, a closure period, outside the cycle.
std::string blocked_reason(const Cycle& cycle, const std::string& iso_date);

// The dates of a group's monthly sessions over the cycle: the group's week of the month
// and weekday; when that day is blocked, the next same weekday of that month, else
// none that month.
std::vector<std::string> monthly_dates(const Cycle& cycle, const Group& group);

struct ScheduleConflict {
    int64_t session_id = 0;
    std::string message;
};

class SessionScheduler {
public:
    explicit SessionScheduler(Database& db) : db_(db) {}

    // Creates the group's sessions (core sessions of kind "intervision") and assigns the
    // hosts of an itinerant group. A group that already has sessions is refused unless
    // `replace`: then planned sessions without attendance that were not set by hand are
    // removed first, and months that still hold a session are skipped. Returns the new ids.
    std::vector<int64_t> generate(int64_t group_id, bool replace = false);

    // The officer's changes; a moved or added session is kept by a later generate.
    int64_t add_session(int64_t group_id, const std::string& date, const std::string& start_time = {},
                        const std::string& end_time = {});
    void move_session(int64_t session_id, const std::string& date, const std::string& start_time = {},
                      const std::string& end_time = {});
    void cancel_session(int64_t session_id);
    void set_status(int64_t session_id, const std::string& status);

    // Itinerant groups: each session not yet hosted (not cancelled) gets a host among the
    // institutions of the enrolled participants, the least used first (each hosts once
    // before any hosts twice), in order of enrolment; the session's place becomes the
    // host's address. Returns how many sessions got a host.
    int assign_hosts(int64_t group_id);
    void set_host(int64_t session_id, std::optional<int64_t> institution_id);
    void swap_hosts(int64_t session_a, int64_t session_b);

    // Problems with a cycle's calendar: a session on a blocked day, two sessions of one
    // group the same month, a facilitator expected in two places at once.
    std::vector<ScheduleConflict> conflicts(int64_t cycle_id) const;

private:
    Database& db_;
};

// "Name, address, postcode municipality" of an institution, for a session's place.
std::string institution_place(Database& db, int64_t institution_id);

}  // namespace maillage::intervision
