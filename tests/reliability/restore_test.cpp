#include "core/backup.h"
#include "core/backup_policy.h"
#include "core/demo_data.h"
#include "core/error.h"
#include "core/gdpr.h"
#include "core/integrity.h"
#include "core/restore.h"
#include "reliability_support.h"
#include "test_support.h"

#include <gtest/gtest.h>

#include <sys/wait.h>
#include <fstream>
#include <unistd.h>

using namespace maillage;

namespace {
int64_t institutions_named(Database& db, const std::string& name) {
    return db.scalar_int("SELECT count(*) FROM institution WHERE name = '" + name + "'");
}
}  // namespace

// The drill: back up, go on working (and erase someone), restore, and find the database
// as it was at the backup, minus the person erased since.
TEST(Restore, DrillRestoresTheBackupAndReappliesErasures) {
    test::TempDir dir;
    const auto live = dir / "maillage.sqlite";
    const auto backup = dir / "saved.sqlite";
    int64_t person = 0;
    {
        auto db = test::file_db(live);
        db->write([&] { seed_core_demo(*db, 2025); });
        person = test::add_person(*db, "Zénobie", "Quartermaine", "zq@example.org");
        backup_to(*db, backup);
        test::add_institution(*db, "Created after the backup");
        erase_people(*db, {person});
        // Leave a WAL behind as a running program would.
        db->sql().exec("PRAGMA wal_autocheckpoint = 0");
        test::add_institution(*db, "Also after");
    }
    const auto outcome = restore_backup(backup, live);
    EXPECT_EQ(outcome.erasures_reapplied, 1);
    ASSERT_TRUE(outcome.replaced_copy);
    for (const char* leftover : {"maillage.sqlite-wal", "maillage.sqlite-shm", "maillage.sqlite.restoring",
                                 "maillage.sqlite.restoring-wal", "maillage.sqlite.restoring.lock"})
        EXPECT_FALSE(std::filesystem::exists(dir / leftover)) << leftover;
    {
        Database db(live);
        EXPECT_EQ(institutions_named(db, "Created after the backup"), 0);
        EXPECT_EQ(db.scalar_int("SELECT count(*) FROM person WHERE erased_at IS NOT NULL AND id = " +
                                std::to_string(person)),
                  1);
        EXPECT_EQ(check_database(db), std::vector<std::string>{});
        EXPECT_GE(db.scalar_int("SELECT count(*) FROM person"), 200) << "the demo people are back";
    }
    EXPECT_FALSE(test::file_contains(live, "Quartermaine"));
    // The replaced database is kept, with the work done after the backup.
    Database replaced(*outcome.replaced_copy, Database::Access::ReadOnly);
    EXPECT_EQ(institutions_named(replaced, "Created after the backup"), 1);
    EXPECT_EQ(institutions_named(replaced, "Also after"), 1);
}

TEST(Restore, DamagedBackupIsRefusedAndLiveUntouched) {
    test::TempDir dir;
    const auto live = dir / "maillage.sqlite";
    { test::add_institution(*test::file_db(live), "Abri"); }
    const auto bytes = test::read_file(live);
    const auto bad = dir / "bad.sqlite";
    test::write_file(bad, "SQLite format 3" + std::string(5000, '\x01'));
    EXPECT_THROW(restore_backup(bad, live), Error);
    EXPECT_THROW(restore_backup(dir / "missing.sqlite", live), Error);
    EXPECT_EQ(test::read_file(live), bytes);
    const auto not_maillage = dir / "other.sqlite";
    { SQLite::Database other(not_maillage.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
      other.exec("CREATE TABLE t(x)"); }
    EXPECT_THROW(restore_backup(not_maillage, live), Error);
    EXPECT_EQ(test::read_file(live), bytes);
}

TEST(Restore, RefusedWhileAnotherProgramWrites) {
    test::TempDir dir;
    const auto live = dir / "maillage.sqlite";
    const auto backup = dir / "saved.sqlite";
    { auto db = test::file_db(live); backup_to(*db, backup); }
    int ready[2], go[2];
    ASSERT_EQ(pipe(ready), 0);
    ASSERT_EQ(pipe(go), 0);
    const pid_t child = fork();
    if (child == 0) {
        Database db(live);
        char c = 'r';
        if (write(ready[1], &c, 1) != 1 || read(go[0], &c, 1) != 1) _exit(1);
        _exit(0);
    }
    char c;
    ASSERT_EQ(read(ready[0], &c, 1), 1);
    EXPECT_THROW(restore_backup(backup, live), Error);
    ASSERT_EQ(write(go[1], &c, 1), 1);
    int status = 0;
    waitpid(child, &status, 0);
    EXPECT_NO_THROW(restore_backup(backup, live));
}

// Issue 16 item 15: a restore leaves no empty -wal or -shm file beside the copy it keeps
// of the replaced database, whether that database was sound or damaged (copied raw).
TEST(Restore, TheKeptCopyHasNoEmptyWalOrShmBesideIt) {
    for (const bool damaged : {false, true}) {
        test::TempDir dir;
        const auto live = dir / "maillage.sqlite";
        const auto backup = dir / "saved.sqlite";
        {
            auto db = test::file_db(live);
            db->write([&] { seed_core_demo(*db, 2025); });
            backup_to(*db, backup);
            db->sql().exec("PRAGMA wal_checkpoint(TRUNCATE)");  // an empty -wal, as a running program leaves it
            std::ofstream(live.string() + "-wal", std::ios::app).flush();
        }
        std::ofstream(live.string() + "-wal", std::ios::app).flush();
        if (damaged) {
            const auto size = std::filesystem::file_size(live);
            std::fstream f(live, std::ios::in | std::ios::out | std::ios::binary);
            for (auto offset = size / 3; offset < size / 3 + 8192; ++offset) {
                f.seekp(std::streamoff(offset));
                f.put(char(0x5A ^ (offset & 0xFF)));
            }
        }
        const auto outcome = restore_backup(backup, live);
        ASSERT_TRUE(outcome.replaced_copy) << damaged;
        for (const auto& entry : std::filesystem::directory_iterator(outcome.replaced_copy->parent_path())) {
            const auto name = entry.path().filename().string();
            const bool sidecar = name.size() > 4 && (name.substr(name.size() - 4) == "-wal" ||
                                                     name.substr(name.size() - 4) == "-shm");
            EXPECT_FALSE(sidecar && entry.file_size() == 0) << (damaged ? "damaged: " : "sound: ") << name;
        }
    }
}
