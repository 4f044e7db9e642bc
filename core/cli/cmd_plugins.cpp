#include "cli_context.h"

#include "core/i18n.h"
#include "core/plugin_loader.h"

namespace maillage::cli {

void add_plugins_command(CLI::App& app, CliRun& run) {
    auto* cmd = app.add_subcommand("plugins", tr("List the loaded plugins and the refused ones with the reason"));
    // Listing never opens the database: it works on a database that is damaged or newer.
    cmd->callback([&run] {
        auto& plugins = run.suite().plugins();
        auto& out = run.out();
        out << trf("Plugin API version: {version}", fmt::arg("version", kPluginApiVersion)) << '\n';
        out << tr("Folders searched:") << '\n';
        for (const auto& f : run.options().plugin_dirs) out << "  " << f << '\n';
        for (const auto& f : default_plugin_folders()) out << "  " << f.string() << '\n';
        out << tr("Loaded plugins:") << '\n';
        for (const auto& p : plugins.loaded())
            out << "  " << p->info.id << ' ' << p->info.version << " — " << p->info.name << " ("
                << p->file.string() << ")\n";
        if (plugins.loaded().empty()) out << "  " << tr("(none)") << '\n';
        if (!plugins.refused().empty()) {
            out << tr("Refused plugins:") << '\n';
            for (const auto& r : plugins.refused()) out << "  " << r.file.string() << ": " << r.reason << '\n';
        }
    });
}

}  // namespace maillage::cli
