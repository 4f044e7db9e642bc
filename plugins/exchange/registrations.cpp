#include "registrations.h"

#include "events.h"
#include "core/sql_util.h"
#include "core/row_reader.h"
#include "core/row_query.h"
#include "text_match.h"

#include "core/audit.h"
#include "core/code_labels.h"
#include "core/database.h"
#include "core/error.h"
#include "core/i18n.h"
#include "core/retention.h"
#include "core/institutions.h"
#include "core/people.h"
#include "core/known_values.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <sstream>

namespace maillage::exchange {
namespace {

using R = Registration;
const RowMap kRegistrationRow{
    column("r.id", &R::id), column("r.event_id", &R::event_id), column("r.person_id", &R::person_id),
    column("r.institution_id", &R::institution_id), column("r.institution_text", &R::institution_text),
    column("r.sector_id", &R::sector_id), column("r.status", &R::status), column("r.cancel_reason", &R::cancel_reason),
    column("r.waiting_position", &R::waiting_position), column("r.role", &R::role),
    column("r.table_choice_id", &R::table_choice_id), column("r.table_id", &R::table_id),
    column("r.source", &R::source), column("r.checked_in_at", &R::checked_in_at),
    column("trim(coalesce(p.first_name,'') || ' ' || coalesce(p.last_name,'')) AS person_name", &R::person_name),
    column("p.email", &R::email), column("coalesce(i.name, r.institution_text) AS institution_name", &R::institution_name)};

const RowSource kRegistrations{kRegistrationRow, "FROM exchange_registration r JOIN person p ON p.id = r.person_id "
                                                "LEFT JOIN institution i ON i.id = r.institution_id"};

const std::map<std::string, std::set<std::string>>& transitions() {
    static const std::map<std::string, std::set<std::string>> t = {
        {"registered", {"cancelled", "attended", "no_show"}},
        {"waiting", {"registered", "cancelled"}},
        {"cancelled", {"registered"}},
        {"attended", {"registered", "no_show"}},
        {"no_show", {"attended", "registered"}},
    };
    return t;
}

// The place after the last one on the event's waiting list.
int64_t next_waiting_position(Database& db, int64_t event_id) {
    return db.scalar_int("SELECT coalesce(max(waiting_position), 0) FROM exchange_registration WHERE event_id = " +
                         std::to_string(event_id)) +
           1;
}

// Someone in the room: attended now, off the waiting list.
void mark_attended(Database& db, int64_t registration_id) {
    exec_sql(db.sql(),
            "UPDATE exchange_registration SET status = 'attended', waiting_position = NULL, "
            "checked_in_at = strftime('%Y-%m-%dT%H:%M:%SZ','now') WHERE id = ?",
            registration_id);
}

void validate_role(const std::string& role) {
    const auto& roles = registration_roles();
    if (std::find(roles.begin(), roles.end(), role) == roles.end())
        throw Error(fmt::format(fmt::runtime(tr("Unknown registration role \"{role}\": use participant, "
                                                "facilitator, speaker or organiser.")),
                                fmt::arg("role", role)));
}

}  // namespace

const std::vector<std::string>& registration_statuses() {
    static const std::vector<std::string> s = {"registered", "waiting", "cancelled", "attended", "no_show"};
    return s;
}

const std::vector<std::string>& registration_roles() {
    static const std::vector<std::string> r = {"participant", "facilitator", "speaker", "organiser"};
    return r;
}

bool transition_allowed(const std::string& from, const std::string& to) {
    auto it = transitions().find(from);
    return it != transitions().end() && it->second.count(to) > 0;
}

std::string status_label(const std::string& status) {
    static constexpr CodeLabel kLabels[] = {{"registered", N_("registered")}, {"waiting", N_("waiting list")},
                                            {"cancelled", N_("cancelled")},   {"attended", N_("attended")},
                                            {"no_show", N_("no-show")}};
    return label_of(kLabels, status);
}

std::string role_label(const std::string& role) {
    static constexpr CodeLabel kLabels[] = {{"participant", N_("participant")}, {"facilitator", N_("facilitator")},
                                            {"speaker", N_("speaker")}, {"organiser", N_("organiser")}};
    return label_of(kLabels, role);
}

std::string RegistrationService::search_key(int64_t person_id, const std::optional<int64_t>& institution_id,
                                            const std::string& institution_text) const {
    std::string key;
    if (auto p = PersonRepository(db_).get(person_id)) key = p->first_name + " " + p->last_name + " " + p->email;
    if (institution_id) {
        if (auto i = InstitutionRepository(db_).get(*institution_id)) key += " " + i->name;
    } else {
        key += " " + institution_text;
    }
    return " " + normalise_name(key) + " ";
}

Registration RegistrationService::register_person(const RegistrationRequest& req) {
    validate_role(req.role);
    EventRepository events(db_);
    const auto event = events.get(req.event_id);
    if (!event) throw Error(tr("This event does not exist."));
    if (!PersonRepository(db_).get(req.person_id)) throw Error(tr("This person does not exist."));
    if (auto existing = find(req.event_id, req.person_id))
        throw Error(fmt::format(fmt::runtime(tr("{name} is already registered for this event ({status}).")),
                                fmt::arg("name", existing->person_name),
                                fmt::arg("status", status_label(existing->status))));
    return db_.write([&] {
        Registration r;
        r.event_id = req.event_id;
        r.person_id = req.person_id;
        r.role = req.role;
        r.institution_id = req.institution_id;
        r.institution_text = req.institution_id ? std::string() : req.institution_text;
        r.sector_id = req.sector_id;
        r.table_choice_id = req.table_choice_id;
        r.source = req.source;
        if (!r.institution_id && r.institution_text.empty()) {
            auto date = events.first_date(req.event_id);
            if (date.empty()) date = "9999-12-31";
            const auto at = PersonRepository(db_).affiliation_at(req.person_id, date);
            r.institution_id = at.institution_id;
            if (!r.sector_id) r.sector_id = at.sector_id;
        }
        if (!r.sector_id && r.institution_id) {
            if (auto inst = InstitutionRepository(db_).get(*r.institution_id)) r.sector_id = inst->primary_sector();
        }
        const auto free = seats_free(req.event_id);
        if (r.role == "participant" && free && *free <= 0) {
            r.status = "waiting";
            r.waiting_position = next_waiting_position(db_, req.event_id);
        }
        SQLite::Statement ins(db_.sql(),
                              "INSERT INTO exchange_registration(event_id, person_id, institution_id, "
                              "institution_text, sector_id, status, waiting_position, role, table_choice_id, "
                              "search_key, source) VALUES (?,?,?,?,?,?,?,?,?,?,?)");
        bind_all(ins, r.event_id, r.person_id, r.institution_id, text_or_null(r.institution_text), r.sector_id,
                 r.status, r.waiting_position, r.role, r.table_choice_id,
                 search_key(r.person_id, r.institution_id, r.institution_text), r.source);
        ins.exec();
        r.id = db_.sql().getLastInsertRowid();
        audit(db_, "create", "exchange_registration", r.id,
              "event #" + std::to_string(r.event_id) + ", person #" + std::to_string(r.person_id) + ", " + r.status);
        return *get(r.id);
    });
}

void RegistrationService::check_transition(const Registration& r, const std::string& to,
                                           const std::string& reason) const {
    const auto& all = registration_statuses();
    if (std::find(all.begin(), all.end(), to) == all.end())
        throw Error(fmt::format(fmt::runtime(tr("Unknown status \"{status}\": use registered, waiting, "
                                                "cancelled, attended or no_show.")),
                                fmt::arg("status", to)));
    if (!transition_allowed(r.status, to))
        throw Error(fmt::format(fmt::runtime(tr("{name}: a registration cannot go from \"{from}\" to \"{to}\".")),
                                fmt::arg("name", r.person_name), fmt::arg("from", status_label(r.status)),
                                fmt::arg("to", status_label(to))));
    if (to == "cancelled" && normalise_name(reason).empty())
        throw Error(tr("A cancellation needs a reason."));
    if (to == "registered" && r.status != "attended" && r.status != "no_show" && r.role == "participant") {
        const auto free = seats_free(r.event_id);
        // A waiting registration moved by hand needs a free seat; a cancelled one is
        // re-registered through register_person's rule below instead.
        if (free && *free <= 0 && r.status == "waiting")
            throw Error(fmt::format(fmt::runtime(tr("{name} cannot be registered: the event is full.")),
                                    fmt::arg("name", r.person_name)));
    }
}

std::vector<int64_t> RegistrationService::set_status(int64_t id, const std::string& status,
                                                     const std::string& reason) {
    const auto r = get(id);
    if (!r) throw Error(tr("This registration does not exist."));
    check_transition(*r, status, reason);
    return db_.write([&] {
        std::string target = status;
        std::optional<int64_t> position;
        // Re-registering after a cancellation joins the waiting list when the event is full.
        if (r->status == "cancelled" && status == "registered" && r->role == "participant") {
            const auto free = seats_free(r->event_id);
            if (free && *free <= 0) {
                target = "waiting";
                position = next_waiting_position(db_, r->event_id);
            }
        }
        exec_sql(db_.sql(),
                "UPDATE exchange_registration SET status = ?1, cancel_reason = ?2, waiting_position = ?3, "
                "checked_in_at = CASE WHEN ?1 = 'attended' THEN "
                "coalesce(checked_in_at, strftime('%Y-%m-%dT%H:%M:%SZ','now')) ELSE NULL END "
                "WHERE id = ?4",
                target, target == "cancelled" ? std::optional<std::string>(reason) : std::nullopt, position, id);
        audit(db_, "status", "exchange_registration", id, r->status + " -> " + target);
        // Only a cancellation frees a seat for someone else: a no-show is known on the day,
        // too late to call the next person in line.
        if (target == "cancelled") return promote_waiting(r->event_id);
        return std::vector<int64_t>{};
    });
}

bool RegistrationService::is_past(int64_t event_id) const {
    SQLite::Statement q(db_.sql(), "SELECT max(s.date) FROM exchange_event_session l JOIN session s "
                                   "ON s.id = l.session_id WHERE l.event_id = ?");
    q.bind(1, event_id);
    if (!q.executeStep() || q.getColumn(0).isNull()) return false;  // undated: still to come
    const auto today = local_today();
    const auto iso = fmt::format("{:04d}-{:02d}-{:02d}", int(today.year()), unsigned(today.month()),
                                 unsigned(today.day()));
    return q.getColumn(0).getString() < iso;
}

std::vector<int64_t> RegistrationService::promote_waiting(int64_t event_id) {
    // After the event, the waiting list is history: nobody can take a seat any more, so
    // editing the event (or a registration) must not move anyone onto the list of those
    // who were registered. A person is moved only on an explicit action (set_status).
    if (is_past(event_id)) return {};
    return db_.write([&] {
        std::vector<int64_t> promoted;
        for (;;) {
            const auto free = seats_free(event_id);
            if (free && *free <= 0) break;
            const auto next = select_first<int64_t>(db_.sql(),
                                                    "SELECT id FROM exchange_registration WHERE event_id = ? AND "
                                                    "status = 'waiting' ORDER BY waiting_position, id LIMIT 1",
                                                    event_id);
            if (!next) break;
            const auto id = *next;
            exec_sql(db_.sql(), "UPDATE exchange_registration SET status = 'registered', waiting_position = NULL WHERE id = ?",
                    id);
            audit(db_, "promote", "exchange_registration", id, "waiting -> registered");
            promoted.push_back(id);
        }
        return promoted;
    });
}

void RegistrationService::set_role(int64_t id, const std::string& role) {
    validate_role(role);
    const auto r = get(id);
    if (!r) throw Error(tr("This registration does not exist."));
    db_.write([&] {
        exec_sql(db_.sql(), "UPDATE exchange_registration SET role = ? WHERE id = ?", role, id);
        // A waiting person who becomes a facilitator does not need a seat.
        if (role != "participant" && r->status == "waiting")
            exec_sql(db_.sql(), "UPDATE exchange_registration SET status = 'registered', waiting_position = NULL WHERE id = ?",
                    id);
        audit(db_, "role", "exchange_registration", id, r->role + " -> " + role);
        promote_waiting(r->event_id);
    });
}

std::optional<Registration> RegistrationService::get(int64_t id) const {
    return kRegistrations.row(db_.sql(), "WHERE r.id = ?", id);
}

std::optional<Registration> RegistrationService::find(int64_t event_id, int64_t person_id) const {
    return kRegistrations.row(db_.sql(), "WHERE r.event_id = ? AND r.person_id = ?", event_id, person_id);
}

std::vector<Registration> RegistrationService::list(int64_t event_id) const {
    return kRegistrations.rows(
        db_.sql(), "WHERE r.event_id = ? ORDER BY p.last_name COLLATE NOCASE, p.first_name COLLATE NOCASE, r.id",
        event_id);
}

int64_t RegistrationService::seats_taken(int64_t event_id) const {
    // A no-show held a seat until the day: once the event is past, their seat was taken.
    const int past = is_past(event_id) ? 1 : 0;
    return *select_first<int64_t>(db_.sql(),
                                 "SELECT count(*) FROM exchange_registration WHERE event_id = ?1 AND role = 'participant' "
                                 "AND (status IN ('registered','attended') OR (?2 AND status = 'no_show'))",
                                 event_id, past);
}

std::optional<int64_t> RegistrationService::seats_free(int64_t event_id) const {
    const auto event = EventRepository(db_).get(event_id);
    if (!event || !event->capacity) return std::nullopt;
    return *event->capacity - seats_taken(event_id);
}

std::vector<Registration> RegistrationService::search(int64_t event_id, const std::string& text, int limit) const {
    std::istringstream in(normalise_name(text));
    std::vector<std::string> words;
    for (std::string w; in >> w;) words.push_back(w);
    std::string sql = kRegistrations.select("WHERE r.event_id = ? AND r.status <> 'cancelled'");
    for (size_t k = 0; k < words.size(); ++k) sql += " AND instr(r.search_key, ?) > 0";
    sql += " ORDER BY p.last_name COLLATE NOCASE, p.first_name COLLATE NOCASE LIMIT ?";
    SQLite::Statement q(db_.sql(), sql);
    int i = 1;
    q.bind(i++, event_id);
    // A word matches at the start of a word of the key: "dub" finds "Dubois", not "Maudubert".
    for (const auto& w : words) q.bind(i++, " " + w);
    q.bind(i, limit);
    return read_all(q, kRegistrationRow);
}

void RegistrationService::check_in(int64_t id) {
    const auto r = get(id);
    if (!r) throw Error(tr("This registration does not exist."));
    if (r->status == "attended") return;
    if (r->status == "waiting") {
        // Came anyway: in the room, so attended (leaves the waiting list).
        db_.write([&] {
            mark_attended(db_, id);
            audit(db_, "check_in", "exchange_registration", id, "waiting -> attended");
        });
        return;
    }
    set_status(id, "attended");
}

Registration RegistrationService::walk_in(int64_t event_id, const WalkIn& w) {
    if (normalise_name(w.first_name + w.last_name).empty()) throw Error(tr("A walk-in needs a name."));
    return db_.write([&] {
        // Someone known by their email is that person: no duplicate is created, and a
        // registration they already have is the one checked in.
        std::optional<Person> known;
        const auto first = w.email.find_first_not_of(" \t");
        const auto email = first == std::string::npos ? std::string()
                                                       : w.email.substr(first, w.email.find_last_not_of(" \t") - first + 1);
        if (!email.empty()) known = PersonRepository(db_).find_by_email(email);
        if (known) {
            if (auto existing = find(event_id, known->id); existing && existing->status != "attended") {
                if (existing->status == "cancelled") set_status(existing->id, "registered");
                if (!w.role.empty() && w.role != existing->role) set_role(existing->id, w.role);
                check_in(existing->id);
                return *get(existing->id);
            } else if (existing) {
                return *existing;
            }
        }
        Person p;
        p.first_name = w.first_name;
        p.last_name = w.last_name;
        p.email = w.email;
        p.roles = {"worker"};
        const auto person_id = known ? known->id : PersonRepository(db_).create(p);
        auto r = register_person({.event_id = event_id,
                                  .person_id = person_id,
                                  .role = w.role,
                                  .institution_id = w.institution_id,
                                  .institution_text = w.institution_text,
                                  .sector_id = w.sector_id,
                                  .source = "walk_in"});
        mark_attended(db_, r.id);
        return *get(r.id);
    });
}

void RegistrationService::refresh_search_keys(int64_t person_id) {
    db_.write([&] {
        SQLite::Statement q(db_.sql(),
                            "SELECT id, institution_id, institution_text FROM exchange_registration WHERE person_id = ?");
        q.bind(1, person_id);
        std::vector<std::tuple<int64_t, std::optional<int64_t>, std::string>> rows;
        while (q.executeStep()) rows.emplace_back(q.getColumn(0).getInt64(), col_opt(q, 1), col_text(q, 2));
        for (const auto& [id, inst, text] : rows)
            exec_sql(db_.sql(), "UPDATE exchange_registration SET search_key = ? WHERE id = ?",
                    search_key(person_id, inst, text), id);
    });
}

Registration find_registration(Database& db, std::optional<int64_t> event_id, const std::string& text) {
    RegistrationService service(db);
    const bool number = !text.empty() && std::all_of(text.begin(), text.end(), [](unsigned char c) {
        return std::isdigit(c);
    }) && text.size() < 19;
    if (number) {
        const auto r = service.get(std::stoll(text));
        if (!r) throw Error(trf("No registration has the number {id}.", fmt::arg("id", text)));
        if (event_id && r->event_id != *event_id) throw Error(tr("This registration is not one of this event's."));
        return *r;
    }
    if (!event_id) throw Error(tr("Name the event (--event) to find a registration by the person."));
    const auto person = person_by_key(db, text);
    if (auto r = service.find(*event_id, person)) return *r;
    throw Error(trf("{name} is not registered for this event.", fmt::arg("name", text)));
}

}  // namespace maillage::exchange
