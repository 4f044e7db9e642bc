#include "catalogue_import_sheets.h"

#include "catalogue_registrations.h"
#include "catalogue_store.h"

#include "core/database.h"
#include "core/entity_import.h"
#include "core/error.h"
#include "core/i18n.h"
#include "core/import_columns.h"
#include "core/import_rows.h"
#include "core/importer_table.h"
#include "core/known_values.h"
#include "core/sessions.h"
#include "core/sql_query.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>

#include <sstream>

namespace maillage::catalogue {
namespace {

using Col = RowReader::Col;

// The column that names a training by its code, and the ones that name an edition.
const headers::Names kTraining = {"training", "formation", "vorming"};
const headers::Names kEdition = {"edition", "édition", "editie"};

TrainingRow training_of(const RowReader& r, const csv::Row& row, Col c) {
    const auto code = r.required(row, c);
    CatalogueStore store(r.db());
    if (auto t = store.training(code)) return *t;
    std::vector<std::string> codes;
    for (const auto& t : store.trainings()) codes.push_back(t.input.code);
    r.fail(row, c, trf("unknown training \"{code}\" (trainings: {codes})", fmt::arg("code", code),
                       fmt::arg("codes", valid_values(codes, code))));
}

// The training's day on a date (not cancelled first).
std::optional<int64_t> day_on(Database& db, int64_t training_id, const std::string& date) {
    return select_first<int64_t>(db.sql(),
                                "SELECT s.id FROM catalogue_training_day d JOIN session s ON s.id = d.session_id WHERE "
                                "d.training_id = ? AND s.date = ? ORDER BY s.status = 'cancelled', s.id LIMIT 1",
                                training_id, date);
}

ImportCount import_editions(Database& db, const csv::Table& t) {
    RowReader r(db, t);
    const auto [c_code, c_year] = read_columns(r, {need({headers::code, kEdition}), need({"year", "année", "jaar"})});
    CatalogueStore store(db);
    return count_rows(t, [&](const csv::Row& row) {
        const auto code = r.required(row, c_code);
        const auto year = r.integer(row, c_year, 2000, 2100);
        if (!year) r.fail(row, c_year, tr("a year is required"));
        if (store.edition_id(code)) return RowOutcome::unchanged;
        at_row(r, row, c_code, [&] { return store.ensure_edition(code, int(*year)); });
        return RowOutcome::created;
    });
}

ImportCount import_modules(Database& db, const csv::Table& t) {
    RowReader r(db, t);
    const auto [c_code, c_theme, c_title_fr, c_title_nl, c_duration, c_objectives, c_trainers] =
        read_columns(r, {need(headers::code),
                         need(headers::theme),
                         need(headers::title_fr),
                         headers::title_nl,
                         need({"duration_minutes", "durée", "duur", "minutes"}),
                         {"objectives", "objectifs", "doelstellingen"},
                         {"trainers", "formateurs", "vormingswerkers"}});
    CatalogueStore store(db);
    std::vector<std::string> themes;
    for (const auto& k : store.themes()) themes.push_back(k.theme.code);
    return count_rows(t, [&](const csv::Row& row) {
        catalog::ModuleSheet m;
        m.code = r.required(row, c_code);
        m.theme_code = r.choice(row, c_theme, themes);
        if (m.theme_code.empty()) r.fail(row, c_theme, tr("the theme is required"));
        m.title.fr = r.required(row, c_title_fr);
        m.title.nl = r.required(row, c_title_nl);
        const auto minutes = r.integer(row, c_duration, 15, 24 * 60);
        if (!minutes) r.fail(row, c_duration, tr("the duration in minutes is required"));
        m.duration_minutes = int(*minutes);
        m.objectives = r.text(row, c_objectives);
        for (const auto& e : split_list(r.text(row, c_trainers))) {
            csv::Row one = row;
            one.fields[*c_trainers] = e;
            RowReader(db, t).person(one, c_trainers);  // an unknown email is an error here
            m.trainer_emails.push_back(e);
        }
        auto known = store.module(m.code);
        if (known && known->sheet.theme_code == m.theme_code && known->sheet.title.fr == m.title.fr &&
            known->sheet.title.nl == m.title.nl && known->sheet.duration_minutes == m.duration_minutes &&
            known->sheet.objectives == m.objectives)
            return RowOutcome::unchanged;
        if (known) {  // a new version of the sheet keeps what the file does not say
            auto sheet = known->sheet;
            sheet.theme_code = m.theme_code;
            sheet.title.fr = m.title.fr;
            if (!m.title.nl.empty()) sheet.title.nl = m.title.nl;
            sheet.duration_minutes = m.duration_minutes;
            if (!m.objectives.empty()) sheet.objectives = m.objectives;
            if (!m.trainer_emails.empty()) sheet.trainer_emails = m.trainer_emails;
            m = sheet;
        }
        at_row(r, row, c_code, [&] { return store.save_module(m); });
        return row_outcome(!known, true);
    });
}

ImportCount import_trainings(Database& db, const csv::Table& t) {
    RowReader r(db, t);
    const auto [c_code, c_edition, c_kind, c_title_fr, c_title_nl, c_modules, c_inst, c_seats, c_venue] =
        read_columns(r, {need(headers::code),
                         kEdition,
                         {{"kind"}, headers::type},
                         need(headers::title_fr),
                         headers::title_nl,
                         need({"modules"}),
                         headers::institution,
                         {"seats", "places", "plaatsen"},
                         headers::venue});
    CatalogueStore store(db);
    return count_rows(t, [&](const csv::Row& row) {
        TrainingInput in;
        in.code = r.required(row, c_code);
        in.kind = r.choice(row, c_kind, {"open", "custom"}, {{"ouverte", "open"}, {"sur mesure", "custom"},
                                                             {"op maat", "custom"}},
                           "open");
        in.edition = r.text(row, c_edition);
        if (in.kind == "open" && in.edition.empty()) r.fail(row, c_edition, tr("an open training needs an edition"));
        if (!in.edition.empty() && !store.edition_id(in.edition)) {
            auto known = store.editions();
            r.fail(row, c_edition, trf("unknown edition \"{code}\" (editions: {codes})", fmt::arg("code", in.edition),
                                       fmt::arg("codes", valid_values(known, in.edition))));
        }
        in.title.fr = r.required(row, c_title_fr);
        in.title.nl = r.text(row, c_title_nl);
        in.module_codes = split_list(r.required(row, c_modules));
        in.institution_id = r.institution(row, c_inst);
        if (auto n = r.integer(row, c_seats, 0, 10000)) in.seats = int(*n);
        in.venue = r.text(row, c_venue);
        // A known code is left as it is: change it in the window.
        if (store.training(in.code)) return RowOutcome::unchanged;
        at_row(r, row, c_modules, [&] { return store.create_training(in); });
        return RowOutcome::created;
    });
}

ImportCount import_days(Database& db, const csv::Table& t) {
    RowReader r(db, t);
    const auto [c_training, c_date, c_start, c_end, c_venue, c_t1, c_t2, c_status, c_programme, c_funder] =
        read_columns(r, {need(kTraining),
                         need(headers::date),
                         {headers::start_time, {"start"}},
                         {headers::end_time, {"end"}},
                         headers::venue,
                         {"trainer1", "trainer 1", "formateur 1", "formateur1"},
                         {"trainer2", "trainer 2", "formateur 2", "formateur2"},
                         headers::status,
                         headers::programme,
                         headers::funder});
    CatalogueStore store(db);
    return count_rows(t, [&](const csv::Row& row) {
        const auto training = training_of(r, row, c_training);
        DayInput d;
        d.date = r.date(row, c_date, true);
        d.start_time = r.time(row, c_start);
        d.end_time = r.time(row, c_end);
        d.venue = r.text(row, c_venue);
        for (auto c : {c_t1, c_t2})
            if (auto p = r.person_or_none(row, c)) d.trainer_ids.push_back(*p);
        d.status = r.choice(row, c_status, {"planned", "held", "cancelled"},
                            {{"prévue", "planned"}, {"tenue", "held"}, {"annulée", "cancelled"},
                             {"gepland", "planned"}, {"gehouden", "held"}, {"geannuleerd", "cancelled"}},
                            "held");
        d.programme_id = r.programme(row, c_programme);
        d.funder_id = r.funder(row, c_funder);
        if (day_on(db, training.id, d.date)) return RowOutcome::unchanged;
        at_row(r, row, c_date, [&] { return store.add_day(training.id, d); });
        return RowOutcome::created;
    });
}

ImportCount import_registrations_sheet(Database& db, const csv::Table& t, bool attendance) {
    RowReader r(db, t);
    const auto c_training = r.need_col(kTraining);
    const auto c_date = attendance ? r.need_col(headers::date) : Col{};
    const auto who = person_columns(r);
    const auto c_status = r.col(headers::presence);
    const auto c_reason = r.col(headers::reason);
    if (!who.email && !who.last)
        throw ParseError(t.file, 1, 1, "email", tr("a column email (or first_name and last_name) is required"));
    RegistrationService regs(db);
    SessionRepository sessions(db);
    int registered = 0;
    auto count = count_rows(t, [&](const csv::Row& row) {
        const auto training = training_of(r, row, c_training);
        const auto person = who.person(r, row);
        const auto institution = r.institution(row, who.institution);
        if (!attendance) {
            const auto status = r.choice(row, c_status, {"registered", "cancelled"},
                                         {{"inscrit", "registered"}, {"inscrite", "registered"},
                                          {"ingeschreven", "registered"}, {"annulé", "cancelled"},
                                          {"annulée", "cancelled"}, {"geannuleerd", "cancelled"}},
                                         "registered");
            auto existing = regs.find(training.id, person);
            const bool active = existing && existing->status != "cancelled";
            if ((status == "registered") == active) return RowOutcome::unchanged;
            if (status == "registered") {
                at_row(r, row, c_training, [&] { return regs.register_person(training.id, person, institution, "import"); });
            } else {
                const auto reason = r.text(row, c_reason);
                at_row(r, row, c_status, [&] {
                    return regs.cancel(training.id, person, reason.empty() ? tr("cancelled before the import") : reason);
                });
            }
            return row_outcome(!existing, true);
        }
        const auto date = r.date(row, c_date, true);
        const auto day = day_on(db, training.id, date);
        if (!day)
            r.fail(row, c_date, trf("training {code} has no day on {date} (import it in catalogue_days)",
                                    fmt::arg("code", training.input.code), fmt::arg("date", date)));
        const auto status = r.choice(row, c_status, attendance_status_codes(),
                                     {{"présent", "present"}, {"présente", "present"}, {"aanwezig", "present"},
                                      {"excusé", "excused"}, {"excusée", "excused"}, {"verontschuldigd", "excused"},
                                      {"absente", "absent"}, {"afwezig", "absent"}, {"x", "present"},
                                      {"oui", "present"}, {"ja", "present"}, {"yes", "present"}, {"1", "present"}},
                                     "present");
        const auto reason = r.text(row, c_reason);
        // Someone who came was registered: the registration is added when missing.
        if (auto reg = regs.find(training.id, person); !reg || reg->status == "cancelled") {
            at_row(r, row, c_training, [&] { return regs.register_person(training.id, person, institution, "import"); });
            ++registered;
        }
        const auto rows = sessions.attendance(*day);
        auto it = std::find_if(rows.begin(), rows.end(), [&](const auto& a) { return a.person_id == person; });
        if (it != rows.end() && it->status == status && it->reason == reason) return RowOutcome::unchanged;
        const bool was_registered_only = it != rows.end() && it->status == "registered";
        at_row(r, row, c_status, [&] {
            regs.set_attendance(*day, person, status, reason);
            return 0;
        });
        return row_outcome(it == rows.end() || was_registered_only, true);
    });
    if (registered) count.notes.push_back(trf("{n} registrations added for people who came", fmt::arg("n", registered)));
    return count;
}

// Expectations collected at the start of a training, and whether they were met.
ImportCount import_expectations(Database& db, const csv::Table& t) {
    RowReader r(db, t);
    const auto c_training = r.need_col(kTraining);
    auto who = person_columns(r);
    who.institution = {};  // the sheet names people by email or name only
    const auto c_text = r.need_col({"expectation", "attente", "verwachting"});
    const auto c_met = r.col({"met", "rencontrée", "rencontrée ?", "ingelost"});
    RegistrationService regs(db);
    return count_rows(t, [&](const csv::Row& row) {
        const auto training = training_of(r, row, c_training);
        const auto person = who.person(r, row);
        const auto text = r.required(row, c_text);
        const auto met = r.choice(row, c_met, {"yes", "partly", "no"},
                                  {{"oui", "yes"}, {"ja", "yes"}, {"en partie", "partly"}, {"partiellement", "partly"},
                                   {"gedeeltelijk", "partly"}, {"non", "no"}, {"nee", "no"}});
        std::optional<Expectation> known;
        for (const auto& e : regs.expectations(training.id))
            if (e.person_id == person && e.text == text) known = e;
        if (known && known->met == met) return RowOutcome::unchanged;
        const auto id = known ? known->id : at_row(r, row, c_text, [&] { return regs.add_expectation(training.id, person, text); });
        if (!met.empty())
            at_row(r, row, c_met, [&] {
                regs.set_expectation_met(id, met);
                return 0;
            });
        return row_outcome(!known, true);
    });
}

// The column that names a row's training, and the one that names its day.
ImportColumnDoc training_doc() { return {"training", {"formation"}, true, tr("The training's code"), ""}; }
ImportColumnDoc day_doc() { return {"date", {"datum"}, true, tr("The day's date"), ""}; }

std::vector<ImportColumnDoc> person_docs() {
    auto c = person_column_docs();
    c.push_back({"institution", {"instelling"}, false, tr("The institution the participation counts for, by name"), ""});
    return c;
}

}  // namespace

void register_catalogue_importers() {
    register_importers("catalogue", {
        {"catalogue_editions", 300, N_("Catalogue editions"),
         [] {
             return std::vector<ImportColumnDoc>{
                 {"code", {"édition"}, true, tr("The edition's code, e.g. 2025"), ""},
                 {"year", {"année", "jaar"}, true, tr("The calendar year of its trainings"), ""}};
         },
         import_editions},
        {"catalogue_modules", 305, N_("Training modules"),
         [] {
             ImportColumnDoc theme{"theme", {"thème", "thema"}, true, tr("The theme's code"), "themes"};
             theme.values = [](Database& db) {
                 std::vector<std::string> codes;
                 for (const auto& k : CatalogueStore(db).themes()) codes.push_back(k.theme.code);
                 return codes;
             };
             return std::vector<ImportColumnDoc>{
                 {"code", {}, true, tr("The module's code: trainings name it by this"), ""},
                 theme,
                 {"title_fr", {"titre"}, true, tr("French title"), ""},
                 {"title_nl", {"titel"}, true, tr("Dutch title"), ""},
                 {"duration_minutes", {"durée", "duur"}, true, tr("Its length in minutes"), ""},
                 {"objectives", {"objectifs"}, false, tr("Objectives"), ""},
                 {"trainers", {"formateurs"}, false, tr("Qualified trainers' emails separated by |"), ""}};
         },
         import_modules},
        {"catalogue_trainings", 310, N_("Trainings"),
         [] {
             return std::vector<ImportColumnDoc>{
                 {"code", {}, true, tr("The training's code: the other sheets name it by this"), ""},
                 {"edition", {"édition"}, false, tr("The edition code (open trainings)"), ""},
                 {"kind", {"type"}, false, tr("open or custom"), "open|custom"},
                 {"title_fr", {"titre"}, true, tr("French title"), ""},
                 {"title_nl", {"titel"}, false, tr("Dutch title"), ""},
                 {"modules", {}, true, tr("Module codes separated by |"), ""},
                 {"institution", {"instelling"}, false, tr("The institution a custom training is for"), ""},
                 {"seats", {"places"}, false, tr("Seats (0 = no limit)"), ""},
                 {"venue", {"lieu"}, false, tr("Where it takes place"), ""}};
         },
         import_trainings},
        {"catalogue_days", 320, N_("Training days"),
         [] {
             return std::vector<ImportColumnDoc>{
                 training_doc(),
                 day_doc(),
                 {"start_time", {"heure de début"}, false, tr("09:30"), ""},
                 {"end_time", {"heure de fin"}, false, tr("16:00"), ""},
                 {"venue", {"lieu"}, false, tr("Where it takes place"), ""},
                 {"trainer1", {"formateur 1"}, false, tr("First trainer's email"), ""},
                 {"trainer2", {"formateur 2"}, false, tr("Second trainer's email"), ""},
                 {"status", {"statut"}, false, tr("planned, held or cancelled (default held)"), "planned|held|cancelled"},
                 {"programme", {"programma"}, false, tr("Programme code"), "programmes"},
                 {"funder", {"financeur"}, false, tr("Funder code"), "funders"}};
         },
         import_days},
        {"catalogue_registrations", 330, N_("Training registrations"),
         [] {
             return join_columns(
                 {training_doc()}, person_docs(),
                 std::vector<ImportColumnDoc>{
                     {"status", {"statut"}, false, tr("registered or cancelled"), "registered|cancelled"},
                     {"reason", {"motif"}, false, tr("Why it was cancelled"), ""}});
         },
         [](Database& db, const csv::Table& t) { return import_registrations_sheet(db, t, false); }},
        {"catalogue_expectations", 350, N_("Training expectations"),
         [] {
             return join_columns(
                 {training_doc()}, person_column_docs(),
                 std::vector<ImportColumnDoc>{
                     {"expectation", {"attente", "verwachting"}, true, tr("What they expected, in their words"), ""},
                     {"met", {"rencontrée"}, false, tr("yes, partly or no (empty: not assessed)"), "yes|partly|no"}});
         },
         import_expectations},
        {"catalogue_attendance", 340, N_("Training attendance"),
         [] {
             return join_columns(
                 {training_doc(), day_doc()}, person_docs(),
                 std::vector<ImportColumnDoc>{
                     {"status", {"statut", "présence"}, false, tr("present, excused, absent (default present)"),
                      "present|excused|absent|registered"},
                     {"reason", {"motif"}, false, tr("Why excused"), ""}});
         },
         [](Database& db, const csv::Table& t) { return import_registrations_sheet(db, t, true); }},
    });
}

}  // namespace maillage::catalogue
