#include "core/error.h"
#include "core/lock.h"
#include "core/storage_check.h"
#include "reliability_support.h"
#include "test_support.h"

#include <gtest/gtest.h>

#include <sys/wait.h>
#include <unistd.h>

using namespace maillage;

namespace {
// Runs fn in a child process; returns its exit status.
template <class F>
int in_child(F fn) {
    const pid_t pid = fork();
    if (pid == 0) _exit(fn());
    int status = 0;
    waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 100;
}

// A child that opens the database for writing and holds it until told to go.
struct Holder {
    pid_t pid = -1;
    int go[2]{-1, -1};
    explicit Holder(const std::filesystem::path& file) {
        int ready[2];
        EXPECT_EQ(pipe(ready), 0);
        EXPECT_EQ(pipe(go), 0);
        pid = fork();
        if (pid == 0) {
            int code = 0;
            {
                Database db(file);
                code = db.read_only() ? 1 : 0;
                char c = 'r';
                if (write(ready[1], &c, 1) != 1) code = 2;
                if (read(go[0], &c, 1) != 1) code = 3;
            }
            _exit(code);
        }
        char c;
        EXPECT_EQ(read(ready[0], &c, 1), 1);
        close(ready[0]);
        close(ready[1]);
    }
    int release() {
        char c = 'g';
        EXPECT_EQ(write(go[1], &c, 1), 1);
        int status = 0;
        waitpid(pid, &status, 0);
        close(go[0]);
        close(go[1]);
        return WIFEXITED(status) ? WEXITSTATUS(status) : 100;
    }
};
}  // namespace

TEST(Lock, SecondWriterGetsReadOnlyWithAClearMessage) {
    test::TempDir dir;
    const auto file = dir / "m.sqlite";
    test::file_db(file).reset();
    Holder other(file);
    {
        Database db(file);
        EXPECT_TRUE(db.read_only());
        EXPECT_NE(db.read_only_reason().find(std::to_string(other.pid)), std::string::npos) << db.read_only_reason();
        EXPECT_THROW(test::add_institution(db, "Abri"), ReadOnlyError);
        Database reader(file, Database::Access::ReadOnly);  // reading is fine
        EXPECT_GE(reader.scalar_int("SELECT count(*) FROM sector"), 16);
    }
    EXPECT_EQ(other.release(), 0);
    Database db(file);
    EXPECT_FALSE(db.read_only()) << "the lock is released when the other program closes";
}

TEST(Lock, ReleasedOnCloseAndSharedWithinAProcess) {
    test::TempDir dir;
    const auto file = dir / "m.sqlite";
    {
        auto a = test::file_db(file);
        auto b = std::make_unique<Database>(file);  // same process: allowed
        EXPECT_FALSE(b->read_only());
        EXPECT_EQ(in_child([&] { return DatabaseLock::try_acquire(file) ? 0 : 1; }), 1);
        b.reset();
        EXPECT_EQ(in_child([&] { return DatabaseLock::try_acquire(file) ? 0 : 1; }), 1) << "a still holds it";
    }
    EXPECT_EQ(in_child([&] { return DatabaseLock::try_acquire(file) ? 0 : 1; }), 0);
}

TEST(Lock, LockOfACrashedProcessIsRecovered) {
    test::TempDir dir;
    const auto file = dir / "m.sqlite";
    test::file_db(file).reset();
    // A killed program leaves its lock file naming it, but the kernel dropped its flock.
    const pid_t dead = fork();
    if (dead == 0) {
        auto lock = DatabaseLock::try_acquire(file);
        _exit(lock ? 0 : 1);  // exits without the destructor's cleanup
    }
    int status = 0;
    waitpid(dead, &status, 0);
    ASSERT_EQ(WEXITSTATUS(status), 0);
    ASSERT_NE(test::read_file(DatabaseLock::lock_file(file)).find(std::to_string(dead)), std::string::npos);
    Database db(file);
    EXPECT_FALSE(db.read_only());
    ASSERT_EQ(db.warnings().size(), 1u);
    EXPECT_NE(db.warnings().front().find(std::to_string(dead)), std::string::npos);
}

TEST(Lock, CloudSyncedFoldersAreRecognised) {
    EXPECT_TRUE(is_cloud_synced_path("/home/ana/Dropbox/maillage.sqlite"));
    EXPECT_TRUE(is_cloud_synced_path("/home/ana/OneDrive - Le Relais/data/maillage.sqlite"));
    EXPECT_TRUE(is_cloud_synced_path("/home/ana/Google Drive/maillage.sqlite"));
    EXPECT_TRUE(is_cloud_synced_path("/home/ana/Nextcloud/maillage.sqlite"));
    EXPECT_FALSE(is_cloud_synced_path("/home/ana/Documents/maillage.sqlite"));
    EXPECT_FALSE(is_cloud_synced_path("/home/ana/dropboxes.sqlite"));  // only folders count
    EXPECT_NE(storage_warning("/home/ana/Dropbox/maillage.sqlite").find("cloud-synced"), std::string::npos);
    test::TempDir dir;
    EXPECT_EQ(storage_warning(dir / "m.sqlite"), "") << "a local folder needs no warning";
}
