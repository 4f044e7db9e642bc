#include "cli_context.h"

#include "core/error.h"
#include "core/i18n.h"

#include <chrono>

namespace maillage::cli {

void add_init_command(CLI::App& app, CliRun& run) {
    auto* cmd = app.add_subcommand("init", tr("Create the database (or upgrade it) and optionally add demo content"));
    auto demo = std::make_shared<bool>(false);
    auto year = std::make_shared<int>(0);
    cmd->add_flag("--demo", *demo, tr("Add the demo content when the database is empty"));
    cmd->add_option("--year", *year, tr("The demo's current year (default: this year)"))
        ->check(CLI::Range(2000, 2100));
    cmd->callback([&run, demo, year] {
        const bool existed = std::filesystem::exists(run.database_path());
        run.allow_create();
        auto& db = run.database();
        // A database from a newer program was opened read-only: init cannot do its job.
        if (db.read_only()) throw Error(db.read_only_reason());
        if (*demo) {
            if (!run.suite().is_empty())
                throw Error(tr("The database already holds data; no demo content was added."));
            const int y = *year ? *year
                                : int(std::chrono::year_month_day(
                                          std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now()))
                                          .year());
            run.suite().seed_demo(y);
            run.out() << trf("Demo content for {year} added: {institutions} institutions, {people} people, "
                             "{sessions} sessions.",
                             fmt::arg("year", y),
                             fmt::arg("institutions", db.scalar_int("SELECT count(*) FROM institution")),
                             fmt::arg("people", db.scalar_int("SELECT count(*) FROM person")),
                             fmt::arg("sessions", db.scalar_int("SELECT count(*) FROM session")))
                      << '\n';
        }
        run.out() << (existed ? trf("Database ready: {file}", fmt::arg("file", db.path().string()))
                              : trf("Database created: {file}", fmt::arg("file", db.path().string())))
                  << '\n';
    });
}

}  // namespace maillage::cli
