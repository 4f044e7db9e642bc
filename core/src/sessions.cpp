#include "core/sessions.h"

#include "core/audit.h"
#include "core/database.h"
#include "core/error.h"
#include "core/i18n.h"
#include "core/single_line.h"
#include "core/people.h"
#include "core/record_map.h"
#include "core/record_sql.h"
#include "core/row_reader.h"
#include "core/sql_util.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <chrono>

namespace maillage {
namespace {
const RowMap kSessionRow{column("id", &Session::id), column("kind", &Session::kind),
    nullable(column("title", &Session::title)), column("date", &Session::date),
    nullable(column("start_time", &Session::start_time)), nullable(column("end_time", &Session::end_time)),
    nullable(column("place", &Session::place)), column("host_institution_id", &Session::host_institution_id),
    nullable(column("language", &Session::language)), column("programme_id", &Session::programme_id),
    column("funder_id", &Session::funder_id), column("status", &Session::status),
    nullable(column("notes", &Session::notes))};
const RecordTable<Session> kSessionTable = record_table_of<kSessionRow>("session");

const RowMap kAttendanceRow{column("id", &Attendance::id), column("session_id", &Attendance::session_id),
    column("person_id", &Attendance::person_id), column("status", &Attendance::status),
    column("role", &Attendance::role), column("reason", &Attendance::reason),
    column("institution_id", &Attendance::institution_id), column("sector_id", &Attendance::sector_id)};

}  // namespace

bool is_iso_date(const std::string& t) {
    if (t.size() != 10 || t[4] != '-' || t[7] != '-') return false;
    for (int i : {0, 1, 2, 3, 5, 6, 8, 9})
        if (t[i] < '0' || t[i] > '9') return false;
    const int y = std::stoi(t.substr(0, 4)), m = std::stoi(t.substr(5, 2)), d = std::stoi(t.substr(8, 2));
    return std::chrono::year_month_day{std::chrono::year{y}, std::chrono::month{unsigned(m)},
                                       std::chrono::day{unsigned(d)}}
        .ok();
}

bool is_time(const std::string& t) {
    if (t.size() != 5 || t[2] != ':') return false;
    for (int i : {0, 1, 3, 4})
        if (t[i] < '0' || t[i] > '9') return false;
    return std::stoi(t.substr(0, 2)) < 24 && std::stoi(t.substr(3, 2)) < 60;
}

void validate_session(const Session& s) {
    if (s.kind.empty()) throw Error(tr("Kind: a session needs a kind."));
    require_single_line(tr("Title"), s.title);
    require_single_line(tr("Place"), s.place);
    if (!is_iso_date(s.date))
        throw Error(trf("Date: \"{value}\" is not a date (YYYY-MM-DD).", fmt::arg("value", s.date)));
    if (!s.start_time.empty() && !is_time(s.start_time))
        throw Error(trf("Start: \"{value}\" is not a time (HH:MM).", fmt::arg("value", s.start_time)));
    if (!s.end_time.empty() && !is_time(s.end_time))
        throw Error(trf("End: \"{value}\" is not a time (HH:MM).", fmt::arg("value", s.end_time)));
    if (!s.start_time.empty() && !s.end_time.empty() && s.end_time <= s.start_time)
        throw Error(tr("End: the session ends before it starts."));
    if (s.status != "planned" && s.status != "held" && s.status != "cancelled")
        throw Error(trf("Status: \"{value}\" is not one of planned, held, cancelled.", fmt::arg("value", s.status)));
}

double Session::hours() const {
    if (!is_time(start_time) || !is_time(end_time)) return 0;
    const int a = std::stoi(start_time.substr(0, 2)) * 60 + std::stoi(start_time.substr(3, 2));
    const int b = std::stoi(end_time.substr(0, 2)) * 60 + std::stoi(end_time.substr(3, 2));
    return b > a ? (b - a) / 60.0 : 0;
}

std::optional<Session> SessionRepository::get(int64_t id) const {
    return query_one(db_.sql(), kSessionRow, kSessionRow.select("FROM session WHERE id = ?"), id);
}

std::vector<Session> SessionRepository::between(const std::string& kind, const std::string& from,
                                                const std::string& to) const {
    return query_all(db_.sql(), kSessionRow,
                     kSessionRow.select("FROM session WHERE (?1 = '' OR kind = ?1) AND date BETWEEN ?2 AND ?3 "
                                        "ORDER BY date, start_time, id"),
                     kind, from, to);
}

int64_t SessionRepository::create(const Session& s) {
    validate_session(s);
    return kSessionTable.create(db_, s, s.kind + " " + s.date);
}

void SessionRepository::update(const Session& s) {
    validate_session(s);
    kSessionTable.update(db_, s.id, s, s.kind + " " + s.date, tr("This session no longer exists."));
}

void SessionRepository::remove(int64_t id) {
    db_.write([&] { delete_audited(db_, "session", id); });
}

int64_t SessionRepository::record(const Attendance& a) {
    static const char* statuses[] = {"registered", "present", "excused", "absent"};
    static const char* roles[] = {"participant", "facilitator", "speaker", "trainer", "staff", "organiser"};
    if (std::find(std::begin(statuses), std::end(statuses), a.status) == std::end(statuses))
        throw Error(trf("Status: \"{value}\" is not one of registered, present, excused, absent.",
                        fmt::arg("value", a.status)));
    if (std::find(std::begin(roles), std::end(roles), a.role) == std::end(roles))
        throw Error(trf("Role: \"{value}\" is not one of participant, facilitator, speaker, trainer, staff, "
                        "organiser.",
                        fmt::arg("value", a.role)));
    return db_.write([&] {
        auto session = get(a.session_id);
        if (!session) throw Error(tr("This session no longer exists."));
        auto institution = a.institution_id;
        auto sector = a.sector_id;
        if (!institution) {
            const auto at = PersonRepository(db_).affiliation_at(a.person_id, session->date);
            institution = at.institution_id;
            if (!sector) sector = at.sector_id;
        }
        exec_sql(db_.sql(),
                 "INSERT INTO attendance(session_id, person_id, status, role, reason, institution_id, sector_id) "
                 "VALUES (?,?,?,?,?,?,?) ON CONFLICT(session_id, person_id) DO UPDATE SET "
                 "status=excluded.status, role=excluded.role, reason=excluded.reason, "
                 "institution_id=excluded.institution_id, sector_id=excluded.sector_id",
                 a.session_id, a.person_id, a.status, a.role, text_or_null(a.reason), institution, sector);
        return *select_first<int64_t>(db_.sql(), "SELECT id FROM attendance WHERE session_id = ? AND person_id = ?",
                                     a.session_id, a.person_id);
    });
}

void SessionRepository::remove_attendance(int64_t session_id, int64_t person_id) {
    db_.write([&] {
        exec_sql(db_.sql(), "DELETE FROM attendance WHERE session_id = ? AND person_id = ?", session_id, person_id);
    });
}

std::vector<Attendance> SessionRepository::attendance(int64_t session_id) const {
    return query_all(db_.sql(), kAttendanceRow,
                     kAttendanceRow.select("FROM attendance WHERE session_id = ? ORDER BY id"), session_id);
}

}  // namespace maillage
