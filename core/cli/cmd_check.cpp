#include "cli_context.h"

#include "core/i18n.h"
#include "core/integrity.h"

namespace maillage::cli {

void add_check_command(CLI::App& app, CliRun& run) {
    auto* cmd = app.add_subcommand(
        "check", tr("Check the database: storage integrity, references, the audit log's chain and the suite's rules"));
    cmd->callback([&run] {
        auto& db = run.database();
        const auto problems = check_database(db, run.suite().plugins().migration_sets());
        if (problems.empty()) {
            run.out() << trf("{file}: no problem found.", fmt::arg("file", db.path().string())) << '\n';
            return;
        }
        run.out() << trf("{file}: {count} problem(s) found:", fmt::arg("file", db.path().string()),
                         fmt::arg("count", problems.size()))
                  << '\n';
        for (const auto& p : problems) run.out() << "  - " << p << '\n';
        throw CLI::RuntimeError(1);
    });
}

}  // namespace maillage::cli
