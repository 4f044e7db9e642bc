// libFuzzer target: the exchange registration importer (plugins/exchange) on arbitrary
// bytes, the way `exchange import` uses it: parse the web form's CSV, plan against a
// database holding an event with two tables, a known institution and a known person,
// then apply with --create-new and again with --confirm-merges. Each input runs in a
// transaction that is rolled back, so inputs do not pile up. It must import or throw
// maillage::Error (ParseError with a place) — never crash, hang or break the database.
#include "events.h"
#include "exchange_schema.h"
#include "registration_import.h"

#include "core/core_schema.h"
#include "core/database.h"
#include "core/institutions.h"
#include "core/migration.h"
#include "core/people.h"
#include "tests/fuzz/fuzz_import.h"

#include <cstdint>
#include <memory>
#include <string>

namespace {

using namespace maillage;
using namespace maillage::exchange;

struct World {
    std::unique_ptr<Database> db = Database::in_memory();
    int64_t event = 0;
    World() {
        migrate(*db, {core_migrations(), exchange_migrations()});
        EventRepository events(*db);
        Event e;
        e.type_id = events.find_type("exchange_table")->id;
        e.title = "Table";
        e.capacity = 3;
        event = events.create(e);
        Session s;
        s.date = "2099-10-16";
        s.start_time = "09:00";
        s.end_time = "16:30";
        events.add_day(event, s);
        events.add_table(event, "Accès au logement", "");
        events.add_table(event, "Santé mentale", "");
        Institution i;
        i.name = "CAW Westland";
        const auto caw = InstitutionRepository(*db).create(i);
        const auto jan = fuzz::add_known_person(*db, "Jan", "Peeters", "jan@example.org");
        Employment emp;
        emp.person_id = jan;
        emp.institution_id = caw;
        PersonRepository(*db).add_employment(emp);
    }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static World world;
    const std::string bytes(reinterpret_cast<const char*>(data), size);
    auto& db = *world.db;
    for (bool confirm : {false, true}) {
        fuzz::import_rolled_back(db, "SELECT count(*) FROM exchange_registration", [&] {
            const auto rows = parse_registrations_csv(bytes, "fuzz.csv");
            const auto plan = plan_import(db, world.event, rows);
            ImportOptions options;
            options.confirm_merges = confirm;
            options.create_new = !confirm;
            const auto result = apply_import(db, world.event, plan, options);
            if (result.registrations + result.skipped != int64_t(plan.rows.size()))
                __builtin_trap();  // every row is registered or skipped, none lost
        });
    }
    return 0;
}
