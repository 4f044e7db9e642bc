#pragma once
// Events (exchange tables, study days, debates, working groups...), their days, partners,
// steering committee, tables and publications. Plain repository over the plugin's tables.
#include "core/sessions.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace maillage {
class Database;
}

namespace maillage::exchange {

struct EventType {
    int64_t id = 0;
    std::string code;  // exchange_table, study_day, debate, working_group, other (data)
    std::string label_fr, label_nl, label_en;
    bool counts_as_group = false;  // figure = meetings and services
    const std::string& label(const std::string& language) const;
};

struct Event {
    int64_t id = 0;
    int64_t type_id = 0;
    std::string title, theme, venue;
    std::optional<int64_t> capacity;  // seats for participants; none = unlimited
    std::string languages;            // "fr,nl"
    std::string role = "organiser";   // organiser | co_organiser | facilitator | participant
    std::optional<int64_t> programme_id, funder_id;
    std::string objectives, programme_text, notes;
};

struct Table {
    int64_t id = 0;
    int64_t event_id = 0;
    int position = 0;
    std::string title, question;
    std::vector<int64_t> facilitator_ids;
};

struct CommitteeMember {
    int64_t id = 0;
    int64_t institution_id = 0;
    std::optional<int64_t> person_id;
};

struct Publication {
    int64_t id = 0;
    std::string title, collection, number, languages;
    std::optional<int64_t> copies;
    std::string date, link, notes;
};

// Validates the role code (throws maillage::Error naming it).
void validate_event_role(const std::string& role);

class EventRepository {
public:
    explicit EventRepository(Database& db) : db_(db) {}

    std::vector<EventType> types() const;
    // By code or by label in any language, ignoring case.
    std::optional<EventType> find_type(const std::string& code_or_label) const;
    std::optional<EventType> type(int64_t id) const;

    // Throws maillage::Error on an empty title, unknown type or role.
    int64_t create(const Event& event);
    void update(const Event& event);
    std::optional<Event> get(int64_t id) const;
    // Events with a day between the ISO dates (inclusive), by first day; events without
    // any day are listed too when `include_undated`.
    std::vector<Event> list(const std::string& from = "0000-01-01", const std::string& to = "9999-12-31",
                            bool include_undated = true) const;

    // A day or meeting of the event: a core session of kind "exchange", carrying the
    // event's programme and funder unless the session names its own.
    int64_t add_day(int64_t event_id, Session day);
    std::vector<Session> days(int64_t event_id) const;  // by date, time
    std::string first_date(int64_t event_id) const;     // "" without days
    double hours(int64_t event_id) const;               // sum over days held or planned

    void add_partner(int64_t event_id, int64_t institution_id);
    std::vector<int64_t> partners(int64_t event_id) const;
    // Services taking part in a working group.
    void add_group_service(int64_t event_id, int64_t institution_id);
    std::vector<int64_t> group_services(int64_t event_id) const;

    // Steering committee.
    int64_t add_committee_member(int64_t event_id, int64_t institution_id, std::optional<int64_t> person_id);
    std::vector<CommitteeMember> committee(int64_t event_id) const;
    int64_t add_committee_meeting(int64_t event_id, Session meeting);  // kind "exchange_committee"
    std::vector<Session> committee_meetings(int64_t event_id) const;
    int64_t add_decision(int64_t meeting_session_id, const std::string& text);
    std::vector<std::string> decisions(int64_t meeting_session_id) const;

    // Tables, numbered 1, 2, ... in the order they are added.
    int64_t add_table(int64_t event_id, const std::string& title, const std::string& question);
    std::vector<Table> tables(int64_t event_id) const;
    std::optional<Table> table(int64_t table_id) const;
    // Adds a facilitator to a table; the person is also registered for the event as a
    // facilitator (or their registration's role becomes facilitator), so they count.
    void add_table_facilitator(int64_t table_id, int64_t person_id);

    // Publications.
    int64_t add_publication(const Publication& publication);
    void link_publication(int64_t publication_id, int64_t event_id, std::optional<int64_t> table_id = {});
    // Dated in [from, to] (undated ones when both are empty).
    std::vector<Publication> publications(const std::string& from = "", const std::string& to = "") const;
    std::vector<int64_t> publication_events(int64_t publication_id) const;

    // ---- Editing in the window (each call is one change when inside Database::write) ----
    // Replaces the partners with these institutions.
    void set_partners(int64_t event_id, const std::vector<int64_t>& institution_ids);
    void remove_group_service(int64_t event_id, int64_t institution_id);
    void remove_committee_member(int64_t member_id);
    // Removes a day or a committee meeting (its attendance and decisions go with it).
    void remove_session(int64_t session_id);
    // Title and question of a table.
    void update_table(int64_t table_id, const std::string& title, const std::string& question);
    // Removes a table: the people seated there, or who chose it, lose that seat or choice.
    void remove_table(int64_t table_id);
    void remove_table_facilitator(int64_t table_id, int64_t person_id);
    // Marks every day of the event cancelled (its registrations are kept).
    void cancel(int64_t event_id);
    // Deletes the event with its days, committee, tables, registrations and evaluations.
    void remove(int64_t event_id);
    // What goes with an event when it is deleted, for the confirmation ("3 days, 30
    // registrations...", translated); "" when nothing.
    std::string dependents(int64_t event_id) const;
    // Copies the partners, committee members, tables (with their facilitators) and group
    // services of `from` into `to`: a new edition starts from the last one.
    void copy_structure(int64_t from, int64_t to);
    // A publication's fields (its links are kept).
    void update_publication(const Publication& publication);
    void unlink_publication(int64_t publication_id, int64_t event_id);

private:
    int64_t save(const Event& event, bool creating);
    int64_t save_publication(const Publication& publication, bool creating);
    // A day or committee meeting of kind `kind`, linked to the event in `link_table`.
    int64_t add_session(int64_t event_id, Session session, const char* kind, const char* link_table);
    Database& db_;
};

// An event as users name it: its number ("12" or "#12"); a day of the event and its
// title, "2026-11-16 Logement d'abord", "2026-11-16/Logement d'abord" or "16/11/2026
// Logement d'abord"; or a title only
// one event has. Titles ignore case and accents. Throws maillage::Error listing the
// candidates (date — title — number) when several match, the closest titles when none.
Event find_event(Database& db, const std::string& text);

// A table of the event by its number or its title (case and accents ignored). Throws maillage::Error listing
// the event's tables otherwise.
Table find_table(Database& db, int64_t event_id, const std::string& text);

}  // namespace maillage::exchange
