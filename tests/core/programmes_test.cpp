// Programmes and funders as reference data (a tree by parent, retired never deleted),
// the first-start setup written in one transaction, and the session-kind labels the
// plugins give the core report.
#include "core/core_report.h"
#include "core/database.h"
#include "core/error.h"
#include "core/people.h"
#include "core/programmes.h"
#include "core/sessions.h"
#include "test_support.h"

#include <gtest/gtest.h>

using namespace maillage;

TEST(Programmes, ParentsFormATreeThatNeverLoops) {
    auto db = test::memory_db();
    ProgrammeRepository repo(*db);
    const auto support = repo.create({0, "support", "Support", std::nullopt, false});
    const auto pat = repo.create({0, "pat", "PAT", support, false});
    EXPECT_EQ(repo.find_by_code("pat")->parent_id, support);

    auto top = *repo.get(support);
    top.parent_id = pat;  // support under its own child
    EXPECT_THROW(repo.update(top), Error);
    top.parent_id = support;  // under itself
    EXPECT_THROW(repo.update(top), Error);
    EXPECT_FALSE(repo.get(support)->parent_id);
    EXPECT_THROW(repo.create({0, "x", "X", int64_t{9999}, false}), Error);  // no such parent

    auto renamed = *repo.get(pat);
    renamed.code = "support";  // taken by another
    EXPECT_THROW(repo.update(renamed), Error);
    EXPECT_EQ(repo.get(pat)->code, "pat");
}

TEST(Programmes, FundersHaveParentsAndRetiredOnesStay) {
    auto db = test::memory_db();
    FunderRepository repo(*db);
    Funder kbf{0, "KBF", "Fondation Roi Baudouin", "", false, std::nullopt};
    kbf.id = repo.create(kbf);
    Funder fund{0, "KBF-HOSP", "Fonds hôpital", "projet pilote", false, kbf.id};
    fund.id = repo.create(fund);
    EXPECT_EQ(repo.get(fund.id)->parent_id, kbf.id);
    EXPECT_EQ(repo.get(fund.id)->notes, "projet pilote");

    repo.retire(fund.id);
    EXPECT_EQ(repo.list().size(), 1u);
    ASSERT_EQ(repo.list(true).size(), 2u);
    EXPECT_TRUE(repo.get(fund.id)->retired);
    EXPECT_EQ(repo.find_by_code("kbf-hosp")->id, fund.id);  // codes ignore case
}

TEST(FirstStart, WritesOrganisationProgrammesAndFundersInOneGo) {
    auto db = test::memory_db();
    EXPECT_TRUE(needs_first_start(*db));
    FirstStartSetup setup;
    setup.organisation = "Réseau Santé Mentale Bruxelles";
    setup.programmes = {{"connect", "Connect", ""}, {"support", "Support", ""}, {"pat", "PAT", "support"}};
    setup.funders = {{"COCOM", "Commission communautaire commune", ""}};
    apply_first_start(*db, setup);
    EXPECT_EQ(organisation_name(*db), "Réseau Santé Mentale Bruxelles");
    ProgrammeRepository programmes(*db);
    EXPECT_EQ(programmes.list().size(), 3u);
    EXPECT_EQ(programmes.find_by_code("pat")->parent_id, programmes.find_by_code("support")->id);
    EXPECT_TRUE(FunderRepository(*db).find_by_code("COCOM"));
    EXPECT_FALSE(needs_first_start(*db));
}

TEST(FirstStart, AnUnknownParentChangesNothing) {
    auto db = test::memory_db();
    FirstStartSetup setup;
    setup.organisation = "Relais social";
    setup.programmes = {{"connect", "Connect", ""}, {"pat", "PAT", "suport"}};  // typo in the parent
    try {
        apply_first_start(*db, setup);
        FAIL() << "an unknown parent was accepted";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("suport"), std::string::npos) << e.what();
    }
    EXPECT_TRUE(ProgrammeRepository(*db).list(true).empty());
    EXPECT_EQ(organisation_name(*db), "");
    EXPECT_TRUE(needs_first_start(*db));
}

TEST(CoreReport, ActivitiesAreShownWithThePluginsLabels) {
    auto db = test::memory_db();
    Person p;
    p.first_name = "Leila";
    p.last_name = "Benali";
    const auto person = PersonRepository(*db).create(p);
    SessionRepository sessions(*db);
    for (const char* kind : {"exchange_committee", "mobile_team"}) {
        Session s;
        s.kind = kind;
        s.date = "2025-03-10";
        s.status = "held";
        const auto id = sessions.create(s);
        sessions.record({.session_id = id, .person_id = person, .status = "present"});
    }
    ReportScope scope;
    scope.year = 2025;
    const auto report =
        build_report(*db, scope, core_report_sections({{"exchange_committee", "Steering committee meetings"}}));
    const auto& table = report.sections.at(0).tables.at(0);
    ASSERT_EQ(table.rows.size(), 2u);
    EXPECT_EQ(table.rows[0][0], "Steering committee meetings");
    EXPECT_EQ(table.rows[1][0], "mobile_team");  // no label given: shown as stored
    // The JSON keeps the stable kind for programs.
    EXPECT_TRUE(report.sections.at(0).data["by_activity"].contains("exchange_committee"));
}
