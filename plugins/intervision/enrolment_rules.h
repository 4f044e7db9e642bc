#pragma once
// The rules of putting groups together. Rules that users break on purpose warn (one
// worker per institution per group: a reason is then required and kept); rules that
// protect the data refuse (a facilitator booked twice at the same time).
#include "cycles.h"

#include "core/error.h"
#include "core/people.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace maillage {
class Database;
}

namespace maillage::intervision {

// Thrown by enrol() when a warning needs a reason and none was given; warnings() says why.
class ReasonRequired : public Error {
public:
    explicit ReasonRequired(std::vector<std::string> warnings);
    const std::vector<std::string>& warnings() const { return warnings_; }

private:
    std::vector<std::string> warnings_;
};

struct EnrolResult {
    int64_t enrolment_id = 0;
    std::string status;                  // enrolled | waiting
    std::optional<int> waiting_position;
    std::vector<std::string> warnings;   // accepted with a reason
};

// Something to show next to a group: a warning, or a conflict that must be resolved.
struct GroupIssue {
    enum class Level { Warning, Conflict };
    Level level = Level::Warning;
    std::string message;
    std::optional<int64_t> enrolment_id;  // the participant it concerns, if any
};

class EnrolmentRules {
public:
    explicit EnrolmentRules(Database& db) : db_(db) {}

    // The warnings enrolling `person` in `group` on `date` would raise (empty: none).
    // `at`: the institution (and sector) to count the person for, when not taken from
    // their employment on `date`.
    std::vector<std::string> check_enrolment(int64_t group_id, int64_t person_id, const std::string& date,
                                             const std::optional<Affiliation>& at = std::nullopt) const;

    // Enrols with the institution and sector the person has on `date` (or `at`); on the
    // waiting list (last) when the group is full. Throws ReasonRequired when a warning
    // needs a reason and `reason` is empty, maillage::Error when already enrolled.
    EnrolResult enrol(int64_t group_id, int64_t person_id, const std::string& date, const std::string& reason = {},
                      const std::optional<Affiliation>& at = std::nullopt);

    // The person leaves the group on `date`. When an enrolled participant leaves, the
    // first on the waiting list takes the place (enrolled on that date); returns their
    // enrolment id.
    std::optional<int64_t> leave(int64_t group_id, int64_t person_id, const std::string& date);

    // Leaves `from` and enrols in `to` on the same date (the rules of `to` apply).
    EnrolResult move(int64_t person_id, int64_t from_group_id, int64_t to_group_id, const std::string& date,
                     const std::string& reason = {});

    // Facilitator pair by the sector family each facilitator has at the cycle's start:
    // one social and one mental_health is fine, anything else warns.
    std::vector<std::string> facilitator_pair_warnings(const Group& group) const;
    // Other groups (in cycles that overlap) where one of this group's facilitators is
    // booked at the same time: same weekday and week of the month, overlapping hours.
    std::vector<std::string> facilitator_conflicts(const Group& group) const;

    // Creates or updates a group after the checks: throws maillage::Error on a
    // facilitator conflict; returns the id and the pair warnings.
    int64_t save_group(Group group, std::vector<std::string>* warnings = nullptr);

    // Everything to show in place for a group: pair warnings, second workers of an
    // institution (with their reason), a facilitator conflict, an over-full group.
    std::vector<GroupIssue> group_issues(int64_t group_id) const;

    // Copies a cycle to `name`, dates (and closures) one year later unless given:
    // groups, slots, facilitators; the enrolled participants only when asked (with
    // their affiliation at the new start date).
    int64_t copy_cycle(int64_t cycle_id, const std::string& name, bool with_participants,
                       const std::string& start_date = {}, const std::string& end_date = {});

private:
    Affiliation affiliation(int64_t person_id, const std::string& date, const std::optional<Affiliation>& at) const;
    Database& db_;
};

// "YYYY-MM-DD" plus n years (29 February becomes 28).
std::string add_years(const std::string& iso_date, int years);

}  // namespace maillage::intervision
