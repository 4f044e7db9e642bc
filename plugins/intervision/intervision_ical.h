#pragma once
// iCalendar (RFC 5545) export of intervision sessions, written with libical. Each
// session has the UID "session-<id>@maillage", so re-importing an export updates the
// events instead of duplicating them; cancelled sessions are exported as CANCELLED.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace maillage {
class Database;
}

namespace maillage::intervision {

std::string session_uid(int64_t session_id);

// Which sessions to export.
std::vector<int64_t> group_session_ids(Database& db, int64_t group_id);
std::vector<int64_t> cycle_session_ids(Database& db, int64_t cycle_id);
// The sessions of every group a person facilitates (in one cycle, or all).
std::vector<int64_t> facilitator_session_ids(Database& db, int64_t person_id,
                                             std::optional<int64_t> cycle_id = std::nullopt);

// A VCALENDAR with one VEVENT per session (times in Europe/Brussels).
std::string sessions_to_ical(Database& db, const std::vector<int64_t>& session_ids, const std::string& calendar_name);

}  // namespace maillage::intervision
