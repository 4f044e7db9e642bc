#include "catalogue_import.h"

#include "catalogue_registrations.h"
#include "catalogue_store.h"
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

std::vector<CsvRow> read_csv(const std::string& text, const std::string& file) {
    std::size_t first_line_end = text.find('\n');
    std::string first = text.substr(0, first_line_end);
    char sep = std::count(first.begin(), first.end(), ';') > std::count(first.begin(), first.end(), ',') ? ';' : ',';
    std::vector<CsvRow> rows;
    std::vector<std::string> row;
    int row_line = 1;
    std::string field;
    int line = 1, column = 1;
    std::size_t i = 0;
    if (text.rfind("\xEF\xBB\xBF", 0) == 0) i = 3;  // byte order mark
    bool any = false;
    while (i < text.size()) {
        char c = text[i];
        if (c == '"' && field.empty()) {
            int qline = line, qcol = column;
            ++i;
            ++column;
            bool closed = false;
            while (i < text.size()) {
                if (text[i] == '"') {
                    if (i + 1 < text.size() && text[i + 1] == '"') {
                        field += '"';
                        i += 2;
                        column += 2;
                        continue;
                    }
                    closed = true;
                    ++i;
                    ++column;
                    break;
                }
                if (text[i] == '\n') {
                    ++line;
                    column = 1;
                } else {
                    ++column;
                }
                field += text[i++];
            }
            if (!closed) throw ParseError(file, qline, qcol, {}, tr("a quoted field is not closed"));
            if (i < text.size() && text[i] != sep && text[i] != '\n' && text[i] != '\r')
                throw ParseError(file, line, column, {}, tr("unexpected text after a closing quote"));
            any = true;
            continue;
        }
        if (c == sep) {
            row.push_back(field);
            field.clear();
            any = true;
        } else if (c == '\n' || c == '\r') {
            if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
            if (any || !field.empty()) {
                row.push_back(field);
                rows.push_back({row_line, row});
            }
            row.clear();
            field.clear();
            any = false;
            ++line;
            row_line = line;
            column = 0;
        } else {
            field += c;
            any = true;
        }
        ++i;
        ++column;
    }
    if (any || !field.empty()) {
        row.push_back(field);
        rows.push_back({row_line, row});
    }
    return rows;
}

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

std::optional<int64_t> column_of(const CsvRow& header, std::initializer_list<const char*> names) {
    for (std::size_t i = 0; i < header.size(); ++i) {
        std::string h = normalise_name(header[i]);
        for (const char* n : names)
            if (h == normalise_name(n)) return static_cast<int64_t>(i);
    }
    return std::nullopt;
}

// Known institutions by normalised name (live ones).
std::optional<int64_t> find_institution(Database& db, const std::string& name) {
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
                                  const std::string& default_training) {
    auto rows = read_csv(text, file);
    if (rows.empty()) throw ParseError(file, 1, 1, {}, tr("the file is empty"));
    const auto& header = rows.front();
    auto c_first = column_of(header, {"first_name", "prenom", "firstname", "voornaam"});
    auto c_last = column_of(header, {"last_name", "nom", "lastname", "achternaam", "naam"});
    auto c_email = column_of(header, {"email", "e-mail", "courriel", "mail"});
    auto c_inst = column_of(header, {"institution", "organisation", "service", "organisatie"});
    auto c_training = column_of(header, {"training", "formation", "vorming"});
    auto c_phone = column_of(header, {"phone", "telephone", "telefoon"});
    if (!c_first || !c_last) throw ParseError(file, 1, 1, "first_name/last_name", tr("the columns first_name and last_name are required"));
    if (!c_training && default_training.empty())
        throw ParseError(file, 1, 1, "training", tr("no training column and no training given"));

    ImportReport report;
    CatalogueStore store(db);
    RegistrationService registrations(db);
    PersonRepository people(db);
    InstitutionRepository institutions(db);
    std::set<std::string> seen;  // training|email and training|name|institution already in this file

    db.write([&] {
        for (std::size_t r = 1; r < rows.size(); ++r) {
            const auto& row = rows[r];
            auto cell = [&](std::optional<int64_t> c) {
                if (!c || static_cast<std::size_t>(*c) >= row.size()) return std::string();
                auto v = row[static_cast<std::size_t>(*c)];
                auto b = v.find_first_not_of(" \t");
                auto e = v.find_last_not_of(" \t");
                return b == std::string::npos ? std::string() : v.substr(b, e - b + 1);
            };
            ImportLine line;
            line.line = row.line;
            ++report.rows;
            std::string first = cell(c_first), last = cell(c_last), email = lower(cell(c_email)), inst_name = cell(c_inst);
            std::string training_code = cell(c_training).empty() ? default_training : cell(c_training);
            line.person = first + " " + last;
            auto training = store.training(training_code);
            if (first.empty() && last.empty()) {
                line.outcome = "error";
                line.message = tr("no name");
            } else if (!training) {
                line.outcome = "error";
                line.message = trf("unknown training {code}", fmt::arg("code", training_code));
            }
            if (line.outcome == "error") {
                ++report.errors;
                report.lines.push_back(line);
                continue;
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

            auto institution = find_institution(db, inst_name);
            std::optional<int64_t> person;
            if (!email.empty())
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
