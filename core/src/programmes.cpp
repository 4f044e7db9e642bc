#include "core/programmes.h"

#include "core/audit.h"
#include "core/database.h"
#include "core/error.h"
#include "core/i18n.h"
#include "core/single_line.h"

#include <SQLiteCpp/SQLiteCpp.h>

namespace maillage {
namespace {
Programme read_programme(SQLite::Statement& q) {
    Programme p;
    p.id = q.getColumn(0).getInt64();
    p.code = q.getColumn(1).getString();
    p.name = q.getColumn(2).getString();
    if (!q.getColumn(3).isNull()) p.parent_id = q.getColumn(3).getInt64();
    p.retired = q.getColumn(4).getInt() != 0;
    return p;
}
Funder read_funder(SQLite::Statement& q) {
    Funder f;
    f.id = q.getColumn(0).getInt64();
    f.code = q.getColumn(1).getString();
    f.name = q.getColumn(2).getString();
    f.notes = q.getColumn(3).getString();
    f.retired = q.getColumn(4).getInt() != 0;
    return f;
}
constexpr const char* kProgramme =
    "SELECT id, code, name, parent_id, retired_at IS NOT NULL FROM programme ";
constexpr const char* kFunder = "SELECT id, code, name, coalesce(notes,''), retired_at IS NOT NULL FROM funder ";

void require(const std::string& code, const std::string& name) {
    if (code.empty()) throw Error(tr("Code: a code is needed."));
    if (name.empty()) throw Error(tr("Name: a name is needed."));
    require_single_line(tr("Code"), code);
    require_single_line(tr("Name"), name);
}

void retire_row(Database& db, const char* table, int64_t id) {
    db.write([&] {
        SQLite::Statement up(db.sql(), std::string("UPDATE ") + table +
                                           " SET retired_at = strftime('%Y-%m-%d','now') WHERE id = ? AND "
                                           "retired_at IS NULL");
        up.bind(1, id);
        if (up.exec() == 1) audit(db, "retire", table, id, "");
    });
}
}  // namespace

std::vector<Programme> ProgrammeRepository::list(bool include_retired) const {
    SQLite::Statement q(db_.sql(), std::string(kProgramme) + (include_retired ? "" : "WHERE retired_at IS NULL ") +
                                       "ORDER BY name COLLATE NOCASE");
    std::vector<Programme> out;
    while (q.executeStep()) out.push_back(read_programme(q));
    return out;
}

std::optional<Programme> ProgrammeRepository::find_by_code(const std::string& code) const {
    SQLite::Statement q(db_.sql(), std::string(kProgramme) + "WHERE code = ? COLLATE NOCASE");
    q.bind(1, code);
    if (q.executeStep()) return read_programme(q);
    return std::nullopt;
}

std::optional<Programme> ProgrammeRepository::get(int64_t id) const {
    SQLite::Statement q(db_.sql(), std::string(kProgramme) + "WHERE id = ?");
    q.bind(1, id);
    if (q.executeStep()) return read_programme(q);
    return std::nullopt;
}

int64_t ProgrammeRepository::create(const Programme& p) {
    require(p.code, p.name);
    return db_.write([&] {
        if (find_by_code(p.code))
            throw Error(trf("Code: a programme \"{code}\" already exists.", fmt::arg("code", p.code)));
        SQLite::Statement ins(db_.sql(), "INSERT INTO programme(code, name, parent_id) VALUES (?,?,?)");
        ins.bind(1, p.code);
        ins.bind(2, p.name);
        if (p.parent_id)
            ins.bind(3, *p.parent_id);
        else
            ins.bind(3);
        ins.exec();
        const auto id = db_.sql().getLastInsertRowid();
        audit(db_, "create", "programme", id, p.name);
        return id;
    });
}

void ProgrammeRepository::update(const Programme& p) {
    require(p.code, p.name);
    db_.write([&] {
        SQLite::Statement up(db_.sql(), "UPDATE programme SET code=?, name=?, parent_id=? WHERE id=?");
        up.bind(1, p.code);
        up.bind(2, p.name);
        if (p.parent_id)
            up.bind(3, *p.parent_id);
        else
            up.bind(3);
        up.bind(4, p.id);
        if (up.exec() != 1) throw Error(tr("This programme no longer exists."));
        audit(db_, "update", "programme", p.id, p.name);
    });
}

void ProgrammeRepository::retire(int64_t id) { retire_row(db_, "programme", id); }

std::vector<Funder> FunderRepository::list(bool include_retired) const {
    SQLite::Statement q(db_.sql(), std::string(kFunder) + (include_retired ? "" : "WHERE retired_at IS NULL ") +
                                       "ORDER BY name COLLATE NOCASE");
    std::vector<Funder> out;
    while (q.executeStep()) out.push_back(read_funder(q));
    return out;
}

std::optional<Funder> FunderRepository::find_by_code(const std::string& code) const {
    SQLite::Statement q(db_.sql(), std::string(kFunder) + "WHERE code = ? COLLATE NOCASE");
    q.bind(1, code);
    if (q.executeStep()) return read_funder(q);
    return std::nullopt;
}

std::optional<Funder> FunderRepository::get(int64_t id) const {
    SQLite::Statement q(db_.sql(), std::string(kFunder) + "WHERE id = ?");
    q.bind(1, id);
    if (q.executeStep()) return read_funder(q);
    return std::nullopt;
}

int64_t FunderRepository::create(const Funder& f) {
    require(f.code, f.name);
    return db_.write([&] {
        if (find_by_code(f.code))
            throw Error(trf("Code: a funder \"{code}\" already exists.", fmt::arg("code", f.code)));
        SQLite::Statement ins(db_.sql(), "INSERT INTO funder(code, name, notes) VALUES (?,?,?)");
        ins.bind(1, f.code);
        ins.bind(2, f.name);
        ins.bind(3, f.notes);
        ins.exec();
        const auto id = db_.sql().getLastInsertRowid();
        audit(db_, "create", "funder", id, f.name);
        return id;
    });
}

void FunderRepository::update(const Funder& f) {
    require(f.code, f.name);
    db_.write([&] {
        SQLite::Statement up(db_.sql(), "UPDATE funder SET code=?, name=?, notes=? WHERE id=?");
        up.bind(1, f.code);
        up.bind(2, f.name);
        up.bind(3, f.notes);
        up.bind(4, f.id);
        if (up.exec() != 1) throw Error(tr("This funder no longer exists."));
        audit(db_, "update", "funder", f.id, f.name);
    });
}

void FunderRepository::retire(int64_t id) { retire_row(db_, "funder", id); }

}  // namespace maillage
