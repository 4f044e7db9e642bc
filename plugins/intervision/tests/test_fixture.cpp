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
    Institution i;
    i.name = name;
    i.address = address;
    i.municipality = "Bruxelles";
    i.postcode = "1000";
    i.sector_ids.push_back(SectorRepository(*db_).find_by_code(sector_code)->id);
    return InstitutionRepository(*db_).create(i);
}

int64_t World::person(const std::string& name, int64_t institution_id, const std::string& role) {
    PersonRepository people(*db_);
    Person p;
    p.first_name = name;
    p.last_name = "Test";
    p.email = name + std::to_string(++people_) + "@example.org";
    p.roles = {role};
    const auto id = people.create(p);
    Employment e;
    e.person_id = id;
    e.institution_id = institution_id;
    e.start_date = "2020-01-01";
    people.add_employment(e);
    return id;
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
    Group g;
    g.cycle_id = cycle_id;
    g.name = name;
    g.weekday = weekday;
    g.week_of_month = week;
    g.capacity = capacity;
    g.facilitator1_id = f1;
    g.facilitator2_id = f2;
    return CycleRepository(*db_).create_group(g);
}

}  // namespace maillage::intervision::test
