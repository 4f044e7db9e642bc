#include "exchange_import_sheets.h"

#include "events.h"
#include "registrations.h"

#include "core/database.h"
#include "core/entity_import.h"
#include "core/error.h"
#include "core/i18n.h"
#include "core/import_columns.h"
#include "core/import_rows.h"
#include "core/importer_table.h"
#include "core/institutions.h"
#include "core/known_values.h"
#include "core/sessions.h"
#include "core/sql_query.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>

namespace maillage::exchange {
namespace {

using Col = RowReader::Col;

// The event with this title whose first day is this date (or a "#12" id).
std::optional<int64_t> find_event(Database& db, const std::string& title, const std::string& date) {
    return select_first<int64_t>(db.sql(),
                                "SELECT e.id FROM exchange_event e WHERE lower(trim(e.title)) = lower(trim(?)) AND "
                                "(SELECT min(s.date) FROM exchange_event_session es JOIN session s ON "
                                "s.id = es.session_id WHERE es.event_id = e.id) = ? ORDER BY e.id LIMIT 1",
                                title, date);
}

// The columns that name a row's event: its title and its first day.
struct EventColumns {
    Col title, date;
    explicit EventColumns(const RowReader& r)
        : title(r.need_col({"event", "événement", "evenement"})), date(r.need_col({"event_date", "date", "datum"})) {}
};

int64_t event_of(const RowReader& r, const csv::Row& row, const EventColumns& c) {
    const auto c_title = c.title;
    const auto c_date = c.date;
    const auto title = r.required(row, c_title);
    if (auto id = id_text(title)) {
        if (!EventRepository(r.db()).get(*id)) r.fail(row, c_title, trf("no event has the id {id}", fmt::arg("id", *id)));
        return *id;
    }
    const auto date = r.date(row, c_date, true);
    if (auto id = find_event(r.db(), title, date)) return *id;
    std::vector<std::string> known;
    for (const auto& e : EventRepository(r.db()).list())
        known.push_back(EventRepository(r.db()).first_date(e.id) + " " + e.title);
    r.fail(row, c_title, trf("no event \"{title}\" on {date} (events: {events})", fmt::arg("title", title),
                             fmt::arg("date", date), fmt::arg("events", valid_values(known, date + " " + title, 6))));
}

ImportCount import_events(Database& db, const csv::Table& t) {
    RowReader r(db, t);
    const auto [c_title, c_date, c_type, c_start, c_end, c_venue, c_theme, c_capacity, c_role, c_programme, c_funder,
                c_status] =
        read_columns(r, {need(headers::title), need(headers::date), headers::type, headers::start_time,
                         headers::end_time, headers::venue, headers::theme, headers::capacity, headers::role,
                         headers::programme, headers::funder, headers::status});
    EventRepository events(db);
    std::vector<std::string> types;
    std::vector<std::pair<std::string, std::string>> type_labels;
    for (const auto& k : events.types()) {
        types.push_back(k.code);
        type_labels.emplace_back(k.label_fr, k.code);
        type_labels.emplace_back(k.label_nl, k.code);
        type_labels.emplace_back(k.label_en, k.code);
    }
    return count_rows(t, [&](const csv::Row& row) {
        const auto title = r.required(row, c_title);
        const auto date = r.date(row, c_date, true);
        Event e;
        e.type_id = events.find_type(r.choice(row, c_type, types, type_labels, "exchange_table"))->id;
        e.title = title;
        e.theme = r.text(row, c_theme);
        e.venue = r.text(row, c_venue);
        e.capacity = r.integer(row, c_capacity, 0, 100000);
        e.role = r.choice(row, c_role, {"organiser", "co_organiser", "facilitator", "participant"},
                          {{"organisateur", "organiser"}, {"co-organisateur", "co_organiser"}, {"animateur", "facilitator"}},
                          "organiser");
        e.programme_id = r.programme(row, c_programme);
        e.funder_id = r.funder(row, c_funder);
        Session day;
        day.date = date;
        day.start_time = r.time(row, c_start);
        day.end_time = r.time(row, c_end);
        day.place = e.venue;
        day.status = r.choice(row, c_status, {"planned", "held", "cancelled"},
                              {{"prévue", "planned"}, {"tenue", "held"}, {"annulée", "cancelled"}}, "held");
        // A known event is left as it is: change it in the window.
        if (find_event(db, title, date)) return RowOutcome::unchanged;
        const auto id = at_row(r, row, c_title, [&] { return events.create(e); });
        at_row(r, row, c_date, [&] { return events.add_day(id, day); });
        return RowOutcome::created;
    });
}

ImportCount import_tables(Database& db, const csv::Table& t) {
    RowReader r(db, t);
    const EventColumns c_event(r);
    const auto [c_title, c_question, c_f1, c_f2] = read_columns(r, {need({"title", "table", "titre", "titel"}),
                                                                    {"question", "vraag"},
                                                                    {"facilitator1", "animateur 1", "begeleider 1"},
                                                                    {"facilitator2", "animateur 2", "begeleider 2"}});
    EventRepository events(db);
    return count_rows(t, [&](const csv::Row& row) {
        const auto event = event_of(r, row, c_event);
        const auto title = r.required(row, c_title);
        std::optional<int64_t> table;
        for (const auto& k : events.tables(event))
            if (csv::normalize_header(k.title) == csv::normalize_header(title)) table = k.id;
        const bool is_new = !table;
        if (!table) table = at_row(r, row, c_title, [&] { return events.add_table(event, title, r.text(row, c_question)); });
        bool added = false;
        for (auto c : {c_f1, c_f2})
            if (auto p = r.person_or_none(row, c)) {
                const auto known = events.table(*table)->facilitator_ids;
                if (std::find(known.begin(), known.end(), *p) != known.end()) continue;
                at_row(r, row, c, [&] {
                    events.add_table_facilitator(*table, *p);
                    return 0;
                });
                added = true;
            }
        return row_outcome(is_new, added);
    });
}

ImportCount import_registrations(Database& db, const csv::Table& t) {
    RowReader r(db, t);
    const EventColumns c_event(r);
    const auto who = person_columns(r);
    const auto c_inst = who.institution;
    const auto [c_sector, c_role, c_table, c_status, c_reason] = read_columns(r, {headers::sector,
                                                                                  headers::role,
                                                                                  {"table", "tafel", "atelier"},
                                                                                  {headers::status, {"présence"}},
                                                                                  headers::reason});
    if (!who.email && !who.last)
        throw ParseError(t.file, 1, 1, "email", tr("a column email (or first_name and last_name) is required"));
    EventRepository events(db);
    RegistrationService regs(db);
    InstitutionRepository institutions(db);
    return count_rows(t, [&](const csv::Row& row) {
        const auto event = event_of(r, row, c_event);
        RegistrationRequest req;
        req.event_id = event;
        req.person_id = who.person(r, row);
        req.role = r.choice(row, c_role, {"participant", "facilitator", "speaker", "organiser"},
                            {{"participante", "participant"}, {"deelnemer", "participant"},
                             {"animateur", "facilitator"}, {"animatrice", "facilitator"}, {"begeleider", "facilitator"},
                             {"intervenant", "speaker"}, {"intervenante", "speaker"}, {"spreker", "speaker"},
                             {"organisateur", "organiser"}, {"organisatrice", "organiser"}},
                            "participant");
        req.institution_id = r.institution(row, c_inst);
        req.sector_id = r.sector(row, c_sector);
        if (!req.sector_id && req.institution_id)
            if (auto inst = institutions.get(*req.institution_id)) req.sector_id = inst->primary_sector();
        req.source = "import";
        if (const auto table = r.text(row, c_table); !table.empty()) {
            const auto tables = events.tables(event);
            std::vector<std::string> names;
            for (const auto& k : tables) {
                names.push_back(k.title);
                if (csv::normalize_header(k.title) == csv::normalize_header(table) || std::to_string(k.position) == table)
                    req.table_choice_id = k.id;
            }
            if (!req.table_choice_id)
                r.fail(row, c_table, trf("unknown table \"{value}\" (tables: {names})", fmt::arg("value", table),
                                         fmt::arg("names", valid_values(names, table))));
        }
        const auto status = r.choice(row, c_status, {"registered", "attended", "no_show", "cancelled"},
                                     {{"inscrit", "registered"}, {"inscrite", "registered"}, {"présent", "attended"},
                                      {"présente", "attended"}, {"present", "attended"}, {"aanwezig", "attended"},
                                      {"venu", "attended"}, {"venue", "attended"}, {"x", "attended"},
                                      {"absent", "no_show"}, {"absente", "no_show"}, {"afwezig", "no_show"},
                                      {"annulé", "cancelled"}, {"annulée", "cancelled"}, {"geannuleerd", "cancelled"}},
                                     "attended");
        auto existing = regs.find(event, req.person_id);
        if (existing && existing->status == status && existing->role == req.role) return RowOutcome::unchanged;
        const auto reg = existing ? *existing
                                  : at_row(r, row, c_event.title, [&] { return regs.register_person(req); });
        at_row(r, row, c_status, [&] {
            if (status == "attended" && reg.status != "attended") regs.check_in(reg.id);
            if (status == "no_show" && reg.status != "no_show") regs.set_status(reg.id, "no_show");
            if (status == "cancelled" && reg.status != "cancelled")
                regs.set_status(reg.id, "cancelled",
                                r.text(row, c_reason).empty() ? tr("cancelled before the import") : r.text(row, c_reason));
            return 0;
        });
        return row_outcome(!existing, true);
    });
}

// A committee row: a member institution (and its representative), or, with a
// meeting_date, one meeting of the committee and who came (emails separated by |).
ImportCount import_committee(Database& db, const csv::Table& t) {
    RowReader r(db, t);
    const EventColumns c_event(r);
    const auto [c_inst, c_person, c_meeting, c_present] =
        read_columns(r, {{headers::institution, {"member", "membre"}},
                         {"representative", "représentant", "vertegenwoordiger", "email"},
                         {"meeting_date", "date de réunion", "vergaderdatum"},
                         {"present", "présents", "aanwezigen"}});
    EventRepository events(db);
    SessionRepository sessions(db);
    return count_rows(t, [&](const csv::Row& row) {
        const auto event = event_of(r, row, c_event);
        const auto meeting_date = r.date(row, c_meeting);
        if (meeting_date.empty()) {
            const auto inst = r.institution(row, c_inst);
            if (!inst) r.fail(row, c_inst, tr("a member institution, or a meeting_date, is required"));
            const auto person = r.person_or_none(row, c_person);
            bool known = false;
            for (const auto& m : events.committee(event)) known |= m.institution_id == *inst && m.person_id == person;
            if (known) return RowOutcome::unchanged;
            at_row(r, row, c_inst, [&] { return events.add_committee_member(event, *inst, person); });
            return RowOutcome::created;
        }
        std::optional<int64_t> meeting;
        for (const auto& m : events.committee_meetings(event))
            if (m.date == meeting_date) meeting = m.id;
        const bool is_new = !meeting;
        if (!meeting) {
            Session s;
            s.date = meeting_date;
            s.status = "held";
            meeting = at_row(r, row, c_meeting, [&] { return events.add_committee_meeting(event, s); });
        }
        int added = 0;
        for (const auto& who : split_list(r.text(row, c_present))) {
            csv::Row one = row;
            one.fields[*c_present] = who;
            const auto person = r.person(one, c_present);
            const auto rows = sessions.attendance(*meeting);
            if (std::any_of(rows.begin(), rows.end(), [&](const auto& a) { return a.person_id == person; })) continue;
            Attendance a;
            a.session_id = *meeting;
            a.person_id = person;
            a.status = "present";
            a.role = "participant";
            at_row(r, row, c_present, [&] { return sessions.record(a); });
            ++added;
        }
        return row_outcome(is_new, added > 0);
    });
}

std::vector<ImportColumnDoc> event_docs() {
    return {{"event", {"événement"}, true, tr("The event's title"), ""},
            {"event_date", {"date"}, true, tr("The event's first day"), ""}};
}

}  // namespace

void register_exchange_importers() {
    register_importers("exchange", {
        {"exchange_events", 200, N_("Exchange events"),
         [] {
             return std::vector<ImportColumnDoc>{
                 {"title", {"titre", "titel"}, true, tr("The event's title: the other sheets name it by title and date"), ""},
                 {"date", {"datum"}, true, tr("Its (first) day"), ""},
                 {"type", {"soort"}, false, tr("exchange_table, study_day, debate, working_group or other"),
                  "exchange_table|study_day|debate|working_group|other"},
                 {"start_time", {"heure de début"}, false, tr("09:00"), ""},
                 {"end_time", {"heure de fin"}, false, tr("16:30"), ""},
                 {"venue", {"lieu"}, false, tr("Where it takes place"), ""},
                 {"theme", {"thème"}, false, tr("Its theme"), ""},
                 {"capacity", {"places"}, false, tr("Seats for participants"), ""},
                 {"role", {"rôle"}, false, tr("The organisation's role: organiser, co_organiser, facilitator, participant"),
                  "organiser|co_organiser|facilitator|participant"},
                 {"programme", {"programma"}, false, tr("Programme code"), "programmes"},
                 {"funder", {"financeur"}, false, tr("Funder code"), "funders"},
                 {"status", {"statut"}, false, tr("planned, held or cancelled (default held)"), "planned|held|cancelled"}};
         },
         import_events},
        {"exchange_tables", 210, N_("Exchange tables"),
         [] {
             auto c = event_docs();
             c.push_back({"title", {"table", "titre"}, true, tr("The table's title"), ""});
             c.push_back({"question", {"vraag"}, false, tr("The question it works on"), ""});
             c.push_back({"facilitator1", {"animateur 1"}, false, tr("First facilitator's email"), ""});
             c.push_back({"facilitator2", {"animateur 2"}, false, tr("Second facilitator's email"), ""});
             return c;
         },
         import_tables},
        {"exchange_committee", 215, N_("Exchange steering committees"),
         [] {
             auto c = event_docs();
             c.push_back({"institution", {"membre"}, false, tr("A member institution, by name"), ""});
             c.push_back({"representative", {"représentant"}, false, tr("Its representative's email"), ""});
             c.push_back({"meeting_date", {"date de réunion"}, false,
                          tr("Or: the date of a committee meeting"), ""});
             c.push_back({"present", {"présents"}, false,
                          tr("Who came to that meeting: emails separated by |"), ""});
             return c;
         },
         import_committee},
        {"exchange_registrations", 220, N_("Exchange registrations"),
         [] {
             auto c = join_columns(event_docs(), person_column_docs());
             c.push_back({"institution", {"instelling"}, false, tr("The institution it counts for, by name"), ""});
             c.push_back({"sector", {"secteur"}, false, tr("The sector it counts for (default: the institution's)"),
                          "sectors"});
             c.push_back({"role", {"rôle"}, false, tr("participant, facilitator, speaker or organiser"),
                          "participant|facilitator|speaker|organiser"});
             c.push_back({"table", {"tafel"}, false, tr("The table chosen, by title or number"), ""});
             c.push_back({"status", {"statut", "présence"}, false,
                          tr("attended (default), registered, no_show or cancelled"),
                          "attended|registered|no_show|cancelled"});
             c.push_back({"reason", {"motif"}, false, tr("Why cancelled"), ""});
             return c;
         },
         import_registrations},
    });
}

}  // namespace maillage::exchange
