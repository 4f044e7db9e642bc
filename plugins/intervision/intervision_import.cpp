#include "intervision_import.h"

#include "cycles.h"
#include "enrolment_rules.h"
#include "intervision_figures.h"
#include "session_scheduler.h"

#include "core/database.h"
#include "core/entity_import.h"
#include "core/error.h"
#include "core/i18n.h"
#include "core/import_columns.h"
#include "core/import_rows.h"
#include "core/importer_table.h"
#include "core/known_values.h"
#include "core/people.h"
#include "core/sessions.h"
#include "core/sql_call.h"
#include "core/sql_util.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <map>

namespace maillage::intervision {
namespace {

using Col = RowReader::Col;

// The columns that name a cycle: its name, and its programme when two share the name.
struct CycleCols {
    Col name, programme;
};
CycleCols cycle_cols(const RowReader& r) {
    return {r.need_col({"cycle", "cyclus"}), ColumnSpec(headers::programme, {"program"}).find(r)};
}

Cycle cycle_of(const RowReader& r, const csv::Row& row, const CycleCols& c) {
    const auto name = r.required(row, c.name);
    const auto programme = r.text(row, c.programme);
    std::optional<Cycle> found;
    try {
        if (!programme.empty()) r.programme(row, c.programme);  // names the valid codes
        found = CycleRepository(r.db()).find_cycle(name, programme);
    } catch (const ParseError&) {
        throw;
    } catch (const Error& e) {
        r.fail(row, c.programme ? c.programme : c.name, e.what());  // two programmes share the name
    }
    if (!found) {
        std::vector<std::string> names;
        for (const auto& k : CycleRepository(r.db()).cycles()) names.push_back(k.name);
        r.fail(row, c.name, trf("unknown cycle \"{name}\" (cycles: {names})", fmt::arg("name", name),
                                fmt::arg("names", valid_values(names, name))));
    }
    return *found;
}

Group group_of(const RowReader& r, const csv::Row& row, const Cycle& cycle, Col c_group) {
    const auto name = r.required(row, c_group);
    auto g = CycleRepository(r.db()).find_group(cycle.id, name);
    if (!g) {
        std::vector<std::string> names;
        for (const auto& k : CycleRepository(r.db()).groups(cycle.id)) names.push_back(k.name);
        r.fail(row, c_group, trf("unknown group \"{name}\" in cycle {cycle} (groups: {names})", fmt::arg("name", name),
                                 fmt::arg("cycle", cycle.name), fmt::arg("names", valid_values(names, name))));
    }
    return *g;
}

// The columns of a sheet whose rows belong to a group: the cycle's and the group's.
struct GroupCols {
    CycleCols cycle;
    Col group;
};
GroupCols group_cols(const RowReader& r) { return {cycle_cols(r), r.need_col({"group", "groupe", "groep"})}; }
std::pair<Cycle, Group> cycle_and_group(const RowReader& r, const csv::Row& row, const GroupCols& c) {
    auto cycle = cycle_of(r, row, c.cycle);
    auto group = group_of(r, row, cycle, c.group);
    return {std::move(cycle), std::move(group)};
}

// Runs a repository call, turning its maillage::Error into the row's error.
const std::vector<std::pair<std::string, std::string>> kWeekdays = {
    {"lundi", "monday"},    {"maandag", "monday"},  {"mardi", "tuesday"},   {"dinsdag", "tuesday"},
    {"mercredi", "wednesday"}, {"woensdag", "wednesday"}, {"jeudi", "thursday"}, {"donderdag", "thursday"},
    {"vendredi", "friday"}, {"vrijdag", "friday"},  {"samedi", "saturday"}, {"zaterdag", "saturday"},
    {"dimanche", "sunday"}, {"zondag", "sunday"}};
const std::vector<std::string> kWeekdayCodes = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                                                "sunday"};

ImportCount import_cycles(Database& db, const csv::Table& t) {
    RowReader r(db, t);
    const auto [c_name, c_programme, c_start, c_end, c_audience, c_funder] =
        read_columns(r, {need({"name", "nom", "naam", "cycle"}),
                         need({headers::programme, {"program"}}),
                         need({"start", "start_date", "début", "date de début", "begin"}),
                         need({"end", "end_date", "fin", "date de fin", "einde"}),
                         {"audience", "public", "doelgroep"},
                         headers::funder});
    CycleRepository repo(db);
    return count_rows(t, [&](const csv::Row& row) {
        Cycle c;
        c.name = r.required(row, c_name);
        c.programme_id = r.programme(row, c_programme);
        if (!c.programme_id) r.fail(row, c_programme, tr("a programme code is required"));
        c.start_date = r.date(row, c_start, true);
        c.end_date = r.date(row, c_end, true);
        c.audience = r.choice(row, c_audience, {"workers", "peer_workers", "managers"},
                              {{"travailleurs", "workers"}, {"pairs-aidants", "peer_workers"},
                               {"responsables", "managers"}},
                              "workers");
        c.funder_id = r.funder(row, c_funder);
        const auto code = r.text(row, c_programme);
        std::optional<Cycle> existing = at_row(r, row, c_name, [&] { return repo.find_cycle(c.name, code); });
        if (existing && existing->programme_id != c.programme_id) existing.reset();
        if (!existing) {
            at_row(r, row, c_name, [&] { return repo.create_cycle(c); });
            return RowOutcome::created;
        }
        if (existing->start_date == c.start_date && existing->end_date == c.end_date &&
            existing->audience == c.audience && existing->funder_id == c.funder_id)
            return RowOutcome::unchanged;
        Cycle u = *existing;
        u.start_date = c.start_date;
        u.end_date = c.end_date;
        u.audience = c.audience;
        u.funder_id = c.funder_id;
        at_row(r, row, c_start, [&] {
            repo.update_cycle(u);
            return 0;
        });
        return RowOutcome::updated;
    });
}

ImportCount import_groups(Database& db, const csv::Table& t) {
    RowReader r(db, t);
    const auto cc = cycle_cols(r);
    const auto [c_name, c_language, c_weekday, c_week, c_half, c_start, c_end, c_capacity, c_f1, c_f2, c_venue,
                c_place] =
        read_columns(r, {need({"name", "group", "groupe", "groep", "nom", "naam"}),
                         {"language", "langue", "taal"},
                         need({"weekday", "jour", "dag"}),
                         {"week_of_month", "semaine", "week"},
                         {"half_day", "demi-journée", "dagdeel"},
                         headers::start_time,
                         headers::end_time,
                         headers::capacity,
                         {"facilitator1", "facilitator 1", "animateur 1", "animateur1", "begeleider 1"},
                         {"facilitator2", "facilitator 2", "animateur 2", "animateur2", "begeleider 2"},
                         headers::venue,
                         {"place", "adresse", "adres"}});
    CycleRepository repo(db);
    EnrolmentRules rules(db);
    std::vector<std::string> notes;  // the rules' warnings, group by group
    auto count = count_rows(t, [&](const csv::Row& row) {
        const auto cycle = cycle_of(r, row, cc);
        Group g;
        g.cycle_id = cycle.id;
        g.name = r.required(row, c_name);
        if (auto existing = repo.find_group(cycle.id, g.name)) g = *existing;
        const bool is_new = g.id == 0;
        const Group before = g;
        g.language = r.choice(row, c_language, {"fr", "nl"}, {{"français", "fr"}, {"nederlands", "nl"}}, g.language);
        const auto weekday = r.choice(row, c_weekday, kWeekdayCodes, kWeekdays);
        g.weekday = int(std::find(kWeekdayCodes.begin(), kWeekdayCodes.end(), weekday) - kWeekdayCodes.begin()) + 1;
        if (auto w = r.integer(row, c_week, 1, 5)) g.week_of_month = int(*w);
        g.half_day = r.choice(row, c_half, {"morning", "afternoon", "evening"},
                              {{"matin", "morning"}, {"après-midi", "afternoon"}, {"soir", "evening"},
                               {"voormiddag", "morning"}, {"namiddag", "afternoon"}, {"avond", "evening"}},
                              g.half_day);
        if (auto s = r.time(row, c_start); !s.empty()) g.start_time = s;
        if (auto e = r.time(row, c_end); !e.empty()) g.end_time = e;
        if (auto n = r.integer(row, c_capacity, 1, 200)) g.capacity = int(*n);
        if (auto f = r.person_or_none(row, c_f1)) g.facilitator1_id = f;
        if (auto f = r.person_or_none(row, c_f2)) g.facilitator2_id = f;
        g.venue_mode = r.choice(row, c_venue, {"itinerant", "fixed"}, {{"itinérant", "itinerant"}, {"fixe", "fixed"},
                                                                       {"rondreizend", "itinerant"}, {"vast", "fixed"}},
                                g.venue_mode);
        if (auto p = r.text(row, c_place); !p.empty()) g.fixed_place = p;
        const bool same = !is_new && before.language == g.language && before.weekday == g.weekday &&
                          before.week_of_month == g.week_of_month && before.half_day == g.half_day &&
                          before.start_time == g.start_time && before.end_time == g.end_time &&
                          before.capacity == g.capacity && before.facilitator1_id == g.facilitator1_id &&
                          before.facilitator2_id == g.facilitator2_id && before.venue_mode == g.venue_mode &&
                          before.fixed_place == g.fixed_place;
        if (same) return RowOutcome::unchanged;
        std::vector<std::string> warnings;
        at_row(r, row, c_name, [&] { return rules.save_group(g, &warnings); });
        for (const auto& w : warnings) notes.push_back(g.name + ": " + w);
        return row_outcome(is_new, true);
    });
    count.notes = std::move(notes);
    return count;
}

ImportCount import_enrolments(Database& db, const csv::Table& t) {
    RowReader r(db, t);
    const auto gc = group_cols(r);
    auto pc = person_columns(r);
    pc.institution = ColumnSpec(headers::institution, {"organisation"}).find(r);
    const auto [c_sector, c_from, c_to, c_status, c_reason] =
        read_columns(r, {headers::sector,
                         {"enrolled_on", "date d'inscription", "inschrijvingsdatum", "from", "du"},
                         {"left_on", "date de départ", "vertrokken op", "to", "au"},
                         headers::status,
                         headers::reason});
    if (!pc.email && !pc.last)
        throw ParseError(t.file, 1, 1, "email", tr("a column email (or first_name and last_name) is required"));
    CycleRepository repo(db);
    EnrolmentRules rules(db);
    PersonRepository people(db);
    int waiting = 0;
    auto count = count_rows(t, [&](const csv::Row& row) {
        const auto [cycle, group] = cycle_and_group(r, row, gc);
        const auto person = pc.person(r, row);
        auto from = r.date(row, c_from);
        if (from.empty()) from = cycle.start_date;
        const auto to = r.date(row, c_to);
        auto status = r.choice(row, c_status, {"enrolled", "waiting", "left"},
                               {{"inscrit", "enrolled"}, {"inscrite", "enrolled"}, {"ingeschreven", "enrolled"},
                                {"attente", "waiting"}, {"liste d'attente", "waiting"}, {"wachtlijst", "waiting"},
                                {"parti", "left"}, {"partie", "left"}, {"vertrokken", "left"}},
                               to.empty() ? "enrolled" : "left");
        if (status == "left" && to.empty()) r.fail(row, c_to ? c_to : c_status, tr("a departure date (left_on) is needed"));
        if (!to.empty() && to < from) r.fail(row, c_to, tr("the departure is before the enrolment"));
        Affiliation at = people.affiliation_at(person, from);
        if (auto i = r.institution(row, pc.institution)) at.institution_id = i;
        if (auto s = r.sector(row, c_sector)) at.sector_id = s;
        // Known already (same group, same start): unchanged; a row is never enrolled twice.
        SQLite::Statement known(db.sql(), "SELECT id, status, coalesce(left_on,'') FROM intervision_enrolment "
                                          "WHERE group_id = ? AND person_id = ? AND enrolled_on = ?");
        bind_all(known, group.id, person, from);
        if (known.executeStep()) {
            if (known.getColumn(1).getString() == status && known.getColumn(2).getString() == to)
                return RowOutcome::unchanged;
            r.fail(row, c_status, tr("this enrolment is already recorded with another status or departure date"));
        }
        const auto reason = r.text(row, c_reason);
        if (status != "waiting") {
            const auto warnings = rules.check_enrolment(group.id, person, from, at);
            if (!warnings.empty() && reason.empty()) {
                std::string all;
                for (const auto& w : warnings) all += (all.empty() ? "" : "; ") + w;
                r.fail(row, c_reason ? c_reason : gc.group,
                       trf("{warnings}: accepting it needs a reason (column reason)", fmt::arg("warnings", all)));
            }
        }
        if (repo.active_enrolment(group.id, person) && status != "left")
            r.fail(row, gc.group, tr("this person is already enrolled in this group"));
        std::optional<int64_t> position;
        if (status == "waiting") {
            position = select_value<int64_t>(db.sql(),
                                             "SELECT coalesce(max(waiting_position), 0) + 1 FROM intervision_enrolment "
                                             "WHERE group_id = ? AND status = 'waiting'",
                                             group.id);
            ++waiting;
        }
        exec_sql(db.sql(),
                 "INSERT INTO intervision_enrolment(group_id, person_id, institution_id, sector_id, status, "
                 "waiting_position, enrolled_on, left_on, reason) VALUES (?,?,?,?,?,?,?,?,?)",
                 group.id, person, at.institution_id, at.sector_id, status, position, from, text_or_null(to),
                 text_or_null(reason));
        return RowOutcome::created;
    });
    if (waiting) count.notes.push_back(trf("{n} on a waiting list", fmt::arg("n", waiting)));
    return count;
}

// A group's session on a date (the one that is not cancelled first).
std::optional<int64_t> session_on(Database& db, int64_t group_id, const std::string& date) {
    return select_first<int64_t>(
        db.sql(),
        "SELECT s.id " + sessions_from("WHERE i.group_id = ? AND s.date = ? ORDER BY s.status = 'cancelled', s.id LIMIT 1"),
        group_id, date);
}

ImportCount import_sessions(Database& db, const csv::Table& t) {
    RowReader r(db, t);
    const auto gc = group_cols(r);
    const auto [c_date, c_start, c_end, c_status, c_host, c_place] =
        read_columns(r, {need(headers::date),
                         {headers::start_time, {"start"}},
                         {headers::end_time, {"end"}},
                         headers::status,
                         {"host", "hôte", "accueil", "gastinstelling", "host_institution"},
                         {"place", "lieu", "plaats"}});
    SessionScheduler scheduler(db);
    SessionRepository sessions(db);
    return count_rows(t, [&](const csv::Row& row) {
        const auto group = cycle_and_group(r, row, gc).second;
        const auto date = r.date(row, c_date, true);
        const auto start = r.time(row, c_start), end = r.time(row, c_end);
        const auto status = r.choice(row, c_status, {"planned", "held", "cancelled"},
                                     {{"prévue", "planned"}, {"tenue", "held"}, {"annulée", "cancelled"},
                                      {"gepland", "planned"}, {"gehouden", "held"}, {"geannuleerd", "cancelled"}},
                                     date <= today_iso() ? "held" : "planned");
        const auto host = r.institution(row, c_host);
        const auto place = r.text(row, c_place);
        auto id = session_on(db, group.id, date);
        const bool is_new = !id;
        if (!id) id = at_row(r, row, c_date, [&] { return scheduler.add_session(group.id, date, start, end); });
        auto s = *sessions.get(*id);
        const auto before = s;
        if (!start.empty()) s.start_time = start;
        if (!end.empty()) s.end_time = end;
        s.status = status;
        if (host) s.host_institution_id = host;
        if (!place.empty()) s.place = place;
        if (!is_new && before.start_time == s.start_time && before.end_time == s.end_time &&
            before.status == s.status && before.host_institution_id == s.host_institution_id &&
            before.place == s.place)
            return RowOutcome::unchanged;
        at_row(r, row, c_date, [&] {
            sessions.update(s);
            return 0;
        });
        return row_outcome(is_new, true);
    });
}

ImportCount import_attendance(Database& db, const csv::Table& t) {
    RowReader r(db, t);
    const auto gc = group_cols(r);
    const auto who = person_columns(r);
    const auto [c_date, c_status, c_role, c_reason] =
        read_columns(r, {need(headers::date), headers::presence, headers::role, headers::reason});
    SessionRepository sessions(db);
    return count_rows(t, [&](const csv::Row& row) {
        const auto group = cycle_and_group(r, row, gc).second;
        const auto date = r.date(row, c_date, true);
        const auto session = session_on(db, group.id, date);
        if (!session)
            r.fail(row, c_date, trf("group {group} has no session on {date} (import it in intervision_sessions)",
                                    fmt::arg("group", group.name), fmt::arg("date", date)));
        Attendance a;
        a.session_id = *session;
        a.person_id = who.person(r, row);
        a.status = r.choice(row, c_status, attendance_status_codes(),
                            {{"présent", "present"}, {"présente", "present"}, {"aanwezig", "present"},
                             {"excusé", "excused"}, {"excusée", "excused"}, {"verontschuldigd", "excused"},
                             {"absente", "absent"}, {"afwezig", "absent"}, {"inscrit", "registered"},
                             {"yes", "present"}, {"oui", "present"}, {"ja", "present"}, {"x", "present"},
                             {"1", "present"}},
                            "present");
        a.role = r.choice(row, c_role, {"participant", "facilitator"},
                          {{"animateur", "facilitator"}, {"animatrice", "facilitator"}, {"begeleider", "facilitator"},
                           {"deelnemer", "participant"}},
                          "participant");
        a.reason = r.text(row, c_reason);
        const auto existing = sessions.attendance(*session);
        auto it = std::find_if(existing.begin(), existing.end(), [&](const auto& e) { return e.person_id == a.person_id; });
        if (it != existing.end() && it->status == a.status && it->role == a.role && it->reason == a.reason)
            return RowOutcome::unchanged;
        at_row(r, row, c_status, [&] { return sessions.record(a); });
        return row_outcome(it == existing.end(), true);
    });
}

std::vector<ImportColumnDoc> cycle_docs() {
    return {{"cycle", {"cyclus"}, true, tr("The cycle's name, e.g. 2024-2025"), ""},
            {"programme", {"programma"}, false, tr("The cycle's programme code, when two cycles share the name"),
             "programmes"}};
}
// The columns of a group's rows, and of its sessions' rows.
std::vector<ImportColumnDoc> group_docs() {
    auto out = cycle_docs();
    out.push_back({"group", {"groupe", "groep"}, true, tr("The group's name"), ""});
    return out;
}
std::vector<ImportColumnDoc> session_docs() {
    auto out = group_docs();
    out.push_back({"date", {"datum"}, true, tr("The session's date"), ""});
    return out;
}

std::vector<ImportColumnDoc> cycle_sheet_docs() {
    return {{"name", {"nom", "naam"}, true, tr("The cycle's name, e.g. 2024-2025"), ""},
            {"programme", {"programma"}, true, tr("Programme code"), "programmes"},
            {"start", {"début", "begin"}, true, tr("First day (2024-09-01 or 01/09/2024)"), ""},
            {"end", {"fin", "einde"}, true, tr("Last day"), ""},
            {"audience", {"public", "doelgroep"}, false, tr("workers, peer_workers or managers"),
             "workers|peer_workers|managers"},
            {"funder", {"financeur", "financier"}, false, tr("Funder code the sessions count for"), "funders"}};
}

std::vector<ImportColumnDoc> group_sheet_docs() {
    return join_columns(cycle_docs(),
                        std::vector<ImportColumnDoc>{
                            {"name", {"groupe", "groep"}, true, tr("The group's name, unique in its cycle"), ""},
                            {"language", {"langue", "taal"}, false, tr("fr or nl"), "fr|nl"},
                            {"weekday", {"jour", "dag"}, true, tr("monday ... sunday (or lundi, maandag...)"),
                             "monday|tuesday|wednesday|thursday|friday|saturday|sunday"},
                            {"week_of_month", {"semaine", "week"}, false, tr("1 to 4, 5 = the last of the month"),
                             "1|2|3|4|5"},
                            {"half_day", {"demi-journée", "dagdeel"}, false, tr("morning, afternoon or evening"),
                             "morning|afternoon|evening"},
                            {"start_time", {"heure de début"}, false, tr("09:30"), ""},
                            {"end_time", {"heure de fin"}, false, tr("12:00"), ""},
                            {"capacity", {"places"}, false, tr("Seats (10 by default)"), ""},
                            {"facilitator1", {"animateur 1"}, false, tr("First facilitator's email"), ""},
                            {"facilitator2", {"animateur 2"}, false, tr("Second facilitator's email"), ""},
                            {"venue", {"lieu"}, false, tr("itinerant or fixed"), "itinerant|fixed"},
                            {"place", {"adresse"}, false, tr("The fixed place"), ""}});
}

std::vector<ImportColumnDoc> enrolment_sheet_docs() {
    return join_columns(group_docs(), person_column_docs(),
                        std::vector<ImportColumnDoc>{
                            {"institution", {"instelling"}, false,
                             tr("The institution the participation counts for (default: their job on the date)"), ""},
                            {"sector", {"secteur"}, false, tr("The sector it counts for (code)"), "sectors"},
                            {"enrolled_on", {"date d'inscription"}, false, tr("Default: the cycle's first day"), ""},
                            {"left_on", {"date de départ"}, false, tr("When they left the group"), ""},
                            {"status", {"statut"}, false, tr("enrolled, waiting or left"), "enrolled|waiting|left"},
                            {"reason", {"motif", "reden"}, false,
                             tr("Why a second worker of an institution is accepted"), ""}});
}

std::vector<ImportColumnDoc> session_sheet_docs() {
    return join_columns(session_docs(),
                        std::vector<ImportColumnDoc>{
                            {"start_time", {"heure de début"}, false, tr("Default: the group's"), ""},
                            {"end_time", {"heure de fin"}, false, tr("Default: the group's"), ""},
                            {"status", {"statut"}, false, tr("planned, held or cancelled (default: held when past)"),
                             "planned|held|cancelled"},
                            {"host", {"hôte", "accueil"}, false, tr("The host institution, by name"), ""},
                            {"place", {"lieu"}, false, tr("Where it took place"), ""}});
}

std::vector<ImportColumnDoc> attendance_sheet_docs() {
    return join_columns(session_docs(), person_column_docs(),
                        std::vector<ImportColumnDoc>{
                            {"status", {"statut", "présence"}, false, tr("present, excused, absent (default present)"),
                             "present|excused|absent|registered"},
                            {"role", {"rôle", "rol"}, false, tr("participant or facilitator"),
                             "participant|facilitator"},
                            {"reason", {"motif", "reden"}, false, tr("Why excused"), ""}});
}

}  // namespace

void register_intervision_importers() {
    register_importers(
        "intervision",
        {{"intervision_cycles", 100, N_("Intervision cycles"), cycle_sheet_docs, import_cycles},
         {"intervision_groups", 110, N_("Intervision groups"), group_sheet_docs, import_groups},
         {"intervision_enrolments", 120, N_("Intervision enrolments"), enrolment_sheet_docs, import_enrolments},
         {"intervision_sessions", 130, N_("Intervision sessions"), session_sheet_docs, import_sessions},
         {"intervision_attendance", 140, N_("Intervision attendance"), attendance_sheet_docs, import_attendance}});
}

}  // namespace maillage::intervision
