// The plugin loader against real fixture libraries (tests/plugins).
#include "core/plugin_loader.h"
#include "core/report.h"
#include "core/suite.h"
#include "test_support.h"

#include <gtest/gtest.h>

#include <algorithm>

using namespace maillage;

namespace {
const RefusedPlugin* refused(const PluginLoader& loader, const std::string& file_name) {
    for (const auto& r : loader.refused())
        if (r.file.filename() == file_name) return &r;
    return nullptr;
}
}  // namespace

TEST(PluginLoader, LoadsTheGoodFixtureAndRefusesTheOthersWithReasons) {
    PluginLoader loader;
    loader.load_folders({test::test_plugin_dir()});
    ASSERT_EQ(loader.loaded().size(), 1u);
    const auto& good = *loader.loaded().front();
    EXPECT_EQ(good.info.id, "fixture");
    EXPECT_EQ(good.info.version, "1.2.3");
    EXPECT_EQ(good.file.filename(), "maillage_fixture_good.so");

    auto* version = refused(loader, "maillage_fixture_bad_version.so");
    ASSERT_TRUE(version);
    EXPECT_NE(version->reason.find("999"), std::string::npos) << version->reason;
    auto* no_factory = refused(loader, "maillage_fixture_no_factory.so");
    ASSERT_TRUE(no_factory);
    EXPECT_NE(no_factory->reason.find("factory"), std::string::npos) << no_factory->reason;
    auto* throws = refused(loader, "maillage_fixture_throws.so");
    ASSERT_TRUE(throws);
    EXPECT_NE(throws->reason.find("fixture refuses to start"), std::string::npos) << throws->reason;
    auto* twin = refused(loader, "maillage_fixture_good_twin.so");
    ASSERT_TRUE(twin);
    EXPECT_NE(twin->reason.find("\"fixture\""), std::string::npos) << twin->reason;
    EXPECT_EQ(loader.refused().size(), 4u);
}

TEST(PluginLoader, FileThatIsNotALibraryIsRefused) {
    test::TempDir dir;
    test::write_file(dir / "maillage_broken.so", "not an ELF file");
    PluginLoader loader;
    loader.load_folders({dir.path()});
    EXPECT_TRUE(loader.loaded().empty());
    ASSERT_EQ(loader.refused().size(), 1u);
    EXPECT_EQ(loader.refused()[0].file.filename(), "maillage_broken.so");
    EXPECT_NE(loader.refused()[0].reason.find("cannot be loaded"), std::string::npos);
}

TEST(PluginLoader, GoodFixtureMigratesAndContributesAReportSection) {
    test::TempDir dir;
    Suite suite({test::test_plugin_dir()});
    auto& db = suite.open(dir / "suite.sqlite");
    EXPECT_TRUE(db.table_exists("fixture_note"));
    EXPECT_EQ(schema_version(db, "fixture"), 1);
    db.write([&] { db.sql().exec("INSERT INTO fixture_note(text) VALUES ('a'), ('b')"); });
    ReportScope scope;
    scope.year = 2025;
    const auto report = suite.report(scope);
    auto it = std::find_if(report.sections.begin(), report.sections.end(),
                           [](const auto& s) { return s.id == "fixture.summary"; });
    ASSERT_NE(it, report.sections.end());
    EXPECT_EQ(it->data["notes"], 2);
}

TEST(PluginLoader, APluginThatThrowsAtTheBoundaryIsDisabledAndTheSuiteGoesOn) {
    const auto faulty = test::test_plugin_dir().parent_path() / "test-plugins-faulty";
    Suite suite({faulty, test::test_plugin_dir()});
    ASSERT_TRUE(std::any_of(suite.plugins().loaded().begin(), suite.plugins().loaded().end(),
                            [](const auto& p) { return p->info.id == "fixture_faulty"; }));
    // Opening the database asks every plugin for its schema: the faulty one throws.
    auto& db = suite.open_in_memory();
    for (const auto& p : suite.plugins().loaded()) EXPECT_NE(p->info.id, "fixture_faulty");
    const auto& refused = suite.plugins().refused();
    const auto it = std::find_if(refused.begin(), refused.end(), [](const RefusedPlugin& r) {
        return r.reason.find("fixture_faulty") != std::string::npos;
    });
    ASSERT_NE(it, refused.end());
    EXPECT_NE(it->reason.find("schema is broken"), std::string::npos) << it->reason;
    // The others still work: the good fixture's schema is there and the demo runs.
    EXPECT_GT(schema_version(db, "fixture"), 0);
    suite.seed_demo(2025);
    EXPECT_GT(db.scalar_int("SELECT count(*) FROM institution"), 0);
}

TEST(PluginLoader, WindowModulesArePairedWithTheirLogicModuleByIdAndVersion) {
    PluginLoader loader;
    loader.load_folders({test::test_plugin_dir()}, {}, PluginModules::LogicAndUi);
    ASSERT_EQ(loader.loaded().size(), 1u);
    const auto& good = *loader.loaded().front();
    EXPECT_EQ(good.ui_file.filename(), "maillage_fixture_good_ui.so");
    EXPECT_TRUE(good.ui_library.is_loaded());

    // The refused window modules abort if their factory ever runs: reaching the
    // assertions proves the loader refused them from their declarations alone.
    auto* orphan = refused(loader, "maillage_fixture_orphan_ui.so");
    ASSERT_TRUE(orphan);
    EXPECT_NE(orphan->reason.find("\"orphan\""), std::string::npos) << orphan->reason;
    EXPECT_NE(orphan->reason.find("logic module is not loaded"), std::string::npos) << orphan->reason;
    auto* old = refused(loader, "maillage_fixture_old_ui.so");
    ASSERT_TRUE(old);
    EXPECT_NE(old->reason.find("0.9.0"), std::string::npos) << old->reason;
    EXPECT_NE(old->reason.find("1.2.3"), std::string::npos) << old->reason;
    auto* future = refused(loader, "maillage_fixture_future_ui.so");
    ASSERT_TRUE(future);
    EXPECT_NE(future->reason.find("999"), std::string::npos) << future->reason;
    // The logic modules' refusals are unchanged (4), plus the three window modules.
    EXPECT_EQ(loader.refused().size(), 7u);
}

TEST(PluginLoader, AWindowModuleWithoutItsLogicModuleIsRefused) {
    // The good fixture's window module alone in a folder: its logic module is missing.
    test::TempDir dir;
    std::filesystem::copy_file(test::test_plugin_dir() / "maillage_fixture_good_ui.so", dir / "maillage_fixture_good_ui.so");
    PluginLoader loader;
    loader.load_folders({dir.path()}, {}, PluginModules::LogicAndUi);
    EXPECT_TRUE(loader.loaded().empty());
    auto* lone = refused(loader, "maillage_fixture_good_ui.so");
    ASSERT_TRUE(lone);
    EXPECT_NE(lone->reason.find("\"fixture\", whose logic module is not loaded"), std::string::npos) << lone->reason;
}
