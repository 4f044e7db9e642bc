#include "ui/activities_page.h"

#include "accompaniments.h"
#include "pat_activities.h"
#include "pat_export.h"
#include "pat_rules.h"
#include "ui/pat_dialog.h"
#include "ui/record_buttons.h"

#include "core/database.h"
#include "core/i18n.h"
#include "core/institutions.h"
#include "core/programmes.h"
#include "core/sectors.h"
#include "shared-ui/confirm_delete.h"
#include "shared-ui/display.h"
#include "shared-ui/list_panel.h"
#include "shared-ui/pickers.h"
#include "shared-ui/record_choice.h"

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/notebook.h>
#include <wx/spinctrl.h>
#include <wx/textctrl.h>

#include <map>

namespace maillage::pat {
namespace {

wxString u8(const std::string& s) { return wxString::FromUTF8(s); }
std::string s8(const wxString& s) { return s.Strip(wxString::both).utf8_string(); }

constexpr char kAll[] = "0000-01-01";
constexpr char kEnd[] = "9999-12-31";

wxString region_name(const std::string& region) {
    if (region == "brussels") return _("Brussels");
    if (region == "wallonia") return _("Wallonia");
    if (region == "flanders") return _("Flanders");
    return {};
}

// The funders as a row of `d`, "(none)" first.
ui::RecordChoice* funder_row(PatDialog& d, Database& db, std::optional<int64_t> current) {
    return d.row(_("Counts for funder:"), ui::funder_choice(&d, db, _("(none)"), current), "funder");
}

// For an edit: the record of `all` selected in `list` into `value`; false after saying
// `hint` when none is selected.
template <class Record>
bool take_selected(wxWindow* parent, const std::vector<Record>& all, ui::ListPanel* list, const wxString& hint,
                   Record& value) {
    const auto id = list->selected_id();
    if (id && take_row(all, *id, &Record::id, value)) return true;
    ui::show_info(parent, hint);
    return false;
}

// Records `r`, new or changed, in one undoable change named `label`; returns its id.
template <class Record, class Add, class Update>
int64_t record(Database& db, const std::string& label, bool create, const Record& r, Add add, Update update) {
    int64_t id = r.id;
    db.write(label, [&] {
        if (create)
            id = add(r);
        else
            update(r);
    });
    return id;
}

std::map<int64_t, std::string> funder_codes(Database& db) {
    std::map<int64_t, std::string> out;
    for (const auto& f : FunderRepository(db).list()) out[f.id] = f.code;
    return out;
}

}  // namespace

ActivitiesPage::ActivitiesPage(wxWindow* parent, ui::UiContext& context) : PageBase(parent, context) {
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    tabs_ = new wxNotebook(this, wxID_ANY);
    tabs_->SetName("activities-tabs");

    sessions_ = new ui::ListPanel(tabs_, &context,
                                  {.id = "pat.all_sessions",
                                   .title = _("PAT accompaniment sessions"),
                                   .columns = {{_("Date"), 85, ui::ColumnKind::Date},
                                               {_("Institution"), 170},
                                               {_("Funder"), 70},
                                               {_("Type"), 130},
                                               {_("Phase"), 105},
                                               {_("Status"), 70, ui::ColumnKind::Status},
                                               {_("Minutes"), 65, ui::ColumnKind::Integer},
                                               {_("Preparation"), 90, ui::ColumnKind::Integer},
                                               {_("Staff"), 60, ui::ColumnKind::Integer},
                                               {_("Attendees"), 85, ui::ColumnKind::Integer}},
                                   .search_hint = _("Search institution, type, funder…"),
                                   .count_format = _("%zu of %zu sessions")});
    tabs_->AddPage(sessions_, _("All sessions"));
    accompaniments_ = new ui::ListPanel(tabs_, &context,
                                        {.id = "pat.accompaniments",
                                         .title = _("PAT accompaniments"),
                                         .columns = {{_("Institution"), 220},
                                                     {_("Region"), 90},
                                                     {_("Funder"), 80},
                                                     {_("Phase"), 110, ui::ColumnKind::Status},
                                                     {_("Request"), 90, ui::ColumnKind::Date},
                                                     {_("Decision"), 90},
                                                     {_("Planned"), 70, ui::ColumnKind::Integer},
                                                     {_("Held"), 60, ui::ColumnKind::Integer},
                                                     {_("Follow-up"), 80, ui::ColumnKind::Integer},
                                                     {_("Hires"), 60, ui::ColumnKind::Integer},
                                                     {_("Step reached"), 200}},
                                         .search_hint = _("Search institution, phase, funder…")});
    tabs_->AddPage(accompaniments_, _("All accompaniments"));
    for (auto* list : {sessions_, accompaniments_}) {
        auto* exp = list->add_button(_("E&xport…"), _("The rows shown, as an Excel workbook or a CSV file"));
        exp->Bind(wxEVT_BUTTON, [list](wxCommandEvent&) { list->export_visible(); });
        list->list()->Bind(wxEVT_DATAVIEW_ITEM_ACTIVATED, [this, list](wxDataViewEvent&) { open_accompaniment(list); });
    }

    trainings_ = new ui::ListPanel(tabs_, &context,
                                   {.id = "pat.trainings",
                                    .title = _("PAT stand-alone trainings"),
                                    .columns = {{_("Date"), 90, ui::ColumnKind::Date},
                                                {_("Title"), 240},
                                                {_("Audience"), 160},
                                                {_("Institution"), 180},
                                                {_("Minutes"), 70, ui::ColumnKind::Integer},
                                                {_("Participants"), 90, ui::ColumnKind::Integer},
                                                {_("Funder"), 80}},
                                    .search_hint = _("Search title, audience, institution…")});
    add_record_buttons(trainings_, _("&New training…"), "new-training", [this](bool create) { edit_training(create); });
    tabs_->AddPage(trainings_, _("Trainings"));

    advocacy_ = new ui::ListPanel(tabs_, &context,
                                  {.id = "pat.advocacy",
                                   .title = _("PAT advocacy and representation"),
                                   .columns = {{_("Date"), 90, ui::ColumnKind::Date},
                                               {_("Kind"), 110, ui::ColumnKind::Status},
                                               {_("Title"), 200},
                                               {_("Audience"), 130},
                                               {_("Audience size"), 125, ui::ColumnKind::Integer},
                                               {_("Link"), 130},
                                               {_("Funder"), 80}},
                                   .search_hint = _("Search title, audience…")});
    add_record_buttons(advocacy_, _("&New action…"), "new-advocacy", [this](bool create) { edit_advocacy(create); });
    tabs_->AddPage(advocacy_, _("Advocacy"));

    workplaces_ = new ui::ListPanel(tabs_, &context,
                                    {.id = "pat.workplaces",
                                     .title = _("Peer-support workplaces"),
                                     .columns = {{_("Institution"), 220},
                                                 {_("Region"), 90},
                                                 {_("Municipality"), 120},
                                                 {_("Sector"), 160},
                                                 {_("Peer workers"), 90, ui::ColumnKind::Integer},
                                                 {_("Since"), 90, ui::ColumnKind::Date},
                                                 {_("Until"), 90, ui::ColumnKind::Date}},
                                     .search_hint = _("Search institution, municipality, sector…")});
    ended_ = new wxCheckBox(workplaces_, wxID_ANY, _("Show ended"));
    ended_->SetName("show-ended");
    workplaces_->bar()->Add(ended_, 0, wxALIGN_CENTER_VERTICAL | wxLEFT, 8);
    workplaces_->add_buttons({{_("&Add…"), [this] { edit_workplace(true); }, "new-workplace",
                               _("A place where peer workers work")},
                              {_("&Edit…"), [this] { edit_workplace(false); }, "edit-workplace"},
                              {_("E&nd…"), [this] { end_workplace(); }, "end-workplace"},
                              {_("&Delete"), [this] { remove(workplaces_); }}});
    workplaces_->on_activate([this] { edit_workplace(false); });
    ended_->Bind(wxEVT_CHECKBOX, [this](wxCommandEvent&) { refresh(); });
    tabs_->AddPage(workplaces_, _("Workplaces"));

    sizer->Add(tabs_, 1, wxEXPAND | wxALL, 8);
    SetSizer(sizer);
    refresh();
}

void ActivitiesPage::refresh() {
    Database& db = database();
    const std::string lang = context().language();
    // The export tables are the rows; the page shows their values as people read them.
    auto sessions = std::make_shared<ui::TableRowSource>();
    for (const auto& r : sessions_table(db, kAll, kEnd, lang).rows)
        sessions->add(std::stoll(r[0]),
                      {ui::display_date(r[1]), u8(r[3]), u8(r[5]), u8(r[6]),
                       r[7] == "follow_up" ? _("follow-up") : _("accompaniment"),
                       u8(locale::session_status_name(r[8])), u8(r[9]), u8(r[10]), u8(r[11]), u8(r[12])});
    sessions_->set_source(sessions);
    auto accompaniments = std::make_shared<ui::TableRowSource>();
    for (const auto& r : accompaniments_table(db, lang).rows)
        accompaniments->add(std::stoll(r[0]), {u8(r[1]), region_name(r[2]), u8(r[3]), u8(phase_label(r[4])),
                                               ui::display_date(r[5]), u8(decision_label(r[6])), u8(r[8]), u8(r[9]),
                                               u8(r[10]), u8(r[11]), u8(r[12])});
    accompaniments_->set_source(accompaniments);

    ActivityRepository repo(db);
    const auto codes = funder_codes(db);
    auto code = [&](const std::optional<int64_t>& id) { return id && codes.count(*id) ? u8(codes.at(*id)) : wxString(); };
    InstitutionRepository institutions(db);
    auto trainings = std::make_shared<ui::TableRowSource>();
    for (const auto& t : repo.trainings(kAll, kEnd)) {
        wxString where;
        if (t.institution_id)
            if (auto i = institutions.get(*t.institution_id)) where = u8(i->name);
        trainings->add(t.id, {ui::display_date(t.date), u8(t.title), u8(t.audience), where,
                              wxString::Format("%d", t.duration_minutes), wxString::Format("%d", t.participants),
                              code(t.funder_id)});
    }
    trainings_->set_source(trainings);
    auto advocacy = std::make_shared<ui::TableRowSource>();
    for (const auto& a : repo.advocacy(kAll, kEnd))
        advocacy->add(a.id, {ui::display_date(a.date), u8(advocacy_label(a.kind, 1)), u8(a.title), u8(a.audience),
                             a.audience_size ? wxString::Format("%d", *a.audience_size) : wxString(), u8(a.link),
                             code(a.funder_id)});
    advocacy_->set_source(advocacy);
    auto workplaces = std::make_shared<ui::TableRowSource>();
    for (const auto& w : repo.workplaces(lang, ended_->GetValue()))
        workplaces->add(w.id, {u8(w.institution_name), region_name(w.region), u8(w.municipality), u8(w.sector_label),
                               wxString::Format("%d", w.peer_workers), ui::display_date(w.since),
                               ui::display_date(w.ended_on)});
    workplaces_->set_source(workplaces);
}

void ActivitiesPage::add_record_buttons(ui::ListPanel* list, const wxString& new_label, const char* new_name,
                                        std::function<void(bool create)> edit) {
    add_new_edit_delete(list, {new_label, [edit] { edit(true); }, new_name}, [edit] { edit(false); },
                        [this, list] { remove(list); });
}

void ActivitiesPage::saved(ui::ListPanel* list, int64_t id) {
    context().data_changed();
    refresh();
    list->select_id(id);
}

void ActivitiesPage::open_accompaniment(ui::ListPanel* list) {
    const auto id = list->selected_id();
    if (!id) return;
    int64_t accompaniment = *id;
    if (list == sessions_) {
        accompaniment = 0;
        for (const auto& r : sessions_table(database(), kAll, kEnd).rows)
            if (std::stoll(r[0]) == *id) accompaniment = std::stoll(r[2]);
    }
    context().set_preference("pat.current", wxString::Format("%lld", static_cast<long long>(accompaniment)));
    context().data_changed();
    context().show_page("pat.accompaniment");
}

void ActivitiesPage::edit_training(bool create) {
    Database& db = database();
    ActivityRepository repo(db);
    Training value;
    value.duration_minutes = 180;
    if (!create && !take_selected(this, repo.trainings(kAll, kEnd), trainings_, _("Select a training first."), value))
        return;
    PatDialog d(this, create ? _("New stand-alone training") : _("Edit the training"), "training-dialog");
    auto* title = d.text_row(_("Title:"), value.title, "title", 340);
    auto* audience = d.text_row(_("Audience:"), value.audience, "audience");
    auto* institution = d.row(_("Institution:"), new ui::InstitutionPicker(&d, db), "institution");
    if (value.institution_id)
        if (auto i = InstitutionRepository(db).get(*value.institution_id)) institution->set_selection(i->id, u8(i->name));
    auto* date = date_field(d, _("Date:"), value.date);
    auto* minutes = d.number_row(_("Duration (minutes):"), value.duration_minutes, 1440, "duration");
    auto* participants = d.number_row(_("Participants:"), value.participants, 10000, "participants");
    auto* funder = funder_row(d, db, value.funder_id);
    auto* notes = d.notes_row(_("Notes:"), value.notes);
    d.finish();
    d.save = [&] {
        Training t = value;
        t.title = s8(title->GetValue());
        t.audience = s8(audience->GetValue());
        t.institution_id = institution->selection();
        t.date = date_of(date, _("Date:"));
        t.duration_minutes = minutes->GetValue();
        t.participants = participants->GetValue();
        t.funder_id = funder->chosen();
        t.notes = notes->GetValue().utf8_string();
        value.id = record(db,
                          create ? trf("Record the training {title}", fmt::arg("title", t.title))
                                 : trf("Change the training {title}", fmt::arg("title", t.title)),
                          create, t, [&](const Training& r) { return repo.add_training(r); },
                          [&](const Training& r) { repo.update_training(r); });
    };
    if (d.ShowModal() == wxID_OK) saved(trainings_, value.id);
}

void ActivitiesPage::edit_advocacy(bool create) {
    Database& db = database();
    ActivityRepository repo(db);
    Advocacy value;
    value.kind = "talk";
    if (!create &&
        !take_selected(this, repo.advocacy(kAll, kEnd), advocacy_, _("Select an advocacy action first."), value))
        return;
    PatDialog d(this, create ? _("New advocacy action") : _("Edit the advocacy action"), "advocacy-dialog");
    auto* kind = d.row(_("Kind:"), new wxChoice(&d, wxID_ANY), "kind");
    for (const auto& k : kAdvocacyKinds) {
        kind->Append(u8(advocacy_label(k, 1)));
        if (k == value.kind) kind->SetSelection(int(kind->GetCount()) - 1);
    }
    auto* date = date_field(d, _("Date:"), value.date);
    auto* title = d.text_row(_("Title:"), value.title, "title", 340);
    auto* audience = d.text_row(_("Audience:"), value.audience, "audience");
    auto* size = d.number_row(_("Audience size:"), value.audience_size.value_or(0), 100000, "audience-size");
    auto* link = d.text_row(_("Link:"), value.link, "link");
    auto* funder = funder_row(d, db, value.funder_id);
    auto* notes = d.notes_row(_("Notes:"), value.notes);
    d.finish();
    d.save = [&] {
        Advocacy a = value;
        a.kind = kAdvocacyKinds[size_t(kind->GetSelection())];
        a.date = date_of(date, _("Date:"));
        a.title = s8(title->GetValue());
        a.audience = s8(audience->GetValue());
        a.audience_size = size->GetValue() > 0 ? std::optional<int>(size->GetValue()) : std::nullopt;
        a.link = s8(link->GetValue());
        a.funder_id = funder->chosen();
        a.notes = notes->GetValue().utf8_string();
        value.id = record(db,
                          create ? trf("Record the advocacy action {title}", fmt::arg("title", a.title))
                                 : trf("Change the advocacy action {title}", fmt::arg("title", a.title)),
                          create, a, [&](const Advocacy& r) { return repo.add_advocacy(r); },
                          [&](const Advocacy& r) { repo.update_advocacy(r); });
    };
    if (d.ShowModal() == wxID_OK) saved(advocacy_, value.id);
}

void ActivitiesPage::edit_workplace(bool create) {
    Database& db = database();
    ActivityRepository repo(db);
    Workplace value;
    if (!create &&
        !take_selected(this, repo.workplaces(context().language(), true), workplaces_, _("Select a workplace first."),
                       value))
        return;
    PatDialog d(this, create ? _("New peer-support workplace") : _("Edit the workplace"), "workplace-dialog");
    auto* institution = d.row(_("Institution:"), new ui::InstitutionPicker(&d, db), "institution");
    institution->SetMinSize(d.FromDIP(wxSize(340, -1)));
    if (value.institution_id) institution->set_selection(value.institution_id, u8(value.institution_name));
    auto* since = date_field(d, _("Since:"), value.since, true);
    auto* peers = d.number_row(_("Peer workers:"), value.peer_workers, 1000, "peer-workers");
    auto* sector = d.row(_("Sector:"), new ui::SectorPicker(&d, db, context().language()), "sector");
    if (value.sector_id)
        if (auto s = SectorRepository(db).get(*value.sector_id)) sector->set_selection(s->id, u8(s->label(context().language())));
    d.note(_("Leave the sector empty to use the institution's."));
    auto* notes = d.notes_row(_("Notes:"), value.notes);
    d.finish();
    d.check = [&]() -> wxString {
        return institution->selection() ? wxString() : _("Choose the institution in the search results.");
    };
    int64_t saved = value.id;
    d.save = [&] {
        Workplace w = value;
        w.institution_id = *institution->selection();
        w.since = date_of(since, _("Since:"));
        w.peer_workers = peers->GetValue();
        w.sector_id = sector->selection();
        w.notes = notes->GetValue().utf8_string();
        db.write(trf("Record the workplace at {name}", fmt::arg("name", s8(institution->text()))),
                 [&] { saved = repo.set_workplace(w); });
    };
    if (d.ShowModal() == wxID_OK) this->saved(workplaces_, saved);
}

void ActivitiesPage::end_workplace() {
    Database& db = database();
    ActivityRepository repo(db);
    const auto id = workplaces_->selected_id();
    for (const auto& w : repo.workplaces(context().language(), false)) {
        if (!id || w.id != *id) continue;
        PatDialog d(this, wxString::Format(_("End the workplace at %s"), u8(w.institution_name)), "end-workplace-dialog");
        d.note(_("Peer workers no longer work there: the workplace leaves the map and stays in the list of ended ones."));
        auto* date = date_field(d, _("Ended on:"), {});
        d.finish();
        d.save = [&] {
            const std::string when = date_of(date, _("Ended on:"));
            db.write(trf("End the workplace at {name}", fmt::arg("name", w.institution_name)),
                     [&] { repo.end_workplace(w.id, when); });
        };
        if (d.ShowModal() == wxID_OK) {
            context().data_changed();
            refresh();
        }
        return;
    }
    ui::show_info(this, _("Select a current workplace first."));
}

bool ActivitiesPage::delete_selection() {
    ui::ListPanel* list = current_list();
    if (list != trainings_ && list != advocacy_ && list != workplaces_) return false;
    remove(list);
    return true;
}

void ActivitiesPage::remove(ui::ListPanel* list) {
    const auto id = list->selected_or_say(_("Select a row first."));
    if (!id) return;
    Database& db = database();
    ActivityRepository repo(db);
    wxString what;
    std::function<void()> remove_it;
    if (list == trainings_) {
        for (const auto& t : repo.trainings(kAll, kEnd))
            if (t.id == *id) what = wxString::Format(_("the training %s of %s"), u8(t.title), ui::display_date(t.date));
        remove_it = [&] { repo.remove_training(*id); };
    } else if (list == advocacy_) {
        for (const auto& a : repo.advocacy(kAll, kEnd))
            if (a.id == *id)
                what = wxString::Format(_("the advocacy action %s of %s"), u8(a.title), ui::display_date(a.date));
        remove_it = [&] { repo.remove_advocacy(*id); };
    } else {
        for (const auto& w : repo.workplaces(context().language(), true))
            if (w.id == *id) what = wxString::Format(_("the workplace at %s"), u8(w.institution_name));
        remove_it = [&] { repo.remove_workplace(*id); };
    }
    if (what.empty() || !ui::confirm_delete(this, what, wxString())) return;
    if (ui::guarded(this, _("Nothing was deleted"), [&] {
            db.write(trf("Delete {what}", fmt::arg("what", what.utf8_string())), remove_it);
        })) {
        context().data_changed();
        refresh();
    }
}

}  // namespace maillage::pat
