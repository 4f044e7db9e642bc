#include "catalogue_import.h"

#include "catalogue_registrations.h"
#include "catalogue_store.h"
#include "core/csv.h"
#include "core/database.h"
#include "core/error.h"
#include "core/i18n.h"
#include "core/institutions.h"
#include "core/people.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <map>
#include <optional>
#include <set>

namespace maillage::catalogue {

std::string normalise_name(const std::string& text) {
    static const std::map<std::string, char> folds = {
        {"à", 'a'}, {"á", 'a'}, {"â", 'a'}, {"ä", 'a'}, {"ã", 'a'}, {"ç", 'c'}, {"è", 'e'}, {"é", 'e'}, {"ê", 'e'},
        {"ë", 'e'}, {"ì", 'i'}, {"í", 'i'}, {"î", 'i'}, {"ï", 'i'}, {"ñ", 'n'}, {"ò", 'o'}, {"ó", 'o'}, {"ô", 'o'},
        {"ö", 'o'}, {"ù", 'u'}, {"ú", 'u'}, {"û", 'u'}, {"ü", 'u'}, {"ÿ", 'y'}, {"À", 'a'}, {"Á", 'a'}, {"Â", 'a'},
        {"Ä", 'a'}, {"Ç", 'c'}, {"È", 'e'}, {"É", 'e'}, {"Ê", 'e'}, {"Ë", 'e'}, {"Î", 'i'}, {"Ï", 'i'}, {"Ô", 'o'},
        {"Ö", 'o'}, {"Ù", 'u'}, {"Û", 'u'}, {"Ü", 'u'}};
    std::string out;
    bool space = true;
    for (std::size_t i = 0; i < text.size();) {
        unsigned char c = static_cast<unsigned char>(text[i]);
        char folded = 0;
        std::size_t len = 1;
        if (c >= 0x80) {
            len = (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 1;
            auto it = folds.find(text.substr(i, len));
            folded = it != folds.end() ? it->second : 0;
            if (!folded) {
                out += text.substr(i, len);
                space = false;
                i += len;
                continue;
            }
        } else if (std::isalnum(c)) {
            folded = static_cast<char>(std::tolower(c));
        }
        if (folded) {
            out += folded;
            space = false;
        } else if (!space) {
            out += ' ';
            space = true;
        }
        i += len;
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

namespace {

// Known institutions by normalised name (live ones).
std::optional<int64_t> known_institution(Database& db, const std::string& name) {
    std::string key = normalise_name(name);
    if (key.empty()) return std::nullopt;
    SQLite::Statement q(db.sql(), "SELECT id, name FROM institution WHERE merged_into IS NULL");
    while (q.executeStep())
        if (normalise_name(q.getColumn(1).getString()) == key) return q.getColumn(0).getInt64();
    return std::nullopt;
}

// A person with the same normalised name who works or worked at the institution.
std::optional<int64_t> find_by_name_and_institution(Database& db, const std::string& first, const std::string& last,
                                                    std::optional<int64_t> institution) {
    if (!institution) return std::nullopt;
    std::string key = normalise_name(first + " " + last);
    SQLite::Statement q(db.sql(), "SELECT DISTINCT p.id, coalesce(p.first_name,''), coalesce(p.last_name,'') FROM person p "
                                  "JOIN employment e ON e.person_id = p.id WHERE e.institution_id = ? AND p.erased_at IS NULL");
    q.bind(1, *institution);
    while (q.executeStep())
        if (normalise_name(q.getColumn(1).getString() + " " + q.getColumn(2).getString()) == key) return q.getColumn(0).getInt64();
    return std::nullopt;
}

std::string lower(std::string s) {
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

}  // namespace

ImportReport import_registrations(Database& db, const std::string& text, const std::string& file,
                                  const std::string& default_training, const std::map<int, int64_t>& same_person) {
    auto table = csv::parse(text, file);
    auto c_first = table.find({"first_name", "prenom", "firstname", "voornaam"});
    auto c_last = table.find({"last_name", "nom", "lastname", "achternaam", "naam"});
    auto c_email = table.find({"email", "e-mail", "courriel", "mail"});
    auto c_inst = table.find({"institution", "organisation", "service", "organisatie"});
    auto c_training = table.find({"training", "formation", "vorming"});
    auto c_phone = table.find({"phone", "telephone", "telefoon"});
    if (!c_first || !c_last) throw ParseError(file, 1, 1, "first_name/last_name", tr("the columns first_name and last_name are required"));
    if (!c_training && default_training.empty())
        throw ParseError(file, 1, 1, "training", tr("no training column and no training given"));

    // One-line columns with a line break refuse the file, naming the cell, before anything is written.
    for (const auto& row : table.rows)
        for (const auto& c : {c_first, c_last, c_email, c_inst, c_training, c_phone}) table.require_single_line(row, c);

    ImportReport report;
    CatalogueStore store(db);
    RegistrationService registrations(db);
    PersonRepository people(db);
    InstitutionRepository institutions(db);
    std::set<std::string> seen;  // training|email and training|name|institution already in this file

    db.write([&] {
        for (const auto& row : table.rows) {
            auto cell = [&](std::optional<std::size_t> c) { return table.value(row, c); };
            ImportLine line;
            line.line = row.line;
            ++report.rows;
            std::string first = cell(c_first), last = cell(c_last), email = lower(cell(c_email)), inst_name = cell(c_inst);
            std::string training_code = cell(c_training).empty() ? default_training : cell(c_training);
            line.person = first + " " + last;
            auto training = store.training(training_code);
            // A bad row refuses the whole file (the transaction rolls back): all rows or none.
            if (first.empty() && last.empty()) table.fail(row, *c_last, tr("a first or a last name"));
            if (!training) {
                std::string codes;
                for (const auto& t : store.trainings()) codes += (codes.empty() ? "" : ", ") + t.input.code;
                const auto reason = trf("unknown training \"{code}\" (known: {codes})", fmt::arg("code", training_code),
                                        fmt::arg("codes", codes.empty() ? tr("none") : codes));
                if (c_training && !cell(c_training).empty()) table.fail(row, *c_training, reason);
                table.fail(row, reason);
            }
            std::string name_key = training_code + "|" + normalise_name(first + " " + last) + "|" + normalise_name(inst_name);
            std::string email_key = training_code + "|" + email;
            if ((!email.empty() && seen.count(email_key)) || seen.count(name_key)) {
                line.outcome = "duplicate_in_file";
                line.message = tr("same person as an earlier line");
                ++report.duplicates_in_file;
                report.lines.push_back(line);
                continue;
            }
            if (!email.empty()) seen.insert(email_key);
            seen.insert(name_key);

            auto institution = known_institution(db, inst_name);
            std::optional<int64_t> person;
            if (auto chosen = same_person.find(row.line); chosen != same_person.end()) person = chosen->second;
            if (!person && !email.empty())
                if (auto p = people.find_by_email(email)) {
                    person = p->id;
                    line.matched_by_email = true;
                }
            if (!person) person = find_by_name_and_institution(db, first, last, institution);
            if (person) {
                ++report.matched_people;
            } else {
                if (!institution && !inst_name.empty()) {
                    Institution i;
                    i.name = inst_name;
                    i.notes = "imported from registrations";
                    institution = institutions.create(i);
                    ++report.new_institutions;
                }
                Person p;
                p.first_name = first;
                p.last_name = last;
                p.email = email;
                p.phone = cell(c_phone);
                p.roles = {"worker"};
                person = people.create(p);
                if (institution) {
                    Employment e;
                    e.person_id = *person;
                    e.institution_id = *institution;
                    people.add_employment(e);
                }
                line.new_person = true;
                ++report.new_people;
            }
            line.person_id = *person;
            auto existing = registrations.find(training->id, *person);
            if (existing && existing->status != "cancelled") {
                line.outcome = "already";
                line.message = tr("already registered");
                ++report.already;
            } else {
                auto reg = registrations.register_person(training->id, *person, institution, "import");
                line.outcome = reg.status;
                (reg.status == "registered" ? report.registered : report.waiting) += 1;
            }
            report.lines.push_back(line);
        }
    });
    return report;
}

}  // namespace maillage::catalogue
