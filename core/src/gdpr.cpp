#include "core/gdpr.h"

#include "core/audit.h"
#include "core/database.h"
#include "core/error.h"
#include "core/html.h"
#include "core/i18n.h"
#include "core/progress.h"
#include "core/sql_util.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <bitset>
#include <cstdlib>
#include <map>
#include <set>
#include <unordered_map>

namespace maillage {
namespace {
using nlohmann::json;

json column_value(const SQLite::Column& c) {
    if (c.isNull()) return nullptr;
    if (c.isInteger()) return c.getInt64();
    if (c.isFloat()) return c.getDouble();
    if (c.isBlob()) return trf("<{count} bytes>", fmt::arg("count", c.getBytes()));
    return c.getString();
}

json rows(SQLite::Statement& q) {
    json out = json::array();
    while (q.executeStep()) {
        json row = json::object();
        for (int i = 0; i < q.getColumnCount(); ++i) row[q.getColumnName(i)] = column_value(q.getColumn(i));
        out.push_back(std::move(row));
    }
    return out;
}

std::vector<std::string> user_tables(Database& db) {
    std::vector<std::string> out;
    SQLite::Statement q(db.sql(), "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' "
                                  "ORDER BY name");
    while (q.executeStep()) out.push_back(q.getColumn(0).getString());
    return out;
}

std::string lower_ascii(std::string s) {
    for (auto& c : s)
        if (c >= 'A' && c <= 'Z') c = char(c + 32);
    return s;
}

// A column whose values are a CHECK(column IN (...)) list cannot hold a name: erasure
// need not read it (attendance status and role on a million rows).
bool enumerated(const std::string& create_sql, const std::string& column) {
    const auto col = lower_ascii(column);
    for (const auto& form : {"check(" + col + " in (", "check (" + col + " in (", "check(\"" + col + "\" in (",
                             "check (\"" + col + "\" in ("})
        if (create_sql.find(form) != std::string::npos) return true;
    return false;
}

struct TextColumn {
    std::string table, column;
    bool not_null = false;
};

// Columns that can hold free text, outside the tables whose content is not personal
// prose (schema bookkeeping, the append-only logs) and the person row itself.
std::vector<TextColumn> text_columns(Database& db) {
    static const std::set<std::string> kSkip = {"person", "audit_log", "erasure_ledger", "erasure_fingerprint",
                                                "schema_version", "schema_history", "setting"};
    std::vector<TextColumn> out;
    for (const auto& table : user_tables(db)) {
        if (kSkip.count(table)) continue;
        const auto create = lower_ascii(
            db.sql()
                .execAndGet("SELECT sql FROM sqlite_master WHERE type='table' AND name=" + sql_quoted(table, '\''))
                .getString());
        SQLite::Statement cols(db.sql(), "SELECT name, upper(type), \"notnull\", pk FROM pragma_table_info(?)");
        cols.bind(1, table);
        std::set<std::string> fk_columns;
        SQLite::Statement fks(db.sql(), "SELECT \"from\" FROM pragma_foreign_key_list(?)");
        fks.bind(1, table);
        while (fks.executeStep()) fk_columns.insert(fks.getColumn(0).getString());
        while (cols.executeStep()) {
            const auto type = cols.getColumn(1).getString();
            const bool texty = type.empty() || type.find("TEXT") != std::string::npos ||
                               type.find("CHAR") != std::string::npos || type.find("CLOB") != std::string::npos;
            const auto name = cols.getColumn(0).getString();
            if (!texty || cols.getColumn(3).getInt() != 0 || fk_columns.count(name) || enumerated(create, name))
                continue;
            out.push_back({table, name, cols.getColumn(2).getInt() != 0});
        }
    }
    return out;
}

struct Identity {
    std::string first, last, email, phone;
};

std::optional<Identity> identity_of(Database& db, int64_t id, bool* erased = nullptr) {
    SQLite::Statement q(db.sql(), "SELECT coalesce(first_name,''), coalesce(last_name,''), coalesce(email,''), "
                                  "coalesce(phone,''), erased_at IS NOT NULL FROM person WHERE id = ?");
    q.bind(1, id);
    if (!q.executeStep()) return std::nullopt;
    if (erased) *erased = q.getColumn(4).getInt() != 0;
    return Identity{q.getColumn(0).getString(), q.getColumn(1).getString(), q.getColumn(2).getString(),
                    q.getColumn(3).getString()};
}

// The ways free text names someone: "First Last", "Last First", "Last, First", the
// email address and the phone number. A last name alone is too common to clear on.
std::vector<std::string> name_forms(const Identity& p) {
    std::vector<std::string> forms;
    auto add = [&](const std::string& s) {
        if (s.size() >= 4) forms.push_back(s);
    };
    if (!p.first.empty() && !p.last.empty()) {
        add(p.first + " " + p.last);
        add(p.last + " " + p.first);
        add(p.last + ", " + p.first);
    } else {
        add(p.first + p.last);
    }
    add(p.email);
    if (p.phone.size() >= 6) add(p.phone);
    return forms;
}

// Fingerprints: a Rabin-Karp hash modulo 2^61-1 over ASCII-lower-cased bytes (SQLite's
// lower(), which the erasure matches with, folds ASCII only), so one pass per length
// over the file's bytes finds every stored form.
constexpr uint64_t kMod = (uint64_t(1) << 61) - 1;
constexpr uint64_t kBase = 1000003;

uint64_t mulmod(uint64_t a, uint64_t b) {
    const auto r = static_cast<unsigned __int128>(a) * b;
    uint64_t x = uint64_t(r & kMod) + uint64_t(r >> 61);
    return x >= kMod ? x - kMod : x;
}

inline uint64_t fold(unsigned char c) { return (c >= 'A' && c <= 'Z') ? uint64_t(c + 32) : uint64_t(c); }

uint64_t fingerprint(const std::string& text) {
    uint64_t h = 0;
    for (unsigned char c : text) {
        h = mulmod(h, kBase) + fold(c);
        if (h >= kMod) h -= kMod;
    }
    return h;
}

struct Key {
    size_t length;
    uint64_t hash;
    bool operator<(const Key& o) const { return length != o.length ? length < o.length : hash < o.hash; }
};

// Which of the wanted fingerprints (length -> hash -> person) occur in the bytes.
void scan_bytes(const unsigned char* data, size_t size, const std::map<size_t, std::unordered_map<uint64_t, int64_t>>& wanted,
                std::set<int64_t>& found) {
    static constexpr size_t kBits = size_t(1) << 22;
    for (const auto& [length, hashes] : wanted) {
        if (size < length || hashes.empty()) continue;
        // A bit filter rejects nearly every position before the hash map is consulted.
        auto filter = std::make_unique<std::bitset<kBits>>();
        for (const auto& [h, person] : hashes) filter->set(h & (kBits - 1));
        uint64_t top = 1;  // kBase^(length-1)
        for (size_t i = 1; i < length; ++i) top = mulmod(top, kBase);
        uint64_t h = 0;
        for (size_t i = 0; i < length; ++i) {
            h = mulmod(h, kBase) + fold(data[i]);
            if (h >= kMod) h -= kMod;
        }
        for (size_t i = length;; ++i) {
            if (filter->test(h & (kBits - 1)))
                if (auto it = hashes.find(h); it != hashes.end()) found.insert(it->second);
            if (i == size) break;
            h = h + kMod - mulmod(fold(data[i - length]), top);
            if (h >= kMod) h -= kMod;
            h = mulmod(h, kBase) + fold(data[i]);
            if (h >= kMod) h -= kMod;
        }
    }
}

void scan_file(const std::filesystem::path& file, const std::map<size_t, std::unordered_map<uint64_t, int64_t>>& wanted,
               std::set<int64_t>& found) {
    const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return;
    struct stat st {};
    if (fstat(fd, &st) == 0 && st.st_size > 0) {
        void* map = mmap(nullptr, size_t(st.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
        if (map != MAP_FAILED) {
            madvise(map, size_t(st.st_size), MADV_SEQUENTIAL);
            scan_bytes(static_cast<const unsigned char*>(map), size_t(st.st_size), wanted, found);
            munmap(map, size_t(st.st_size));
        }
    }
    ::close(fd);
}

// Whether "...; created: #3, #7-#12" (an import's audit entry) names the id.
bool in_id_ranges(const std::string& summary, int64_t id) {
    const auto at = summary.find("created: #");
    if (at == std::string::npos) return false;
    const char* s = summary.c_str() + at + 9;
    while (*s == '#') {
        char* end = nullptr;
        const long long from = std::strtoll(s + 1, &end, 10);
        long long to = from;
        if (end[0] == '-' && end[1] == '#') to = std::strtoll(end + 2, &end, 10);
        if (id >= from && id <= to) return true;
        if (end[0] != ',' || end[1] != ' ') break;
        s = end + 2;
    }
    return false;
}

json mentions(Database& db, const Identity& p) {
    json out = json::array();
    const auto forms = name_forms(p);
    if (forms.empty()) return out;
    for (const auto& c : text_columns(db)) {
        for (const auto& form : forms) {
            SQLite::Statement q(db.sql(), "SELECT rowid, " + sql_quoted(c.column) + " FROM " + sql_quoted(c.table) +
                                              " WHERE instr(lower(" + sql_quoted(c.column) + "), lower(?)) > 0");
            q.bind(1, form);
            while (q.executeStep())
                out.push_back({{"table", c.table}, {"column", c.column}, {"row", q.getColumn(0).getInt64()},
                               {"text", q.getColumn(1).getString()}});
        }
    }
    return out;
}

std::string cell(const json& v) {
    if (v.is_null()) return "";
    if (v.is_string()) return html_escape(v.get<std::string>());
    return html_escape(v.dump());
}

std::string table_html(const json& list) {
    if (!list.is_array() || list.empty()) return "<p>" + html_escape(tr("None.")) + "</p>\n";
    std::vector<std::string> keys;
    for (const auto& row : list)
        for (auto it = row.begin(); it != row.end(); ++it)
            if (std::find(keys.begin(), keys.end(), it.key()) == keys.end()) keys.push_back(it.key());
    std::string out = "<table>\n<tr>";
    for (const auto& k : keys) out += "<th>" + html_escape(k) + "</th>";
    out += "</tr>\n";
    for (const auto& row : list) {
        out += "<tr>";
        for (const auto& k : keys) out += "<td>" + (row.contains(k) ? cell(row[k]) : std::string()) + "</td>";
        out += "</tr>\n";
    }
    return out + "</table>\n";
}
}  // namespace

json export_person(Database& db, int64_t id) {
    bool erased = false;
    const auto identity = identity_of(db, id, &erased);
    if (!identity) throw Error(trf("There is no person #{id}.", fmt::arg("id", id)));
    auto& sql = db.sql();
    json out;
    out["format"] = "maillage-person-export";
    out["version"] = 1;
    out["exported_at"] = sql.execAndGet("SELECT strftime('%Y-%m-%dT%H:%M:%SZ','now')").getString();
    {
        SQLite::Statement q(sql, "SELECT * FROM person WHERE id = ?");
        q.bind(1, id);
        out["person"] = rows(q).at(0);
    }
    {
        SQLite::Statement q(sql, "SELECT role FROM person_role WHERE person_id = ? ORDER BY role");
        q.bind(1, id);
        out["roles"] = json::array();
        while (q.executeStep()) out["roles"].push_back(q.getColumn(0).getString());
    }
    {
        SQLite::Statement q(sql, "SELECT e.id, i.name AS institution, s.code AS sector, e.job_title, e.start_date, "
                                 "e.end_date FROM employment e JOIN institution i ON i.id = e.institution_id "
                                 "LEFT JOIN sector s ON s.id = e.sector_id WHERE e.person_id = ? "
                                 "ORDER BY coalesce(e.start_date,''), e.id");
        q.bind(1, id);
        out["employments"] = rows(q);
    }
    {
        SQLite::Statement q(sql, "SELECT s.date, s.kind, s.title, s.place, a.status, a.role, a.reason, "
                                 "i.name AS institution, sc.code AS sector FROM attendance a "
                                 "JOIN session s ON s.id = a.session_id LEFT JOIN institution i ON i.id = "
                                 "a.institution_id LEFT JOIN sector sc ON sc.id = a.sector_id "
                                 "WHERE a.person_id = ? ORDER BY s.date, s.id");
        q.bind(1, id);
        out["attendance"] = rows(q);
    }
    {
        json responses = json::array();
        SQLite::Statement q(sql, "SELECT r.id, qn.code, qn.title, r.subject_kind, r.subject_id, r.submitted_at "
                                 "FROM response r JOIN questionnaire qn ON qn.id = r.questionnaire_id "
                                 "WHERE r.person_id = ? ORDER BY r.submitted_at, r.id");
        q.bind(1, id);
        while (q.executeStep()) {
            json r = {{"questionnaire", q.getColumn(1).getString()}, {"title", q.getColumn(2).getString()},
                      {"subject_kind", q.getColumn(3).getString()}, {"subject_id", q.getColumn(4).getInt64()},
                      {"submitted_at", q.getColumn(5).getString()}};
            SQLite::Statement a(sql, "SELECT qu.text AS question, an.number, an.text FROM answer an JOIN question qu "
                                     "ON qu.id = an.question_id WHERE an.response_id = ? ORDER BY qu.position");
            a.bind(1, q.getColumn(0).getInt64());
            r["answers"] = rows(a);
            responses.push_back(std::move(r));
        }
        out["evaluations"] = std::move(responses);
    }
    // Plugin tables (and any core table not shown above) that refer to the person.
    static const std::set<std::string> kShown = {"person", "person_role", "employment", "attendance", "response"};
    json other = json::object();
    for (const auto& table : user_tables(db)) {
        if (kShown.count(table)) continue;
        SQLite::Statement fks(sql, "SELECT \"from\" FROM pragma_foreign_key_list(?) WHERE \"table\" = 'person'");
        fks.bind(1, table);
        while (fks.executeStep()) {
            SQLite::Statement q(sql, "SELECT * FROM " + sql_quoted(table) + " WHERE " +
                                         sql_quoted(fks.getColumn(0).getString()) + " = ?");
            q.bind(1, id);
            auto found = rows(q);
            if (!found.empty()) other[table] = std::move(found);
        }
    }
    out["other_records"] = std::move(other);
    out["mentions"] = erased ? json::array() : mentions(db, *identity);
    {
        // Entries about the person, about any row that refers to them (enrolments,
        // registrations...: the entity names are the table names), and entries whose
        // summary names them by id ("person #12").
        std::string related;
        for (const auto& table : user_tables(db)) {
            SQLite::Statement fks(sql, "SELECT \"from\" FROM pragma_foreign_key_list(?) WHERE \"table\" = 'person'");
            fks.bind(1, table);
            while (fks.executeStep())
                related += " UNION ALL SELECT '" + table + "', rowid FROM " + sql_quoted(table) + " WHERE " +
                           sql_quoted(fks.getColumn(0).getString()) + " = ?1";
        }
        SQLite::Statement q(sql, "SELECT id, at, actor, action, entity, entity_id, summary FROM audit_log "
                                 "WHERE (entity = 'person' AND entity_id = ?1) OR summary = 'person #' || ?1 "
                                 "OR summary LIKE '%person #' || ?1 OR summary LIKE '%person #' || ?1 || ',%' "
                                 "OR summary LIKE '%person #' || ?1 || ' %' OR (entity, entity_id) IN "
                                 "(SELECT 'person', ?1" + related + ") "
                                 // Imports record the people they created in one entry, by id ranges.
                                 "UNION SELECT id, at, actor, action, entity, entity_id, summary FROM audit_log "
                                 "WHERE action = 'import' AND entity = 'person' AND summary LIKE '%created: #%' "
                                 "ORDER BY 1");
        q.bind(1, id);
        json entries = json::array();
        for (auto& row : rows(q)) {
            const auto summary = row["summary"].is_string() ? row["summary"].get<std::string>() : "";
            if (row["action"] == "import" && row["entity"] == "person" && !in_id_ranges(summary, id)) continue;
            row.erase("id");
            entries.push_back(std::move(row));
        }
        out["audit"] = std::move(entries);
    }
    if (!db.read_only()) db.write([&] { audit(db, "export", "person", id, "GDPR access request"); });
    return out;
}

std::string person_export_html(const json& data) {
    const auto& p = data.at("person");
    std::string name;
    if (p.value("erased_at", json()).is_null()) {
        name = (p.contains("first_name") && p["first_name"].is_string() ? p["first_name"].get<std::string>() : "") +
               " " + (p.contains("last_name") && p["last_name"].is_string() ? p["last_name"].get<std::string>() : "");
    } else {
        name = tr("(erased person)");
    }
    std::string out = "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" +
                      html_escape(trf("Data held about {name}", fmt::arg("name", name))) +
                      "</title>\n<style>body{font-family:sans-serif;margin:2em;max-width:60em}"
                      "table{border-collapse:collapse;margin-bottom:1em}td,th{border:1px solid #999;padding:"
                      "2px 6px;text-align:left;vertical-align:top}th{background:#eee}</style></head><body>\n";
    out += "<h1>" + html_escape(trf("Data held about {name}", fmt::arg("name", name))) + "</h1>\n";
    out += "<p>" + html_escape(trf("Exported on {date}.", fmt::arg("date", data.value("exported_at", "")))) + "</p>\n";
    out += "<h2>" + html_escape(tr("Identity")) + "</h2>\n<table>\n";
    for (auto it = p.begin(); it != p.end(); ++it)
        out += "<tr><th>" + html_escape(it.key()) + "</th><td>" + cell(it.value()) + "</td></tr>\n";
    out += "</table>\n";
    std::string roles;
    for (const auto& r : data.at("roles")) roles += (roles.empty() ? "" : ", ") + r.get<std::string>();
    out += "<h2>" + html_escape(tr("Roles")) + "</h2>\n<p>" + (roles.empty() ? html_escape(tr("None.")) : html_escape(roles)) + "</p>\n";
    out += "<h2>" + html_escape(tr("Employments")) + "</h2>\n" + table_html(data.at("employments"));
    out += "<h2>" + html_escape(tr("Attendance")) + "</h2>\n" + table_html(data.at("attendance"));
    out += "<h2>" + html_escape(tr("Evaluations")) + "</h2>\n";
    if (data.at("evaluations").empty()) out += "<p>" + html_escape(tr("None.")) + "</p>\n";
    for (const auto& r : data.at("evaluations")) {
        out += "<h3>" + html_escape(r.value("title", "")) + " (" + html_escape(r.value("submitted_at", "")) + ")</h3>\n";
        out += table_html(r.at("answers"));
    }
    out += "<h2>" + html_escape(tr("Other records")) + "</h2>\n";
    if (data.at("other_records").empty()) out += "<p>" + html_escape(tr("None.")) + "</p>\n";
    for (auto it = data.at("other_records").begin(); it != data.at("other_records").end(); ++it)
        out += "<h3>" + html_escape(it.key()) + "</h3>\n" + table_html(it.value());
    out += "<h2>" + html_escape(tr("Notes that mention them")) + "</h2>\n" + table_html(data.at("mentions"));
    out += "<h2>" + html_escape(tr("History of changes")) + "</h2>\n" + table_html(data.at("audit"));
    return out + "</body></html>\n";
}

bool scrub_database_file(Database& db) {
    if (db.path() == ":memory:") return true;
    auto& sql = db.sql();
    try {
        // secure_delete zeroes, as it happens, every byte the erasure overwrote or freed
        // (cells, index entries, freelist pages); the pages' earlier versions are in the
        // WAL, which the checkpoint writes back and TRUNCATE empties. A VACUUM, which
        // rewrites the whole file (seconds on a large one), is needed only when
        // secure_delete is off (a connection that could not turn it on).
        if (sql.execAndGet("PRAGMA secure_delete").getInt() != 1) {
            sql.exec("PRAGMA wal_checkpoint(TRUNCATE)");
            sql.exec("VACUUM");
        } else if (sql.execAndGet("PRAGMA auto_vacuum").getInt() == 2) {
            sql.exec("PRAGMA incremental_vacuum");  // give the zeroed free pages back
        }
        SQLite::Statement q(sql, "PRAGMA wal_checkpoint(TRUNCATE)");
        return q.executeStep() && q.getColumn(0).getInt() == 0;
    } catch (const SQLite::Exception& e) {
        // The erasure itself is committed; only the clean-up of old copies failed.
        throw Error(trf("The erasure is saved, but the database file could not be compacted to remove old copies "
                        "of the erased data ({reason}). Run the erasure again once the problem is solved.",
                        fmt::arg("reason", e.what())));
    }
}

std::vector<int64_t> erased_person_ids(Database& db) {
    std::vector<int64_t> out;
    if (!db.table_exists("erasure_ledger")) return out;
    SQLite::Statement q(db.sql(), "SELECT DISTINCT person_id FROM erasure_ledger ORDER BY person_id");
    while (q.executeStep()) out.push_back(q.getColumn(0).getInt64());
    return out;
}

std::vector<std::string> erased_identity_traces(Database& db) {
    std::vector<std::string> out;
    if (db.path() == ":memory:" || !db.table_exists("erasure_fingerprint")) return out;
    auto& sql = db.sql();
    std::map<Key, int64_t> erased;
    {
        // Name forms are at least 4 bytes (name_forms()); a longer bound keeps a
        // hostile file from asking for thousands of passes.
        SQLite::Statement q(sql, "SELECT person_id, length, hash FROM erasure_fingerprint "
                                 "WHERE length BETWEEN 4 AND 1024");
        while (q.executeStep())
            erased.emplace(Key{size_t(q.getColumn(1).getInt64()), uint64_t(q.getColumn(2).getInt64())},
                           q.getColumn(0).getInt64());
    }
    if (erased.empty()) return out;
    // A namesake who is still here keeps the name in the file, rightly.
    {
        SQLite::Statement q(sql, "SELECT coalesce(first_name,''), coalesce(last_name,''), coalesce(email,''), "
                                 "coalesce(phone,'') FROM person WHERE erased_at IS NULL");
        while (q.executeStep())
            for (const auto& form : name_forms(Identity{q.getColumn(0).getString(), q.getColumn(1).getString(),
                                                        q.getColumn(2).getString(), q.getColumn(3).getString()}))
                erased.erase(Key{form.size(), fingerprint(form)});
    }
    std::map<size_t, std::unordered_map<uint64_t, int64_t>> wanted;
    for (const auto& [key, person] : erased) wanted[key.length].emplace(key.hash, person);
    // Old pages wait in the WAL until a checkpoint: search what the file will hold.
    if (!db.read_only() && sqlite3_get_autocommit(sql.getHandle())) {
        try {
            sql.exec("PRAGMA wal_checkpoint(TRUNCATE)");
        } catch (const SQLite::Exception&) {
            // Busy: the WAL is searched as well below.
        }
    }
    std::set<int64_t> found;
    scan_file(db.path(), wanted, found);
    auto wal = db.path();
    wal += "-wal";
    scan_file(wal, wanted, found);
    for (const auto person : found)
        out.push_back(trf("person {id} was erased but their name, email or phone is still in the bytes of {file}",
                          fmt::arg("id", person), fmt::arg("file", db.path().string())));
    return out;
}

ErasureOutcome erase_people(Database& db, const std::vector<int64_t>& ids, const std::string& reason,
                            Progress* progress) {
    ErasureOutcome outcome;
    if (!db.table_exists("erasure_ledger") || !db.table_exists("erasure_fingerprint"))
        throw Error(tr("This database must be upgraded before people can be erased."));
    // Steps: per person, each table searched and the person's own row; then the scrub.
    std::size_t done = 0, total = 1;
    db.write([&] {
        auto& sql = db.sql();
        const auto columns = text_columns(db);
        std::set<std::string> tables;
        for (const auto& c : columns) tables.insert(c.table);
        total = ids.size() * (tables.size() + 1) + 1;
        std::size_t person_index = 0;
        for (const auto id : ids) {
            done = person_index++ * (tables.size() + 1);
            bool erased = false;
            const auto identity = identity_of(db, id, &erased);
            if (!identity) {
                if (reason == "reapplied") continue;  // created after the backup: nothing to redo
                throw Error(trf("There is no person #{id}.", fmt::arg("id", id)));
            }
            if (erased) continue;
            SQLite::Statement print(sql, "INSERT INTO erasure_fingerprint(person_id, length, hash) VALUES (?,?,?)");
            for (const auto& form : name_forms(*identity)) {
                bind_all(print, id, int64_t(form.size()), int64_t(fingerprint(form)));
                print.exec();
                print.reset();
            }
            // One pass per table, whatever the number of forms and columns.
            const auto forms = name_forms(*identity);
            for (auto it = columns.begin(); it != columns.end() && !forms.empty();) {
                auto end = std::find_if(it, columns.end(), [&](const TextColumn& c) { return c.table != it->table; });
                std::string sets, where;
                for (auto c = it; c != end; ++c) {
                    const auto col = sql_quoted(c->column);
                    std::string match, scrubbed = col;
                    for (size_t f = 1; f <= forms.size(); ++f) {
                        const auto param = "?" + std::to_string(f);
                        match += (match.empty() ? "" : " OR ") + ("instr(lower(" + col + "), lower(" + param + ")) > 0");
                        scrubbed = "replace(" + scrubbed + ", " + param + ", '[…]')";
                    }
                    // A NOT NULL column keeps its other words; a nullable one is cleared.
                    sets += (sets.empty() ? "" : ", ") + col + " = CASE WHEN " + match + " THEN " +
                            (c->not_null ? scrubbed : "NULL") + " ELSE " + col + " END";
                    where += (where.empty() ? "" : " OR ") + ("(" + col + " IS NOT NULL AND (" + match + "))");
                }
                step(progress, done++, total, trf("removing the name from {table}", fmt::arg("table", it->table)));
                SQLite::Statement up(sql, "UPDATE " + sql_quoted(it->table) + " SET " + sets + " WHERE " + where);
                for (size_t f = 0; f < forms.size(); ++f) up.bind(int(f + 1), forms[f]);
                up.exec();
                it = end;
            }
            done = person_index * (tables.size() + 1) - 1;  // a person with no name form skips the tables
            step(progress, done++, total, tr("erasing the identity"));
            SQLite::Statement person(sql, "UPDATE person SET first_name = NULL, last_name = NULL, email = NULL, "
                                          "phone = NULL, notes = NULL, erased_at = strftime('%Y-%m-%dT%H:%M:%SZ',"
                                          "'now'), updated_at = strftime('%Y-%m-%dT%H:%M:%SZ','now') WHERE id = ?");
            person.bind(1, id);
            person.exec();
            for (const char* statement : {"DELETE FROM employment WHERE person_id = ?",
                                          "UPDATE attendance SET reason = NULL WHERE person_id = ?",
                                          "UPDATE response SET person_id = NULL WHERE person_id = ?"}) {
                SQLite::Statement s(sql, statement);
                s.bind(1, id);
                s.exec();
            }
            SQLite::Statement ledger(sql, "INSERT INTO erasure_ledger(person_id, actor, reason) VALUES (?,?,?)");
            bind_all(ledger, id, db.actor(), reason);
            ledger.exec();
            audit(db, "erase", "person", id, "GDPR erasure (" + reason + ")");
            ++outcome.erased;
        }
    });
    // Inside a caller's transaction the caller scrubs once it has committed.
    // Also when they were erased already: a repeated request finishes a scrub that failed.
    // Committed: the scrub is no longer cancelled.
    if (progress) progress->report(total - 1, total, tr("clearing old copies from the file"));
    if ((outcome.erased > 0 || (!ids.empty() && reason == "request")) && sqlite3_get_autocommit(db.sql().getHandle()))
        outcome.file_scrubbed = scrub_database_file(db);
    if (progress) progress->report(total, total, tr("clearing old copies from the file"));
    return outcome;
}

}  // namespace maillage
