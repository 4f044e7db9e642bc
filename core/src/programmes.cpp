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

// Programmes and funders are the same kind of record: a code, a name and a parent in one
// table, retired rather than deleted.
template <class Map>
struct CodedTable {
    const char* table;
    const Map& map;

    std::string select(std::string_view where) const {
        return map.select("FROM " + std::string(table) + " " + std::string(where));
    }
    auto list(Database& db, bool include_retired) const {
        return query_all(db.sql(), map, select(std::string(include_retired ? "" : "WHERE retired_at IS NULL ") +
                                               "ORDER BY name COLLATE NOCASE"));
    }
    auto by_code(Database& db, const std::string& code) const {
        return query_one(db.sql(), map, select("WHERE code = ? COLLATE NOCASE"), code);
    }
    auto by_id(Database& db, int64_t id) const { return query_one(db.sql(), map, select("WHERE id = ?"), id); }

    // Create (id 0) or update: the checks, then write_row() (which returns the row's id)
    // and the audit line, in one transaction.
    template <class Record, class Write>
    int64_t save(Database& db, const Record& r, int64_t id, const std::string& duplicate, Write&& write_row) const {
        require(r.code, r.name);
        return db.write([&] {
            if (auto other = by_code(db, r.code); other && (id == 0 || other->id != id)) throw Error(duplicate);
            check_parent(db, table, id, r.parent_id);
            const int64_t saved = write_row();
            audit(db, id == 0 ? "create" : "update", table, saved, r.name);
            return saved;
        });
    }
};
const CodedTable<decltype(kProgrammeRow)> kProgrammes{"programme", kProgrammeRow};
const CodedTable<decltype(kFunderRow)> kFunders{"funder", kFunderRow};
}  // namespace

std::vector<Programme> ProgrammeRepository::list(bool include_retired) const {
    return kProgrammes.list(db_, include_retired);
}
std::optional<Programme> ProgrammeRepository::find_by_code(const std::string& code) const {
    return kProgrammes.by_code(db_, code);
}
std::optional<Programme> ProgrammeRepository::get(int64_t id) const { return kProgrammes.by_id(db_, id); }

int64_t ProgrammeRepository::create(const Programme& p) {
    return kProgrammes.save(db_, p, 0, trf("Code: a programme \"{code}\" already exists.", fmt::arg("code", p.code)),
                            [&] {
                                return insert_row(db_.sql(), "INSERT INTO programme(code, name, parent_id) VALUES (?,?,?)",
                                                  p.code, p.name, p.parent_id);
                            });
}

void ProgrammeRepository::update(const Programme& p) {
    kProgrammes.save(db_, p, p.id, trf("Code: a programme \"{code}\" already exists.", fmt::arg("code", p.code)), [&] {
        if (exec_sql(db_.sql(), "UPDATE programme SET code=?, name=?, parent_id=? WHERE id=?", p.code, p.name,
                     p.parent_id, p.id) != 1)
            throw Error(tr("This programme no longer exists."));
        return p.id;
    });
}

void ProgrammeRepository::retire(int64_t id) { retire_row(db_, "programme", id); }

std::vector<Funder> FunderRepository::list(bool include_retired) const { return kFunders.list(db_, include_retired); }
std::optional<Funder> FunderRepository::find_by_code(const std::string& code) const {
    return kFunders.by_code(db_, code);
}
std::optional<Funder> FunderRepository::get(int64_t id) const { return kFunders.by_id(db_, id); }

int64_t FunderRepository::create(const Funder& f) {
    return kFunders.save(db_, f, 0, trf("Code: a funder \"{code}\" already exists.", fmt::arg("code", f.code)), [&] {
        return insert_row(db_.sql(), "INSERT INTO funder(code, name, notes, parent_id) VALUES (?,?,?,?)", f.code,
                          f.name, f.notes, f.parent_id);
    });
}

void FunderRepository::update(const Funder& f) {
    kFunders.save(db_, f, f.id, trf("Code: a funder \"{code}\" already exists.", fmt::arg("code", f.code)), [&] {
        if (exec_sql(db_.sql(), "UPDATE funder SET code=?, name=?, notes=?, parent_id=? WHERE id=?", f.code, f.name,
                     f.notes, f.parent_id, f.id) != 1)
            throw Error(tr("This funder no longer exists."));
        return f.id;
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
