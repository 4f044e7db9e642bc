#include "test_fixture.h"

#include "intervision_schema.h"

#include "core/institutions.h"
#include "core/people.h"
#include "core/programmes.h"
#include "core/sectors.h"
#include "tests/support/test_support.h"

namespace maillage::intervision::test {

World::World() : db_(maillage::test::memory_db({intervision_migration_set()})) {}

int64_t World::programme(const std::string& code) {
    ProgrammeRepository repo(*db_);
    if (auto p = repo.find_by_code(code)) return p->id;
    return repo.create({0, code, code, std::nullopt, false});
}

int64_t World::institution(const std::string& name, const std::string& sector_code, const std::string& address) {
    return maillage::test::add_institution(
        *db_, {.name = name, .municipality = "Bruxelles", .postcode = "1000", .address = address}, {sector_code});
}

int64_t World::person(const std::string& name, int64_t institution_id, const std::string& role) {
    const auto email = name + std::to_string(++people_) + "@example.org";
    return maillage::test::add_person(*db_, {.first_name = name, .last_name = "Test", .email = email, .roles = {role}},
                                      institution_id);
}

int64_t World::cycle(const std::string& name, const std::string& start, const std::string& end,
                     const std::string& programme_code, const std::string& audience) {
    Cycle c;
    c.name = name;
    c.programme_id = programme(programme_code);
    c.start_date = start;
    c.end_date = end;
    c.audience = audience;
    return CycleRepository(*db_).create_cycle(c);
}

int64_t World::group(int64_t cycle_id, const std::string& name, int weekday, int week, int capacity,
                     std::optional<int64_t> f1, std::optional<int64_t> f2) {
    return CycleRepository(*db_).create_group({.cycle_id = cycle_id,
                                               .name = name,
                                               .weekday = weekday,
                                               .week_of_month = week,
                                               .capacity = capacity,
                                               .facilitator1_id = f1,
                                               .facilitator2_id = f2});
}

}  // namespace maillage::intervision::test
