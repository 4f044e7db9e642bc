#include "core/sectors.h"

#include "core/audit.h"
#include "core/database.h"
#include "core/error.h"
#include "core/i18n.h"
#include "core/row_reader.h"
#include "core/single_line.h"
#include "core/sql_util.h"

#include <SQLiteCpp/SQLiteCpp.h>

namespace maillage {
namespace {
const RowMap kSectorRow{
    column("id", &Sector::id), column("code", &Sector::code), column("label_fr", &Sector::label_fr),
    column("label_nl", &Sector::label_nl), column("label_en", &Sector::label_en), column("family", &Sector::family),
    column("sort_order", &Sector::sort_order), column("retired_at IS NOT NULL AS retired", &Sector::retired)};

std::string select_sector(std::string_view where) { return kSectorRow.select("FROM sector " + std::string(where)); }

void validate(const Sector& s) {
    if (s.code.empty()) throw Error(tr("A sector needs a code."));
    if (s.label_fr.empty() || s.label_nl.empty() || s.label_en.empty())
        throw Error(tr("A sector needs a label in French, Dutch and English."));
    require_single_line(tr("Code"), s.code);
    for (const auto* label : {&s.label_fr, &s.label_nl, &s.label_en}) require_single_line(tr("Label"), *label);
    if (s.family != "social" && s.family != "mental_health" && s.family != "other")
        throw Error(tr("A sector's family is social, mental_health or other."));
}
}  // namespace

const std::string& Sector::label(const std::string& language) const {
    if (language == "nl") return label_nl;
    if (language == "en") return label_en;
    return label_fr;
}

std::vector<Sector> SectorRepository::list(bool include_retired) const {
    SQLite::Statement q(db_.sql(), select_sector(
                                       std::string(include_retired ? "" : "WHERE retired_at IS NULL ") +
                                       "ORDER BY sort_order, label_fr"));
    return read_all(q, kSectorRow);
}

std::optional<Sector> SectorRepository::get(int64_t id) const {
    SQLite::Statement q(db_.sql(), select_sector("WHERE id = ?"));
    q.bind(1, id);
    return read_one(q, kSectorRow);
}

std::optional<Sector> SectorRepository::find_by_code(const std::string& code) const {
    SQLite::Statement q(db_.sql(), select_sector("WHERE code = ?"));
    q.bind(1, code);
    return read_one(q, kSectorRow);
}

std::optional<Sector> SectorRepository::find(const std::string& text) const {
    SQLite::Statement q(db_.sql(), select_sector(
                                       "WHERE code = ?1 COLLATE NOCASE OR lower(label_fr) = lower(?1) "
                                       "OR lower(label_nl) = lower(?1) OR lower(label_en) = lower(?1) "
                                       "ORDER BY retired_at IS NOT NULL LIMIT 1"));
    q.bind(1, text);
    return read_one(q, kSectorRow);
}

int64_t SectorRepository::create(const Sector& s) {
    validate(s);
    return db_.write([&] {
        if (find(s.code) || find(s.label_fr))
            throw Error(trf("A sector \"{label}\" already exists.", fmt::arg("label", s.label_fr)));
        SQLite::Statement ins(db_.sql(),
                              "INSERT INTO sector(code, label_fr, label_nl, label_en, family, sort_order) "
                              "VALUES (?,?,?,?,?, coalesce(nullif(?,0), (SELECT coalesce(max(sort_order),0)+1 "
                              "FROM sector)))");
        bind_all(ins, s.code, s.label_fr, s.label_nl, s.label_en, s.family, s.sort_order);
        ins.exec();
        const auto id = db_.sql().getLastInsertRowid();
        audit(db_, "create", "sector", id, s.label_fr);
        return id;
    });
}

void SectorRepository::update(const Sector& s) {
    validate(s);
    db_.write([&] {
        SQLite::Statement up(db_.sql(),
                             "UPDATE sector SET code=?, label_fr=?, label_nl=?, label_en=?, family=?, sort_order=? "
                             "WHERE id=?");
        bind_all(up, s.code, s.label_fr, s.label_nl, s.label_en, s.family, s.sort_order, s.id);
        if (up.exec() != 1) throw Error(tr("This sector no longer exists."));
        audit(db_, "update", "sector", s.id, s.label_fr);
    });
}

void SectorRepository::retire(int64_t id) {
    db_.write([&] {
        SQLite::Statement up(db_.sql(),
                             "UPDATE sector SET retired_at = strftime('%Y-%m-%d','now') WHERE id = ? "
                             "AND retired_at IS NULL");
        up.bind(1, id);
        if (up.exec() == 1) audit(db_, "retire", "sector", id, "");
    });
}

void SectorRepository::restore(int64_t id) {
    db_.write([&] {
        SQLite::Statement up(db_.sql(), "UPDATE sector SET retired_at = NULL WHERE id = ?");
        up.bind(1, id);
        if (up.exec() == 1) audit(db_, "restore", "sector", id, "");
    });
}

}  // namespace maillage
