// maillage-cli end to end: the built binary, run on temporary databases and XDG folders.
#include "cli_runner.h"
#include "test_support.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <sys/wait.h>

#include <cstdlib>

using namespace maillage;
using test::Cli;
using test::Result;

TEST(CliE2E, HelpEverywhereExitsZero) {
    Cli cli;
    auto r = cli.run({"--help"});
    EXPECT_OK(r);
    for (const char* cmd : {"init", "plugins", "import", "export", "report"})
        EXPECT_NE(r.out.find(cmd), std::string::npos) << cmd;
    for (auto args : std::vector<std::vector<std::string>>{{"import", "--help"},
                                                           {"import", "people", "--help"},
                                                           {"export", "institutions", "--help"},
                                                           {"report", "--help"},
                                                           {"init", "--help"}}) {
        auto h = cli.run(args);
        EXPECT_OK(h);
        EXPECT_FALSE(h.out.empty());
    }
    EXPECT_FALSE(std::filesystem::exists(cli.db()));  // --help opens no database
}

TEST(CliE2E, UnknownCommandOrOptionFails) {
    Cli cli;
    auto r = cli.run({"frobnicate"});
    EXPECT_NE(r.code, 0);
    EXPECT_FALSE(r.err.empty());
    r = cli.run({"report", "--format", "pdf"});
    EXPECT_NE(r.code, 0);
    EXPECT_NE(r.err.find("pdf"), std::string::npos);
    r = cli.run({});
    EXPECT_NE(r.code, 0);
    // A mistyped --db does not create an empty database.
    r = cli.run({"export", "people"});
    EXPECT_NE(r.code, 0);
    EXPECT_NE(r.err.find("init"), std::string::npos) << r.err;
    EXPECT_FALSE(std::filesystem::exists(cli.db()));
}

TEST(CliE2E, InitDemoThenRefusesASecondDemo) {
    Cli cli;
    auto r = cli.run({"init", "--demo", "--year", "2025"});
    EXPECT_OK(r);
    EXPECT_EQ(cli.count("person"), 200);
    EXPECT_EQ(cli.count("institution"), 46);
    r = cli.run({"init", "--demo"});
    EXPECT_NE(r.code, 0);
    EXPECT_NE(r.err.find("already holds data"), std::string::npos);
    EXPECT_EQ(cli.count("person"), 200);
}

TEST(CliE2E, PluginsListsTheFixtureAndTheRefusedWithReasons) {
    Cli cli;
    auto r = cli.run({"--plugin-dir", test::test_plugin_dir().string(), "plugins"});
    EXPECT_OK(r);
    EXPECT_NE(r.out.find("fixture 1.2.3"), std::string::npos) << r.out;
    for (const char* file : {"maillage_fixture_bad_version.so", "maillage_fixture_no_factory.so",
                             "maillage_fixture_throws.so", "maillage_fixture_good_twin.so"})
        EXPECT_NE(r.out.find(file), std::string::npos) << file << "\n" << r.out;
    EXPECT_NE(r.out.find("999"), std::string::npos);
    EXPECT_NE(r.out.find("fixture refuses to start"), std::string::npos);
    // The fixture's own command runs, on its migrated table.
    r = cli.run({"--plugin-dir", test::test_plugin_dir().string(), "fixture", "hello"});
    EXPECT_OK(r);
    EXPECT_NE(r.out.find("hello from fixture: 0 notes"), std::string::npos);
}

TEST(CliE2E, ImportGoodFileThenBadFileChangesNothing) {
    Cli cli;
    ASSERT_EQ(cli.run({"init"}).code, 0);
    const auto good = cli.dir() / "good.csv";
    test::write_file(good, "Nom;R\xE9gion;Secteurs\r\nAbri de nuit;Bruxelles;homeless\r\nCAW;Vlaanderen;social_aid\r\n");
    auto r = cli.run({"import", "institutions", good.string(), "--dry-run"});
    EXPECT_OK(r);
    EXPECT_NE(r.out.find("2 to create"), std::string::npos) << r.out;
    EXPECT_EQ(cli.count("institution"), 0);
    r = cli.run({"import", "institutions", good.string()});
    EXPECT_OK(r);
    EXPECT_EQ(cli.count("institution"), 2);

    const auto bad = cli.dir() / "bad.csv";
    test::write_file(bad, "name;region\nNew one;wallonia\nOther;Atlantis\n");
    const auto audit_before = cli.count("audit_log");
    r = cli.run({"import", "institutions", bad.string()});
    EXPECT_NE(r.code, 0);
    EXPECT_NE(r.err.find("line 3, column 2"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("Atlantis"), std::string::npos) << r.err;
    EXPECT_EQ(cli.count("institution"), 2);
    EXPECT_EQ(cli.count("audit_log"), audit_before);

    const auto unterminated = cli.dir() / "quote.csv";
    test::write_file(unterminated, "first_name;last_name\nA;\"B\nC;D\n");
    r = cli.run({"import", "people", unterminated.string()});
    EXPECT_NE(r.code, 0);
    EXPECT_NE(r.err.find("line 2, column 2"), std::string::npos) << r.err;
    r = cli.run({"import", "people", (cli.dir() / "missing.csv").string()});
    EXPECT_NE(r.code, 0);
    EXPECT_NE(r.err.find("missing.csv"), std::string::npos);
}

TEST(CliE2E, ExportImportRoundTrip) {
    Cli source, copy;
    ASSERT_EQ(source.run({"init", "--demo", "--year", "2025"}).code, 0);
    const auto inst = source.dir() / "institutions.csv", people = source.dir() / "people.csv";
    EXPECT_OK(source.run({"export", "institutions", "--out", inst.string()}));
    EXPECT_OK(source.run({"export", "people", "--out", people.string()}));
    ASSERT_EQ(copy.run({"init"}).code, 0);
    EXPECT_OK(copy.run({"import", "institutions", inst.string()}));
    EXPECT_OK(copy.run({"import", "people", people.string()}));
    EXPECT_EQ(copy.count("person"), 200);
    EXPECT_OK(copy.run({"check"}));  // an import leaves the database sound (integrity, audit chain, invariants)
    auto again = copy.run({"export", "people"});
    EXPECT_OK(again);
    EXPECT_EQ(again.out, test::read_file(people));
    again = copy.run({"export", "institutions", "--separator", ","});
    EXPECT_OK(again);
    EXPECT_NE(again.out.find("name,region,municipality,"), std::string::npos) << again.out.substr(0, 200);
    auto r = copy.run({"import", "institutions", "--dry-run", inst.string()});
    EXPECT_NE(r.out.find("0 to create, 46 to update"), std::string::npos) << r.out;
}

TEST(CliE2E, ReportInThreeFormats) {
    Cli cli;
    ASSERT_EQ(cli.run({"init", "--demo", "--year", "2025"}).code, 0);
    auto json = cli.run({"report", "--year", "2025", "--format", "json"});
    EXPECT_OK(json);
    auto j = nlohmann::json::parse(json.out);
    EXPECT_EQ(j["scope"]["year"], 2025);
    EXPECT_EQ(j["scope"]["language"], "fr");
    ASSERT_TRUE(j["sections"].is_array());
    EXPECT_FALSE(j["sections"].empty());
    auto md = cli.run({"report", "--year", "2025", "--format", "md", "--lang", "en"});
    EXPECT_OK(md);
    EXPECT_EQ(md.out.rfind("# ", 0), 0u);
    const auto html_file = cli.dir() / "report.html";
    auto html = cli.run({"report", "--year", "2025", "--format", "html", "--out", html_file.string()});
    EXPECT_OK(html);
    const auto page = test::read_file(html_file);
    EXPECT_NE(page.find("<!DOCTYPE html>"), std::string::npos);
    EXPECT_NE(page.find("</html>"), std::string::npos);
    auto funder = cli.run({"report", "--funder", "COCOM", "--format", "json"});
    EXPECT_OK(funder);
    EXPECT_EQ(nlohmann::json::parse(funder.out)["scope"]["funder"], "COCOM");
    auto unknown = cli.run({"report", "--funder", "NOPE"});
    EXPECT_NE(unknown.code, 0);
    EXPECT_NE(unknown.err.find("NOPE"), std::string::npos) << unknown.err;
}

TEST(CliE2E, APluginThatCrashedTheLastStartIsSkippedAndNamed) {
    Cli cli;
    const auto crash_dir = test::test_plugin_dir().parent_path() / "test-plugins-crash";
    auto r = cli.run({"--plugin-dir", crash_dir.string(), "plugins"});
    EXPECT_NE(r.code, 0) << "the fixture aborts while loading";
    r = cli.run({"--plugin-dir", crash_dir.string(), "plugins"});
    EXPECT_OK(r);
    EXPECT_NE(r.out.find("maillage_fixture_crashes.so"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("crashed the program while starting last time"), std::string::npos) << r.out;
}
