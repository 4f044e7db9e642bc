#include "core/core_report.h"

#include "core/database.h"
#include "core/figures.h"
#include "core/i18n.h"
#include "core/locale_format.h"
#include "core/sql_util.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <unordered_map>

namespace maillage {
namespace {

// The present attendance rows, and the participations plugins keep elsewhere (an
// exchange event's attended registrations): every view named report_participation_<id>
// with the columns (session_id, person_id, institution_id, sector_id, role) is added, a
// (session, person) pair already in attendance counted once (docs/plugin-api.md).
std::string participation_source(Database& db) {
    std::string sql = "(SELECT session_id, person_id, institution_id, sector_id, role, status FROM attendance";
    SQLite::Statement views(db.sql(), "SELECT name FROM sqlite_master WHERE type = 'view' AND "
                                      "name LIKE 'report\\_participation\\_%' ESCAPE '\\' ORDER BY name");
    while (views.executeStep()) {
        const auto name = views.getColumn(0).getString();
        if (name.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789_") != std::string::npos) continue;
        sql += " UNION ALL SELECT v.session_id, v.person_id, v.institution_id, v.sector_id, v.role, 'present' FROM " +
               name + " v WHERE NOT EXISTS (SELECT 1 FROM attendance x WHERE x.session_id = v.session_id AND "
               "x.person_id = v.person_id AND x.status = 'present')";
    }
    return sql + ")";
}

// Participations (present) over every kind of session in the period, with the
// participants' sectors and institutions at the time.
class OverviewSection : public ReportSectionProvider {
public:
    explicit OverviewSection(std::map<std::string, std::string> kind_labels) : kind_labels_(std::move(kind_labels)) {}
    std::string id() const override { return "core.overview"; }

    std::vector<ReportSection> build(Database& db, const ReportScope& scope) const override {
        const auto source = participation_source(db);
        const std::string filter =
            "FROM " + source + " a JOIN session s ON s.id = a.session_id "
            "LEFT JOIN programme p ON p.id = s.programme_id LEFT JOIN funder f ON f.id = s.funder_id "
            "WHERE s.status != 'cancelled' AND a.status = 'present' AND s.date BETWEEN ?1 AND ?2 "
            "AND (?3 = '' OR p.code = ?3) AND (?4 = '' OR f.code = ?4) ";
        auto bind = [&](SQLite::Statement& q) {
            bind_all(q, scope.from_date(), scope.to_date(), scope.programme.value_or(""),
                     scope.funder.value_or(""));
        };
        ReportSection s;
        s.id = id();
        s.title = tr("Overview");

        SQLite::Statement kinds(db.sql(),
                                "SELECT s.kind, count(DISTINCT s.id), count(*) " + filter + "GROUP BY s.kind ORDER BY s.kind");
        bind(kinds);
        ReportTable by_kind{tr("Sessions and participations by activity"),
                            {tr("Activity"), tr("Sessions"), tr("Participations")},
                            {}};
        nlohmann::json kinds_json = nlohmann::json::object();
        while (kinds.executeStep()) {
            const std::string kind = kinds.getColumn(0).getString();
            const auto label = kind_labels_.find(kind);
            by_kind.rows.push_back({label != kind_labels_.end() ? label->second : locale::session_kind_name(kind), std::to_string(kinds.getColumn(1).getInt64()),
                                    std::to_string(kinds.getColumn(2).getInt64())});
            kinds_json[kinds.getColumn(0).getString()] = {{"sessions", kinds.getColumn(1).getInt64()},
                                                          {"participations", kinds.getColumn(2).getInt64()}};
        }

        // One sector per distinct person: the one of their first participation in the period,
        // all in one pass (a subquery per person scanned the whole source once per person).
        SQLite::Statement firsts(db.sql(),
                                 "SELECT person_id, sector_id FROM (SELECT a2.person_id, a2.sector_id, row_number() "
                                 "OVER (PARTITION BY a2.person_id ORDER BY s2.date) AS n FROM " + source +
                                     " a2 JOIN session s2 ON s2.id = a2.session_id WHERE a2.status = 'present' AND "
                                     "s2.date BETWEEN ?1 AND ?2) WHERE n = 1");
        bind_all(firsts, scope.from_date(), scope.to_date());
        std::unordered_map<int64_t, std::optional<int64_t>> first_sector;
        while (firsts.executeStep())
            first_sector[firsts.getColumn(0).getInt64()] =
                firsts.getColumn(1).isNull() ? std::nullopt : std::optional<int64_t>(firsts.getColumn(1).getInt64());
        SQLite::Statement people(db.sql(), "SELECT a.person_id, count(*) " + filter +
                                               "AND a.role = 'participant' GROUP BY a.person_id");
        bind(people);
        std::vector<std::optional<int64_t>> sectors;
        int64_t participations = 0;
        while (people.executeStep()) {
            const auto first = first_sector.find(people.getColumn(0).getInt64());
            sectors.push_back(first != first_sector.end() ? first->second : std::nullopt);
            participations += people.getColumn(1).getInt64();
        }
        const auto split = count_sectors(db, sectors, scope.language);

        SQLite::Statement inst(db.sql(), "SELECT count(DISTINCT a.institution_id) " + filter);
        bind(inst);
        inst.executeStep();
        const auto institutions = inst.getColumn(0).getInt64();

        s.paragraphs.push_back(trf("{people} distinct participants, {participations} participations, from "
                                   "{institutions} institutions and {sectors} sectors.",
                                   fmt::arg("people", sectors.size()), fmt::arg("participations", participations),
                                   fmt::arg("institutions", institutions), fmt::arg("sectors", split.rows.size())));
        s.tables.push_back(by_kind);
        s.tables.push_back(split_table(split, tr("Participants by sector"), tr("Sector")));
        s.charts.push_back(split_chart(split, tr("Participants by sector")));
        s.data = {{"participants", sectors.size()},
                  {"participations", participations},
                  {"institutions", institutions},
                  {"sectors", split.rows.size()},
                  {"by_sector", split_json(split)},
                  {"by_activity", kinds_json}};
        return {s};
    }

private:
    std::map<std::string, std::string> kind_labels_;
};

}  // namespace

std::vector<std::shared_ptr<const ReportSectionProvider>> core_report_sections(
    std::map<std::string, std::string> kind_labels) {
    return {std::make_shared<OverviewSection>(std::move(kind_labels))};
}

}  // namespace maillage
