// core/validate.h: the checks every plugin calls before writing (issue 16, items 6, 10).
#include "core/csv.h"
#include "core/error.h"
#include "core/import_export.h"
#include "core/institutions.h"
#include "core/report.h"
#include "core/validate.h"
#include "test_support.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

using namespace maillage;

TEST(Validate, CountsDurationsPercentagesAndYearsHaveSaneBounds) {
    EXPECT_NO_THROW(validate::count("Seats", 0));
    EXPECT_NO_THROW(validate::count("Seats", 250));
    EXPECT_THROW(validate::count("Seats", -1), Error);
    EXPECT_THROW(validate::count("Seats", 99999999), Error);
    EXPECT_THROW(validate::count("Capacity", 0, 1), Error);
    EXPECT_NO_THROW(validate::minutes("Duration", 45));
    EXPECT_THROW(validate::minutes("Duration", 99999999), Error);
    EXPECT_THROW(validate::minutes("Duration", -5), Error);
    EXPECT_NO_THROW(validate::percent("Working time", 50));
    for (double bad : {0.0, -50.0, 101.0, std::nan(""), std::numeric_limits<double>::infinity()})
        EXPECT_THROW(validate::percent("Working time", bad), Error) << bad;
    EXPECT_NO_THROW(validate::year(2025));
    for (int bad : {0, -5, 1899, 2201, 99999}) EXPECT_THROW(validate::year(bad), Error) << bad;
    ReportScope scope;
    EXPECT_NO_THROW(validate::scope(scope));  // no year: every year
    scope.year = 99999;
    EXPECT_THROW(validate::scope(scope), Error);
    try {
        validate::count("Seats", -3);
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("Seats"), std::string::npos) << e.what();  // names the field
    }
}

TEST(Validate, PricesAreFiniteEurosRoundedToTheCent) {
    EXPECT_EQ(validate::cents("Price", 12.5), 1250);
    EXPECT_EQ(validate::cents("Price", 0.1 + 0.2), 30);
    EXPECT_EQ(validate::cents("Price", 0), 0);
    for (double bad : {std::nan(""), 1e308, -5.0, std::numeric_limits<double>::infinity()})
        EXPECT_THROW(validate::cents("Price", bad), Error) << bad;
}

TEST(Validate, OnlyWebAndMailLinksAreSafe) {
    for (const char* ok : {"https://www.example.org/inscription?x=1", "http://example.org", "HTTPS://EXAMPLE.ORG",
                           "mailto:formation@example.org"})
        EXPECT_TRUE(validate::is_safe_url(ok)) << ok;
    for (const char* bad : {"javascript:alert(31)", "JavaScript:alert(1)", " javascript:alert(1)", "java\tscript:x",
                            "data:text/html,<b>x</b>", "vbscript:x", "file:///etc/passwd", "//evil.example",
                            "http:///path", "https://exa mple.org", "mailto:", "www.example.org"})
        EXPECT_FALSE(validate::is_safe_url(bad)) << bad;
    EXPECT_NO_THROW(validate::url("Link", ""));
    EXPECT_THROW(validate::url("Link", "javascript:alert(1)"), Error);
    // A web site as typed: a scheme-less address is fine, another scheme is not.
    EXPECT_NO_THROW(validate::web_address("Website", "www.example.org/contact"));
    EXPECT_NO_THROW(validate::web_address("Website", "https://www.example.org"));
    EXPECT_THROW(validate::web_address("Website", "javascript:alert(1)"), Error);
    EXPECT_THROW(validate::web_address("Website", "data:text/html,x"), Error);
}

TEST(Validate, AnInstitutionsWebsiteIsCheckedInTheRepositoryAndOnImport) {
    auto db = test::memory_db();
    Institution i;
    i.name = "Abri";
    i.website = "javascript:alert(1)";
    EXPECT_THROW(InstitutionRepository(*db).create(i), Error);
    try {
        import_institutions(*db, csv::parse("name;website\nAbri;www.abri.be\nCentre;javascript:alert(2)\n", "i.csv"));
        FAIL() << "imported";
    } catch (const ParseError& e) {
        EXPECT_EQ(e.line(), 3);
    }
    EXPECT_EQ(db->scalar_int("SELECT count(*) FROM institution"), 0);
}
