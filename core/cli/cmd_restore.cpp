#include "cmd_common.h"

#include "core/i18n.h"
#include "core/restore.h"

namespace maillage::cli {

void add_restore_command(CLI::App& app, CliRun& run) {
    const auto help = tr("Replace the database with a backup, after checking the backup; the replaced database is "
                         "kept and erasures are applied again");
    add_required_command(app, "restore", help, "FILE", tr("The backup to restore"), [&run](const std::string& file) {
        // The live database must not be open here: the swap replaces its file.
        run.suite().close();
        const auto live = run.database_path();
        const auto outcome = restore_backup(file, live);
        run.out() << trf("Restored {backup} as {file}.", fmt::arg("backup", file), fmt::arg("file", live.string()))
                  << '\n';
        if (outcome.replaced_copy)
            run.out() << trf("The replaced database is kept in {copy}.", fmt::arg("copy", outcome.replaced_copy->string()))
                      << '\n';
        if (outcome.erasures_reapplied > 0)
            run.out() << trf("{count} erasure(s) made after the backup were applied again.",
                             fmt::arg("count", outcome.erasures_reapplied))
                      << '\n';
    });
}

}  // namespace maillage::cli
