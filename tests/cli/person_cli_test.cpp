// maillage-cli person delete|merge and institution delete, end to end on a database
// filled by CSV import: people named by email or unique name, institutions by name.
#include "cli_runner.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

using namespace maillage;

namespace {

class PersonCli : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_EQ(run({"init"}).code, 0);
        const auto inst = cli_.dir() / "institutions.csv", people = cli_.dir() / "people.csv";
        test::write_file(inst, "name;sectors\nCPAS d'Ixelles;social_aid\nService vide;homeless\n");
        test::write_file(people,
                         "first_name;last_name;email;institution\n"
                         "Leila;Benali;leila@example.org;CPAS d'Ixelles\n"
                         "Leïla;Benali;l.benali@example.org;\n"
                         "Marc;Dubois;;\n");
        ASSERT_EQ(run({"import", "institutions", inst.string()}).code, 0);
        ASSERT_EQ(run({"import", "people", people.string()}).code, 0);
    }

    test::Result run(const std::vector<std::string>& args) const { return cli_.run(args); }

    int64_t count(const std::string& sql) const {
        SQLite::Database file(cli_.db().string(), SQLite::OPEN_READONLY);
        return file.execAndGet(sql).getInt64();
    }

    test::Cli cli_;
};

TEST_F(PersonCli, DeleteAsksForYesThenDeletesByEmailOrUniqueName) {
    auto r = run({"person", "delete", "leila@example.org"});
    EXPECT_NE(r.code, 0);
    EXPECT_NE(r.err.find("employments: 1"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("--yes"), std::string::npos) << r.err;
    EXPECT_EQ(count("SELECT count(*) FROM person"), 3);

    r = run({"person", "delete", "Marc Dubois", "--yes"});
    EXPECT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(count("SELECT count(*) FROM person WHERE last_name = 'Dubois'"), 0);

    r = run({"person", "delete", "nobody@example.org", "--yes"});
    EXPECT_NE(r.code, 0);
    EXPECT_NE(r.err.find("nobody@example.org"), std::string::npos) << r.err;
    EXPECT_GT(count("SELECT count(*) FROM audit_log WHERE action = 'delete' AND entity = 'person'"), 0);
}

TEST_F(PersonCli, MergeFoldsTheDuplicateIntoTheKeptPerson) {
    auto r = run({"person", "merge", "l.benali@example.org", "--into", "leila@example.org", "--yes"});
    EXPECT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("Merged"), std::string::npos) << r.out;
    EXPECT_EQ(count("SELECT count(*) FROM person WHERE last_name = 'Benali'"), 1);
    EXPECT_EQ(count("SELECT count(*) FROM person WHERE email = 'leila@example.org'"), 1);
}

TEST_F(PersonCli, InstitutionDeleteIsRefusedWithCountsWhileSomeoneWorksThere) {
    auto r = run({"institution", "delete", "CPAS d'Ixelles", "--yes"});
    EXPECT_NE(r.code, 0);
    EXPECT_NE(r.err.find("employments: 1"), std::string::npos) << r.err;
    EXPECT_EQ(count("SELECT count(*) FROM institution"), 2);
    r = run({"institution", "delete", "service vide", "--yes"});
    EXPECT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(count("SELECT count(*) FROM institution"), 1);
}

}  // namespace
