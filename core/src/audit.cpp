#include "core/audit.h"

#include "core/database.h"
#include "core/i18n.h"
#include "core/sql_util.h"

#include <nettle/sha2.h>

#include <SQLiteCpp/SQLiteCpp.h>

namespace maillage {
namespace {
std::string sha256_hex(const std::string& text) {
    sha256_ctx ctx;
    sha256_init(&ctx);
    sha256_update(&ctx, text.size(), reinterpret_cast<const uint8_t*>(text.data()));
    uint8_t digest[SHA256_DIGEST_SIZE];
    sha256_digest(&ctx, sizeof digest, digest);
    static const char* hex = "0123456789abcdef";
    std::string out;
    for (auto b : digest) {
        out += hex[b >> 4];
        out += hex[b & 15];
    }
    return out;
}

std::string entry_text(const std::string& prev, const std::string& at, const std::string& actor,
                       const std::string& action, const std::string& entity, const std::string& entity_id,
                       const std::string& summary) {
    // Unit separators keep fields from running into each other.
    const char sep = '\x1f';
    return prev + sep + at + sep + actor + sep + action + sep + entity + sep + entity_id + sep + summary;
}
}  // namespace

void audit(Database& db, const std::string& action, const std::string& entity,
           std::optional<int64_t> entity_id, const std::string& summary) {
    auto& sql = db.sql();
    std::string prev = "genesis";
    {
        SQLite::Statement last(sql, "SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1");
        if (last.executeStep()) prev = last.getColumn(0).getString();
    }
    const std::string at = sql.execAndGet("SELECT strftime('%Y-%m-%dT%H:%M:%SZ','now')").getString();
    const std::string id_text = entity_id ? std::to_string(*entity_id) : "";
    const auto hash = sha256_hex(entry_text(prev, at, db.actor(), action, entity, id_text, summary));
    SQLite::Statement ins(sql,
                          "INSERT INTO audit_log(at, actor, action, entity, entity_id, summary, prev_hash, hash) "
                          "VALUES (?,?,?,?,?,?,?,?)");
    bind_all(ins, at, db.actor(), action, entity);
    if (entity_id)
        ins.bind(5, *entity_id);
    else
        ins.bind(5);
    ins.bind(6, summary);
    ins.bind(7, prev);
    ins.bind(8, hash);
    ins.exec();
}

void retire_row(Database& db, const std::string& table, int64_t id) {
    db.write([&] {
        if (exec_sql(db.sql(),
                     "UPDATE " + table +
                         " SET retired_at = strftime('%Y-%m-%d','now') WHERE id = ? AND "
                         "retired_at IS NULL",
                     id) == 1)
            audit(db, "retire", table, id, "");
    });
}

std::string verify_audit_chain(Database& db) {
    SQLite::Statement q(db.sql(),
                        "SELECT id, at, actor, action, entity, coalesce(entity_id,''), coalesce(summary,''), "
                        "prev_hash, hash FROM audit_log ORDER BY id");
    std::string prev = "genesis";
    while (q.executeStep()) {
        const auto id = q.getColumn(0).getInt64();
        const std::string entity_id = q.getColumn(5).isInteger() ? std::to_string(q.getColumn(5).getInt64())
                                                                 : q.getColumn(5).getString();
        const auto expected = sha256_hex(entry_text(prev, q.getColumn(1).getString(), q.getColumn(2).getString(),
                                                    q.getColumn(3).getString(), q.getColumn(4).getString(),
                                                    entity_id, q.getColumn(6).getString()));
        if (q.getColumn(7).getString() != prev || q.getColumn(8).getString() != expected)
            return trf("audit log entry {id} does not match the chain: it was altered or an entry before it "
                       "was removed",
                       fmt::arg("id", id));
        prev = q.getColumn(8).getString();
    }
    return {};
}

}  // namespace maillage
