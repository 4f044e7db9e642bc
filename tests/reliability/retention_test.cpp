#include "core/error.h"
#include "core/integrity.h"
#include "core/people.h"
#include "core/retention.h"
#include "reliability_support.h"
#include "test_support.h"

#include <gtest/gtest.h>

using namespace maillage;
using namespace std::chrono;

namespace {
void backdate(Database& db, int64_t person, const std::string& when) {
    db.sql().exec("UPDATE person SET created_at = '" + when + "', updated_at = '" + when + "' WHERE id = " +
                  std::to_string(person));
}
}  // namespace

TEST(Retention, NothingIsDueWithoutAPeriod) {
    auto db = test::memory_db();
    backdate(*db, test::add_person(*db, "Old", "Timer"), "2001-01-01T00:00:00Z");
    EXPECT_TRUE(retention_due(*db, year{2026} / 6 / 1).empty());
}

TEST(Retention, InactivePeopleAreDueOnAFixedDay) {
    auto db = test::memory_db();
    const auto inst = test::add_institution(*db, "CPAS");
    const auto old_attendee = test::add_person(*db, "Ana", "Lopes");
    const auto recent_attendee = test::add_person(*db, "Bo", "Peeters");
    const auto never_came = test::add_person(*db, "Chris", "Janssens");
    for (auto p : {old_attendee, recent_attendee, never_came}) backdate(*db, p, "2019-01-10T09:00:00Z");
    test::attend(*db, test::add_session(*db, "2022-05-31"), old_attendee, inst);
    test::attend(*db, test::add_session(*db, "2024-02-01"), recent_attendee, inst);
    set_retention_years(*db, "people", 3);
    EXPECT_EQ(retention_years(*db, "people"), 3);

    auto due = retention_due(*db, year{2025} / 6 / 1);
    ASSERT_EQ(due.size(), 2u);
    EXPECT_EQ(due[0].id, never_came);  // oldest activity first
    EXPECT_EQ(due[0].last_activity, "2019-01-10");
    EXPECT_EQ(due[1].id, old_attendee);
    EXPECT_EQ(due[1].last_activity, "2022-05-31");
    // One day earlier, Ana's last session is exactly three years old: not yet due.
    EXPECT_EQ(retention_due(*db, year{2025} / 5 / 31).size(), 1u);

    const auto outcome = apply_retention(*db, due);
    EXPECT_EQ(outcome.people_erased, 2);
    EXPECT_TRUE(PersonRepository(*db).get(old_attendee)->erased);
    EXPECT_FALSE(PersonRepository(*db).get(recent_attendee)->erased);
    EXPECT_EQ(db->scalar_int("SELECT count(*) FROM attendance"), 2) << "participations stay for the figures";
    EXPECT_TRUE(retention_due(*db, year{2025} / 6 / 1).empty());
    EXPECT_EQ(check_database(*db), std::vector<std::string>{});
}

TEST(Retention, OldEvaluationsBecomeAnonymous) {
    auto db = test::memory_db();
    const auto p = test::add_person(*db, "Ana", "Lopes");
    const auto old_one = test::add_response(*db, p, "fine", "2018-06-20 10:00:00");
    test::add_response(*db, p, "great", "2024-06-20 10:00:00");
    set_retention_years(*db, "evaluations", 5);
    const auto due = retention_due(*db, year{2025} / 1 / 1);
    ASSERT_EQ(due.size(), 1u);
    EXPECT_EQ(due[0].id, old_one);
    EXPECT_EQ(apply_retention(*db, due).evaluations_anonymised, 1);
    EXPECT_EQ(db->scalar_int("SELECT count(*) FROM response WHERE person_id IS NULL"), 1);
    EXPECT_EQ(db->scalar_int("SELECT count(*) FROM answer"), 2) << "the answers stay for the summaries";
    EXPECT_FALSE(PersonRepository(*db).get(p)->erased);
}

TEST(Retention, BadSettingsAreRefused) {
    auto db = test::memory_db();
    EXPECT_THROW(set_retention_years(*db, "people", 0), Error);
    EXPECT_THROW(set_retention_years(*db, "photos", 2), Error);
    EXPECT_THROW(parse_iso_day("2025-02-30"), Error);
    EXPECT_EQ(parse_iso_day("2024-02-29"), year{2024} / 2 / 29);
}
