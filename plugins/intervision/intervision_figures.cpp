#include "intervision_figures.h"

#include "cycles.h"

#include "core/validate.h"
#include "core/database.h"
#include "core/i18n.h"
#include "core/locale_format.h"
#include "core/institutions.h"
#include "core/people.h"
#include "core/sql_call.h"
#include "core/sql_util.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include <chrono>
#include <cmath>
#include <map>
#include <set>

namespace maillage::intervision {
namespace {

// One person's membership of a group in the period, with what it counts for.
struct Member {
    std::optional<int64_t> institution_id, sector_id;
    std::string date;  // enrolment (or first attendance) date: the latest one wins across groups
};


class NameCache {
public:
    explicit NameCache(Database& db) : db_(db) {}
    std::string institution(const std::optional<int64_t>& id) {
        if (!id) return {};
        auto it = names_.find(*id);
        if (it != names_.end()) return it->second;
        const auto i = InstitutionRepository(db_).get(*id);
        return names_[*id] = i ? i->name : std::string();
    }

private:
    Database& db_;
    std::map<int64_t, std::string> names_;
};

CountSplit institution_split(NameCache& names, const std::map<int64_t, Member>& members) {
    std::vector<std::string> labels;
    for (const auto& [person, m] : members) labels.push_back(names.institution(m.institution_id));
    return count_labels(labels);
}

CountSplit sector_split(Database& db, const std::map<int64_t, Member>& members, const std::string& language) {
    std::vector<std::optional<int64_t>> ids;
    for (const auto& [person, m] : members) ids.push_back(m.sector_id);
    return count_sectors(db, ids, language);
}

void merge_member(std::map<int64_t, Member>& into, int64_t person, const Member& m) {
    auto it = into.find(person);
    if (it == into.end() || it->second.date < m.date) into[person] = m;
}

bool programme_matches(Database& db, const std::optional<int64_t>& programme_id, const std::string& code) {
    if (code.empty()) return true;
    if (!programme_id) return false;
    SQLite::Statement q(db.sql(),
                        "SELECT p.code, coalesce(parent.code,'') FROM programme p "
                        "LEFT JOIN programme parent ON parent.id = p.parent_id WHERE p.id = ?");
    q.bind(1, *programme_id);
    if (!q.executeStep()) return false;
    return q.getColumn(0).getString() == code || q.getColumn(1).getString() == code;
}

std::string programme_code(Database& db, const std::optional<int64_t>& id) {
    if (!id) return {};
    return select_value<std::string>(db.sql(), "SELECT code FROM programme WHERE id = ?", *id);
}

std::string funder_code(Database& db, const std::optional<int64_t>& id) {
    if (!id) return {};
    return select_value<std::string>(db.sql(), "SELECT code FROM funder WHERE id = ?", *id);
}

std::string names_list(const std::vector<std::string>& names) {
    std::string out;
    for (size_t i = 0; i < names.size(); ++i) {
        if (i > 0) out += (i + 1 == names.size()) ? tr(" and ") : ", ";
        out += names[i];
    }
    return out;
}

}  // namespace

std::string format_average(double v) {
    const double r = std::round(v * 10) / 10;
    if (std::fabs(r - std::round(r)) < 1e-9) return fmt::format("{}", int64_t(std::llround(r)));
    return fmt::format("{:.1f}", r);
}

IntervisionFigures compute_figures(Database& db, const ReportScope& scope, const std::string& as_of_in) {
    validate::scope(scope);  // --year 99999 or -5 is refused with a sentence, not an empty table
    IntervisionFigures f;
    f.from = scope.from_date();
    f.to = scope.to_date();
    f.as_of = as_of_in.empty() ? today_iso() : as_of_in;
    CycleRepository repo(db);
    NameCache names(db);
    PersonRepository people(db);
    std::map<int64_t, Member> all_members;

    auto cycles = repo.cycles();
    std::sort(cycles.begin(), cycles.end(), [](const Cycle& a, const Cycle& b) {
        return a.start_date != b.start_date ? a.start_date < b.start_date : a.name < b.name;
    });
    for (const auto& c : cycles) {
        if (scope.cycle && c.name != *scope.cycle) continue;
        if (!programme_matches(db, c.programme_id, scope.programme.value_or(""))) continue;
        if (scope.year && (c.start_date > f.to || c.end_date < f.from)) continue;
        if (scope.funder && funder_code(db, c.funder_id) != *scope.funder) continue;

        CycleFigures cf{.cycle_id = c.id, .name = c.name, .programme = programme_code(db, c.programme_id),
                        .funder = funder_code(db, c.funder_id), .audience = c.audience, .start_date = c.start_date,
                        .end_date = c.end_date};
        std::map<int64_t, Member> cycle_members;

        for (const auto& g : repo.groups(c.id)) {
            GroupFigures gf{.group_id = g.id, .cycle = c.name, .name = g.name, .language = g.language,
                            .slot = slot_label(g), .venue_mode = g.venue_mode, .weekday = g.weekday,
                            .week_of_month = g.week_of_month, .half_day = g.half_day, .start_time = g.start_time,
                            .end_time = g.end_time};
            for (auto id : g.facilitators())
                if (auto p = people.get(id)) gf.facilitators.push_back(p->display_name());

            // Registrations: enrolled (or since left) at some point of the period.
            std::map<int64_t, Member> members;
            SQLite::Statement e(db.sql(),
                                "SELECT person_id, institution_id, sector_id, enrolled_on FROM intervision_enrolment "
                                "WHERE group_id = ? AND status <> 'waiting' AND enrolled_on <= ? "
                                "AND (left_on IS NULL OR left_on >= ?)");
            bind_all(e, g.id, f.to, f.from);
            while (e.executeStep())
                merge_member(members, e.getColumn(0).getInt64(),
                             {opt_id(e.getColumn(1)), opt_id(e.getColumn(2)), e.getColumn(3).getString()});
            gf.registered = int(members.size());

            // Sessions of the period, and who came.
            SQLite::Statement s(db.sql(), "SELECT s.id, s.status, s.date " +
                                              sessions_from("WHERE i.group_id = ? AND s.date BETWEEN ? AND ? ORDER BY s.date"));
            bind_all(s, g.id, f.from, f.to);
            while (s.executeStep()) {
                const auto status = s.getColumn(1).getString(), date = s.getColumn(2).getString();
                if (status == "cancelled") {
                    ++gf.sessions_cancelled;
                    continue;
                }
                if (status != "held" && date > f.as_of) {
                    ++gf.sessions_planned;
                    continue;
                }
                ++gf.sessions_held;
                SQLite::Statement a(db.sql(),
                                    "SELECT person_id, status, institution_id, sector_id FROM attendance "
                                    "WHERE session_id = ? AND role = 'participant'");
                a.bind(1, s.getColumn(0).getInt64());
                int rows = 0, present = 0;
                while (a.executeStep()) {
                    ++rows;
                    if (a.getColumn(1).getString() != "present") continue;
                    ++present;
                    const int64_t person = a.getColumn(0).getInt64();
                    // Someone who came without an enrolment still participated.
                    if (!members.count(person))
                        members[person] = {opt_id(a.getColumn(2)), opt_id(a.getColumn(3)), date};
                }
                if (rows > 0) {
                    ++gf.attendance_sessions;
                    gf.present_total += present;
                }
            }
            gf.participants = int(members.size());
            gf.average_attendance =
                gf.attendance_sessions > 0 ? double(gf.present_total) / gf.attendance_sessions : 0.0;
            gf.institutions = institution_split(names, members);
            gf.sectors = sector_split(db, members, scope.language);
            gf.sentence = trf("{group} met {n} times, on average {a} people for {r} registered.",
                              fmt::arg("group", g.name), fmt::arg("n", gf.sessions_held),
                              fmt::arg("a", locale::number_text(format_average(gf.average_attendance))), fmt::arg("r", gf.registered));
            for (const auto& [person, m] : members) merge_member(cycle_members, person, m);
            cf.sessions_held += gf.sessions_held;
            cf.groups.push_back(std::move(gf));
        }
        cf.participants = int(cycle_members.size());
        cf.sectors = sector_split(db, cycle_members, scope.language);
        cf.institutions = institution_split(names, cycle_members);
        for (const auto& [person, m] : cycle_members) merge_member(all_members, person, m);
        f.sessions_held += cf.sessions_held;
        f.groups += int(cf.groups.size());
        f.cycles.push_back(std::move(cf));
    }
    f.participants = int(all_members.size());
    f.sectors = sector_split(db, all_members, scope.language);
    f.institutions = institution_split(names, all_members);
    return f;
}

namespace {
// The sectors and institutions of a level's participants (the keys are sorted on output).
nlohmann::json with_splits(nlohmann::json j, const CountSplit& sectors, const CountSplit& institutions) {
    j["sector_count"] = int64_t(sectors.rows.size());
    j["sectors"] = split_json(sectors);
    j["institution_count"] = int64_t(institutions.rows.size());
    j["institutions"] = split_json(institutions);
    return j;
}
}  // namespace

nlohmann::json figures_json(const IntervisionFigures& f) {
    nlohmann::json cycles = nlohmann::json::array();
    for (const auto& c : f.cycles) {
        nlohmann::json groups = nlohmann::json::array();
        for (const auto& g : c.groups) {
            groups.push_back(with_splits(
                {
                    {"id", g.group_id},
                    {"name", g.name},
                    {"cycle", g.cycle},
                    {"language", g.language},
                    {"slot",
                     {{"label", g.slot}, {"weekday", g.weekday}, {"week_of_month", g.week_of_month},
                      {"half_day", g.half_day}, {"start_time", g.start_time}, {"end_time", g.end_time}}},
                    {"venue_mode", g.venue_mode},
                    {"facilitators", g.facilitators},
                    {"sessions_held", g.sessions_held},
                    {"sessions_planned", g.sessions_planned},
                    {"sessions_cancelled", g.sessions_cancelled},
                    {"registered", g.registered},
                    {"participants", g.participants},
                    {"attendance_sessions", g.attendance_sessions},
                    {"present_total", g.present_total},
                    {"average_attendance", std::round(g.average_attendance * 100) / 100},
                    {"institutions_text", join_with_counts(g.institutions)},
                    {"sentence", g.sentence},
                },
                g.sectors, g.institutions));
        }
        cycles.push_back(with_splits(
            {
                {"id", c.cycle_id},
                {"name", c.name},
                {"programme", c.programme},
                {"funder", c.funder},
                {"audience", c.audience},
                {"start_date", c.start_date},
                {"end_date", c.end_date},
                {"participants", c.participants},
                {"sessions_held", c.sessions_held},
                {"groups", groups},
            },
            c.sectors, c.institutions));
    }
    return with_splits(
        {
            {"from", f.from},
            {"to", f.to},
            {"as_of", f.as_of},
            {"participants", f.participants},
            {"sessions_held", f.sessions_held},
            {"group_count", f.groups},
            {"cycles", cycles},
        },
        f.sectors, f.institutions);
}

namespace {

ReportTable groups_table(const std::vector<GroupFigures>& groups, bool with_cycle) {
    ReportTable t;
    t.title = tr("Groups");
    if (with_cycle) t.columns.push_back(tr("Cycle"));
    for (const char* c : {N_("Group"), N_("Slot"), N_("Facilitators"), N_("Sessions held"), N_("Average attendance"),
                          NC_("count", "Registered"), N_("Institutions")})
        t.columns.push_back(tr(c));
    for (const auto& g : groups) {
        std::vector<std::string> row;
        if (with_cycle) row.push_back(g.cycle);
        row.push_back(g.name);
        row.push_back(g.slot);
        row.push_back(names_list(g.facilitators));
        row.push_back(std::to_string(g.sessions_held));
        row.push_back(g.attendance_sessions ? format_average(g.average_attendance) : std::string("—"));
        row.push_back(std::to_string(g.registered));
        row.push_back(fmt::format("({}) {}", g.institutions.rows.size(), join_with_counts(g.institutions)));
        t.rows.push_back(std::move(row));
    }
    return t;
}

std::string group_paragraph(const GroupFigures& g, const ReportScope& scope) {
    std::string period = scope.year ? trf(" in {year}", fmt::arg("year", *scope.year)) : std::string();
    return trf("{group} ({slot}), facilitated by {facilitators}, met {n} times{period}. "
               "Participating institutions ({count}): {institutions}.",
               fmt::arg("group", g.name), fmt::arg("slot", g.slot),
               fmt::arg("facilitators", g.facilitators.empty() ? tr("(no facilitator)") : names_list(g.facilitators)),
               fmt::arg("n", g.sessions_held), fmt::arg("period", period),
               fmt::arg("count", g.institutions.rows.size()),
               fmt::arg("institutions", join_with_counts(g.institutions)));
}

}  // namespace

std::vector<ReportSection> figures_sections(Database& db, const ReportScope& scope, const std::string& as_of) {
    const auto f = compute_figures(db, scope, as_of);
    if (f.cycles.empty()) return {};
    ReportSection s;
    s.id = "intervision.cycles";
    s.title = tr("Intervision cycles");
    s.data = figures_json(f);
    std::string cycle_names;
    for (const auto& c : f.cycles) cycle_names += (cycle_names.empty() ? "" : ", ") + c.name;
    s.paragraphs.push_back(trf("{participants} participants from {sectors} sectors and {institutions} institutions "
                               "took part in {groups} groups ({cycles}); {sessions} sessions were held.",
                               fmt::arg("participants", f.participants), fmt::arg("sectors", f.sectors.rows.size()),
                               fmt::arg("institutions", f.institutions.rows.size()), fmt::arg("groups", f.groups),
                               fmt::arg("cycles", cycle_names), fmt::arg("sessions", f.sessions_held)));
    s.tables.push_back(split_table(f.sectors, tr("Participants by sector"), tr("Sector")));
    s.charts.push_back(split_chart(f.sectors, tr("Participants by sector")));
    std::vector<GroupFigures> all_groups;
    for (const auto& c : f.cycles)
        for (const auto& g : c.groups) all_groups.push_back(g);
    s.tables.push_back(groups_table(all_groups, f.cycles.size() > 1));

    for (const auto& c : f.cycles) {
        ReportSection sub;
        sub.id = "intervision.cycle";
        sub.title = trf("Cycle {name}", fmt::arg("name", c.name));
        sub.paragraphs.push_back(trf("{participants} participants, {sectors} sectors, {institutions} institutions, "
                                     "{groups} groups, {sessions} sessions held.",
                                     fmt::arg("participants", c.participants),
                                     fmt::arg("sectors", c.sectors.rows.size()),
                                     fmt::arg("institutions", c.institutions.rows.size()),
                                     fmt::arg("groups", c.groups.size()), fmt::arg("sessions", c.sessions_held)));
        if (!c.sectors.rows.empty())
            sub.paragraphs.push_back(trf("By sector: {list}.", fmt::arg("list", join_with_counts(c.sectors))));
        for (const auto& g : c.groups) {
            sub.paragraphs.push_back(group_paragraph(g, scope));
            if (c.audience != "workers") sub.paragraphs.push_back(g.sentence);
        }
        sub.tables.push_back(split_table(c.sectors, tr("Participants by sector"), tr("Sector")));
        sub.tables.push_back(groups_table(c.groups, false));
        sub.charts.push_back(split_chart(c.sectors, tr("Participants by sector")));
        s.subsections.push_back(std::move(sub));
    }
    return {s};
}

}  // namespace maillage::intervision
