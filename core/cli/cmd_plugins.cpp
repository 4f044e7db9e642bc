#include "cli_context.h"

#include "core/i18n.h"

namespace maillage::cli {

void add_plugins_command(CLI::App& app, CliRun& run) {
    auto* cmd = app.add_subcommand("plugins", tr("List the loaded plugins and the refused ones with the reason"));
    cmd->callback([&run] {
        auto& plugins = run.suite().plugins();
        run.out() << tr("Loaded plugins:") << '\n';
        for (const auto& p : plugins.loaded())
            run.out() << "  " << p->info.id << ' ' << p->info.version << " — " << p->info.name << " ("
                      << p->file.string() << ")\n";
        if (plugins.loaded().empty()) run.out() << "  " << tr("(none)") << '\n';
        if (!plugins.refused().empty()) {
            run.out() << tr("Refused plugins:") << '\n';
            for (const auto& r : plugins.refused()) run.out() << "  " << r.file.string() << ": " << r.reason << '\n';
        }
    });
}

}  // namespace maillage::cli
