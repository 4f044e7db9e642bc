#include "accompaniments.h"

#include "pat_rules.h"

#include "core/validate.h"
#include "core/audit.h"
#include "core/database.h"
#include "core/error.h"
#include "core/single_line.h"
#include "core/i18n.h"
#include "core/record_map.h"
#include "core/record_table.h"
#include "core/row_query.h"
#include "core/institutions.h"
#include "core/people.h"
#include "core/programmes.h"
#include "core/questionnaires.h"
#include "core/sessions.h"
#include "core/sql_util.h"

#include <algorithm>

namespace maillage::pat {
namespace {

const std::string& pick(const std::string& language, const std::string& fr, const std::string& nl,
                        const std::string& en) {
    if (language == "nl") return nl;
    if (language == "en") return en;
    return fr;
}

void check_date(const std::string& field, const std::string& date, bool required) {
    if (date.empty() && !required) return;
    if (!is_iso_date(date))
        throw Error(trf("{field}: \"{value}\" is not a date (YYYY-MM-DD).", fmt::arg("field", field),
                        fmt::arg("value", date)));
}

using A = Accompaniment;
const RowMap kAccompanimentRow{
    column("a.id", &A::id), column("a.institution_id", &A::institution_id),
    column("i.name AS institution_name", &A::institution_name), column("a.contact_person_id", &A::contact_person_id),
    column("a.contact_name", &A::contact_name), column("a.heard_from", &A::heard_from), column("a.region", &A::region),
    column("a.funder_id", &A::funder_id), column("f.code AS funder_code", &A::funder_code), column("a.phase", &A::phase),
    column("a.request_date", &A::request_date), column("a.analysis_date", &A::analysis_date),
    column("a.accompaniment_date", &A::accompaniment_date), column("a.hired_date", &A::hired_date),
    column("a.follow_up_date", &A::follow_up_date), column("a.closed_date", &A::closed_date),
    column("a.decision", &A::decision), column("a.decision_date", &A::decision_date),
    column("a.decision_reason", &A::decision_reason), column("a.intake_response_id", &A::intake_response_id),
    column("a.planned_sessions", &A::planned_sessions), column("a.closing_reason", &A::closing_reason),
    column("a.notes", &A::notes)};

const RowSource kAccompaniments{kAccompanimentRow, "FROM pat_accompaniment a JOIN institution i ON i.id = a.institution_id "
                                                  "LEFT JOIN funder f ON f.id = a.funder_id"};

const RowMap kSessionTypeRow{
    column("id", &SessionType::id), column("code", &SessionType::code), column("position", &SessionType::position),
    column("label_fr", &SessionType::label_fr), column("label_nl", &SessionType::label_nl),
    column("label_en", &SessionType::label_en), column("plural_fr", &SessionType::plural_fr),
    column("plural_nl", &SessionType::plural_nl), column("plural_en", &SessionType::plural_en),
    column("retired_at", &SessionType::retired_at)};

const RowMap kPatSessionRow{
    column("p.session_id", &PatSession::session_id), column("p.accompaniment_id", &PatSession::accompaniment_id),
    column("t.code AS type", &PatSession::type), column("s.date", &PatSession::date),
    column("s.status", &PatSession::status), column("p.duration_minutes", &PatSession::duration_minutes),
    column("p.preparation_minutes", &PatSession::preparation_minutes), column("p.phase", &PatSession::phase),
    column("s.title", &PatSession::title), column("s.notes", &PatSession::notes),
    column("p.staff_warning", &PatSession::staff_warning)};

const RowMap kHireRow{
    column("id", &Hire::id), owner(column("accompaniment_id", &Hire::accompaniment_id)),
    column("status", &Hire::status), nullable(column("announced_date", &Hire::announced_date)),
    nullable(column("hire_date", &Hire::hire_date)), nullable(column("job_title", &Hire::job_title)),
    column("working_time_percent", &Hire::working_time_percent),
    nullable(column("contract_type", &Hire::contract_type)), column("person_id", &Hire::person_id),
    nullable(column("notes", &Hire::notes))};

void check_region(const std::string& region) {
    if (!region.empty() && region != "brussels" && region != "wallonia" && region != "flanders")
        throw Error(trf("Region: \"{value}\" is not one of brussels, wallonia, flanders.", fmt::arg("value", region)));
}

}  // namespace

const std::string& Step::label(const std::string& language) const {
    return pick(language, label_fr, label_nl, label_en);
}
const std::string& SessionType::label(const std::string& language) const {
    return pick(language, label_fr, label_nl, label_en);
}
const std::string& SessionType::plural(const std::string& language) const {
    return pick(language, plural_fr, plural_nl, plural_en);
}

int64_t funder_id_by_code(Database& db, const std::string& code) {
    auto f = FunderRepository(db).find_by_code(code);
    if (!f) throw Error(trf("Funder: no funder has the code \"{code}\".", fmt::arg("code", code)));
    return f->id;
}

std::vector<Step> AccompanimentRepository::steps(bool include_retired) const {
    static const RowMap kStepRow{column("id", &Step::id), column("code", &Step::code),
                                 column("position", &Step::position), column("label_fr", &Step::label_fr),
                                 column("label_nl", &Step::label_nl), column("label_en", &Step::label_en),
                                 column("retired_at", &Step::retired_at)};
    return select_all(db_.sql(), kStepRow, "FROM pat_step WHERE retired_at IS NULL OR ? ORDER BY position, id",
                      include_retired ? 1 : 0);
}

std::vector<SessionType> AccompanimentRepository::session_types(bool include_retired) const {
    return select_all(db_.sql(), kSessionTypeRow,
                      "FROM pat_session_type WHERE retired_at IS NULL OR ? ORDER BY position, id",
                      include_retired ? 1 : 0);
}

std::optional<SessionType> AccompanimentRepository::session_type(const std::string& code) const {
    for (auto& t : session_types())
        if (t.code == code) return t;
    return std::nullopt;
}

int64_t AccompanimentRepository::create_request(const Accompaniment& in) {
    check_date(tr("Request date"), in.request_date, true);
    check_region(in.region);
    auto institution = InstitutionRepository(db_).get(in.institution_id);
    if (!institution) throw Error(tr("Institution: no such institution."));
    if (in.contact_person_id && !PersonRepository(db_).get(*in.contact_person_id))
        throw Error(tr("Contact person: no such person."));
    if (in.planned_sessions) validate::count(tr("Planned sessions"), *in.planned_sessions);
    const std::string region = in.region.empty() ? institution->region : in.region;
    return db_.write([&] {
        SQLite::Statement ins(db_.sql(),
                              "INSERT INTO pat_accompaniment(institution_id, contact_person_id, contact_name, "
                              "heard_from, region, funder_id, phase, request_date, planned_sessions, notes) "
                              "VALUES (?,?,?,?,?,?,'request',?,?,?)");
        bind_all(ins, in.institution_id, in.contact_person_id, text_or_null(in.contact_name),
                 text_or_null(in.heard_from), text_or_null(region), in.funder_id, in.request_date,
                 in.planned_sessions, text_or_null(in.notes));
        ins.exec();
        const int64_t id = db_.sql().getLastInsertRowid();
        SQLite::Statement h(db_.sql(),
                            "INSERT INTO pat_phase_history(accompaniment_id, from_phase, to_phase, date) "
                            "VALUES (?, NULL, 'request', ?)");
        bind_all(h, id, in.request_date);
        h.exec();
        audit(db_, "create", "pat_accompaniment", id, institution->name);
        return id;
    });
}

std::optional<Accompaniment> AccompanimentRepository::get(int64_t id) const {
    return kAccompaniments.row(db_.sql(), "WHERE a.id = ?", id);
}

std::vector<Accompaniment> AccompanimentRepository::list(const std::string& funder_code) const {
    return kAccompaniments.rows(db_.sql(),
                                "WHERE (?1 IS NULL OR f.code = ?1) ORDER BY CASE a.phase "
                                "WHEN 'request' THEN 1 WHEN 'analysis' THEN 2 WHEN 'accompaniment' THEN 3 "
                                "WHEN 'hired' THEN 4 WHEN 'follow_up' THEN 5 ELSE 6 END, a.request_date, a.id",
                                text_or_null(funder_code));
}

void AccompanimentRepository::update(const Accompaniment& a) {
    check_region(a.region);
    check_date(tr("Request date"), a.request_date, true);
    if (a.planned_sessions) validate::count(tr("Planned sessions"), *a.planned_sessions);
    if (!InstitutionRepository(db_).get(a.institution_id)) throw Error(tr("Institution: no such institution."));
    if (a.contact_person_id && !PersonRepository(db_).get(*a.contact_person_id))
        throw Error(tr("Contact person: no such person."));
    db_.write([&] {
        SQLite::Statement u(db_.sql(),
                            "UPDATE pat_accompaniment SET contact_person_id=?, contact_name=?, heard_from=?, "
                            "region=?, funder_id=?, planned_sessions=?, intake_response_id=?, notes=?, "
                            "institution_id=?, request_date=? WHERE id=?");
        bind_all(u, a.contact_person_id, text_or_null(a.contact_name), text_or_null(a.heard_from),
                 text_or_null(a.region), a.funder_id, a.planned_sessions, a.intake_response_id,
                 text_or_null(a.notes), a.institution_id, a.request_date, a.id);
        if (u.exec() == 0) throw Error(tr("This accompaniment no longer exists."));
        audit(db_, "update", "pat_accompaniment", a.id, a.institution_name);
    });
}

AccompanimentRepository::Contents AccompanimentRepository::contents(int64_t id) const {
    Contents c;
    auto count = [&](const char* sql) { return select_value<int>(db_.sql(), sql, id); };
    c.sessions = count("SELECT count(*) FROM pat_session WHERE accompaniment_id = ?");
    c.hires = count("SELECT count(*) FROM pat_hire WHERE accompaniment_id = ?");
    c.documents = count("SELECT count(*) FROM pat_document WHERE accompaniment_id = ?");
    c.intake_responses = count("SELECT count(*) FROM response WHERE subject_kind = 'pat_accompaniment' AND subject_id = ?");
    return c;
}

void AccompanimentRepository::remove(int64_t id) {
    const auto a = get(id);
    if (!a) throw Error(tr("This accompaniment no longer exists."));
    db_.write([&] {
        SessionRepository sessions(db_);
        for (const auto& s : this->sessions(id)) sessions.remove(s.session_id);
        exec_sql(db_.sql(), "DELETE FROM pat_accompaniment WHERE id = ?", id);
        exec_sql(db_.sql(), "DELETE FROM response WHERE subject_kind = 'pat_accompaniment' AND subject_id = ?", id);
        audit(db_, "delete", "pat_accompaniment", id, a->institution_name);
    });
}

void AccompanimentRepository::decide(int64_t id, const std::string& decision, const std::string& reason,
                                     const std::string& date) {
    if (std::find(kDecisions.begin(), kDecisions.end(), decision) == kDecisions.end())
        throw Error(trf("Decision: \"{value}\" is not one of accepted, waiting, declined.",
                        fmt::arg("value", decision)));
    check_date(tr("Decision date"), date, true);
    if (decision == "declined" && reason.empty()) throw Error(tr("A declined request needs a reason."));
    auto a = get(id);
    if (!a) throw Error(tr("This accompaniment no longer exists."));
    if (a->phase != "request" && a->phase != "analysis")
        throw Error(tr("A decision is taken on a request or during its analysis, not later."));
    db_.write([&] {
        exec_sql(db_.sql(), "UPDATE pat_accompaniment SET decision=?, decision_reason=?, decision_date=? WHERE id=?",
                 decision, text_or_null(reason), date, id);
        audit(db_, "decide", "pat_accompaniment", id, decision);
    });
}

void AccompanimentRepository::set_phase(int64_t id, const std::string& phase, const std::string& date,
                                        const std::string& note) {
    check_date(tr("Date"), date, true);
    auto a = get(id);
    if (!a) throw Error(tr("This accompaniment no longer exists."));
    const auto why = PhaseRules::refuse_reason(a->phase, phase, a->decision, int(hires(id).size()));
    if (!why.empty()) throw Error(why);
    if (phase == "closed" && note.empty()) throw Error(tr("Closing an accompaniment needs a reason."));
    if (date < a->request_date)
        throw Error(trf("The date {date} is before the request ({request}).", fmt::arg("date", date),
                        fmt::arg("request", a->request_date)));
    db_.write([&] {
        // The column is chosen from the fixed list of phases, never from user text.
        const std::string column = phase + "_date";
        SQLite::Statement u(db_.sql(), "UPDATE pat_accompaniment SET phase=?, " + column + "=?" +
                                           (phase == "closed" ? ", closing_reason=?" : "") + " WHERE id=?");
        bind_all(u, phase, date);
        int i = 3;
        if (phase == "closed") u.bind(i++, note);
        u.bind(i, id);
        u.exec();
        exec_sql(db_.sql(),
                 "INSERT INTO pat_phase_history(accompaniment_id, from_phase, to_phase, date, note) VALUES (?,?,?,?,?)",
                 id, a->phase, phase, date, text_or_null(note));
        audit(db_, "phase", "pat_accompaniment", id, a->phase + " -> " + phase);
    });
}

void AccompanimentRepository::reopen(int64_t id, const std::string& reason, const std::string& date) {
    check_date(tr("Date"), date, true);
    auto a = get(id);
    if (!a) throw Error(tr("This accompaniment no longer exists."));
    if (a->phase != "closed") throw Error(tr("Only a closed accompaniment can be reopened."));
    if (reason.empty()) throw Error(tr("Reopening an accompaniment needs a reason."));
    if (date < a->closed_date)
        throw Error(trf("The date {date} is before the closing ({closed}).", fmt::arg("date", date),
                        fmt::arg("closed", a->closed_date)));
    std::string back = "request";
    for (const auto& c : phase_history(id))
        if (c.to == "closed" && !c.from.empty()) back = c.from;
    db_.write([&] {
        SQLite::Statement u(db_.sql(),
                            "UPDATE pat_accompaniment SET phase=?, closed_date=NULL, closing_reason=NULL WHERE id=?");
        bind_all(u, back, id);
        u.exec();
        SQLite::Statement h(db_.sql(),
                            "INSERT INTO pat_phase_history(accompaniment_id, from_phase, to_phase, date, note) "
                            "VALUES (?,'closed',?,?,?)");
        bind_all(h, id, back, date, reason);
        h.exec();
        audit(db_, "reopen", "pat_accompaniment", id, "closed -> " + back);
    });
}

std::vector<AccompanimentRepository::PhaseChange> AccompanimentRepository::phase_history(int64_t id) const {
    static const RowMap kPhaseChangeRow{column("from_phase", &PhaseChange::from), column("to_phase", &PhaseChange::to),
                                        column("date", &PhaseChange::date), column("note", &PhaseChange::note)};
    return select_all(db_.sql(), kPhaseChangeRow, "FROM pat_phase_history WHERE accompaniment_id = ? ORDER BY id", id);
}

std::vector<StepState> AccompanimentRepository::step_states(int64_t id, const std::string& language) const {
    // The label in the language asked for, as Step::label picks it.
    static const RowMap kStepStateRow{
        column("s.id AS step_id", &StepState::step_id), column("s.code", &StepState::code),
        column("s.position", &StepState::position),
        column("CASE ?2 WHEN 'nl' THEN s.label_nl WHEN 'en' THEN s.label_en ELSE s.label_fr END AS label",
               &StepState::label),
        column("coalesce(st.state,'not_started') AS state", &StepState::state),
        column("st.started_on", &StepState::started_on), column("st.finished_on", &StepState::finished_on),
        column("st.notes", &StepState::notes)};
    return select_all(db_.sql(), kStepStateRow,
                      "FROM pat_step s LEFT JOIN pat_step_state st ON st.step_id = s.id AND st.accompaniment_id = ?1 "
                      "WHERE s.retired_at IS NULL OR st.state IS NOT NULL ORDER BY s.position, s.id",
                      id, language);
}

StepState AccompanimentRepository::set_step(int64_t id, const std::string& step, const std::string& state,
                                            const std::string& date, const std::string& notes) {
    check_date(tr("Date"), date, true);
    auto a = get(id);
    if (!a) throw Error(tr("This accompaniment no longer exists."));
    auto states = step_states(id);
    auto it = std::find_if(states.begin(), states.end(),
                           [&](const StepState& s) { return s.code == step || std::to_string(s.position) == step; });
    if (it == states.end()) throw Error(trf("Step: \"{step}\" is neither a step code nor a position.", fmt::arg("step", step)));
    const auto change = StepRules::apply(state, it->started_on, date);
    db_.write([&] {
        exec_sql(db_.sql(),
                 "INSERT INTO pat_step_state(accompaniment_id, step_id, state, started_on, finished_on, notes) "
                 "VALUES (?,?,?,?,?,?) ON CONFLICT(accompaniment_id, step_id) DO UPDATE SET "
                 "state=excluded.state, started_on=excluded.started_on, finished_on=excluded.finished_on, "
                 "notes=coalesce(excluded.notes, notes)",
                 id, it->step_id, change.state, text_or_null(change.started_on), text_or_null(change.finished_on),
                 text_or_null(notes));
        audit(db_, "step", "pat_accompaniment", id, it->code + " " + change.state);
    });
    it->state = change.state;
    it->started_on = change.started_on;
    it->finished_on = change.finished_on;
    if (!notes.empty()) it->notes = notes;
    return *it;
}

std::string AccompanimentRepository::session_phase(const Accompaniment& a, const std::string& date) const {
    // A session after the hire is post-hire follow-up, whatever the phase shown now.
    return !a.hired_date.empty() && date > a.hired_date ? "follow_up" : "accompaniment";
}

namespace {

struct CheckedSession {
    Accompaniment accompaniment;
    SessionType type;
    std::string phase, warning;
    std::vector<int64_t> staff;
};

void record_people(Database& db, int64_t sid, const std::vector<int64_t>& staff, const std::vector<int64_t>& attendees) {
    SessionRepository sessions(db);
    auto present = [&](int64_t pid, const char* role) {
        sessions.record(Attendance{.session_id = sid, .person_id = pid, .status = "present", .role = role});
    };
    for (auto pid : staff) present(pid, "staff");
    for (auto pid : attendees)
        if (!std::binary_search(staff.begin(), staff.end(), pid)) present(pid, "participant");
}

}  // namespace

static CheckedSession check_session(Database& db, const AccompanimentRepository& repo, const PatSession& in) {
    check_date(tr("Date"), in.date, true);
    CheckedSession c;
    auto a = repo.get(in.accompaniment_id);
    if (!a) throw Error(tr("This accompaniment no longer exists."));
    c.accompaniment = *a;
    auto type = repo.session_type(in.type);
    if (!type) {
        std::string codes;
        for (const auto& t : repo.session_types()) codes += (codes.empty() ? "" : ", ") + t.code;
        throw Error(trf("Session type: \"{value}\" is not one of {codes}.", fmt::arg("value", in.type),
                        fmt::arg("codes", codes)));
    }
    c.type = *type;
    validate::minutes(tr("Duration"), in.duration_minutes);
    validate::minutes(tr("Preparation"), in.preparation_minutes);
    c.phase = in.phase.empty() ? repo.session_phase(*a, in.date) : in.phase;
    if (c.phase != "accompaniment" && c.phase != "follow_up")
        throw Error(trf("Session phase: \"{value}\" is not one of accompaniment, follow_up.", fmt::arg("value", c.phase)));
    PersonRepository people(db);
    for (auto pid : in.staff)
        if (!people.get(pid)) throw Error(trf("Staff: no person has the id {id}.", fmt::arg("id", pid)));
    for (auto pid : in.attendees)
        if (!people.get(pid)) throw Error(trf("Attendee: no person has the id {id}.", fmt::arg("id", pid)));
    c.staff = in.staff;
    std::sort(c.staff.begin(), c.staff.end());
    c.staff.erase(std::unique(c.staff.begin(), c.staff.end()), c.staff.end());
    c.warning = two_staff_warning(int(c.staff.size()));
    return c;
}

int64_t AccompanimentRepository::add_session(const PatSession& in, std::string* warning) {
    const auto c = check_session(db_, *this, in);
    if (warning) *warning = c.warning;
    const auto& a = c.accompaniment;
    return db_.write([&] {
        SessionRepository sessions(db_);
        Session s;
        s.kind = "pat";
        s.title = in.title.empty() ? c.type.label_fr + " — " + a.institution_name : in.title;
        s.date = in.date;
        s.host_institution_id = a.institution_id;
        s.funder_id = a.funder_id;
        if (auto p = ProgrammeRepository(db_).find_by_code("pat")) s.programme_id = p->id;
        s.status = in.status.empty() ? "held" : in.status;
        s.notes = in.notes;
        const int64_t sid = sessions.create(s);
        exec_sql(db_.sql(),
                 "INSERT INTO pat_session(session_id, accompaniment_id, type_id, duration_minutes, "
                 "preparation_minutes, phase, staff_warning) VALUES (?,?,?,?,?,?,?)",
                 sid, in.accompaniment_id, c.type.id, in.duration_minutes, in.preparation_minutes, c.phase,
                 text_or_null(c.warning));
        record_people(db_, sid, c.staff, in.attendees);
        audit(db_, "create", "pat_session", sid, c.type.code + " " + in.date);
        return sid;
    });
}

void AccompanimentRepository::update_session(const PatSession& in, std::string* warning) {
    const auto c = check_session(db_, *this, in);
    if (warning) *warning = c.warning;
    db_.write([&] {
        SessionRepository sessions(db_);
        auto s = sessions.get(in.session_id);
        if (!s) throw Error(tr("This session no longer exists."));
        // The generated title follows the type; a title typed by hand stays.
        if (in.title.empty()) {
            for (const auto& t : session_types(true))
                if (s->title == t.label_fr + " — " + c.accompaniment.institution_name)
                    s->title = c.type.label_fr + " — " + c.accompaniment.institution_name;
        } else {
            s->title = in.title;
        }
        s->date = in.date;
        s->notes = in.notes;
        if (!in.status.empty()) s->status = in.status;
        sessions.update(*s);
        if (exec_sql(db_.sql(),
                     "UPDATE pat_session SET type_id=?, duration_minutes=?, preparation_minutes=?, phase=?, "
                     "staff_warning=? WHERE session_id=?",
                     c.type.id, in.duration_minutes, in.preparation_minutes, c.phase, text_or_null(c.warning),
                     in.session_id) == 0)
            throw Error(tr("This session no longer exists."));
        exec_sql(db_.sql(), "DELETE FROM attendance WHERE session_id = ?", in.session_id);
        record_people(db_, in.session_id, c.staff, in.attendees);
        audit(db_, "update", "pat_session", in.session_id, c.type.code + " " + in.date);
    });
}

void AccompanimentRepository::remove_session(int64_t session_id) {
    db_.write([&] {
        if (select_value<int>(db_.sql(), "SELECT count(*) FROM pat_session WHERE session_id = ?", session_id) == 0)
            throw Error(tr("This session no longer exists."));
        SessionRepository(db_).remove(session_id);
        audit(db_, "delete", "pat_session", session_id, {});
    });
}

std::vector<PatSession> AccompanimentRepository::sessions(int64_t accompaniment_id) const {
    auto out = select_all(db_.sql(), kPatSessionRow,
                          "FROM pat_session p JOIN session s ON s.id = p.session_id "
                          "JOIN pat_session_type t ON t.id = p.type_id "
                          "WHERE p.accompaniment_id = ? ORDER BY s.date, s.id",
                          accompaniment_id);
    SQLite::Statement at(db_.sql(), "SELECT person_id, role FROM attendance WHERE session_id = ? ORDER BY person_id");
    for (auto& s : out) {
        at.bind(1, s.session_id);
        while (at.executeStep()) {
            if (at.getColumn(1).getString() == "staff")
                s.staff.push_back(at.getColumn(0).getInt64());
            else
                s.attendees.push_back(at.getColumn(0).getInt64());
        }
        at.reset();
    }
    return out;
}

SessionCount AccompanimentRepository::session_count(int64_t accompaniment_id) const {
    SessionCount c;
    SQLite::Statement q(db_.sql(),
                        "SELECT coalesce(a.planned_sessions, 0), "
                        "(SELECT count(*) FROM pat_session p JOIN session s ON s.id = p.session_id "
                        " WHERE p.accompaniment_id = a.id AND s.status = 'held' AND p.phase = 'accompaniment'), "
                        "(SELECT count(*) FROM pat_session p JOIN session s ON s.id = p.session_id "
                        " WHERE p.accompaniment_id = a.id AND s.status = 'held' AND p.phase = 'follow_up') "
                        "FROM pat_accompaniment a WHERE a.id = ?");
    q.bind(1, accompaniment_id);
    if (q.executeStep()) {
        c.planned = q.getColumn(0).getInt();
        c.held = q.getColumn(1).getInt();
        c.follow_up = q.getColumn(2).getInt();
    }
    return c;
}

std::vector<int64_t> AccompanimentRepository::people_at(int64_t institution_id, const std::string& date) const {
    return select_column<int64_t>(db_.sql(),
                                  "SELECT DISTINCT p.id FROM employment e JOIN person p ON p.id = e.person_id "
                                  "WHERE e.institution_id = ?1 AND (e.start_date IS NULL OR e.start_date <= ?2) "
                                  "AND (e.end_date IS NULL OR e.end_date >= ?2) ORDER BY p.last_name, p.first_name, p.id",
                                  institution_id, date);
}

namespace {
void check_hire(const Hire& h) {
    if (h.status != "announced" && h.status != "effective")
        throw Error(trf("Hire status: \"{value}\" is not one of announced, effective.", fmt::arg("value", h.status)));
    check_date(tr("Hire date"), h.hire_date, h.status == "effective");
    check_date(tr("Announcement date"), h.announced_date, h.status == "announced");
    if (h.working_time_percent) validate::percent(tr("Working time"), *h.working_time_percent);
}
const RecordTable<Hire> kHireTable = record_table_of<kHireRow>("pat_hire");
}  // namespace

int64_t AccompanimentRepository::add_hire(const Hire& h) {
    check_hire(h);
    auto a = get(h.accompaniment_id);
    if (!a) throw Error(tr("This accompaniment no longer exists."));
    return kHireTable.create(db_, h, a->institution_name);
}

void AccompanimentRepository::update_hire(const Hire& h) {
    check_hire(h);
    kHireTable.update(db_, h.id, h, {}, tr("This hire no longer exists."));
}

void AccompanimentRepository::remove_hire(int64_t hire_id) {
    kHireTable.remove(db_, hire_id, tr("This hire no longer exists."));
}

std::vector<Hire> AccompanimentRepository::hires(int64_t accompaniment_id) const {
    return select_all(db_.sql(), kHireRow,
                      "FROM pat_hire WHERE accompaniment_id = ? ORDER BY coalesce(hire_date, announced_date), id",
                      accompaniment_id);
}

int64_t AccompanimentRepository::add_document(const Document& d) {
    if (d.title.empty() || d.link.empty()) throw Error(tr("A document needs a title and a link."));
    validate::url(tr("Link"), d.link);
    require_single_line(tr("Title"), d.title);
    require_single_line(tr("Link"), d.link);
    return db_.write([&] {
        exec_sql(db_.sql(), "INSERT INTO pat_document(accompaniment_id, title, link) VALUES (?,?,?)",
                 d.accompaniment_id, d.title, d.link);
        const int64_t id = db_.sql().getLastInsertRowid();
        audit(db_, "create", "pat_document", id, d.title);
        return id;
    });
}

void AccompanimentRepository::remove_document(int64_t document_id) {
    delete_row(db_, "pat_document", document_id, tr("This document no longer exists."));
}

std::vector<Document> AccompanimentRepository::documents(int64_t accompaniment_id) const {
    static const RowMap kDocumentRow{column("id", &Document::id), column("accompaniment_id", &Document::accompaniment_id),
                                     column("title", &Document::title), column("link", &Document::link)};
    return select_all(db_.sql(), kDocumentRow, "FROM pat_document WHERE accompaniment_id = ? ORDER BY id",
                      accompaniment_id);
}

std::optional<StepState> AccompanimentRepository::step_reached(int64_t id, const std::string& language) const {
    for (auto& s : step_states(id, language))
        if (s.state != "done" && s.state != "skipped") return s;
    return std::nullopt;
}

int64_t AccompanimentRepository::record_intake(int64_t id, const std::map<int, std::string>& answers,
                                               const std::string& questionnaire_code) {
    if (!get(id)) throw Error(tr("This accompaniment no longer exists."));
    QuestionnaireRepository questionnaires(db_);
    auto q = questionnaires.find_by_code(questionnaire_code);
    if (!q) throw Error(trf("Questionnaire: no questionnaire has the code \"{code}\".", fmt::arg("code", questionnaire_code)));
    Response r;
    r.questionnaire_id = q->id;
    r.subject_kind = "pat_accompaniment";
    r.subject_id = id;
    for (const auto& [position, value] : answers) {
        auto it = std::find_if(q->questions.begin(), q->questions.end(),
                               [&](const Question& x) { return x.position == position; });
        if (it == q->questions.end())
            throw Error(trf("Questionnaire: there is no question {n}.", fmt::arg("n", position)));
        AnswerValue v;
        if (it->kind == "text" || it->kind == "multi_choice") {
            v.text = value;
        } else {
            try {
                v.number = std::stod(value);
            } catch (const std::exception&) {
                throw Error(trf("Question {n}: a number is expected.", fmt::arg("n", position)));
            }
        }
        r.answers[it->id] = v;
    }
    return db_.write([&] {
        const int64_t rid = questionnaires.submit(r);
        exec_sql(db_.sql(), "UPDATE pat_accompaniment SET intake_response_id = ? WHERE id = ?", rid, id);
        audit(db_, "intake", "pat_accompaniment", id, questionnaire_code);
        return rid;
    });
}

int64_t AccompanimentRepository::record_intake(int64_t id, Response response, const std::string& date) {
    check_date(tr("Date"), date, true);
    auto a = get(id);
    if (!a) throw Error(tr("This accompaniment no longer exists."));
    response.subject_kind = "pat_accompaniment";
    response.subject_id = id;
    return db_.write([&] {
        const int64_t rid = QuestionnaireRepository(db_).submit(response);
        exec_sql(db_.sql(), "UPDATE pat_accompaniment SET intake_response_id = ? WHERE id = ?", rid, id);
        // Filled in again: the new answers replace the old ones (one interview per request).
        if (a->intake_response_id) {
            exec_sql(db_.sql(), "DELETE FROM response WHERE id = ?", *a->intake_response_id);
        }
        if (a->phase == "request") set_phase(id, "analysis", date);
        audit(db_, "intake", "pat_accompaniment", id, {});
        return rid;
    });
}

namespace {
void check_labels(const std::string& code, std::initializer_list<const std::string*> labels) {
    if (code.empty() || code.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789_") != std::string::npos)
        throw Error(tr("Code: lower-case letters, digits and _ only."));
    for (const auto* l : labels)
        if (l->empty()) throw Error(tr("Every label (fr, nl, en) is needed."));
}
}  // namespace

void AccompanimentRepository::define_step(const std::string& code, const std::string& fr, const std::string& nl,
                                          const std::string& en) {
    check_labels(code, {&fr, &nl, &en});
    db_.write([&] {
        SQLite::Statement u(db_.sql(),
                            "INSERT INTO pat_step(code, position, label_fr, label_nl, label_en) VALUES "
                            "(?1, (SELECT coalesce(max(position),0)+1 FROM pat_step), ?2, ?3, ?4) "
                            "ON CONFLICT(code) DO UPDATE SET label_fr=?2, label_nl=?3, label_en=?4, retired_at=NULL");
        bind_all(u, code, fr, nl, en);
        u.exec();
        audit(db_, "define", "pat_step", 0, code);
    });
}

void AccompanimentRepository::retire_step(const std::string& code) {
    db_.write([&] {
        SQLite::Statement u(db_.sql(), "UPDATE pat_step SET retired_at = strftime('%Y-%m-%d','now') WHERE code = ?");
        u.bind(1, code);
        if (u.exec() == 0) throw Error(trf("Step: \"{step}\" is neither a step code nor a position.", fmt::arg("step", code)));
        audit(db_, "retire", "pat_step", 0, code);
    });
}

void AccompanimentRepository::define_session_type(const std::string& code, const std::string& fr,
                                                  const std::string& nl, const std::string& en,
                                                  const std::string& fr_plural, const std::string& nl_plural,
                                                  const std::string& en_plural) {
    check_labels(code, {&fr, &nl, &en, &fr_plural, &nl_plural, &en_plural});
    db_.write([&] {
        SQLite::Statement u(db_.sql(),
                            "INSERT INTO pat_session_type(code, position, label_fr, label_nl, label_en, plural_fr, "
                            "plural_nl, plural_en) VALUES (?1, (SELECT coalesce(max(position),0)+1 FROM "
                            "pat_session_type), ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT(code) DO UPDATE SET label_fr=?2, "
                            "label_nl=?3, label_en=?4, plural_fr=?5, plural_nl=?6, plural_en=?7, retired_at=NULL");
        bind_all(u, code, fr, nl, en, fr_plural, nl_plural, en_plural);
        u.exec();
        audit(db_, "define", "pat_session_type", 0, code);
    });
}

void AccompanimentRepository::retire_session_type(const std::string& code) {
    db_.write([&] {
        SQLite::Statement u(db_.sql(),
                            "UPDATE pat_session_type SET retired_at = strftime('%Y-%m-%d','now') WHERE code = ?");
        u.bind(1, code);
        if (u.exec() == 0)
            throw Error(trf("Session type: \"{value}\" is not one of {codes}.", fmt::arg("value", code), fmt::arg("codes", "-")));
        audit(db_, "retire", "pat_session_type", 0, code);
    });
}

}  // namespace maillage::pat
