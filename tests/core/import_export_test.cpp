// CSV import/export of institutions and people: all-or-nothing, matched, round trip.
#include "core/csv.h"
#include "core/error.h"
#include "core/import_export.h"
#include "core/institutions.h"
#include "core/people.h"
#include "core/sectors.h"
#include "core/single_line.h"
#include "expect_error.h"
#include "test_support.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include <sstream>

using namespace maillage;

namespace {
csv::Table table(const std::string& text) { return csv::parse(text, "import.csv"); }

template <class F>
ParseError import_error(F&& fn) {
    return test::parse_error_of(std::forward<F>(fn), "no ParseError");
}

// A database holding the institutions then the people of two CSV files (as Data > Import
// reads them, the institutions first so that the people's jobs find them).
std::unique_ptr<Database> imported(const std::string& institutions, const std::string& people) {
    auto db = test::memory_db();
    import_institutions(*db, csv::parse(institutions, "institutions.csv"));
    import_people(*db, csv::parse(people, "people.csv"));
    return db;
}

// What Data > Export writes for `db`: its institutions and its people as CSV text.
struct Exports {
    std::string institutions, people;
};
Exports exports(Database& db) {
    std::ostringstream institutions, people;
    export_institutions(db, institutions);
    export_people(db, people);
    return {institutions.str(), people.str()};
}

int64_t rows(Database& db, const char* t) { return db.scalar_int(std::string("SELECT count(*) FROM ") + t); }
}  // namespace

TEST(ImportInstitutions, CreatesThenUpdatesByNameIgnoringCase) {
    auto db = test::memory_db();
    auto first = import_institutions(*db, table("Nom;Région;Langue;Secteurs;Commune\n"
                                                "Abri de nuit;Bruxelles;FR;homeless|santé mentale;Ixelles\n"
                                                "CAW Westland;Vlaanderen;nederlands;social_aid;Brugge\n"));
    EXPECT_EQ(first.creates, 2);
    InstitutionRepository repo(*db);
    auto abri = repo.find_by_name("abri de nuit");
    ASSERT_TRUE(abri);
    EXPECT_EQ(abri->region, "brussels");
    EXPECT_EQ(abri->language, "fr");
    ASSERT_EQ(abri->sector_ids.size(), 2u);
    EXPECT_EQ(SectorRepository(*db).get(abri->sector_ids[0])->code, "homeless");

    auto second = import_institutions(*db, table("name,municipality\nABRI DE NUIT,Etterbeek\n"));
    EXPECT_EQ(second.updates, 1);
    EXPECT_EQ(second.creates, 0);
    EXPECT_EQ(repo.count(), 2);
    abri = repo.get(abri->id);
    EXPECT_EQ(abri->municipality, "Etterbeek");
    EXPECT_EQ(abri->region, "brussels");  // columns absent from the file are kept
}

TEST(ImportInstitutions, BadRowRejectsWholeFileAndNamesTheValue) {
    auto db = test::memory_db();
    const auto before = rows(*db, "audit_log");
    auto e = import_error([&] {
        import_institutions(*db, table("name;region;sectors\nA;Bruxelles;homeless\nB;Mars;homeless\n"));
    });
    EXPECT_EQ(e.line(), 3);
    EXPECT_EQ(e.column(), 2);
    EXPECT_EQ(e.field(), "region");
    EXPECT_NE(e.reason().find("\"Mars\""), std::string::npos);
    EXPECT_EQ(rows(*db, "institution"), 0);
    EXPECT_EQ(rows(*db, "audit_log"), before);

    e = import_error([&] { import_institutions(*db, table("name;sectors\nA;astrology\n")); });
    EXPECT_NE(e.reason().find("unknown sector \"astrology\""), std::string::npos);
    e = import_error([&] { import_institutions(*db, table("name;language\nA;klingon\n")); });
    EXPECT_NE(e.reason().find("\"klingon\""), std::string::npos);
    e = import_error([&] { import_institutions(*db, table("region\nBruxelles\n")); });
    EXPECT_NE(e.reason().find("unknown required column"), std::string::npos);
    e = import_error([&] { import_institutions(*db, table("name\nA\na\n")); });
    EXPECT_EQ(e.line(), 3);
    EXPECT_EQ(rows(*db, "institution"), 0);
}

TEST(ImportInstitutions, PreviewWritesNothing) {
    auto db = test::memory_db();
    InstitutionRepository(*db).create(Institution{.name = "Existing"});
    const auto audit_before = rows(*db, "audit_log");
    auto p = preview_institutions(*db, table("name;municipality\nexisting;Ixelles\nNew one;\n"));
    ASSERT_EQ(p.rows.size(), 2u);
    EXPECT_EQ(p.rows[0].action, ImportRow::Action::Update);
    EXPECT_EQ(p.rows[1].action, ImportRow::Action::Create);
    EXPECT_EQ(p.rows[1].line, 3);
    EXPECT_EQ(p.columns, (std::vector<std::string>{"name", "municipality"}));
    EXPECT_EQ(rows(*db, "institution"), 1);
    EXPECT_EQ(rows(*db, "audit_log"), audit_before);
}

TEST(ImportPeople, CreatesPeopleJobsAndMissingInstitutions) {
    auto db = test::memory_db();
    InstitutionRepository(*db).create(Institution{.name = "CPAS de Namur"});
    auto p = import_people(*db, table("prénom;nom;email;rôles;institution;secteur;fonction;date de début\n"
                                      "Élise;Dupont;elise@example.org;worker|pair-aidante;cpas de namur;"
                                      "santé mentale;assistante sociale;01/09/2023\n"
                                      "Jan;Peeters;jan@example.org;trainer;Nieuw Huis;;;\n"
                                      "Ann;Claes;;worker;nieuw huis;;;2024-01-15\n"));
    EXPECT_EQ(p.creates, 3);
    EXPECT_EQ(p.new_institutions, std::vector<std::string>{"Nieuw Huis"});
    EXPECT_EQ(rows(*db, "institution"), 2);  // "nieuw huis" is the same new institution
    PersonRepository people(*db);
    auto elise = people.find_by_email("ELISE@example.org");
    ASSERT_TRUE(elise);
    EXPECT_TRUE(elise->has_role("peer_worker"));
    EXPECT_TRUE(elise->has_role("worker"));
    auto jobs = people.employments(elise->id);
    ASSERT_EQ(jobs.size(), 1u);
    EXPECT_EQ(jobs[0].start_date, "2023-09-01");
    EXPECT_EQ(jobs[0].job_title, "assistante sociale");
    EXPECT_EQ(SectorRepository(*db).get(*jobs[0].sector_id)->code, "mental_health");
}

TEST(ImportPeople, JobChangeClosesThePreviousJobTheDayBefore) {
    auto db = test::memory_db();
    import_people(*db, table("first_name;last_name;email;institution;start_date\nA;B;a@b.be;Old;2020-01-01\n"));
    auto p = import_people(*db, table("first_name;last_name;email;institution;start_date\nA;B;A@B.BE;New;2024-09-01\n"));
    EXPECT_EQ(p.updates, 1);
    PersonRepository people(*db);
    const auto id = people.find_by_email("a@b.be")->id;
    auto jobs = people.employments(id);
    ASSERT_EQ(jobs.size(), 2u);
    EXPECT_EQ(jobs[0].end_date, "2024-08-31");
    InstitutionRepository inst(*db);
    EXPECT_EQ(people.affiliation_at(id, "2024-08-31").institution_id, inst.find_by_name("Old")->id);
    EXPECT_EQ(people.affiliation_at(id, "2024-09-01").institution_id, inst.find_by_name("New")->id);
    EXPECT_EQ(rows(*db, "person"), 1);
}

TEST(ImportPeople, BadRowsAreReportedAndNothingIsWritten) {
    auto db = test::memory_db();
    const std::string head = "first_name;last_name;email;language;roles;sector;institution;start_date\n";
    auto e = import_error([&] { import_people(*db, table(head + "A;B;a@b.be;fr;worker;;X;2024-02-30\n")); });
    EXPECT_EQ(e.field(), "start_date");
    EXPECT_NE(e.reason().find("2024-02-30"), std::string::npos);
    e = import_error([&] { import_people(*db, table(head + "A;B;a@b.be;fr;wizard;;X;\n")); });
    EXPECT_EQ(e.field(), "roles");
    EXPECT_NE(e.reason().find("\"wizard\""), std::string::npos);
    e = import_error([&] { import_people(*db, table(head + "A;B;a@b.be;de;worker;;X;\n")); });
    EXPECT_EQ(e.field(), "language");
    e = import_error([&] { import_people(*db, table(head + "A;B;not-an-email;fr;worker;;X;\n")); });
    EXPECT_EQ(e.field(), "email");
    e = import_error([&] { import_people(*db, table(head + "A;B;a@b.be;fr;worker;;X;\nC;D;A@b.be;fr;;;;\n")); });
    EXPECT_EQ(e.line(), 3);
    e = import_error([&] { import_people(*db, table(head + "A;B;a@b.be;fr;worker;nowhere;X;\n")); });
    EXPECT_NE(e.reason().find("unknown sector \"nowhere\""), std::string::npos);
    EXPECT_EQ(rows(*db, "person"), 0);
    EXPECT_EQ(rows(*db, "institution"), 0);
}

// 10,000 new people at once take the bulk path (secondary indexes built again at the
// end): every index is back as it was, and people are found by email, name and job.
TEST(ImportPeople, ALargeImportKeepsEveryIndexAndFindsPeopleByEmailNameAndJob) {
    auto db = test::memory_db();
    auto indexes = [&] {
        std::vector<std::string> sql;
        SQLite::Statement q(db->sql(), "SELECT sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND "
                                       "tbl_name IN ('person', 'employment') ORDER BY name");
        while (q.executeStep()) sql.push_back(q.getColumn(0).getString());
        return sql;
    };
    const auto before = indexes();
    ASSERT_FALSE(before.empty());
    std::string text = "first_name;last_name;email;institution;start_date\n";
    for (int i = 0; i < 10000; ++i)
        text += "Prénom" + std::to_string(i) + ";Nom" + std::to_string(i) + ";p" + std::to_string(i) +
                "@example.org;Maison " + std::to_string(i % 7) + ";2024-01-01\n";
    EXPECT_EQ(import_people(*db, table(text)).creates, 10000);
    EXPECT_EQ(indexes(), before);
    EXPECT_EQ(rows(*db, "person"), 10000);
    PersonRepository people(*db);
    const auto found = people.find_by_email("P9999@EXAMPLE.ORG");
    ASSERT_TRUE(found);
    EXPECT_EQ(found->last_name, "Nom9999");
    EXPECT_EQ(people.employments(found->id).size(), 1u);
    EXPECT_EQ(db->sql().execAndGet("SELECT count(*) FROM person WHERE last_name = 'nom42' COLLATE NOCASE").getInt64(), 1);
    SQLite::Statement plan(db->sql(), "EXPLAIN QUERY PLAN SELECT id FROM person WHERE email = 'x' COLLATE NOCASE");
    ASSERT_TRUE(plan.executeStep());
    EXPECT_NE(plan.getColumn(3).getString().find("person_email"), std::string::npos);
    EXPECT_EQ(db->sql().execAndGet("PRAGMA integrity_check").getString(), "ok");
}

TEST(ExportImport, RoundTripKeepsEveryColumn) {
    auto db = imported("name;region;language;sectors;municipality;notes\n"
                       "\"Maison; \"\"Accueil\"\"\";wallonia;bilingual;housing|youth;Liège;"
                       "\"two\nlines\"\n",
                       "first_name;last_name;email;roles;institution;sector;job_title;start_date\n"
                       "Élise;Dupont;e@x.be;peer_worker|worker;\"Maison; \"\"Accueil\"\"\";housing;"
                       "pair-aidante;2022-03-01\n");
    const auto first = exports(*db);

    auto copy = imported(first.institutions, first.people);
    const auto second = exports(*copy);
    EXPECT_EQ(first.institutions, second.institutions);
    EXPECT_EQ(first.people, second.people);
    EXPECT_NE(first.people.find("peer_worker|worker"), std::string::npos);
    EXPECT_NE(first.institutions.find("housing|youth"), std::string::npos);
}

TEST(ParseDate, AcceptsIsoAndDayFirst) {
    EXPECT_EQ(parse_date("2024-09-01"), "2024-09-01");
    EXPECT_EQ(parse_date("1/9/2024"), "2024-09-01");
    EXPECT_EQ(parse_date("29.02.2024"), "2024-02-29");
    EXPECT_EQ(parse_date("29/02/2023"), "");
    EXPECT_EQ(parse_date("2024-13-01"), "");
    EXPECT_EQ(parse_date("1/9-2024"), "");
    EXPECT_EQ(parse_date("soon"), "");
}

// Re-importing an export must not touch anything: an update bumps updated_at, which
// restarts the retention clock, and writes audit entries for nothing.
TEST(ExportImport, ReimportingAnUnchangedExportWritesNothing) {
    auto db = imported("name;region;language;sectors;municipality;notes\n"
                       "Maison Accueil;wallonia;bilingual;housing|youth;Liège;calme\n"
                       "CAW Westland;flanders;nl;social_aid;Brugge;\n",
                       "first_name;last_name;email;phone;roles;institution;sector;job_title;start_date;notes\n"
                       "Élise;Dupont;e@x.be;+32 2 123 45 67;peer_worker|worker;Maison Accueil;housing;"
                       "pair-aidante;2022-03-01;aime le vélo\n"
                       "Jan;Peeters;jan@x.be;;worker;CAW Westland;;;;\n"
                       "Ana;Silva;ana@x.be;;staff;;;;;\n");
    // A clock in the past, so that a bump would show.
    db->sql().exec("UPDATE person SET updated_at = '2001-01-01T00:00:00Z'");
    db->sql().exec("UPDATE institution SET updated_at = '2001-01-01T00:00:00Z'");
    const auto exported = exports(*db);
    const auto audit_before = rows(*db, "audit_log");

    const auto preview = preview_people(*db, csv::parse(exported.people, "people.csv"));
    EXPECT_EQ(preview.unchanged, 3);
    EXPECT_EQ(preview.updates, 0);
    ASSERT_EQ(preview.rows.size(), 3u);
    for (const auto& r : preview.rows) EXPECT_EQ(r.action, ImportRow::Action::Unchanged) << r.key;

    const auto i = import_institutions(*db, csv::parse(exported.institutions, "institutions.csv"));
    EXPECT_EQ(i.unchanged, 2);
    EXPECT_EQ(i.updates + i.creates, 0);
    const auto p = import_people(*db, csv::parse(exported.people, "people.csv"));
    EXPECT_EQ(p.unchanged, 3);
    EXPECT_EQ(p.updates + p.creates, 0);
    EXPECT_EQ(rows(*db, "audit_log"), audit_before) << "no audit entry for rows that change nothing";
    EXPECT_EQ(db->scalar_int("SELECT count(*) FROM person WHERE updated_at <> '2001-01-01T00:00:00Z'"), 0);
    EXPECT_EQ(db->scalar_int("SELECT count(*) FROM institution WHERE updated_at <> '2001-01-01T00:00:00Z'"), 0);

    // One changed cell: that row alone is an update.
    auto text = exported.people;
    const std::string old_note = "aime le vélo";
    text.replace(text.find(old_note), old_note.size(), "aime la mer");
    const auto changed = import_people(*db, csv::parse(text, "people.csv"));
    EXPECT_EQ(changed.updates, 1);
    EXPECT_EQ(changed.unchanged, 2);
    EXPECT_EQ(db->scalar_int("SELECT count(*) FROM person WHERE updated_at <> '2001-01-01T00:00:00Z'"), 1);
}

// Issue 16 item 4: a line break or another control character in a one-line cell (a
// name, an email...) refuses the file with the cell's line and column; nothing is written.
TEST(ImportPeople, ALineBreakInANameIsRefusedWithItsLineAndColumn) {
    auto db = test::memory_db();
    auto e = import_error([&] {
        import_people(*db, table("first_name;last_name;email\nAnn;Ok;a@x.org\n"
                                 "Eve;\"Doe\r\nBcc: all@evil.example\";e@x.org\n"));
    });
    EXPECT_EQ(e.line(), 3);
    EXPECT_EQ(e.column(), 2);
    EXPECT_EQ(e.field(), "last_name");
    EXPECT_NE(e.reason().find("line break"), std::string::npos) << e.reason();
    for (const char* cell : {"\"A\tB\"", "\"A\x01" "B\"", "\"A\xE2\x80\xA8" "B\"", "\"A\xC2\x85" "B\""}) {
        auto c = import_error([&] { import_people(*db, table(std::string("first_name;last_name\nAnn;") + cell + "\n")); });
        EXPECT_EQ(c.line(), 2) << cell;
        EXPECT_EQ(c.column(), 2) << cell;
    }
    auto i = import_error([&] { import_institutions(*db, table("name;email\n\"Abri\nde nuit\";a@x.org\n")); });
    EXPECT_EQ(i.line(), 2);
    EXPECT_EQ(i.column(), 1);
    EXPECT_EQ(rows(*db, "person"), 0);
    EXPECT_EQ(rows(*db, "institution"), 0);
    // Notes and addresses may hold several lines.
    EXPECT_EQ(import_people(*db, table("first_name;last_name;notes\nAnn;Ok;\"two\nlines\"\n")).creates, 1);
}

TEST(SingleLine, EntitiesRefuseControlCharactersAndHeadersStripThem) {
    auto db = test::memory_db();
    Person p;
    p.first_name = "Eve\nBcc: x@evil.example";
    try {
        PersonRepository(*db).create(p);
        FAIL() << "no error";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("First name"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("line break (at character 4)"), std::string::npos) << e.what();
    }
    Institution i;
    i.name = "Abri\r\nde nuit";
    EXPECT_THROW(InstitutionRepository(*db).create(i), Error);
    EXPECT_EQ(rows(*db, "person"), 0);
    EXPECT_EQ(header_text("Eve\r\nBcc: x\x01\xC2\x85y"), "Eve Bcc: x y");
    EXPECT_EQ(header_text("Élodie Van-Damme"), "Élodie Van-Damme");
    EXPECT_EQ(control_character_at("Élodie"), std::string_view::npos);
}
