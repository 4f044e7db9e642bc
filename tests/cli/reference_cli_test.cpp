// maillage-cli programme|funder|institution|catalogue edition: reference data by code or
// name, never by id; every list shows ids and keys; bad input changes nothing.
#include "cli_runner.h"

#include <nlohmann/json.hpp>

using namespace maillage;
using test::Cli;

TEST(ReferenceCli, ProgrammesWithAParentByCode) {
    Cli cli;
    ASSERT_EQ(cli.run({"init"}).code, 0);
    EXPECT_OK(cli.run({"programme", "create", "support", "--name", "Support"}));
    EXPECT_OK(cli.run({"programme", "create", "pat", "--name", "PAT", "--parent", "support"}));
    auto list = cli.run({"programme", "list", "--format", "json"});
    EXPECT_OK(list);
    const auto rows = nlohmann::json::parse(list.out);
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[0]["code"], "pat");  // by name
    EXPECT_EQ(rows[0]["parent"], "support");
    EXPECT_TRUE(rows[0]["id"].is_number());

    // A loop is refused with a sentence and changes nothing.
    auto loop = cli.run({"programme", "edit", "support", "--parent", "pat"});
    EXPECT_EQ(loop.code, 1);
    EXPECT_NE(loop.err.find("Parent"), std::string::npos) << loop.err;
    auto unknown = cli.run({"programme", "create", "x", "--name", "X", "--parent", "nope"});
    EXPECT_EQ(unknown.code, 1);
    EXPECT_NE(unknown.err.find("nope"), std::string::npos) << unknown.err;
    EXPECT_EQ(cli.count("programme"), 2);

    EXPECT_OK(cli.run({"programme", "edit", "pat", "--name", "PAT pair-aidance", "--no-parent"}));
    EXPECT_OK(cli.run({"programme", "retire", "pat"}));
    const auto active = cli.run({"programme", "list", "--format", "csv"});
    EXPECT_EQ(active.out.find("pat;"), std::string::npos) << active.out;
    const auto all = cli.run({"programme", "list", "--all", "--format", "csv"});
    EXPECT_NE(all.out.find(";pat;PAT pair-aidance;;retired"), std::string::npos) << all.out;
}

TEST(ReferenceCli, FundersWithNotesAndParents) {
    Cli cli;
    ASSERT_EQ(cli.run({"init"}).code, 0);
    EXPECT_OK(cli.run({"funder", "create", "KBF", "--name", "Fondation Roi Baudouin"}));
    EXPECT_OK(cli.run({"funder", "create", "KBF-HOSP", "--name", "Fonds hôpital", "--parent", "KBF", "--notes",
                       "projet pilote"}));
    auto dup = cli.run({"funder", "create", "kbf", "--name", "Doublon"});
    EXPECT_EQ(dup.code, 1);
    auto table = cli.run({"funder", "list"});
    EXPECT_OK(table);
    EXPECT_NE(table.out.find("KBF-HOSP"), std::string::npos);
    EXPECT_NE(table.out.find("projet pilote"), std::string::npos);
    EXPECT_EQ(cli.count("funder"), 2);
    EXPECT_OK(cli.run({"funder", "edit", "KBF-HOSP", "--notes", ""}));
    const auto json = nlohmann::json::parse(cli.run({"funder", "list", "--format", "json"}).out);
    EXPECT_TRUE(json[1]["notes"].is_null()) << json.dump();
    EXPECT_EQ(json[1]["parent"], "KBF");
}

TEST(ReferenceCli, InstitutionsByName) {
    Cli cli;
    ASSERT_EQ(cli.run({"init"}).code, 0);
    EXPECT_OK(cli.run({"institution", "create", "CPAS de Saint-Gilles", "--region", "brussels", "--municipality",
                       "Saint-Gilles", "--sector", "social_aid", "--sector", "homeless"}));
    auto twice = cli.run({"institution", "create", "cpas de saint-gilles"});
    EXPECT_EQ(twice.code, 1);
    EXPECT_NE(twice.err.find("already exists"), std::string::npos) << twice.err;
    auto bad = cli.run({"institution", "create", "Abri", "--region", "paris"});
    EXPECT_EQ(bad.code, 1);
    EXPECT_NE(bad.err.find("Region"), std::string::npos) << bad.err;
    EXPECT_EQ(cli.count("institution"), 1);

    EXPECT_OK(cli.run({"institution", "edit", "CPAS de Saint-Gilles", "--postcode", "1060", "--name",
                       "CPAS de Saint-Gilles (Bruxelles)"}));
    const auto json = nlohmann::json::parse(cli.run({"institution", "list", "--format", "json"}).out);
    ASSERT_EQ(json.size(), 1u);
    EXPECT_EQ(json[0]["name"], "CPAS de Saint-Gilles (Bruxelles)");
    EXPECT_EQ(json[0]["postcode"], "1060");
    EXPECT_EQ(json[0]["municipality"], "Saint-Gilles");  // kept: not given
    EXPECT_EQ(json[0]["sectors"], "social_aid,homeless");
    EXPECT_TRUE(json[0]["id"].is_number());
    auto missing = cli.run({"institution", "edit", "Nowhere", "--postcode", "1000"});
    EXPECT_EQ(missing.code, 1);
}

TEST(ReferenceCli, CatalogueEditionsCreateListEditRetire) {
    Cli cli;
    // The real plugins load from the build tree's plugin folder, as from an installed one.
    ASSERT_EQ(cli.run({"init"}).code, 0);
    auto edition = [&](std::vector<std::string> args) {
        args.insert(args.begin(), {"catalogue", "edition"});
        return cli.run(args);
    };
    EXPECT_OK(edition({"create", "2026", "--title", "Formations 2026"}));
    EXPECT_EQ(edition({"create", "2026"}).code, 1);  // duplicate
    EXPECT_EQ(edition({"create", "next"}).code, 1);  // no year
    EXPECT_OK(edition({"edit", "2026", "--title", "Catalogue 2026"}));
    auto list = nlohmann::json::parse(edition({"list", "--format", "json"}).out);
    ASSERT_EQ(list.size(), 1u);
    EXPECT_EQ(list[0]["code"], "2026");
    EXPECT_EQ(list[0]["year"], 2026);
    EXPECT_EQ(list[0]["title"], "Catalogue 2026");
    EXPECT_OK(edition({"retire", "2026"}));
    EXPECT_TRUE(nlohmann::json::parse(edition({"list", "--format", "json"}).out).empty());
    EXPECT_EQ(nlohmann::json::parse(edition({"list", "--all", "--format", "json"}).out)[0]["status"], "retired");
    EXPECT_EQ(cli.count("catalogue_edition"), 1);
}

// French says "retirée" of an edition and "retiré" of a programme, "(aucune)" edition and
// "(aucun)" row: the catalogs hold such words in a context (NC_), which English drops.
TEST(ReferenceCli, AWordFrenchSaysTwoWaysAgreesWithWhatItDescribes) {
    Cli cli;
    ASSERT_EQ(cli.run({"init"}).code, 0);
    auto in = [&](const char* lang, std::vector<std::string> args) {
        args.insert(args.begin(), {"--lang", lang});
        auto r = cli.run(args);
        EXPECT_OK(r);
        return r.out;
    };
    EXPECT_NE(in("fr", {"catalogue", "edition", "list"}).find("(aucune)"), std::string::npos);
    EXPECT_NE(in("fr", {"funder", "list"}).find("(aucun)"), std::string::npos);
    EXPECT_NE(in("en", {"catalogue", "edition", "list"}).find("\n(none)\n"), std::string::npos);

    EXPECT_OK(cli.run({"catalogue", "edition", "create", "2026", "--title", "Formations 2026"}));
    EXPECT_OK(cli.run({"catalogue", "edition", "retire", "2026"}));
    EXPECT_OK(cli.run({"funder", "create", "COCOF", "--name", "Commission communautaire française"}));
    EXPECT_OK(cli.run({"funder", "retire", "COCOF"}));
    const auto editions_fr = in("fr", {"catalogue", "edition", "list", "--all"});
    EXPECT_NE(editions_fr.find("\tretirée\n"), std::string::npos) << editions_fr;
    const auto funders_fr = in("fr", {"funder", "list", "--all"});
    EXPECT_NE(funders_fr.find("retiré"), std::string::npos) << funders_fr;
    EXPECT_EQ(funders_fr.find("retirée"), std::string::npos) << funders_fr;
    const auto editions_en = in("en", {"catalogue", "edition", "list", "--all"});
    EXPECT_NE(editions_en.find("\tretired\n"), std::string::npos) << editions_en;
    EXPECT_EQ(editions_en.find("edition\004"), std::string::npos) << editions_en;
}

TEST(ReferenceCli, ReportNamesActivitiesWithThePluginsLabels) {
    Cli cli;
    ASSERT_EQ(cli.run({"init", "--demo", "--year", "2025"}).code, 0);
    auto r = cli.run({"report", "--year", "2025", "--format", "md"});
    EXPECT_OK(r);
    EXPECT_NE(r.out.find("Training days"), std::string::npos) << r.out.substr(0, 2000);
    EXPECT_EQ(r.out.find("| exchange_committee"), std::string::npos);
    EXPECT_EQ(r.out.find("| training |"), std::string::npos);
}
