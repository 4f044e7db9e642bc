#include "core/retention.h"

#include "core/audit.h"
#include "core/backup_policy.h"
#include "core/database.h"
#include "core/error.h"
#include "core/gdpr.h"
#include "core/i18n.h"

#include <SQLiteCpp/SQLiteCpp.h>

namespace maillage {
namespace {
using namespace std::chrono;

std::string iso(year_month_day d) {
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02u-%02u", int(d.year()), unsigned(d.month()), unsigned(d.day()));
    return text;
}

// The same day `years` earlier (29 February falls back to the 28th).
std::string cutoff(year_month_day today, int years) {
    year_month_day d{today.year() - std::chrono::years{years}, today.month(), today.day()};
    if (!d.ok()) d = year_month_day{d.year() / d.month() / last};
    return iso(d);
}

const RetentionKind& kind_of(const std::string& kind) {
    for (const auto& k : retention_kinds())
        if (k.kind == kind) return k;
    throw Error(trf("Unknown kind of data for retention: {kind} (known: people, evaluations).",
                    fmt::arg("kind", kind)));
}
}  // namespace

const std::vector<RetentionKind>& retention_kinds() {
    static const std::vector<RetentionKind> kinds = {{"people", "retention.people_inactive_years"},
                                                     {"evaluations", "retention.evaluation_identity_years"}};
    return kinds;
}

std::optional<int> retention_years(Database& db, const std::string& kind) {
    SQLite::Statement q(db.sql(), "SELECT value FROM setting WHERE key = ?");
    q.bind(1, kind_of(kind).setting);
    if (!q.executeStep() || q.getColumn(0).isNull()) return std::nullopt;
    try {
        const int years = std::stoi(q.getColumn(0).getString());
        if (years > 0) return years;
    } catch (const std::exception&) {
    }
    return std::nullopt;
}

void set_retention_years(Database& db, const std::string& kind, std::optional<int> years) {
    const auto& k = kind_of(kind);
    if (years && *years <= 0) throw Error(tr("A retention period is a number of years, at least 1."));
    db.write([&] {
        SQLite::Statement q(db.sql(), years ? "INSERT INTO setting(key, value) VALUES (?1, ?2) ON CONFLICT(key) DO "
                                              "UPDATE SET value = excluded.value"
                                            : "DELETE FROM setting WHERE key = ?1");
        q.bind(1, k.setting);
        if (years) q.bind(2, std::to_string(*years));
        q.exec();
        audit(db, "retention", "setting", std::nullopt,
              k.setting + " = " + (years ? std::to_string(*years) : std::string("none")));
    });
}

std::vector<RetentionItem> retention_due(Database& db, year_month_day today) {
    std::vector<RetentionItem> out;
    if (auto years = retention_years(db, "people")) {
        // The last sign of activity: a session attended, an employment, an evaluation,
        // a change to the record.
        SQLite::Statement q(db.sql(), R"(
            SELECT p.id, trim(coalesce(p.first_name,'') || ' ' || coalesce(p.last_name,'')), max(
              substr(p.updated_at, 1, 10), substr(p.created_at, 1, 10),
              coalesce((SELECT max(s.date) FROM attendance a JOIN session s ON s.id = a.session_id
                        WHERE a.person_id = p.id), ''),
              coalesce((SELECT max(max(coalesce(e.end_date,''), coalesce(e.start_date,'')))
                        FROM employment e WHERE e.person_id = p.id), ''),
              coalesce((SELECT max(substr(r.submitted_at, 1, 10)) FROM response r WHERE r.person_id = p.id), ''))
              AS last_activity
            FROM person p WHERE p.erased_at IS NULL
            ORDER BY last_activity, p.id)");
        const auto limit = cutoff(today, *years);
        while (q.executeStep()) {
            const auto last = q.getColumn(2).getString();
            if (last >= limit) continue;
            out.push_back({"people", q.getColumn(0).getInt64(), q.getColumn(1).getString(), last.substr(0, 10)});
        }
    }
    if (auto years = retention_years(db, "evaluations")) {
        SQLite::Statement q(db.sql(), "SELECT r.id, qn.title, substr(r.submitted_at, 1, 10) FROM response r JOIN "
                                      "questionnaire qn ON qn.id = r.questionnaire_id WHERE r.person_id IS NOT NULL "
                                      "AND substr(r.submitted_at, 1, 10) < ? ORDER BY r.submitted_at, r.id");
        q.bind(1, cutoff(today, *years));
        while (q.executeStep())
            out.push_back({"evaluations", q.getColumn(0).getInt64(), q.getColumn(1).getString(),
                           q.getColumn(2).getString()});
    }
    return out;
}

RetentionOutcome apply_retention(Database& db, const std::vector<RetentionItem>& items) {
    RetentionOutcome outcome;
    std::vector<int64_t> people;
    for (const auto& item : items)
        if (item.kind == "people") people.push_back(item.id);
    db.write([&] {
        for (const auto& item : items) {
            if (item.kind != "evaluations") continue;
            SQLite::Statement q(db.sql(), "UPDATE response SET person_id = NULL WHERE id = ? AND person_id IS NOT NULL");
            q.bind(1, item.id);
            if (q.exec() == 1) {
                audit(db, "anonymise", "response", item.id, "retention");
                ++outcome.evaluations_anonymised;
            }
        }
        // Nested: the erasures commit with the anonymisations or not at all.
        if (!people.empty()) outcome.people_erased = erase_people(db, people, "retention").erased;
    });
    if (outcome.people_erased > 0) scrub_database_file(db);
    return outcome;
}

year_month_day local_today() { return year_month_day{floor<days>(local_now())}; }

year_month_day parse_iso_day(const std::string& text) {
    int y = 0;
    unsigned m = 0, d = 0;
    char extra = 0;
    if (std::sscanf(text.c_str(), "%4d-%2u-%2u%c", &y, &m, &d, &extra) == 3) {
        year_month_day day{year{y}, month{m}, std::chrono::day{d}};
        if (day.ok()) return day;
    }
    throw Error(trf("\"{text}\" is not a date of the form YYYY-MM-DD.", fmt::arg("text", text)));
}

}  // namespace maillage
