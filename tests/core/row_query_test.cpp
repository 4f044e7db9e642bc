// core/row_query.h: the exchange's and the catalogue's getters are one RowSource call
// each, so a WHERE joined to the wrong FROM or a value bound out of place would show there.
#include "core/row_query.h"

#include <gtest/gtest.h>

#include <SQLiteCpp/SQLiteCpp.h>

using namespace maillage;

namespace {
struct Seat {
    int64_t id = 0;
    std::string person;
    std::optional<int64_t> table;
};

const RowMap kSeatRow{column("s.id", &Seat::id), column("p.name AS person", &Seat::person),
                      column("s.table_id", &Seat::table)};
const RowSource kSeats{kSeatRow, "FROM seat s JOIN person p ON p.id = s.person_id"};

SQLite::Database seats() {
    SQLite::Database db(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    db.exec("CREATE TABLE person(id INTEGER PRIMARY KEY, name TEXT);"
            "CREATE TABLE seat(id INTEGER PRIMARY KEY, person_id INTEGER, event_id INTEGER, table_id INTEGER);"
            "INSERT INTO person VALUES (1, 'Leila'), (2, 'Marc');"
            "INSERT INTO seat VALUES (10, 1, 7, NULL), (11, 2, 7, 3), (12, 2, 8, 4)");
    return db;
}
}  // namespace

TEST(RowSource, EachGetterIsItsWhereOverOneFrom) {
    auto db = seats();
    EXPECT_EQ(kSeats.select("WHERE s.id = ?"),
              "SELECT s.id, p.name AS person, s.table_id FROM seat s JOIN person p ON p.id = s.person_id WHERE s.id = ?");
    const auto at_7 = kSeats.rows(db, "WHERE s.event_id = ? ORDER BY s.id", 7);
    ASSERT_EQ(at_7.size(), 2u);
    EXPECT_EQ(at_7[0].person, "Leila");
    EXPECT_FALSE(at_7[0].table.has_value());
    EXPECT_EQ(at_7[1].table, 3);
    const auto marc_at_8 = kSeats.row(db, "WHERE s.event_id = ? AND p.name = ?", 8, std::string("Marc"));
    ASSERT_TRUE(marc_at_8.has_value());
    EXPECT_EQ(marc_at_8->id, 12);
    EXPECT_FALSE(kSeats.row(db, "WHERE s.event_id = ?", 9).has_value());
    EXPECT_EQ(query_all(db, kSeatRow, kSeats.select("WHERE s.table_id IS NOT NULL")).size(), 2u);
}
