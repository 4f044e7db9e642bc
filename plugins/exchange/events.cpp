#include "events.h"

#include "exchange_schema.h"
#include "registrations.h"
#include "core/sql_util.h"
#include "core/row_reader.h"
#include "core/row_query.h"
#include "text_match.h"

#include "core/audit.h"
#include "core/database.h"
#include "core/error.h"
#include "core/record_map.h"
#include "core/record_table.h"
#include "core/single_line.h"
#include "core/i18n.h"
#include "core/validate.h"
#include "core/locale_format.h"

#include <algorithm>
#include <cctype>

namespace maillage::exchange {
namespace {

const RowMap kEventRow{
    column("e.id", &Event::id), column("e.type_id", &Event::type_id), column("e.title", &Event::title),
    nullable(column("e.theme", &Event::theme)), nullable(column("e.venue", &Event::venue)),
    column("e.capacity", &Event::capacity), nullable(column("e.languages", &Event::languages)),
    column("e.role", &Event::role), column("e.programme_id", &Event::programme_id),
    column("e.funder_id", &Event::funder_id), nullable(column("e.objectives", &Event::objectives)),
    nullable(column("e.programme_text", &Event::programme_text)), nullable(column("e.notes", &Event::notes))};

const RowSource kEvents{kEventRow, "FROM exchange_event e"};

const RowMap kEventTypeRow{column("id", &EventType::id), column("code", &EventType::code),
                           column("label_fr", &EventType::label_fr), column("label_nl", &EventType::label_nl),
                           column("label_en", &EventType::label_en),
                           column("counts_as_group", &EventType::counts_as_group)};

const RowSource kEventTypes{kEventTypeRow, "FROM exchange_event_type"};

const RecordTable<Event> kEventTable = record_table_of<kEventRow>("exchange_event");

std::vector<Session> sessions_of(Database& db, const char* link_table, int64_t event_id) {
    const auto ids = select_column<int64_t>(db.sql(),
                                           std::string("SELECT s.id FROM ") + link_table +
                                               " l JOIN session s ON s.id = l.session_id WHERE l.event_id = ? "
                                               "ORDER BY s.date, coalesce(s.start_time,''), s.id",
                                           event_id);
    std::vector<Session> out;
    SessionRepository sessions(db);
    for (auto id : ids)
        if (auto s = sessions.get(id)) out.push_back(*s);
    return out;
}

std::vector<int64_t> ids_of(Database& db, const std::string& sql, int64_t id) {
    return select_column<int64_t>(db.sql(), sql, id);
}

// One statement as one change.
template <class... Values>
void write_one(Database& db, const std::string& sql, const Values&... values) {
    db.write([&] { exec_sql(db.sql(), sql, values...); });
}

const RowMap kCommitteeRow{column("id", &CommitteeMember::id),
                           column("institution_id", &CommitteeMember::institution_id),
                           column("person_id", &CommitteeMember::person_id)};

const RowMap kTableRow{column("id", &Table::id), column("event_id", &Table::event_id),
                       column("position", &Table::position), column("title", &Table::title),
                       column("question", &Table::question)};

const RowMap kPublicationRow{
    column("id", &Publication::id), column("title", &Publication::title),
    nullable(column("collection", &Publication::collection)), nullable(column("number", &Publication::number)),
    nullable(column("languages", &Publication::languages)), column("copies", &Publication::copies),
    nullable(column("date", &Publication::date)), nullable(column("link", &Publication::link)),
    nullable(column("notes", &Publication::notes))};

const RecordTable<Publication> kPublicationTable = record_table_of<kPublicationRow>("exchange_publication");

}  // namespace

const std::string& EventType::label(const std::string& language) const {
    if (language == "nl") return label_nl;
    if (language == "en") return label_en;
    return label_fr;
}

void validate_event_role(const std::string& role) {
    if (role != "organiser" && role != "co_organiser" && role != "facilitator" && role != "participant")
        throw Error(fmt::format(fmt::runtime(tr("Unknown role of the organisation \"{role}\": use organiser, "
                                                "co_organiser, facilitator or participant.")),
                                fmt::arg("role", role)));
}

std::vector<EventType> EventRepository::types() const {
    return kEventTypes.rows(db_.sql(), "WHERE retired_at IS NULL ORDER BY sort_order, id");
}

std::optional<EventType> EventRepository::find_type(const std::string& code_or_label) const {
    const auto key = normalise_name(code_or_label);
    for (auto& t : kEventTypes.rows(db_.sql(), "ORDER BY sort_order, id"))
        if (key == normalise_name(t.code) || key == normalise_name(t.label_fr) ||
            key == normalise_name(t.label_nl) || key == normalise_name(t.label_en))
            return t;
    return std::nullopt;
}

std::optional<EventType> EventRepository::type(int64_t id) const {
    return kEventTypes.row(db_.sql(), "WHERE id = ?", id);
}

int64_t EventRepository::create(const Event& e) { return save(e, true); }

void EventRepository::update(const Event& e) { save(e, false); }

int64_t EventRepository::save(const Event& e, bool creating) {
    if (normalise_name(e.title).empty()) throw Error(tr("An event needs a title."));
    require_single_line(tr("Title"), e.title);
    require_single_line(tr("Venue"), e.venue);
    if (!type(e.type_id)) throw Error(tr("Unknown event type."));
    validate_event_role(e.role);
    validate::count(tr("Capacity"), e.capacity);
    return db_.write([&] {
        const auto id = kEventTable.save(db_, creating, e.id, e, e.title, {});
        // A larger capacity frees seats.
        if (!creating) RegistrationService(db_).promote_waiting(id);
        return id;
    });
}

std::optional<Event> EventRepository::get(int64_t id) const {
    return kEvents.row(db_.sql(), "WHERE e.id = ?", id);
}

std::vector<Event> EventRepository::list(const std::string& from, const std::string& to,
                                         bool include_undated) const {
    return kEvents.rows(db_.sql(),
                        "LEFT JOIN (SELECT l.event_id, min(s.date) AS first, max(s.date) AS last, "
                        "sum(s.date BETWEEN ?1 AND ?2) AS inside FROM exchange_event_session l "
                        "JOIN session s ON s.id = l.session_id GROUP BY l.event_id) d ON d.event_id = e.id "
                        "WHERE coalesce(d.inside, 0) > 0 OR (?3 AND d.first IS NULL) "
                        "ORDER BY coalesce(d.first, '9999'), e.id",
                        from, to, include_undated ? 1 : 0);
}

int64_t EventRepository::add_day(int64_t event_id, Session day) {
    return add_session(event_id, std::move(day), kEventSessionKind, "exchange_event_session");
}

int64_t EventRepository::add_session(int64_t event_id, Session s, const char* kind, const char* link_table) {
    const auto e = get(event_id);
    if (!e) throw Error(tr("This event does not exist."));
    s.kind = kind;
    if (s.title.empty()) s.title = e->title;
    // A day takes place at the event's venue; a committee meeting wherever it is held.
    if (s.place.empty() && s.kind == kEventSessionKind) s.place = e->venue;
    if (!s.programme_id) s.programme_id = e->programme_id;
    if (!s.funder_id) s.funder_id = e->funder_id;
    return db_.write([&] {
        const auto sid = SessionRepository(db_).create(s);
        exec_sql(db_.sql(), std::string("INSERT INTO ") + link_table + "(event_id, session_id) VALUES (?,?)", event_id,
                sid);
        return sid;
    });
}

std::vector<Session> EventRepository::days(int64_t event_id) const {
    return sessions_of(db_, "exchange_event_session", event_id);
}

std::string EventRepository::first_date(int64_t event_id) const {
    auto d = days(event_id);
    return d.empty() ? std::string() : d.front().date;
}

double EventRepository::hours(int64_t event_id) const {
    double h = 0;
    for (const auto& s : days(event_id))
        if (s.status != "cancelled") h += s.hours();
    return h;
}

void EventRepository::add_partner(int64_t event_id, int64_t institution_id) {
    write_one(db_, "INSERT OR IGNORE INTO exchange_event_partner VALUES (?,?)", event_id, institution_id);
}

std::vector<int64_t> EventRepository::partners(int64_t event_id) const {
    return ids_of(db_, "SELECT institution_id FROM exchange_event_partner WHERE event_id = ? ORDER BY institution_id",
                  event_id);
}

void EventRepository::add_group_service(int64_t event_id, int64_t institution_id) {
    write_one(db_, "INSERT OR IGNORE INTO exchange_group_service VALUES (?,?)", event_id, institution_id);
}

std::vector<int64_t> EventRepository::group_services(int64_t event_id) const {
    return ids_of(db_, "SELECT institution_id FROM exchange_group_service WHERE event_id = ? ORDER BY institution_id",
                  event_id);
}

int64_t EventRepository::add_committee_member(int64_t event_id, int64_t institution_id,
                                              std::optional<int64_t> person_id) {
    return db_.write([&] {
        exec_sql(db_.sql(), "INSERT INTO exchange_committee_member(event_id, institution_id, person_id) VALUES (?,?,?)",
                event_id, institution_id, person_id);
        return db_.sql().getLastInsertRowid();
    });
}

std::vector<CommitteeMember> EventRepository::committee(int64_t event_id) const {
    return query_all(db_.sql(), kCommitteeRow,
                      kCommitteeRow.select("FROM exchange_committee_member WHERE event_id = ? ORDER BY id"), event_id);
}

int64_t EventRepository::add_committee_meeting(int64_t event_id, Session meeting) {
    return add_session(event_id, std::move(meeting), kCommitteeSessionKind, "exchange_committee_meeting");
}

std::vector<Session> EventRepository::committee_meetings(int64_t event_id) const {
    return sessions_of(db_, "exchange_committee_meeting", event_id);
}

int64_t EventRepository::add_decision(int64_t meeting_session_id, const std::string& text) {
    if (normalise_name(text).empty()) throw Error(tr("A decision needs a text."));
    return db_.write([&] {
        exec_sql(db_.sql(), "INSERT INTO exchange_committee_decision(session_id, text) VALUES (?,?)", meeting_session_id,
                text);
        return db_.sql().getLastInsertRowid();
    });
}

std::vector<std::string> EventRepository::decisions(int64_t meeting_session_id) const {
    return select_column<std::string>(
        db_.sql(), "SELECT text FROM exchange_committee_decision WHERE session_id = ? ORDER BY id", meeting_session_id);
}

int64_t EventRepository::add_table(int64_t event_id, const std::string& title, const std::string& question) {
    if (!get(event_id)) throw Error(tr("This event does not exist."));
    if (normalise_name(title).empty()) throw Error(tr("A table needs a title."));
    require_single_line(tr("Title"), title);
    return db_.write([&] {
        SQLite::Statement q(db_.sql(),
                            "INSERT INTO exchange_table(event_id, position, title, question) VALUES (?1, "
                            "(SELECT coalesce(max(position), 0) + 1 FROM exchange_table WHERE event_id = ?1), ?2, ?3)");
        bind_all(q, event_id, title, text_or_null(question));
        q.exec();
        const auto id = db_.sql().getLastInsertRowid();
        audit(db_, "create", "exchange_table", id, title);
        return id;
    });
}

std::vector<Table> EventRepository::tables(int64_t event_id) const {
    auto out = query_all(db_.sql(), kTableRow,
                          kTableRow.select("FROM exchange_table WHERE event_id = ? ORDER BY position"), event_id);
    for (auto& t : out)
        t.facilitator_ids = ids_of(db_, "SELECT person_id FROM exchange_table_facilitator WHERE table_id = ? "
                                        "ORDER BY person_id",
                                   t.id);
    return out;
}

std::optional<Table> EventRepository::table(int64_t table_id) const {
    const auto event_id = select_first<int64_t>(db_.sql(), "SELECT event_id FROM exchange_table WHERE id = ?", table_id);
    if (!event_id) return std::nullopt;
    for (auto& t : tables(*event_id))
        if (t.id == table_id) return t;
    return std::nullopt;
}

void EventRepository::add_table_facilitator(int64_t table_id, int64_t person_id) {
    const auto t = table(table_id);
    if (!t) throw Error(tr("This table does not exist."));
    db_.write([&] {
        exec_sql(db_.sql(), "INSERT OR IGNORE INTO exchange_table_facilitator VALUES (?,?)", table_id, person_id);
        RegistrationService regs(db_);
        auto r = regs.find(t->event_id, person_id);
        if (!r) {
            RegistrationRequest req;
            req.event_id = t->event_id;
            req.person_id = person_id;
            req.role = "facilitator";
            r = regs.register_person(req);
        } else if (r->role == "participant") {
            regs.set_role(r->id, "facilitator");
        }
        exec_sql(db_.sql(), "UPDATE exchange_registration SET table_id = ? WHERE id = ?", table_id, r->id);
    });
}

int64_t EventRepository::add_publication(const Publication& p) { return save_publication(p, true); }

int64_t EventRepository::save_publication(const Publication& p, bool creating) {
    if (normalise_name(p.title).empty()) throw Error(tr("A publication needs a title."));
    require_single_line(tr("Title"), p.title);
    if (!p.date.empty() && !is_iso_date(p.date))
        throw Error(tr("The publication date must be written YYYY-MM-DD."));
    validate::count(tr("Copies"), p.copies);
    validate::url(tr("Link"), p.link);
    return db_.write([&] {
        return kPublicationTable.save(db_, creating, p.id, p, p.title, {});
    });
}

void EventRepository::link_publication(int64_t publication_id, int64_t event_id, std::optional<int64_t> table_id) {
    write_one(db_, "INSERT OR IGNORE INTO exchange_publication_source(publication_id, event_id, table_id) VALUES (?,?,?)",
              publication_id, event_id, table_id);
}

std::vector<Publication> EventRepository::publications(const std::string& from, const std::string& to) const {
    if (from.empty() && to.empty())
        return query_all(db_.sql(), kPublicationRow,
                          kPublicationRow.select("FROM exchange_publication ORDER BY coalesce(date,''), id"));
    return query_all(db_.sql(), kPublicationRow,
                      kPublicationRow.select("FROM exchange_publication WHERE date BETWEEN ?1 AND ?2 "
                                             "ORDER BY coalesce(date,''), id"),
                      from.empty() ? std::string("0000-01-01") : from, to.empty() ? std::string("9999-12-31") : to);
}

std::vector<int64_t> EventRepository::publication_events(int64_t publication_id) const {
    return ids_of(db_, "SELECT DISTINCT event_id FROM exchange_publication_source WHERE publication_id = ?",
                  publication_id);
}

void EventRepository::set_partners(int64_t event_id, const std::vector<int64_t>& institution_ids) {
    db_.write([&] {
        exec_sql(db_.sql(), "DELETE FROM exchange_event_partner WHERE event_id = ?", event_id);
        for (auto id : institution_ids) add_partner(event_id, id);
    });
}

void EventRepository::remove_group_service(int64_t event_id, int64_t institution_id) {
    write_one(db_, "DELETE FROM exchange_group_service WHERE event_id = ? AND institution_id = ?", event_id,
              institution_id);
}

void EventRepository::remove_committee_member(int64_t member_id) {
    write_one(db_, "DELETE FROM exchange_committee_member WHERE id = ?", member_id);
}

void EventRepository::remove_session(int64_t session_id) {
    db_.write([&] {
        exec_sql(db_.sql(), "DELETE FROM exchange_committee_decision WHERE session_id = ?", session_id);
        SessionRepository(db_).remove(session_id);
    });
}

void EventRepository::update_table(int64_t table_id, const std::string& title, const std::string& question) {
    if (!table(table_id)) throw Error(tr("This table does not exist."));
    if (normalise_name(title).empty()) throw Error(tr("A table needs a title."));
    require_single_line(tr("Title"), title);
    db_.write([&] {
        exec_sql(db_.sql(), "UPDATE exchange_table SET title = ?, question = ? WHERE id = ?", title,
                text_or_null(question), table_id);
        audit(db_, "update", "exchange_table", table_id, title);
    });
}

void EventRepository::remove_table(int64_t table_id) {
    db_.write([&] {
        for (const char* sql : {"UPDATE exchange_registration SET table_id = NULL WHERE table_id = ?1",
                                "UPDATE exchange_registration SET table_choice_id = NULL WHERE table_choice_id = ?1",
                                "DELETE FROM exchange_table_facilitator WHERE table_id = ?1",
                                "DELETE FROM exchange_table WHERE id = ?1"}) {
            exec_sql(db_.sql(), sql, table_id);
        }
        audit(db_, "delete", "exchange_table", table_id, "");
    });
}

void EventRepository::remove_table_facilitator(int64_t table_id, int64_t person_id) {
    write_one(db_, "DELETE FROM exchange_table_facilitator WHERE table_id = ? AND person_id = ?", table_id, person_id);
}

void EventRepository::cancel(int64_t event_id) {
    db_.write([&] {
        SessionRepository sessions(db_);
        for (auto day : days(event_id)) {
            day.status = "cancelled";
            sessions.update(day);
        }
        audit(db_, "cancel", "exchange_event", event_id, "");
    });
}

std::string EventRepository::dependents(int64_t event_id) const {
    auto count = [&](const char* sql) { return select_first<int64_t>(db_.sql(), sql, event_id).value_or(0); };
    std::vector<std::string> parts;
    auto part = [&](int64_t n, const char* one, const char* many) {
        if (n > 0) parts.push_back(fmt::format(fmt::runtime(n == 1 ? tr(one) : tr(many)), fmt::arg("n", n)));
    };
    part(count("SELECT count(*) FROM exchange_event_session WHERE event_id = ?"), N_("{n} day"), N_("{n} days"));
    part(count("SELECT count(*) FROM exchange_registration WHERE event_id = ?"), N_("{n} registration"),
         N_("{n} registrations"));
    part(count("SELECT count(*) FROM exchange_table WHERE event_id = ?"), N_("{n} table"), N_("{n} tables"));
    part(count("SELECT count(*) FROM exchange_committee_member WHERE event_id = ?"), N_("{n} committee member"),
         N_("{n} committee members"));
    part(count("SELECT count(*) FROM exchange_committee_meeting WHERE event_id = ?"), N_("{n} committee meeting"),
         N_("{n} committee meetings"));
    part(count("SELECT count(*) FROM response WHERE subject_kind = 'exchange_event' AND subject_id = ?"),
         N_("{n} evaluation"), N_("{n} evaluations"));
    std::string out;
    for (const auto& p : parts) out += (out.empty() ? "" : ", ") + p;
    return out;
}

void EventRepository::remove(int64_t event_id) {
    const auto e = get(event_id);
    if (!e) throw Error(tr("This event does not exist."));
    db_.write([&] {
        for (const auto& s : days(event_id)) remove_session(s.id);
        for (const auto& s : committee_meetings(event_id)) remove_session(s.id);
        exec_sql(db_.sql(), "DELETE FROM response WHERE subject_kind = 'exchange_event' AND subject_id = ?", event_id);
        for (const char* sql : {"DELETE FROM exchange_table_facilitator WHERE table_id IN "
                                "(SELECT id FROM exchange_table WHERE event_id = ?1)",
                                "DELETE FROM exchange_registration WHERE event_id = ?1",
                                "DELETE FROM exchange_table WHERE event_id = ?1",
                                "DELETE FROM exchange_committee_member WHERE event_id = ?1",
                                "DELETE FROM exchange_event_partner WHERE event_id = ?1",
                                "DELETE FROM exchange_group_service WHERE event_id = ?1",
                                "DELETE FROM exchange_event WHERE id = ?1"}) {
            exec_sql(db_.sql(), sql, event_id);
        }
        audit(db_, "delete", "exchange_event", event_id, e->title);
    });
}

void EventRepository::copy_structure(int64_t from, int64_t to) {
    db_.write([&] {
        set_partners(to, partners(from));
        for (auto id : group_services(from)) add_group_service(to, id);
        for (const auto& m : committee(from)) add_committee_member(to, m.institution_id, m.person_id);
        for (const auto& t : tables(from)) {
            const auto id = add_table(to, t.title, t.question);
            for (auto p : t.facilitator_ids) add_table_facilitator(id, p);
        }
    });
}

void EventRepository::update_publication(const Publication& p) { save_publication(p, false); }

void EventRepository::unlink_publication(int64_t publication_id, int64_t event_id) {
    write_one(db_, "DELETE FROM exchange_publication_source WHERE publication_id = ? AND event_id = ?", publication_id,
              event_id);
}

namespace {

bool all_digits(const std::string& s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c); });
}

// "12" or "#12": the number, else nothing.
std::optional<int64_t> number_in(const std::string& text) {
    const auto digits = !text.empty() && text.front() == '#' ? text.substr(1) : text;
    if (!all_digits(digits) || digits.size() > 18) return std::nullopt;
    return std::stoll(digits);
}

bool iso_date(const std::string& s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
    for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u})
        if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
    return true;
}

std::string trimmed(const std::string& s) {
    const auto b = s.find_first_not_of(" \t");
    if (b == std::string::npos) return {};
    return s.substr(b, s.find_last_not_of(" \t") - b + 1);
}

// The `n` labels whose name is closest to `typed`, joined by "; ".
std::string closest(std::vector<std::pair<std::string, std::string>> name_label, const std::string& typed,
                    std::size_t n = 3) {
    const auto t = normalise_name(typed);
    std::stable_sort(name_label.begin(), name_label.end(), [&](const auto& a, const auto& b) {
        return name_similarity(normalise_name(a.first), t) > name_similarity(normalise_name(b.first), t);
    });
    std::string out;
    for (std::size_t i = 0; i < name_label.size() && i < n; ++i) out += (i ? "; " : "") + name_label[i].second;
    return out.empty() ? tr("none") : out;
}

}  // namespace

Event find_event(Database& db, const std::string& typed) {
    EventRepository events(db);
    const auto text = trimmed(typed);
    if (const auto id = number_in(text)) {
        if (auto e = events.get(*id)) return *e;
        throw Error(trf("No event has the number {id}.", fmt::arg("id", *id)));
    }
    std::string date, title = text;
    if (text.size() > 11 && iso_date(text.substr(0, 10)) && (text[10] == ' ' || text[10] == '/')) {
        date = text.substr(0, 10);
        title = trimmed(text.substr(11));
    } else if (const auto space = text.find(' '); space != std::string::npos) {
        // The date as people write it: "16/11/2026 Logement d'abord".
        if (const auto iso = locale::parse_date(text.substr(0, space))) {
            date = *iso;
            title = trimmed(text.substr(space + 1));
        }
    }
    const auto wanted = normalise_name(title);
    std::vector<Event> found;
    std::vector<std::pair<std::string, std::string>> all;  // title, "date — title — number"
    const auto label = [&](const Event& e, const std::string& day) {
        return (day.empty() ? std::string(10, '-') : day) + " — " + e.title + " — " + std::to_string(e.id);
    };
    for (const auto& e : events.list()) {
        const auto days = events.days(e.id);
        all.emplace_back(e.title, label(e, days.empty() ? std::string() : days.front().date));
        if (normalise_name(e.title) != wanted) continue;
        if (date.empty() || std::any_of(days.begin(), days.end(), [&](const Session& d) { return d.date == date; }))
            found.push_back(e);
    }
    if (found.size() == 1) return found.front();
    if (found.size() > 1) {
        std::string list;
        for (const auto& e : found) list += (list.empty() ? "" : "; ") + label(e, events.first_date(e.id));
        throw Error(trf("Several events are named \"{name}\": {list}. Give the date and the title "
                        "(\"YYYY-MM-DD Title\") or the number.",
                        fmt::arg("name", text), fmt::arg("list", list)));
    }
    throw Error(trf("No event is named \"{name}\". The closest: {list}.", fmt::arg("name", text),
                    fmt::arg("list", closest(all, title))));
}

Table find_table(Database& db, int64_t event_id, const std::string& typed) {
    const auto text = trimmed(typed);
    const auto tables = EventRepository(db).tables(event_id);
    if (const auto id = number_in(text)) {
        for (const auto& t : tables)
            if (t.id == *id) return t;
    }
    const auto wanted = normalise_name(text);
    std::vector<std::pair<std::string, std::string>> all;
    for (const auto& t : tables) {
        if (normalise_name(t.title) == wanted) return t;
        all.emplace_back(t.title, std::to_string(t.position) + ". " + t.title + " — " + std::to_string(t.id));
    }
    throw Error(trf("This event has no table \"{name}\". Its tables: {list}.", fmt::arg("name", text),
                    fmt::arg("list", closest(all, text, all.size()))));
}

}  // namespace maillage::exchange
