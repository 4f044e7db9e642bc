#include "core/entity_import.h"

#include "core/database.h"
#include "core/error.h"
#include "core/i18n.h"
#include "core/import_export.h"
#include "core/institutions.h"
#include "core/known_values.h"
#include "core/locale_format.h"
#include "core/people.h"
#include "core/programmes.h"
#include "core/sectors.h"
#include "core/single_line.h"
#include "core/sql_util.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <map>
#include <atomic>
#include <mutex>

namespace maillage {
namespace {

std::mutex& registry_mutex() {
    static std::mutex m;
    return m;
}
std::vector<EntityImporter>& registry() {
    static std::vector<EntityImporter> r;
    return r;
}
void ensure_core_importers() {
    // Registered by the first caller (the program's start, before any thread); the flag is
    // set first because register_core_importers() comes back through register_importer().
    static std::atomic<bool> done{false};
    if (!done.exchange(true)) register_core_importers();
}

// Thrown to roll a dry run back once everything was checked.
struct DryRun {};

std::string lower_ascii(std::string s) {
    for (auto& c : s) c = char(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

}  // namespace

void register_importer(EntityImporter importer) {
    ensure_core_importers();
    std::lock_guard lock(registry_mutex());
    auto& r = registry();
    auto it = std::find_if(r.begin(), r.end(), [&](const auto& e) { return e.sheet == importer.sheet; });
    if (it != r.end())
        *it = std::move(importer);
    else
        r.push_back(std::move(importer));
}

std::vector<EntityImporter> registered_importers() {
    ensure_core_importers();
    std::lock_guard lock(registry_mutex());
    auto r = registry();
    std::stable_sort(r.begin(), r.end(), [](const auto& a, const auto& b) {
        return a.order != b.order ? a.order < b.order : a.sheet < b.sheet;
    });
    return r;
}

std::optional<EntityImporter> find_importer(const std::string& sheet) {
    const auto key = csv::normalize_header(sheet);
    for (auto& i : registered_importers())
        if (csv::normalize_header(i.sheet) == key) return i;
    return std::nullopt;
}

ImportCount run_import(Database& db, const EntityImporter& importer, const csv::Table& table, bool dry_run) {
    ImportCount count;
    try {
        db.write(trf("import {what} from {file}", fmt::arg("what", importer.title()), fmt::arg("file", table.file)),
                 [&] {
                     count = importer.apply(db, table);
                     if (dry_run) throw DryRun{};
                 });
    } catch (const DryRun&) {
    }
    return count;
}

WorkbookImport import_workbook(Database& db, const std::vector<xlsx::Sheet>& sheets, bool dry_run) {
    WorkbookImport result;
    const auto importers = registered_importers();
    std::vector<std::pair<const EntityImporter*, const xlsx::Sheet*>> plan;
    for (const auto& s : sheets) {
        if (!s.name.empty() && s.name[0] == '_') continue;  // the template's _readme and _lists
        const auto key = csv::normalize_header(s.name);
        auto it = std::find_if(importers.begin(), importers.end(),
                               [&](const auto& i) { return csv::normalize_header(i.sheet) == key; });
        if (it == importers.end()) {
            result.ignored.push_back(s.name);
            continue;
        }
        plan.emplace_back(&*it, &s);
    }
    std::stable_sort(plan.begin(), plan.end(), [](const auto& a, const auto& b) { return a.first->order < b.first->order; });
    try {
        db.write(tr("import a workbook"), [&] {
            for (const auto& [importer, sheet] : plan) {
                if (sheet->table.header.empty()) continue;  // an empty sheet of the template
                result.sheets.emplace_back(importer->sheet, importer->apply(db, sheet->table));
            }
            if (dry_run) throw DryRun{};
        });
    } catch (const DryRun&) {
    }
    return result;
}

std::optional<int64_t> id_text(const std::string& text) {
    if (text.size() < 2 || text[0] != '#') return std::nullopt;
    const auto digits = text.substr(1);
    if (digits.size() > 17 || digits.find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
    return std::stoll(digits);
}

void RowReader::fail(const csv::Row& row, Col c, const std::string& reason) const {
    if (c) t_.fail(row, *c, reason);
    t_.fail(row, reason);
}

std::string RowReader::text(const csv::Row& row, Col c) const {
    t_.require_single_line(row, c);
    return t_.value(row, c);
}

std::string RowReader::required(const csv::Row& row, Col c) const {
    auto v = text(row, c);
    if (v.empty()) fail(row, c, tr("a value is required here"));
    return v;
}

std::string RowReader::date(const csv::Row& row, Col c, bool required) const {
    const auto v = text(row, c);
    if (v.empty()) {
        if (required) fail(row, c, tr("a date is required here (2025-03-10 or 10/03/2025)"));
        return {};
    }
    std::string error;
    auto iso = locale::parse_date(v, &error);
    if (!iso) fail(row, c, error.empty() ? trf("\"{value}\" is not a date", fmt::arg("value", v)) : error);
    return *iso;
}

std::string RowReader::time(const csv::Row& row, Col c) const {
    auto v = text(row, c);
    if (v.empty()) return {};
    for (auto& ch : v)
        if (ch == 'h' || ch == 'H' || ch == '.') ch = ':';
    if (v.back() == ':') v += "00";
    const auto colon = v.find(':');
    const auto h = v.substr(0, colon), m = colon == std::string::npos ? "00" : v.substr(colon + 1);
    const bool digits = !h.empty() && h.size() <= 2 && m.size() == 2 &&
                        h.find_first_not_of("0123456789") == std::string::npos &&
                        m.find_first_not_of("0123456789") == std::string::npos;
    if (!digits || std::stoi(h) > 23 || std::stoi(m) > 59)
        fail(row, c, trf("\"{value}\" is not a time (09:30 expected)", fmt::arg("value", text(row, c))));
    return fmt::format("{:02}:{}", std::stoi(h), m);
}

std::optional<int64_t> RowReader::integer(const csv::Row& row, Col c, int64_t min, int64_t max) const {
    const auto v = text(row, c);
    if (v.empty()) return std::nullopt;
    const auto digits = v.substr(v[0] == '-' ? 1 : 0);
    if (digits.empty() || digits.size() > 12 || digits.find_first_not_of("0123456789") != std::string::npos)
        fail(row, c, trf("\"{value}\" is not a whole number", fmt::arg("value", v)));
    const auto n = std::stoll(v);
    if (n < min || n > max)
        fail(row, c, trf("{value} is out of range ({min} to {max})", fmt::arg("value", n), fmt::arg("min", min),
                         fmt::arg("max", max)));
    return n;
}

std::string RowReader::choice(const csv::Row& row, Col c, const std::vector<std::string>& valid,
                              const std::vector<std::pair<std::string, std::string>>& aliases,
                              const std::string& fallback) const {
    const auto v = text(row, c);
    if (v.empty()) return fallback;
    const auto key = csv::normalize_header(v);
    for (const auto& code : valid)
        if (csv::normalize_header(code) == key) return code;
    for (const auto& [alias, code] : aliases)
        if (csv::normalize_header(alias) == key) return code;
    fail(row, c, trf("unknown value \"{value}\" (valid: {values})", fmt::arg("value", v),
                     fmt::arg("values", valid_values(valid, v))));
}

std::optional<int64_t> RowReader::person_or_none(const csv::Row& row, Col email) const {
    if (text(row, email).empty()) return std::nullopt;
    return person(row, email);
}

int64_t RowReader::person(const csv::Row& row, Col email, Col first, Col last, Col institution) const {
    PersonRepository people(db_);
    const auto e = text(row, email);
    if (auto id = id_text(e)) {
        auto p = people.get(*id);
        if (!p || p->erased) fail(row, email, trf("no person has the id {id}", fmt::arg("id", *id)));
        return *id;
    }
    if (!e.empty()) {
        if (auto p = people.find_by_email(e)) return p->id;
        // A name in the people column ("Leila Benali") is accepted when unique.
        if (e.find('@') == std::string::npos) {
            SQLite::Statement q(db_.sql(), "SELECT id FROM person WHERE erased_at IS NULL AND "
                                           "lower(trim(coalesce(first_name,'') || ' ' || coalesce(last_name,''))) = ?");
            q.bind(1, lower_ascii(e));
            std::vector<int64_t> ids;
            while (q.executeStep()) ids.push_back(q.getColumn(0).getInt64());
            if (ids.size() == 1) return ids.front();
            if (ids.size() > 1)
                fail(row, email, trf("{n} people are named \"{name}\": give their email", fmt::arg("n", ids.size()),
                                     fmt::arg("name", e)));
        }
        fail(row, email, trf("no person has the email \"{email}\" (import them in the people sheet first)",
                             fmt::arg("email", e)));
    }
    const auto f = text(row, first), l = text(row, last);
    if (f.empty() && l.empty())
        fail(row, email ? email : first ? first : last, tr("an email, or a first and last name, is required"));
    SQLite::Statement q(db_.sql(), "SELECT id, coalesce(email,'') FROM person WHERE erased_at IS NULL AND "
                                   "lower(trim(coalesce(first_name,''))) = ? AND lower(trim(coalesce(last_name,''))) = ?");
    bind_all(q, lower_ascii(f), lower_ascii(l));
    std::vector<std::pair<int64_t, std::string>> found;
    while (q.executeStep()) found.emplace_back(q.getColumn(0).getInt64(), q.getColumn(1).getString());
    if (found.size() > 1 && institution && !text(row, institution).empty()) {
        const auto inst = this->institution(row, institution);
        std::vector<std::pair<int64_t, std::string>> at;
        for (const auto& p : found)
            for (const auto& job : people.employments(p.first))
                if (inst && job.institution_id == *inst) {
                    at.push_back(p);
                    break;
                }
        found = at;
    }
    const auto name = f + (f.empty() || l.empty() ? "" : " ") + l;
    if (found.empty())
        fail(row, last ? last : first, trf("no person named \"{name}\" (import them in the people sheet first)",
                                           fmt::arg("name", name)));
    if (found.size() > 1) {
        std::string emails;
        for (const auto& p : found) emails += (emails.empty() ? "" : ", ") + (p.second.empty() ? "#" + std::to_string(p.first) : p.second);
        fail(row, last ? last : first, trf("{n} people are named \"{name}\" ({who}): give the email or the institution",
                                           fmt::arg("n", found.size()), fmt::arg("name", name), fmt::arg("who", emails)));
    }
    return found.front().first;
}

std::optional<int64_t> RowReader::institution(const csv::Row& row, Col c) const {
    const auto v = text(row, c);
    if (v.empty()) return std::nullopt;
    InstitutionRepository repo(db_);
    if (auto id = id_text(v)) {
        if (!repo.get(*id)) fail(row, c, trf("no institution has the id {id}", fmt::arg("id", *id)));
        return *id;
    }
    if (auto i = repo.find_by_name(v)) return i->merged_into ? *i->merged_into : i->id;
    std::vector<std::string> names;
    SQLite::Statement q(db_.sql(), "SELECT name FROM institution WHERE merged_into IS NULL ORDER BY name");
    while (q.executeStep()) names.push_back(q.getColumn(0).getString());
    fail(row, c, trf("unknown institution \"{name}\" (closest: {names})", fmt::arg("name", v),
                     fmt::arg("names", valid_values(names, v, 5))));
}

std::optional<int64_t> RowReader::programme(const csv::Row& row, Col c) const {
    const auto v = text(row, c);
    if (v.empty()) return std::nullopt;
    return at_row(*this, row, c, [&] { return need_programme(db_, v).id; });
}

std::optional<int64_t> RowReader::funder(const csv::Row& row, Col c) const {
    const auto v = text(row, c);
    if (v.empty()) return std::nullopt;
    return at_row(*this, row, c, [&] { return need_funder(db_, v).id; });
}

std::optional<int64_t> RowReader::sector(const csv::Row& row, Col c) const {
    const auto v = text(row, c);
    if (v.empty()) return std::nullopt;
    return at_row(*this, row, c, [&] { return need_sector(db_, v).id; });
}

std::vector<std::string> split_list(const std::string& text) {
    std::vector<std::string> out;
    std::string cur;
    for (char c : text + "|") {
        if (c == '|' || c == ',' || c == ';') {
            const auto b = cur.find_first_not_of(' '), e = cur.find_last_not_of(' ');
            if (b != std::string::npos) out.push_back(cur.substr(b, e - b + 1));
            cur.clear();
        } else {
            cur += c;
        }
    }
    return out;
}

}  // namespace maillage
