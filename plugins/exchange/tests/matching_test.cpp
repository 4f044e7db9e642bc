// Institution names and duplicate people on import.
#include "registration_import.h"
#include "test_helpers.h"
#include "text_match.h"

#include "core/error.h"

#include <map>
#include <tuple>

using namespace maillage;
using namespace maillage::exchange;
using ExchangeImport = test_helpers::ExchangeDb;

TEST(ExchangeNameMatching, NormalisationIgnoresCaseAccentsAndPunctuation) {
    EXPECT_EQ(normalise_name("CAW (Westland)"), "caw westland");
    EXPECT_EQ(normalise_name("  CAW   Westland "), "caw westland");
    EXPECT_EQ(normalise_name("Aprèstoe"), normalise_name("Aprestoe"));
    EXPECT_EQ(normalise_name("Mission locale d'Anderlecht"), normalise_name("Mission Locale d’Anderlecht"));
    EXPECT_EQ(normalise_name("Équipe mobile Psy-Rue"), "equipe mobile psy rue");
}

TEST(ExchangeNameMatching, SimilarityAcceptsSmallSpellingDifferencesOnly) {
    EXPECT_DOUBLE_EQ(name_similarity("caw westland", "westland caw"), 1.0);
    EXPECT_GE(name_similarity(normalise_name("Centre Transit"), normalise_name("Centre Tranzit")), kProposeThreshold);
    EXPECT_LT(name_similarity(normalise_name("CPAS de Forest"), normalise_name("CPAS de Liège")), kProposeThreshold);
    EXPECT_LT(name_similarity(normalise_name("Projet Lama"), normalise_name("Centre Transit")), kProposeThreshold);
}

TEST_F(ExchangeImport, InstitutionMatchingProposesTheKnownRecord) {
    const auto caw = institution("CAW Westland", "social_aid");
    institution("CAW Brussel", "social_aid");
    auto m = match_institution(*db, "CAW (Westland)");
    ASSERT_TRUE(m);
    EXPECT_EQ(m->institution_id, caw);
    EXPECT_FALSE(m->exact);  // differs by punctuation: the user confirms
    m = match_institution(*db, "caw westland");
    ASSERT_TRUE(m);
    EXPECT_TRUE(m->exact);
    EXPECT_FALSE(match_institution(*db, "Service inconnu"));
}

TEST_F(ExchangeImport, CsvParserReadsTheWebFormWithQuotesAndReportsWhereItFails) {
    const std::string csv = "\xEF\xBB\xBFPrénom;Nom;E-mail;Institution;Secteur\r\n"
                            "Marie;Dubois;marie@example.org;\"Abri \"\"Les Étoiles\"\"; Bruxelles\";sans-abri\r\n"
                            "\r\n"
                            "Jan;Peeters;;CAW Westland;\r\n";
    const auto rows = parse_registrations_csv(csv, "form.csv");
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[0].first_name, "Marie");
    EXPECT_EQ(rows[0].institution, "Abri \"Les Étoiles\"; Bruxelles");
    EXPECT_EQ(rows[1].line, 4);
    EXPECT_EQ(rows[1].last_name, "Peeters");

    try {
        parse_registrations_csv("Nom,Email\nDubois,\"oops\n", "bad.csv");
        FAIL() << "unterminated quote accepted";
    } catch (const ParseError& e) {
        EXPECT_EQ(e.file(), "bad.csv");
        EXPECT_EQ(e.line(), 2);
    }
    EXPECT_THROW(parse_registrations_csv("Email;Institution\nx@y;z\n", "f.csv"), ParseError);  // no last name
    try {
        parse_registrations_csv("Nom;Prénom;Rôle\nA;B;chef\n", "f.csv");  // unknown role
        FAIL() << "unknown role accepted";
    } catch (const ParseError& e) {
        EXPECT_EQ(e.line(), 2);
        EXPECT_EQ(e.column(), 3);
    }
}

TEST_F(ExchangeImport, DuplicatesAreProposedAndMergedOnlyOnConfirmation) {
    const auto caw = institution("CAW Westland", "social_aid");
    const auto known_by_email = person("Marie", "Dubois", "marie.dubois@example.org");
    const auto known_by_name = person("Jan", "Peeters", "", caw);
    const auto ev = event("exchange_table", "2025-10-16");
    const std::string csv = "Prénom;Nom;Email;Institution;Secteur\n"
                            "Marie;Dubois-Martin;MARIE.DUBOIS@example.org;;\n"  // same email, other spelling
                            "Jan;Peeters;;CAW (Westland);\n"                   // same name + institution
                            "Sara;Nieuw;sara@example.org;Service Nouveau;santé mentale\n"
                            "Sara;Nieuw;SARA@example.org;Service Nouveau;\n";  // twice in the file
    const auto rows = parse_registrations_csv(csv, "form.csv");
    const auto plan = plan_import(*db, ev, rows);
    ASSERT_EQ(plan.rows.size(), 4u);
    ASSERT_TRUE(plan.rows[0].person);
    EXPECT_EQ(plan.rows[0].person->person_id, known_by_email);
    ASSERT_TRUE(plan.rows[1].person);
    EXPECT_EQ(plan.rows[1].person->person_id, known_by_name);
    ASSERT_TRUE(plan.rows[1].institution);
    EXPECT_EQ(plan.rows[1].institution->institution_id, caw);
    EXPECT_FALSE(plan.rows[2].person);
    EXPECT_EQ(plan.rows[3].duplicate_of_line, 4);
    EXPECT_EQ(plan.person_proposals(), 2);
    EXPECT_EQ(plan.institution_proposals(), 1);

    const auto people_before = PersonRepository(*db).count();
    EXPECT_THROW(apply_import(*db, ev, plan, {}), Error);
    EXPECT_EQ(PersonRepository(*db).count(), people_before);
    EXPECT_TRUE(regs.list(ev).empty());

    ImportOptions confirm;
    confirm.confirm_merges = true;
    const auto result = apply_import(*db, ev, plan, confirm);
    EXPECT_EQ(std::tuple(result.registrations, result.people_merged, result.people_created, result.institutions_matched,
                         result.institutions_created, result.skipped),
              std::tuple(3, 2, 1, 1, 1, 1));
    EXPECT_EQ(PersonRepository(*db).count(), people_before + 1);
    ASSERT_TRUE(regs.find(ev, known_by_name));
    EXPECT_EQ(regs.find(ev, known_by_name)->institution_id, caw);
    const auto sara = PersonRepository(*db).find_by_email("sara@example.org");
    ASSERT_TRUE(sara);
    EXPECT_EQ(regs.find(ev, sara->id)->sector_id, sector("mental_health"));

    // Importing the same file again: everyone is already registered.
    const auto again = plan_import(*db, ev, rows);
    EXPECT_FALSE(again.needs_confirmation());
    EXPECT_EQ(apply_import(*db, ev, again, {}).registrations, 0);
}

TEST_F(ExchangeImport, CreateNewRefusesTheProposals) {
    const auto caw = institution("CAW Westland", "social_aid");
    person("Jan", "Peeters", "", caw);
    const auto ev = event("exchange_table", "2025-10-16");
    const auto plan = plan_import(*db, ev, parse_registrations_csv("Prénom;Nom;Institution\nJan;Peeters;CAW (Westland)\n", "f.csv"));
    ImportOptions create;
    create.create_new = true;
    const auto before = InstitutionRepository(*db).count();
    const auto r = apply_import(*db, ev, plan, create);
    EXPECT_EQ(r.people_created, 1);
    EXPECT_EQ(r.institutions_created, 1);
    EXPECT_EQ(InstitutionRepository(*db).count(), before + 1);
}

TEST_F(ExchangeImport, RolesAndAttendanceColumnsAreReadInFrench) {
    const auto ev = event("exchange_table", "2025-10-16");
    const std::string csv = "Nom;Prénom;Rôle;Présence\n"
                            "Dubois;Marie;participant·e;oui\n"
                            "Peeters;Jan;animateur·rice;présent·e\n"
                            "Martin;Luc;intervenant·e;\n"
                            "Claes;Els;;absent·e\n"
                            "Maes;Bram;Participant;annulé\n";
    const auto plan = plan_import(*db, ev, parse_registrations_csv(csv, "f.csv"));
    const auto r = apply_import(*db, ev, plan, {});
    EXPECT_EQ(r.registrations, 5);
    std::map<std::string, std::pair<std::string, std::string>> got;  // name -> (role, status)
    for (const auto& reg : regs.list(ev)) got[reg.person_name] = {reg.role, reg.status};
    EXPECT_EQ(got["Marie Dubois"], std::make_pair(std::string("participant"), std::string("attended")));
    EXPECT_EQ(got["Jan Peeters"], std::make_pair(std::string("facilitator"), std::string("attended")));
    EXPECT_EQ(got["Luc Martin"], std::make_pair(std::string("speaker"), std::string("registered")));
    EXPECT_EQ(got["Els Claes"], std::make_pair(std::string("participant"), std::string("no_show")));
    EXPECT_EQ(got["Bram Maes"].second, "cancelled");
}
