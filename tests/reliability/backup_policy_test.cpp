#include "core/backup.h"
#include "core/backup_policy.h"
#include "reliability_support.h"
#include "test_support.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

using namespace maillage;
using namespace std::chrono;

namespace {
local_seconds at(int y, unsigned m, unsigned d, int hour = 18) {
    return local_days{year{y} / month{m} / day{d}} + hours{hour};
}
std::string iso(local_seconds t) {
    const year_month_day ymd{floor<days>(t)};
    char s[16];
    std::snprintf(s, sizeof s, "%04d-%02u-%02u", int(ymd.year()), unsigned(ymd.month()), unsigned(ymd.day()));
    return s;
}
}  // namespace

TEST(BackupPolicy, KeepsSevenDailyFourWeeklyTwelveMonthly) {
    // One backup a day for 400 days, up to Wednesday 25 November 2026.
    std::vector<local_seconds> taken;
    for (int i = 0; i < 400; ++i) taken.push_back(at(2026, 11, 25) - days{i});
    std::set<std::string> kept;
    for (auto i : backups_to_keep(taken)) kept.insert(iso(taken[i]));
    const std::set<std::string> expected = {
        // the seven latest days
        "2026-11-19", "2026-11-20", "2026-11-21", "2026-11-22", "2026-11-23", "2026-11-24", "2026-11-25",
        // the last backup (Sunday) of the three weeks before the current one
        "2026-11-15", "2026-11-08",
        // the last backup of each of the eleven months before November
        "2026-10-31", "2026-09-30", "2026-08-31", "2026-07-31", "2026-06-30", "2026-05-31", "2026-04-30",
        "2026-03-31", "2026-02-28", "2026-01-31", "2025-12-31"};
    EXPECT_EQ(kept, expected);
}

TEST(BackupPolicy, KeepsOnlyTheNewestOfADay) {
    std::vector<local_seconds> taken = {at(2026, 3, 2, 9), at(2026, 3, 2, 17), at(2026, 3, 2, 12)};
    EXPECT_EQ(backups_to_keep(taken), std::vector<size_t>{1});
}

TEST(BackupPolicy, BackupNamesRoundTrip) {
    const auto name = backup_name_at("/x/backups", "/x/maillage.sqlite", "auto", at(2026, 1, 5, 7));
    EXPECT_EQ(name.filename(), "maillage-auto-20260105-070000.sqlite");
    const auto parsed = parse_backup_name(name, "/x/maillage.sqlite");
    ASSERT_TRUE(parsed);
    EXPECT_EQ(parsed->tag, "auto");
    EXPECT_EQ(parsed->taken, at(2026, 1, 5, 7));
    EXPECT_FALSE(parse_backup_name("/x/backups/other-auto-20260105-070000.sqlite", "/x/maillage.sqlite"));
    EXPECT_FALSE(parse_backup_name("/x/backups/maillage-auto-2026.sqlite", "/x/maillage.sqlite"));
}

TEST(BackupPolicy, AutomaticBackupAtMostDailyThenRotated) {
    test::TempDir dir;
    const auto file = dir / "maillage.sqlite";
    auto db = test::file_db(file);
    test::add_institution(*db, "Abri de nuit");
    const auto backups = dir / "backups";
    // Twenty days of closing the program twice a day.
    int written = 0;
    for (int d = 0; d < 20; ++d) {
        if (backup_if_due(*db, backups, at(2026, 2, 1 + d, 9))) ++written;
        EXPECT_FALSE(backup_if_due(*db, backups, at(2026, 2, 1 + d, 17))) << "a second backup on day " << d;
    }
    EXPECT_EQ(written, 20);
    const auto left = list_backups(backups, file);
    // 7 latest days (14..20 Feb) + the Sunday of the 3 earlier weeks still present (8 Feb,
    // 1 Feb; 13 Feb's week is covered by the daily ones) + nothing older in February.
    std::set<std::string> days_left;
    for (const auto& b : left) days_left.insert(iso(b.taken));
    EXPECT_EQ(days_left, (std::set<std::string>{"2026-02-01", "2026-02-08", "2026-02-14", "2026-02-15", "2026-02-16",
                                                "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20"}));
    for (const auto& b : left) EXPECT_EQ(check_file(b.file), "") << b.file;
}

TEST(BackupPolicy, RotationLeavesOtherKindsAlone) {
    test::TempDir dir;
    const auto file = dir / "m.sqlite";
    auto db = test::file_db(file);
    const auto backups = dir / "backups";
    backup_to(*db, backup_name_at(backups, file, "manual", at(2020, 1, 1)));
    backup_to(*db, backup_name_at(backups, file, "auto", at(2020, 1, 1)));
    backup_to(*db, backup_name_at(backups, file, "auto", at(2020, 1, 1, 19)));
    const auto removed = rotate_backups(backups, file, "auto");
    ASSERT_EQ(removed.size(), 1u);
    EXPECT_EQ(list_backups(backups, file).size(), 2u);
}

TEST(BackupPolicy, GoodBackupsSkipDamagedFiles) {
    test::TempDir dir;
    const auto file = dir / "m.sqlite";
    auto db = test::file_db(file);
    const auto backups = dir / "backups";
    const auto good = backup_name_at(backups, file, "auto", at(2026, 1, 1));
    backup_to(*db, good);
    test::write_file(backup_name_at(backups, file, "auto", at(2026, 1, 2)), "this is not a database at all........");
    const auto list = good_backups(backups, file);
    ASSERT_EQ(list.size(), 1u);
    EXPECT_EQ(list.front().file, good);
}

TEST(BackupPolicy, ReadOnlyDatabaseTakesNoAutomaticBackup) {
    test::TempDir dir;
    const auto file = dir / "m.sqlite";
    test::file_db(file).reset();
    Database db(file, Database::Access::ReadOnly);
    EXPECT_FALSE(backup_if_due(db, dir / "backups", at(2026, 1, 1)));
}
