#include "catalogue_import_preview.h"

#include "core/csv.h"
#include "core/database.h"
#include "core/people.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <cctype>

namespace maillage::catalogue {
namespace {
struct RolledBack {
    ImportReport report;
};

std::string lower(std::string s) {
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}
}  // namespace

std::vector<PossibleDuplicate> possible_duplicates(Database& db, const std::string& text, const std::string& file) {
    auto table = csv::parse(text, file);
    auto c_first = table.find({"first_name", "prenom", "firstname", "voornaam"});
    auto c_last = table.find({"last_name", "nom", "lastname", "achternaam", "naam"});
    auto c_email = table.find({"email", "e-mail", "courriel", "mail"});
    std::vector<PossibleDuplicate> out;
    if (!c_first || !c_last) return out;  // the import itself says what is missing
    PersonRepository people(db);
    for (const auto& row : table.rows) {
        const std::string first = table.value(row, c_first), last = table.value(row, c_last);
        const std::string email = lower(table.value(row, c_email));
        if (!email.empty() && people.find_by_email(email)) continue;
        const std::string key = normalise_name(first + " " + last);
        if (key.empty()) continue;
        SQLite::Statement q(db.sql(), "SELECT id, coalesce(first_name,''), coalesce(last_name,''), coalesce(email,'') "
                                      "FROM person WHERE erased_at IS NULL");
        while (q.executeStep()) {
            if (normalise_name(q.getColumn(1).getString() + " " + q.getColumn(2).getString()) != key) continue;
            out.push_back({row.line, first + " " + last, email, q.getColumn(0).getInt64(),
                           q.getColumn(1).getString() + " " + q.getColumn(2).getString(), q.getColumn(3).getString()});
            break;
        }
    }
    return out;
}

ImportReport preview_registrations(Database& db, const std::string& text, const std::string& file,
                                   const std::string& default_training, const std::map<int, int64_t>& same_person) {
    try {
        db.write([&] { throw RolledBack{import_registrations(db, text, file, default_training, same_person)}; });
    } catch (RolledBack& done) {
        return std::move(done.report);
    }
    return {};
}

}  // namespace maillage::catalogue
