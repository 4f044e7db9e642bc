#pragma once
// Registrations to trainings (seats, waiting list promoted in order, cancellations with
// a reason), attendance per training day (core attendance) and expectations.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace maillage {
class Database;
}

namespace maillage::catalogue {

struct Registration {
    int64_t id = 0, training_id = 0, person_id = 0;
    std::optional<int64_t> institution_id, sector_id;
    std::string status;  // registered | waiting | cancelled
    std::string reason;
    std::optional<int> waiting_position;
    std::string registered_at, source;
};

struct Expectation {
    int64_t id = 0, training_id = 0, person_id = 0;
    std::string text;
    std::string met;  // "", yes, partly, no
};

class RegistrationService {
public:
    explicit RegistrationService(Database& db) : db_(db) {}

    // Registers the person: "registered" while seats remain (0 seats = no limit), else
    // "waiting" at the end of the list. The institution defaults to the person's
    // employment today; the sector to the institution's primary one. Registered people
    // get an attendance row "registered" on each training day. Registering again a
    // cancelled person reopens the registration; an active one is returned unchanged.
    Registration register_person(int64_t training_id, int64_t person_id,
                                 std::optional<int64_t> institution_id = std::nullopt,
                                 const std::string& source = "manual");
    // Cancels (reason required); a freed seat goes to the first on the waiting list,
    // whose id is returned.
    std::optional<int64_t> cancel(int64_t training_id, int64_t person_id, const std::string& reason);
    std::vector<Registration> list(int64_t training_id) const;  // registered, then waiting in order, then cancelled
    std::optional<Registration> find(int64_t training_id, int64_t person_id) const;
    int seats_taken(int64_t training_id) const;

    // Sets a participant's attendance on one training day (registered|present|excused|absent).
    void set_attendance(int64_t session_id, int64_t person_id, const std::string& status, const std::string& reason = {});
    // Hours the person attended (present) in the training's non-cancelled days.
    double hours_attended(int64_t training_id, int64_t person_id) const;

    int64_t add_expectation(int64_t training_id, int64_t person_id, const std::string& text);
    void set_expectation_met(int64_t expectation_id, const std::string& met);  // yes | partly | no
    std::vector<Expectation> expectations(int64_t training_id) const;

private:
    void renumber_waiting(int64_t training_id);
    void add_attendance_rows(int64_t training_id, const Registration& r);
    Database& db_;
};

// The expectation a person recorded in a training; when they recorded several, the one
// whose text starts with `text` (case ignored). Throws maillage::Error listing theirs
// (number — text) when none or several fit.
Expectation find_expectation(Database& db, int64_t training_id, int64_t person_id, const std::string& text = {});

}  // namespace maillage::catalogue
