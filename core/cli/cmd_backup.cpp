#include "cli_context.h"

#include "core/backup.h"
#include "core/backup_policy.h"
#include "core/error.h"
#include "core/i18n.h"

namespace maillage::cli {

void add_backup_command(CLI::App& app, CliRun& run) {
    auto* cmd = app.add_subcommand("backup", tr("Write a verified copy of the database (default: into the "
                                                "\"backups\" folder beside it)"));
    auto to = std::make_shared<std::string>();
    auto list = std::make_shared<bool>(false);
    cmd->add_option("--to", *to, tr("The backup file to write"));
    cmd->add_flag("--list", *list, tr("List the backups beside the database, newest first, with their state"));
    cmd->callback([&run, to, list] {
        if (*list) {
            const auto path = run.database_path();
            const auto all = list_backups(default_backup_dir(path), path);
            if (all.empty()) run.out() << tr("No backup found.") << '\n';
            for (const auto& b : all) {
                const auto problem = check_file(b.file);
                run.out() << b.file.string() << "  " << (problem.empty() ? tr("good") : trf("damaged: {problem}",
                                                                                            fmt::arg("problem", problem)))
                          << '\n';
            }
            return;
        }
        auto& db = run.database();
        const std::filesystem::path target =
            to->empty() ? backup_name_at(default_backup_dir(db.path()), db.path(), "manual", local_now())
                        : std::filesystem::path(*to);
        backup_to(db, target);
        run.out() << trf("Backup written and verified: {file}", fmt::arg("file", target.string())) << '\n';
    });
}

void close_database(CliRun& run) {
    if (!run.suite().is_open()) return;
    auto& db = run.suite().database();
    if (!db.read_only()) {
        try {
            if (auto file = backup_if_due(db))
                run.err() << trf("Daily backup written: {file}", fmt::arg("file", file->string())) << '\n';
        } catch (const Error& e) {
            run.err() << trf("Warning: the daily backup failed: {reason}", fmt::arg("reason", e.what())) << '\n';
        }
    }
    run.suite().close();
}

}  // namespace maillage::cli
