#pragma once
// Registrations for an event: the status machine, the waiting list, check-in and
// walk-ins.
//
// Allowed transitions (anything else is refused with a message naming both statuses):
//   registered -> cancelled (reason required), attended, no_show
//   waiting    -> registered (promotion, or by hand when a seat is free), cancelled
//   cancelled  -> registered (re-registration; goes to the waiting list when full)
//   attended   -> registered (check-in undone), no_show (correction)
//   no_show    -> attended (correction), registered
// Seats (the event's capacity) are taken by participants who are registered or
// attended; facilitators, speakers and organisers do not take seats. When a seat frees
// (a cancellation, a larger capacity) the waiting list is promoted in order; a no-show
// does not promote anyone (it is known on the day, too late to call the next one).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace maillage {
class Database;
}

namespace maillage::exchange {

struct Registration {
    int64_t id = 0;
    int64_t event_id = 0;
    int64_t person_id = 0;
    std::optional<int64_t> institution_id;
    std::string institution_text;  // as typed when no institution record applies
    std::optional<int64_t> sector_id;
    std::string status = "registered";  // registered | waiting | cancelled | attended | no_show
    std::string cancel_reason;
    std::optional<int64_t> waiting_position;
    std::string role = "participant";  // participant | facilitator | speaker | organiser
    std::optional<int64_t> table_choice_id, table_id;
    std::string source = "manual";  // manual | import | walk_in
    std::string checked_in_at;
    // Filled by the queries, for display.
    std::string person_name, email, institution_name;
};

// What a new registration says; institution and sector default to the person's
// employment on the event's first day.
struct RegistrationRequest {
    int64_t event_id = 0;
    int64_t person_id = 0;
    std::string role = "participant";
    std::optional<int64_t> institution_id;
    std::string institution_text;
    std::optional<int64_t> sector_id;
    std::optional<int64_t> table_choice_id;
    std::string source = "manual";
};

struct WalkIn {
    std::string first_name, last_name, email;
    std::optional<int64_t> institution_id;
    std::string institution_text;
    std::optional<int64_t> sector_id;
    std::string role = "participant";
};

const std::vector<std::string>& registration_statuses();
const std::vector<std::string>& registration_roles();
// Whether the status machine allows from -> to.
bool transition_allowed(const std::string& from, const std::string& to);
// The translated name of a status or role, for messages and lists.
std::string status_label(const std::string& status);
std::string role_label(const std::string& role);

class RegistrationService {
public:
    explicit RegistrationService(Database& db) : db_(db) {}

    // Registers a person; a participant goes to the end of the waiting list when the
    // event is full. Throws maillage::Error when already registered, or on a bad role.
    Registration register_person(const RegistrationRequest& request);

    // Applies a transition (throws maillage::Error when not allowed, or when cancelling
    // without a reason). Cancelling frees a seat: the waiting list is promoted. Returns
    // the ids of registrations promoted as a consequence.
    std::vector<int64_t> set_status(int64_t registration_id, const std::string& status,
                                    const std::string& reason = "");

    // Promotes waiting registrations, in order, while seats are free; never for a past
    // event (its list is a record of what happened: see is_past()).
    std::vector<int64_t> promote_waiting(int64_t event_id);
    // True when the event's last day is before today (an event without days is not past).
    bool is_past(int64_t event_id) const;

    // Changes a registration's role (participant, facilitator...), then promotes the
    // waiting list if a seat was freed.
    void set_role(int64_t registration_id, const std::string& role);

    std::optional<Registration> get(int64_t id) const;
    std::optional<Registration> find(int64_t event_id, int64_t person_id) const;
    // All registrations of an event, by last name then first name.
    std::vector<Registration> list(int64_t event_id) const;
    // Seats taken (participants registered or attended, and no-shows once the event is
    // past) and free (nullopt: unlimited).
    int64_t seats_taken(int64_t event_id) const;
    std::optional<int64_t> seats_free(int64_t event_id) const;

    // Check-in: registrations (not cancelled) whose name, email or institution contains
    // every word of `text` (accents and case ignored), by name. Indexed on a stored key.
    std::vector<Registration> search(int64_t event_id, const std::string& text, int limit = 20) const;
    // Marks attended now (from registered, waiting or no_show).
    void check_in(int64_t registration_id);
    // A person who comes without registration: creates the person and a registration
    // marked attended (seats are not checked: they are in the room).
    Registration walk_in(int64_t event_id, const WalkIn& walk_in);

    // Recomputes the search key of every registration of a person (after a rename).
    void refresh_search_keys(int64_t person_id);

private:
    void check_transition(const Registration& r, const std::string& to, const std::string& reason) const;
    std::string search_key(int64_t person_id, const std::optional<int64_t>& institution_id,
                           const std::string& institution_text) const;
    Database& db_;
};

// A registration as users name it: its number, or the registered person (email or full
// name) within `event_id`. A number outside `event_id` (when given) is refused.
Registration find_registration(Database& db, std::optional<int64_t> event_id, const std::string& text);

}  // namespace maillage::exchange
