#pragma once
// Cycles, closure periods, groups and enrolments of the intervision plugin: plain
// records and the repository that reads and writes them. The rules (one worker per
// institution, waiting list...) live in enrolment_rules.h, the calendar in
// session_scheduler.h.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace maillage {
class Database;
}

namespace maillage::intervision {

struct Closure {
    int64_t id = 0;
    std::string start_date, end_date;  // inclusive
    std::string label;
};

struct Cycle {
    int64_t id = 0;
    std::string name;                       // "2024-2025"
    std::optional<int64_t> programme_id;
    std::optional<int64_t> funder_id;       // what the sessions count for
    std::string audience = "workers";       // workers | peer_workers | managers
    std::string start_date, end_date;
    std::vector<std::string> regional_holidays;  // "cocof", "flemish"
    std::string notes;
    std::vector<Closure> closures;
};

struct Group {
    int64_t id = 0;
    int64_t cycle_id = 0;
    std::string name;
    std::string language = "fr";            // fr | nl
    int weekday = 1;                        // ISO 1 = Monday .. 7 = Sunday
    int week_of_month = 1;                  // 1..4, 5 = last
    std::string half_day = "morning";       // morning | afternoon | evening
    std::string start_time = "09:30", end_time = "12:00";
    int capacity = 10;
    std::string venue_mode = "itinerant";   // itinerant | fixed
    std::string fixed_place;
    std::optional<int64_t> fixed_institution_id;
    std::optional<int64_t> facilitator1_id, facilitator2_id;

    std::vector<int64_t> facilitators() const;
};

struct Enrolment {
    int64_t id = 0;
    int64_t group_id = 0;
    int64_t person_id = 0;
    std::optional<int64_t> institution_id, sector_id;
    std::string status = "enrolled";        // enrolled | waiting | left
    std::optional<int> waiting_position;
    std::string enrolled_on, left_on;
    std::string reason;
};

// A group's session: the core session plus the group's notes.
struct GroupSession {
    int64_t session_id = 0;
    int64_t group_id = 0;
    std::string date, start_time, end_time, place, status;
    std::optional<int64_t> host_institution_id;
    bool manual = false;
    std::string host_presentation, vignette_themes;
};

class CycleRepository {
public:
    explicit CycleRepository(Database& db) : db_(db) {}

    // Throws maillage::Error naming the field on a bad date, a duplicate name...
    int64_t create_cycle(const Cycle& cycle);
    void update_cycle(const Cycle& cycle);
    std::vector<Cycle> cycles() const;  // newest first
    std::optional<Cycle> cycle(int64_t id) const;
    // By name; when several programmes share a name, `programme` (code) chooses, and
    // without it the ambiguity is a maillage::Error naming the programmes.
    std::optional<Cycle> find_cycle(const std::string& name, const std::string& programme = {}) const;
    void add_closure(int64_t cycle_id, const Closure& closure);

    int64_t create_group(const Group& group);
    void update_group(const Group& group);
    std::optional<Group> group(int64_t id) const;
    std::vector<Group> groups(int64_t cycle_id) const;  // in order of creation
    std::optional<Group> find_group(int64_t cycle_id, const std::string& name) const;

    std::vector<Enrolment> enrolments(int64_t group_id) const;  // enrolled, then waiting in order, then left
    std::optional<Enrolment> enrolment(int64_t id) const;
    std::optional<Enrolment> active_enrolment(int64_t group_id, int64_t person_id) const;

    std::vector<GroupSession> sessions(int64_t group_id) const;  // by date
    std::optional<GroupSession> session(int64_t session_id) const;
    void set_notes(int64_t session_id, const std::string& host_presentation, const std::string& vignette_themes);

private:
    Database& db_;
};

// Validation shared by the repository and the UI (throw maillage::Error naming the field).
void validate_cycle(const Cycle& cycle);
void validate_group(const Group& group);

// Labels for the UI and the report, translated: "Monday", "morning", "2nd Monday morning, 09:30-12:00".
std::string weekday_label(int iso_weekday);
std::string half_day_label(const std::string& half_day);
std::string slot_label(const Group& group);

// SQL for the plugin's queries: "FROM intervision_session i JOIN session s ON s.id = i.session_id "
// and then `rest` (more joins, WHERE, ORDER BY).
std::string sessions_from(const std::string& rest);

}  // namespace maillage::intervision
