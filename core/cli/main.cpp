// maillage-cli: everything the window does, scriptable, without a GUI.
#include "cli_context.h"
#include "cli_i18n.h"

#include "core/error.h"
#include "core/i18n.h"

#include <CLI/CLI.hpp>

#include <iostream>

using namespace maillage;

namespace {
// --plugin-dir and --lang must be known before the plugins' commands can be added, so
// they are read ahead of the full parse.
cli::GlobalOptions pre_scan(int argc, char** argv) {
    cli::GlobalOptions o;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        if (a == "--") break;  // what follows is data (a file named --plugin-dir=…), never options
        auto value = [&](const std::string& name) -> std::optional<std::string> {
            if (a == name && i + 1 < argc) return std::string(argv[++i]);
            if (a.rfind(name + "=", 0) == 0) return a.substr(name.size() + 1);
            return std::nullopt;
        };
        if (auto v = value("--plugin-dir"))
            o.plugin_dirs.push_back(*v);
        else if (auto l = value("--lang"))
            o.language = *l;
    }
    return o;
}
}  // namespace

int main(int argc, char** argv) {
    auto early = pre_scan(argc, argv);
    cli::CliTranslations translations(early.language);

    cli::GlobalOptions options;
    // Plugins are loaded before parsing so that their commands exist. `run` (which holds
    // the plugin libraries) is declared before `app` so that it is destroyed after it:
    // the commands a plugin added hold callbacks whose code lives in its library.
    cli::CliRun run(options, early.plugin_dirs, std::cout, std::cerr);
    translations.load_plugin_catalogs(run.suite().plugins());

    CLI::App app{tr("Maillage command-line tool: the suite's data, reports and plugins without a window"),
                 "maillage-cli"};
    app.require_subcommand(1);
    app.add_option("--db", options.db, tr("The database file (default: the window's default database)"));
    app.add_option("--plugin-dir", options.plugin_dirs, tr("Also load plugins from this folder"));
    app.add_option("--lang", options.language, tr("Language of messages and reports: fr, nl or en"));
    app.add_flag("--read-only", options.read_only, tr("Open the database read-only"));

    cli::add_init_command(app, run);
    cli::add_plugins_command(app, run);
    cli::add_import_command(app, run);
    cli::add_export_command(app, run);
    cli::add_report_command(app, run);
    cli::add_check_command(app, run);
    cli::add_backup_command(app, run);
    cli::add_restore_command(app, run);
    cli::add_gdpr_command(app, run);
    cli::add_retention_command(app, run);
    cli::add_person_command(app, run);
    cli::add_institution_command(app, run);
    cli::add_reference_commands(app, run);
    cli::add_list_commands(app, run);
    cli::add_template_command(app, run);
    for (const auto& p : run.suite().plugins().loaded()) {
        try {
            p->plugin->add_commands(app, run.plugin_context());
        } catch (const std::exception& e) {
            std::cerr << trf("Plugin {id} could not add its commands: {reason}", fmt::arg("id", p->info.id),
                             fmt::arg("reason", e.what()))
                      << '\n';
        }
    }

    try {
        app.parse(argc, argv);
        cli::close_database(run);
        return 0;
    } catch (const CLI::ParseError& e) {
        return app.exit(e);
    } catch (const Error& e) {
        std::cerr << tr("Error: ") << e.what() << '\n';
        return 1;
    } catch (const SQLite::Exception& e) {
        std::cerr << tr("Database error: ") << e.what() << '\n';
        return 2;
    } catch (const std::exception& e) {
        std::cerr << tr("Unexpected error: ") << e.what() << '\n';
        return 3;
    }
}
