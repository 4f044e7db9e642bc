// Issue 18: 68 exchange certificates as PDF (the demo's exchange table) in well under
// 10 s, drawn with cairo and pango instead of one Chromium per page. Run by hand:
//   bin/bench_certificates            (per-person PDFs + the file with every page)
// ctest only runs a smoke pass on 3 certificates; timings are never asserted.
#include "events.h"
#include "exchange_outputs.h"
#include "exchange_schema.h"
#include "registrations.h"

#include "core/people.h"
#include "test_support.h"

#include <benchmark/benchmark.h>
#include <fmt/format.h>

namespace {

using namespace maillage;
using namespace maillage::exchange;

struct Event68 {
    std::unique_ptr<Database> db = test::memory_db({exchange_migrations()});
    int64_t event = 0;
    explicit Event68(int people) {
        EventRepository events(*db);
        Event e;
        e.type_id = events.find_type("exchange_table")->id;
        e.title = "Table d'échanges : santé mentale et sans-abrisme, quelles portes d'entrée ?";
        e.venue = "Maison des associations, Bruxelles";
        event = events.create(e);
        events.add_day(event, {.date = "2025-10-16", .start_time = "09:00", .end_time = "16:30"});
        RegistrationService regs(*db);
        for (int i = 0; i < people; ++i) {
            Person p;
            p.first_name = fmt::format("Prénom{}", i);
            p.last_name = fmt::format("Nom-Élevé{}", i);
            RegistrationRequest r;
            r.event_id = event;
            r.person_id = PersonRepository(*db).create(p);
            regs.check_in(regs.register_person(r).id);
        }
    }
};

void BM_ExchangeCertificatesPdf(benchmark::State& state) {
    Event68 world(int(state.range(0)));
    test::TempDir dir;
    for (auto _ : state) {
        auto files = write_certificates(*world.db, world.event, std::nullopt, dir.path(), true);
        benchmark::DoNotOptimize(files.all_pdf);
    }
    state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_ExchangeCertificatesPdf)->Arg(3)->Arg(68)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
