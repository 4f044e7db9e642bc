// Values that make no sense are refused with a sentence before any write (issue 16,
// item 10): the built maillage-cli on a demo database, every plugin, every kind of
// field (counts, durations, percentages, prices, URLs, years).
#include "cli_runner.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include <map>

using namespace maillage;

namespace {

class Cli : public test::Cli {
public:
    // Row counts of every table but the lock/backup bookkeeping: a refused command changes none.
    std::map<std::string, int64_t> counts() const {
        SQLite::Database file(db().string(), SQLite::OPEN_READONLY);
        SQLite::Statement q(file, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'");
        std::vector<std::string> tables;
        while (q.executeStep()) tables.push_back(q.getColumn(0).getString());
        std::map<std::string, int64_t> out;
        for (const auto& t : tables) out[t] = file.execAndGet("SELECT count(*) FROM \"" + t + "\"").getInt64();
        return out;
    }
    std::string scalar(const std::string& sql) const {
        SQLite::Database file(db().string(), SQLite::OPEN_READONLY);
        return file.execAndGet(sql).getString();
    }
};

class InputChecks : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        cli_ = new Cli;
        const auto r = cli_->run({"init", "--demo", "--year", "2025"});
        ASSERT_EQ(r.code, 0) << r.err;
    }
    static void TearDownTestSuite() {
        delete cli_;
        cli_ = nullptr;
    }

    // The command fails with a sentence (no raw SQLite message) and writes nothing.
    static void expect_refused(const std::vector<std::string>& args, const std::string& words) {
        std::string joined;
        for (const auto& a : args) joined += a + " ";
        const auto before = cli_->counts();
        const auto r = cli_->run(args);
        EXPECT_NE(r.code, 0) << joined << "\n" << r.out;
        EXPECT_NE(r.err.find(words), std::string::npos) << joined << "\nstderr: " << r.err;
        EXPECT_EQ(r.err.find("constraint"), std::string::npos) << joined << "\nstderr: " << r.err;
        EXPECT_EQ(r.err.find("Database error"), std::string::npos) << joined << "\nstderr: " << r.err;
        EXPECT_EQ(cli_->counts(), before) << joined;
    }

    static Cli* cli_;
};

Cli* InputChecks::cli_ = nullptr;

TEST_F(InputChecks, CountsOutOfRangeAreRefused) {
    expect_refused({"exchange", "event", "create", "--title", "T", "--capacity", "-1"}, "Capacity");
    expect_refused({"exchange", "event", "create", "--title", "T", "--capacity", "99999999"}, "Capacity");
    expect_refused({"exchange", "event", "update", "1", "--capacity", "-4"}, "Capacity");
    expect_refused({"exchange", "publication", "add", "--title", "P", "--copies", "-2"}, "Copies");
    const auto module = cli_->scalar("SELECT code FROM catalogue_module ORDER BY code LIMIT 1");
    expect_refused({"catalogue", "training", "create", "--edition", "2025", "--code", "NEG", "--title-fr", "X",
                    "--modules", module, "--seats", "-3"},
                   "Seats");
    expect_refused({"intervision", "group", "create", "--cycle", "2025-2026", "--name", "G", "--weekday", "monday",
                    "--start", "09:30", "--end", "12:00", "--capacity", "-2"},
                   "Capacity");
    expect_refused({"pat", "request", "create", "--institution", "Abri de nuit Dourlet", "--planned", "-1"},
                   "Planned sessions");
    expect_refused({"pat", "training", "add", "--date", "2025-03-03", "--participants", "-5"}, "Participants");
    expect_refused({"pat", "advocacy", "add", "--kind", "talk", "--date", "2025-03-03", "--audience-size", "-1"},
                   "Audience size");
}

TEST_F(InputChecks, AbsurdDurationsPercentagesAndPricesAreRefused) {
    expect_refused({"pat", "training", "add", "--date", "2025-03-03", "--duration", "99999999"}, "Duration");
    expect_refused({"pat", "session", "add", "3", "--type", "working_group", "--date", "2025-03-03", "--duration",
                    "99999999"},
                   "Duration");
    expect_refused({"pat", "session", "add", "3", "--type", "working_group", "--date", "2025-03-03", "--prep", "-1"},
                   "Preparation");
    expect_refused({"pat", "hire", "add", "3", "--date", "2025-03-03", "--working-time", "-50"}, "Working time");
    expect_refused({"pat", "hire", "add", "3", "--date", "2025-03-03", "--working-time", "nan"}, "Working time");
    const auto module = cli_->scalar("SELECT code FROM catalogue_module ORDER BY code LIMIT 1");
    for (const char* price : {"nan", "1e308", "-5", "inf"})
        expect_refused({"catalogue", "training", "create", "--edition", "2025", "--code", "PRICE", "--title-fr", "X",
                        "--modules", module, "--price", price},
                       "Price");
}

TEST_F(InputChecks, OnlyWebAndMailLinksAreAccepted) {
    const auto module = cli_->scalar("SELECT code FROM catalogue_module ORDER BY code LIMIT 1");
    for (const char* url : {"javascript:alert(31)", "JavaScript:alert(1)", "data:text/html,<b>x</b>",
                            "vbscript:x", "http:///nohost", "https://exa mple.org", "//example.org"})
        expect_refused({"catalogue", "training", "create", "--edition", "2025", "--code", "URL", "--title-fr", "X",
                        "--modules", module, "--url", url},
                       "Registration URL");
    expect_refused({"pat", "advocacy", "add", "--kind", "talk", "--date", "2025-03-03", "--link", "javascript:x()"},
                   "Link");
    expect_refused({"exchange", "publication", "add", "--title", "P", "--link", "javascript:x()"}, "Link");
    // The three accepted kinds still are.
    const auto r = cli_->run({"catalogue", "training", "create", "--edition", "2025", "--code", "URLOK", "--title-fr",
                              "X", "--modules", module, "--url", "https://www.example.org/inscription?x=1", "--price",
                              "12.5", "--seats", "20"});
    EXPECT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(cli_->scalar("SELECT price_cents || ' ' || registration_url FROM catalogue_training WHERE code = 'URLOK'"),
              "1250 https://www.example.org/inscription?x=1");
}

TEST_F(InputChecks, YearsOutOfRangeAreRefusedOnEveryFigures) {
    for (const char* year : {"99999", "-5", "0"}) {
        expect_refused({"intervision", "figures", "--year", year}, "year");
        expect_refused({"exchange", "figures", "--year", year}, "year");
        expect_refused({"pat", "figures", "--year", year}, "year");
        expect_refused({"catalogue", "figures", "--year", year}, "year");
        expect_refused({"catalogue", "export-xlsx", "--year", year, "--out", "/tmp/never-written.xlsx"}, "year");
        expect_refused({"exchange", "event", "list", "--year", year}, "year");
    }
    EXPECT_EQ(cli_->run({"pat", "figures", "--year", "2025"}).code, 0);
}

TEST(InputChecksEvaluation, AnInvalidAnswerCreatesNothing) {
    Cli cli;
    ASSERT_EQ(cli.run({"init"}).code, 0);
    ASSERT_EQ(cli.run({"exchange", "event", "create", "--title", "Table", "--date", "2025-10-16"}).code, 0);
    ASSERT_EQ(cli.scalar("SELECT count(*) FROM questionnaire WHERE code = 'exchange.evaluation'"), "0");
    const auto before = cli.counts();
    const auto r = cli.run({"exchange", "evaluation", "submit", "1", "--answers", "1=zz"});
    EXPECT_NE(r.code, 0);
    EXPECT_NE(r.err.find("not a number"), std::string::npos) << r.err;
    EXPECT_EQ(cli.counts(), before);  // no questionnaire, no question, no response
    EXPECT_EQ(cli.run({"exchange", "evaluation", "submit", "1", "--answers", "1=0|2=5"}).code, 0);
    EXPECT_EQ(cli.scalar("SELECT count(*) FROM questionnaire WHERE code = 'exchange.evaluation'"), "1");
}

}  // namespace
