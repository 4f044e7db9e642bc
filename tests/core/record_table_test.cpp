// core/record_table.h create_unique and core/sql_util.h waiting_list_order: the check that
// refuses a second group of one name, and the order of a list with a waiting list; a table
// written from a map with read_only() entries, its update stamped and guarded (with_update).
#include "core/error.h"
#include "core/record_map.h"
#include "core/record_table.h"
#include "core/row_reader.h"
#include "core/sql_call.h"
#include "core/sql_util.h"

#include "test_support.h"

#include <gtest/gtest.h>

using namespace maillage;

namespace {
struct Team {
    int64_t cycle = 0;
    std::string name;
};

const RecordTable<Team> kTeamTable{"team", {"cycle", "name"}, [](SQLite::Statement& q, const Team& t) {
                                       bind_all(q, t.cycle, t.name);
                                   }};

int64_t create_team(Database& db, const Team& t) {
    return kTeamTable.create_unique(db, t, t.name, "The cycle already has a team named " + t.name + ".",
                                    "SELECT count(*) FROM team WHERE cycle = ? AND name = ?", t.cycle, t.name);
}
}  // namespace

TEST(RecordTable, CreateUniqueRefusesASecondRowOfTheSameKeyAndWritesNothing) {
    auto db = test::memory_db();
    db->sql().exec("CREATE TABLE team(id INTEGER PRIMARY KEY, cycle INTEGER, name TEXT)");
    const int64_t first = create_team(*db, {1, "Group 1"});
    EXPECT_GT(first, 0);
    EXPECT_GT(create_team(*db, {2, "Group 1"}), first);  // another cycle: no clash
    try {
        create_team(*db, {1, "Group 1"});
        FAIL() << "a second Group 1 in cycle 1 was accepted";
    } catch (const Error& e) {
        EXPECT_STREQ(e.what(), "The cycle already has a team named Group 1.");
    }
    EXPECT_EQ(select_value<int>(db->sql(), "SELECT count(*) FROM team"), 2);
}

TEST(SqlUtil, WaitingListOrderPutsTheSeatedFirstThenTheQueueThenTheRest) {
    auto db = test::memory_db();
    db->sql().exec("CREATE TABLE seat(id INTEGER PRIMARY KEY, status TEXT, waiting_position INTEGER);"
                   "INSERT INTO seat VALUES (1, 'left', NULL), (2, 'waiting', 2), (3, 'enrolled', NULL),"
                   " (4, 'waiting', 1), (5, 'enrolled', NULL), (6, 'cancelled', NULL)");
    EXPECT_EQ(waiting_list_order("enrolled"),
              "CASE status WHEN 'enrolled' THEN 0 WHEN 'waiting' THEN 1 ELSE 2 END, waiting_position");
    EXPECT_EQ(select_column<int64_t>(db->sql(), "SELECT id FROM seat ORDER BY " + waiting_list_order("enrolled") + ", id"),
              (std::vector<int64_t>{3, 5, 4, 2, 1, 6}));
}

namespace {
struct Member {
    int64_t id = 0;
    int64_t team_id = 0;
    std::string name, note;
    bool gone = false;
};
const RowMap kMemberRow{column("id", &Member::id), owner(column("team_id", &Member::team_id)),
                        column("name", &Member::name), nullable(column("note", &Member::note)),
                        read_only(column("left_at IS NOT NULL AS gone", &Member::gone))};
const RecordTable<Member> kMemberTable =
    record_table_of<kMemberRow>("member").with_update(kStampUpdatedAt, "left_at IS NULL");
}  // namespace

TEST(RecordTable, ReadOnlyEntriesAreNotWrittenAndWithUpdateStampsAndGuardsTheUpdate) {
    EXPECT_EQ(kMemberTable.insert_sql(), "INSERT INTO member(name, note, team_id) VALUES (?,?,?)");
    EXPECT_EQ(kMemberTable.update_sql(),
              "UPDATE member SET name=?, note=?, updated_at=strftime('%Y-%m-%dT%H:%M:%SZ','now') "
              "WHERE id=? AND left_at IS NULL");
    auto db = test::memory_db();
    db->sql().exec("CREATE TABLE member(id INTEGER PRIMARY KEY, team_id INTEGER, name TEXT, note TEXT, left_at TEXT, "
                   "updated_at TEXT)");
    const int64_t id = kMemberTable.create(*db, {0, 7, "Ana", ""}, "Ana");
    kMemberTable.update(*db, id, {id, 8, "Ana B", "note"}, "Ana B", "gone");
    const auto ana = query_one(db->sql(), kMemberRow, kMemberRow.select("FROM member WHERE id = ?"), id);
    ASSERT_TRUE(ana);
    EXPECT_EQ(ana->team_id, 7);  // the owner stays
    EXPECT_EQ(ana->name, "Ana B");
    EXPECT_EQ(select_value<int>(db->sql(), "SELECT count(*) FROM member WHERE updated_at IS NOT NULL"), 1);
    EXPECT_EQ(select_value<int>(db->sql(), "SELECT count(*) FROM audit_log WHERE entity = 'member'"), 2);
    db->sql().exec("UPDATE member SET left_at = 'now'");
    EXPECT_THROW(kMemberTable.update(*db, id, {id, 7, "Ana C", ""}, "Ana C", "gone"), Error);
}
