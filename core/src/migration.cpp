#include "core/migration.h"

#include "core/backup.h"
#include "core/database.h"
#include "core/error.h"
#include "core/i18n.h"
#include "core/sql_util.h"

namespace maillage {
namespace {
void ensure_tables(SQLite::Database& db) {
    db.exec(R"(CREATE TABLE IF NOT EXISTS schema_version(
                 namespace TEXT PRIMARY KEY, version INTEGER NOT NULL);
               CREATE TABLE IF NOT EXISTS schema_history(
                 namespace TEXT NOT NULL, version INTEGER NOT NULL, description TEXT NOT NULL,
                 applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),
                 PRIMARY KEY(namespace, version)))");
}

bool holds_data(Database& db) {
    return db.scalar_int("SELECT count(*) FROM sqlite_master WHERE type='table'") > 0;
}
}  // namespace

Migration Migration::sql(int version, std::string description, std::string script) {
    return Migration{version, std::move(description),
                     [script = std::move(script)](SQLite::Database& db) { db.exec(script); }};
}

int schema_version(Database& db, const std::string& ns) {
    if (!db.table_exists("schema_version")) return 0;
    SQLite::Statement q(db.sql(), "SELECT version FROM schema_version WHERE namespace = ?");
    q.bind(1, ns);
    return q.executeStep() ? q.getColumn(0).getInt() : 0;
}

MigrationOutcome migrate(Database& db, const std::vector<MigrationSet>& sets,
                         std::optional<std::filesystem::path> backup_dir) {
    MigrationOutcome outcome;
    std::vector<MigrationStatus> pending;
    for (const auto& set : sets) {
        MigrationStatus status{set.ns, schema_version(db, set.ns), set.latest()};
        if (status.current > status.latest) {
            outcome.newer_than_program = trf(
                "This database was written by a newer version of Maillage ({part} schema {found}, "
                "this program knows {known}). It is open read-only; install the newer version to change it.",
                fmt::arg("part", set.ns), fmt::arg("found", status.current), fmt::arg("known", status.latest));
            db.set_read_only(outcome.newer_than_program);
            return outcome;
        }
        if (status.current < status.latest) pending.push_back(status);
    }
    if (pending.empty()) return outcome;
    if (db.read_only())
        throw ReadOnlyError(tr("The database needs an upgrade but is open read-only."));

    if (holds_data(db) && db.path() != ":memory:") {
        const auto dir = backup_dir.value_or(db.path().parent_path() / "backups");
        auto target = backup_name(dir, db.path(), "before-upgrade");
        backup_to(db, target);
        outcome.backup = target;
    }

    db.write([&] {
        ensure_tables(db.sql());
        for (const auto& set : sets) {
            const int current = schema_version(db, set.ns);
            for (const auto& step : set.steps) {
                if (step.version <= current) continue;
                try {
                    step.apply(db.sql());
                } catch (const std::exception& e) {
                    throw Error(trf("Upgrading {part} to schema {version} ({what}) failed: {reason}. "
                                    "Nothing was changed.",
                                    fmt::arg("part", set.ns), fmt::arg("version", step.version),
                                    fmt::arg("what", step.description), fmt::arg("reason", e.what())));
                }
                SQLite::Statement h(db.sql(),
                                    "INSERT INTO schema_history(namespace, version, description) VALUES (?,?,?)");
                bind_all(h, set.ns, step.version, step.description);
                h.exec();
            }
            SQLite::Statement v(db.sql(),
                                "INSERT INTO schema_version(namespace, version) VALUES (?, ?) "
                                "ON CONFLICT(namespace) DO UPDATE SET version = excluded.version");
            bind_all(v, set.ns, set.latest());
            v.exec();
        }
        const auto violations = db.scalar_int("SELECT count(*) FROM pragma_foreign_key_check");
        if (violations > 0)
            throw Error(trf("The upgrade would leave {count} broken references; nothing was changed.",
                            fmt::arg("count", violations)));
    });
    outcome.applied = std::move(pending);
    return outcome;
}

}  // namespace maillage
