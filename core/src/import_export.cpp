#include "core/import_export.h"
#include "core/known_values.h"

#include "core/audit.h"
#include "core/database.h"
#include "core/error.h"
#include "core/i18n.h"
#include "core/locale_format.h"
#include "core/institutions.h"
#include "core/people.h"
#include "core/sectors.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <malloc.h>
#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <optional>
#include <unordered_map>

namespace maillage {
namespace {

using Col = std::optional<std::size_t>;

// One-line columns refuse control characters, naming the cell: a line break inside a
// quoted name would become a new header in a mail or a new line in a file.
void require_single_line_cells(const csv::Table& t, const csv::Row& r, std::initializer_list<Col> columns) {
    for (const auto& c : columns) t.require_single_line(r, c);
}

// Cuts a list cell ("worker|peer_worker") at any of the separators; trims the parts.
std::vector<std::string> split_list(const std::string& cell, std::string_view separators) {
    std::vector<std::string> out;
    std::string part;
    auto flush = [&] {
        const auto a = part.find_first_not_of(" \t");
        if (a != std::string::npos) out.push_back(part.substr(a, part.find_last_not_of(" \t") - a + 1));
        part.clear();
    };
    for (char c : cell) {
        if (separators.find(c) != std::string_view::npos)
            flush();
        else
            part += c;
    }
    flush();
    return out;
}

// A code from a value written as a code or as a label in one of the three languages.
std::optional<std::string> lookup(const std::string& value,
                                  std::initializer_list<std::pair<const char*, const char*>> table) {
    const auto key = csv::normalize_header(value);
    for (const auto& [alias, code] : table)
        if (csv::normalize_header(alias) == key) return std::string(code);
    return std::nullopt;
}

std::optional<std::string> region_code(const std::string& v) {
    return lookup(v, {{"brussels", "brussels"},   {"bruxelles", "brussels"},   {"brussel", "brussels"},
                      {"bxl", "brussels"},        {"wallonia", "wallonia"},    {"wallonie", "wallonia"},
                      {"walloni\xC3\xAB", "wallonia"}, {"flanders", "flanders"}, {"flandre", "flanders"},
                      {"flandres", "flanders"},   {"vlaanderen", "flanders"}});
}

std::optional<std::string> institution_language(const std::string& v) {
    return lookup(v, {{"fr", "fr"},           {"fran\xC3\xA7" "ais", "fr"}, {"frans", "fr"},
                      {"french", "fr"},       {"nl", "nl"},                  {"n\xC3\xA9" "erlandais", "nl"},
                      {"nederlands", "nl"},   {"dutch", "nl"},               {"bilingual", "bilingual"},
                      {"bilingue", "bilingual"}, {"tweetalig", "bilingual"}, {"fr/nl", "bilingual"},
                      {"fr-nl", "bilingual"}});
}

std::optional<std::string> person_language(const std::string& v) {
    return lookup(v, {{"fr", "fr"},         {"fran\xC3\xA7" "ais", "fr"}, {"frans", "fr"},   {"french", "fr"},
                      {"nl", "nl"},         {"n\xC3\xA9" "erlandais", "nl"}, {"nederlands", "nl"},
                      {"dutch", "nl"},      {"en", "en"},                  {"english", "en"}, {"anglais", "en"},
                      {"engels", "en"}});
}

std::optional<std::string> role_code(const std::string& v) {
    return lookup(v, {{"worker", "worker"},
                      {"travailleur", "worker"},
                      {"travailleuse", "worker"},
                      {"hulpverlener", "worker"},
                      {"peer_worker", "peer_worker"},
                      {"pair-aidant", "peer_worker"},
                      {"pair-aidante", "peer_worker"},
                      {"ervaringsdeskundige", "peer_worker"},
                      {"facilitator", "facilitator"},
                      {"animateur", "facilitator"},
                      {"animatrice", "facilitator"},
                      {"begeleider", "facilitator"},
                      {"trainer", "trainer"},
                      {"formateur", "trainer"},
                      {"formatrice", "trainer"},
                      {"opleider", "trainer"},
                      {"staff", "staff"},
                      {"personnel", "staff"},
                      {"medewerker", "staff"},
                      {"manager", "manager"},
                      {"responsable", "manager"},
                      {"directeur", "manager"},
                      {"directrice", "manager"},
                      {"leidinggevende", "manager"}});
}

bool plausible_email(const std::string& e) {
    const auto at = e.find('@');
    return at != std::string::npos && at > 0 && at + 1 < e.size() && e.find_first_of(" \t,;") == std::string::npos &&
           e.find('@', at + 1) == std::string::npos;
}

std::string iso(std::chrono::year_month_day d) {
    return fmt::format("{:04}-{:02}-{:02}", int(d.year()), unsigned(d.month()), unsigned(d.day()));
}

std::string today() {
    return iso(std::chrono::year_month_day(std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now())));
}

std::string day_before(const std::string& iso_date) {
    const int y = std::stoi(iso_date.substr(0, 4));
    const unsigned m = unsigned(std::stoi(iso_date.substr(5, 2)));
    const unsigned d = unsigned(std::stoi(iso_date.substr(8, 2)));
    const auto day = std::chrono::sys_days(std::chrono::year{y} / std::chrono::month{m} / std::chrono::day{d});
    return iso(std::chrono::year_month_day(day - std::chrono::days{1}));
}

// The sector named by code or label; ParseError naming the value otherwise.
int64_t sector_id(SectorRepository& sectors, const csv::Table& t, const csv::Row& row, std::size_t col,
                  const std::string& value) {
    auto s = sectors.find(value);
    if (!s) {
        std::vector<std::string> codes;
        for (const auto& k : sectors.list()) codes.push_back(k.code);
        t.fail(row, col, trf("unknown sector \"{value}\" (a sector code or label is expected: {codes})",
                             fmt::arg("value", value), fmt::arg("codes", valid_values(codes, value))));
    }
    if (s->retired) t.fail(row, col, trf("the sector \"{value}\" is retired", fmt::arg("value", value)));
    return s->id;
}

// ---------------------------------------------------------------- institutions

struct InstitutionColumns {
    std::size_t name;
    Col region, municipality, postcode, address, language, sectors, email, phone, website, notes;

    explicit InstitutionColumns(const csv::Table& t)
        : name(t.require({"name", "nom", "naam", "institution", "instelling"})),
          region(t.find({"region", "région", "regio"})),
          municipality(t.find({"municipality", "commune", "gemeente", "localité"})),
          postcode(t.find({"postcode", "code postal", "postal code"})),
          address(t.find({"address", "adresse", "adres"})),
          language(t.find({"language", "langue", "taal"})),
          sectors(t.find({"sectors", "secteurs", "sectoren", "sector", "secteur"})),
          email(t.find({"email", "e-mail", "courriel"})),
          phone(t.find({"phone", "téléphone", "telefoon"})),
          website(t.find({"website", "site web", "site"})),
          notes(t.find({"notes", "remarques", "opmerkingen"})) {}
};

void count_action(ImportPreview& preview, ImportRow::Action action) {
    switch (action) {
    case ImportRow::Action::Create: ++preview.creates; break;
    case ImportRow::Action::Update: ++preview.updates; break;
    case ImportRow::Action::Unchanged: ++preview.unchanged; break;
    }
}

bool same_institution(const Institution& a, const Institution& b) {
    return a.name == b.name && a.region == b.region && a.municipality == b.municipality &&
           a.postcode == b.postcode && a.address == b.address && a.language == b.language && a.email == b.email &&
           a.phone == b.phone && a.website == b.website && a.notes == b.notes && a.sector_ids == b.sector_ids;
}

bool same_person(const Person& a, const Person& b) {
    auto sorted = [](std::vector<std::string> v) {
        std::sort(v.begin(), v.end());
        return v;
    };
    return a.first_name == b.first_name && a.last_name == b.last_name && a.email == b.email && a.phone == b.phone &&
           a.language == b.language && a.notes == b.notes && sorted(a.roles) == sorted(b.roles);
}

struct InstitutionPlan {
    ImportRow row;
    Institution data;
};

std::vector<InstitutionPlan> plan_institutions(Database& db, const csv::Table& t, ImportPreview& preview) {
    const InstitutionColumns c(t);
    InstitutionRepository institutions(db);
    SectorRepository sectors(db);
    std::unordered_map<std::string, int> seen;  // folded name (fold_name) -> line
    std::vector<InstitutionPlan> plans;
    preview.columns = t.header;
    for (const auto& r : t.rows) {
        InstitutionPlan p;
        p.row.line = r.line;
        p.row.fields = r.fields;
        require_single_line_cells(t, r, {c.name, c.region, c.municipality, c.postcode, c.language, c.sectors, c.email,
                                         c.phone, c.website});
        const auto name = t.value(r, c.name);
        if (name.empty()) t.fail(r, c.name, tr("an institution needs a name"));
        if (auto [it, fresh] = seen.emplace(fold_name(name), r.line); !fresh)
            t.fail(r, c.name, trf("\"{name}\" is already on line {line} of this file", fmt::arg("name", name),
                                  fmt::arg("line", it->second)));
        p.row.key = name;
        if (auto existing = institutions.find_by_name(name)) {
            p.data = *existing;
            p.row.action = ImportRow::Action::Update;
        } else {
            p.data.name = name;
        }
        auto set = [&](Col col, std::string& field) {
            if (auto v = t.value(r, col); !v.empty()) field = v;
        };
        set(c.municipality, p.data.municipality);
        set(c.postcode, p.data.postcode);
        set(c.address, p.data.address);
        set(c.phone, p.data.phone);
        set(c.website, p.data.website);
        set(c.notes, p.data.notes);
        // A cell that names a code (a region, a language); `unknown` words the refusal.
        auto set_code = [&](Col col, std::string& field, std::optional<std::string> (*code_of)(const std::string&),
                            const char* unknown) {
            if (auto v = t.value(r, col); !v.empty()) {
                auto code = code_of(v);
                if (!code) t.fail(r, *col, trf(unknown, fmt::arg("value", v)));
                field = *code;
            }
        };
        set_code(c.region, p.data.region, region_code,
                 N_("unknown region \"{value}\" (Brussels, Wallonia or Flanders expected)"));
        set_code(c.language, p.data.language, institution_language,
                 N_("unknown language \"{value}\" (fr, nl or bilingual expected)"));
        if (auto v = t.value(r, c.email); !v.empty()) {
            if (!plausible_email(v))
                t.fail(r, *c.email, trf("\"{value}\" is not an email address", fmt::arg("value", v)));
            p.data.email = v;
        }
        if (auto v = t.value(r, c.sectors); !v.empty()) {
            p.data.sector_ids.clear();
            for (const auto& s : split_list(v, "|;")) {
                const auto id = sector_id(sectors, t, r, *c.sectors, s);
                if (std::find(p.data.sector_ids.begin(), p.data.sector_ids.end(), id) == p.data.sector_ids.end())
                    p.data.sector_ids.push_back(id);
            }
        }
        try {
            validate_institution(p.data);
        } catch (const ParseError&) {
            throw;
        } catch (const Error& e) {
            t.fail(r, e.what());
        }
        if (p.row.action == ImportRow::Action::Update && same_institution(*institutions.get(p.data.id), p.data))
            p.row.action = ImportRow::Action::Unchanged;
        count_action(preview, p.row.action);
        preview.rows.push_back(p.row);
        plans.push_back(std::move(p));
    }
    return plans;
}

// ---------------------------------------------------------------- people

struct PersonColumns {
    std::size_t first_name, last_name;
    Col email, phone, language, roles, institution, sector, job_title, start_date, notes;

    explicit PersonColumns(const csv::Table& t)
        : first_name(t.require({"first_name", "prénom", "voornaam", "first name"})),
          last_name(t.require({"last_name", "nom", "nom de famille", "achternaam", "naam", "last name"})),
          email(t.find({"email", "e-mail", "courriel"})),
          phone(t.find({"phone", "téléphone", "telefoon"})),
          language(t.find({"language", "langue", "taal"})),
          roles(t.find({"roles", "rôles", "rollen", "role", "rôle", "rol"})),
          institution(t.find({"institution", "instelling", "organisation", "organisatie"})),
          sector(t.find({"sector", "secteur"})),
          job_title(t.find({"job_title", "fonction", "functie", "job title"})),
          start_date(t.find({"start_date", "date de début", "début", "begindatum", "start date"})),
          notes(t.find({"notes", "remarques", "opmerkingen"})) {}
};

struct PersonPlan {
    ImportRow row;
    std::optional<int64_t> existing;
    Person data;
    std::string institution;  // "" = no employment in the row
    std::optional<int64_t> institution_id;  // when it exists already
    std::optional<int64_t> sector;
    std::string job_title, start_date;
};

bool employment_unchanged(PersonRepository& people, int64_t person, const PersonPlan& p);

const std::optional<std::string>& memo(std::unordered_map<std::string, std::optional<std::string>>& cache,
                                       const std::string& value,
                                       std::optional<std::string> (*fn)(const std::string&)) {
    if (auto it = cache.find(value); it != cache.end()) return it->second;
    return cache.emplace(value, fn(value)).first->second;
}

// Runs the checks of an import in one read transaction: without it every per-row
// query is a transaction of its own, with its file locks.
template <class F>
decltype(auto) in_one_read(Database& db, F&& fn) {
    if (!sqlite3_get_autocommit(db.sql().getHandle())) return fn();
    db.sql().exec("BEGIN");
    try {
        decltype(auto) result = fn();
        db.sql().exec("COMMIT");
        return result;
    } catch (...) {
        try {
            db.sql().exec("ROLLBACK");
        } catch (...) {
        }
        throw;
    }
}

std::unordered_map<std::string, int64_t> id_by_key(Database& db, const std::string& query) {
    std::unordered_map<std::string, int64_t> out;
    SQLite::Statement q(db.sql(), query);
    while (q.executeStep()) out.emplace(fold_name(q.getColumn(0).getString()), q.getColumn(1).getInt64());
    return out;
}

// keep_rows: the preview lists every row as read (what the preview shows); an import,
// whose callers read only the counts, does without that copy of the file.
std::vector<PersonPlan> plan_people(Database& db, const csv::Table& t, ImportPreview& preview, bool keep_rows) {
    const PersonColumns c(t);
    PersonRepository people(db);
    SectorRepository sectors(db);
    std::unordered_map<std::string, int> emails;  // lower-case email -> line
    std::map<std::string, std::string> new_institutions;  // lower-case name -> name
    // One query each instead of one per row: the stored emails and institution names,
    // folded as COLLATE NOCASE folds them (ASCII), lowest id first as the lookups were.
    const auto known_people = id_by_key(db, "SELECT email, id FROM person WHERE erased_at IS NULL AND email IS NOT "
                                            "NULL ORDER BY id");
    const auto known_institutions = id_by_key(db, "SELECT name, id FROM institution WHERE merged_into IS NULL ORDER BY id");
    // A file repeats a few codes a hundred thousand times: each is looked up once.
    std::unordered_map<std::string, std::optional<std::string>> languages, roles;
    std::unordered_map<std::string, int64_t> sector_ids;
    std::vector<PersonPlan> plans;
    plans.reserve(t.rows.size());
    emails.reserve(t.rows.size());
    if (keep_rows) preview.rows.reserve(t.rows.size());
    preview.columns = t.header;
    for (const auto& r : t.rows) {
        PersonPlan p;
        std::optional<Person> before;
        p.row.line = r.line;
        if (keep_rows) p.row.fields = r.fields;
        require_single_line_cells(t, r, {c.first_name, c.last_name, c.email, c.phone, c.language, c.roles,
                                         c.institution, c.sector, c.job_title, c.start_date});
        const auto first = t.value(r, c.first_name), last = t.value(r, c.last_name);
        if (first.empty() && last.empty()) t.fail(r, c.last_name, tr("a person needs a first or a last name"));
        const auto email = t.value(r, c.email);
        if (!email.empty()) {
            if (!plausible_email(email))
                t.fail(r, *c.email, trf("\"{value}\" is not an email address", fmt::arg("value", email)));
            const auto key = fold_name(email);
            if (auto [it, fresh] = emails.emplace(key, r.line); !fresh)
                t.fail(r, *c.email, trf("\"{email}\" is already on line {line} of this file",
                                        fmt::arg("email", email), fmt::arg("line", it->second)));
            std::optional<Person> existing;
            if (auto it = known_people.find(key); it != known_people.end()) existing = people.get(it->second);
            if (existing && !existing->erased) {
                p.existing = existing->id;
                p.data = *existing;
                before = existing;
                p.row.action = ImportRow::Action::Update;
            }
        }
        if (!first.empty()) p.data.first_name = first;
        if (!last.empty()) p.data.last_name = last;
        p.data.email = p.existing ? p.data.email : email;
        if (keep_rows) p.row.key = first + (first.empty() ? "" : " ") + last + (email.empty() ? "" : " <" + email + ">");
        if (auto v = t.value(r, c.phone); !v.empty()) p.data.phone = v;
        if (auto v = t.value(r, c.notes); !v.empty()) p.data.notes = v;
        if (auto v = t.value(r, c.language); !v.empty()) {
            const auto& code = memo(languages, v, person_language);
            if (!code)
                t.fail(r, *c.language,
                       trf("unknown language \"{value}\" (fr, nl or en expected)", fmt::arg("value", v)));
            p.data.language = *code;
        }
        if (auto v = t.value(r, c.roles); !v.empty()) {
            for (const auto& name : split_list(v, "|,;")) {
                const auto& code = memo(roles, name, role_code);
                if (!code)
                    t.fail(r, *c.roles, trf("unknown role \"{value}\" (worker, peer_worker, facilitator, trainer, "
                                            "staff or manager expected)",
                                            fmt::arg("value", name)));
                if (!p.data.has_role(*code)) p.data.roles.push_back(*code);
            }
        }
        p.institution = t.value(r, c.institution);
        if (auto v = t.value(r, c.sector); !v.empty()) {
            if (auto it = sector_ids.find(v); it != sector_ids.end())
                p.sector = it->second;
            else
                p.sector = sector_ids[v] = sector_id(sectors, t, r, *c.sector, v);
        }
        p.job_title = t.value(r, c.job_title);
        if (auto v = t.value(r, c.start_date); !v.empty()) {
            std::string error;
            p.start_date = locale::parse_date(v, &error).value_or("");
            if (p.start_date.empty()) t.fail(r, *c.start_date, error);
        }
        if (p.institution.empty() && (p.sector || !p.job_title.empty() || !p.start_date.empty())) {
            const auto at = c.institution ? c.institution : p.sector ? c.sector : !p.job_title.empty() ? c.job_title
                                                                                                       : c.start_date;
            t.fail(r, at.value_or(0), tr("a sector, job title or start date needs an institution"));
        }
        if (!p.institution.empty()) {
            if (auto i = known_institutions.find(fold_name(p.institution)); i != known_institutions.end()) {
                p.institution_id = i->second;
            } else {
                if (keep_rows) p.row.notes.push_back(trf("new institution: {name}", fmt::arg("name", p.institution)));
                new_institutions.emplace(fold_name(p.institution), p.institution);
            }
            if (p.existing && !p.start_date.empty()) {
                // A job change cannot start before the job it ends.
                for (const auto& e : people.employments(*p.existing))
                    if (e.end_date.empty() && e.institution_id != p.institution_id.value_or(0) &&
                        !e.start_date.empty() && e.start_date >= p.start_date)
                        t.fail(r, *c.start_date,
                               trf("the new job starts on {date}, not after the current one ({current})",
                                   fmt::arg("date", p.start_date), fmt::arg("current", e.start_date)));
            }
        }
        if (p.existing && same_person(*before, p.data) && employment_unchanged(people, *p.existing, p))
            p.row.action = ImportRow::Action::Unchanged;
        count_action(preview, p.row.action);
        // The preview keeps the row as read; the plan needs only where it is and what to do.
        ImportRow kept{.line = p.row.line, .action = p.row.action};
        if (keep_rows) preview.rows.push_back(std::move(p.row));
        p.row = std::move(kept);
        plans.push_back(std::move(p));
    }
    for (const auto& [key, name] : new_institutions) preview.new_institutions.push_back(name);
    return plans;
}

// The open employment that apply_employment() would change.
std::optional<Employment> current_employment(PersonRepository& people, int64_t person) {
    std::optional<Employment> current;
    for (const auto& e : people.employments(person))
        if (e.end_date.empty() && (!current || e.start_date >= current->start_date)) current = e;
    return current;
}

// True when the row's employment columns say what the current job already is.
bool employment_unchanged(PersonRepository& people, int64_t person, const PersonPlan& p) {
    if (p.institution.empty()) return true;
    if (!p.institution_id) return false;
    const auto current = current_employment(people, person);
    return current && current->institution_id == *p.institution_id &&
           (p.job_title.empty() || p.job_title == current->job_title) &&
           (!p.sector || p.sector == current->sector_id) && (p.start_date.empty() || p.start_date == current->start_date);
}

void apply_employment(PersonRepository& people, int64_t person, const PersonPlan& p, int64_t institution) {
    auto current = current_employment(people, person);
    if (current && current->institution_id == institution) {
        if (!p.job_title.empty()) current->job_title = p.job_title;
        if (p.sector) current->sector_id = p.sector;
        if (!p.start_date.empty()) current->start_date = p.start_date;
        people.update_employment(*current);
        return;
    }
    Employment e{.person_id = person,
                 .institution_id = institution,
                 .sector_id = p.sector,
                 .job_title = p.job_title,
                 .start_date = p.start_date};
    if (current) {
        // A job change: the previous job ends the day before the new one starts.
        if (e.start_date.empty()) e.start_date = today();
        current->end_date = day_before(e.start_date);
        if (!current->start_date.empty() && current->end_date < current->start_date)
            current->end_date = current->start_date;
        people.update_employment(*current);
    }
    people.add_employment(e);
}

// "#3, #7-#12": the ids a batch audit entry names (the GDPR export reads them back).
std::string id_ranges(std::vector<int64_t> ids) {
    std::sort(ids.begin(), ids.end());
    std::string out;
    for (size_t i = 0; i < ids.size();) {
        size_t j = i;
        while (j + 1 < ids.size() && ids[j + 1] == ids[j] + 1) ++j;
        out += (out.empty() ? "#" : ", #") + std::to_string(ids[i]);
        if (j > i) out += "-#" + std::to_string(ids[j]);
        i = j + 1;
    }
    return out;
}

// Turns an unexpected refusal while writing into an error that names the row.
template <class F>
void at_row(const csv::Table& t, int line, F&& fn) {
    try {
        fn();
    } catch (const ParseError&) {
        throw;
    } catch (const Error& e) {
        throw ParseError(t.file, line, 1, "", e.what());
    }
}

std::vector<std::string> sector_codes(Database& db, int64_t institution) {
    SQLite::Statement q(db.sql(),
                        "SELECT s.code FROM institution_sector x JOIN sector s ON s.id = x.sector_id "
                        "WHERE x.institution_id = ? ORDER BY x.is_primary DESC, s.sort_order");
    q.bind(1, institution);
    std::vector<std::string> out;
    while (q.executeStep()) out.push_back(q.getColumn(0).getString());
    return out;
}

std::string join(const std::vector<std::string>& parts, const char* sep) {
    std::string out;
    for (const auto& p : parts) out += (out.empty() ? "" : sep) + p;
    return out;
}

}  // namespace

std::string parse_date(const std::string& text) { return locale::parse_date(text).value_or(""); }

ImportPreview preview_institutions(Database& db, const csv::Table& table) {
    ImportPreview preview;
    plan_institutions(db, table, preview);
    return preview;
}

ImportPreview import_institutions(Database& db, const csv::Table& table, Progress* progress) {
    ImportPreview preview;
    auto plans = plan_institutions(db, table, preview);
    InstitutionRepository institutions(db);
    if (preview.creates + preview.updates == 0) return preview;  // nothing to write, nothing to record
    db.write([&] {
        for (const auto& p : plans) {
            step(progress, static_cast<size_t>(&p - plans.data()) + 1, plans.size(), p.row.key);
            if (p.row.action == ImportRow::Action::Unchanged) continue;
            at_row(table, p.row.line, [&] {
                if (p.row.action == ImportRow::Action::Update)
                    institutions.update(p.data);
                else
                    institutions.create(p.data);
            });
        }
        audit(db, "import", "institution", std::nullopt,
              fmt::format("{} created, {} updated, {} unchanged", preview.creates, preview.updates,
                          preview.unchanged));
    });
    return preview;
}

ImportPreview preview_people(Database& db, const csv::Table& table) {
    ImportPreview preview;
    in_one_read(db, [&] { return plan_people(db, table, preview, true); });
    return preview;
}

namespace {
// A large import that only creates people (more than there are already) fills the tables
// faster without their secondary indexes, built again once at the end from their own
// definitions: one sort instead of 100,000 B-tree insertions each (issue 18: a fifth of
// the import). Inside the import's transaction, so a refused row rolls the drop back too.
class BulkLoadIndexes {
public:
    BulkLoadIndexes(Database& db, bool worth_it) : db_(db) {
        if (!worth_it) return;
        {
            SQLite::Statement q(db.sql(), "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT "
                                          "NULL AND tbl_name IN ('person', 'employment')");
            while (q.executeStep()) definitions_.emplace_back(q.getColumn(0).getString(), q.getColumn(1).getString());
        }
        for (const auto& [name, sql] : definitions_) db.sql().exec("DROP INDEX \"" + name + "\"");
    }
    void rebuild() {
        for (const auto& [name, sql] : definitions_) db_.sql().exec(sql);
        definitions_.clear();
    }

private:
    Database& db_;
    std::vector<std::pair<std::string, std::string>> definitions_;
};
}  // namespace

ImportPreview import_people(Database& db, const csv::Table& table, Progress* progress) {
    ImportPreview preview;
    auto plans = in_one_read(db, [&] { return plan_people(db, table, preview, false); });
    PersonRepository people(db);
    std::unordered_map<std::string, int64_t> created;  // lower-case name -> id
    if (preview.creates + preview.updates == 0) return preview;  // nothing to write, nothing to record
    // A page cache large enough for the whole import: SQLite then writes each page once
    // at commit instead of spilling and reading back pages in the middle of it.
    const auto cache = db.sql().execAndGet("PRAGMA cache_size").getInt64();
    db.sql().exec("PRAGMA cache_size = -131072");
    struct RestoreCache {
        Database& db;
        int64_t pages;
        ~RestoreCache() {
            try {
                db.sql().exec("PRAGMA cache_size = " + std::to_string(pages));
            } catch (...) {
            }
        }
    } restore{db, cache};
    // Without glibc's fast bins while writing: each new page of that cache (a large
    // request) made malloc consolidate the fast bins, which the statements' small
    // buffers keep refilling — a sixth of the import's time (issue 18). Restored after.
    struct FastBins {
        FastBins() { mallopt(M_MXFAST, 0); }
        ~FastBins() { mallopt(M_MXFAST, 64 * sizeof(size_t) / 4); }  // glibc's default
    } fast_bins_off;
    db.write([&] {
        // New people go through prepared statements and are audited once, below, by id;
        // updates keep the repository's path (their own audit entry with the change).
        const bool bulk_load = preview.updates == 0 && preview.creates >= 10000 &&
                               preview.creates > db.sql().execAndGet("SELECT count(*) FROM person").getInt64();
        BulkLoadIndexes indexes(db, bulk_load);
        PersonBulkWriter bulk(db);
        SQLite::Statement new_institution(db.sql(), "INSERT INTO institution(name) VALUES (?)");
        std::vector<int64_t> new_people, new_institutions;
        new_people.reserve(size_t(preview.creates));
        for (const auto& p : plans) {
            step(progress, static_cast<size_t>(&p - plans.data()) + 1, plans.size(), p.row.key);
            if (p.row.action == ImportRow::Action::Unchanged) continue;
            at_row(table, p.row.line, [&] {
                int64_t id;
                if (p.existing) {
                    id = *p.existing;
                    bulk.flush();  // the new people before them: ids and jobs in the file's order
                    people.update(p.data);
                } else {
                    id = bulk.create(p.data);
                    new_people.push_back(id);
                }
                if (p.institution.empty()) return;
                int64_t institution;
                if (p.institution_id) {
                    institution = *p.institution_id;
                } else if (auto it = created.find(fold_name(p.institution)); it != created.end()) {
                    institution = it->second;
                } else {
                    validate_institution(Institution{.name = p.institution});
                    new_institution.reset();
                    new_institution.bind(1, p.institution);
                    new_institution.exec();
                    institution = db.sql().getLastInsertRowid();
                    created.emplace(fold_name(p.institution), institution);
                    new_institutions.push_back(institution);
                }
                if (p.existing) {
                    apply_employment(people, id, p, institution);
                } else {
                    // A new person has no job to close: the row's job is their first.
                    bulk.add_employment(Employment{.person_id = id, .institution_id = institution,
                                                   .sector_id = p.sector, .job_title = p.job_title,
                                                   .start_date = p.start_date});
                }
            });
        }
        bulk.flush();
        indexes.rebuild();
        if (!new_institutions.empty())
            audit(db, "import", "institution", std::nullopt,
                  fmt::format("{} created: {}", new_institutions.size(), id_ranges(new_institutions)));
        audit(db, "import", "person", std::nullopt,
              fmt::format("{} created, {} updated, {} unchanged", preview.creates, preview.updates,
                          preview.unchanged) +
                  (new_people.empty() ? "" : "; created: " + id_ranges(new_people)));
    });
    return preview;
}

void export_institutions(Database& db, std::ostream& out, char separator) {
    csv::Writer w(out, separator);
    w.row({"name", "region", "municipality", "postcode", "address", "language", "sectors", "email", "phone",
           "website", "notes"});
    SQLite::Statement q(db.sql(),
                        "SELECT id, name, coalesce(region,''), coalesce(municipality,''), coalesce(postcode,''), "
                        "coalesce(address,''), coalesce(language,''), coalesce(email,''), coalesce(phone,''), "
                        "coalesce(website,''), coalesce(notes,'') FROM institution WHERE merged_into IS NULL "
                        "ORDER BY name COLLATE NOCASE, id");
    while (q.executeStep()) {
        std::vector<std::string> f;
        for (int i = 1; i <= 10; ++i) f.push_back(q.getColumn(i).getString());
        f.insert(f.begin() + 6, join(sector_codes(db, q.getColumn(0).getInt64()), "|"));
        w.row(f);
    }
}

void export_people(Database& db, std::ostream& out, char separator) {
    csv::Writer w(out, separator);
    w.row({"first_name", "last_name", "email", "phone", "language", "roles", "institution", "sector", "job_title",
           "start_date", "notes"});
    // The current job: the open employment (or one ending today or later) with the latest start.
    SQLite::Statement q(
        db.sql(),
        "SELECT p.id, coalesce(p.first_name,''), coalesce(p.last_name,''), coalesce(p.email,''), "
        "coalesce(p.phone,''), coalesce(p.language,''), "
        "(SELECT group_concat(role, '|') FROM (SELECT role FROM person_role WHERE person_id = p.id ORDER BY role)), "
        "coalesce(i.name,''), coalesce(s.code,''), coalesce(e.job_title,''), coalesce(e.start_date,''), "
        "coalesce(p.notes,'') "
        "FROM person p "
        "LEFT JOIN employment e ON e.id = (SELECT id FROM employment x WHERE x.person_id = p.id "
        "  AND (x.end_date IS NULL OR x.end_date >= ?1) AND (x.start_date IS NULL OR x.start_date <= ?1) "
        "  ORDER BY coalesce(x.start_date,'') DESC, x.id DESC LIMIT 1) "
        "LEFT JOIN institution i ON i.id = e.institution_id "
        "LEFT JOIN sector s ON s.id = e.sector_id "
        "WHERE p.erased_at IS NULL ORDER BY p.last_name COLLATE NOCASE, p.first_name COLLATE NOCASE, p.id");
    q.bind(1, today());
    while (q.executeStep()) {
        std::vector<std::string> f;
        for (int i = 1; i <= 11; ++i) f.push_back(q.getColumn(i).isNull() ? "" : q.getColumn(i).getString());
        w.row(f);
    }
}

}  // namespace maillage
