// Spreading participants over tables with a balanced sector mix.
#include "table_assignment.h"
#include "test_helpers.h"

#include "core/error.h"

#include <map>

using namespace maillage;
using namespace maillage::exchange;
using ExchangeAssignment = test_helpers::ExchangeDb;

TEST_F(ExchangeAssignment, ChoicesAreKeptAndTheRestIsSpreadWithSectorsBalanced) {
    const auto ev = event("exchange_table", "2025-10-16");
    const auto t1 = events.add_table(ev, "Premier contact", "");
    const auto t2 = events.add_table(ev, "Continuité", "");
    const auto homeless = sector("homeless"), mental = sector("mental_health");
    std::vector<int64_t> ids;
    // 6 homeless aid, 4 mental health, 2 unknown; one of the homeless chose table 2,
    // one mental-health worker is on the waiting list (not seated).
    for (int k = 0; k < 6; ++k) ids.push_back(reg(ev, person("H", "h" + std::to_string(k)), "participant", {}, homeless).id);
    for (int k = 0; k < 4; ++k) ids.push_back(reg(ev, person("M", "m" + std::to_string(k)), "participant", {}, mental).id);
    for (int k = 0; k < 2; ++k) ids.push_back(reg(ev, person("U", "u" + std::to_string(k))).id);
    SQLite::Statement choose(db->sql(), "UPDATE exchange_registration SET table_choice_id = ? WHERE id = ?");
    choose.bind(1, t2);
    choose.bind(2, ids[0]);
    choose.exec();
    const auto cancelled = reg(ev, person("C", "c"), "participant", {}, mental);
    regs.set_status(cancelled.id, "cancelled", "Malade");

    const auto result = assign_tables(*db, ev);
    EXPECT_EQ(result.by_choice, 1);
    EXPECT_EQ(result.spread, 11);
    EXPECT_EQ(result.per_table.at(t1), 6);
    EXPECT_EQ(result.per_table.at(t2), 6);
    EXPECT_EQ(regs.get(ids[0])->table_id, t2);
    EXPECT_FALSE(regs.get(cancelled.id)->table_id.has_value());

    std::map<std::pair<int64_t, int64_t>, int> mix;  // (table, sector or -1) -> people
    for (const auto& r : regs.list(ev))
        if (r.table_id) ++mix[{*r.table_id, r.sector_id.value_or(-1)}];
    EXPECT_EQ((mix[{t1, homeless}]), 3);
    EXPECT_EQ((mix[{t2, homeless}]), 3);
    EXPECT_EQ((mix[{t1, mental}]), 2);
    EXPECT_EQ((mix[{t2, mental}]), 2);
    EXPECT_EQ((mix[{t1, -1}]), 1);
    EXPECT_EQ((mix[{t2, -1}]), 1);

    // Deterministic: reassigning everyone gives the same seats.
    std::map<int64_t, int64_t> first;
    for (const auto& r : regs.list(ev))
        if (r.table_id) first[r.id] = *r.table_id;
    assign_tables(*db, ev, true);
    for (const auto& r : regs.list(ev))
        if (r.table_id) {
            EXPECT_EQ(first[r.id], *r.table_id);
        }
}

TEST_F(ExchangeAssignment, AnEventWithoutTablesIsRefused) {
    const auto ev = event("exchange_table", "2025-10-16");
    reg(ev, person("A", "a"));
    EXPECT_THROW(assign_tables(*db, ev), Error);
}
