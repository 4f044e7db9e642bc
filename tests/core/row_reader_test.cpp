// core/row_reader.h: every repository reads its rows through it, so a column read into
// the wrong member, a NULL read as garbage or a renamed column would show everywhere.
#include "core/row_reader.h"

#include <gtest/gtest.h>

#include <SQLiteCpp/SQLiteCpp.h>

using namespace maillage;

namespace {
struct Item {
    int64_t id = 0;
    std::string name = "unset";
    std::optional<int64_t> parent;
    int rank = 7;
    bool retired = true;
    std::optional<std::string> note;
};

const RowMap kItemRow{column("i.id", &Item::id), column("name", &Item::name), column("parent", &Item::parent),
                      column("rank", &Item::rank), column("retired_at IS NOT NULL AS retired", &Item::retired),
                      column("note", &Item::note)};

SQLite::Database items() {
    SQLite::Database db(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    db.exec("CREATE TABLE item(id INTEGER PRIMARY KEY, name TEXT, parent INTEGER, rank INTEGER, retired_at TEXT, "
            "note TEXT, extra TEXT)");
    db.exec("INSERT INTO item VALUES (1, 'Alpha', NULL, 3, NULL, 'n1', 'x'), (2, NULL, 1, NULL, '2025-01-01', NULL, 'y')");
    return db;
}
}  // namespace

TEST(RowReader, ReadsEachColumnIntoItsMemberAndNullAsEmpty) {
    auto db = items();
    SQLite::Statement q(db, kItemRow.select("FROM item i ORDER BY id"));
    const auto rows = read_all(q, kItemRow);
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[0].id, 1);
    EXPECT_EQ(rows[0].name, "Alpha");
    EXPECT_FALSE(rows[0].parent);
    EXPECT_EQ(rows[0].rank, 3);
    EXPECT_FALSE(rows[0].retired);
    EXPECT_EQ(rows[0].note, "n1");
    EXPECT_EQ(rows[1].name, "");  // NULL text
    EXPECT_EQ(rows[1].parent, 1);
    EXPECT_EQ(rows[1].rank, 0);  // NULL number
    EXPECT_TRUE(rows[1].retired);
    EXPECT_FALSE(rows[1].note);
}

TEST(RowReader, FindsColumnsByNameWhateverTheirOrder) {
    auto db = items();
    SQLite::Statement q(db, "SELECT note, extra, rank, parent, name, retired_at IS NOT NULL AS retired, id FROM item "
                            "WHERE id = 1");
    const auto row = read_one(q, kItemRow);
    ASSERT_TRUE(row);
    EXPECT_EQ(row->id, 1);
    EXPECT_EQ(row->name, "Alpha");
    EXPECT_EQ(row->rank, 3);
    EXPECT_EQ(row->note, "n1");
}

TEST(RowReader, NamesTheMissingColumnOnceForTheStatement) {
    auto db = items();
    SQLite::Statement q(db, "SELECT id, name FROM item");
    try {
        RowReader reader(q, kItemRow);
        FAIL() << "a query without the map's columns was accepted";
    } catch (const std::logic_error& e) {
        EXPECT_NE(std::string(e.what()).find("\"parent\""), std::string::npos) << e.what();
    }
}

TEST(RowReader, CompletesEachRowAndAnswersNothingWhenNoRow) {
    auto db = items();
    SQLite::Statement q(db, kItemRow.select("FROM item i ORDER BY id"));
    const auto rows = read_all(q, kItemRow, [](Item& i) { i.name += "!"; });
    EXPECT_EQ(rows[0].name, "Alpha!");
    EXPECT_EQ(rows[1].name, "!");
    SQLite::Statement none(db, kItemRow.select("FROM item i WHERE id = 99"));
    EXPECT_FALSE(read_one(none, kItemRow));
}

TEST(RowReader, QueriesBindTheirValuesInOrderAndNullForAnEmptyOptional) {
    auto db = items();
    const auto named = query_one(db, kItemRow, kItemRow.select("FROM item i WHERE name = ? AND rank = ?"), "Alpha", 3);
    ASSERT_TRUE(named);
    EXPECT_EQ(named->id, 1);
    EXPECT_FALSE(query_one(db, kItemRow, kItemRow.select("FROM item i WHERE name = ? AND rank = ?"), "Alpha", 4));
    EXPECT_EQ(query_all(db, kItemRow, kItemRow.select("FROM item i WHERE id >= ? ORDER BY id DESC"), 1).size(), 2u);
    EXPECT_EQ(select_column<int64_t>(db, "SELECT id FROM item WHERE parent IS ? ORDER BY id", std::optional<int64_t>()),
              std::vector<int64_t>{1});
    EXPECT_EQ(select_column<std::string>(db, "SELECT name FROM item ORDER BY id"), (std::vector<std::string>{"Alpha", ""}));
    EXPECT_EQ(select_first<int>(db, "SELECT rank FROM item WHERE id = ?", 1), 3);
    EXPECT_FALSE(select_first<int>(db, "SELECT rank FROM item WHERE id = ?", 99));
}

TEST(RowReader, InsertReturnsTheNewIdAndExecCountsTheRowsChanged) {
    auto db = items();
    const auto id = insert_row(db, "INSERT INTO item(name, parent) VALUES (?, ?)", "Gamma", std::nullopt);
    EXPECT_EQ(id, 3);
    EXPECT_EQ(select_first<std::string>(db, "SELECT name FROM item WHERE id = ? AND parent IS NULL", id), "Gamma");
    EXPECT_EQ(exec_sql(db, "UPDATE item SET rank = ? WHERE id <> ?", 9, id), 2);
    EXPECT_EQ(exec_sql(db, "UPDATE item SET rank = 1 WHERE id = 99"), 0);
}

TEST(RowReader, ATupleBindsItsValuesInItsPlace) {
    auto db = items();
    const auto values = std::make_tuple(std::string("Delta"), std::optional<int64_t>(1), 5);
    const auto id = insert_row(db, "INSERT INTO item(name, parent, rank, note) VALUES (?, ?, ?, ?)", values, "d");
    EXPECT_EQ(exec_sql(db, "UPDATE item SET name = ?, parent = ?, rank = ? WHERE id = ? AND note = ?", values, id, "d"),
              1);
    const auto row = query_one(db, kItemRow, kItemRow.select("FROM item i WHERE id = ?"), id);
    ASSERT_TRUE(row);
    EXPECT_EQ(row->name, "Delta");
    EXPECT_EQ(row->parent, 1);
    EXPECT_EQ(row->rank, 5);
    EXPECT_EQ(row->note, "d");
}
