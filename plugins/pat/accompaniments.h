#pragma once
// Accompaniments: an institution's request to hire a peer worker, its analysis and
// decision, the guide's steps, the sessions, the hires and the follow-up.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace maillage {
class Database;
struct Response;
}

namespace maillage::pat {

struct Step {
    int64_t id = 0;
    std::string code;
    int position = 0;
    std::string label_fr, label_nl, label_en;
    std::string retired_at;  // "" while in use
    const std::string& label(const std::string& language) const;
};

struct SessionType {
    int64_t id = 0;
    std::string code;
    int position = 0;
    std::string label_fr, label_nl, label_en, plural_fr, plural_nl, plural_en;
    std::string retired_at;  // "" while in use
    const std::string& label(const std::string& language) const;
    const std::string& plural(const std::string& language) const;
};

struct Accompaniment {
    int64_t id = 0;
    int64_t institution_id = 0;
    std::string institution_name;  // read only
    std::optional<int64_t> contact_person_id;
    std::string contact_name, heard_from;
    std::string region;  // from the institution when left empty
    std::optional<int64_t> funder_id;
    std::string funder_code;  // read only
    std::string phase = "request";
    std::string request_date, analysis_date, accompaniment_date, hired_date, follow_up_date, closed_date;
    std::string decision, decision_date, decision_reason;
    std::optional<int64_t> intake_response_id;
    std::optional<int> planned_sessions;
    std::string closing_reason, notes;
};

struct StepState {
    int64_t step_id = 0;
    std::string code;
    int position = 0;
    std::string label;  // in the language asked for
    std::string state = "not_started";
    std::string started_on, finished_on, notes;
};

struct PatSession {
    int64_t session_id = 0;
    int64_t accompaniment_id = 0;
    std::string type;  // session type code
    std::string date;
    std::string status = "held";  // planned | held | cancelled (the core session's)
    int duration_minutes = 0;
    int preparation_minutes = 0;
    std::string phase;  // accompaniment | follow_up; empty = from the accompaniment's phase
    std::vector<int64_t> staff;      // attendance role "staff"
    std::vector<int64_t> attendees;  // the institution's people, role "participant"
    std::string title, notes;
    std::string staff_warning;  // read only: the two-staff rule's warning, if any
};

struct Hire {
    int64_t id = 0;
    int64_t accompaniment_id = 0;
    std::string status = "effective";  // announced | effective
    std::string announced_date, hire_date;
    std::string job_title;
    std::optional<double> working_time_percent;
    std::string contract_type;
    std::optional<int64_t> person_id;
    std::string notes;
};

struct Document {
    int64_t id = 0;
    int64_t accompaniment_id = 0;
    std::string title, link;
};

// Sessions held against planned: what a board card shows.
struct SessionCount {
    int planned = 0;    // the accompaniment's planned number (0 when not set)
    int held = 0;       // held sessions of the accompaniment phase
    int follow_up = 0;  // held sessions of the follow-up phase
};

class AccompanimentRepository {
public:
    explicit AccompanimentRepository(Database& db) : db_(db) {}

    std::vector<Step> steps(bool include_retired = false) const;  // by position
    std::vector<SessionType> session_types(bool include_retired = false) const;
    std::optional<SessionType> session_type(const std::string& code) const;

    // A new request (phase "request"). Throws maillage::Error naming the field.
    int64_t create_request(const Accompaniment& a);
    std::optional<Accompaniment> get(int64_t id) const;
    // All accompaniments, by phase then request date; a funder code restricts.
    std::vector<Accompaniment> list(const std::string& funder_code = {}) const;
    void update(const Accompaniment& a);  // institution, date, contact, heard_from, funder, planned, notes, region
    // What deleting it takes along: sessions, hires, documents, intake answers.
    struct Contents {
        int sessions = 0, hires = 0, documents = 0, intake_responses = 0;
    };
    Contents contents(int64_t id) const;
    // Deletes a request recorded by mistake with everything of it (its core sessions and
    // their attendance, the intake answers). One change: Edit > Undo brings it back.
    void remove(int64_t id);

    // The decision after the analysis; a declined request needs a reason.
    void decide(int64_t id, const std::string& decision, const std::string& reason, const std::string& date);
    // Changes the phase on `date` if PhaseRules allows it (else throws maillage::Error
    // with the reason); closing needs a reason (kept as the closing reason).
    void set_phase(int64_t id, const std::string& phase, const std::string& date, const std::string& note = {});

    // Reopens a closed accompaniment in the phase it was closed from, on `date`; the
    // reason is kept in the phase history.
    void reopen(int64_t id, const std::string& reason, const std::string& date);
    // The phase changes, oldest first: (from, to, date, note).
    struct PhaseChange {
        std::string from, to, date, note;
    };
    std::vector<PhaseChange> phase_history(int64_t id) const;

    std::vector<StepState> step_states(int64_t id, const std::string& language = "fr") const;
    // `step` is a code or a position ("3"). Returns the stored change.
    StepState set_step(int64_t id, const std::string& step, const std::string& state, const std::string& date,
                       const std::string& notes = {});

    // Creates the core session (kind "pat") and its PAT details and attendance. Returns
    // the session id; the two-staff warning, if any, is stored and put in `warning`.
    int64_t add_session(const PatSession& s, std::string* warning = nullptr);
    // Changes a session's type, date, times, staff, attendees and notes; its phase
    // follows the new date. The two-staff warning is stored again.
    void update_session(const PatSession& s, std::string* warning = nullptr);
    // Deletes the session with its attendance (undoable).
    void remove_session(int64_t session_id);
    std::vector<PatSession> sessions(int64_t accompaniment_id) const;
    // The phase a session dated `date` counts for: follow-up after the hire, else
    // accompaniment.
    std::string session_phase(const Accompaniment& a, const std::string& date) const;
    SessionCount session_count(int64_t accompaniment_id) const;

    // The people working at the institution on `date` (ISO), by name: who may attend
    // its sessions.
    std::vector<int64_t> people_at(int64_t institution_id, const std::string& date) const;

    int64_t add_hire(const Hire& h);
    void update_hire(const Hire& h);
    void remove_hire(int64_t hire_id);
    std::vector<Hire> hires(int64_t accompaniment_id) const;

    int64_t add_document(const Document& d);
    void remove_document(int64_t document_id);
    std::vector<Document> documents(int64_t accompaniment_id) const;

    // The first step not done or skipped (what a card shows as "step reached"), or
    // nullopt when every step is done.
    std::optional<StepState> step_reached(int64_t id, const std::string& language) const;

    // The request analysis: stores the filled-in intake questionnaire (core template
    // "pat_intake", or another one of purpose "intake") about this accompaniment and
    // links it. `answers` are by question position. Returns the response id.
    int64_t record_intake(int64_t id, const std::map<int, std::string>& answers,
                          const std::string& questionnaire_code = "pat_intake");

    // The intake as filled in the window's questionnaire form: stores `response` (its
    // subject set to this accompaniment), links it, and moves a request to the
    // analysis on `date` — the interview is the analysis. Filled in again, the new
    // answers replace the previous ones. One change. Returns its id.
    int64_t record_intake(int64_t id, Response response, const std::string& date);

    // The guide's steps and the session types are data: add, relabel, retire.
    // `code` is stable; a retired entry keeps its meaning in old accompaniments.
    void define_step(const std::string& code, const std::string& fr, const std::string& nl, const std::string& en);
    void retire_step(const std::string& code);
    void define_session_type(const std::string& code, const std::string& fr, const std::string& nl,
                             const std::string& en, const std::string& fr_plural, const std::string& nl_plural,
                             const std::string& en_plural);
    void retire_session_type(const std::string& code);

private:
    Database& db_;
};

// Finds a funder id by code (throws maillage::Error when unknown).
int64_t funder_id_by_code(Database& db, const std::string& code);

}  // namespace maillage::pat
