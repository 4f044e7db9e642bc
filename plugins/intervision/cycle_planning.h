#pragma once
// What the window does with a whole cycle beyond the repository and the scheduler: the
// sessions of every group generated at once after a preview (what will be created,
// what replaced, why a date moved), and the officer's changes to one session, a group
// or the waiting list. Each change is one transaction; the window names it for undo.
#include "cycles.h"  // the records planned, and maillage::Database

#include <cstdint>
#include <string>
#include <vector>

namespace maillage::intervision {

struct PlannedSession {
    int64_t group_id = 0;
    std::string group, date, start_time, end_time, host;
    std::string note;  // "instead of 11/11: public holiday: Armistice Day"
};

struct ReplacedSession {
    int64_t session_id = 0;
    std::string group, date;
};

struct CyclePlan {
    std::vector<PlannedSession> sessions;   // what generating creates, group by group, by date
    std::vector<ReplacedSession> replaced;  // planned sessions removed and planned again
    int kept = 0;                           // held, cancelled, hand-set or attended sessions, kept
    std::vector<std::string> notes;         // months without a session, and why
};

// What generate_cycle_sessions() would do now (computed in a transaction rolled back,
// so the hosts are the ones generation will choose).
CyclePlan preview_cycle_sessions(Database& db, int64_t cycle_id);
// Generates the sessions of every group of the cycle (SessionScheduler::generate with
// replace), in one transaction. Returns how many sessions were created.
int generate_cycle_sessions(Database& db, int64_t cycle_id);

// The date a group's slot gives in a month ("YYYY-MM"), before holidays and closures.
std::string nominal_date(const Group& group, const std::string& year_month);

// One session's changes.
void set_session_place(Database& db, int64_t session_id, const std::string& place);
// Cancelled with the reason kept (shown in the list); put_back makes it planned again.
void cancel_session(Database& db, int64_t session_id, const std::string& reason);
void put_back_session(Database& db, int64_t session_id);
std::string cancel_reason(Database& db, int64_t session_id);
// Held: refused for a session dated after `today`.
void mark_session_held(Database& db, int64_t session_id, const std::string& today);
// Removes the session and its attendance.
void delete_session(Database& db, int64_t session_id);
int attendance_count(Database& db, int64_t session_id);

// A group with neither participant (ever) nor session can be removed; else refused.
void remove_group(Database& db, int64_t group_id);
// Moves someone from the waiting list into the group by hand, on `date` (even when it
// is full: the group then shows the over-full warning).
void promote_from_waiting_list(Database& db, int64_t enrolment_id, const std::string& date);

// The cycle's closure periods, replaced by these.
void replace_closures(Database& db, int64_t cycle_id, const std::vector<Closure>& closures);
// A closed cycle takes no more enrolments nor generated sessions in the window; "" when open.
std::string cycle_closed_on(Database& db, int64_t cycle_id);
void close_cycle(Database& db, int64_t cycle_id, const std::string& date);
void reopen_cycle(Database& db, int64_t cycle_id);

}  // namespace maillage::intervision
