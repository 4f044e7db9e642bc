#include "catalogue_rules.h"
#include "core/error.h"
#include "fixture.h"

#include <gtest/gtest.h>

using namespace maillage;
using namespace maillage::catalogue;

TEST(DurationComposition, SumsModulesAndCountsDays) {
    auto d = compose_duration({180, 180, 120, 45});
    EXPECT_EQ(d.minutes, 525);
    EXPECT_EQ(d.full_days, 1);
    EXPECT_EQ(d.remaining_minutes, 165);
    EXPECT_EQ(d.days_needed(), 2);
    EXPECT_DOUBLE_EQ(d.hours(), 8.75);
    EXPECT_EQ(compose_duration({360, 360, 360}).days_needed(), 3);
    EXPECT_EQ(compose_duration({}).days_needed(), 0);
    EXPECT_THROW(compose_duration({60, -5}), Error);
}

TEST(DurationComposition, FromModuleCodesUsesCurrentSheets) {
    fixture::World w;
    EXPECT_EQ(compose_modules(*w.db, {"M1", "M2", "M3"}).minutes, 480);
    auto sheet = CatalogueStore(*w.db).module("M3")->sheet;
    sheet.duration_minutes = 240;  // a new version of the sheet
    CatalogueStore(*w.db).save_module(sheet);
    EXPECT_EQ(compose_modules(*w.db, {"M1", "M2", "M3"}).minutes, 600);
    EXPECT_THROW(compose_modules(*w.db, {"NOPE"}), Error);
}

TEST(ModuleVersions, EachEditIsAVersionAndTrainingsKeepTheirs) {
    fixture::World w;
    CatalogueStore store(*w.db);
    auto t = w.training("T1", {"M1"});
    auto sheet = store.module("M1")->sheet;
    EXPECT_EQ(store.save_module(sheet), store.module("M1")->version_id) << "saving an unchanged sheet adds no version";
    sheet.objectives = "New objectives";
    store.save_module(sheet);
    EXPECT_EQ(store.versions("M1").size(), 2u);
    EXPECT_EQ(store.module("M1")->sheet.version, 2);
    auto used = store.module_version(store.training(t)->module_version_ids[0]);
    EXPECT_EQ(used->sheet.version, 1);
    EXPECT_EQ(used->sheet.objectives, "");
}

TEST(TrainerChecks, FlagsUnqualifiedPairSizeAndDoubleBooking) {
    fixture::World w;
    CatalogueStore store(*w.db);
    auto m1 = store.module("M1")->module_id, m2 = store.module("M2")->module_id, m3 = store.module("M3")->module_id;
    store.qualify(w.trainers[0], m1);
    store.qualify(w.trainers[0], m2);
    store.qualify(w.trainers[1], m1);  // t2 not qualified for M2
    store.qualify(w.trainers[0], m3);
    store.qualify(w.trainers[2], m3);
    auto t1 = w.training("T1", {"M1", "M2"});
    auto d1 = w.day(t1, "2025-03-10", "09:30", "15:30", {w.trainers[0], w.trainers[1]});
    auto flags = check_day(*w.db, d1);
    ASSERT_EQ(flags.size(), 1u);
    EXPECT_EQ(flags[0].kind, DayFlag::Kind::NotQualified);
    EXPECT_EQ(flags[0].person_id, w.trainers[1]);
    EXPECT_EQ(flags[0].module_code, "M2");

    // t1 also teaches T2 from 13:00 the same day: both days see the double booking.
    auto t2 = w.training("T2", {"M3"});
    auto d2 = w.day(t2, "2025-03-10", "13:00", "15:00", {w.trainers[0], w.trainers[2]});
    auto f2 = check_day(*w.db, d2);
    ASSERT_EQ(f2.size(), 1u);
    EXPECT_EQ(f2[0].kind, DayFlag::Kind::DoubleBooked);
    EXPECT_EQ(f2[0].other_session_id, d1);
    EXPECT_EQ(check_day(*w.db, d1).size(), 2u);

    // Back-to-back is not a double booking; a lone trainer is flagged.
    auto d3 = w.day(t2, "2025-03-17", "15:30", "17:30", {w.trainers[0]});
    w.day(t1, "2025-03-17", "09:30", "15:30", {w.trainers[0], w.trainers[1]});
    auto f3 = check_day(*w.db, d3);
    ASSERT_EQ(f3.size(), 1u);
    EXPECT_EQ(f3[0].kind, DayFlag::Kind::PairSize);

    // An unavailable trainer is flagged.
    store.add_unavailability(w.trainers[2], "2025-03-01", "2025-03-31", "holiday");
    bool unavailable = false;
    for (const auto& f : check_day(*w.db, d2)) unavailable |= f.kind == DayFlag::Kind::Unavailable;
    EXPECT_TRUE(unavailable);
}

TEST(TrainerChecks, OverlapRule) {
    EXPECT_TRUE(times_overlap("09:00", "12:00", "11:59", "13:00"));
    EXPECT_FALSE(times_overlap("09:00", "12:00", "12:00", "13:00"));
    EXPECT_TRUE(times_overlap("", "", "14:00", "15:00"));
}
