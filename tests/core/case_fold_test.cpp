// Institution names that differ only by case are one name in every alphabet (issue 16,
// item 11): Unicode case folding, in one import file and against the database.
#include "core/csv.h"
#include "core/error.h"
#include "core/import_export.h"
#include "core/institutions.h"
#include "test_support.h"

#include <gtest/gtest.h>

using namespace maillage;

namespace {
csv::Table table(const std::string& text) { return csv::parse(text, "import.csv"); }
int64_t institutions(Database& db) { return db.scalar_int("SELECT count(*) FROM institution"); }
}  // namespace

TEST(CaseFold, NamesDifferingOnlyByCaseFoldAlikeInEveryAlphabet) {
    EXPECT_EQ(fold_name("Institution Témoin"), fold_name("Institution TÉMOIN"));
    EXPECT_EQ(fold_name("Institution Témoin"), fold_name("institution te\u0301moin"));  // decomposed é
    EXPECT_EQ(fold_name("ΚΈΝΤΡΟ ΥΠΟΔΟΧΉΣ"), fold_name("Κέντρο υποδοχής"));           // Greek, final sigma
    EXPECT_EQ(fold_name("ЦЕНТР ПОМОЩИ"), fold_name("Центр помощи"));                  // Cyrillic
    EXPECT_EQ(fold_name("Straßenhilfe"), fold_name("STRASSENHILFE"));                  // full folding
    EXPECT_EQ(fold_name("  CAW   Westland "), fold_name("caw westland"));
    // Accents are not case: two names, merged by the user if they are one service.
    EXPECT_NE(fold_name("Aprèstoe"), fold_name("Aprestoe"));
    EXPECT_NE(fold_name("Institution Témoin"), fold_name("Institution Temoin"));
}

TEST(CaseFold, FindByNameIgnoresCaseBeyondAscii) {
    auto db = test::memory_db();
    InstitutionRepository repo(*db);
    Institution i;
    i.name = "Institution Témoin";
    const auto id = repo.create(i);
    i.name = "Straßenhilfe";
    const auto street = repo.create(i);
    ASSERT_TRUE(repo.find_by_name("Institution TÉMOIN"));
    EXPECT_EQ(repo.find_by_name("Institution TÉMOIN")->id, id);
    EXPECT_EQ(repo.find_by_name("INSTITUTION témoin")->id, id);
    EXPECT_EQ(repo.find_by_name("STRASSENHILFE")->id, street);  // an ASCII name finds a non-ASCII one
    EXPECT_FALSE(repo.find_by_name("Institution Temoin"));
}

TEST(CaseFold, OneImportFileRefusesTheSameNameTwice) {
    auto db = test::memory_db();
    try {
        import_institutions(*db, table("name;municipality\nInstitution Témoin;Ixelles\nInstitution TÉMOIN;Ixelles\n"));
        FAIL() << "the second line was accepted";
    } catch (const ParseError& e) {
        EXPECT_EQ(e.line(), 3);
        EXPECT_NE(e.reason().find("line 2"), std::string::npos) << e.reason();
    }
    EXPECT_EQ(institutions(*db), 0);
}

TEST(CaseFold, ImportMatchesTheDatabaseWhateverTheCase) {
    auto db = test::memory_db();
    Institution i;
    i.name = "Institution Témoin";
    InstitutionRepository(*db).create(i);
    auto r = import_institutions(*db, table("name;municipality\nINSTITUTION TÉMOIN;Ixelles\n"));
    EXPECT_EQ(r.creates, 0);
    EXPECT_EQ(institutions(*db), 1);
    // People naming it in another case, twice in one file: no new institution either.
    import_people(*db, table("first_name;last_name;email;institution\n"
                             "Ana;Lopes;ana@example.org;institution témoin\n"
                             "Bo;Wens;bo@example.org;INSTITUTION TÉMOIN\n"
                             "Cy;Dee;cy@example.org;Centre ÉTOILE\n"
                             "Di;Eff;di@example.org;centre étoile\n"));
    EXPECT_EQ(institutions(*db), 2);  // Institution Témoin and one Centre Étoile
}
