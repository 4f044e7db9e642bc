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

// Whether the loader refused `file_name` with a reason that says each of `words`.
testing::AssertionResult refused_saying(const PluginLoader& loader, const std::string& file_name,
                                        std::initializer_list<std::string> words) {
    const auto* r = refused(loader, file_name);
    if (!r) return testing::AssertionFailure() << file_name << " was not refused";
    for (const auto& word : words)
        if (r->reason.find(word) == std::string::npos)
            return testing::AssertionFailure() << "the refusal of " << file_name << " does not say " << word << ": "
                                               << r->reason;
    return testing::AssertionSuccess();
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

    EXPECT_TRUE(refused_saying(loader, "maillage_fixture_bad_version.so", {"999"}));
    EXPECT_TRUE(refused_saying(loader, "maillage_fixture_no_factory.so", {"factory"}));
    EXPECT_TRUE(refused_saying(loader, "maillage_fixture_throws.so", {"fixture refuses to start"}));
    EXPECT_TRUE(refused_saying(loader, "maillage_fixture_good_twin.so", {"\"fixture\""}));
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
    EXPECT_TRUE(refused_saying(loader, "maillage_fixture_orphan_ui.so", {"\"orphan\"", "logic module is not loaded"}));
    EXPECT_TRUE(refused_saying(loader, "maillage_fixture_old_ui.so", {"0.9.0", "1.2.3"}));
    EXPECT_TRUE(refused_saying(loader, "maillage_fixture_future_ui.so", {"999"}));
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
    EXPECT_TRUE(
        refused_saying(loader, "maillage_fixture_good_ui.so", {"\"fixture\", whose logic module is not loaded"}));
}
