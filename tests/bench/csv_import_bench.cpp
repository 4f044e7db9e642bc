// CSV import of N people (parse, checks, repositories, audit, one transaction) against
// the floor: raw sqlite3 inserts of the same rows in one transaction. Not run by ctest
// except as a smoke run on 100 rows.
#include "core/csv.h"
#include "core/database.h"
#include "core/import_export.h"
#include "test_support.h"

#include <benchmark/benchmark.h>
#include <fmt/format.h>

namespace {

std::string people_csv(int n) {
    std::string text = "first_name;last_name;email;language;roles;institution;job_title;start_date\r\n";
    for (int i = 0; i < n; ++i)
        text += fmt::format("Prénom{0};Nom{0};person{0}@example.org;fr;worker;Institution {1};"
                            "assistant·e social·e;01/09/20{2:02}\r\n",
                            i, i % 50, 10 + i % 14);
    return text;
}

// Parsing alone: bytes to rows and fields, with the encoding and shape checks.
void BM_CsvParse(benchmark::State& state) {
    const auto text = people_csv(int(state.range(0)));
    for (auto _ : state) {
        auto table = maillage::csv::parse(text, "people.csv");
        benchmark::DoNotOptimize(table.rows.size());
    }
    state.SetItemsProcessed(state.iterations() * state.range(0));
    state.SetBytesProcessed(state.iterations() * int64_t(text.size()));
}

void BM_CsvImportPeople(benchmark::State& state) {
    const auto text = people_csv(int(state.range(0)));
    for (auto _ : state) {
        state.PauseTiming();
        auto db = maillage::test::memory_db();
        state.ResumeTiming();
        auto table = maillage::csv::parse(text, "people.csv");
        auto result = maillage::import_people(*db, table);
        benchmark::DoNotOptimize(result.creates);
    }
    state.SetItemsProcessed(state.iterations() * state.range(0));
}

void BM_RawSqliteInsertPeople(benchmark::State& state) {
    const int n = int(state.range(0));
    for (auto _ : state) {
        state.PauseTiming();
        auto db = maillage::test::memory_db();
        state.ResumeTiming();
        db->write([&] {
            SQLite::Statement ins(db->sql(),
                                  "INSERT INTO person(first_name, last_name, email, language) VALUES (?,?,?,'fr')");
            for (int i = 0; i < n; ++i) {
                ins.bind(1, fmt::format("Prénom{}", i));
                ins.bind(2, fmt::format("Nom{}", i));
                ins.bind(3, fmt::format("person{}@example.org", i));
                ins.exec();
                ins.reset();
            }
        });
    }
    state.SetItemsProcessed(state.iterations() * state.range(0));
}

}  // namespace

BENCHMARK(BM_CsvParse)->Arg(100)->Arg(10000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_CsvImportPeople)->Arg(100)->Arg(10000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_RawSqliteInsertPeople)->Arg(100)->Arg(10000)->Unit(benchmark::kMillisecond);
BENCHMARK_MAIN();
