#include "core/backup.h"
#include "core/backup_policy.h"
#include "core/demo_data.h"
#include "core/error.h"
#include "reliability_support.h"
#include "test_support.h"

#include <gtest/gtest.h>

#include <fstream>

using namespace maillage;

namespace {
// Overwrites the middle of the file with garbage, leaving the header page readable.
void damage(const std::filesystem::path& file) {
    const auto size = std::filesystem::file_size(file);
    std::fstream f(file, std::ios::in | std::ios::out | std::ios::binary);
    for (auto offset = size / 3; offset < size / 3 + 8192 && offset < size; offset += 1) {
        f.seekp(std::streamoff(offset));
        f.put(char(0x5A ^ (offset & 0xFF)));
    }
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
