#include "core/backup.h"
#include "core/backup_policy.h"
#include "core/demo_data.h"
#include "core/error.h"
#include "core/integrity.h"
#include "core/lock.h"
#include "reliability_support.h"
#include "test_support.h"

#include <gtest/gtest.h>

#include <fstream>

using namespace maillage;

namespace {
// Overwrites the middle of the file with garbage, leaving the header page readable.
void damage(const std::filesystem::path& file, bool near_the_end = false) {
    const auto size = std::filesystem::file_size(file);
    const auto from = near_the_end ? size - 8192 : size / 3;
    std::fstream f(file, std::ios::in | std::ios::out | std::ios::binary);
    for (auto offset = from; offset < from + 8192 && offset < size; offset += 1) {
        f.seekp(std::streamoff(offset));
        f.put(char(0x5A ^ (offset & 0xFF)));
    }
}
// What a process that was killed leaves: a lock file that still names it (a clean close
// empties it). The next writer then checks every page.
void leave_as_after_a_crash(const std::filesystem::path& file) {
    test::write_file(DatabaseLock::lock_file(file), "4194303 crashed-host\n");
}
}  // namespace

TEST(DamagedOpen, DamagedDatabaseIsOpenedReadOnlyAndNeverWritten) {
    test::TempDir dir;
    const auto file = dir / "maillage.sqlite";
    {
        auto db = test::file_db(file);
        db->write([&] { seed_core_demo(*db, 2025); });
        backup_if_due(*db);  // a good backup in backups/
        db->sql().exec("PRAGMA wal_checkpoint(TRUNCATE)");
    }
    damage(file);
    leave_as_after_a_crash(file);
    const auto before = test::read_file(file);
    {
        Database db(file);
        EXPECT_TRUE(db.damaged());
        EXPECT_TRUE(db.read_only());
        EXPECT_NE(db.read_only_reason().find("damaged"), std::string::npos);
        const auto good = good_backups(default_backup_dir(file), file);
        ASSERT_EQ(good.size(), 1u);
        EXPECT_NE(db.read_only_reason().find(good.front().file.string()), std::string::npos)
            << "the message offers the latest good backup";
        EXPECT_THROW(test::add_institution(db, "Abri"), ReadOnlyError);
    }
    EXPECT_EQ(test::read_file(file), before) << "the damaged file was changed";
}

// After a clean close, opening does not read the whole file; the damage is still found
// by `check` and by the check of the daily backup's copy.
TEST(DamagedOpen, DamageAfterACleanCloseIsFoundByCheckAndByTheDailyBackup) {
    test::TempDir dir;
    const auto file = dir / "maillage.sqlite";
    test::write_core_demo(file);
    ASSERT_EQ(test::read_file(DatabaseLock::lock_file(file)), "") << "a clean close empties the lock file";
    damage(file, true);  // the last pages: attendance and the audit log, not what opening reads
    Database db(file);
    ASSERT_FALSE(db.damaged()) << "opening after a clean close reads only the header, schema and small tables";
    EXPECT_FALSE(check_database(db).empty()) << "check reads every page";
    EXPECT_THROW(backup_if_due(db), Error) << "the daily backup's copy is checked and refused";
}

TEST(DamagedOpen, TruncatedFileOrDamagedWalIsFoundOnEveryOpen) {
    test::TempDir dir;
    const auto file = dir / "maillage.sqlite";
    test::write_core_demo(file);
    const auto whole = test::read_file(file);
    test::write_file(file, whole.substr(0, whole.size() - 100));
    {
        Database db(file);
        EXPECT_TRUE(db.damaged()) << "a file of partial pages";
    }
    test::write_file(file, whole);
    auto wal = file;
    wal += "-wal";
    test::write_file(wal, std::string(8192, '\x11'));
    {
        Database db(file);
        EXPECT_TRUE(db.damaged()) << "a WAL without its header";
        EXPECT_TRUE(db.read_only());
    }
}

TEST(DamagedOpen, FileThatIsNotADatabaseIsRefusedWithAMessage) {
    test::TempDir dir;
    const auto file = dir / "notes.sqlite";
    test::write_file(file, std::string(4096, 'x'));
    try {
        Database db(file);
        FAIL() << "opened a file that is not a database";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("not a Maillage database"), std::string::npos) << e.what();
    }
}

TEST(DamagedOpen, DefensiveModeRefusesSchemaWrites) {
    auto db = test::memory_db();
    EXPECT_ANY_THROW(db->sql().exec("PRAGMA writable_schema = ON; UPDATE sqlite_master SET sql = 'x' WHERE name = "
                                    "'person'"));
}
