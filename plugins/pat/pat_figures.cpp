#include "pat_figures.h"

#include "accompaniments.h"
#include "pat_map.h"
#include "pat_rules.h"
#include "pat_sql.h"

#include "core/validate.h"
#include "core/database.h"
#include "core/error.h"
#include "core/i18n.h"
#include "core/programmes.h"

#include <algorithm>
#include <set>

namespace maillage::pat {
namespace {

std::string region_or_unknown(const std::string& region) { return region_label(region, N_("region unknown")); }

std::string region_count(int n, const std::string& region) {
    if (region == "brussels") return trf("{n} in Brussels", fmt::arg("n", n));
    if (region == "wallonia") return trf("{n} in Wallonia", fmt::arg("n", n));
    if (region == "flanders") return trf("{n} in Flanders", fmt::arg("n", n));
    return trf("{n} with no region", fmt::arg("n", n));
}

// The filter every query shares: ?1 = funder code or NULL.
constexpr const char* kFunderFilter =
    " AND (?1 IS NULL OR a.funder_id = (SELECT id FROM funder WHERE code = ?1)) ";

}  // namespace

std::string sessions_sentence(int total, const std::vector<TypeCount>& by_type,
                              const std::vector<std::string>& plurals) {
    std::string list;
    for (size_t i = 0; i < by_type.size(); ++i) {
        if (by_type[i].count == 0) continue;
        if (!list.empty()) list += ", ";
        list += std::to_string(by_type[i].count) + " " + (by_type[i].count == 1 ? by_type[i].label : plurals[i]);
    }
    if (total == 0) return tr("no session");
    return trfn("{n} session: {list}", "{n} sessions: {list}", unsigned(total), fmt::arg("n", total),
                fmt::arg("list", list));
}

PatFigures compute_figures(Database& db, const ReportScope& scope) {
    validate::scope(scope);  // --year 99999 or -5 is refused with a sentence, not an empty table
    PatFigures f;
    f.from = scope.from_date();
    f.to = scope.to_date();
    if (scope.funder) {
        funder_id_by_code(db, *scope.funder);  // an unknown code is an error, not an empty report
        f.funder = *scope.funder;
    }
    auto& sql = db.sql();
    auto bind_scope = [&](SQLite::Statement& q) {
        sql::text(q, 1, f.funder);
        q.bind(2, f.from);
        q.bind(3, f.to);
    };
    const std::string& lang = scope.language;

    // Organisations and accompaniments with a non-cancelled session in the period.
    {
        SQLite::Statement q(sql, std::string("SELECT i.id, i.name, coalesce(a.region,''), count(DISTINCT a.id), "
                                             "count(s.id) FROM pat_session p JOIN session s ON s.id = p.session_id "
                                             "JOIN pat_accompaniment a ON a.id = p.accompaniment_id "
                                             "JOIN institution i ON i.id = a.institution_id "
                                             "WHERE s.status <> 'cancelled' AND s.date BETWEEN ?2 AND ?3") +
                                     kFunderFilter + "GROUP BY i.id ORDER BY i.name COLLATE NOCASE, i.id");
        bind_scope(q);
        while (q.executeStep()) {
            OrganisationRow r;
            r.institution_id = q.getColumn(0).getInt64();
            r.name = q.getColumn(1).getString();
            r.region = q.getColumn(2).getString();
            r.accompaniments = q.getColumn(3).getInt();
            r.sessions = q.getColumn(4).getInt();
            f.accompaniments += r.accompaniments;
            f.organisation_list.push_back(std::move(r));
        }
        f.organisations = int(f.organisation_list.size());
    }
    // Sessions by type and phase.
    AccompanimentRepository repo(db);
    const auto types = repo.session_types();
    std::vector<std::string> plurals;
    for (const auto& t : types) {
        f.by_type.push_back(TypeCount{t.code, t.label(lang), 0});
        plurals.push_back(t.plural(lang));
    }
    {
        SQLite::Statement q(sql, std::string("SELECT t.code, p.phase, "
                                             "(SELECT count(*) FROM attendance x WHERE x.session_id = s.id AND "
                                             "x.role = 'staff') FROM pat_session p JOIN session s ON s.id = "
                                             "p.session_id JOIN pat_accompaniment a ON a.id = p.accompaniment_id "
                                             "JOIN pat_session_type t ON t.id = p.type_id "
                                             "WHERE s.status <> 'cancelled' AND s.date BETWEEN ?2 AND ?3") +
                                     kFunderFilter);
        bind_scope(q);
        while (q.executeStep()) {
            const std::string code = q.getColumn(0).getString();
            ++f.sessions;
            if (q.getColumn(1).getString() == "follow_up")
                ++f.follow_up_sessions;
            else
                ++f.accompaniment_phase_sessions;
            if (q.getColumn(2).getInt() < 2) ++f.fewer_than_two_staff;
            auto it = std::find_if(f.by_type.begin(), f.by_type.end(), [&](const TypeCount& t) { return t.code == code; });
            if (it != f.by_type.end()) {
                ++it->count;
            } else {  // a type retired since still counts, under its own name
                for (const auto& t : repo.session_types(true))
                    if (t.code == code) {
                        f.by_type.push_back(TypeCount{code, t.label(lang), 1});
                        plurals.push_back(t.plural(lang));
                    }
            }
        }
    }
    f.sessions_sentence = sessions_sentence(f.sessions, f.by_type, plurals);

    // Hires.
    {
        SQLite::Statement q(sql, std::string("SELECT "
                                             "sum(h.status = 'effective' AND h.hire_date BETWEEN ?2 AND ?3), "
                                             "sum(h.announced_date BETWEEN ?2 AND ?3 AND "
                                             "(h.hire_date IS NULL OR h.hire_date > ?3)) "
                                             "FROM pat_hire h JOIN pat_accompaniment a ON a.id = h.accompaniment_id "
                                             "WHERE 1") +
                                     kFunderFilter);
        bind_scope(q);
        if (q.executeStep()) {
            f.hires = q.getColumn(0).isNull() ? 0 : q.getColumn(0).getInt();
            f.hires_announced = q.getColumn(1).isNull() ? 0 : q.getColumn(1).getInt();
        }
    }
    // Sectors of the accompanied institutions (primary sector, one count per institution).
    {
        std::vector<std::optional<int64_t>> ids;
        SQLite::Statement q(sql,
                            "SELECT sector_id FROM institution_sector WHERE institution_id = ? "
                            "ORDER BY is_primary DESC, sector_id LIMIT 1");
        for (const auto& o : f.organisation_list) {
            q.bind(1, o.institution_id);
            ids.push_back(q.executeStep() ? std::optional<int64_t>(q.getColumn(0).getInt64()) : std::nullopt);
            q.reset();
        }
        f.sectors = count_sectors(db, ids, lang);
    }
    // Stand-alone trainings and advocacy (restricted to the funder's when one is given).
    {
        SQLite::Statement q(sql,
                            "SELECT count(*), coalesce(sum(participants),0) FROM pat_training a "
                            "WHERE a.date BETWEEN ?2 AND ?3 AND (?1 IS NULL OR a.funder_id = "
                            "(SELECT id FROM funder WHERE code = ?1))");
        bind_scope(q);
        q.executeStep();
        f.trainings = q.getColumn(0).getInt();
        f.training_participants = q.getColumn(1).getInt();
    }
    for (const auto& k : kAdvocacyKinds) f.advocacy[k] = 0;
    {
        SQLite::Statement q(sql,
                            "SELECT kind, count(*), coalesce(sum(audience_size),0) FROM pat_advocacy a "
                            "WHERE a.date BETWEEN ?2 AND ?3 AND (?1 IS NULL OR a.funder_id = "
                            "(SELECT id FROM funder WHERE code = ?1)) GROUP BY kind");
        bind_scope(q);
        while (q.executeStep()) {
            f.advocacy[q.getColumn(0).getString()] = q.getColumn(1).getInt();
            f.advocacy_total += q.getColumn(1).getInt();
            f.advocacy_audience += q.getColumn(2).getInt();
        }
    }
    // Since the start: teams with a non-cancelled session up to the end of the period,
    // effective hires up to then; by the accompaniment's region.
    {
        std::map<std::string, RegionCount> regions;
        // `select` gives (region, count): each region's count goes to `count`, the sum to `total`.
        auto by_region = [&](const std::string& select, int RegionCount::*count, int& total) {
            SQLite::Statement q(sql, select + kFunderFilter + "GROUP BY 1");
            bind_scope(q);
            while (q.executeStep()) {
                const int n = q.getColumn(1).getInt();
                regions[q.getColumn(0).getString()].*count = n;
                total += n;
            }
        };
        by_region("SELECT coalesce(a.region,''), count(DISTINCT a.id) FROM pat_accompaniment a "
                  "WHERE EXISTS (SELECT 1 FROM pat_session p JOIN session s ON s.id = p.session_id "
                  "WHERE p.accompaniment_id = a.id AND s.status <> 'cancelled' AND s.date <= ?3) AND ?2 = ?2",
                  &RegionCount::teams, f.teams_since_start);
        by_region("SELECT coalesce(a.region,''), count(*) FROM pat_hire h "
                  "JOIN pat_accompaniment a ON a.id = h.accompaniment_id "
                  "WHERE h.status = 'effective' AND h.hire_date <= ?3 AND ?2 = ?2",
                  &RegionCount::hires, f.hires_since_start);
        for (const char* code : {"brussels", "wallonia", "flanders", ""}) {
            auto it = regions.find(code);
            if (it == regions.end()) continue;
            it->second.region = code;
            f.by_region.push_back(it->second);
        }
        std::string team_list, hire_list;
        for (const auto& r : f.by_region) {
            if (r.teams) team_list += (team_list.empty() ? "" : ", ") + region_count(r.teams, r.region);
            if (r.hires) hire_list += (hire_list.empty() ? "" : ", ") + region_count(r.hires, r.region);
        }
        if (team_list.empty()) team_list = "-";
        if (hire_list.empty()) hire_list = "-";
        const auto teams = trfn("{teams} team accompanied since the start ({team_list})",
                                "{teams} teams accompanied since the start ({team_list})", f.teams_since_start,
                                fmt::arg("teams", f.teams_since_start), fmt::arg("team_list", team_list));
        const auto hires = trfn("{hires} hire ({hire_list})", "{hires} hires ({hire_list})", f.hires_since_start,
                                fmt::arg("hires", f.hires_since_start), fmt::arg("hire_list", hire_list));
        f.since_start_sentence = trf("{teams}; {hires}.", fmt::arg("teams", teams), fmt::arg("hires", hires));
    }
    return f;
}

std::vector<ReportSection> pat_sections(Database& db, const ReportScope& scope) {
    if (scope.programme && *scope.programme != "pat" && *scope.programme != "support") return {};
    const auto f = compute_figures(db, scope);
    ReportSection s;
    s.id = "pat.accompaniments";
    s.title = scope.funder ? trf("PAT accompaniments — funder {funder}", fmt::arg("funder", *scope.funder))
                           : tr("PAT accompaniments");
    std::string names;
    for (const auto& o : f.organisation_list) names += (names.empty() ? "" : ", ") + o.name;
    s.paragraphs.push_back(trfn("{n} organisation accompanied: {list}.", "{n} organisations accompanied: {list}.",
                                f.organisations, fmt::arg("n", f.organisations),
                                fmt::arg("list", names.empty() ? "-" : names)));
    s.paragraphs.push_back(f.sessions_sentence + "." +
                           (f.follow_up_sessions
                                ? " " + trf("Of these, {n} in the post-hire follow-up.", fmt::arg("n", f.follow_up_sessions))
                                : std::string()));
    s.paragraphs.push_back(trfn("{hires} hire in the period, {announced} announced.",
                                "{hires} hires in the period, {announced} announced.", f.hires,
                                fmt::arg("hires", f.hires), fmt::arg("announced", f.hires_announced)));
    s.paragraphs.push_back(trfn("{n} stand-alone training, {p} participants.",
                                "{n} stand-alone trainings, {p} participants.", f.trainings,
                                fmt::arg("n", f.trainings), fmt::arg("p", f.training_participants)));
    {
        std::string kinds;
        for (const auto& k : kAdvocacyKinds)
            if (f.advocacy.at(k)) kinds += (kinds.empty() ? "" : ", ") + std::to_string(f.advocacy.at(k)) + " " + advocacy_label(k, f.advocacy.at(k));
        s.paragraphs.push_back(f.advocacy_total == 0
                                   ? tr("No advocacy action.")
                                   : trfn("{n} advocacy action ({kinds}).", "{n} advocacy actions ({kinds}).",
                                          f.advocacy_total, fmt::arg("n", f.advocacy_total), fmt::arg("kinds", kinds)));
    }
    s.paragraphs.push_back(f.since_start_sentence);
    if (f.fewer_than_two_staff > 0)
        s.paragraphs.push_back(trfn("{n} session was run by fewer than two staff members.",
                                    "{n} sessions were run by fewer than two staff members.", f.fewer_than_two_staff,
                                    fmt::arg("n", f.fewer_than_two_staff)));

    ReportTable orgs{tr("Organisations accompanied"), {tr("Institution"), tr("Region"), tr("Sessions")}, {}};
    for (const auto& o : f.organisation_list)
        orgs.rows.push_back({o.name, region_or_unknown(o.region), std::to_string(o.sessions)});
    s.tables.push_back(orgs);
    ReportTable types{tr("Sessions by type"), {tr("Type"), tr("Sessions")}, {}};
    ReportChart type_chart;
    type_chart.title = tr("Sessions by type");
    for (const auto& t : f.by_type) {
        types.rows.push_back({t.label, std::to_string(t.count)});
        type_chart.values.emplace_back(t.label, t.count);
    }
    types.rows.push_back({tr("Total"), std::to_string(f.sessions)});
    s.tables.push_back(types);
    s.charts.push_back(type_chart);
    s.tables.push_back(split_table(f.sectors, tr("Sectors of the accompanied institutions"), tr("Sector")));
    s.charts.push_back(split_chart(f.sectors, tr("Sectors of the accompanied institutions"), ReportChart::Kind::Pie));
    ReportTable regions{tr("Since the start, by region"), {tr("Region"), tr("Teams"), tr("Hires")}, {}};
    for (const auto& r : f.by_region)
        regions.rows.push_back({region_or_unknown(r.region), std::to_string(r.teams), std::to_string(r.hires)});
    s.tables.push_back(regions);

    nlohmann::json orgs_json = nlohmann::json::array();
    for (const auto& o : f.organisation_list)
        orgs_json.push_back({{"institution_id", o.institution_id},
                             {"name", o.name},
                             {"region", o.region},
                             {"accompaniments", o.accompaniments},
                             {"sessions", o.sessions}});
    nlohmann::json by_type = nlohmann::json::array();
    for (const auto& t : f.by_type) by_type.push_back({{"code", t.code}, {"label", t.label}, {"count", t.count}});
    nlohmann::json by_region = nlohmann::json::array();
    for (const auto& r : f.by_region)
        by_region.push_back({{"region", r.region}, {"teams", r.teams}, {"hires", r.hires}});
    s.data = {
        {"from", f.from},
        {"to", f.to},
        {"funder", f.funder.empty() ? nlohmann::json() : nlohmann::json(f.funder)},
        {"organisations", f.organisations},
        {"accompaniments", f.accompaniments},
        {"organisation_list", orgs_json},
        {"sessions",
         {{"total", f.sessions},
          {"accompaniment_phase", f.accompaniment_phase_sessions},
          {"follow_up_phase", f.follow_up_sessions},
          {"fewer_than_two_staff", f.fewer_than_two_staff},
          {"by_type", by_type},
          {"sentence", f.sessions_sentence}}},
        {"hires", {{"in_period", f.hires}, {"announced", f.hires_announced}}},
        {"sectors", split_json(f.sectors)},
        {"trainings", {{"count", f.trainings}, {"participants", f.training_participants}}},
        {"advocacy", {{"total", f.advocacy_total}, {"by_kind", f.advocacy}, {"audience", f.advocacy_audience}}},
        {"since_start",
         {{"teams", f.teams_since_start},
          {"hires", f.hires_since_start},
          {"by_region", by_region},
          {"sentence", f.since_start_sentence}}},
    };
    add_map_to_section(s, db, scope);  // pat_map.h: the workplaces' map
    return {s};
}

}  // namespace maillage::pat
