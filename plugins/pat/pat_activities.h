#pragma once
// PAT's work around the accompaniments: stand-alone trainings, advocacy actions, the
// map of peer-support workplaces, and the share of the team's time spent accompanying.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace maillage {
class Database;
}

namespace maillage::pat {

struct Training {
    int64_t id = 0;
    std::string title, audience;
    std::optional<int64_t> institution_id;
    std::string date;
    int duration_minutes = 0;
    int participants = 0;
    std::optional<int64_t> funder_id;
    std::string notes;
};

struct Advocacy {
    int64_t id = 0;
    std::string kind;  // talk | interview | podcast | meeting
    std::string date, title, audience;
    std::optional<int> audience_size;
    std::string link;
    std::optional<int64_t> funder_id;
    std::string notes;
};

struct Workplace {
    int64_t id = 0;
    int64_t institution_id = 0;
    std::string since;  // ISO date (or YYYY-01-01 when only the year is known)
    std::optional<int64_t> sector_id;  // when empty, the institution's primary sector
    int peer_workers = 1;
    std::string notes;
    std::string ended_on;  // ISO date when peer workers stopped working there; "" = current
    // Read only, from the institution.
    std::string institution_name, region, municipality, sector_label;
};

class ActivityRepository {
public:
    explicit ActivityRepository(Database& db) : db_(db) {}

    int64_t add_training(const Training& t);  // throws maillage::Error naming the field
    void update_training(const Training& t);
    void remove_training(int64_t id);
    std::vector<Training> trainings(const std::string& from, const std::string& to) const;

    int64_t add_advocacy(const Advocacy& a);
    void update_advocacy(const Advocacy& a);
    void remove_advocacy(int64_t id);
    std::vector<Advocacy> advocacy(const std::string& from, const std::string& to) const;

    // One workplace per institution: adding again updates it (and makes it current).
    int64_t set_workplace(const Workplace& w);
    // Peer workers stopped working there on `date`: the workplace leaves the map.
    void end_workplace(int64_t id, const std::string& date);
    void remove_workplace(int64_t id);
    // The current workplaces (with the ended ones too when asked).
    std::vector<Workplace> workplaces(const std::string& language = "fr", bool include_ended = false) const;

private:
    Database& db_;
};

// Time the team spent on accompaniment sessions over [from, to]: each held session
// counts its duration plus its preparation for every staff member who ran it.
struct StaffTime {
    struct Person {
        int64_t person_id = 0;
        std::string name;
        int sessions = 0;
        int minutes = 0;  // duration + preparation
        std::string share;  // of that person's working time, "12.50"
    };
    std::vector<Person> people;  // most time first
    int total_minutes = 0;
    double available_minutes = 0;  // team members x weeks x weekly hours
    std::string share;             // total over available, "12.50"
};

// The date of the first held accompaniment session ("" when none): where "since the
// start" begins.
std::string first_session_date(Database& db);

// `weekly_hours` is a full-time week (38 h in Belgium); the team is the people who ran
// at least one session in the period, or `team` when given.
StaffTime staff_time(Database& db, const std::string& from, const std::string& to, double weekly_hours = 38,
                     const std::vector<int64_t>& team = {});

}  // namespace maillage::pat
