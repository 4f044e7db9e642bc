#include "core/programmes.h"

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
const RowMap kProgrammeRow{column("id", &Programme::id), column("code", &Programme::code),
                            column("name", &Programme::name), column("parent_id", &Programme::parent_id),
                            column("retired_at IS NOT NULL AS retired", &Programme::retired)};
const RowMap kFunderRow{column("id", &Funder::id), column("code", &Funder::code), column("name", &Funder::name),
                        column("notes", &Funder::notes), column("retired_at IS NOT NULL AS retired", &Funder::retired),
                        column("parent_id", &Funder::parent_id)};

std::string select_programme(std::string_view where) { return kProgrammeRow.select("FROM programme " + std::string(where)); }
std::string select_funder(std::string_view where) { return kFunderRow.select("FROM funder " + std::string(where)); }

void require(const std::string& code, const std::string& name) {
    if (code.empty()) throw Error(tr("Code: a code is needed."));
    if (name.empty()) throw Error(tr("Name: a name is needed."));
    require_single_line(tr("Code"), code);
    require_single_line(tr("Name"), name);
}

// The parent must exist and must not be the row itself or one of its descendants:
// the tree of programmes (or funders) never loops.
void check_parent(Database& db, const char* table, int64_t id, const std::optional<int64_t>& parent) {
    if (!parent) return;
    if (id != 0 && *parent == id) throw Error(tr("Parent: a record cannot be its own parent."));
    SQLite::Statement q(db.sql(), std::string("WITH RECURSIVE up(id) AS (SELECT ?1 UNION SELECT t.parent_id FROM ") +
                                      table + " t JOIN up ON t.id = up.id WHERE t.parent_id IS NOT NULL) "
                                      "SELECT (SELECT count(*) FROM " + table +
                                      " WHERE id = ?1), (SELECT count(*) FROM up WHERE id = ?2)");
    bind_all(q, *parent, id);
    q.executeStep();
    if (q.getColumn(0).getInt() == 0) throw Error(tr("Parent: no such record."));
    if (id != 0 && q.getColumn(1).getInt() > 0)
        throw Error(tr("Parent: this would put a record under one of its own sub-records."));
}

void bind_parent(SQLite::Statement& q, int index, const std::optional<int64_t>& parent) {
    if (parent)
        q.bind(index, *parent);
    else
        q.bind(index);
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
    SQLite::Statement q(db_.sql(), select_programme(std::string(include_retired ? "" : "WHERE retired_at IS NULL ") +
                                       "ORDER BY name COLLATE NOCASE"));
    return read_all(q, kProgrammeRow);
}

std::optional<Programme> ProgrammeRepository::find_by_code(const std::string& code) const {
    SQLite::Statement q(db_.sql(), select_programme("WHERE code = ? COLLATE NOCASE"));
    q.bind(1, code);
    return read_one(q, kProgrammeRow);
}

std::optional<Programme> ProgrammeRepository::get(int64_t id) const {
    SQLite::Statement q(db_.sql(), select_programme("WHERE id = ?"));
    q.bind(1, id);
    return read_one(q, kProgrammeRow);
}

int64_t ProgrammeRepository::create(const Programme& p) {
    require(p.code, p.name);
    return db_.write([&] {
        if (find_by_code(p.code))
            throw Error(trf("Code: a programme \"{code}\" already exists.", fmt::arg("code", p.code)));
        check_parent(db_, "programme", 0, p.parent_id);
        SQLite::Statement ins(db_.sql(), "INSERT INTO programme(code, name, parent_id) VALUES (?,?,?)");
        bind_all(ins, p.code, p.name);
        bind_parent(ins, 3, p.parent_id);
        ins.exec();
        const auto id = db_.sql().getLastInsertRowid();
        audit(db_, "create", "programme", id, p.name);
        return id;
    });
}

void ProgrammeRepository::update(const Programme& p) {
    require(p.code, p.name);
    db_.write([&] {
        if (auto other = find_by_code(p.code); other && other->id != p.id)
            throw Error(trf("Code: a programme \"{code}\" already exists.", fmt::arg("code", p.code)));
        check_parent(db_, "programme", p.id, p.parent_id);
        SQLite::Statement up(db_.sql(), "UPDATE programme SET code=?, name=?, parent_id=? WHERE id=?");
        bind_all(up, p.code, p.name);
        bind_parent(up, 3, p.parent_id);
        up.bind(4, p.id);
        if (up.exec() != 1) throw Error(tr("This programme no longer exists."));
        audit(db_, "update", "programme", p.id, p.name);
    });
}

void ProgrammeRepository::retire(int64_t id) { retire_row(db_, "programme", id); }

std::vector<Funder> FunderRepository::list(bool include_retired) const {
    SQLite::Statement q(db_.sql(), select_funder(std::string(include_retired ? "" : "WHERE retired_at IS NULL ") +
                                       "ORDER BY name COLLATE NOCASE"));
    return read_all(q, kFunderRow);
}

std::optional<Funder> FunderRepository::find_by_code(const std::string& code) const {
    SQLite::Statement q(db_.sql(), select_funder("WHERE code = ? COLLATE NOCASE"));
    q.bind(1, code);
    return read_one(q, kFunderRow);
}

std::optional<Funder> FunderRepository::get(int64_t id) const {
    SQLite::Statement q(db_.sql(), select_funder("WHERE id = ?"));
    q.bind(1, id);
    return read_one(q, kFunderRow);
}

int64_t FunderRepository::create(const Funder& f) {
    require(f.code, f.name);
    return db_.write([&] {
        if (find_by_code(f.code))
            throw Error(trf("Code: a funder \"{code}\" already exists.", fmt::arg("code", f.code)));
        check_parent(db_, "funder", 0, f.parent_id);
        SQLite::Statement ins(db_.sql(), "INSERT INTO funder(code, name, notes, parent_id) VALUES (?,?,?,?)");
        bind_all(ins, f.code, f.name, f.notes);
        bind_parent(ins, 4, f.parent_id);
        ins.exec();
        const auto id = db_.sql().getLastInsertRowid();
        audit(db_, "create", "funder", id, f.name);
        return id;
    });
}

void FunderRepository::update(const Funder& f) {
    require(f.code, f.name);
    db_.write([&] {
        if (auto other = find_by_code(f.code); other && other->id != f.id)
            throw Error(trf("Code: a funder \"{code}\" already exists.", fmt::arg("code", f.code)));
        check_parent(db_, "funder", f.id, f.parent_id);
        SQLite::Statement up(db_.sql(), "UPDATE funder SET code=?, name=?, notes=?, parent_id=? WHERE id=?");
        bind_all(up, f.code, f.name, f.notes);
        bind_parent(up, 4, f.parent_id);
        up.bind(5, f.id);
        if (up.exec() != 1) throw Error(tr("This funder no longer exists."));
        audit(db_, "update", "funder", f.id, f.name);
    });
}

void FunderRepository::retire(int64_t id) { retire_row(db_, "funder", id); }

namespace {
template <class Repo, class Record>
void create_all(Repo& repo, const std::vector<NewReference>& items, const char* what) {
    for (const auto& item : items) {
        Record r;
        r.code = item.code;
        r.name = item.name;
        if (!item.parent_code.empty()) {
            auto parent = repo.find_by_code(item.parent_code);
            if (!parent)
                throw Error(trf("{what} {code}: the parent \"{parent}\" is not in the list above it.",
                                fmt::arg("what", what), fmt::arg("code", item.code),
                                fmt::arg("parent", item.parent_code)));
            r.parent_id = parent->id;
        }
        try {
            repo.create(r);
        } catch (const Error& e) {
            throw Error(trf("{what} {code}: {reason}", fmt::arg("what", what), fmt::arg("code", item.code),
                            fmt::arg("reason", e.what())));
        }
    }
}
}  // namespace

void apply_first_start(Database& db, const FirstStartSetup& setup) {
    db.write([&] {
        if (!setup.organisation.empty()) {
            SQLite::Statement q(db.sql(),
                                "INSERT INTO setting(key, value) VALUES ('organisation.name', ?) "
                                "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
            q.bind(1, setup.organisation);
            q.exec();
            audit(db, "update", "setting", std::nullopt, "organisation.name = " + setup.organisation);
        }
        ProgrammeRepository programmes(db);
        create_all<ProgrammeRepository, Programme>(programmes, setup.programmes, tr("Programme").c_str());
        FunderRepository funders(db);
        create_all<FunderRepository, Funder>(funders, setup.funders, tr("Funder").c_str());
    });
}

std::string organisation_name(Database& db) {
    SQLite::Statement q(db.sql(), "SELECT value FROM setting WHERE key = 'organisation.name'");
    return q.executeStep() ? q.getColumn(0).getString() : std::string();
}

bool needs_first_start(Database& db) {
    return organisation_name(db).empty() && db.scalar_int("SELECT count(*) FROM programme") == 0 &&
           db.scalar_int("SELECT count(*) FROM institution") == 0 && db.scalar_int("SELECT count(*) FROM person") == 0;
}

}  // namespace maillage
