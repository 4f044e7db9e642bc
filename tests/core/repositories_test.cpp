// Sectors, institutions (with a plugin-like table referring to them), people and their
// employment history, sessions and attendance.
#include "core/database.h"
#include "core/error.h"
#include "core/institutions.h"
#include "core/migration.h"
#include "core/people.h"
#include "core/sectors.h"
#include "core/sessions.h"
#include "test_support.h"

#include <gtest/gtest.h>

#include <utility>

using namespace maillage;

namespace {
// What a plugin would add: its own table with a foreign key to institution.
MigrationSet plugin_like() {
    return MigrationSet{"plugin_like",
                        {Migration::sql(1, "visits",
                                        "CREATE TABLE plugin_like_visit(id INTEGER PRIMARY KEY, "
                                        "institution_id INTEGER NOT NULL REFERENCES institution(id), note TEXT)")}};
}

int64_t sector(Database& db, const std::string& code) { return SectorRepository(db).find_by_code(code)->id; }

// The two institutions of the history tests: a night shelter ("Abri", homeless) and a
// mental-health service ("SSM").
std::pair<int64_t, int64_t> abri_and_ssm(Database& db) {
    return {test::add_institution(db, Institution{.name = "Abri"}, {"homeless"}),
            test::add_institution(db, Institution{.name = "SSM"}, {"mental_health"})};
}
}  // namespace

TEST(Sectors, CreateRetireRestore) {
    auto db = test::memory_db();
    SectorRepository sectors(*db);
    const auto id = sectors.create(Sector{.code = "sport", .label_fr = "sport", .label_nl = "sport",
                                          .label_en = "sport", .family = "other"});
    EXPECT_EQ(sectors.list().size(), 17u);
    EXPECT_THROW(sectors.create(Sector{.code = "sport", .label_fr = "x", .label_nl = "x", .label_en = "x"}), Error);
    EXPECT_THROW(sectors.create(Sector{.code = "", .label_fr = "x", .label_nl = "x", .label_en = "x"}), Error);
    sectors.retire(id);
    EXPECT_EQ(sectors.list().size(), 16u);
    EXPECT_EQ(sectors.list(true).size(), 17u);
    EXPECT_TRUE(sectors.get(id)->retired);
    sectors.restore(id);
    EXPECT_FALSE(sectors.get(id)->retired);
    EXPECT_EQ(sectors.find("Santé Mentale")->code, "mental_health");
    EXPECT_EQ(sectors.find("thuislozenzorg")->code, "homeless");
}

TEST(Institutions, CreateUpdateAndValidation) {
    auto db = test::memory_db();
    InstitutionRepository repo(*db);
    const auto id = repo.create(Institution{.name = "Aprèstoe", .region = "brussels", .language = "fr",
                                            .sector_ids = {sector(*db, "homeless"), sector(*db, "housing")}});
    auto i = repo.get(id);
    ASSERT_TRUE(i);
    EXPECT_EQ(i->primary_sector(), sector(*db, "homeless"));
    i->municipality = "Saint-Gilles";
    i->sector_ids = {sector(*db, "housing")};
    repo.update(*i);
    EXPECT_EQ(repo.get(id)->municipality, "Saint-Gilles");
    EXPECT_EQ(repo.get(id)->sector_ids, std::vector<int64_t>{sector(*db, "housing")});
    EXPECT_THROW(repo.create(Institution{.name = "  "}), Error);
    EXPECT_THROW(repo.create(Institution{.name = "X", .region = "paris"}), Error);
    EXPECT_THROW(repo.create(Institution{.name = "X", .language = "de"}), Error);
    EXPECT_EQ(repo.count(), 1);
    EXPECT_EQ(repo.find_by_name("aprèstoe")->id, id);
}

TEST(Institutions, MergeMovesEverythingIncludingPluginTables) {
    auto db = test::memory_db({plugin_like()});
    InstitutionRepository inst(*db);
    PersonRepository people(*db);
    SessionRepository sessions(*db);
    const auto keep = inst.create(Institution{.name = "CAW Westland", .sector_ids = {sector(*db, "social_aid")}});
    const auto dup = inst.create(Institution{.name = "CAW (Westland)", .sector_ids = {sector(*db, "housing")}});
    const auto p = people.create(Person{.first_name = "Jan", .last_name = "Peeters"});
    people.add_employment(Employment{.person_id = p, .institution_id = dup, .start_date = "2020-01-01"});
    const auto s = sessions.create(Session{.kind = "intervision", .date = "2025-03-10", .host_institution_id = dup});
    sessions.record(Attendance{.session_id = s, .person_id = p, .status = "present"});
    db->write([&] {
        SQLite::Statement ins(db->sql(), "INSERT INTO plugin_like_visit(institution_id, note) VALUES (?, 'visit')");
        ins.bind(1, dup);
        ins.exec();
    });

    inst.merge(dup, keep);
    EXPECT_EQ(inst.get(dup)->merged_into, keep);
    EXPECT_EQ(inst.count(), 1);
    EXPECT_EQ(people.employments(p)[0].institution_id, keep);
    EXPECT_EQ(sessions.get(s)->host_institution_id, keep);
    EXPECT_EQ(sessions.attendance(s)[0].institution_id, keep);
    EXPECT_EQ(db->scalar_int("SELECT institution_id FROM plugin_like_visit"), keep);
    auto sectors = inst.get(keep)->sector_ids;
    EXPECT_EQ(sectors.front(), sector(*db, "social_aid"));  // the kept record's primary stays first
    EXPECT_EQ(sectors.size(), 2u);
    EXPECT_THROW(inst.merge(keep, keep), Error);
    EXPECT_THROW(inst.merge(dup, keep), Error);  // already merged
}

TEST(People, AffiliationFollowsTheEmploymentHistory) {
    auto db = test::memory_db();
    PersonRepository people(*db);
    const auto [a, b] = abri_and_ssm(*db);
    const auto p = people.create(Person{.first_name = "Élise", .last_name = "Dupont", .roles = {"worker"}});
    people.add_employment(
        Employment{.person_id = p, .institution_id = a, .start_date = "2019-01-01", .end_date = "2024-08-31"});
    people.add_employment(Employment{.person_id = p, .institution_id = b, .sector_id = sector(*db, "addiction"),
                                     .start_date = "2024-09-01"});
    auto before = people.affiliation_at(p, "2024-08-31");
    EXPECT_EQ(before.institution_id, a);
    EXPECT_EQ(before.sector_id, sector(*db, "homeless"));  // the institution's primary sector
    auto after = people.affiliation_at(p, "2024-09-01");
    EXPECT_EQ(after.institution_id, b);
    EXPECT_EQ(after.sector_id, sector(*db, "addiction"));  // the employment's own sector
    EXPECT_FALSE(people.affiliation_at(p, "2018-12-31").institution_id);
    EXPECT_THROW(people.add_employment(Employment{.person_id = p, .institution_id = a, .start_date = "2025-02-01",
                                                  .end_date = "2025-01-01"}),
                 Error);
    EXPECT_THROW(people.add_employment(Employment{.person_id = p, .institution_id = a, .start_date = "1/9/2024"}),
                 Error);
}

TEST(Sessions, AttendanceKeepsTheInstitutionOfTheSessionDate) {
    auto db = test::memory_db();
    PersonRepository people(*db);
    SessionRepository sessions(*db);
    const auto [a, b] = abri_and_ssm(*db);
    const auto p = people.create(Person{.first_name = "Jan", .last_name = "Claes"});
    const auto job = people.add_employment(Employment{.person_id = p, .institution_id = a, .start_date = "2020-01-01"});
    const auto s = sessions.create(Session{.kind = "intervision", .date = "2024-03-04", .start_time = "09:30",
                                           .end_time = "12:00", .host_institution_id = a, .status = "held"});
    sessions.record(Attendance{.session_id = s, .person_id = p, .status = "present"});
    // Then the person changes jobs: the March 2024 attendance still counts for Abri.
    auto e = people.employments(p)[0];
    ASSERT_EQ(e.id, job);
    e.end_date = "2024-08-31";
    people.update_employment(e);
    people.add_employment(Employment{.person_id = p, .institution_id = b, .start_date = "2024-09-01"});
    auto att = sessions.attendance(s);
    ASSERT_EQ(att.size(), 1u);
    EXPECT_EQ(att[0].institution_id, a);
    EXPECT_EQ(att[0].sector_id, sector(*db, "homeless"));
    const auto later = sessions.create(Session{.kind = "intervision", .date = "2024-10-07"});
    sessions.record(Attendance{.session_id = later, .person_id = p, .status = "registered"});
    EXPECT_EQ(sessions.attendance(later)[0].institution_id, b);
    EXPECT_DOUBLE_EQ(sessions.get(s)->hours(), 2.5);
}

TEST(Sessions, ValidationNamesTheField) {
    auto db = test::memory_db();
    SessionRepository sessions(*db);
    auto message = [&](const Session& s) {
        try {
            sessions.create(s);
        } catch (const Error& e) {
            return std::string(e.what());
        }
        return std::string("accepted");
    };
    EXPECT_NE(message(Session{.kind = "x", .date = "2024-13-45"}).find("Date"), std::string::npos);
    EXPECT_NE(message(Session{.kind = "x", .date = "2024-03-04", .start_time = "25:00"}).find("Start"),
              std::string::npos);
    EXPECT_NE(message(Session{.kind = "x", .date = "2024-03-04", .start_time = "14:00", .end_time = "10:00"})
                  .find("End"),
              std::string::npos);
    EXPECT_NE(message(Session{.kind = "x", .date = "2024-03-04", .status = "maybe"}).find("Status"),
              std::string::npos);
    EXPECT_NE(message(Session{.kind = "", .date = "2024-03-04"}).find("Kind"), std::string::npos);
    const auto s = sessions.create(Session{.kind = "x", .date = "2024-03-04"});
    PersonRepository people(*db);
    const auto p = people.create(Person{.first_name = "A"});
    EXPECT_THROW(sessions.record(Attendance{.session_id = s, .person_id = p, .status = "sleeping"}), Error);
    EXPECT_THROW(sessions.record(Attendance{.session_id = s, .person_id = p, .role = "king"}), Error);
    EXPECT_TRUE(sessions.attendance(s).empty());
}
