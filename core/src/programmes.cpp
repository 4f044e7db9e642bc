#include "core/programmes.h"

#include "core/audit.h"
#include "core/database.h"
#include "core/error.h"
#include "core/i18n.h"
#include "core/record_table.h"
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

// What differs between programmes and funders: their tables and their messages.
template <class Record>
struct Kind;
template <>
struct Kind<Programme> {
    static constexpr const auto& coded = kProgrammes;
    static inline const RecordTable<Programme> record{"programme", {"code", "name", "parent_id"},
                                                      [](SQLite::Statement& q, const Programme& p) {
                                                          bind_all(q, p.code, p.name, p.parent_id);
                                                      }};
    static std::string duplicate(const std::string& code) {
        return trf("Code: a programme \"{code}\" already exists.", fmt::arg("code", code));
    }
    static std::string gone() { return tr("This programme no longer exists."); }
};
template <>
struct Kind<Funder> {
    static constexpr const auto& coded = kFunders;
    static inline const RecordTable<Funder> record{"funder", {"code", "name", "notes", "parent_id"},
                                                   [](SQLite::Statement& q, const Funder& f) {
                                                       bind_all(q, f.code, f.name, f.notes, f.parent_id);
                                                   }};
    static std::string duplicate(const std::string& code) {
        return trf("Code: a funder \"{code}\" already exists.", fmt::arg("code", code));
    }
    static std::string gone() { return tr("This funder no longer exists."); }
};
}  // namespace

template <class Record>
std::vector<Record> CodedRepository<Record>::list(bool include_retired) const {
    return Kind<Record>::coded.list(db_, include_retired);
}
template <class Record>
std::optional<Record> CodedRepository<Record>::find_by_code(const std::string& code) const {
    return Kind<Record>::coded.by_code(db_, code);
}
template <class Record>
std::optional<Record> CodedRepository<Record>::get(int64_t id) const {
    return Kind<Record>::coded.by_id(db_, id);
}

template <class Record>
int64_t CodedRepository<Record>::create(const Record& r) {
    return Kind<Record>::coded.save(db_, r, 0, Kind<Record>::duplicate(r.code),
                                    [&] { return Kind<Record>::record.insert(db_.sql(), r); });
}

template <class Record>
void CodedRepository<Record>::update(const Record& r) {
    Kind<Record>::coded.save(db_, r, r.id, Kind<Record>::duplicate(r.code), [&] {
        if (!Kind<Record>::record.update_row(db_.sql(), r.id, r)) throw Error(Kind<Record>::gone());
        return r.id;
    });
}

template <class Record>
void CodedRepository<Record>::retire(int64_t id) {
    retire_row(db_, Kind<Record>::coded.table, id);
}

template class CodedRepository<Programme>;
template class CodedRepository<Funder>;

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
