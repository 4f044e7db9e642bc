// Fault injection: a VFS that wraps the default one and makes writes fail (once, or from
// the Nth on, as an I/O error or a full disk). Whatever fails, the core reports a
// maillage::Error, and reopening with the normal VFS finds the previous state intact.
#include "core/demo_data.h"
#include "core/error.h"
#include "core/gdpr.h"
#include "core/integrity.h"
#include "reliability_support.h"
#include "test_support.h"

#include <gtest/gtest.h>

#include <sqlite3.h>

#include <cstring>

using namespace maillage;

namespace {
struct Faults {
    long writes = 0;     // writes seen since armed
    long fail_at = -1;   // the write (1-based) that fails; -1 = none
    bool from_then_on = false;
    int code = SQLITE_IOERR_WRITE;
    long failed = 0;
} g_faults;

sqlite3_vfs* g_real = nullptr;
sqlite3_vfs g_vfs;

struct FaultFile {
    sqlite3_file base;
    sqlite3_file* real;
};
sqlite3_file* real_of(sqlite3_file* f) { return reinterpret_cast<FaultFile*>(f)->real; }

bool should_fail() {
    ++g_faults.writes;
    if (g_faults.fail_at < 0) return false;
    const bool fail = g_faults.from_then_on ? g_faults.writes >= g_faults.fail_at : g_faults.writes == g_faults.fail_at;
    if (fail) ++g_faults.failed;
    return fail;
}

int x_close(sqlite3_file* f) { return real_of(f)->pMethods->xClose(real_of(f)); }
int x_read(sqlite3_file* f, void* b, int n, sqlite3_int64 o) { return real_of(f)->pMethods->xRead(real_of(f), b, n, o); }
int x_write(sqlite3_file* f, const void* b, int n, sqlite3_int64 o) {
    if (should_fail()) return g_faults.code;
    return real_of(f)->pMethods->xWrite(real_of(f), b, n, o);
}
int x_truncate(sqlite3_file* f, sqlite3_int64 size) {
    if (should_fail()) return g_faults.code == SQLITE_FULL ? SQLITE_FULL : SQLITE_IOERR_TRUNCATE;
    return real_of(f)->pMethods->xTruncate(real_of(f), size);
}
int x_sync(sqlite3_file* f, int flags) { return real_of(f)->pMethods->xSync(real_of(f), flags); }
int x_size(sqlite3_file* f, sqlite3_int64* s) { return real_of(f)->pMethods->xFileSize(real_of(f), s); }
int x_lock(sqlite3_file* f, int l) { return real_of(f)->pMethods->xLock(real_of(f), l); }
int x_unlock(sqlite3_file* f, int l) { return real_of(f)->pMethods->xUnlock(real_of(f), l); }
int x_check(sqlite3_file* f, int* r) { return real_of(f)->pMethods->xCheckReservedLock(real_of(f), r); }
int x_control(sqlite3_file* f, int op, void* a) { return real_of(f)->pMethods->xFileControl(real_of(f), op, a); }
int x_sector(sqlite3_file* f) { return real_of(f)->pMethods->xSectorSize(real_of(f)); }
int x_device(sqlite3_file* f) { return real_of(f)->pMethods->xDeviceCharacteristics(real_of(f)); }
int x_shm_map(sqlite3_file* f, int i, int sz, int ext, void volatile** p) {
    return real_of(f)->pMethods->xShmMap(real_of(f), i, sz, ext, p);
}
int x_shm_lock(sqlite3_file* f, int o, int n, int fl) { return real_of(f)->pMethods->xShmLock(real_of(f), o, n, fl); }
void x_shm_barrier(sqlite3_file* f) { real_of(f)->pMethods->xShmBarrier(real_of(f)); }
int x_shm_unmap(sqlite3_file* f, int del) { return real_of(f)->pMethods->xShmUnmap(real_of(f), del); }
int x_fetch(sqlite3_file* f, sqlite3_int64 o, int n, void** p) { return real_of(f)->pMethods->xFetch(real_of(f), o, n, p); }
int x_unfetch(sqlite3_file* f, sqlite3_int64 o, void* p) { return real_of(f)->pMethods->xUnfetch(real_of(f), o, p); }

const sqlite3_io_methods kMethods = {3,        x_close,   x_read,        x_write,      x_truncate,
                                     x_sync,   x_size,    x_lock,        x_unlock,     x_check,
                                     x_control, x_sector, x_device,      x_shm_map,    x_shm_lock,
                                     x_shm_barrier, x_shm_unmap, x_fetch, x_unfetch};

int x_open(sqlite3_vfs*, sqlite3_filename name, sqlite3_file* file, int flags, int* out_flags) {
    auto* f = reinterpret_cast<FaultFile*>(file);
    f->real = reinterpret_cast<sqlite3_file*>(f + 1);
    const int rc = g_real->xOpen(g_real, name, f->real, flags, out_flags);
    f->base.pMethods = rc == SQLITE_OK ? &kMethods : nullptr;
    return rc;
}

void register_faulty_vfs() {
    if (g_real) return;
    g_real = sqlite3_vfs_find(nullptr);
    g_vfs = *g_real;
    g_vfs.zName = "maillage-faulty";
    g_vfs.szOsFile = int(sizeof(FaultFile)) + g_real->szOsFile;
    g_vfs.xOpen = x_open;
    g_vfs.pNext = nullptr;
    ASSERT_EQ(sqlite3_vfs_register(&g_vfs, 0), SQLITE_OK);
}

void arm(long fail_at, bool from_then_on, int code) { g_faults = Faults{0, fail_at, from_then_on, code, 0}; }
void disarm() { g_faults.fail_at = -1; }

struct Counts {
    int64_t institutions, people, erased;
    bool operator==(const Counts&) const = default;
};
Counts counts(Database& db) {
    return {db.scalar_int("SELECT count(*) FROM institution"), db.scalar_int("SELECT count(*) FROM person"),
            db.scalar_int("SELECT count(*) FROM person WHERE erased_at IS NOT NULL")};
}

// A work step big enough to spill to the WAL before commit: 300 institutions and an erasure.
void work(Database& db) {
    db.write([&] {
        for (int i = 0; i < 300; ++i) test::add_institution(db, "Service " + std::to_string(i) + std::string(200, 'x'));
    });
    erase_people(db, {1});
}

class FaultVfs : public ::testing::Test {
protected:
    void SetUp() override {
        register_faulty_vfs();
        auto db = test::file_db(dir / "template.sqlite");
        test::add_person(*db, "Ana", "Lopes", "ana@example.org");
        db->write([&] { seed_core_demo(*db, 2025); });
        db->sql().exec("PRAGMA wal_checkpoint(TRUNCATE)");
        db.reset();
        std::filesystem::copy_file(dir / "template.sqlite", dir / "reference.sqlite");
        Database plain(dir / "reference.sqlite");
        before = counts(plain);
        work(plain);
        after = counts(plain);
    }
    void TearDown() override { disarm(); }

    // Runs the work on a fresh copy with the fault armed; returns the error message
    // ("" when the work went through).
    std::string run_with_fault(const std::filesystem::path& file, long fail_at, bool from_then_on, int code) {
        std::filesystem::copy_file(dir / "template.sqlite", file, std::filesystem::copy_options::overwrite_existing);
        std::string message;
        {
            Database db(file, Database::Access::ReadWrite, "maillage-faulty");
            arm(fail_at, from_then_on, code);
            try {
                work(db);
            } catch (const Error& e) {
                message = e.what();
                if (message.empty()) message = "(empty message)";
            }
            // Any other exception type fails the test by escaping.
        }
        disarm();
        return message;
    }

    void expect_before_or_after(const std::filesystem::path& file, const std::string& what) {
        Database db(file);
        EXPECT_FALSE(db.read_only()) << what << ": " << db.read_only_reason();
        const auto now = counts(db);
        EXPECT_TRUE(now == before || (now.institutions == after.institutions && now.people == after.people))
            << what << ": " << now.institutions << " institutions, " << now.erased << " erased";
        EXPECT_EQ(check_database(db), std::vector<std::string>{}) << what;
    }

    test::TempDir dir;
    Counts before{}, after{};
};
}  // namespace

TEST_F(FaultVfs, EveryWriteFailingOnceLeavesAConsistentDatabase) {
    // Find how many writes the work makes, then fail each of them in turn (sampled).
    run_with_fault(dir / "count.sqlite", -1, false, SQLITE_IOERR_WRITE);
    const long total = g_faults.writes;
    ASSERT_GT(total, 10);
    int errors = 0;
    for (long n = 1; n <= total; n += std::max(1L, total / 40)) {
        const auto file = dir / ("once-" + std::to_string(n) + ".sqlite");
        const auto message = run_with_fault(file, n, false, SQLITE_IOERR_WRITE);
        if (!message.empty()) ++errors;
        expect_before_or_after(file, "write " + std::to_string(n) + " failed once");
    }
    EXPECT_GT(errors, 0) << "the injected faults were never reported";
}

TEST_F(FaultVfs, DiskFullIsReportedAndChangesNothing) {
    for (long n : {1L, 3L, 10L, 40L}) {
        const auto file = dir / ("full-" + std::to_string(n) + ".sqlite");
        const auto message = run_with_fault(file, n, true, SQLITE_FULL);
        EXPECT_NE(message.find("disk is full"), std::string::npos) << "from write " << n << ": " << message;
        Database db(file);
        EXPECT_EQ(counts(db), before) << "from write " << n;
        EXPECT_EQ(check_database(db), std::vector<std::string>{});
    }
}

TEST_F(FaultVfs, IoErrorFromSomePointOnIsReported) {
    const auto file = dir / "io.sqlite";
    const auto message = run_with_fault(file, 2, true, SQLITE_IOERR_WRITE);
    EXPECT_NE(message.find("could not be saved"), std::string::npos) << message;
    expect_before_or_after(file, "I/O errors from write 2");
}
