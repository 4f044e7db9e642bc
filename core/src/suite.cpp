#include "core/suite.h"

#include "core/demo_data.h"
#include "core/error.h"
#include "core/i18n.h"

namespace maillage {

Suite::Suite(const std::vector<std::filesystem::path>& plugin_folders, const std::filesystem::path& crash_sentinel,
             const PluginLoader::CrashedPluginQuestion& skip_crashed, PluginModules modules) {
    loader_.set_crash_sentinel(crash_sentinel);
    loader_.load_folders(plugin_folders, skip_crashed, modules);
}

Suite::~Suite() {
    // The database goes before the plugins: no plugin object may still use it then.
    db_.reset();
}

Database& Suite::open(const std::filesystem::path& file, Database::Access access) {
    db_.reset();
    db_ = std::make_unique<Database>(file, access);
    migrate();
    return *db_;
}

Database& Suite::open_in_memory() {
    db_ = Database::in_memory();
    migrate();
    return *db_;
}

void Suite::migrate() {
    outcome_ = {};
    std::vector<std::pair<std::string, std::string>> owners;
    for (const auto& p : loader_.loaded())
        if (p->plugin) owners.emplace_back(p->info.id, p->info.name);
    db_->set_table_owners(std::move(owners));
    if (db_->read_only()) {
        // Only check: a read-only database that needs an upgrade is shown as it is.
        for (const auto& set : loader_.migration_sets())
            if (schema_version(*db_, set.ns) > set.latest())
                db_->set_read_only(trf("This database was written by a newer version of Maillage ({part}).",
                                       fmt::arg("part", set.ns)));
        return;
    }
    outcome_ = maillage::migrate(*db_, loader_.migration_sets());
}

Database& Suite::database() {
    if (!db_) throw Error(tr("No database is open."));
    return *db_;
}

void Suite::close() { db_.reset(); }

bool Suite::is_empty() {
    return database().scalar_int("SELECT (SELECT count(*) FROM institution) + (SELECT count(*) FROM person)") == 0;
}

void Suite::seed_demo(int year) {
    auto& db = database();
    db.write(tr("Add the demo content"), [&] {
        seed_core_demo(db, year);
        DemoContext context{year};
        // A plugin whose demo fails is disabled; its part of the demo is rolled back
        // with its savepoint, the rest stays.
        loader_.for_each(tr("writing its demo content"), [&](LoadedPlugin& p) {
            db.write([&] { p.plugin->seed_demo(db, context); });
        });
    });
}

Report Suite::report(const ReportScope& scope, Progress* progress) {
    return build_report(database(), scope, loader_.report_sections(), progress);
}

}  // namespace maillage
