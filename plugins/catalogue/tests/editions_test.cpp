// Catalogue editions as reference data: created and edited by code, refused when the
// code or year is wrong, retired (never deleted) with their trainings kept.
#include "catalogue_editions.h"
#include "catalogue_schema.h"
#include "catalogue_store.h"
#include "core/database.h"
#include "core/error.h"
#include "fixture.h"
#include "test_support.h"

#include <gtest/gtest.h>

using namespace maillage;
using namespace maillage::catalogue;

namespace {

Edition edition(const std::string& code, int year, const std::string& title = {}) {
    Edition e;
    e.code = code;
    e.year = year;
    e.title = title;
    return e;
}

}  // namespace

TEST(Editions, CreateListEditByCode) {
    auto db = test::memory_db({catalogue_migration_set()});
    EditionRepository repo(*db);
    repo.create(edition("2025", 2025));
    const auto id = repo.create(edition("2026", 2026, "Formations 2026"));
    const auto all = repo.list();
    ASSERT_EQ(all.size(), 2u);
    EXPECT_EQ(all[0].code, "2026");  // newest year first
    EXPECT_EQ(all[0].id, id);
    EXPECT_EQ(all[0].title, "Formations 2026");

    auto e = *repo.find("2026");
    e.code = "2026-27";
    e.title = "Catalogue 2026-2027";
    repo.update(e);
    EXPECT_FALSE(repo.find("2026"));
    EXPECT_EQ(repo.find("2026-27")->title, "Catalogue 2026-2027");
    EXPECT_EQ(repo.find("2026-27")->id, id);
}

TEST(Editions, BadInputIsRefusedAndChangesNothing) {
    auto db = test::memory_db({catalogue_migration_set()});
    EditionRepository repo(*db);
    repo.create(edition("2026", 2026));
    EXPECT_THROW(repo.create(edition("", 2026)), Error);
    EXPECT_THROW(repo.create(edition("2026", 2026)), Error);  // duplicate code
    EXPECT_THROW(repo.create(edition("1900", 1900)), Error);
    auto other = edition("2027", 2027);
    other.id = repo.create(other);
    other.code = "2026";  // would collide
    EXPECT_THROW(repo.update(other), Error);
    EXPECT_EQ(repo.list().size(), 2u);
    EXPECT_TRUE(repo.find("2027"));
}

TEST(Editions, RetiredEditionKeepsItsTrainingsButTakesNoNewOne) {
    auto db = test::memory_db({catalogue_migration_set()});
    EditionRepository repo(*db);
    const auto id = repo.create(edition("2024", 2024));
    CatalogueStore store(*db);
    TrainingInput t;
    t.edition = "2024";
    t.code = "SM-2024";
    t.title.fr = "Sensibilisation à la santé mentale";
    store.create_training(t);

    repo.retire(id);
    EXPECT_TRUE(repo.list().empty());
    const auto all = repo.list(true);
    ASSERT_EQ(all.size(), 1u);
    EXPECT_TRUE(all[0].retired);
    EXPECT_EQ(all[0].trainings, 1);
    EXPECT_TRUE(store.training("SM-2024"));  // nothing deleted

    t.code = "SM-2024-bis";
    EXPECT_THROW(store.create_training(t), Error);
    EXPECT_FALSE(store.training("SM-2024-bis"));
}

TEST(Editions, CopyToNextYearKeepsTheModulesAndClearsTheDates) {
    fixture::World w;
    auto t = w.training("SM-2025-01", {"M1", "M2"}, 16);
    w.day(t, "2025-03-10", "09:30", "15:30", {}, "planned");
    w.training("CRISE", {"M3"});
    CatalogueStore store(*w.db);
    store.retire_module("M2");
    EXPECT_TRUE(store.module_retired("M2"));
    EditionRepository repo(*w.db);
    Edition next;
    next.code = "2026";
    next.year = 2026;
    const auto id = repo.copy("2025", next);
    EXPECT_GT(id, 0);
    const auto copied = store.training("SM-2026-01");
    ASSERT_TRUE(copied) << "the year in the code follows the edition";
    EXPECT_EQ(copied->input.edition, "2026");
    EXPECT_EQ(copied->input.status, "proposed");
    EXPECT_EQ(copied->input.seats, 16);
    EXPECT_TRUE(copied->day_session_ids.empty()) << "dates cleared";
    EXPECT_EQ(copied->input.module_codes, std::vector<std::string>{"M1"}) << "the retired module is left out";
    EXPECT_TRUE(store.training("CRISE-2026"));
    EXPECT_EQ(store.trainings("2025").size(), 2u) << "the old edition keeps its trainings";
    EXPECT_THROW(repo.copy("2025", next), Error) << "the code is taken now";
    EXPECT_THROW(repo.copy("1999", edition("2030", 2030)), Error);
}
