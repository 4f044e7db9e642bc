// maillage-cli person delete|merge and institution delete, end to end on a database
// filled by CSV import: people named by email or unique name, institutions by name.
#include "test_support.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include <sys/wait.h>

#include <cstdlib>

using namespace maillage;

namespace {

struct Result {
    int code = -1;
    std::string out, err;
};

std::string quoted(const std::string& s) {
    std::string q = "'";
    for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return q + "'";
}

class PersonCli : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_EQ(run({"init"}).code, 0);
        const auto inst = home_ / "institutions.csv", people = home_ / "people.csv";
        test::write_file(inst, "name;sectors\nCPAS d'Ixelles;social_aid\nService vide;homeless\n");
        test::write_file(people,
                         "first_name;last_name;email;institution\n"
                         "Leila;Benali;leila@example.org;CPAS d'Ixelles\n"
                         "Leïla;Benali;l.benali@example.org;\n"
                         "Marc;Dubois;;\n");
        ASSERT_EQ(run({"import", "institutions", inst.string()}).code, 0);
        ASSERT_EQ(run({"import", "people", people.string()}).code, 0);
    }

    Result run(const std::vector<std::string>& args) const {
        const auto out = home_ / "stdout.txt", err = home_ / "stderr.txt";
        std::string cmd = "env -u MAILLAGE_PLUGIN_PATH -u MAILLAGE_DB LANGUAGE= LC_ALL=C.UTF-8 LANG=C.UTF-8 HOME=" +
                          quoted(home_.path().string()) + " XDG_DATA_HOME=" + quoted((home_ / "data").string()) +
                          " XDG_CONFIG_HOME=" + quoted((home_ / "config").string()) + " " +
                          quoted((test::build_bin_dir() / "maillage-cli").string()) + " --db " +
                          quoted((home_ / "maillage.sqlite").string());
        for (const auto& a : args) cmd += " " + quoted(a);
        cmd += " >" + quoted(out.string()) + " 2>" + quoted(err.string());
        const int status = std::system(cmd.c_str());
        Result r;
        r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
        r.out = test::read_file(out);
        r.err = test::read_file(err);
        return r;
    }

    int64_t count(const std::string& sql) const {
        SQLite::Database file((home_ / "maillage.sqlite").string(), SQLite::OPEN_READONLY);
        return file.execAndGet(sql).getInt64();
    }

    test::TempDir home_;
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
