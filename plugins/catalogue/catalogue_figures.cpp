#include "catalogue_figures.h"

#include "catalogue_schema.h"
#include "catalogue_store.h"
#include "catalog/catalog_model.h"
#include "core/validate.h"
#include "core/database.h"
#include "core/i18n.h"
#include "core/people.h"
#include "core/sql_util.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <cmath>
#include <map>
#include <set>

namespace maillage::catalogue {
namespace {

// The sessions the figures count: training sessions, not cancelled, in the period and
// (when asked) the programme and funder. As a SQL condition on alias s, binding ?1..?4.
const char* kInScope =
    "s.kind = 'training' AND s.status <> 'cancelled' AND s.date BETWEEN ?1 AND ?2 "
    "AND (?3 = '' OR s.programme_id IN (SELECT id FROM programme WHERE code = ?3)) "
    "AND (?4 = '' OR s.funder_id IN (SELECT id FROM funder WHERE code = ?4))";

void bind_scope(SQLite::Statement& q, const ReportScope& scope) {
    bind_all(q, scope.from_date(), scope.to_date(), scope.programme.value_or(""), scope.funder.value_or(""));
}

std::string fmt2(double v) { return fmt::format("{:.2f}", round2(v)); }

}  // namespace

double round2(double value) { return std::round(value * 100.0) / 100.0; }

CatalogueFigures compute_figures(Database& db, const ReportScope& scope) {
    validate::scope(scope);  // --year 99999 or -5 is refused with a sentence, not an empty table
    CatalogueFigures f;
    auto& sql = db.sql();
    {
        SQLite::Statement q(sql, std::string("SELECT count(DISTINCT s.date), count(*) FROM session s WHERE ") + kInScope);
        bind_scope(q, scope);
        q.executeStep();
        f.training_days = q.getColumn(0).getInt64();
        f.sessions = q.getColumn(1).getInt64();
    }
    {
        // A participation is one person at one training, whatever the number of days they
        // came (the sector's reports: "a two-day training attended by 22 is 22"); a training
        // session that belongs to no catalogue training is a training of its own.
        SQLite::Statement q(sql, std::string("SELECT count(DISTINCT a.person_id || ':' || coalesce('t' || d.training_id, "
                                             "'s' || s.id)), count(DISTINCT a.person_id || ':' || coalesce('t' || d.training_id, 's' || s.id) || ':' || "
                                             "s.date), "
                                             "count(DISTINCT a.person_id) FROM attendance a JOIN session s ON "
                                             "s.id = a.session_id LEFT JOIN catalogue_training_day d ON d.session_id = s.id "
                                             "WHERE a.status = 'present' AND a.role = 'participant' AND ") +
                                     kInScope);
        bind_scope(q, scope);
        q.executeStep();
        f.participations = q.getColumn(0).getInt64();
        f.person_days = q.getColumn(1).getInt64();
        f.participants = q.getColumn(2).getInt64();
    }
    {
        // Each participant once, with the first known sector snapshot of the period.
        SQLite::Statement q(sql, std::string("SELECT a.person_id, a.sector_id FROM attendance a JOIN session s ON s.id = a.session_id "
                                             "WHERE a.status = 'present' AND a.role = 'participant' AND ") +
                                     kInScope + " ORDER BY a.person_id, a.sector_id IS NULL, s.date, s.start_time, a.id");
        bind_scope(q, scope);
        std::vector<std::optional<int64_t>> sectors;
        int64_t last = -1;
        while (q.executeStep()) {
            int64_t person = q.getColumn(0).getInt64();
            if (person == last) continue;
            last = person;
            sectors.push_back(q.getColumn(1).isNull() ? std::nullopt : std::optional<int64_t>(q.getColumn(1).getInt64()));
        }
        f.sectors = count_sectors(db, sectors, scope.language);
    }
    {
        // Hours of each session go to the training's modules in proportion to their durations.
        SQLite::Statement q(sql, std::string("SELECT s.id, s.start_time, s.end_time, d.training_id, mo.code, v.title_fr, "
                                             "v.title_nl, v.title_en, v.duration_minutes, th.code, th.label_fr, th.label_nl, th.label_en "
                                             "FROM session s JOIN catalogue_training_day d ON d.session_id = s.id "
                                             "JOIN catalogue_training_module tm ON tm.training_id = d.training_id "
                                             "JOIN catalogue_module_version v ON v.id = tm.module_version_id "
                                             "JOIN catalogue_module mo ON mo.id = v.module_id JOIN catalogue_theme th ON th.id = v.theme_id "
                                             "WHERE ") +
                                     kInScope + " ORDER BY s.id, tm.position");
        bind_scope(q, scope);
        struct Part { std::string module, module_label, theme, theme_label; int minutes; int64_t training; };
        std::map<int64_t, std::pair<double, std::vector<Part>>> by_session;
        while (q.executeStep()) {
            auto& entry = by_session[q.getColumn(0).getInt64()];
            entry.first = catalog::hours_between(q.getColumn(1).isNull() ? "" : q.getColumn(1).getString(),
                                                 q.getColumn(2).isNull() ? "" : q.getColumn(2).getString());
            catalog::LocalText title{q.getColumn(5).getString(), q.getColumn(6).getString(),
                                     q.getColumn(7).isNull() ? "" : q.getColumn(7).getString()};
            catalog::LocalText theme{q.getColumn(10).getString(), q.getColumn(11).getString(), q.getColumn(12).getString()};
            entry.second.push_back({q.getColumn(4).getString(), title.get(scope.language), q.getColumn(9).getString(),
                                    theme.get(scope.language), q.getColumn(8).getInt(), q.getColumn(3).getInt64()});
        }
        std::map<std::string, GroupFigures> modules, themes;
        std::map<std::string, std::set<int64_t>> module_trainings, theme_trainings;
        for (const auto& [session, entry] : by_session) {
            int total = 0;
            for (const auto& p : entry.second) total += p.minutes;
            for (const auto& p : entry.second) {
                double share = total > 0 ? entry.first * p.minutes / total : 0;
                auto& m = modules[p.module];
                m.code = p.module;
                m.label = p.module_label;
                m.hours += share;
                module_trainings[p.module].insert(p.training);
                auto& t = themes[p.theme];
                t.code = p.theme;
                t.label = p.theme_label;
                t.hours += share;
                theme_trainings[p.theme].insert(p.training);
            }
        }
        auto finish = [](std::map<std::string, GroupFigures>& groups, std::map<std::string, std::set<int64_t>>& trainings) {
            std::vector<GroupFigures> out;
            for (auto& [code, g] : groups) {
                g.trainings = static_cast<int64_t>(trainings[code].size());
                g.hours = round2(g.hours);
                out.push_back(g);
            }
            std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.hours > b.hours; });
            return out;
        };
        f.by_module = finish(modules, module_trainings);
        f.by_theme = finish(themes, theme_trainings);
    }
    {
        SQLite::Statement q(sql, std::string("SELECT count(DISTINCT d.training_id) FROM catalogue_training_day d JOIN session s "
                                             "ON s.id = d.session_id WHERE ") + kInScope);
        bind_scope(q, scope);
        q.executeStep();
        f.trainings = q.getColumn(0).getInt64();
    }
    {
        // A trainer teaches a session when named in its pair, or recorded as trainer.
        SQLite::Statement q(sql, std::string("SELECT x.person_id, count(*), s.start_time, s.end_time FROM (SELECT session_id, person_id "
                                             "FROM catalogue_day_trainer UNION SELECT session_id, person_id FROM attendance WHERE "
                                             "role = 'trainer' AND status NOT IN ('excused','absent')) x JOIN session s ON "
                                             "s.id = x.session_id WHERE ") +
                                     kInScope + " GROUP BY x.person_id, s.id");
        bind_scope(q, scope);
        std::map<int64_t, TrainerFigures> trainers;
        while (q.executeStep()) {
            auto& t = trainers[q.getColumn(0).getInt64()];
            t.person_id = q.getColumn(0).getInt64();
            t.sessions += 1;
            t.hours += catalog::hours_between(q.getColumn(2).isNull() ? "" : q.getColumn(2).getString(),
                                              q.getColumn(3).isNull() ? "" : q.getColumn(3).getString());
        }
        PersonRepository people(db);
        for (auto& [id, t] : trainers) {
            auto p = people.get(id);
            t.name = p ? p->display_name() : std::to_string(id);
            t.hours = round2(t.hours);
            f.trainers.push_back(t);
        }
        std::stable_sort(f.trainers.begin(), f.trainers.end(), [](const auto& a, const auto& b) { return a.hours > b.hours; });
    }
    {
        SQLite::Statement q(sql, std::string("SELECT coalesce(e.met,''), count(*) FROM catalogue_expectation e WHERE e.training_id IN "
                                             "(SELECT d.training_id FROM catalogue_training_day d JOIN session s ON s.id = d.session_id "
                                             "WHERE ") + kInScope + ") GROUP BY 1");
        bind_scope(q, scope);
        while (q.executeStep()) {
            std::string met = q.getColumn(0).getString();
            int64_t n = q.getColumn(1).getInt64();
            if (met == "yes") f.expectations_yes = n;
            else if (met == "partly") f.expectations_partly = n;
            else if (met == "no") f.expectations_no = n;
            else f.expectations_open = n;
        }
    }
    return f;
}

ReportSection figures_section(Database& db, const ReportScope& scope) {
    auto f = compute_figures(db, scope);
    ReportSection s;
    s.id = "catalogue.trainings";
    s.title = tr("Trainings");
    s.paragraphs.push_back(trf("{days} training days ({sessions} sessions, {trainings} trainings), {participations} participations "
                               "(one per person and training), {person_days} person-days, {participants} distinct participants.",
                               fmt::arg("days", f.training_days), fmt::arg("sessions", f.sessions), fmt::arg("trainings", f.trainings),
                               fmt::arg("participations", f.participations), fmt::arg("person_days", f.person_days),
                               fmt::arg("participants", f.participants)));
    if (f.sectors.unknown > 0)
        s.paragraphs.push_back(trf("Sector percentages are over the {known} participants whose sector is known ({unknown} unknown).",
                                   fmt::arg("known", f.sectors.known), fmt::arg("unknown", f.sectors.unknown)));
    int64_t assessed = f.expectations_yes + f.expectations_partly + f.expectations_no;
    if (assessed + f.expectations_open > 0)
        s.paragraphs.push_back(trf("Expectations met: {yes} yes, {partly} partly, {no} no ({open} not assessed).",
                                   fmt::arg("yes", f.expectations_yes), fmt::arg("partly", f.expectations_partly),
                                   fmt::arg("no", f.expectations_no), fmt::arg("open", f.expectations_open)));

    s.tables.push_back(split_table(f.sectors, tr("Participants by sector"), tr("Sector")));
    s.charts.push_back(split_chart(f.sectors, tr("Participants by sector")));
    auto group_table = [&](const std::vector<GroupFigures>& groups, const std::string& title, const std::string& column) {
        ReportTable t{title, {column, tr("Trainings"), tr("Hours")}, {}};
        for (const auto& g : groups) t.rows.push_back({g.label, std::to_string(g.trainings), fmt2(g.hours)});
        return t;
    };
    s.tables.push_back(group_table(f.by_theme, tr("Trainings and hours by theme"), tr("Theme")));
    s.tables.push_back(group_table(f.by_module, tr("Trainings and hours by module"), tr("Module")));
    ReportChart hours{ReportChart::Kind::Bar, tr("Hours by theme"), {}};
    for (const auto& g : f.by_theme) hours.values.push_back({g.label, g.hours});
    s.charts.push_back(hours);
    ReportTable trainers{tr("Hours given per trainer"), {tr("Trainer"), tr("Sessions"), tr("Hours")}, {}};
    for (const auto& t : f.trainers) trainers.rows.push_back({t.name, std::to_string(t.sessions), fmt2(t.hours)});
    s.tables.push_back(trainers);
    s.tables.push_back({tr("Expectations met"), {tr("Met"), tr("Count")},
                        {{tr("yes"), std::to_string(f.expectations_yes)},
                         {tr("partly"), std::to_string(f.expectations_partly)},
                         {tr("no"), std::to_string(f.expectations_no)},
                         {tr("not assessed"), std::to_string(f.expectations_open)}}});

    auto groups_json = [](const std::vector<GroupFigures>& groups) {
        auto a = nlohmann::json::array();
        for (const auto& g : groups) a.push_back({{"code", g.code}, {"label", g.label}, {"trainings", g.trainings}, {"hours", g.hours}});
        return a;
    };
    auto trainers_json = nlohmann::json::array();
    for (const auto& t : f.trainers)
        trainers_json.push_back({{"person_id", t.person_id}, {"name", t.name}, {"sessions", t.sessions}, {"hours", t.hours}});
    s.data = {{"training_days", f.training_days},
              {"sessions", f.sessions},
              {"trainings", f.trainings},
              {"participations", f.participations},
              {"person_days", f.person_days},
              {"participants", f.participants},
              {"sectors", split_json(f.sectors)},
              {"by_theme", groups_json(f.by_theme)},
              {"by_module", groups_json(f.by_module)},
              {"trainer_hours", trainers_json},
              {"expectations", {{"yes", f.expectations_yes}, {"partly", f.expectations_partly}, {"no", f.expectations_no},
                                {"not_assessed", f.expectations_open}}}};
    return s;
}

std::vector<ReportSection> CatalogueReportProvider::build(Database& db, const ReportScope& scope) const {
    if (!db.table_exists("catalogue_training")) return {};
    auto s = figures_section(db, scope);
    if (s.data["sessions"] == 0 && s.data["participations"] == 0) return {};
    return {s};
}

}  // namespace maillage::catalogue
