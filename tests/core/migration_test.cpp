// Migrations of a database holding data: verified backup first, all-or-nothing, and a
// database from a newer program never written.
#include "core/backup.h"
#include "core/core_schema.h"
#include "core/database.h"
#include "core/error.h"
#include "core/institutions.h"
#include "core/migration.h"
#include "core/suite.h"
#include "test_support.h"

#include <gtest/gtest.h>

#include <stdexcept>

using namespace maillage;

namespace {
MigrationSet plugin_set(bool fail_second) {
    MigrationSet set{"plugin_like", {}};
    set.steps.push_back(Migration::sql(1, "notes", "CREATE TABLE plugin_like_note(id INTEGER PRIMARY KEY, "
                                                   "institution_id INTEGER REFERENCES institution(id), text TEXT)"));
    set.steps.push_back(Migration{2, "copy names", [fail_second](SQLite::Database& db) {
                                      db.exec("INSERT INTO plugin_like_note(institution_id, text) "
                                              "SELECT id, name FROM institution");
                                      if (fail_second) throw std::runtime_error("disk on fire");
                                  }});
    return set;
}

// A database file with the core schema and one institution, closed.
void make_core_db(const std::filesystem::path& file) {
    auto db = test::file_db(file);
    InstitutionRepository(*db).create(Institution{.name = "Abri de nuit"});
}
}  // namespace

TEST(Migration, PluginSetOnADatabaseWithDataTakesAVerifiedBackupFirst) {
    test::TempDir dir;
    const auto file = dir / "m.sqlite";
    make_core_db(file);
    Database db(file);
    auto outcome = migrate(db, {core_migrations(), plugin_set(false)}, dir / "backups");
    ASSERT_TRUE(outcome.backup);
    EXPECT_TRUE(std::filesystem::exists(*outcome.backup));
    EXPECT_EQ(outcome.backup->parent_path(), dir / "backups");
    EXPECT_EQ(check_file(*outcome.backup), "");
    ASSERT_EQ(outcome.applied.size(), 1u);
    EXPECT_EQ(outcome.applied[0].ns, "plugin_like");
    EXPECT_EQ(schema_version(db, "plugin_like"), 2);
    EXPECT_EQ(db.scalar_int("SELECT count(*) FROM plugin_like_note"), 1);
    // The backup is the database as it was: the data, without the plugin's table.
    Database backup(*outcome.backup, Database::Access::ReadOnly);
    EXPECT_EQ(backup.scalar_int("SELECT count(*) FROM institution"), 1);
    EXPECT_FALSE(backup.table_exists("plugin_like_note"));
    // Already up to date: nothing to do, no new backup.
    EXPECT_FALSE(migrate(db, {core_migrations(), plugin_set(false)}, dir / "backups").backup);
}

TEST(Migration, AFailingStepRollsBackEveryStep) {
    test::TempDir dir;
    const auto file = dir / "m.sqlite";
    make_core_db(file);
    Database db(file);
    try {
        migrate(db, {core_migrations(), plugin_set(true)}, dir / "backups");
        FAIL() << "the failing migration was accepted";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("disk on fire"), std::string::npos);
        EXPECT_NE(std::string(e.what()).find("plugin_like"), std::string::npos);
    }
    EXPECT_FALSE(db.table_exists("plugin_like_note"));  // step 1 was undone too
    EXPECT_EQ(schema_version(db, "plugin_like"), 0);
    EXPECT_EQ(db.scalar_int("SELECT count(*) FROM schema_history WHERE namespace = 'plugin_like'"), 0);
    EXPECT_EQ(InstitutionRepository(db).count(), 1);
    // The database still works and migrates once the plugin is fixed.
    migrate(db, {core_migrations(), plugin_set(false)}, dir / "backups");
    EXPECT_EQ(schema_version(db, "plugin_like"), 2);
}

TEST(Migration, NewerDatabaseIsOpenedReadOnlyAndNeverWritten) {
    test::TempDir dir;
    const auto file = dir / "newer.sqlite";
    make_core_db(file);
    {
        Database db(file);
        db.sql().exec("UPDATE schema_version SET version = 999 WHERE namespace = 'core'");
        db.sql().exec("PRAGMA wal_checkpoint(TRUNCATE)");
    }
    const auto before = test::read_file(file);
    {
        Database db(file);
        auto outcome = migrate(db, {core_migrations(), plugin_set(false)}, dir / "backups");
        EXPECT_NE(outcome.newer_than_program.find("999"), std::string::npos) << outcome.newer_than_program;
        EXPECT_TRUE(db.read_only());
        EXPECT_FALSE(outcome.backup);
        EXPECT_THROW(InstitutionRepository(db).create(Institution{.name = "X"}), ReadOnlyError);
        EXPECT_EQ(InstitutionRepository(db).count(), 1);  // still readable
    }
    {
        Suite suite({});
        auto& db = suite.open(file);
        EXPECT_TRUE(db.read_only());
        EXPECT_FALSE(suite.outcome().newer_than_program.empty());
        EXPECT_THROW(db.write([&] { db.sql().exec("DELETE FROM institution"); }), ReadOnlyError);
    }
    EXPECT_EQ(test::read_file(file), before);
    EXPECT_FALSE(std::filesystem::exists(dir / "backups"));
}
