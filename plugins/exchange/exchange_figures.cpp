#include "exchange_figures.h"

#include "events.h"
#include "registrations.h"
#include "core/validate.h"
#include "core/sql_util.h"

#include "core/database.h"
#include "core/row_reader.h"
#include "core/i18n.h"
#include "core/institutions.h"
#include "core/programmes.h"

#include <algorithm>
#include <chrono>
#include <map>
#include <set>

namespace maillage::exchange {
namespace {

std::string institution_label(Database& db, const std::optional<int64_t>& id, const std::string& text,
                              std::map<int64_t, std::string>& cache) {
    if (!id) return text;
    auto it = cache.find(*id);
    if (it != cache.end()) return it->second;
    std::string name;
    if (auto i = InstitutionRepository(db).get(*id)) {
        // A merged record counts under the record it was merged into.
        if (i->merged_into)
            if (auto into = InstitutionRepository(db).get(*i->merged_into)) i = into;
        name = i->name;
    }
    cache[*id] = name;
    return name;
}

nlohmann::json split_with_list(const CountSplit& s) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& r : s.rows) list.push_back(r.label);
    return {{"count", s.rows.size()}, {"list", list}, {"text", join_with_counts(s)}, {"split", split_json(s)}};
}

// An event recorded without registrations, with attendance on its days (core
// sessions) instead: one registration-like row per person, "attended" when present at
// any day, "no_show" when only absent or excused, "registered" otherwise; the role and
// the institution/sector snapshot are those of the core attendance.
std::vector<Registration> registrations_from_attendance(Database& db, int64_t event_id) {
    using R = Registration;
    static const RowMap kAttendedRow{
        column("a.person_id", &R::person_id),
        column("CASE WHEN max(a.status = 'present') THEN 'attended' WHEN max(a.status IN ('absent','excused')) "
               "THEN 'no_show' ELSE 'registered' END AS status",
               &R::status),
        column("CASE WHEN min(a.role) IN ('facilitator','trainer') THEN 'facilitator' WHEN min(a.role) = 'speaker' "
               "THEN 'speaker' WHEN min(a.role) IN ('staff','organiser') THEN 'organiser' ELSE 'participant' END AS role",
               &R::role),
        column("min(a.institution_id) AS institution_id", &R::institution_id),
        column("min(a.sector_id) AS sector_id", &R::sector_id)};
    SQLite::Statement q(db.sql(), kAttendedRow.select("FROM attendance a JOIN exchange_event_session l ON "
                                                      "l.session_id = a.session_id WHERE l.event_id = ? "
                                                      "GROUP BY a.person_id ORDER BY a.person_id"));
    q.bind(1, event_id);
    return read_all(q, kAttendedRow, [&](Registration& r) { r.event_id = event_id; });
}

std::string today_iso() {
    const auto today = std::chrono::year_month_day(std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now()));
    return fmt::format("{:04d}-{:02d}-{:02d}", int(today.year()), unsigned(today.month()), unsigned(today.day()));
}

bool event_in_scope(Database& db, const Event& e, const ReportScope& scope) {
    if (scope.programme) {
        if (!e.programme_id) return false;
        auto p = ProgrammeRepository(db).get(*e.programme_id);
        if (!p || p->code != *scope.programme) return false;
    }
    if (scope.funder) {
        if (!e.funder_id) return false;
        auto f = FunderRepository(db).get(*e.funder_id);
        if (!f || f->code != *scope.funder) return false;
    }
    return true;
}

}  // namespace

EventFigures event_figures(Database& db, int64_t event_id, const std::string& language, const std::string& from,
                           const std::string& to) {
    EventRepository events(db);
    EventFigures f;
    const auto e = events.get(event_id);
    if (!e) return f;
    f.event_id = event_id;
    f.title = e->title;
    if (auto t = events.type(e->type_id)) {
        f.type_code = t->code;
        f.type_label = t->label(language);
        f.is_group = t->counts_as_group;
    }
    const auto days = events.days(event_id);
    const auto today = today_iso();
    for (const auto& d : days) {
        f.dates.push_back(d.date);
        // A meeting counts once it took place: held, or planned on a day now past.
        if (d.status != "cancelled" && d.date <= today && d.date >= from && d.date <= to) ++f.meetings;
    }
    f.upcoming = !days.empty() && days.front().date > today;
    f.hours = events.hours(event_id);

    auto regs = RegistrationService(db).list(event_id);
    if (regs.empty()) regs = registrations_from_attendance(db, event_id);
    for (const auto& r : regs) {
        if (r.status == "attended" || r.status == "no_show") f.attendance_taken = true;
        if (r.status == "registered") ++f.registered;
        if (r.status == "waiting") ++f.waiting;
        if (r.status == "cancelled") ++f.cancelled;
        if (r.status == "no_show") ++f.no_show;
    }
    std::map<int64_t, std::string> names;
    std::vector<std::optional<int64_t>> sectors, sectors_all;
    std::vector<std::string> insts, insts_all;
    std::map<int64_t, int64_t> seated;
    std::set<std::string> services;
    for (const auto& r : regs) {
        const bool counts = r.status == "attended" || (!f.attendance_taken && !f.upcoming && r.status == "registered");
        if (!counts) continue;
        const auto inst = institution_label(db, r.institution_id, r.institution_text, names);
        if (!inst.empty()) services.insert(inst);
        if (r.role == "organiser") {
            ++f.organisers;
            continue;
        }
        sectors_all.push_back(r.sector_id);
        insts_all.push_back(inst);
        if (r.role == "participant") {
            ++f.participants;
            sectors.push_back(r.sector_id);
            insts.push_back(inst);
            if (r.table_id) ++seated[*r.table_id];
        } else if (r.role == "facilitator") {
            ++f.facilitators;
        } else if (r.role == "speaker") {
            ++f.speakers;
        }
    }
    f.sectors = count_sectors(db, sectors, language);
    f.sectors_all = count_sectors(db, sectors_all, language);
    f.institutions = count_labels(insts);
    f.institutions_all = count_labels(insts_all);
    for (const auto& t : events.tables(event_id))
        f.tables.push_back({t.id, t.position, t.title, seated[t.id], int64_t(t.facilitator_ids.size())});

    const auto committee = events.committee(event_id);
    std::set<int64_t> member_institutions;
    for (const auto& m : committee) member_institutions.insert(m.institution_id);
    f.committee_institutions = int64_t(member_institutions.size());
    for (const auto& m : events.committee_meetings(event_id))
        if (m.status != "cancelled" && m.date <= today && m.date >= from && m.date <= to) ++f.committee_meetings;

    if (f.is_group) {
        for (auto id : events.group_services(event_id)) {
            auto n = institution_label(db, id, "", names);
            if (!n.empty()) services.insert(n);
        }
        SQLite::Statement q(db.sql(),
                            "SELECT DISTINCT a.institution_id FROM attendance a JOIN exchange_event_session l "
                            "ON l.session_id = a.session_id JOIN session s ON s.id = a.session_id "
                            "WHERE l.event_id = ? AND a.status = 'present' AND a.institution_id IS NOT NULL "
                            "AND s.date BETWEEN ? AND ?");
        bind_all(q, event_id, from, to);
        std::vector<int64_t> ids;
        while (q.executeStep()) ids.push_back(q.getColumn(0).getInt64());
        for (auto id : ids) {
            auto n = institution_label(db, id, "", names);
            if (!n.empty()) services.insert(n);
        }
        f.services.assign(services.begin(), services.end());
    }
    return f;
}

std::string event_sentence(const EventFigures& f) {
    if (f.is_group)
        return fmt::format(fmt::runtime(tr("{title}: {meetings} meetings, {services} services taking part.")),
                           fmt::arg("title", f.title), fmt::arg("meetings", f.meetings),
                           fmt::arg("services", f.services.size()));
    std::string sentence = fmt::format(
        fmt::runtime(tr("{title}: {participants} participants and {facilitators} facilitators/speakers, from "
                        "{sectors} sectors and {institutions} institutions.")),
        fmt::arg("title", f.title), fmt::arg("participants", f.participants),
        fmt::arg("facilitators", f.facilitators_and_speakers()), fmt::arg("sectors", f.sectors.rows.size()),
        fmt::arg("institutions", f.institutions.rows.size()));
    if (f.upcoming)
        sentence += " " + tr("(Upcoming: registrations are not counted yet.)");
    else if (!f.attendance_taken && f.participants > 0)
        sentence += " " + tr("(Attendance was not taken: registered people are counted.)");
    return sentence;
}

std::vector<ReportSection> build_events_section(Database& db, const ReportScope& scope) {
    validate::scope(scope);  // --year 99999 or -5 is refused with a sentence, not an empty table
    EventRepository events(db);
    const auto from = scope.from_date(), to = scope.to_date();
    const auto& lang = scope.language;
    ReportSection section;
    section.id = "exchange.events";
    section.title = tr("Exchange tables, study days and working groups");

    nlohmann::json jevents = nlohmann::json::array(), jgroups = nlohmann::json::array();
    struct TypeTotals {
        std::string label;
        int order = 0;
        int64_t events = 0, participants = 0, facilitators = 0, meetings = 0;
    };
    std::map<std::string, TypeTotals> by_type;
    int order = 0;
    for (const auto& t : events.types()) by_type[t.code] = {t.label(lang), order++, 0, 0, 0, 0};
    int64_t total_participants = 0, total_facilitators = 0, total_events = 0;

    for (const auto& e : events.list(from, to, false)) {
        if (!event_in_scope(db, e, scope)) continue;
        const auto f = event_figures(db, e.id, lang, from, to);
        auto& tt = by_type[f.type_code];
        if (tt.label.empty()) tt.label = f.type_label;
        ++tt.events;
        ++total_events;
        if (f.is_group) {
            tt.meetings += f.meetings;
            jgroups.push_back({{"id", e.id}, {"title", f.title}, {"meetings", f.meetings},
                               {"services", f.services.size()}, {"service_list", f.services},
                               {"dates", f.dates}});
            ReportSection sub;
            sub.id = "exchange.events.group";
            sub.title = f.title;
            sub.paragraphs.push_back(event_sentence(f));
            ReportTable services{tr("Services taking part"), {tr("Service")}, {}};
            for (const auto& s : f.services) services.rows.push_back({s});
            sub.tables.push_back(services);
            section.subsections.push_back(sub);
            continue;
        }
        tt.participants += f.participants;
        tt.facilitators += f.facilitators_and_speakers();
        total_participants += f.participants;
        total_facilitators += f.facilitators_and_speakers();

        nlohmann::json jtables = nlohmann::json::array();
        for (const auto& t : f.tables)
            jtables.push_back({{"id", t.table_id}, {"position", t.position}, {"title", t.title},
                               {"participants", t.participants}, {"facilitators", t.facilitators}});
        jevents.push_back({{"id", e.id},
                           {"title", f.title},
                           {"type", f.type_code},
                           {"type_label", f.type_label},
                           {"dates", f.dates},
                           {"role", e.role},
                           {"venue", e.venue},
                           {"capacity", e.capacity ? nlohmann::json(*e.capacity) : nlohmann::json()},
                           {"objectives", e.objectives},
                           {"attendance_taken", f.attendance_taken},
                           {"upcoming", f.upcoming},
                           {"participants", f.participants},
                           {"facilitators", f.facilitators},
                           {"speakers", f.speakers},
                           {"facilitators_and_speakers", f.facilitators_and_speakers()},
                           {"organisers", f.organisers},
                           {"registrations",
                            {{"registered", f.registered},
                             {"waiting", f.waiting},
                             {"cancelled", f.cancelled},
                             {"no_show", f.no_show}}},
                           {"sectors", split_with_list(f.sectors)},
                           {"institutions", split_with_list(f.institutions)},
                           {"sectors_all", split_with_list(f.sectors_all)},
                           {"institutions_all", split_with_list(f.institutions_all)},
                           {"tables", jtables},
                           {"committee",
                            {{"institutions", f.committee_institutions}, {"meetings", f.committee_meetings}}},
                           {"hours", f.hours}});

        ReportSection sub;
        sub.id = "exchange.events.event";
        sub.title = f.title + (f.dates.empty() ? "" : " (" + f.dates.front() + ")");
        sub.paragraphs.push_back(event_sentence(f));
        if (!f.sectors.rows.empty()) {
            std::string list;
            for (const auto& r : f.sectors.rows) list += (list.empty() ? "" : ", ") + r.label;
            sub.paragraphs.push_back(tr("Sectors: ") + list + ".");
            sub.paragraphs.push_back(tr("Institutions: ") + join_with_counts(f.institutions) + ".");
        }
        sub.tables.push_back(split_table(f.sectors, tr("Participants by sector"), tr("Sector")));
        if (!f.tables.empty()) {
            ReportTable tables{tr("Tables"), {tr("Table"), tr("Participants"), tr("Facilitators")}, {}};
            for (const auto& t : f.tables)
                tables.rows.push_back({std::to_string(t.position) + ". " + t.title, std::to_string(t.participants),
                                       std::to_string(t.facilitators)});
            sub.tables.push_back(tables);
        }
        sub.charts.push_back(split_chart(f.sectors, tr("Participants by sector")));
        section.subsections.push_back(sub);
    }

    nlohmann::json jtypes = nlohmann::json::array();
    std::vector<std::pair<std::string, TypeTotals>> types(by_type.begin(), by_type.end());
    std::sort(types.begin(), types.end(), [](const auto& a, const auto& b) { return a.second.order < b.second.order; });
    ReportTable type_table{tr("Events by type"),
                           {tr("Type"), tr("Events"), tr("Participants"), tr("Facilitators/speakers"), tr("Meetings")},
                           {}};
    for (const auto& [code, t] : types) {
        if (t.events == 0) continue;
        jtypes.push_back({{"type", code},
                          {"label", t.label},
                          {"events", t.events},
                          {"participants", t.participants},
                          {"facilitators_and_speakers", t.facilitators},
                          {"meetings", t.meetings}});
        type_table.rows.push_back({t.label, std::to_string(t.events), std::to_string(t.participants),
                                   std::to_string(t.facilitators), std::to_string(t.meetings)});
    }

    nlohmann::json jpubs = nlohmann::json::array();
    const bool any_year = scope.year.has_value();
    ReportTable pub_table{tr("Publications"), {tr("Title"), tr("Number"), tr("Date"), tr("Copies")}, {}};
    for (const auto& p : events.publications(any_year ? from : "", any_year ? to : "")) {
        jpubs.push_back({{"id", p.id},
                         {"title", p.title},
                         {"collection", p.collection},
                         {"number", p.number},
                         {"languages", p.languages},
                         {"copies", p.copies ? nlohmann::json(*p.copies) : nlohmann::json()},
                         {"date", p.date},
                         {"link", p.link},
                         {"events", events.publication_events(p.id)}});
        pub_table.rows.push_back({p.title, p.collection.empty() ? p.number : p.collection + " " + p.number, p.date,
                                  p.copies ? std::to_string(*p.copies) : ""});
    }

    if (total_events == 0 && jpubs.empty()) return {};
    section.paragraphs.push_back(fmt::format(
        fmt::runtime(tr("{events} events: {participants} participants and {facilitators} facilitators/speakers.")),
        fmt::arg("events", total_events), fmt::arg("participants", total_participants),
        fmt::arg("facilitators", total_facilitators)));
    section.tables.push_back(type_table);
    if (!pub_table.rows.empty()) section.tables.push_back(pub_table);
    section.data = {{"events", jevents},
                    {"by_type", jtypes},
                    {"working_groups", jgroups},
                    {"publications", jpubs},
                    {"totals",
                     {{"events", total_events},
                      {"participants", total_participants},
                      {"facilitators_and_speakers", total_facilitators}}}};
    return {section};
}

namespace {
class EventsSection : public ReportSectionProvider {
public:
    std::string id() const override { return "exchange.events"; }
    std::vector<ReportSection> build(Database& db, const ReportScope& scope) const override {
        return build_events_section(db, scope);
    }
};
}  // namespace

std::shared_ptr<const ReportSectionProvider> make_events_section() { return std::make_shared<EventsSection>(); }

}  // namespace maillage::exchange
