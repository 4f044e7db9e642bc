#include "cli_context.h"

#include "core/i18n.h"

#include <chrono>

namespace maillage::cli {

void add_init_command(CLI::App& app, CliRun& run) {
    auto* cmd = app.add_subcommand("init", tr("Create the database (or upgrade it) and optionally add demo content"));
    auto demo = std::make_shared<bool>(false);
    auto year = std::make_shared<int>(0);
    cmd->add_flag("--demo", *demo, tr("Add the demo content when the database is empty"));
    cmd->add_option("--year", *year, tr("The demo's current year (default: this year)"));
    cmd->callback([&run, demo, year] {
        auto& db = run.database();
        if (*demo) {
            if (!run.suite().is_empty()) {
                run.err() << tr("The database already holds data; no demo content was added.") << '\n';
                throw CLI::RuntimeError(1);
            }
            const int y = *year ? *year
                                : int(std::chrono::year_month_day(
                                          std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now()))
                                          .year());
            run.suite().seed_demo(y);
        }
        run.out() << trf("Database ready: {file}", fmt::arg("file", db.path().string())) << '\n';
    });
}

}  // namespace maillage::cli
