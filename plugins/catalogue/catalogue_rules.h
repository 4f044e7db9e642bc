#pragma once
// The catalogue's rules: a training's duration composed from its modules, and the
// checks on a training day's trainers (a pair, qualified, available, not booked twice).
// Problems are flags to show, not refusals: the coordinator decides.
#include <cstdint>
#include <string>
#include <vector>

namespace maillage {
class Database;
}

namespace maillage::catalogue {

// The total of a set of modules and how many training days it makes.
struct DurationSummary {
    int minutes = 0;
    int day_minutes = 360;   // a training day's teaching time (6 h by default)
    int full_days = 0;       // whole days needed
    int remaining_minutes = 0;  // after the full days
    double hours() const { return minutes / 60.0; }
    int days_needed() const { return full_days + (remaining_minutes > 0 ? 1 : 0); }
};

// Sums the module durations (throws maillage::Error on a negative one).
DurationSummary compose_duration(const std::vector<int>& module_minutes, int day_minutes = 360);
// The same from module codes, with their current sheets (throws on an unknown code).
DurationSummary compose_modules(Database& db, const std::vector<std::string>& module_codes, int day_minutes = 360);

struct DayFlag {
    enum class Kind { PairSize, NotQualified, DoubleBooked, Unavailable };
    Kind kind;
    int64_t session_id = 0;
    int64_t person_id = 0;      // the trainer concerned (0 for PairSize)
    int64_t other_session_id = 0;  // DoubleBooked: the overlapping session
    std::string module_code;    // NotQualified
    std::string message;        // translated sentence
};

// Checks one training day (a session linked to a catalogue training).
std::vector<DayFlag> check_day(Database& db, int64_t session_id);
// A day as the user is choosing it (not saved yet, or being changed): the same checks.
struct DayPlan {
    int64_t training_id = 0;
    int64_t session_id = 0;  // the day being changed, 0 for a new one (left out of double booking)
    std::string date, start_time, end_time;
    std::vector<int64_t> trainer_ids;
};
std::vector<DayFlag> check_day_plan(Database& db, const DayPlan& plan);
// Every day of a training.
std::vector<DayFlag> check_training(Database& db, int64_t training_id);

// True when two same-day time ranges overlap (a missing time counts as the whole day).
bool times_overlap(const std::string& start_a, const std::string& end_a, const std::string& start_b,
                   const std::string& end_b);

}  // namespace maillage::catalogue
