#include "events.h"

#include "exchange_schema.h"
#include "registrations.h"
#include "core/sql_util.h"
#include "core/row_reader.h"
#include "text_match.h"

#include "core/audit.h"
#include "core/database.h"
#include "core/error.h"
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
    column("e.theme", &Event::theme), column("e.venue", &Event::venue), column("e.capacity", &Event::capacity),
    column("e.languages", &Event::languages), column("e.role", &Event::role),
    column("e.programme_id", &Event::programme_id), column("e.funder_id", &Event::funder_id),
    column("e.objectives", &Event::objectives), column("e.programme_text", &Event::programme_text),
    column("e.notes", &Event::notes)};

std::string select_event(std::string_view rest) { return kEventRow.select("FROM exchange_event e " + std::string(rest)); }

const RowMap kEventTypeRow{column("id", &EventType::id), column("code", &EventType::code),
                           column("label_fr", &EventType::label_fr), column("label_nl", &EventType::label_nl),
                           column("label_en", &EventType::label_en),
                           column("counts_as_group", &EventType::counts_as_group)};

std::string select_type(std::string_view rest) {
    return kEventTypeRow.select("FROM exchange_event_type " + std::string(rest));
}

void bind_event(SQLite::Statement& q, const Event& e) {
    bind_all(q, e.type_id, e.title, text_or_null(e.theme), text_or_null(e.venue), e.capacity,
             text_or_null(e.languages), e.role, e.programme_id, e.funder_id, text_or_null(e.objectives),
             text_or_null(e.programme_text), text_or_null(e.notes));
}

std::vector<Session> sessions_of(Database& db, const char* link_table, int64_t event_id) {
    SQLite::Statement q(db.sql(), std::string("SELECT s.id FROM ") + link_table +
                                      " l JOIN session s ON s.id = l.session_id WHERE l.event_id = ? "
                                      "ORDER BY s.date, coalesce(s.start_time,''), s.id");
    q.bind(1, event_id);
    std::vector<int64_t> ids;
    while (q.executeStep()) ids.push_back(q.getColumn(0).getInt64());
    std::vector<Session> out;
    SessionRepository sessions(db);
    for (auto id : ids)
        if (auto s = sessions.get(id)) out.push_back(*s);
    return out;
}

std::vector<int64_t> ids_of(Database& db, const std::string& sql, int64_t id) {
    SQLite::Statement q(db.sql(), sql);
    q.bind(1, id);
    std::vector<int64_t> out;
    while (q.executeStep()) out.push_back(q.getColumn(0).getInt64());
    return out;
}

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
    SQLite::Statement q(db_.sql(), select_type("WHERE retired_at IS NULL ORDER BY sort_order, id"));
    return read_all(q, kEventTypeRow);
}

std::optional<EventType> EventRepository::find_type(const std::string& code_or_label) const {
    const auto key = normalise_name(code_or_label);
    SQLite::Statement q(db_.sql(), select_type("ORDER BY sort_order, id"));
    RowReader row(q, kEventTypeRow);
    while (q.executeStep()) {
        auto t = row.read();
        if (key == normalise_name(t.code) || key == normalise_name(t.label_fr) ||
            key == normalise_name(t.label_nl) || key == normalise_name(t.label_en))
            return t;
    }
    return std::nullopt;
}

std::optional<EventType> EventRepository::type(int64_t id) const {
    SQLite::Statement q(db_.sql(), select_type("WHERE id = ?"));
    q.bind(1, id);
    return read_one(q, kEventTypeRow);
}

int64_t EventRepository::create(const Event& e) {
    if (normalise_name(e.title).empty()) throw Error(tr("An event needs a title."));
    require_single_line(tr("Title"), e.title);
    require_single_line(tr("Venue"), e.venue);
    if (!type(e.type_id)) throw Error(tr("Unknown event type."));
    validate_event_role(e.role);
    validate::count(tr("Capacity"), e.capacity);
    return db_.write([&] {
        SQLite::Statement q(db_.sql(),
                            "INSERT INTO exchange_event(type_id, title, theme, venue, capacity, languages, role, "
                            "programme_id, funder_id, objectives, programme_text, notes) "
                            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?)");
        bind_event(q, e);
        q.exec();
        const auto id = db_.sql().getLastInsertRowid();
        audit(db_, "create", "exchange_event", id, e.title);
        return id;
    });
}

void EventRepository::update(const Event& e) {
    if (normalise_name(e.title).empty()) throw Error(tr("An event needs a title."));
    require_single_line(tr("Title"), e.title);
    require_single_line(tr("Venue"), e.venue);
    if (!type(e.type_id)) throw Error(tr("Unknown event type."));
    validate_event_role(e.role);
    validate::count(tr("Capacity"), e.capacity);
    db_.write([&] {
        SQLite::Statement q(db_.sql(),
                            "UPDATE exchange_event SET type_id=?, title=?, theme=?, venue=?, capacity=?, "
                            "languages=?, role=?, programme_id=?, funder_id=?, objectives=?, programme_text=?, "
                            "notes=? WHERE id=?");
        bind_event(q, e);
        q.bind(13, e.id);
        q.exec();
        audit(db_, "update", "exchange_event", e.id, e.title);
        // A larger capacity frees seats.
        RegistrationService(db_).promote_waiting(e.id);
    });
}

std::optional<Event> EventRepository::get(int64_t id) const {
    SQLite::Statement q(db_.sql(), select_event("WHERE e.id = ?"));
    q.bind(1, id);
    return read_one(q, kEventRow);
}

std::vector<Event> EventRepository::list(const std::string& from, const std::string& to,
                                         bool include_undated) const {
    SQLite::Statement q(db_.sql(),
                        select_event(
                            "LEFT JOIN (SELECT l.event_id, min(s.date) AS first, max(s.date) AS last, "
                            "sum(s.date BETWEEN ?1 AND ?2) AS inside FROM exchange_event_session l "
                            "JOIN session s ON s.id = l.session_id GROUP BY l.event_id) d ON d.event_id = e.id "
                            "WHERE coalesce(d.inside, 0) > 0 OR (?3 AND d.first IS NULL) "
                            "ORDER BY coalesce(d.first, '9999'), e.id"));
    bind_all(q, from, to, include_undated ? 1 : 0);
    return read_all(q, kEventRow);
}

int64_t EventRepository::add_day(int64_t event_id, Session day) {
    const auto e = get(event_id);
    if (!e) throw Error(tr("This event does not exist."));
    day.kind = kEventSessionKind;
    if (day.title.empty()) day.title = e->title;
    if (day.place.empty()) day.place = e->venue;
    if (!day.programme_id) day.programme_id = e->programme_id;
    if (!day.funder_id) day.funder_id = e->funder_id;
    return db_.write([&] {
        const auto sid = SessionRepository(db_).create(day);
        SQLite::Statement q(db_.sql(), "INSERT INTO exchange_event_session(event_id, session_id) VALUES (?,?)");
        bind_all(q, event_id, sid);
        q.exec();
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
    db_.write([&] {
        SQLite::Statement q(db_.sql(), "INSERT OR IGNORE INTO exchange_event_partner VALUES (?,?)");
        bind_all(q, event_id, institution_id);
        q.exec();
    });
}

std::vector<int64_t> EventRepository::partners(int64_t event_id) const {
    return ids_of(db_, "SELECT institution_id FROM exchange_event_partner WHERE event_id = ? ORDER BY institution_id",
                  event_id);
}

void EventRepository::add_group_service(int64_t event_id, int64_t institution_id) {
    db_.write([&] {
        SQLite::Statement q(db_.sql(), "INSERT OR IGNORE INTO exchange_group_service VALUES (?,?)");
        bind_all(q, event_id, institution_id);
        q.exec();
    });
}

std::vector<int64_t> EventRepository::group_services(int64_t event_id) const {
    return ids_of(db_, "SELECT institution_id FROM exchange_group_service WHERE event_id = ? ORDER BY institution_id",
                  event_id);
}

int64_t EventRepository::add_committee_member(int64_t event_id, int64_t institution_id,
                                              std::optional<int64_t> person_id) {
    return db_.write([&] {
        SQLite::Statement q(db_.sql(), "INSERT INTO exchange_committee_member(event_id, institution_id, person_id) "
                                       "VALUES (?,?,?)");
        bind_all(q, event_id, institution_id, person_id);
        q.exec();
        return db_.sql().getLastInsertRowid();
    });
}

std::vector<CommitteeMember> EventRepository::committee(int64_t event_id) const {
    SQLite::Statement q(db_.sql(), "SELECT id, institution_id, person_id FROM exchange_committee_member "
                                   "WHERE event_id = ? ORDER BY id");
    q.bind(1, event_id);
    std::vector<CommitteeMember> out;
    while (q.executeStep()) out.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getInt64(), col_opt(q, 2)});
    return out;
}

int64_t EventRepository::add_committee_meeting(int64_t event_id, Session meeting) {
    const auto e = get(event_id);
    if (!e) throw Error(tr("This event does not exist."));
    meeting.kind = kCommitteeSessionKind;
    if (meeting.title.empty()) meeting.title = e->title;
    if (!meeting.programme_id) meeting.programme_id = e->programme_id;
    if (!meeting.funder_id) meeting.funder_id = e->funder_id;
    return db_.write([&] {
        const auto sid = SessionRepository(db_).create(meeting);
        SQLite::Statement q(db_.sql(), "INSERT INTO exchange_committee_meeting(event_id, session_id) VALUES (?,?)");
        bind_all(q, event_id, sid);
        q.exec();
        return sid;
    });
}

std::vector<Session> EventRepository::committee_meetings(int64_t event_id) const {
    return sessions_of(db_, "exchange_committee_meeting", event_id);
}

int64_t EventRepository::add_decision(int64_t meeting_session_id, const std::string& text) {
    if (normalise_name(text).empty()) throw Error(tr("A decision needs a text."));
    return db_.write([&] {
        SQLite::Statement q(db_.sql(), "INSERT INTO exchange_committee_decision(session_id, text) VALUES (?,?)");
        bind_all(q, meeting_session_id, text);
        q.exec();
        return db_.sql().getLastInsertRowid();
    });
}

std::vector<std::string> EventRepository::decisions(int64_t meeting_session_id) const {
    SQLite::Statement q(db_.sql(), "SELECT text FROM exchange_committee_decision WHERE session_id = ? ORDER BY id");
    q.bind(1, meeting_session_id);
    std::vector<std::string> out;
    while (q.executeStep()) out.push_back(q.getColumn(0).getString());
    return out;
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
    SQLite::Statement q(db_.sql(), "SELECT id, event_id, position, title, coalesce(question,'') FROM exchange_table "
                                   "WHERE event_id = ? ORDER BY position");
    q.bind(1, event_id);
    std::vector<Table> out;
    while (q.executeStep())
        out.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getInt64(), q.getColumn(2).getInt(),
                       q.getColumn(3).getString(), q.getColumn(4).getString(), {}});
    for (auto& t : out)
        t.facilitator_ids = ids_of(db_, "SELECT person_id FROM exchange_table_facilitator WHERE table_id = ? "
                                        "ORDER BY person_id",
                                   t.id);
    return out;
}

std::optional<Table> EventRepository::table(int64_t table_id) const {
    SQLite::Statement q(db_.sql(), "SELECT event_id FROM exchange_table WHERE id = ?");
    q.bind(1, table_id);
    if (!q.executeStep()) return std::nullopt;
    for (auto& t : tables(q.getColumn(0).getInt64()))
        if (t.id == table_id) return t;
    return std::nullopt;
}

void EventRepository::add_table_facilitator(int64_t table_id, int64_t person_id) {
    const auto t = table(table_id);
    if (!t) throw Error(tr("This table does not exist."));
    db_.write([&] {
        SQLite::Statement q(db_.sql(), "INSERT OR IGNORE INTO exchange_table_facilitator VALUES (?,?)");
        bind_all(q, table_id, person_id);
        q.exec();
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
        SQLite::Statement up(db_.sql(), "UPDATE exchange_registration SET table_id = ? WHERE id = ?");
        bind_all(up, table_id, r->id);
        up.exec();
    });
}

int64_t EventRepository::add_publication(const Publication& p) {
    if (normalise_name(p.title).empty()) throw Error(tr("A publication needs a title."));
    require_single_line(tr("Title"), p.title);
    if (!p.date.empty() && !is_iso_date(p.date))
        throw Error(tr("The publication date must be written YYYY-MM-DD."));
    validate::count(tr("Copies"), p.copies);
    validate::url(tr("Link"), p.link);
    return db_.write([&] {
        SQLite::Statement q(db_.sql(), "INSERT INTO exchange_publication(title, collection, number, languages, "
                                       "copies, date, link, notes) VALUES (?,?,?,?,?,?,?,?)");
        bind_all(q, p.title, text_or_null(p.collection), text_or_null(p.number), text_or_null(p.languages),
                 p.copies, text_or_null(p.date), text_or_null(p.link), text_or_null(p.notes));
        q.exec();
        const auto id = db_.sql().getLastInsertRowid();
        audit(db_, "create", "exchange_publication", id, p.title);
        return id;
    });
}

void EventRepository::link_publication(int64_t publication_id, int64_t event_id, std::optional<int64_t> table_id) {
    db_.write([&] {
        SQLite::Statement q(db_.sql(), "INSERT OR IGNORE INTO exchange_publication_source(publication_id, event_id, table_id) VALUES (?,?,?)");
        bind_all(q, publication_id, event_id, table_id);
        q.exec();
    });
}

std::vector<Publication> EventRepository::publications(const std::string& from, const std::string& to) const {
    std::string sql = "SELECT id, title, collection, number, languages, copies, date, link, notes "
                      "FROM exchange_publication ";
    const bool filter = !from.empty() || !to.empty();
    if (filter) sql += "WHERE date BETWEEN ?1 AND ?2 ";
    sql += "ORDER BY coalesce(date,''), id";
    SQLite::Statement q(db_.sql(), sql);
    if (filter) {
        bind_all(q, from.empty() ? std::string("0000-01-01") : from,
                 to.empty() ? std::string("9999-12-31") : to);
    }
    std::vector<Publication> out;
    while (q.executeStep()) {
        Publication p;
        p.id = q.getColumn(0).getInt64();
        p.title = q.getColumn(1).getString();
        p.collection = col_text(q, 2);
        p.number = col_text(q, 3);
        p.languages = col_text(q, 4);
        p.copies = col_opt(q, 5);
        p.date = col_text(q, 6);
        p.link = col_text(q, 7);
        p.notes = col_text(q, 8);
        out.push_back(p);
    }
    return out;
}

std::vector<int64_t> EventRepository::publication_events(int64_t publication_id) const {
    return ids_of(db_, "SELECT DISTINCT event_id FROM exchange_publication_source WHERE publication_id = ?",
                  publication_id);
}

void EventRepository::set_partners(int64_t event_id, const std::vector<int64_t>& institution_ids) {
    db_.write([&] {
        SQLite::Statement del(db_.sql(), "DELETE FROM exchange_event_partner WHERE event_id = ?");
        del.bind(1, event_id);
        del.exec();
        for (auto id : institution_ids) add_partner(event_id, id);
    });
}

void EventRepository::remove_group_service(int64_t event_id, int64_t institution_id) {
    db_.write([&] {
        SQLite::Statement q(db_.sql(), "DELETE FROM exchange_group_service WHERE event_id = ? AND institution_id = ?");
        bind_all(q, event_id, institution_id);
        q.exec();
    });
}

void EventRepository::remove_committee_member(int64_t member_id) {
    db_.write([&] {
        SQLite::Statement q(db_.sql(), "DELETE FROM exchange_committee_member WHERE id = ?");
        q.bind(1, member_id);
        q.exec();
    });
}

void EventRepository::remove_session(int64_t session_id) {
    db_.write([&] {
        SQLite::Statement q(db_.sql(), "DELETE FROM exchange_committee_decision WHERE session_id = ?");
        q.bind(1, session_id);
        q.exec();
        SessionRepository(db_).remove(session_id);
    });
}

void EventRepository::update_table(int64_t table_id, const std::string& title, const std::string& question) {
    if (!table(table_id)) throw Error(tr("This table does not exist."));
    if (normalise_name(title).empty()) throw Error(tr("A table needs a title."));
    require_single_line(tr("Title"), title);
    db_.write([&] {
        SQLite::Statement q(db_.sql(), "UPDATE exchange_table SET title = ?, question = ? WHERE id = ?");
        bind_all(q, title, text_or_null(question), table_id);
        q.exec();
        audit(db_, "update", "exchange_table", table_id, title);
    });
}

void EventRepository::remove_table(int64_t table_id) {
    db_.write([&] {
        for (const char* sql : {"UPDATE exchange_registration SET table_id = NULL WHERE table_id = ?1",
                                "UPDATE exchange_registration SET table_choice_id = NULL WHERE table_choice_id = ?1",
                                "DELETE FROM exchange_table_facilitator WHERE table_id = ?1",
                                "DELETE FROM exchange_table WHERE id = ?1"}) {
            SQLite::Statement q(db_.sql(), sql);
            q.bind(1, table_id);
            q.exec();
        }
        audit(db_, "delete", "exchange_table", table_id, "");
    });
}

void EventRepository::remove_table_facilitator(int64_t table_id, int64_t person_id) {
    db_.write([&] {
        SQLite::Statement q(db_.sql(), "DELETE FROM exchange_table_facilitator WHERE table_id = ? AND person_id = ?");
        bind_all(q, table_id, person_id);
        q.exec();
    });
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
    auto count = [&](const char* sql) {
        SQLite::Statement q(db_.sql(), sql);
        q.bind(1, event_id);
        return q.executeStep() ? q.getColumn(0).getInt64() : int64_t(0);
    };
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
        SQLite::Statement r(db_.sql(), "DELETE FROM response WHERE subject_kind = 'exchange_event' AND subject_id = ?");
        r.bind(1, event_id);
        r.exec();
        for (const char* sql : {"DELETE FROM exchange_table_facilitator WHERE table_id IN "
                                "(SELECT id FROM exchange_table WHERE event_id = ?1)",
                                "DELETE FROM exchange_registration WHERE event_id = ?1",
                                "DELETE FROM exchange_table WHERE event_id = ?1",
                                "DELETE FROM exchange_committee_member WHERE event_id = ?1",
                                "DELETE FROM exchange_event_partner WHERE event_id = ?1",
                                "DELETE FROM exchange_group_service WHERE event_id = ?1",
                                "DELETE FROM exchange_event WHERE id = ?1"}) {
            SQLite::Statement q(db_.sql(), sql);
            q.bind(1, event_id);
            q.exec();
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

void EventRepository::update_publication(const Publication& p) {
    if (normalise_name(p.title).empty()) throw Error(tr("A publication needs a title."));
    require_single_line(tr("Title"), p.title);
    if (!p.date.empty() && !is_iso_date(p.date))
        throw Error(tr("The publication date must be written YYYY-MM-DD."));
    validate::count(tr("Copies"), p.copies);
    validate::url(tr("Link"), p.link);
    db_.write([&] {
        SQLite::Statement q(db_.sql(), "UPDATE exchange_publication SET title=?, collection=?, number=?, languages=?, "
                                       "copies=?, date=?, link=?, notes=? WHERE id=?");
        bind_all(q, p.title, text_or_null(p.collection), text_or_null(p.number), text_or_null(p.languages),
                 p.copies, text_or_null(p.date), text_or_null(p.link), text_or_null(p.notes), p.id);
        q.exec();
        audit(db_, "update", "exchange_publication", p.id, p.title);
    });
}

void EventRepository::unlink_publication(int64_t publication_id, int64_t event_id) {
    db_.write([&] {
        SQLite::Statement q(db_.sql(),
                            "DELETE FROM exchange_publication_source WHERE publication_id = ? AND event_id = ?");
        bind_all(q, publication_id, event_id);
        q.exec();
    });
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
