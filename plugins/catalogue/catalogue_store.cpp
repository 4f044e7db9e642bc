#include "catalogue_store.h"

#include "catalogue_schema.h"
#include "core/validate.h"
#include "core/audit.h"
#include "core/database.h"
#include "core/error.h"
#include "core/record_table.h"
#include "core/i18n.h"
#include "core/row_reader.h"
#include "core/single_line.h"
#include "core/people.h"
#include "core/sessions.h"
#include "core/row_query.h"
#include "core/sql_util.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <sstream>

namespace maillage::catalogue {
namespace {

std::string col_text(SQLite::Statement& q, int i) { return q.getColumn(i).isNull() ? "" : q.getColumn(i).getString(); }


using MR = ModuleRecord;
using Sheet = catalog::ModuleSheet;
using Text = catalog::LocalText;
const RowMap kModuleRow{
    column("m.id AS module_id", &MR::module_id), column("v.id AS version_id", &MR::version_id),
    column("m.code", &MR::sheet, &Sheet::code), column("v.version", &MR::sheet, &Sheet::version),
    column("t.code AS theme_code", &MR::sheet, &Sheet::theme_code),
    column("v.title_fr", &MR::sheet, &Sheet::title, &Text::fr), column("v.title_nl", &MR::sheet, &Sheet::title, &Text::nl),
    column("v.title_en", &MR::sheet, &Sheet::title, &Text::en),
    column("v.description_fr", &MR::sheet, &Sheet::description, &Text::fr),
    column("v.description_nl", &MR::sheet, &Sheet::description, &Text::nl),
    column("v.description_en", &MR::sheet, &Sheet::description, &Text::en),
    column("v.duration_minutes", &MR::sheet, &Sheet::duration_minutes),
    column("v.objectives", &MR::sheet, &Sheet::objectives), column("v.content", &MR::sheet, &Sheet::content),
    column("v.methods", &MR::sheet, &Sheet::methods), column("v.audience", &MR::sheet, &Sheet::audience),
    column("v.prerequisites", &MR::sheet, &Sheet::prerequisites), column("v.created_at", &MR::created_at)};

const RowSource kModules{kModuleRow, "FROM catalogue_module m JOIN catalogue_module_version v ON v.module_id = m.id "
                                    "JOIN catalogue_theme t ON t.id = v.theme_id"};

// A training as its row is written: what was entered, and its edition's id (validate_training).
struct TrainingWrite {
    const TrainingInput& in;
    std::optional<int64_t> edition;
};

// What a create and an update of a training write (the module list aside); the analysis a
// custom training answers is set when it is made, and kept.
const RecordTable<TrainingWrite> kTrainingTable{
    "catalogue_training",
    {"kind", "edition_id", "code", "title_fr", "title_nl", "title_en", "venue", "seats", "price_cents",
     "registration_deadline", "languages", "registration_url", "institution_id", "request", "status"},
    [](SQLite::Statement& q, const TrainingWrite& t) {
        const auto& in = t.in;
        bind_all(q, in.kind, t.edition, in.code, in.title.fr, text_or_null(in.title.nl), text_or_null(in.title.en),
                 text_or_null(in.venue), in.seats, in.price_cents, text_or_null(in.registration_deadline),
                 join(in.languages, ","), text_or_null(in.registration_url), in.institution_id,
                 text_or_null(in.request), in.status);
    },
    {"analysis_response_id"},
    [](SQLite::Statement& q, int first, const TrainingWrite& t) { bind_opt(q, first, t.in.analysis_response_id); }};

bool same_sheet(const catalog::ModuleSheet& a, const catalog::ModuleSheet& b) {
    auto key = [](const catalog::ModuleSheet& s) {
        return std::tie(s.theme_code, s.title.fr, s.title.nl, s.title.en, s.description.fr, s.description.nl,
                        s.description.en, s.duration_minutes, s.objectives, s.content, s.methods, s.audience,
                        s.prerequisites);
    };
    return key(a) == key(b);
}

}  // namespace

TrainingRow require_training(Database& db, const std::string& code) {
    auto t = CatalogueStore(db).training(code);
    if (!t) throw Error(trf("Unknown training {code}.", fmt::arg("code", code)));
    return *t;
}

std::string join(const std::vector<std::string>& items, const std::string& sep) {
    std::string out;
    for (const auto& i : items) out += (out.empty() ? "" : sep) + i;
    return out;
}

std::vector<std::string> split(const std::string& text, char sep) {
    std::vector<std::string> out;
    std::istringstream in(text);
    std::string item;
    while (std::getline(in, item, sep)) {
        auto b = item.find_first_not_of(" \t");
        auto e = item.find_last_not_of(" \t");
        if (b != std::string::npos) out.push_back(item.substr(b, e - b + 1));
    }
    return out;
}

int64_t CatalogueStore::ensure_theme(const catalog::Theme& theme) {
    if (auto id = theme_id(theme.code)) return *id;
    return db_.write([&] {
        SQLite::Statement q(db_.sql(),
                            "INSERT INTO catalogue_theme(code, label_fr, label_nl, label_en, sort_order) VALUES(?,?,?,?,?)");
        bind_all(q, theme.code, theme.label.fr, theme.label.nl,
                 theme.label.en.empty() ? theme.label.fr : theme.label.en, theme.sort_order);
        q.exec();
        return db_.sql().getLastInsertRowid();
    });
}

std::vector<ThemeRow> CatalogueStore::themes() const {
    using Theme = catalog::Theme;
    static const RowMap kThemeRow{column("id", &ThemeRow::id), column("code", &ThemeRow::theme, &Theme::code),
                                  column("label_fr", &ThemeRow::theme, &Theme::label, &Text::fr),
                                  column("label_nl", &ThemeRow::theme, &Theme::label, &Text::nl),
                                  column("label_en", &ThemeRow::theme, &Theme::label, &Text::en),
                                  column("sort_order", &ThemeRow::theme, &Theme::sort_order)};
    return query_all(db_.sql(), kThemeRow,
                      kThemeRow.select("FROM catalogue_theme WHERE retired_at IS NULL ORDER BY sort_order, code"));
}

std::optional<int64_t> CatalogueStore::theme_id(const std::string& code) const {
    return select_first<int64_t>(db_.sql(), "SELECT id FROM catalogue_theme WHERE code = ?", code);
}

int64_t CatalogueStore::save_module(const catalog::ModuleSheet& sheet) {
    if (sheet.code.empty()) throw Error(tr("A module needs a code."));
    if (sheet.title.fr.empty() || sheet.title.nl.empty())
        throw Error(trf("Module {code}: the title is needed in French and in Dutch.", fmt::arg("code", sheet.code)));
    if (sheet.duration_minutes <= 0)
        throw Error(trf("Module {code}: the duration must be a positive number of minutes.", fmt::arg("code", sheet.code)));
    validate::minutes(tr("Duration"), sheet.duration_minutes, 1);
    auto theme = theme_id(sheet.theme_code);
    if (!theme)
        throw Error(trf("Module {code}: unknown theme {theme}.", fmt::arg("code", sheet.code), fmt::arg("theme", sheet.theme_code)));
    return db_.write([&]() -> int64_t {
        auto current = module(sheet.code);
        int64_t module_id = 0;
        int version = 1;
        int64_t version_id = 0;
        if (current) {
            module_id = current->module_id;
            version = current->sheet.version + 1;
            if (same_sheet(current->sheet, sheet)) version_id = current->version_id;
        } else {
            exec_sql(db_.sql(), "INSERT INTO catalogue_module(code) VALUES(?)", sheet.code);
            module_id = db_.sql().getLastInsertRowid();
        }
        if (version_id == 0) {
            SQLite::Statement q(db_.sql(),
                                "INSERT INTO catalogue_module_version(module_id, version, theme_id, title_fr, title_nl, title_en, "
                                "description_fr, description_nl, description_en, duration_minutes, objectives, content, methods, "
                                "audience, prerequisites, author) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
            bind_all(q, module_id, version, *theme, sheet.title.fr, sheet.title.nl,
                     text_or_null(sheet.title.en), text_or_null(sheet.description.fr),
                     text_or_null(sheet.description.nl), text_or_null(sheet.description.en),
                     sheet.duration_minutes, text_or_null(sheet.objectives), text_or_null(sheet.content),
                     text_or_null(sheet.methods), text_or_null(sheet.audience),
                     text_or_null(sheet.prerequisites), db_.actor());
            q.exec();
            version_id = db_.sql().getLastInsertRowid();
            audit(db_, current ? "update" : "create", "catalogue_module", module_id,
                  sheet.code + " v" + std::to_string(version));
        }
        PersonRepository people(db_);
        for (const auto& email : sheet.trainer_emails)
            if (auto p = people.find_by_email(email); p && p->has_role("trainer")) qualify(p->id, module_id);
        return version_id;
    });
}

std::optional<ModuleRecord> CatalogueStore::module(const std::string& code) const {
    auto r = kModules.row(db_.sql(), "WHERE m.code = ? ORDER BY v.version DESC LIMIT 1", code);
    if (r) add_trainers(*r);
    return r;
}

void CatalogueStore::add_trainers(ModuleRecord& r) const {
    PersonRepository people(db_);
    for (auto id : qualified_trainers(r.module_id))
        if (auto p = people.get(id)) {
            r.sheet.trainer_emails.push_back(p->email);
            r.sheet.trainer_names.push_back(p->display_name());
        }
}

std::optional<ModuleRecord> CatalogueStore::module_version(int64_t version_id) const {
    return kModules.row(db_.sql(), "WHERE v.id = ?", version_id);
}

std::vector<ModuleRecord> CatalogueStore::modules() const {
    auto out = kModules.rows(db_.sql(), "WHERE m.retired_at IS NULL AND v.version = (SELECT max(version) FROM "
                                        "catalogue_module_version WHERE module_id = m.id) ORDER BY t.sort_order, m.code");
    for (auto& r : out) add_trainers(r);
    return out;
}

std::vector<ModuleRecord> CatalogueStore::versions(const std::string& code) const {
    return kModules.rows(db_.sql(), "WHERE m.code = ? ORDER BY v.version", code);
}

void CatalogueStore::qualify(int64_t person_id, int64_t module_id) {
    db_.write([&] {
        exec_sql(db_.sql(), "INSERT OR IGNORE INTO catalogue_trainer_module(person_id, module_id) VALUES(?,?)", person_id,
                module_id);
    });
}

void CatalogueStore::unqualify(int64_t person_id, int64_t module_id) {
    db_.write([&] {
        exec_sql(db_.sql(), "DELETE FROM catalogue_trainer_module WHERE person_id = ? AND module_id = ?", person_id,
                module_id);
    });
}

bool CatalogueStore::qualified(int64_t person_id, int64_t module_id) const {
    return select_first<int64_t>(db_.sql(), "SELECT 1 FROM catalogue_trainer_module WHERE person_id = ? AND module_id = ?",
                                person_id, module_id)
        .has_value();
}

std::vector<int64_t> CatalogueStore::qualified_trainers(int64_t module_id) const {
    return select_column<int64_t>(
        db_.sql(), "SELECT person_id FROM catalogue_trainer_module WHERE module_id = ? ORDER BY person_id", module_id);
}

void CatalogueStore::add_unavailability(int64_t person_id, const std::string& from, const std::string& to,
                                        const std::string& note) {
    if (!is_iso_date(from) || !is_iso_date(to) || to < from)
        throw Error(tr("The unavailability needs two dates (YYYY-MM-DD), the second not before the first."));
    db_.write([&] {
        exec_sql(db_.sql(), "INSERT INTO catalogue_trainer_unavailability(person_id, date_from, date_to, note) VALUES(?,?,?,?)",
                person_id, from, to, text_or_null(note));
    });
}

bool CatalogueStore::available(int64_t person_id, const std::string& date) const {
    return !select_first<int64_t>(db_.sql(),
                                 "SELECT 1 FROM catalogue_trainer_unavailability WHERE person_id = ? AND ? BETWEEN "
                                 "date_from AND date_to",
                                 person_id, date);
}

int64_t CatalogueStore::ensure_edition(const std::string& code, int year) {
    if (auto id = edition_id(code)) return *id;
    return db_.write([&] {
        exec_sql(db_.sql(), "INSERT INTO catalogue_edition(code, year) VALUES(?,?)", code, year);
        return db_.sql().getLastInsertRowid();
    });
}

std::optional<int64_t> CatalogueStore::edition_id(const std::string& code) const {
    return select_first<int64_t>(db_.sql(), "SELECT id FROM catalogue_edition WHERE code = ?", code);
}

std::vector<std::string> CatalogueStore::editions() const {
    return select_column<std::string>(db_.sql(), "SELECT code FROM catalogue_edition ORDER BY year DESC, code");
}

std::pair<std::optional<int64_t>, std::vector<int64_t>> CatalogueStore::validate_training(const TrainingInput& in, int64_t self) const {
    if (in.code.empty() || in.title.fr.empty()) throw Error(tr("A training needs a code and a French title."));
    require_single_line(tr("Code"), in.code);
    require_single_line(tr("French title"), in.title.fr);
    require_single_line(tr("Dutch title"), in.title.nl);
    require_single_line(tr("Venue"), in.venue);
    if (in.kind != "open" && in.kind != "custom") throw Error(tr("The kind of a training is open or custom."));
    std::optional<int64_t> edition;
    if (!in.edition.empty()) {
        edition = edition_id(in.edition);
        if (!edition) throw Error(trf("Unknown edition {code}.", fmt::arg("code", in.edition)));
        if (db_.scalar_int("SELECT retired_at IS NOT NULL FROM catalogue_edition WHERE id = " + std::to_string(*edition)))
            throw Error(trf("The edition {code} is retired: choose a current one.", fmt::arg("code", in.edition)));
    }
    if (in.kind == "open" && !edition) throw Error(tr("An open training belongs to an edition."));
    if (in.kind == "custom" && !in.institution_id) throw Error(tr("A custom training is for an institution."));
    if (auto other = training(in.code); other && other->id != self) throw Error(trf("A training with the code {code} exists already.", fmt::arg("code", in.code)));
    if (!in.registration_deadline.empty() && !is_iso_date(in.registration_deadline))
        throw Error(tr("The registration deadline must be a date (YYYY-MM-DD)."));
    validate::count(tr("Seats"), in.seats);
    if (in.price_cents) validate::cents_value(tr("Price"), *in.price_cents);
    validate::url(tr("Registration URL"), in.registration_url);
    std::vector<int64_t> versions;
    for (const auto& code : in.module_codes) {
        auto m = module(code);
        if (!m) throw Error(trf("Unknown module {code}.", fmt::arg("code", code)));
        // A training being changed keeps the sheet versions it had for its modules.
        int64_t version = m->version_id;
        if (self)
            if (auto old = training(self))
                for (std::size_t i = 0; i < old->input.module_codes.size(); ++i)
                    if (old->input.module_codes[i] == code) version = old->module_version_ids[i];
        versions.push_back(version);
    }
    return {edition, versions};
}

int64_t CatalogueStore::create_training(const TrainingInput& in) { return save_training(0, in); }

void CatalogueStore::update_training(int64_t id, const TrainingInput& in) { save_training(id, in); }

int64_t CatalogueStore::save_training(int64_t id, const TrainingInput& in) {
    // Not a structured binding: clang 14 (the fuzz build) cannot capture one in a lambda.
    const auto checked = validate_training(in, id);
    const auto& versions = checked.second;
    const bool creating = id == 0;
    return db_.write([&] {
        id = kTrainingTable.save(db_, creating, id, TrainingWrite{in, checked.first}, in.code, tr("Unknown training."));
        if (!creating) exec_sql(db_.sql(), "DELETE FROM catalogue_training_module WHERE training_id = ?", id);
        int pos = 1;
        for (auto v : versions)
            exec_sql(db_.sql(), "INSERT INTO catalogue_training_module(training_id, position, module_version_id) VALUES(?,?,?)",
                    id, pos++, v);
        return id;
    });
}

std::optional<TrainingRow> CatalogueStore::training(int64_t id) const {
    using TR = TrainingRow;
    using In = TrainingInput;
    static const RowMap kTrainingRow{
        column("t.id", &TR::id), column("t.kind", &TR::input, &In::kind),
        column("e.code AS edition", &TR::input, &In::edition), column("t.code", &TR::input, &In::code),
        column("t.title_fr", &TR::input, &In::title, &Text::fr), column("t.title_nl", &TR::input, &In::title, &Text::nl),
        column("t.title_en", &TR::input, &In::title, &Text::en), column("t.venue", &TR::input, &In::venue),
        column("t.seats", &TR::input, &In::seats), column("t.price_cents", &TR::input, &In::price_cents),
        column("t.registration_deadline", &TR::input, &In::registration_deadline),
        column("t.registration_url", &TR::input, &In::registration_url),
        column("t.institution_id", &TR::input, &In::institution_id), column("t.request", &TR::input, &In::request),
        column("t.analysis_response_id", &TR::input, &In::analysis_response_id),
        column("t.status", &TR::input, &In::status)};
    SQLite::Statement q(db_.sql(), kTrainingRow.select(", t.languages FROM catalogue_training t "
                                                       "LEFT JOIN catalogue_edition e ON e.id = t.edition_id "
                                                       "WHERE t.id = ?"));
    q.bind(1, id);
    if (!q.executeStep()) return std::nullopt;
    auto r = RowReader(q, kTrainingRow).read();
    auto& in = r.input;
    in.languages = split(col_text(q, int(kTrainingRow.size())), ',');
    SQLite::Statement m(db_.sql(),
                        "SELECT tm.module_version_id, mo.code FROM catalogue_training_module tm JOIN catalogue_module_version v "
                        "ON v.id = tm.module_version_id JOIN catalogue_module mo ON mo.id = v.module_id WHERE tm.training_id = ? "
                        "ORDER BY tm.position");
    m.bind(1, id);
    while (m.executeStep()) {
        r.module_version_ids.push_back(m.getColumn(0).getInt64());
        in.module_codes.push_back(m.getColumn(1).getString());
    }
    r.day_session_ids = select_column<int64_t>(db_.sql(),
                                              "SELECT s.id FROM catalogue_training_day d JOIN session s ON "
                                              "s.id = d.session_id WHERE d.training_id = ? ORDER BY s.date, s.start_time",
                                              id);
    return r;
}

std::optional<TrainingRow> CatalogueStore::training(const std::string& code) const {
    const auto id = select_first<int64_t>(db_.sql(), "SELECT id FROM catalogue_training WHERE code = ?", code);
    if (!id) return std::nullopt;
    return training(*id);
}

std::vector<TrainingRow> CatalogueStore::trainings(const std::string& edition, const std::string& kind) const {
    std::vector<TrainingRow> out;
    for (auto id : select_column<int64_t>(db_.sql(),
                                         "SELECT t.id FROM catalogue_training t LEFT JOIN catalogue_edition e ON "
                                         "e.id = t.edition_id WHERE (?1 = '' OR e.code = ?1) AND (?2 = '' OR t.kind = ?2) "
                                         "ORDER BY (SELECT min(s.date) FROM catalogue_training_day d JOIN session s ON "
                                         "s.id = d.session_id WHERE d.training_id = t.id), t.code",
                                         edition, kind))
        out.push_back(*training(id));
    return out;
}

void CatalogueStore::set_training_status(int64_t id, const std::string& status) {
    db_.write([&] {
        exec_sql(db_.sql(), "UPDATE catalogue_training SET status = ? WHERE id = ?", status, id);
        audit(db_, "status", "catalogue_training", id, status);
    });
}

void CatalogueStore::retire_module(const std::string& code, bool retired) {
    db_.write([&] {
        SQLite::Statement q(db_.sql(), retired ? "UPDATE catalogue_module SET retired_at = strftime('%Y-%m-%d','now') "
                                                 "WHERE code = ? AND retired_at IS NULL"
                                               : "UPDATE catalogue_module SET retired_at = NULL WHERE code = ?");
        q.bind(1, code);
        if (q.exec() == 1) audit(db_, retired ? "retire" : "unretire", "catalogue_module", 0, code);
    });
}

bool CatalogueStore::module_retired(const std::string& code) const {
    SQLite::Statement q(db_.sql(), "SELECT retired_at IS NOT NULL FROM catalogue_module WHERE code = ?");
    q.bind(1, code);
    return q.executeStep() && q.getColumn(0).getInt() == 1;
}

std::string CatalogueStore::effective_status(int64_t id) const {
    auto t = training(id);
    if (!t) return {};
    if (t->input.status != "planned" || t->day_session_ids.empty()) return t->input.status;
    SQLite::Statement q(db_.sql(),
                        "SELECT max(s.date) < date('now','localtime'), sum(s.status <> 'cancelled' AND NOT EXISTS (SELECT 1 "
                        "FROM attendance a WHERE a.session_id = s.id AND a.status IN ('present','absent','excused'))) "
                        "FROM catalogue_training_day d JOIN session s ON s.id = d.session_id WHERE d.training_id = ?");
    q.bind(1, id);
    if (q.executeStep() && q.getColumn(0).getInt() == 1 && q.getColumn(1).getInt() == 0) return "held";
    return t->input.status;
}

int64_t CatalogueStore::add_day(int64_t training_id, const DayInput& day) {
    auto t = training(training_id);
    if (!t) throw Error(tr("Unknown training."));
    return db_.write([&] {
        Session s;
        s.kind = kSessionKind;
        s.title = t->input.title.fr;
        s.date = day.date;
        s.start_time = day.start_time;
        s.end_time = day.end_time;
        s.place = day.venue.empty() ? t->input.venue : day.venue;
        s.language = t->input.languages.empty() ? "fr" : t->input.languages.front();
        s.status = day.status;
        s.programme_id = day.programme_id;
        s.funder_id = day.funder_id;
        if (t->input.institution_id) s.host_institution_id = t->input.institution_id;
        int64_t session_id = SessionRepository(db_).create(s);
        exec_sql(db_.sql(), "INSERT INTO catalogue_training_day(session_id, training_id) VALUES(?,?)", session_id,
                training_id);
        set_day_trainers(session_id, day.trainer_ids);
        return session_id;
    });
}

std::vector<int64_t> CatalogueStore::day_trainers(int64_t session_id) const {
    return select_column<int64_t>(
        db_.sql(), "SELECT person_id FROM catalogue_day_trainer WHERE session_id = ? ORDER BY person_id", session_id);
}

void CatalogueStore::set_day_trainers(int64_t session_id, const std::vector<int64_t>& trainer_ids) {
    db_.write([&] {
        exec_sql(db_.sql(), "DELETE FROM catalogue_day_trainer WHERE session_id = ?", session_id);
        PersonRepository people(db_);
        for (auto id : trainer_ids) {
            auto p = people.get(id);
            if (!p || !p->has_role("trainer"))
                throw Error(trf("Person {id} is not a trainer.", fmt::arg("id", id)));
            exec_sql(db_.sql(), "INSERT OR IGNORE INTO catalogue_day_trainer(session_id, person_id) VALUES(?,?)",
                    session_id, id);
        }
    });
}

std::optional<int64_t> CatalogueStore::training_of_day(int64_t session_id) const {
    return select_first<int64_t>(db_.sql(), "SELECT training_id FROM catalogue_training_day WHERE session_id = ?",
                                session_id);
}

}  // namespace maillage::catalogue
