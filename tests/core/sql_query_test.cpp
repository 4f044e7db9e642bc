// core/record_table.h, core/sql_query.h, core/row_query.h, core/import_rows.h and core/code_labels.h: the
// plugins' repositories create and update their rows from one column list, read their
// getters in one call and count their import rows through them, so a column bound out
// of place or an outcome counted in the wrong box would show in every plugin.
#include "core/code_labels.h"
#include "core/import_rows.h"
#include "core/record_table.h"
#include "core/sql_query.h"
#include "test_support.h"

#include <gtest/gtest.h>

#include <SQLiteCpp/SQLiteCpp.h>

using namespace maillage;

namespace {
SQLite::Database items() {
    SQLite::Database db(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    db.exec("CREATE TABLE item(id INTEGER PRIMARY KEY, name TEXT NOT NULL, rank INTEGER, note TEXT)");
    return db;
}

struct Item {
    std::string name;
    std::optional<int> rank;
    std::string note;
};

const RecordTable<Item> kItemTable{"item", {"name", "rank", "note"}, [](SQLite::Statement& q, const Item& i) {
                                       bind_all(q, i.name, i.rank, text_or_null(i.note));
                                   }};

int count(Database& db, const std::string& sql) { return select_value<int>(db.sql(), sql); }
}  // namespace

TEST(RecordTable, InsertAndUpdateWriteTheSameColumnsInTheSameOrder) {
    EXPECT_EQ(kItemTable.insert_sql(), "INSERT INTO item(name, rank, note) VALUES (?,?,?)");
    EXPECT_EQ(kItemTable.update_sql(), "UPDATE item SET name=?, rank=?, note=? WHERE id=?");

    auto db = items();
    const auto id = kItemTable.insert(db, {"Alpha", 3, ""});
    EXPECT_TRUE(kItemTable.update_row(db, id, {"Beta", std::nullopt, "kept"}));
    EXPECT_FALSE(kItemTable.update_row(db, id + 1, {"Gamma", 1, ""}));
    EXPECT_EQ(select_first<std::string>(db, "SELECT name || '/' || coalesce(rank, 'none') || '/' || note FROM item"),
              "Beta/none/kept");
}

TEST(RecordTable, SaveInsertsOrUpdatesWithItsAuditEntryInTheCallersWrite) {
    auto db = test::memory_db();
    db->sql().exec("CREATE TABLE item(id INTEGER PRIMARY KEY, name TEXT NOT NULL, rank INTEGER, note TEXT)");
    const auto id = db->write([&] { return kItemTable.save(*db, true, 0, {"Alpha", 3, "x"}, "Alpha", "gone"); });
    EXPECT_EQ(db->write([&] { return kItemTable.save(*db, false, id, {"Beta", 4, ""}, "Beta", "gone"); }), id);
    EXPECT_EQ(select_first<std::string>(db->sql(), "SELECT name || '/' || rank || '/' || coalesce(note, 'null') FROM item"),
              "Beta/4/null");
    EXPECT_EQ(count(*db, "SELECT count(*) FROM audit_log WHERE entity = 'item' AND action = 'create' AND summary = 'Alpha'"),
              1);
    EXPECT_EQ(count(*db, "SELECT count(*) FROM audit_log WHERE entity = 'item' AND action = 'update' AND summary = 'Beta'"),
              1);
    // A row gone meanwhile: the message, and nothing written.
    const auto audited = count(*db, "SELECT count(*) FROM audit_log");
    try {
        db->write([&] { kItemTable.save(*db, false, id + 1, {"Gamma", 1, ""}, "Gamma", "This item no longer exists."); });
        ADD_FAILURE() << "no error for a missing row";
    } catch (const Error& e) {
        EXPECT_STREQ(e.what(), "This item no longer exists.");
    }
    EXPECT_EQ(count(*db, "SELECT count(*) FROM audit_log"), audited);
    EXPECT_EQ(count(*db, "SELECT count(*) FROM item"), 1);
}

TEST(RecordTable, RemoveDeletesWithItsAuditEntryAndNamesARowAlreadyGone) {
    auto db = test::memory_db();
    db->sql().exec("CREATE TABLE item(id INTEGER PRIMARY KEY, name TEXT NOT NULL, rank INTEGER, note TEXT)");
    const auto id = kItemTable.create(*db, {"Alpha", 3, ""}, "Alpha");
    kItemTable.remove(*db, id, "This item no longer exists.");
    EXPECT_EQ(count(*db, "SELECT count(*) FROM item"), 0);
    EXPECT_EQ(count(*db, "SELECT count(*) FROM audit_log WHERE entity = 'item' AND action = 'delete'"), 1);
    EXPECT_THROW(kItemTable.remove(*db, id, "This item no longer exists."), Error);
    EXPECT_EQ(count(*db, "SELECT count(*) FROM audit_log WHERE entity = 'item' AND action = 'delete'"), 1);
}

TEST(SqlQuery, ValuesColumnsAndChangesInOneCall) {
    auto db = items();
    EXPECT_EQ(exec_sql(db, "INSERT INTO item(name, rank) VALUES (?,?), (?,?)", std::string("a"), 2, std::string("b"), 1),
              2);
    EXPECT_EQ(select_column<std::string>(db, "SELECT name FROM item ORDER BY rank"),
              (std::vector<std::string>{"b", "a"}));
    EXPECT_EQ(select_column<int64_t>(db, "SELECT rank FROM item WHERE name = ?", std::string("a")),
              (std::vector<int64_t>{2}));
    EXPECT_EQ(select_first<int>(db, "SELECT rank FROM item WHERE name = ?", std::string("b")), 1);
    EXPECT_FALSE(select_first<int64_t>(db, "SELECT id FROM item WHERE name = ?", std::string("none")).has_value())
        << "no row is nothing, not 0";
    EXPECT_EQ(select_first<std::string>(db, "SELECT note FROM item WHERE name = 'a'"), std::string())
        << "a NULL text reads as empty";
    EXPECT_EQ(exec_sql(db, "UPDATE item SET note = 'x' WHERE name = ?", std::string("none")), 0);
}

TEST(ImportRows, EachRowIsCountedUnderItsOutcome) {
    csv::Table t;
    for (int i = 0; i < 6; ++i) t.rows.push_back({});
    int n = 0;
    const auto count = count_rows(t, [&](const csv::Row&) {
        const int k = n++;
        return k < 3 ? RowOutcome::created : row_outcome(false, k == 3);
    });
    EXPECT_EQ(count.created, 3);
    EXPECT_EQ(count.updated, 1);
    EXPECT_EQ(count.unchanged, 2);
    EXPECT_EQ(row_outcome(true, false), RowOutcome::created);
}

TEST(CodeLabels, AKnownCodeIsLabelledAnUnknownOneShownAsItIs) {
    static constexpr CodeLabel kLabels[] = {{"no_show", N_("no-show")}, {"waiting", N_("waiting list")}};
    EXPECT_EQ(label_of(kLabels, "waiting"), "waiting list");
    EXPECT_EQ(label_of(kLabels, "archived"), "archived");
}
