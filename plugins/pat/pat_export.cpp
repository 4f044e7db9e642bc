#include "pat_export.h"

#include "accompaniments.h"
#include "pat_sql.h"

#include "core/database.h"
#include "core/sql_util.h"

#include <map>

namespace maillage::pat {

Table sessions_table(Database& db, const std::string& from, const std::string& to, const std::string& language) {
    Table t;
    t.columns = {"session_id", "date",     "accompaniment_id", "institution", "region", "funder",  "type",
                 "phase",      "status",   "duration_minutes", "preparation_minutes", "staff", "attendees",
                 "staff_warning"};
    std::map<std::string, std::string> labels;
    for (const auto& ty : AccompanimentRepository(db).session_types(true)) labels[ty.code] = ty.label(language);
    SQLite::Statement q(db.sql(),
                        "SELECT s.id, s.date, a.id, i.name, coalesce(a.region,''), coalesce(f.code,''), t.code, "
                        "p.phase, s.status, p.duration_minutes, p.preparation_minutes, "
                        "(SELECT count(*) FROM attendance x WHERE x.session_id = s.id AND x.role = 'staff'), "
                        "(SELECT count(*) FROM attendance x WHERE x.session_id = s.id AND x.role <> 'staff'), "
                        "coalesce(p.staff_warning,'') FROM pat_session p JOIN session s ON s.id = p.session_id "
                        "JOIN pat_accompaniment a ON a.id = p.accompaniment_id "
                        "JOIN institution i ON i.id = a.institution_id JOIN pat_session_type t ON t.id = p.type_id "
                        "LEFT JOIN funder f ON f.id = a.funder_id WHERE s.date BETWEEN ? AND ? ORDER BY s.date, s.id");
    bind_all(q, from, to);
    while (q.executeStep()) {
        std::vector<std::string> row;
        for (int c = 0; c < 14; ++c) row.push_back(sql::str(q, c));
        row[6] = labels.count(row[6]) ? labels[row[6]] : row[6];
        t.rows.push_back(std::move(row));
    }
    return t;
}

Table accompaniments_table(Database& db, const std::string& language) {
    Table t;
    t.columns = {"id",       "institution",       "region",        "funder",       "phase",
                 "request_date", "decision",      "decision_reason", "planned_sessions", "held_sessions",
                 "follow_up_sessions", "hires",   "step_reached",  "closed_date",  "closing_reason"};
    AccompanimentRepository repo(db);
    for (const auto& a : repo.list()) {
        const auto count = repo.session_count(a.id);
        int hires = 0;
        for (const auto& h : repo.hires(a.id))
            if (h.status == "effective") ++hires;
        const auto step = repo.step_reached(a.id, language);
        t.rows.push_back({std::to_string(a.id), a.institution_name, a.region, a.funder_code, a.phase, a.request_date,
                          a.decision, a.decision_reason, a.planned_sessions ? std::to_string(*a.planned_sessions) : "",
                          std::to_string(count.held), std::to_string(count.follow_up), std::to_string(hires),
                          step ? step->label : "", a.closed_date, a.closing_reason});
    }
    return t;
}

}  // namespace maillage::pat
