#include "cycles.h"

#include "core/validate.h"
#include "core/audit.h"
#include "core/code_labels.h"
#include "core/database.h"
#include "core/error.h"
#include "core/i18n.h"
#include "core/programmes.h"
#include "core/record_map.h"
#include "core/record_table.h"
#include "core/row_query.h"
#include "core/single_line.h"
#include "core/sessions.h"
#include "core/sql_util.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <sstream>

namespace maillage::intervision {
namespace {


std::string join(const std::vector<std::string>& parts) {
    std::string out;
    for (const auto& p : parts) out += (out.empty() ? "" : ",") + p;
    return out;
}
std::vector<std::string> split(const std::string& text) {
    std::vector<std::string> out;
    std::stringstream in(text);
    std::string item;
    while (std::getline(in, item, ','))
        if (!item.empty()) out.push_back(item);
    return out;
}

const RowMap kCycleRow{
    column("id", &Cycle::id), column("name", &Cycle::name), column("programme_id", &Cycle::programme_id),
    column("audience", &Cycle::audience), column("start_date", &Cycle::start_date), column("end_date", &Cycle::end_date),
    column("regional_holidays", &Cycle::regional_holidays, split), column("notes", &Cycle::notes),
    column("funder_id", &Cycle::funder_id)};
const RowMap kClosureRow{column("id", &Closure::id), column("start_date", &Closure::start_date),
                         column("end_date", &Closure::end_date), column("label", &Closure::label)};

const RecordTable<Cycle> kCycleTable{
    "intervision_cycle",
    {"name", "programme_id", "audience", "start_date", "end_date", "regional_holidays", "notes", "funder_id"},
    [](SQLite::Statement& st, const Cycle& c) {
        bind_all(st, c.name, c.programme_id, c.audience, c.start_date, c.end_date, join(c.regional_holidays),
                 text_or_null(c.notes), c.funder_id);
    }};

// The cycles `rest` selects, with their closure periods.
std::vector<Cycle> cycles_where(Database& db, std::string_view rest, const auto&... values) {
    auto found = select_all(db.sql(), kCycleRow, "FROM intervision_cycle " + std::string(rest), values...);
    for (auto& c : found)
        c.closures = select_all(db.sql(), kClosureRow,
                                "FROM intervision_closure WHERE cycle_id = ? ORDER BY start_date", c.id);
    return found;
}

const RowMap kGroupRow{
    column("id", &Group::id), column("cycle_id", &Group::cycle_id), column("name", &Group::name),
    column("language", &Group::language), column("weekday", &Group::weekday),
    column("week_of_month", &Group::week_of_month), column("half_day", &Group::half_day),
    column("start_time", &Group::start_time), column("end_time", &Group::end_time), column("capacity", &Group::capacity),
    column("venue_mode", &Group::venue_mode), nullable(column("fixed_place", &Group::fixed_place)),
    column("fixed_institution_id", &Group::fixed_institution_id),
    column("facilitator1_id", &Group::facilitator1_id), column("facilitator2_id", &Group::facilitator2_id)};
const RowSource kGroups{kGroupRow, "FROM intervision_group"};

const RecordTable<Group> kGroupTable = record_table_of<kGroupRow>("intervision_group");

const RowMap kEnrolmentRow{
    column("id", &Enrolment::id), column("group_id", &Enrolment::group_id), column("person_id", &Enrolment::person_id),
    column("institution_id", &Enrolment::institution_id), column("sector_id", &Enrolment::sector_id),
    column("status", &Enrolment::status), column("waiting_position", &Enrolment::waiting_position),
    column("enrolled_on", &Enrolment::enrolled_on), column("left_on", &Enrolment::left_on),
    column("reason", &Enrolment::reason)};
const RowSource kEnrolments{kEnrolmentRow, "FROM intervision_enrolment"};


const RowMap kGroupSessionRow{
    column("s.id AS session_id", &GroupSession::session_id), column("i.group_id", &GroupSession::group_id),
    column("s.date", &GroupSession::date), column("s.start_time", &GroupSession::start_time),
    column("s.end_time", &GroupSession::end_time), column("s.place", &GroupSession::place),
    column("s.status", &GroupSession::status), column("s.host_institution_id", &GroupSession::host_institution_id),
    column("i.manual", &GroupSession::manual), column("i.host_presentation", &GroupSession::host_presentation),
    column("i.vignette_themes", &GroupSession::vignette_themes)};

}  // namespace

std::vector<int64_t> Group::facilitators() const {
    std::vector<int64_t> out;
    if (facilitator1_id) out.push_back(*facilitator1_id);
    if (facilitator2_id) out.push_back(*facilitator2_id);
    return out;
}

void validate_cycle(const Cycle& c) {
    if (c.name.find_first_not_of(" \t") == std::string::npos) throw Error(tr("A cycle needs a name."));
    require_single_line(tr("Name"), c.name);
    if (!is_iso_date(c.start_date)) throw Error(tr("The cycle's start date must be a date (YYYY-MM-DD)."));
    if (!is_iso_date(c.end_date)) throw Error(tr("The cycle's end date must be a date (YYYY-MM-DD)."));
    if (c.end_date < c.start_date) throw Error(tr("The cycle ends before it starts."));
    if (c.audience != "workers" && c.audience != "peer_workers" && c.audience != "managers")
        throw Error(tr("The audience must be workers, peer_workers or managers."));
    for (const auto& r : c.regional_holidays)
        if (r != "cocof" && r != "flemish") throw Error(tr("Regional holidays are 'cocof' (27 September) or 'flemish' (11 July)."));
    for (const auto& cl : c.closures)
        if (!is_iso_date(cl.start_date) || !is_iso_date(cl.end_date) || cl.end_date < cl.start_date)
            throw Error(tr("A closure period needs a start and an end date (YYYY-MM-DD), in order."));
}

void validate_group(const Group& g) {
    if (g.name.find_first_not_of(" \t") == std::string::npos) throw Error(tr("A group needs a name."));
    require_single_line(tr("Name"), g.name);
    if (g.language != "fr" && g.language != "nl") throw Error(tr("A group's language is fr or nl."));
    if (g.weekday < 1 || g.weekday > 7) throw Error(tr("The weekday is 1 (Monday) to 7 (Sunday)."));
    if (g.week_of_month < 1 || g.week_of_month > 5)
        throw Error(tr("The week of the month is 1 to 4, or 5 for the last one."));
    if (g.half_day != "morning" && g.half_day != "afternoon" && g.half_day != "evening")
        throw Error(tr("The half-day is morning, afternoon or evening."));
    if (!is_time(g.start_time) || !is_time(g.end_time) || g.end_time <= g.start_time)
        throw Error(tr("A group needs a start and an end time (HH:MM), the end after the start."));
    validate::count(tr("Capacity"), g.capacity, 1);
    if (g.venue_mode != "itinerant" && g.venue_mode != "fixed") throw Error(tr("The venue is itinerant or fixed."));
    if (g.facilitator1_id && g.facilitator1_id == g.facilitator2_id)
        throw Error(tr("The two facilitators of a group must be two different people."));
}

int64_t CycleRepository::create_cycle(const Cycle& c) {
    validate_cycle(c);
    return db_.write([&] {
        const int64_t id = kCycleTable.create_unique(
            db_, c, c.name, trf("A cycle named {name} already exists for this programme.", fmt::arg("name", c.name)),
            "SELECT count(*) FROM intervision_cycle WHERE name = ? AND programme_id IS ?", c.name, c.programme_id);
        for (const auto& cl : c.closures) add_closure(id, cl);
        return id;
    });
}

void CycleRepository::update_cycle(const Cycle& c) {
    validate_cycle(c);
    kCycleTable.update(db_, c.id, c, c.name, tr("This cycle no longer exists."));
}

std::vector<Cycle> CycleRepository::cycles() const {
    return cycles_where(db_, "ORDER BY start_date DESC, name");
}

std::optional<Cycle> CycleRepository::cycle(int64_t id) const {
    auto found = cycles_where(db_, "WHERE id = ?", id);
    if (found.empty()) return std::nullopt;
    return found.front();
}

std::optional<Cycle> CycleRepository::find_cycle(const std::string& name, const std::string& programme) const {
    std::vector<Cycle> found = cycles_where(
        db_, "WHERE name = ? AND (? = '' OR programme_id IN (SELECT id FROM programme WHERE code = ?)) ORDER BY id",
        name, programme, programme);
    if (found.empty()) return std::nullopt;
    if (found.size() > 1) {
        // Never pick one silently: PAT's peer-worker cycle and Connect's share "2024-2025".
        std::string programmes;
        for (const auto& c : found) {
            std::string code = "—";
            if (c.programme_id)
                if (auto p = ProgrammeRepository(db_).get(*c.programme_id)) code = p->code;
            programmes += (programmes.empty() ? "" : ", ") + code;
        }
        throw Error(trf("{n} cycles are named {name}, in the programmes {programmes}: say which programme.",
                        fmt::arg("n", found.size()), fmt::arg("name", name), fmt::arg("programmes", programmes)));
    }
    return found.front();
}

void CycleRepository::add_closure(int64_t cycle_id, const Closure& cl) {
    if (!is_iso_date(cl.start_date) || !is_iso_date(cl.end_date) || cl.end_date < cl.start_date)
        throw Error(tr("A closure period needs a start and an end date (YYYY-MM-DD), in order."));
    db_.write([&] {
        SQLite::Statement st(db_.sql(),
                             "INSERT INTO intervision_closure(cycle_id, start_date, end_date, label) VALUES (?,?,?,?)");
        bind_all(st, cycle_id, cl.start_date, cl.end_date, text_or_null(cl.label));
        st.exec();
    });
}

int64_t CycleRepository::create_group(const Group& g) {
    validate_group(g);
    return kGroupTable.create_unique(db_, g, g.name,
                                     trf("The cycle already has a group named {name}.", fmt::arg("name", g.name)),
                                     "SELECT count(*) FROM intervision_group WHERE cycle_id = ? AND name = ?",
                                     g.cycle_id, g.name);
}

void CycleRepository::update_group(const Group& g) {
    validate_group(g);
    kGroupTable.update(db_, g.id, g, g.name, tr("This group no longer exists."));
}

std::optional<Group> CycleRepository::group(int64_t id) const {
    return kGroups.row(db_.sql(), "WHERE id = ?", id);
}

std::vector<Group> CycleRepository::groups(int64_t cycle_id) const {
    return kGroups.rows(db_.sql(), "WHERE cycle_id = ? ORDER BY id", cycle_id);
}

std::optional<Group> CycleRepository::find_group(int64_t cycle_id, const std::string& name) const {
    return kGroups.row(db_.sql(), "WHERE cycle_id = ? AND name = ?", cycle_id, name);
}

std::vector<Enrolment> CycleRepository::enrolments(int64_t group_id) const {
    return kEnrolments.rows(db_.sql(), "WHERE group_id = ? ORDER BY " + waiting_list_order("enrolled") + ", id",
                            group_id);
}

std::optional<Enrolment> CycleRepository::enrolment(int64_t id) const {
    return kEnrolments.row(db_.sql(), "WHERE id = ?", id);
}

std::optional<Enrolment> CycleRepository::active_enrolment(int64_t group_id, int64_t person_id) const {
    return kEnrolments.row(db_.sql(), "WHERE group_id = ? AND person_id = ? AND status <> 'left'", group_id, person_id);
}

std::vector<GroupSession> CycleRepository::sessions(int64_t group_id) const {
    return select_all(db_.sql(), kGroupSessionRow, sessions_from("WHERE i.group_id = ? ORDER BY s.date, s.start_time"),
                      group_id);
}

std::optional<GroupSession> CycleRepository::session(int64_t session_id) const {
    return select_one(db_.sql(), kGroupSessionRow, sessions_from("WHERE s.id = ?"), session_id);
}

void CycleRepository::set_notes(int64_t session_id, const std::string& host_presentation,
                                const std::string& vignette_themes) {
    db_.write([&] {
        SQLite::Statement st(db_.sql(),
                             "UPDATE intervision_session SET host_presentation = ?, vignette_themes = ? "
                             "WHERE session_id = ?");
        bind_all(st, text_or_null(host_presentation), text_or_null(vignette_themes), session_id);
        if (st.exec() == 0) throw Error(tr("This session is not an intervision session."));
        audit(db_, "update", "intervision_session", session_id, "notes");
    });
}

std::string weekday_label(int d) {
    static const char* names[] = {N_("Monday"), N_("Tuesday"), N_("Wednesday"), N_("Thursday"),
                                  N_("Friday"), N_("Saturday"), N_("Sunday")};
    return (d >= 1 && d <= 7) ? tr(names[d - 1]) : std::string("?");
}

std::string half_day_label(const std::string& h) {
    return code_label(h, {{"morning", N_("morning")}, {"afternoon", N_("afternoon")}, {"evening", N_("evening")}});
}

std::string sessions_from(const std::string& rest) {
    return "FROM intervision_session i JOIN session s ON s.id = i.session_id " + rest;
}

std::string slot_label(const Group& g) {
    static const char* weeks[] = {N_("1st"), N_("2nd"), N_("3rd"), N_("4th"), N_("last")};
    const std::string week = (g.week_of_month >= 1 && g.week_of_month <= 5) ? tr(weeks[g.week_of_month - 1]) : "?";
    return trf("{week} {weekday} {half_day}, {start}-{end}", fmt::arg("week", week),
               fmt::arg("weekday", weekday_label(g.weekday)), fmt::arg("half_day", half_day_label(g.half_day)),
               fmt::arg("start", g.start_time), fmt::arg("end", g.end_time));
}

}  // namespace maillage::intervision
