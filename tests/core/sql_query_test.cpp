// core/sql_query.h, core/row_query.h, core/import_rows.h and core/code_labels.h: the
// plugins' repositories create and update their rows from one column list, read their
// getters in one call and count their import rows through them, so a column bound out
// of place or an outcome counted in the wrong box would show in every plugin.
#include "core/code_labels.h"
#include "core/import_rows.h"
#include "core/sql_query.h"

#include <gtest/gtest.h>

#include <SQLiteCpp/SQLiteCpp.h>

using namespace maillage;

namespace {
SQLite::Database items() {
    SQLite::Database db(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    db.exec("CREATE TABLE item(id INTEGER PRIMARY KEY, name TEXT NOT NULL, rank INTEGER, note TEXT)");
    return db;
}

const ColumnList kItemColumns{"item", {"name", "rank", "note"}};
}  // namespace

TEST(ColumnList, InsertAndUpdateWriteTheSameColumnsInTheSameOrder) {
    EXPECT_EQ(kItemColumns.insert(), "INSERT INTO item(name, rank, note) VALUES (?,?,?)");
    EXPECT_EQ(kItemColumns.update(), "UPDATE item SET name = ?, rank = ?, note = ? WHERE id = ?");
    EXPECT_EQ(kItemColumns.plus("id").insert(), "INSERT INTO item(name, rank, note, id) VALUES (?,?,?,?)");
    EXPECT_EQ(kItemColumns.size(), 3);

    auto db = items();
    SQLite::Statement ins(db, kItemColumns.insert());
    bind_all(ins, std::string("Alpha"), 3, text_or_null(""));
    ins.exec();
    const auto id = db.getLastInsertRowid();
    SQLite::Statement up(db, kItemColumns.update());
    bind_all(up, std::string("Beta"), std::nullopt, std::string("kept"));
    up.bind(kItemColumns.size() + 1, id);
    EXPECT_EQ(up.exec(), 1);
    EXPECT_EQ(select_first<std::string>(db, "SELECT name || '/' || coalesce(rank, 'none') || '/' || note FROM item"),
              "Beta/none/kept");
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
