#include "core/database.h"
#include "core/error.h"
#include "core/institutions.h"
#include "core/sectors.h"
#include "test_support.h"

#include <gtest/gtest.h>

using namespace maillage;

TEST(Database, ForeignKeysAndWalAreOnForFiles) {
    test::TempDir dir;
    auto db = test::file_db(dir / "a.sqlite");
    EXPECT_EQ(db->scalar_int("PRAGMA foreign_keys"), 1);
    EXPECT_EQ(db->sql().execAndGet("PRAGMA journal_mode").getString(), "wal");
}

TEST(Database, FailedWriteLeavesNothingBehind) {
    auto db = test::memory_db();
    InstitutionRepository institutions(*db);
    EXPECT_THROW(db->write([&] {
        institutions.create(Institution{.name = "Abri de nuit"});
        throw Error("user cancelled");
    }),
                 Error);
    EXPECT_EQ(institutions.count(), 0);
}

TEST(Database, SectorsAreSeededInThreeLanguages) {
    auto db = test::memory_db();
    auto sectors = SectorRepository(*db).list();
    ASSERT_EQ(sectors.size(), 16u);
    EXPECT_EQ(sectors.front().label("fr"), "aide aux personnes sans-abri");
    EXPECT_EQ(sectors.front().label("nl"), "thuislozenzorg");
    EXPECT_EQ(sectors.front().label("en"), "homeless aid");
}
