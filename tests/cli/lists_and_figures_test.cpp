// Issue 15: the code lists users need (sectors, roles, types, themes), "unknown X" errors
// that say the valid values, ambiguity named, one figures interface for the four
// plugins, and the report overview counting exchange events' participants.
#include "cli_runner.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <nlohmann/json.hpp>

#include <gtest/gtest.h>

using namespace maillage;
using maillage::test::Cli;

namespace {

class ListsAndFigures : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        cli_ = new Cli;
        ASSERT_EQ(cli_->run({"init", "--demo", "--year", "2025"}).code, 0);
    }
    static void TearDownTestSuite() {
        delete cli_;
        cli_ = nullptr;
    }
    static Cli* cli_;
};
Cli* ListsAndFigures::cli_ = nullptr;

nlohmann::json json_of(const maillage::test::Result& r) {
    EXPECT_EQ(r.code, 0) << r.err;
    return nlohmann::json::parse(r.out);
}

}  // namespace

TEST_F(ListsAndFigures, CodeListsNameWhatImportsAccept) {
    const auto sectors = json_of(cli_->run({"sectors", "list", "--format", "json"}));
    bool homeless = false;
    for (const auto& s : sectors) homeless |= s["code"] == "homeless" && s["label_fr"] == "aide aux personnes sans-abri";
    EXPECT_TRUE(homeless) << sectors.dump();

    const auto roles = json_of(cli_->run({"roles", "list", "--format", "json"}));
    std::set<std::string> person, attendance;
    for (const auto& r : roles) (r["applies_to"] == "person" ? person : attendance).insert(r["code"]);
    EXPECT_EQ(person, (std::set<std::string>{"worker", "peer_worker", "facilitator", "trainer", "staff", "manager"}));
    EXPECT_TRUE(attendance.count("participant") && attendance.count("speaker"));

    const auto types = json_of(cli_->run({"types", "list", "--format", "json"}));
    std::map<std::string, std::string> labels;
    for (const auto& t : types) labels[t["code"]] = t["label"];
    EXPECT_EQ(labels["exchange_committee"], "Steering committee meetings");
    EXPECT_EQ(labels["training"], "Training days");

    const auto themes = json_of(cli_->run({"themes", "list", "--format", "json"}));
    ASSERT_FALSE(themes.empty());
    EXPECT_TRUE(themes[0].contains("code") && themes[0].contains("label_nl"));
}

TEST_F(ListsAndFigures, UnknownCodesListTheValidOnes) {
    auto r = cli_->run({"report", "--year", "2025", "--programme", "conect"});
    EXPECT_NE(r.code, 0);
    EXPECT_NE(r.err.find("unknown programme \"conect\""), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("connect, formation"), std::string::npos) << r.err;
    r = cli_->run({"pat", "figures", "--funder", "COCOMM"});
    EXPECT_NE(r.code, 0);
    EXPECT_NE(r.err.find("COCOM"), std::string::npos) << r.err;
    r = cli_->run({"programme", "edit", "nope", "--name", "X"});
    EXPECT_NE(r.code, 0);
    EXPECT_NE(r.err.find("connect"), std::string::npos) << r.err;
    r = cli_->run({"exchange", "register", "1", "--first", "A", "--last", "B", "--sector", "homeles"});
    EXPECT_NE(r.code, 0);
    EXPECT_NE(r.err.find("homeless"), std::string::npos) << "the closest code is named: " << r.err;
    r = cli_->run({"intervision", "group", "list", "--cycle", "2030-2031"});
    EXPECT_NE(r.code, 0);
    EXPECT_NE(r.err.find("2025-2026"), std::string::npos) << r.err;
}

TEST_F(ListsAndFigures, ACycleNameTwoProgrammesShareIsAnErrorNamingThem) {
    // The demo has a Connect and a PAT cycle named 2024-2025.
    auto r = cli_->run({"intervision", "group", "list", "--cycle", "2024-2025"});
    EXPECT_NE(r.code, 0);
    EXPECT_NE(r.err.find("connect, pat"), std::string::npos) << r.err;
    r = cli_->run({"intervision", "group", "list", "--cycle", "2024-2025", "--programme", "pat"});
    EXPECT_EQ(r.code, 0) << r.err;
}

TEST_F(ListsAndFigures, EveryPluginsFiguresTakeTheSameOptionsAndGiveOneSection) {
    const std::map<std::string, std::string> ids = {{"catalogue", "catalogue.trainings"},
                                                    {"exchange", "exchange.events"},
                                                    {"intervision", "intervision.cycles"},
                                                    {"pat", "pat.accompaniments"}};
    for (const auto& [plugin, id] : ids) {
        const auto j = json_of(cli_->run({plugin, "figures", "--year", "2025", "--programme", "connect", "--format",
                                          "json", "--lang", "nl"}));
        EXPECT_EQ(j["id"], id) << plugin;
        EXPECT_TRUE(j["data"].is_object()) << plugin;
        EXPECT_EQ(j["scope"]["year"], 2025) << plugin;
        EXPECT_EQ(j["scope"]["programme"], "connect") << plugin;
        EXPECT_EQ(j["scope"]["language"], "nl") << plugin;
        for (const char* format : {"md", "html", "csv"}) {
            const auto r = cli_->run({plugin, "figures", "--year", "2025", "--format", format});
            EXPECT_EQ(r.code, 0) << plugin << ' ' << format << ": " << r.err;
            EXPECT_FALSE(r.out.empty()) << plugin << ' ' << format;
        }
        EXPECT_NE(cli_->run({plugin, "figures", "--year", "2025", "--cycle", "2024-2025"}).code, 0)
            << plugin << ": --year and --cycle together";
    }
    // The old spellings still work.
    EXPECT_EQ(json_of(cli_->run({"catalogue", "figures", "--year", "2025", "--labels", "nl", "--format", "json"}))
                  ["scope"]["language"],
              "nl");
    EXPECT_EQ(json_of(cli_->run({"pat", "figures", "--year", "2025", "--language", "fr", "--format", "json"}))["id"],
              "pat.accompaniments");
    EXPECT_EQ(json_of(cli_->run({"exchange", "figures", "--year", "2025", "--json"}))["id"], "exchange.events");
}

// An exchange event's participants are attended registrations: the overview counts them
// as participants, with their institutions, and names the activity in words.
TEST(ReportOverview, CountsExchangeEventParticipants) {
    Cli cli;
    ASSERT_EQ(cli.run({"init"}).code, 0);
    ASSERT_EQ(cli.run({"institution", "create", "CPAS de Forest"}).code, 0);
    ASSERT_EQ(cli.run({"institution", "create", "Abri de nuit"}).code, 0);
    auto r = cli.run({"exchange", "event", "create", "--title", "Table d'échanges", "--date", "2025-10-16"});
    ASSERT_EQ(r.code, 0) << r.err;
    ASSERT_EQ(cli.run({"exchange", "walk-in", "1", "--first", "Ana", "--last", "A", "--institution", "CPAS de Forest"})
                  .code,
              0);
    ASSERT_EQ(cli.run({"exchange", "walk-in", "1", "--first", "Ben", "--last", "B", "--institution", "Abri de nuit"})
                  .code,
              0);
    // Registered but not come: not a participant.
    ASSERT_EQ(cli.run({"exchange", "register", "1", "--first", "Cid", "--last", "C"}).code, 0);
    const auto report = json_of(cli.run({"report", "--year", "2025", "--format", "json", "--lang", "en"}));
    const auto& overview = report["sections"][0];
    ASSERT_EQ(overview["id"], "core.overview");
    EXPECT_EQ(overview["data"]["participants"], 2);
    EXPECT_EQ(overview["data"]["institutions"], 2);
    EXPECT_EQ(overview["data"]["by_activity"]["exchange"]["participations"], 2);
    const auto md = cli.run({"report", "--year", "2025", "--format", "md"}).out;
    EXPECT_NE(md.find("Exchange tables and events"), std::string::npos) << md;
    EXPECT_EQ(md.find("| exchange |"), std::string::npos) << md;
}

// Commands name records as users know them: a session by its group and date, an
// accompaniment by its institution (and request date), a person by email; ids still work.
TEST_F(ListsAndFigures, CommandsTakeNaturalKeys) {
    SQLite::Database file(cli_->db().string(), SQLite::OPEN_READONLY);
    const auto scalar = [&](const std::string& sql) { return file.execAndGet(sql).getString(); };
    const auto date = file.execAndGet("SELECT s.date FROM intervision_session i JOIN session s ON s.id = i.session_id "
                                      "JOIN intervision_group g ON g.id = i.group_id JOIN intervision_cycle c ON "
                                      "c.id = g.cycle_id JOIN programme p ON p.id = c.programme_id WHERE c.name = "
                                      "'2024-2025' AND p.code = 'connect' AND g.name = 'Groupe 1' AND s.status <> "
                                      "'cancelled' ORDER BY s.date DESC LIMIT 1")
                          .getString();
    ASSERT_FALSE(date.empty());
    const std::string typed = date.substr(8, 2) + "/" + date.substr(5, 2) + "/" + date.substr(0, 4);
    auto r = cli_->run({"intervision", "sessions", "held", "--cycle", "2024-2025", "--programme", "connect", "--group",
                        "Groupe 1", "--session", typed});
    EXPECT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(scalar("SELECT s.status FROM intervision_session i JOIN session s ON s.id = i.session_id JOIN "
                           "intervision_group g ON g.id = i.group_id JOIN intervision_cycle c ON c.id = g.cycle_id "
                           "WHERE g.name = 'Groupe 1' AND c.programme_id = (SELECT id FROM programme WHERE code = "
                           "'connect') AND c.name = '2024-2025' AND s.date = '" + date + "'"),
              "held");
    r = cli_->run({"intervision", "sessions", "held", "--cycle", "2024-2025", "--programme", "connect", "--group",
                   "Groupe 1", "--session", "31/07/2025"});
    EXPECT_NE(r.code, 0);
    EXPECT_NE(r.err.find(date), std::string::npos) << "the group's session dates are listed: " << r.err;

    const auto institution = file.execAndGet("SELECT i.name FROM pat_accompaniment a JOIN institution i ON i.id = "
                                             "a.institution_id GROUP BY i.id HAVING count(*) = 1 ORDER BY i.name LIMIT 1")
                                 .getString();
    r = cli_->run({"pat", "steps", "list", institution});
    EXPECT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("needs_analysis"), std::string::npos) << r.out;
    r = cli_->run({"pat", "steps", "list", institution + "@1999-01-01"});
    EXPECT_NE(r.code, 0);
    EXPECT_NE(r.err.find("request date"), std::string::npos) << r.err;

    const auto email = file.execAndGet("SELECT email FROM person WHERE email IS NOT NULL AND id NOT IN (SELECT "
                                       "person_id FROM exchange_registration WHERE event_id = 1) LIMIT 1")
                           .getString();
    r = cli_->run({"exchange", "register", "1", "--person", email});
    EXPECT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(scalar("SELECT count(*) FROM exchange_registration r JOIN person p ON p.id = r.person_id WHERE "
                           "r.event_id = 1 AND p.email = '" + email + "'"),
              "1");
    r = cli_->run({"exchange", "table", "add", "1", "--title", "T", "--facilitator", "nobody@example.invalid"});
    EXPECT_NE(r.code, 0);
    EXPECT_NE(r.err.find("nobody@example.invalid"), std::string::npos) << r.err;
}
