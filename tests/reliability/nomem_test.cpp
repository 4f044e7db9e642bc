// Allocation failures: SQLite's allocator is replaced by one that fails from the Nth
// allocation on. Whatever fails, nothing crashes, the failure surfaces as an exception,
// and the database is found in its previous (or completed) state afterwards. A separate
// program, since SQLite's allocator can only be changed while no connection is open.
#include "core/demo_data.h"
#include "core/error.h"
#include "core/gdpr.h"
#include "core/integrity.h"
#include "reliability_support.h"
#include "test_support.h"

#include <gtest/gtest.h>

#include <sqlite3.h>

using namespace maillage;

namespace {
sqlite3_mem_methods g_default;
long g_allocations = 0;
long g_fail_from = -1;

bool fail_now() { return g_fail_from >= 0 && ++g_allocations >= g_fail_from; }
void* x_malloc(int n) { return fail_now() ? nullptr : g_default.xMalloc(n); }
void* x_realloc(void* p, int n) { return fail_now() ? nullptr : g_default.xRealloc(p, n); }

class NoMemory : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        ASSERT_EQ(sqlite3_shutdown(), SQLITE_OK);
        ASSERT_EQ(sqlite3_config(SQLITE_CONFIG_GETMALLOC, &g_default), SQLITE_OK);
        sqlite3_mem_methods failing = g_default;
        failing.xMalloc = x_malloc;
        failing.xRealloc = x_realloc;
        ASSERT_EQ(sqlite3_config(SQLITE_CONFIG_MALLOC, &failing), SQLITE_OK);
        // No lookaside: every allocation goes through the failing allocator.
        ASSERT_EQ(sqlite3_config(SQLITE_CONFIG_LOOKASIDE, 0, 0), SQLITE_OK);
        ASSERT_EQ(sqlite3_initialize(), SQLITE_OK);
    }
    static void TearDownTestSuite() {
        g_fail_from = -1;
        sqlite3_shutdown();
        sqlite3_config(SQLITE_CONFIG_MALLOC, &g_default);
        sqlite3_initialize();
    }
};

int64_t institutions(Database& db) { return db.scalar_int("SELECT count(*) FROM institution"); }
}  // namespace

TEST_F(NoMemory, AllocationFailuresLeaveTheDatabaseConsistent) {
    test::TempDir dir;
    const auto file = dir / "m.sqlite";
    test::write_core_demo(file);
    int64_t before = 0;
    {
        Database db(file);
        before = institutions(db);
    }
    int failures = 0;
    for (long n : {1L, 5L, 20L, 50L, 100L, 200L, 400L, 800L, 1600L, 3200L}) {
        bool threw = false;
        try {
            Database db(file);
            g_allocations = 0;
            g_fail_from = n;
            db.write([&] {
                for (int i = 0; i < 50; ++i) test::add_institution(db, "Service " + std::to_string(i));
            });
        } catch (const std::exception&) {
            threw = true;  // maillage::Error, SQLite::Exception or std::bad_alloc: never a crash
        }
        g_fail_from = -1;
        if (threw) ++failures;
        Database db(file);
        const auto now = institutions(db);
        EXPECT_TRUE(now == before || now == before + 50) << "failing from allocation " << n << ": " << now;
        EXPECT_EQ(check_database(db), std::vector<std::string>{}) << "failing from allocation " << n;
        before = now;
    }
    EXPECT_GT(failures, 0) << "the allocator never failed";
}
