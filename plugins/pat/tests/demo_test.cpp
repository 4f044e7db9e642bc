#include "accompaniments.h"
#include "pat_demo.h"
#include "pat_figures.h"
#include "pat_schema.h"

#include "core/demo_data.h"
#include "core/plugin_api.h"
#include "tests/support/test_support.h"

#include <gtest/gtest.h>

#include <set>

namespace maillage::pat::test {
namespace {

TEST(PatDemo, CoversEveryPhaseBothRegionsThreeFundersAndEveryTypeOverTwoYears) {
    auto db = maillage::test::memory_db({pat_migrations()});
    db->write([&] {
        seed_core_demo(*db, 2026);
        seed_pat_demo(*db, DemoContext{2026});
    });
    AccompanimentRepository repo(*db);
    std::set<std::string> phases, regions, funders;
    for (const auto& a : repo.list()) {
        phases.insert(a.phase);
        regions.insert(a.region);
        funders.insert(a.funder_code);
    }
    EXPECT_EQ(phases.size(), 6u);
    EXPECT_TRUE(regions.count("brussels") && regions.count("wallonia"));
    EXPECT_GE(funders.size(), 3u);
    for (int year : {2025, 2026}) {
        ReportScope scope;
        scope.year = year;
        const auto f = compute_figures(*db, scope);
        EXPECT_GT(f.sessions, 0) << year;
        EXPECT_GT(f.organisations, 0) << year;
        if (year == 2026) {
            for (const auto& t : f.by_type) EXPECT_GT(t.count, 0) << t.code;
            EXPECT_GT(f.follow_up_sessions, 0);
            EXPECT_GT(f.trainings, 0);
            EXPECT_GT(f.advocacy_total, 0);
        }
    }
}

}  // namespace
}  // namespace maillage::pat::test
