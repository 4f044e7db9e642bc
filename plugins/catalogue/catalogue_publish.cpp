#include "catalogue_publish.h"

#include "catalogue_registrations.h"
#include "catalogue_store.h"
#include "core/database.h"
#include "core/error.h"
#include "core/i18n.h"
#include "core/people.h"
#include "core/sessions.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <map>
#include <set>

namespace maillage::catalogue {

std::string organisation_name(Database& db) {
    SQLite::Statement q(db.sql(), "SELECT value FROM setting WHERE key = 'catalogue.organisation'");
    if (q.executeStep() && !q.getColumn(0).isNull()) return q.getColumn(0).getString();
    return "Maillage";
}

catalog::Edition load_edition(Database& db, const std::string& code) {
    CatalogueStore store(db);
    if (!store.edition_id(code)) throw Error(trf("Unknown edition {code}.", fmt::arg("code", code)));
    catalog::Edition e;
    e.code = code;
    {
        SQLite::Statement q(db.sql(), "SELECT year FROM catalogue_edition WHERE code = ?");
        q.bind(1, code);
        q.executeStep();
        e.year = q.getColumn(0).getInt();
    }
    e.organisation = organisation_name(db);
    {
        // What is over on the day of publication is marked so on the site.
        SQLite::Statement q(db.sql(), "SELECT date('now','localtime')");
        q.executeStep();
        e.today = q.getColumn(0).getString();
    }
    {
        SQLite::Statement q(db.sql(), "SELECT value FROM setting WHERE key = 'catalogue.contact_email'");
        if (q.executeStep() && !q.getColumn(0).isNull()) e.contact_email = q.getColumn(0).getString();
    }
    for (const auto& t : store.themes()) e.themes.push_back(t.theme);

    // A past edition shows the sheet versions its trainings used; modules not used by any
    // training show their current sheet.
    std::set<std::string> placed;
    RegistrationService registrations(db);
    SessionRepository sessions(db);
    PersonRepository people(db);
    for (const auto& row : store.trainings(code, "open")) {
        if (row.input.status == "cancelled") continue;
        catalog::OpenTraining t;
        t.code = row.input.code;
        t.title = row.input.title;
        t.module_codes = row.input.module_codes;
        t.venue = row.input.venue;
        t.seats = row.input.seats;
        t.seats_taken = registrations.seats_taken(row.id);
        t.price_cents = row.input.price_cents;
        t.registration_deadline = row.input.registration_deadline;
        t.languages = row.input.languages;
        t.registration_url = row.input.registration_url;
        for (auto sid : row.day_session_ids) {
            auto s = sessions.get(sid);
            catalog::TrainingDay d{s->date, s->start_time, s->end_time, s->place, {}, s->status == "cancelled"};
            for (auto p : store.day_trainers(sid))
                if (auto person = people.get(p)) d.trainers.push_back(person->display_name());
            t.days.push_back(d);
        }
        for (auto v : row.module_version_ids) {
            auto m = store.module_version(v);
            if (m && placed.insert(m->sheet.code).second) e.modules.push_back(m->sheet);
        }
        e.trainings.push_back(t);
    }
    for (const auto& m : store.modules())
        if (placed.insert(m.sheet.code).second) e.modules.push_back(m.sheet);
    // Qualified trainers on each sheet (current qualifications).
    for (auto& m : e.modules)
        if (auto current = store.module(m.code)) {
            m.trainer_emails = current->sheet.trainer_emails;
            m.trainer_names = current->sheet.trainer_names;
        }
    // Modules by theme order, then code.
    std::map<std::string, int> order;
    for (const auto& t : e.themes) order[t.code] = t.sort_order;
    std::stable_sort(e.modules.begin(), e.modules.end(), [&](const auto& a, const auto& b) {
        return std::tie(order[a.theme_code], a.code) < std::tie(order[b.theme_code], b.code);
    });
    return e;
}

catalog::PublishResult publish(Database& db, const std::string& edition_code, const std::filesystem::path& out,
                               const catalog::PublishOptions& options) {
    auto edition = load_edition(db, edition_code);
    if (!options.today.empty()) edition.today = options.today;
    auto result = catalog::publish_edition(edition, out, options);
    if (!db.read_only())
        db.write([&] {
            SQLite::Statement q(db.sql(), "UPDATE catalogue_edition SET published_at = strftime('%Y-%m-%dT%H:%M:%SZ','now') WHERE code = ?");
            q.bind(1, edition_code);
            q.exec();
        });
    return result;
}

}  // namespace maillage::catalogue
