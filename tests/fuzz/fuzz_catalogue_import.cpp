// libFuzzer target: the catalogue's registration importer (`catalogue
// import-registrations`) on arbitrary bytes, against a database with one edition, two
// trainings (one with two seats, to reach the waiting list) and a known person. Each
// input runs in a transaction that is rolled back. It must import every row or throw
// maillage::Error (ParseError with a place) and change nothing — never crash or hang.
#include "catalogue_import.h"
#include "catalogue_schema.h"
#include "catalogue_store.h"

#include "core/core_schema.h"
#include "core/database.h"
#include "core/institutions.h"
#include "core/migration.h"
#include "tests/fuzz/fuzz_import.h"

#include <cstdint>
#include <memory>
#include <string>

namespace {

using namespace maillage;
using namespace maillage::catalogue;

struct World {
    std::unique_ptr<Database> db = Database::in_memory();
    World() {
        migrate(*db, {core_migrations(), catalogue_migration_set()});
        CatalogueStore store(*db);
        catalog::ModuleSheet m;
        m.code = "M1";
        m.theme_code = "mental_health";
        m.duration_minutes = 180;
        m.title = {"Titre", "Titel", {}};
        store.save_module(m);
        store.ensure_edition("2025", 2025);
        for (const char* code : {"T1", "T2"}) {
            TrainingInput in;
            in.edition = "2025";
            in.code = code;
            in.title = {std::string("Formation ") + code, std::string("Vorming ") + code, {}};
            in.seats = code[1] == '1' ? 2 : 0;
            in.module_codes = {"M1"};
            store.create_training(in);
        }
        fuzz::add_known_person(*db, "Worker", "Known", "known@example.org");
    }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static World world;
    const std::string bytes(reinterpret_cast<const char*>(data), size);
    auto& db = *world.db;
    fuzz::import_rolled_back(db, "SELECT count(*) FROM person", [&] {
        const auto report = import_registrations(db, bytes, "fuzz.csv", "T1");
        if (report.registered + report.waiting + report.already + report.duplicates_in_file != report.rows)
            __builtin_trap();  // every row has one outcome: no row is silently dropped
    });
    return 0;
}
