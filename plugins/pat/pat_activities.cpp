#include "pat_activities.h"

#include "pat_rules.h"

#include "core/validate.h"
#include "core/audit.h"
#include "core/database.h"
#include "core/error.h"
#include "core/i18n.h"
#include "core/record_table.h"
#include "core/row_query.h"
#include "core/institutions.h"
#include "core/people.h"
#include "core/report.h"
#include "core/sectors.h"
#include "core/sessions.h"
#include "core/sql_util.h"

#include <algorithm>
#include <chrono>

namespace maillage::pat {
namespace {

void check_date(const std::string& field, const std::string& date) {
    if (!is_iso_date(date))
        throw Error(trf("{field}: \"{value}\" is not a date (YYYY-MM-DD).", fmt::arg("field", field),
                        fmt::arg("value", date)));
}

int days_between(const std::string& from, const std::string& to) {
    using namespace std::chrono;
    auto parse = [](const std::string& d) {
        return sys_days(year_month_day(year(std::stoi(d.substr(0, 4))), month(unsigned(std::stoi(d.substr(5, 2)))),
                                       day(unsigned(std::stoi(d.substr(8, 2))))));
    };
    return int((parse(to) - parse(from)).count()) + 1;
}

}  // namespace

namespace {
void check_training(const Training& t) {
    check_date(tr("Date"), t.date);
    validate::minutes(tr("Duration"), t.duration_minutes);
    validate::count(tr("Participants"), t.participants);
}
const RecordTable<Training> kTrainingTable{
    "pat_training",
    {"title", "audience", "institution_id", "date", "duration_minutes", "participants", "funder_id", "notes"},
    [](SQLite::Statement& q, const Training& t) {
        bind_all(q, text_or_null(t.title), text_or_null(t.audience), t.institution_id, t.date, t.duration_minutes,
                 t.participants, t.funder_id, text_or_null(t.notes));
    }};
const RowMap kTrainingRow{
    column("id", &Training::id), column("title", &Training::title), column("audience", &Training::audience),
    column("institution_id", &Training::institution_id), column("date", &Training::date),
    column("duration_minutes", &Training::duration_minutes), column("participants", &Training::participants),
    column("funder_id", &Training::funder_id), column("notes", &Training::notes)};

void check_advocacy(const Advocacy& a) {
    if (std::find(kAdvocacyKinds.begin(), kAdvocacyKinds.end(), a.kind) == kAdvocacyKinds.end())
        throw Error(trf("Kind: \"{value}\" is not one of talk, interview, podcast, meeting.", fmt::arg("value", a.kind)));
    check_date(tr("Date"), a.date);
    if (a.audience_size) validate::count(tr("Audience size"), *a.audience_size);
    validate::url(tr("Link"), a.link);
}
const RecordTable<Advocacy> kAdvocacyTable{
    "pat_advocacy", {"kind", "date", "title", "audience", "audience_size", "link", "funder_id", "notes"},
    [](SQLite::Statement& q, const Advocacy& a) {
        bind_all(q, a.kind, a.date, text_or_null(a.title), text_or_null(a.audience), a.audience_size,
                 text_or_null(a.link), a.funder_id, text_or_null(a.notes));
    }};
const RowMap kAdvocacyRow{
    column("id", &Advocacy::id), column("kind", &Advocacy::kind), column("date", &Advocacy::date),
    column("title", &Advocacy::title), column("audience", &Advocacy::audience),
    column("audience_size", &Advocacy::audience_size), column("link", &Advocacy::link),
    column("funder_id", &Advocacy::funder_id), column("notes", &Advocacy::notes)};
std::string advocacy_summary(const Advocacy& a) { return a.kind + " " + a.date; }
}  // namespace

// Trainings and advocacy actions are written the same way, each from its table above.
int64_t ActivityRepository::add_training(const Training& t) {
    check_training(t);
    return kTrainingTable.create(db_, t, t.title);
}
int64_t ActivityRepository::add_advocacy(const Advocacy& a) {
    check_advocacy(a);
    return kAdvocacyTable.create(db_, a, advocacy_summary(a));
}

void ActivityRepository::update_training(const Training& t) {
    check_training(t);
    kTrainingTable.update(db_, t.id, t, t.title, tr("This training no longer exists."));
}
void ActivityRepository::update_advocacy(const Advocacy& a) {
    check_advocacy(a);
    kAdvocacyTable.update(db_, a.id, a, advocacy_summary(a), tr("This advocacy action no longer exists."));
}

void ActivityRepository::remove_training(int64_t id) {
    kTrainingTable.remove(db_, id, tr("This training no longer exists."));
}
void ActivityRepository::remove_advocacy(int64_t id) {
    kAdvocacyTable.remove(db_, id, tr("This advocacy action no longer exists."));
}

std::vector<Training> ActivityRepository::trainings(const std::string& from, const std::string& to) const {
    return select_all(db_.sql(), kTrainingRow, "FROM pat_training WHERE date BETWEEN ? AND ? ORDER BY date, id", from,
                      to);
}
std::vector<Advocacy> ActivityRepository::advocacy(const std::string& from, const std::string& to) const {
    return select_all(db_.sql(), kAdvocacyRow, "FROM pat_advocacy WHERE date BETWEEN ? AND ? ORDER BY date, id", from,
                      to);
}

int64_t ActivityRepository::set_workplace(const Workplace& w) {
    if (!InstitutionRepository(db_).get(w.institution_id)) throw Error(tr("Institution: no such institution."));
    if (!w.since.empty()) check_date(tr("Since"), w.since);
    validate::count(tr("Peer workers"), w.peer_workers);
    return db_.write([&] {
        exec_sql(db_.sql(),
                 "INSERT INTO pat_workplace(institution_id, since, sector_id, peer_workers, notes) "
                 "VALUES (?,?,?,?,?) ON CONFLICT(institution_id) DO UPDATE SET since=excluded.since, "
                 "sector_id=excluded.sector_id, peer_workers=excluded.peer_workers, notes=excluded.notes, "
                 "ended_on=NULL",
                 w.institution_id, text_or_null(w.since), w.sector_id, w.peer_workers, text_or_null(w.notes));
        const auto wid = select_value<int64_t>(db_.sql(), "SELECT id FROM pat_workplace WHERE institution_id = ?",
                                               w.institution_id);
        audit(db_, "set", "pat_workplace", wid, std::to_string(w.peer_workers));
        return wid;
    });
}

void ActivityRepository::end_workplace(int64_t id, const std::string& date) {
    check_date(tr("Ended on"), date);
    db_.write([&] {
        SQLite::Statement q(db_.sql(), "SELECT coalesce(since,''), ended_on FROM pat_workplace WHERE id = ?");
        q.bind(1, id);
        if (!q.executeStep()) throw Error(tr("This workplace no longer exists."));
        if (!q.getColumn(1).isNull()) throw Error(tr("This workplace is already ended."));
        if (date < q.getColumn(0).getString())
            throw Error(trf("The end {date} is before the start ({since}).", fmt::arg("date", date),
                            fmt::arg("since", q.getColumn(0).getString())));
        exec_sql(db_.sql(), "UPDATE pat_workplace SET ended_on = ? WHERE id = ?", date, id);
        audit(db_, "end", "pat_workplace", id, date);
    });
}

void ActivityRepository::remove_workplace(int64_t id) {
    delete_row(db_, "pat_workplace", id, tr("This workplace no longer exists."));
}

std::vector<Workplace> ActivityRepository::workplaces(const std::string& language, bool include_ended) const {
    struct Row {
        Workplace w;
        std::optional<int64_t> sector_shown;  // the workplace's sector, else the institution's primary one
    };
    using W = Workplace;
    static const RowMap kWorkplaceRow{
        column("w.id", &Row::w, &W::id), column("w.institution_id", &Row::w, &W::institution_id),
        column("w.since", &Row::w, &W::since), column("w.sector_id", &Row::w, &W::sector_id),
        column("w.peer_workers", &Row::w, &W::peer_workers), column("w.notes", &Row::w, &W::notes),
        column("i.name", &Row::w, &W::institution_name), column("i.region", &Row::w, &W::region),
        column("i.municipality", &Row::w, &W::municipality), column("w.ended_on", &Row::w, &W::ended_on),
        column("coalesce(w.sector_id, (SELECT sector_id FROM institution_sector s WHERE s.institution_id = i.id "
               "ORDER BY is_primary DESC, sector_id LIMIT 1)) AS sector_shown",
               &Row::sector_shown)};
    std::map<int64_t, std::string> labels;
    for (const auto& s : SectorRepository(db_).list(true)) labels[s.id] = s.label(language);
    std::vector<Workplace> out;
    for (auto& r : select_all(db_.sql(), kWorkplaceRow,
                              "FROM pat_workplace w JOIN institution i ON i.id = w.institution_id "
                              "WHERE w.ended_on IS NULL OR ? ORDER BY i.region, i.municipality, i.name",
                              include_ended ? 1 : 0)) {
        if (r.sector_shown) r.w.sector_label = labels[*r.sector_shown];
        out.push_back(std::move(r.w));
    }
    return out;
}

std::string first_session_date(Database& db) {
    return select_value<std::string>(db.sql(), "SELECT min(s.date) FROM pat_session p JOIN session s "
                                               "ON s.id = p.session_id WHERE s.status = 'held'");
}

StaffTime staff_time(Database& db, const std::string& from, const std::string& to, double weekly_hours,
                     const std::vector<int64_t>& team) {
    if (!is_iso_date(from) || !is_iso_date(to) || to < from)
        throw Error(tr("The period needs two dates (YYYY-MM-DD), the first not after the second."));
    using P = StaffTime::Person;
    static const RowMap kStaffRow{column("a.person_id", &P::person_id), column("count(*) AS sessions", &P::sessions),
                                  column("sum(p.duration_minutes + p.preparation_minutes) AS minutes", &P::minutes)};
    StaffTime out;
    std::map<int64_t, StaffTime::Person> by_person;
    for (auto id : team) by_person[id].person_id = id;
    for (const auto& p : select_all(db.sql(), kStaffRow,
                                    "FROM pat_session p JOIN session s ON s.id = p.session_id "
                                    "JOIN attendance a ON a.session_id = s.id AND a.role = 'staff' "
                                    "WHERE s.status = 'held' AND s.date BETWEEN ? AND ? GROUP BY a.person_id",
                                    from, to))
        if (team.empty() || by_person.count(p.person_id)) by_person[p.person_id] = p;
    const double weeks = days_between(from, to) / 7.0;
    const double per_person = weeks * weekly_hours * 60.0;
    PersonRepository people(db);
    for (auto& [id, p] : by_person) {
        if (auto person = people.get(id)) p.name = person->display_name();
        p.share = percent(p.minutes, per_person);
        out.total_minutes += p.minutes;
        out.people.push_back(p);
    }
    std::stable_sort(out.people.begin(), out.people.end(),
                     [](const StaffTime::Person& a, const StaffTime::Person& b) { return a.minutes > b.minutes; });
    out.available_minutes = per_person * double(out.people.size());
    out.share = percent(out.total_minutes, out.available_minutes);
    return out;
}

}  // namespace maillage::pat
