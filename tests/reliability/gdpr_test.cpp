#include "core/audit.h"
#include "core/backup.h"
#include "core/demo_data.h"
#include "core/error.h"
#include "core/csv.h"
#include "core/gdpr.h"
#include "core/import_export.h"
#include "core/integrity.h"
#include "core/people.h"
#include "reliability_support.h"
#include "test_support.h"

#include <gtest/gtest.h>

#include <SQLiteCpp/SQLiteCpp.h>

using namespace maillage;

namespace {
struct World {
    std::unique_ptr<Database> db;
    int64_t person = 0, other = 0, institution = 0, session = 0, response = 0;
};

World make_world(std::unique_ptr<Database> db) {
    World w;
    w.db = std::move(db);
    auto& d = *w.db;
    w.institution = test::add_institution(d, "Abri de nuit Pierre d'Angle");
    w.person = test::add_person(d, "Zénobie", "Quartermaine", "zenobie.q@example.org");
    w.other = test::add_person(d, "Bo", "Peeters", "bo@example.org");
    d.write([&] {
        PersonRepository(d).add_employment(Employment{.person_id = w.person, .institution_id = w.institution,
                                                      .job_title = "éducatrice", .start_date = "2020-01-01"});
    });
    w.session = test::add_session(d, "2025-03-03", "Zénobie Quartermaine presented her service");
    test::attend(d, w.session, w.person, w.institution);
    test::attend(d, w.session, w.other, w.institution);
    w.response = test::add_response(d, w.person, "Listening without judging", "2025-06-20 10:00:00");
    test::add_response(d, 0, "Anonymous answer", "2025-06-20 10:00:00");
    return w;
}

int64_t count(Database& db, const std::string& sql) { return db.scalar_int(sql); }

// The imports of people in an export's audit entries.
int person_imports(const nlohmann::json& data) {
    int imports = 0;
    for (const auto& e : data["audit"])
        if (e["action"] == "import" && e["entity"] == "person") ++imports;
    return imports;
}
}  // namespace

TEST(Gdpr, ExportHoldsEverythingAboutThePerson) {
    auto w = make_world(test::memory_db());
    const auto data = export_person(*w.db, w.person);
    EXPECT_EQ(data["person"]["last_name"], "Quartermaine");
    EXPECT_EQ(data["person"]["email"], "zenobie.q@example.org");
    EXPECT_EQ(data["roles"], nlohmann::json::array({"worker"}));
    ASSERT_EQ(data["employments"].size(), 1u);
    EXPECT_EQ(data["employments"][0]["institution"], "Abri de nuit Pierre d'Angle");
    ASSERT_EQ(data["attendance"].size(), 1u);
    EXPECT_EQ(data["attendance"][0]["date"], "2025-03-03");
    ASSERT_EQ(data["evaluations"].size(), 1u) << "only their own, not the anonymous one";
    EXPECT_EQ(data["evaluations"][0]["answers"][0]["text"], "Listening without judging");
    ASSERT_EQ(data["mentions"].size(), 1u);
    EXPECT_EQ(data["mentions"][0]["table"], "session");
    EXPECT_FALSE(data["audit"].empty());
    // The export itself is recorded.
    EXPECT_EQ(count(*w.db, "SELECT count(*) FROM audit_log WHERE action = 'export' AND entity_id = " +
                               std::to_string(w.person)),
              1);
    EXPECT_THROW(export_person(*w.db, 9999), Error);
}

TEST(Gdpr, HtmlExportIsReadableAndEscaped) {
    auto w = make_world(test::memory_db());
    w.db->sql().exec("UPDATE person SET notes = '<script>alert(1)</script>' WHERE id = " + std::to_string(w.person));
    const auto html = person_export_html(export_person(*w.db, w.person));
    EXPECT_NE(html.find("Zénobie Quartermaine"), std::string::npos);
    EXPECT_NE(html.find("Abri de nuit Pierre d'Angle"), std::string::npos);
    EXPECT_EQ(html.find("<script>"), std::string::npos);
    EXPECT_NE(html.find("&lt;script&gt;"), std::string::npos);
}

TEST(Gdpr, ErasureKeepsFiguresAndRemovesIdentity) {
    auto w = make_world(test::memory_db());
    auto& db = *w.db;
    const auto present_before = count(db, "SELECT count(*) FROM attendance WHERE status = 'present'");
    const auto by_institution = count(db, "SELECT count(*) FROM attendance WHERE institution_id = " +
                                              std::to_string(w.institution));
    const auto outcome = erase_people(db, {w.person});
    EXPECT_EQ(outcome.erased, 1);
    auto p = PersonRepository(db).get(w.person);
    ASSERT_TRUE(p) << "the person row stays, so other tables keep valid references";
    EXPECT_TRUE(p->erased);
    EXPECT_EQ(p->first_name, "");
    EXPECT_EQ(p->email, "");
    EXPECT_EQ(count(db, "SELECT count(*) FROM attendance WHERE status = 'present'"), present_before);
    EXPECT_EQ(count(db, "SELECT count(*) FROM attendance WHERE institution_id = " + std::to_string(w.institution)),
              by_institution);
    EXPECT_EQ(count(db, "SELECT count(*) FROM employment WHERE person_id = " + std::to_string(w.person)), 0);
    EXPECT_EQ(count(db, "SELECT count(*) FROM response WHERE person_id IS NULL"), 2) << "evaluations kept, anonymous";
    EXPECT_EQ(count(db, "SELECT count(*) FROM session WHERE notes IS NOT NULL"), 0) << "the note naming them";
    EXPECT_EQ(count(db, "SELECT count(*) FROM erasure_ledger WHERE person_id = " + std::to_string(w.person)), 1);
    EXPECT_EQ(count(db, "SELECT count(*) FROM audit_log WHERE action = 'erase'"), 1);
    EXPECT_EQ(PersonRepository(db).get(w.other)->last_name, "Peeters") << "nobody else is touched";
    EXPECT_EQ(check_database(db), std::vector<std::string>{});
    EXPECT_EQ(erase_people(db, {w.person}).erased, 0) << "erasing twice is harmless";
}

TEST(Gdpr, PluginReferencesSurviveErasure) {
    auto w = make_world(test::memory_db());
    auto& db = *w.db;
    db.sql().exec("CREATE TABLE pat_team_member(id INTEGER PRIMARY KEY, person_id INTEGER NOT NULL REFERENCES "
                  "person(id), remark TEXT)");
    db.sql().exec("INSERT INTO pat_team_member(person_id, remark) VALUES (" + std::to_string(w.person) +
                  ", 'Ask zenobie.q@example.org first')");
    EXPECT_EQ(export_person(db, w.person)["other_records"]["pat_team_member"].size(), 1u);
    erase_people(db, {w.person});
    EXPECT_EQ(count(db, "SELECT count(*) FROM pat_team_member"), 1);
    EXPECT_EQ(count(db, "SELECT count(*) FROM pat_team_member WHERE remark IS NULL"), 1);
    EXPECT_EQ(count(db, "SELECT count(*) FROM pragma_foreign_key_check"), 0);
}

TEST(Gdpr, ErasedNameLingersNowhereInTheFileItsWalOrALaterBackup) {
    test::TempDir dir;
    const auto file = dir / "maillage.sqlite";
    auto w = make_world(test::file_db(file));
    auto& db = *w.db;
    db.write([&] { seed_core_demo(db, 2025); });
    // Many changes to the person so that old versions of the row are spread around.
    for (int i = 0; i < 30; ++i)
        db.sql().exec("UPDATE person SET notes = 'Quartermaine note " + std::to_string(i) + "' WHERE id = " +
                      std::to_string(w.person));
    const auto before = dir / "before.sqlite";
    backup_to(db, before);
    ASSERT_TRUE(test::file_contains(before, "Quartermaine")) << "the search itself works";
    const auto outcome = erase_people(db, {w.person});
    EXPECT_TRUE(outcome.file_scrubbed);
    const auto after = dir / "after.sqlite";
    backup_to(db, after);
    for (const char* needle : {"Quartermaine", "zenobie.q@example.org", "Zénobie"}) {
        EXPECT_FALSE(test::file_contains(file, needle)) << needle << " in the database file";
        EXPECT_FALSE(test::file_contains(dir / "maillage.sqlite-wal", needle)) << needle << " in the WAL";
        EXPECT_FALSE(test::file_contains(after, needle)) << needle << " in a backup made after";
    }
    EXPECT_EQ(check_database(db), std::vector<std::string>{});
}

TEST(Gdpr, ExportHoldsTheAuditEntriesOfEveryRowThatRefersToThePerson) {
    auto w = make_world(test::memory_db());
    auto& db = *w.db;
    const auto mine = count(db, "SELECT id FROM attendance WHERE person_id = " + std::to_string(w.person));
    const auto theirs = count(db, "SELECT id FROM attendance WHERE person_id = " + std::to_string(w.other));
    db.write([&] {
        audit(db, "status", "attendance", mine, "registered -> present");
        audit(db, "status", "attendance", theirs, "registered -> excused");
        audit(db, "note", "session", w.session, "person #" + std::to_string(w.person) + ", hosted");
        audit(db, "note", "session", w.session, "person #" + std::to_string(w.person) + "0, hosted");
    });
    const auto data = export_person(db, w.person);
    std::vector<std::string> summaries;
    for (const auto& e : data["audit"]) summaries.push_back(e["summary"].is_string() ? e["summary"].get<std::string>() : "");
    auto has = [&](const std::string& s) { return std::find(summaries.begin(), summaries.end(), s) != summaries.end(); };
    EXPECT_TRUE(has("registered -> present")) << "an entry about their attendance row";
    EXPECT_TRUE(has("person #" + std::to_string(w.person) + ", hosted")) << "an entry naming them by id";
    EXPECT_FALSE(has("registered -> excused")) << "someone else's attendance";
    EXPECT_FALSE(has("person #" + std::to_string(w.person) + "0, hosted")) << "another id that starts alike";
}

TEST(Gdpr, CheckFindsAnErasedNameLeftInTheAuditLogAndTheChainStillHolds) {
    test::TempDir dir;
    const auto file = dir / "maillage.sqlite";
    auto w = make_world(test::file_db(file));
    auto& db = *w.db;
    // A careless writer: the append-only log is out of erasure's reach.
    db.write([&] { audit(db, "enrol", "session", w.session, "Group A: Zénobie Quartermaine"); });
    erase_people(db, {w.person});
    EXPECT_EQ(verify_audit_chain(db), "");
    const auto problems = check_database(db);
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_NE(problems[0].find("person " + std::to_string(w.person) + " was erased"), std::string::npos)
        << problems[0];
    EXPECT_TRUE(test::file_contains(file, "Zénobie Quartermaine")) << "the check says what the bytes say";
}

TEST(Gdpr, CheckDoesNotBlameALivingNamesakeOrACleanErasure) {
    test::TempDir dir;
    auto w = make_world(test::file_db(dir / "maillage.sqlite"));
    auto& db = *w.db;
    test::add_person(db, "Zénobie", "Quartermaine", "other.zenobie@example.org");
    erase_people(db, {w.person});
    EXPECT_EQ(check_database(db), std::vector<std::string>{}) << "the other Zénobie Quartermaine is still here";
}

TEST(Gdpr, ExportHoldsTheImportThatCreatedThePerson) {
    auto db = test::memory_db();
    import_people(*db, csv::parse("first_name;last_name;email;institution\n"
                                  "Ann;Claes;ann@x.be;Abri\nBert;Maes;bert@x.be;Abri\nCleo;Wouters;cleo@x.be;\n",
                                  "people.csv"));
    const auto bert = PersonRepository(*db).find_by_email("bert@x.be")->id;
    const auto data = export_person(*db, bert);
    EXPECT_EQ(person_imports(data), 1) << data["audit"].dump();
    // Someone created by another import is not in it.
    import_people(*db, csv::parse("first_name;last_name;email\nDirk;Jacobs;dirk@x.be\n", "more.csv"));
    const auto dirk = PersonRepository(*db).find_by_email("dirk@x.be")->id;
    const auto dirk_data = export_person(*db, dirk);
    EXPECT_EQ(person_imports(dirk_data), 1) << dirk_data["audit"].dump();
}
