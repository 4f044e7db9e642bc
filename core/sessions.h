#pragma once
// Sessions (dated meetings of any kind) and attendance. Recording someone's attendance
// stores the institution and sector they had on the session's date, so figures stay
// right after people change jobs or are erased.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace maillage {

class Database;

struct Session {
    int64_t id = 0;
    std::string kind;    // owner: "intervision", "exchange", "pat", "training", ...
    std::string title;
    std::string date;    // YYYY-MM-DD
    std::string start_time, end_time;  // HH:MM
    std::string place;
    std::optional<int64_t> host_institution_id;
    std::string language;
    std::optional<int64_t> programme_id, funder_id;
    std::string status = "planned";  // planned | held | cancelled
    std::string notes;

    // Length in hours from the times (0 when a time is missing).
    double hours() const;
};

struct Attendance {
    int64_t id = 0;
    int64_t session_id = 0;
    int64_t person_id = 0;
    std::string status = "registered";  // registered | present | excused | absent
    std::string role = "participant";   // participant | facilitator | speaker | trainer | staff | organiser
    std::string reason;
    std::optional<int64_t> institution_id, sector_id;  // at the session's date
};

class SessionRepository {
public:
    explicit SessionRepository(Database& db) : db_(db) {}

    std::optional<Session> get(int64_t id) const;
    // Sessions of a kind (all kinds when empty) between two ISO dates, inclusive.
    std::vector<Session> between(const std::string& kind, const std::string& from, const std::string& to) const;

    // Throws maillage::Error naming the field on a bad date, time or status.
    int64_t create(const Session& session);
    void update(const Session& session);
    void remove(int64_t id);  // and its attendance

    // Records (or updates) one person's attendance. When the institution/sector are not
    // given, they are taken from the person's employment on the session's date.
    int64_t record(const Attendance& attendance);
    void remove_attendance(int64_t session_id, int64_t person_id);
    std::vector<Attendance> attendance(int64_t session_id) const;

private:
    Database& db_;
};

// Checks a session's date, times and status (throws maillage::Error naming the field).
void validate_session(const Session& session);
bool is_iso_date(const std::string& text);
bool is_time(const std::string& text);

}  // namespace maillage
