#include "core/references.h"

#include "core/database.h"
#include "core/i18n.h"
#include "core/row_reader.h"
#include "core/sql_util.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>

namespace maillage {
namespace {

// Names of the core's referencing tables as users know them; plugin tables are named by
// their table name without underscores.
std::string what_rows(const std::string& table, const std::string& column) {
    static const struct {
        const char* table;
        const char* column;
        const char* what;
    } kNames[] = {
        {"attendance", "person_id", N_("participations (attendance)")},
        {"attendance", "institution_id", N_("participations counted for it")},
        {"employment", "person_id", N_("employments")},
        {"employment", "institution_id", N_("employments")},
        {"person_role", "person_id", N_("roles")},
        {"institution_sector", "institution_id", N_("sectors")},
        {"institution", "merged_into", N_("institutions merged into it")},
        {"session", "host_institution_id", N_("sessions hosted")},
        {"response", "person_id", N_("questionnaire answers")},
    };
    for (const auto& n : kNames)
        if (table == n.table && column == n.column) return tr(n.what);
    std::string out = table;
    std::replace(out.begin(), out.end(), '_', ' ');
    return out;
}
}  // namespace

std::vector<Reference> references_to(Database& db, const std::string& table) {
    auto& sql = db.sql();
    SQLite::Statement tables(sql, "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' "
                                  "ORDER BY name");
    std::vector<Reference> refs;
    while (tables.executeStep()) {
        const auto name = tables.getColumn(0).getString();
        SQLite::Statement fks(sql, "SELECT \"from\", on_delete FROM pragma_foreign_key_list(?) WHERE \"table\" = ?");
        bind_all(fks, name, table);
        while (fks.executeStep())
            refs.push_back({name, fks.getColumn(0).getString(), fks.getColumn(1).getString() == "CASCADE"});
    }
    return refs;
}

void move_references(Database& db, const std::string& table, int64_t from, int64_t into,
                     const std::vector<std::string>& skip) {
    for (const auto& ref : references_to(db, table)) {
        if (std::find(skip.begin(), skip.end(), ref.table + "." + ref.column) != skip.end()) continue;
        SQLite::Statement up(db.sql(), "UPDATE OR IGNORE " + sql_quoted(ref.table) + " SET " + sql_quoted(ref.column) +
                                           " = ? WHERE " + sql_quoted(ref.column) + " = ?");
        bind_all(up, into, from);
        up.exec();
    }
}

std::vector<ReferenceCount> count_references(Database& db, const std::string& table, int64_t id) {
    std::vector<ReferenceCount> out;
    for (const auto& ref : references_to(db, table)) {
        const auto rows = *select_first<int64_t>(
            db.sql(), "SELECT count(*) FROM " + sql_quoted(ref.table) + " WHERE " + sql_quoted(ref.column) + " = ?",
            id);
        if (rows > 0) out.push_back({what_rows(ref.table, ref.column), rows, ref.cascades});
    }
    return out;
}

DeleteImpact delete_impact(Database& db, const std::string& table, int64_t id, bool exists, const std::string& gone) {
    DeleteImpact impact;
    if (!exists) {
        impact.refusal = gone;
        return impact;
    }
    for (auto& c : count_references(db, table, id)) (c.cascades ? impact.goes_with : impact.refused_by).push_back(c);
    return impact;
}

std::string describe_counts(const std::vector<ReferenceCount>& counts) {
    std::string out;
    for (const auto& c : counts) {
        if (!out.empty()) out += ", ";
        out += c.what + ": " + std::to_string(c.rows);
    }
    return out;
}

}  // namespace maillage
