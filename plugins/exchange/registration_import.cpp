#include "registration_import.h"

#include "events.h"
#include "registrations.h"
#include "text_match.h"

#include "core/csv.h"
#include "core/database.h"
#include "core/error.h"
#include "core/i18n.h"
#include "core/institutions.h"
#include "core/people.h"
#include "core/sectors.h"
#include "core/sql_util.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <fstream>
#include <initializer_list>
#include <map>
#include <sstream>

namespace maillage::exchange {
namespace {

// Normalised header -> field. The web form's French headers, and Dutch/English ones.
const std::map<std::string, std::string>& column_aliases() {
    static const std::map<std::string, std::string> m = {
        {"prenom", "first_name"},      {"first name", "first_name"},   {"firstname", "first_name"},
        {"first_name", "first_name"},  {"voornaam", "first_name"},     {"nom", "last_name"},
        {"nom de famille", "last_name"}, {"last name", "last_name"},   {"lastname", "last_name"},
        {"last_name", "last_name"},    {"surname", "last_name"},       {"achternaam", "last_name"},
        {"familienaam", "last_name"},  {"naam", "last_name"},          {"email", "email"},
        {"e mail", "email"},           {"courriel", "email"},          {"mail", "email"},
        {"adresse email", "email"},    {"adresse e mail", "email"},    {"telephone", "phone"},
        {"phone", "phone"},            {"telefoon", "phone"},          {"gsm", "phone"},
        {"institution", "institution"}, {"organisation", "institution"}, {"organization", "institution"},
        {"service", "institution"},    {"institution service", "institution"}, {"organisatie", "institution"},
        {"voorziening", "institution"}, {"dienst", "institution"},     {"employeur", "institution"},
        {"secteur", "sector"},         {"sector", "sector"},           {"role", "role"},
        {"rol", "role"},               {"table", "table"},             {"choix de table", "table"},
        {"table choice", "table"},     {"tafel", "table"},             {"atelier", "table"},
        {"statut", "status"},          {"status", "status"},           {"presence", "status"},
        {"aanwezigheid", "status"},    {"motif", "reason"},            {"reason", "reason"},
        {"reden", "reason"},           {"motif dannulation", "reason"},
    };
    return m;
}

std::string field_key(const std::string& header) {
    auto n = normalise_name(header);
    for (auto& c : n)
        if (c == '_') c = ' ';
    auto it = column_aliases().find(n);
    if (it != column_aliases().end()) return it->second;
    // "first_name" normalises to "first name" already; keep unknown columns ignored.
    return {};
}

bool starts(const std::string& text, std::initializer_list<const char*> prefixes) {
    for (const char* p : prefixes)
        if (text.rfind(p, 0) == 0) return true;
    return false;
}

// Roles as web forms and spreadsheets write them, in French, Dutch or English, with or
// without inclusive endings ("animateur·rice", "intervenant·e"): matched by word start.
std::string role_from_text(const std::string& text) {
    const auto n = normalise_name(text);
    if (n.empty() || starts(n, {"particip", "deelnem", "public"})) return "participant";
    if (starts(n, {"facilit", "anim", "begeleid", "moder"})) return "facilitator";
    if (starts(n, {"speak", "orat", "interven", "sprek", "expert"})) return "speaker";
    if (starts(n, {"organi", "staff", "equipe"})) return "organiser";
    return {};
}

// Statuses likewise; empty means registered.
std::string status_from_text(const std::string& text) {
    const auto n = normalise_name(text);
    if (n.empty() || starts(n, {"regist", "inscri", "ingeschr"})) return "registered";
    if (starts(n, {"attend", "present", "aanwez", "venu", "oui", "yes", "ja"})) return "attended";
    if (starts(n, {"no show", "noshow", "absent", "afwez", "non", "no", "nee"})) return "no_show";
    if (starts(n, {"cancel", "annul", "geannul", "desist", "excus"})) return "cancelled";
    return {};
}

}  // namespace

namespace {
// The event's table a form answer names, by number or by title.
const Table* table_of(const std::vector<Table>& tables, const std::string& text) {
    const auto key = normalise_name(text);
    if (key.empty()) return nullptr;
    for (const auto& t : tables)
        if (key == std::to_string(t.position) || key == normalise_name(t.title)) return &t;
    return nullptr;
}

std::vector<ImportRow> rows_from(const csv::Table& table) {
    const auto& file_name = table.file;
    // Headers through the plugin's own aliases (French, Dutch and English form labels).
    std::vector<std::string> keys;
    for (const auto& h : table.header) keys.push_back(field_key(h));
    auto column = [&](const char* key) -> std::optional<std::size_t> {
        auto it = std::find(keys.begin(), keys.end(), key);
        if (it == keys.end()) return std::nullopt;
        return std::size_t(it - keys.begin());
    };
    if (!column("last_name"))
        throw ParseError(file_name, 1, 1, "nom / last name", tr("a column with the last name (\"Nom\")"));
    if (!column("first_name") && !column("email"))
        throw ParseError(file_name, 1, 1, "prénom / email", tr("a column with the first name or the email"));

    std::vector<ImportRow> rows;
    for (const auto& rec : table.rows) {
        ImportRow row;
        row.line = rec.line;
        for (const char* key : {"first_name", "last_name", "email", "phone", "institution", "sector", "role", "table",
                                "status"})
            table.require_single_line(rec, column(key));
        row.first_name = table.value(rec, column("first_name"));
        row.last_name = table.value(rec, column("last_name"));
        row.email = table.value(rec, column("email"));
        row.phone = table.value(rec, column("phone"));
        row.institution = table.value(rec, column("institution"));
        row.sector = table.value(rec, column("sector"));
        row.role = table.value(rec, column("role"));
        row.table = table.value(rec, column("table"));
        row.status = table.value(rec, column("status"));
        row.reason = table.value(rec, column("reason"));
        row.file = file_name;
        if (auto c = column("sector")) row.sector_column = int(*c) + 1;
        if (auto c = column("table")) row.table_column = int(*c) + 1;
        if (normalise_name(row.first_name + row.last_name).empty())
            table.fail(rec, *column("last_name"), tr("a name"));
        if (role_from_text(row.role).empty())
            table.fail(rec, *column("role"), tr("participant, facilitator, speaker or organiser"));
        if (status_from_text(row.status).empty())
            table.fail(rec, *column("status"), tr("registered, attended, no-show or cancelled (or empty)"));
        rows.push_back(row);
    }
    return rows;
}

}  // namespace

std::vector<ImportRow> parse_registrations_csv(const std::string& input, const std::string& file_name) {
    return rows_from(csv::parse(input, file_name));
}

std::vector<ImportRow> read_registrations_csv(const std::filesystem::path& file) {
    return rows_from(csv::read_file(file));  // size limit and encoding handled by the core
}

int64_t ImportPlan::person_proposals() const {
    int64_t n = 0;
    for (const auto& r : rows)
        if (r.person && !r.duplicate_of_line && !r.already_registered) ++n;
    return n;
}

int64_t ImportPlan::institution_proposals() const {
    int64_t n = 0;
    for (const auto& r : rows)
        if (r.institution && !r.institution->exact && !r.duplicate_of_line && !r.already_registered) ++n;
    return n;
}

std::optional<InstitutionMatch> match_institution(Database& db, const std::string& name) {
    const auto key = normalise_name(name);
    if (key.empty()) return std::nullopt;
    std::optional<InstitutionMatch> best;
    SQLite::Statement q(db.sql(), "SELECT id, name FROM institution WHERE merged_into IS NULL ORDER BY id");
    while (q.executeStep()) {
        const auto id = q.getColumn(0).getInt64();
        const auto candidate = q.getColumn(1).getString();
        const auto ckey = normalise_name(candidate);
        InstitutionMatch m{id, candidate, ckey == key ? 1.0 : name_similarity(key, ckey), false};
        if (m.similarity < kProposeThreshold) continue;
        // Exact: the same letters ignoring case only.
        m.exact = m.similarity == 1.0 && fold_name(candidate) == fold_name(name);  // any alphabet
        if (!best || m.exact > best->exact || (m.exact == best->exact && m.similarity > best->similarity)) best = m;
    }
    return best;
}

namespace {
// Sectors and tables are looked up in the database: a value it does not know is an error
// at its line and column, listing what is accepted (no silent fallback to "unknown").
void check_references(Database& db, int64_t event_id, const std::vector<ImportRow>& rows) {
    SectorRepository sectors(db);
    const auto tables = EventRepository(db).tables(event_id);
    std::string sector_codes, table_names;
    for (const auto& s : sectors.list()) sector_codes += (sector_codes.empty() ? "" : ", ") + s.code;
    for (const auto& t : tables)
        table_names += (table_names.empty() ? "" : ", ") + std::to_string(t.position) + " (" + t.title + ")";
    for (const auto& row : rows) {
        if (!normalise_name(row.sector).empty() && !sectors.find(row.sector))
            throw ParseError(row.file, row.line, row.sector_column, "sector",
                             trf("unknown sector \"{value}\"; use a code or label of: {codes}",
                                 fmt::arg("value", row.sector), fmt::arg("codes", sector_codes)));
        if (!normalise_name(row.table).empty() && !table_of(tables, row.table))
            throw ParseError(row.file, row.line, row.table_column, "table",
                             tables.empty() ? trf("unknown table \"{value}\": this event has no tables",
                                                  fmt::arg("value", row.table))
                                            : trf("unknown table \"{value}\"; use a number or title of: {tables}",
                                                  fmt::arg("value", row.table), fmt::arg("tables", table_names)));
    }
}
}  // namespace

ImportPlan plan_import(Database& db, int64_t event_id, const std::vector<ImportRow>& rows) {
    check_references(db, event_id, rows);
    ImportPlan plan;
    // Known people by email and by normalised name.
    std::map<std::string, std::pair<int64_t, std::string>> by_email;
    std::multimap<std::string, std::pair<int64_t, std::string>> by_name;
    {
        SQLite::Statement q(db.sql(), "SELECT id, coalesce(first_name,''), coalesce(last_name,''), "
                                      "lower(coalesce(email,'')) FROM person WHERE erased_at IS NULL ORDER BY id");
        while (q.executeStep()) {
            const auto id = q.getColumn(0).getInt64();
            const auto name = q.getColumn(1).getString() + " " + q.getColumn(2).getString();
            const auto email = q.getColumn(3).getString();
            if (!email.empty()) by_email.emplace(email, std::make_pair(id, name));
            by_name.emplace(normalise_name(name), std::make_pair(id, name));
        }
    }
    // Institutions a person is known at: employments and earlier registrations.
    auto known_at = [&](int64_t person_id, int64_t institution_id) {
        SQLite::Statement q(db.sql(), "SELECT 1 FROM employment WHERE person_id = ?1 AND institution_id = ?2 "
                                      "UNION SELECT 1 FROM exchange_registration WHERE person_id = ?1 "
                                      "AND institution_id = ?2");
        bind_all(q, person_id, institution_id);
        return q.executeStep();
    };
    RegistrationService regs(db);
    std::map<std::string, int> seen_email, seen_name;
    for (const auto& row : rows) {
        ImportProposal p;
        p.row = row;
        p.institution = match_institution(db, row.institution);
        std::string email = row.email;
        for (auto& c : email) c = char(std::tolower(static_cast<unsigned char>(c)));
        const auto name_key = normalise_name(row.first_name + " " + row.last_name);
        const auto file_key = name_key + "|" + normalise_name(row.institution);
        if (!email.empty() && seen_email.count(email))
            p.duplicate_of_line = seen_email[email];
        else if (seen_name.count(file_key))
            p.duplicate_of_line = seen_name[file_key];
        if (!email.empty() && !seen_email.count(email)) seen_email[email] = row.line;
        if (!seen_name.count(file_key)) seen_name[file_key] = row.line;

        if (!email.empty()) {
            auto it = by_email.find(email);
            if (it != by_email.end()) p.person = PersonMatch{it->second.first, it->second.second, tr("same email")};
        }
        if (!p.person && p.institution) {
            auto range = by_name.equal_range(name_key);
            for (auto it = range.first; it != range.second; ++it)
                if (known_at(it->second.first, p.institution->institution_id)) {
                    p.person = PersonMatch{it->second.first, it->second.second, tr("same name and institution")};
                    break;
                }
        }
        if (p.person && regs.find(event_id, p.person->person_id)) p.already_registered = true;
        plan.rows.push_back(p);
    }
    return plan;
}

ImportResult apply_import(Database& db, int64_t event_id, const ImportPlan& plan, const ImportOptions& options) {
    if (plan.needs_confirmation() && !options.confirm_merges && !options.create_new)
        throw Error(fmt::format(
            fmt::runtime(tr("{people} rows look like known people and {institutions} institutions look like known "
                            "ones: confirm the merges (--confirm-merges) or create new records (--create-new).")),
            fmt::arg("people", plan.person_proposals()), fmt::arg("institutions", plan.institution_proposals())));
    EventRepository events(db);
    if (!events.get(event_id)) throw Error(tr("This event does not exist."));
    const auto tables = events.tables(event_id);
    return db.write([&] {
        ImportResult result;
        InstitutionRepository institutions(db);
        PersonRepository people(db);
        SectorRepository sectors(db);
        RegistrationService regs(db);
        std::map<std::string, int64_t> created_institutions;  // normalised name -> id
        for (const auto& p : plan.rows) {
            if (p.duplicate_of_line || p.already_registered) {
                ++result.skipped;
                continue;
            }
            const auto& row = p.row;
            // Institution.
            std::optional<int64_t> institution_id;
            if (!normalise_name(row.institution).empty()) {
                const bool use_match = p.institution && (p.institution->exact || options.confirm_merges);
                if (use_match) {
                    institution_id = p.institution->institution_id;
                    ++result.institutions_matched;
                } else {
                    const auto key = normalise_name(row.institution);
                    auto it = created_institutions.find(key);
                    if (it != created_institutions.end()) {
                        institution_id = it->second;
                    } else {
                        Institution inst;
                        inst.name = row.institution;
                        if (auto s = sectors.find(row.sector)) inst.sector_ids = {s->id};
                        institution_id = institutions.create(inst);
                        created_institutions[key] = *institution_id;
                        ++result.institutions_created;
                    }
                }
            }
            // Person.
            int64_t person_id = 0;
            if (p.person && options.confirm_merges) {
                person_id = p.person->person_id;
                auto known = people.get(person_id);
                if (known && ((known->email.empty() && !row.email.empty()) ||
                              (known->phone.empty() && !row.phone.empty()))) {
                    if (known->email.empty()) known->email = row.email;
                    if (known->phone.empty()) known->phone = row.phone;
                    people.update(*known);
                }
                ++result.people_merged;
            } else {
                Person np;
                np.first_name = row.first_name;
                np.last_name = row.last_name;
                np.email = row.email;
                np.phone = row.phone;
                np.roles = {"worker"};
                person_id = people.create(np);
                if (institution_id) {
                    Employment emp;
                    emp.person_id = person_id;
                    emp.institution_id = *institution_id;
                    people.add_employment(emp);
                }
                ++result.people_created;
            }
            if (regs.find(event_id, person_id)) {  // e.g. two rows merged into the same person
                ++result.skipped;
                continue;
            }
            RegistrationRequest req;
            req.event_id = event_id;
            req.person_id = person_id;
            req.role = role_from_text(row.role);
            req.institution_id = institution_id;
            if (auto s = sectors.find(row.sector)) req.sector_id = s->id;
            if (!req.sector_id && institution_id)
                if (auto inst = institutions.get(*institution_id)) req.sector_id = inst->primary_sector();
            req.source = "import";
            if (const auto* t = table_of(tables, row.table)) req.table_choice_id = t->id;
            auto reg = regs.register_person(req);
            ++result.registrations;
            if (reg.status == "waiting") ++result.waiting;
            const auto status = status_from_text(row.status);
            if (status == "attended") regs.check_in(reg.id);
            if (status == "no_show" && reg.status == "registered") regs.set_status(reg.id, "no_show");
            if (status == "cancelled")
                regs.set_status(reg.id, "cancelled", row.reason.empty() ? tr("cancelled before the import") : row.reason);
        }
        return result;
    });
}

}  // namespace maillage::exchange
