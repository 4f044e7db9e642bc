// Issue 15, natural keys: exchange commands name events by "date title", "date/title" or a
// unique title, tables by title, registrations by the person's email; numbers still work;
// an ambiguous or unknown name is refused naming the candidates.
#include "cli_runner.h"

using namespace maillage;
using test::Cli;
using test::Result;

namespace {

class NaturalKeys : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_EQ(cli.run({"init"}).code, 0);
        ok({"exchange", "event", "create", "--title", "Logement d'abord", "--date", "2026-11-16"});
        ok({"exchange", "event", "create", "--title", "Logement d'abord", "--date", "2027-03-01"});
        ok({"exchange", "event", "create", "--title", "Santé mentale", "--date", "2026-12-01"});
    }
    Result ok(const std::vector<std::string>& args) {
        auto r = cli.run(args);
        EXPECT_EQ(r.code, 0) << r.out << r.err;
        return r;
    }
    Result refused(const std::vector<std::string>& args) {
        auto r = cli.run(args);
        EXPECT_NE(r.code, 0) << r.out;
        return r;
    }
    std::string one(const std::string& sql) const {
        SQLite::Database file(cli.db().string(), SQLite::OPEN_READONLY);
        return file.execAndGet(sql).getString();
    }
    Cli cli;
};

TEST_F(NaturalKeys, EventsByDateAndTitleByUniqueTitleAndByNumber) {
    // Each way of naming an event shows that event (and, where given, not another one).
    const struct {
        const char* name;
        const char* shown;
        const char* not_shown;
    } names[] = {
        {"2026-11-16 Logement d'abord", "2026-11-16", "2027-03-01"},
        {"2027-03-01/logement d'abord", "2027-03-01", nullptr},
        {"1/3/2027 Logement d'abord", "2027-03-01", nullptr},  // the date as people write it
        {"sante MENTALE", "2026-12-01", nullptr},              // case and accents ignored
        {"3", "Santé mentale", nullptr},
    };
    for (const auto& n : names) {
        SCOPED_TRACE(n.name);
        const auto r = ok({"exchange", "event", "show", n.name});
        EXPECT_NE(r.out.find(n.shown), std::string::npos) << r.out;
        if (n.not_shown) {
            EXPECT_EQ(r.out.find(n.not_shown), std::string::npos) << r.out;
        }
    }
    ok({"exchange", "event", "add-day", "Santé mentale", "--date", "2026-12-08"});
    EXPECT_EQ(one("SELECT count(*) FROM session WHERE date = '2026-12-08'"), "1");
}

TEST_F(NaturalKeys, AmbiguousAndUnknownEventsAreRefusedNamingCandidates) {
    // Each name that is not one event is refused with what the error must say.
    const struct {
        const char* name;
        std::vector<std::string> said;
    } names[] = {
        {"Logement d'abord", {"2026-11-16 — Logement d'abord — 1", "2027-03-01 — Logement d'abord — 2"}},
        {"Sante mentalle", {"closest", "2026-12-01 — Santé mentale — 3"}},
        {"2026-11-17 Logement d'abord", {"Logement d'abord"}},  // no day that date
        {"99", {"99"}},
    };
    for (const auto& n : names) {
        SCOPED_TRACE(n.name);
        const auto r = refused({"exchange", "event", "show", n.name});
        for (const auto& said : n.said) EXPECT_NE(r.err.find(said), std::string::npos) << r.err;
    }
}

TEST_F(NaturalKeys, TablesByTitleAndRegistrationsByEmail) {
    ok({"exchange", "table", "add", "2026-11-16/Logement d'abord", "--title", "Accès au logement"});
    ok({"exchange", "publication", "add", "--title", "Actes", "--event", "2026-11-16 Logement d'abord", "--table",
        "acces au logement"});
    EXPECT_EQ(one("SELECT count(*) FROM exchange_publication_source WHERE table_id IS NOT NULL"), "1");
    auto r = refused({"exchange", "publication", "add", "--title", "Autres actes", "--event", "1", "--table",
                      "Santé"});
    EXPECT_NE(r.err.find("Accès au logement"), std::string::npos) << r.err;  // the event's tables
    EXPECT_EQ(one("SELECT count(*) FROM exchange_publication"), "1");

    ok({"exchange", "register", "Santé mentale", "--first", "Leila", "--last", "Benali", "--email",
        "leila@example.org"});
    auto listed = ok({"exchange", "registrations", "Santé mentale"});
    EXPECT_NE(listed.out.find("Leila Benali <leila@example.org>"), std::string::npos) << listed.out;
    ok({"exchange", "checkin", "Santé mentale", "--registration", "LEILA@example.org"});
    EXPECT_EQ(one("SELECT status FROM exchange_registration"), "attended");
    r = refused({"exchange", "status", "leila@example.org", "cancelled", "--reason", "ill"});  // which event?
    EXPECT_NE(r.err.find("--event"), std::string::npos) << r.err;
    ok({"exchange", "status", "leila@example.org", "no_show", "--event", "Santé mentale"});
    EXPECT_EQ(one("SELECT status FROM exchange_registration"), "no_show");
    r = refused({"exchange", "checkin", "2026-11-16 Logement d'abord", "--registration", "leila@example.org"});
    EXPECT_NE(r.err.find("not registered"), std::string::npos) << r.err;
    const auto id = one("SELECT id FROM exchange_registration");
    ok({"exchange", "status", id, "attended"});  // numbers still work
    EXPECT_EQ(one("SELECT status FROM exchange_registration"), "attended");
}

TEST_F(NaturalKeys, ListsGiveIdsAndKeysAsCsvOrJson) {
    auto r = ok({"exchange", "event", "list", "--format", "json"});
    EXPECT_NE(r.out.find("\"id\": 1"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("\"key\": \"2026-11-16 Logement d'abord\""), std::string::npos) << r.out;
    r = ok({"exchange", "event", "list", "--format", "csv"});
    EXPECT_EQ(r.out.rfind("id;date;type;title;registrations;key", 0), 0u) << r.out;
    EXPECT_NE(r.out.find("3;2026-12-01;exchange_table;Santé mentale;0;2026-12-01 Santé mentale"), std::string::npos)
        << r.out;
    ok({"exchange", "publication", "add", "--title", "Actes", "--date", "2026-12-20"});
    r = ok({"exchange", "publication", "list", "--format", "csv"});
    EXPECT_NE(r.out.find("1;2026-12-20;Actes;"), std::string::npos) << r.out;
    r = refused({"exchange", "event", "list", "--format", "xml"});
}

// catalogue expectations set: by training code + email (+ first words when several).
TEST(NaturalKeysCatalogue, ExpectationsByTrainingAndEmail) {
    Cli cli;
    ASSERT_EQ(cli.run({"init", "--demo", "--year", "2025"}).code, 0);
    SQLite::Database file(cli.db().string(), SQLite::OPEN_READONLY);
    const auto training = file.execAndGet("SELECT code FROM catalogue_training ORDER BY code LIMIT 1").getString();
    const auto email = file.execAndGet("SELECT email FROM person WHERE email <> '' AND id NOT IN "
                                       "(SELECT person_id FROM catalogue_expectation) ORDER BY id LIMIT 1")
                           .getString();
    const auto run_ok = [&](const std::vector<std::string>& a) {
        const auto r = cli.run(a);
        EXPECT_EQ(r.code, 0) << r.out << r.err;
    };
    const std::vector<std::string> set = {"catalogue", "expectations", "set", "--training", training, "--email", email};
    auto r = cli.run({"catalogue", "expectations", "set", "--training", training, "--email", email, "--met", "yes"});
    EXPECT_NE(r.code, 0);
    EXPECT_NE(r.err.find("no expectation"), std::string::npos) << r.err;
    run_ok({"catalogue", "expectations", "add", "--training", training, "--email", email, "--text", "Mieux orienter"});
    run_ok({"catalogue", "expectations", "add", "--training", training, "--email", email, "--text", "Rencontrer"});
    const auto met = [&](const std::string& text) {
        SQLite::Statement q(file, "SELECT coalesce(met, '') FROM catalogue_expectation WHERE text = ?");
        q.bind(1, text);
        return q.executeStep() ? q.getColumn(0).getString() : std::string("?");
    };
    r = cli.run({"catalogue", "expectations", "set", "--training", training, "--email", email, "--met", "yes"});
    EXPECT_NE(r.code, 0);  // two: say which, listing them
    EXPECT_NE(r.err.find("Mieux orienter"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("Rencontrer"), std::string::npos) << r.err;
    run_ok({"catalogue", "expectations", "set", "--training", training, "--email", email, "--text", "mieux", "--met",
            "partly"});
    EXPECT_EQ(met("Mieux orienter"), "partly");
    EXPECT_EQ(met("Rencontrer"), "");
    const auto id = file.execAndGet("SELECT id FROM catalogue_expectation WHERE text = 'Rencontrer'").getString();
    run_ok({"catalogue", "expectations", "set", "--id", id, "--met", "no"});  // numbers still work
    EXPECT_EQ(met("Rencontrer"), "no");

    r = cli.run({"catalogue", "training", "list", "--format", "csv"});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(r.out.rfind("id;code;kind;edition;title_fr;seats_taken;seats;days", 0), 0u) << r.out;
    EXPECT_NE(r.out.find(";" + training + ";"), std::string::npos) << r.out;
    r = cli.run({"catalogue", "modules", "list", "--format", "json"});
    ASSERT_EQ(r.code, 0) << r.err;
    const auto module = file.execAndGet("SELECT code FROM catalogue_module ORDER BY code LIMIT 1").getString();
    EXPECT_NE(r.out.find("\"code\": \"" + module + "\""), std::string::npos) << r.out;
}

}  // namespace
