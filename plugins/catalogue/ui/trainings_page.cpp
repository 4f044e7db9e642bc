#include "ui/trainings_page.h"

#include "catalogue_documents.h"
#include "catalogue_evaluations.h"
#include "catalogue_mail.h"
#include "catalogue_publish.h"
#include "catalogue_registrations.h"
#include "catalogue_rules.h"
#include "catalogue_store.h"
#include "core/database.h"
#include "core/error.h"
#include "core/institutions.h"
#include "core/people.h"
#include "core/questionnaires.h"
#include "core/sessions.h"
#include "shared-ui/attendance_grid.h"
#include "shared-ui/confirm_delete.h"
#include "shared-ui/dialog_frame.h"
#include "shared-ui/display.h"
#include "shared-ui/list_panel.h"
#include "shared-ui/messages.h"
#include "shared-ui/progress.h"
#include "shared-ui/questionnaire_form.h"
#include "shared-ui/questionnaire_results.h"
#include "ui/catalogue_dialogs.h"
#include "ui/keyring.h"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/choicdlg.h>
#include <wx/notebook.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textdlg.h>
#include <wx/utils.h>

#include <filesystem>

namespace maillage::catalogue {
namespace {
wxString u8(const std::string& s) { return wxString::FromUTF8(s); }
wxString met_label(const std::string& met) {
    static const std::pair<const char*, const char*> labels[] = {
        {"yes", N_("met")}, {"partly", N_("partly met")}, {"no", N_("not met")}};
    return ui::label_of(labels, met, _("not checked yet"));
}
wxString kind_label(const std::string& kind) {
    static const std::pair<const char*, const char*> labels[] = {{"confirmation", N_("confirmation")},
                                                                 {"waiting", N_("waiting list")}};
    return ui::label_of(labels, kind, _("reminder"));
}

wxPanel* tab(wxNotebook* book, const wxString& title, wxSizer*& sizer) {
    auto* panel = new wxPanel(book);
    sizer = new wxBoxSizer(wxVERTICAL);
    panel->SetSizer(sizer);
    book->AddPage(panel, title);
    return panel;
}
}  // namespace

// The shared grid over the training's days; every change is one undoable write.
class TrainingAttendance : public ui::AttendanceData {
public:
    explicit TrainingAttendance(Database& db) : db_(db) {}
    void set_days(std::vector<int64_t> days) {
        days_ = std::move(days);
        inner_ = std::make_unique<ui::SessionAttendanceData>(db_, days_);
    }
    std::vector<ui::AttendanceColumn> columns() override {
        std::vector<ui::AttendanceColumn> out;
        SessionRepository sessions(db_);
        for (auto id : days_)
            if (auto s = sessions.get(id)) out.push_back({id, ui::display_date(s->date)});
        return out;
    }
    std::vector<ui::AttendanceRow> rows() override { return inner_ ? inner_->rows() : std::vector<ui::AttendanceRow>{}; }
    ui::AttendanceStatus status(int64_t row, int64_t column) override {
        return inner_ ? inner_->status(row, column) : ui::AttendanceStatus::None;
    }
    std::string reason(int64_t row, int64_t column) override { return inner_ ? inner_->reason(row, column) : ""; }
    void set_status(int64_t row, int64_t column, ui::AttendanceStatus status, const std::string& reason) override {
        if (!inner_) return;
        auto p = PersonRepository(db_).get(row);
        db_.write(wxString::Format(_("Attendance of %s"), p ? u8(p->display_name()) : wxString()).utf8_string(),
                  [&] { inner_->set_status(row, column, status, reason); });
    }

private:
    Database& db_;
    std::vector<int64_t> days_;
    std::unique_ptr<ui::SessionAttendanceData> inner_;
};

TrainingsPage::TrainingsPage(wxWindow* parent, ui::UiContext& context) : PageBase(parent, context) {
    auto* top = new wxBoxSizer(wxVERTICAL);
    auto* bar = new wxBoxSizer(wxHORIZONTAL);
    edition_ = ui::add_labelled(bar, _("Edition"), new wxChoice(this, wxID_ANY), "edition");
    auto* publish = new wxButton(this, wxID_ANY, _("Publish the catalogue…"));
    publish->SetName("publish");
    bar->Add(publish, 0);
    top->Add(bar, 0, wxALL, 6);

    trainings_ = new ui::ListPanel(this, &context,
                                   {.id = "catalogue.trainings",
                                    .name = "trainings",
                                    .title = _("Trainings"),
                                    .columns = {{_("Code"), 90},
                                                {_("Kind"), 70},
                                                {_("Title"), 360},
                                                {_("Days"), 50, ui::ColumnKind::Integer},
                                                {_("Seats"), 80},
                                                {_("Waiting"), 90, ui::ColumnKind::Integer},
                                                {_("Status"), 90, ui::ColumnKind::Status}},
                                    .search_hint = _("Search code, title…"),
                                    .statuses = {status_label("proposed"), status_label("planned"), status_label("held"),
                                                 status_label("cancelled"), status_label("requested")},
                                    .buttons = {{_("&New training…"), [this] { new_training(); }, "new-training"},
                                                {_("&Edit…"), [this] { edit_training(); }},
                                                {_("D&uplicate"), [this] { duplicate_training(); }},
                                                {_("&Delete…"), [this] { delete_training(); }}},
                                    .on_activate = [this] { edit_training(); }});
    trainings_->SetMinSize(FromDIP(wxSize(-1, 170)));
    top->Add(trainings_, 0, wxEXPAND | wxLEFT | wxRIGHT, 6);
    set_main_list(trainings_);
    details_ = new wxStaticText(this, wxID_ANY, _("Create the edition first (Catalogue editions), then its trainings "
                                                  "with New training…."));
    details_->SetName("details");
    top->Add(details_, 0, wxEXPAND | wxALL, 6);

    tabs_ = new wxNotebook(this, wxID_ANY);
    tabs_->SetName("training-tabs");
    wxSizer* s = nullptr;
    // Days and trainers.
    auto* days_tab = tab(tabs_, _("Days and trainers"), s);
    days_ = new ui::ListPanel(days_tab, &context,
                              {.id = "catalogue.training_days",
                               .name = "days",
                               .title = _("Days and trainers"),
                               .columns = {{_("Date"), 100, ui::ColumnKind::Date},
                                           {_("Time"), 100},
                                           {_("Venue"), 200},
                                           {_("Trainers"), 300},
                                           {_("Status"), 80, ui::ColumnKind::Status}},
                               .search = false,
                               .buttons = {{_("&Add a day…"), [this] { add_day(); }, "add-day"},
                                           {_("Change the day…"), [this] { edit_day(); }},
                                           {_("Remove the day…"), [this] { remove_day(); }}},
                               .on_activate = [this] { edit_day(); }});
    s->Add(days_, 1, wxEXPAND);
    flags_ = new wxStaticText(days_tab, wxID_ANY, wxString());
    flags_->SetName("flags");
    s->Add(flags_, 0, wxEXPAND | wxALL, 4);
    // Registrations, expectations, messages: a list each, the tab itself.
    registrations_ = new ui::ListPanel(tabs_, &context,
                                       {.id = "catalogue.registrations",
                                        .name = "registrations",
                                        .title = _("Registrations"),
                                        .columns = {{_("Name"), 200},
                                                    {_("E-mail"), 220},
                                                    {_("Status"), 110, ui::ColumnKind::Status},
                                                    {_("Position"), 70, ui::ColumnKind::Integer},
                                                    {_("Source"), 80},
                                                    {_("Reason"), 200}},
                                        .search_hint = _("Search name, e-mail…"),
                                        .count_format = _("%zu of %zu registrations"),
                                        .statuses = {status_label("registered"), status_label("waiting"),
                                                     status_label("cancelled")},
                                        .buttons = {{_("&Register…"), [this] { register_person(); }, "register"},
                                                    {_("&Import from the site…"), [this] { import_registrations(); },
                                                     "import-registrations"},
                                                    {_("&Cancel…"), [this] { cancel_registration(); }},
                                                    {_("&Move…"), [this] { move_registration(); }}}});
    tabs_->AddPage(registrations_, _("Registrations"));
    // Attendance: the shared grid.
    auto* att_tab = tab(tabs_, _("Attendance"), s);
    s->Add(new wxStaticText(att_tab, wxID_ANY,
                            _("Click a cell or type P (present), E (excused, with the reason), A (absent), R "
                              "(registered).")),
           0, wxALL, 4);
    attendance_ = std::make_shared<TrainingAttendance>(context.database());
    grid_ = new ui::AttendanceGrid(att_tab, attendance_);
    grid_->SetName("attendance");
    s->Add(grid_, 1, wxEXPAND);
    expectations_ = new ui::ListPanel(tabs_, &context,
                                      {.id = "catalogue.expectations",
                                       .name = "expectations",
                                       .title = _("Expectations"),
                                       .columns = {{_("Participant"), 200},
                                                   {_("Expectation at the start"), 460},
                                                   {_("At the end"), 120, ui::ColumnKind::Status}},
                                       .statuses = {met_label("yes"), met_label("partly"), met_label("no"),
                                                    met_label("")},
                                       .buttons = {{_("Add an e&xpectation…"), [this] { add_expectation(); },
                                                    "add-expectation"},
                                                   {_("Met"), [this] { set_met("yes"); }, "met-yes"},
                                                   {_("Partly"), [this] { set_met("partly"); }, "met-partly"},
                                                   {_("Not met"), [this] { set_met("no"); }, "met-no"}}});
    tabs_->AddPage(expectations_, _("Expectations"));
    log_ = new ui::ListPanel(tabs_, &context,
                             {.id = "catalogue.mail_log",
                              .name = "mail-log",
                              .title = _("Messages written or sent"),
                              .columns = {{_("Person"), 180},
                                          {_("Message"), 100, ui::ColumnKind::Status},
                                          {_("How"), 90},
                                          {_("Subject"), 300},
                                          {_("When"), 130, ui::ColumnKind::Date}},
                              .count_format = _("%zu of %zu messages"),
                              .buttons = {{_("Certi&ficates…"), [this] { certificates(); }, "certificates"},
                                          {_("Messa&ges…"), [this] { messages(); }, "messages"}}});
    tabs_->AddPage(log_, _("Certificates and messages"));
    // Evaluations: the shared questionnaire form, results per training or per module.
    auto* eval_tab = tab(tabs_, _("Evaluations"), s);
    auto* eval_bar = new wxBoxSizer(wxHORIZONTAL);
    ui::bar_button(eval_tab, eval_bar, _("Enter an &evaluation…"), "add-evaluation", [this] { add_evaluation(); },
                   wxRIGHT, 12);
    results_of_ = ui::add_labelled(eval_bar, _("Results of:"), new wxChoice(eval_tab, wxID_ANY), "results-of", 0);
    s->Add(eval_bar, 0, wxALL, 4);
    results_ = new ui::QuestionnaireResults(eval_tab);
    results_->SetName("evaluation-results");
    s->Add(results_, 1, wxEXPAND);
    results_of_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { show_results(); });
    top->Add(tabs_, 1, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, 6);
    SetSizer(top);

    edition_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { refresh(); });
    trainings_->list()->Bind(wxEVT_DATAVIEW_SELECTION_CHANGED, [this](wxDataViewEvent&) { show_training(); });
    publish->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { this->publish(); });
    refresh();
}

std::optional<int64_t> TrainingsPage::training_id() const { return trainings_->selected_id(); }

void TrainingsPage::changed(const wxString& status) {
    if (!status.empty()) context().set_status(status);
    context().data_changed();
    refresh();
}

void TrainingsPage::refresh() {
    CatalogueStore store(database());
    wxString chosen = edition_->GetStringSelection();
    edition_->Clear();
    for (const auto& e : store.editions()) edition_->Append(u8(e));
    if (!chosen.empty() && edition_->FindString(chosen) != wxNOT_FOUND)
        edition_->SetStringSelection(chosen);
    else if (!edition_->IsEmpty())
        edition_->SetSelection(0);
    const std::string edition = edition_->GetSelection() >= 0 ? edition_->GetStringSelection().utf8_string() : "";
    const std::string lang = context().language();
    RegistrationService regs(database());
    auto rows = std::make_shared<ui::TableRowSource>();
    auto add = [&](const TrainingRow& t) {
        int waiting = 0;
        for (const auto& r : regs.list(t.id)) waiting += r.status == "waiting";
        const int taken = regs.seats_taken(t.id);
        rows->add(t.id, {u8(t.input.code), t.input.kind == "open" ? _("open") : _("custom"), u8(t.input.title.get(lang)),
                         wxString::Format("%zu", t.day_session_ids.size()),
                         t.input.seats ? wxString::Format("%d / %d", taken, t.input.seats) : wxString::Format("%d", taken),
                         wxString::Format("%d", waiting), status_label(store.effective_status(t.id))});
    };
    if (!edition.empty())
        for (const auto& t : store.trainings(edition)) add(t);
    for (const auto& t : store.trainings({}, "custom")) add(t);
    trainings_->set_source(rows);
    if (rows->row_count() > 0 && !trainings_->selected_id()) trainings_->select_id(trainings_->list()->id_at(0));
    show_training();
}

void TrainingsPage::show_training() {
    auto& db = database();
    CatalogueStore store(db);
    const auto selected = training_id();
    auto t = selected ? store.training(*selected) : std::nullopt;
    tabs_->Enable(t.has_value());
    SessionRepository sessions(db);
    PersonRepository people(db);
    auto day_rows = std::make_shared<ui::TableRowSource>();
    auto registration_rows = std::make_shared<ui::TableRowSource>();
    auto expectation_rows = std::make_shared<ui::TableRowSource>();
    auto log_rows = std::make_shared<ui::TableRowSource>();
    if (!t) {
        details_->SetLabel(edition_->IsEmpty() ? _("Create the edition first (Catalogue editions), then its trainings "
                                                   "with New training….")
                                               : _("No training in this edition yet: New training… composes one from "
                                                   "the modules."));
        days_->set_source(day_rows);
        registrations_->set_source(registration_rows);
        expectations_->set_source(expectation_rows);
        log_->set_source(log_rows);
        attendance_->set_days({});
        grid_->reload();
        results_of_->Clear();
        result_modules_.clear();
        results_->show(wxString(), {});
        flags_->SetLabel(wxString());
        return;
    }
    const std::string lang = context().language();
    wxString modules;
    for (const auto& code : t->input.module_codes) modules += (modules.empty() ? "" : ", ") + u8(code);
    std::vector<int> minutes;
    for (auto v : t->module_version_ids)
        if (auto m = store.module_version(v)) minutes.push_back(m->sheet.duration_minutes);
    const auto duration = compose_duration(minutes);
    wxString languages;
    for (const auto& l : t->input.languages) languages += (languages.empty() ? "" : ", ") + u8(l);
    wxString details = wxString::Format(_("%s — modules %s: %s in all (%d day(s) of 6 h); %zu day(s) planned. Venue: %s. "
                                          "Languages: %s. Price: %s."),
                                        u8(t->input.title.get(lang)), modules, u8(catalog::format_duration(duration.minutes)),
                                        duration.days_needed(), t->day_session_ids.size(),
                                        t->input.venue.empty() ? _("not set") : u8(t->input.venue), languages,
                                        t->input.price_cents && *t->input.price_cents > 0
                                            ? ui::display_decimal(*t->input.price_cents / 100.0) + " €"
                                            : _("free"));
    if (t->input.institution_id) {
        std::string name;
        if (auto inst = InstitutionRepository(db).get(*t->input.institution_id)) name = inst->name;
        details += "\n" + wxString::Format(_("Custom training for %s."), u8(name));
    }
    details_->SetLabel(details);
    details_->Wrap(GetClientSize().x > 100 ? GetClientSize().x - 20 : FromDIP(1100));

    for (auto sid : t->day_session_ids) {
        auto day = sessions.get(sid);
        wxString names;
        for (auto p : store.day_trainers(sid))
            if (auto person = people.get(p)) names += (names.empty() ? "" : ", ") + u8(person->display_name());
        day_rows->add(sid, {ui::display_date(day->date), u8(day->start_time + "–" + day->end_time), u8(day->place), names,
                            status_label(day->status)});
    }
    days_->set_source(day_rows);
    wxString flags;
    for (const auto& f : check_training(db, t->id)) flags += "⚠ " + u8(f.message) + "\n";
    flags_->SetLabel(t->day_session_ids.empty() ? _("No day yet: Add a day… sets its date and its trainer pair.")
                     : flags.empty() ? _("Trainer pairs: no problem found.")
                                     : flags.Strip(wxString::trailing));

    for (const auto& r : RegistrationService(db).list(t->id)) {
        auto p = people.get(r.person_id);
        registration_rows->add(r.person_id, {p ? u8(p->display_name()) : wxString(), p ? u8(p->email) : wxString(),
                                             status_label(r.status),
                                             r.waiting_position ? wxString::Format("%d", *r.waiting_position) : wxString(),
                                             r.source == "import" ? _("site") : _("window"), u8(r.reason)});
    }
    registrations_->set_source(registration_rows);

    attendance_->set_days(t->day_session_ids);
    grid_->reload();

    for (const auto& e : RegistrationService(db).expectations(t->id)) {
        auto p = people.get(e.person_id);
        expectation_rows->add(e.id, {p ? u8(p->display_name()) : wxString(), u8(e.text), met_label(e.met)});
    }
    expectations_->set_source(expectation_rows);

    for (const auto& m : mail_log(db, t->id))
        log_rows->add(m.id, {u8(m.person), kind_label(m.kind), m.channel == "smtp" ? _("SMTP") : _(".eml"), u8(m.subject),
                             ui::display_date_time(m.sent_at)});
    log_->set_source(log_rows);

    results_of_->Clear();
    result_modules_.clear();
    results_of_->Append(_("this training"));
    for (const auto& code : t->input.module_codes) {
        results_of_->Append(wxString::Format(_("module %s, over every training that used it"), u8(code)));
        result_modules_.push_back(code);
    }
    results_of_->SetSelection(0);
    show_results();
    Layout();
}

void TrainingsPage::show_results() {
    const auto id = training_id();
    if (!id) return;
    auto& db = database();
    const int n = results_of_->GetSelection();
    std::vector<int64_t> subjects{*id};
    wxString title = _("Evaluations of this training");
    if (n > 0) {
        const auto& code = result_modules_[static_cast<std::size_t>(n - 1)];
        subjects = trainings_with_module(db, code);
        title = wxString::Format(_("Evaluations of the module %s (%zu training(s))"), u8(code), subjects.size());
    }
    if (auto q = QuestionnaireRepository(db).find_by_code(kEvaluationCode))
        results_->show(title, QuestionnaireRepository(db).summarize(q->id, kEvaluationSubject, subjects));
    else
        results_->show(title, {});
}

void TrainingsPage::add_evaluation() {
    const auto id = training_id();
    if (!id) return;
    auto& db = database();
    int64_t questionnaire = 0;
    if (!ui::guarded(this, _("The evaluation form could not be opened"), [&] {
            questionnaire = db.write(_("Create the evaluation questionnaire").utf8_string(),
                                     [&] { return evaluation_questionnaire(db); });
        }))
        return;
    wxDialog dialog(this, wxID_ANY, _("An evaluation of the training"), wxDefaultPosition, wxDefaultSize,
                    wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER);
    dialog.SetName("evaluation-dialog");
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    row->Add(new wxStaticText(&dialog, wxID_ANY, wxGETTEXT_IN_CONTEXT("author", "From:")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 6);
    auto* who = new wxChoice(&dialog, wxID_ANY);
    who->SetName("person");
    who->Append(_("anonymous"));
    std::vector<int64_t> people;
    PersonRepository repo(db);
    for (const auto& r : RegistrationService(db).list(*id))
        if (r.status == "registered")
            if (auto p = repo.get(r.person_id)) {
                who->Append(u8(p->display_name()));
                people.push_back(p->id);
            }
    who->SetSelection(0);
    row->Add(who, 0);
    sizer->Add(row, 0, wxALL, 10);
    auto* form = new ui::QuestionnaireForm(&dialog, *QuestionnaireRepository(db).get(questionnaire));
    form->SetName("form");
    form->SetMinSize(FromDIP(wxSize(560, 380)));
    sizer->Add(form, 1, wxEXPAND | wxLEFT | wxRIGHT, 10);
    sizer->Add(ui::ok_cancel_buttons(&dialog), 0, wxEXPAND | wxALL, 8);
    dialog.SetSizerAndFit(sizer);
    std::optional<int64_t> saved;
    dialog.Bind(wxEVT_BUTTON, [&](wxCommandEvent& e) {
        const int n = who->GetSelection();
        const std::optional<int64_t> person =
            n > 0 ? std::optional<int64_t>(people[static_cast<std::size_t>(n - 1)]) : std::nullopt;
        saved = form->submit(db, person, kEvaluationSubject, *id);
        if (saved) e.Skip();  // closes; otherwise the form shows what is missing
    }, wxID_OK);
    dialog.CentreOnParent();
    if (dialog.ShowModal() != wxID_OK || !saved) return;
    changed(_("Evaluation saved."));
    tabs_->SetSelection(5);
}

// ---- trainings ------------------------------------------------------------------------

void TrainingsPage::new_training() {
    const std::string edition = edition_->GetSelection() >= 0 ? edition_->GetStringSelection().utf8_string() : "";
    TrainingDialog dialog(this, context(), edition, 0);
    while (dialog.ShowModal() == wxID_OK) {
        const auto in = dialog.value();
        std::optional<int64_t> id;
        if (ui::guarded(this, _("The training was not created"), [&] {
                id = database().write(wxString::Format(_("Create the training %s"), u8(in.code)).utf8_string(),
                                      [&] { return CatalogueStore(database()).create_training(in); });
            })) {
            changed(wxString::Format(_("Training %s created: add its days next."), u8(in.code)));
            trainings_->select_id(*id);
            show_training();
            tabs_->SetSelection(0);
            return;
        }
    }
}

void TrainingsPage::edit_training() {
    const auto id = training_id();
    if (!id) return;
    TrainingDialog dialog(this, context(), {}, *id);
    while (dialog.ShowModal() == wxID_OK) {
        const auto in = dialog.value();
        if (ui::guarded(this, _("The training was not saved"), [&] {
                database().write(wxString::Format(_("Change the training %s"), u8(in.code)).utf8_string(),
                                 [&] { CatalogueStore(database()).update_training(*id, in); });
            })) {
            changed(wxString::Format(_("Training %s saved."), u8(in.code)));
            return;
        }
    }
}

void TrainingsPage::duplicate_training() {
    const auto id = training_id();
    if (!id) return;
    auto t = CatalogueStore(database()).training(*id);
    TrainingInput copy = t->input;
    copy.code += "-2";
    copy.status = "proposed";
    TrainingDialog dialog(this, context(), copy.edition, 0, copy);
    while (dialog.ShowModal() == wxID_OK) {
        const auto in = dialog.value();
        std::optional<int64_t> created;
        if (ui::guarded(this, _("The training was not created"), [&] {
                created = database().write(
                    wxString::Format(_("Duplicate %s as %s"), u8(t->input.code), u8(in.code)).utf8_string(),
                    [&] { return CatalogueStore(database()).create_training(in); });
            })) {
            changed(wxString::Format(_("Training %s created from %s: add its days."), u8(in.code), u8(t->input.code)));
            trainings_->select_id(*created);
            show_training();
            return;
        }
    }
}

bool TrainingsPage::delete_selection() {
    if (!training_id()) return false;
    delete_training();
    return true;
}

void TrainingsPage::delete_training() {
    const auto id = training_id();
    if (!id) return;
    auto& db = database();
    auto t = CatalogueStore(db).training(*id);
    const auto regs = RegistrationService(db).list(*id);
    const wxString what = wxString::Format(_("the training %s"), u8(t->input.code));
    const wxString consequences =
        wxString::Format(_("Its %zu day(s) with their attendance, %zu registration(s), its expectations and its message "
                           "log go with it."),
                         t->day_session_ids.size(), regs.size());
    if (!ui::confirm_delete(this, what, consequences)) return;
    if (ui::guarded(this, _("The training was not deleted"), [&] {
            db.write(wxString::Format(_("Delete the training %s"), u8(t->input.code)).utf8_string(), [&] {
                for (auto day : t->day_session_ids) SessionRepository(db).remove(day);
                db.sql().exec("DELETE FROM catalogue_training WHERE id = " + std::to_string(*id));
            });
        }))
        changed(wxString::Format(_("Training %s deleted (Edit > Undo brings it back)."), u8(t->input.code)));
}

// ---- days -----------------------------------------------------------------------------

void TrainingsPage::add_day() {
    const auto id = training_id();
    if (!id) return;
    DayDialog dialog(this, context(), *id, 0);
    while (dialog.ShowModal() == wxID_OK) {
        const auto day = dialog.value();
        auto& db = database();
        if (ui::guarded(this, _("The day was not added"), [&] {
                db.write(wxString::Format(_("Add the day %s"), ui::display_date(day.date)).utf8_string(), [&] {
                    const auto session = CatalogueStore(db).add_day(*id, day);
                    // People already registered are expected on the new day too.
                    RegistrationService regs(db);
                    for (const auto& r : regs.list(*id))
                        if (r.status == "registered") regs.set_attendance(session, r.person_id, "registered");
                });
            })) {
            changed(wxString::Format(_("Day %s added."), ui::display_date(day.date)));
            return;
        }
    }
}

void TrainingsPage::edit_day() {
    const auto id = training_id();
    const auto day_id = days_->selected_id();
    if (!id || !day_id) return;
    DayDialog dialog(this, context(), *id, *day_id);
    while (dialog.ShowModal() == wxID_OK) {
        const auto day = dialog.value();
        auto& db = database();
        if (ui::guarded(this, _("The day was not saved"), [&] {
                db.write(wxString::Format(_("Change the day %s"), ui::display_date(day.date)).utf8_string(), [&] {
                    SessionRepository sessions(db);
                    auto s = *sessions.get(*day_id);
                    s.date = day.date;
                    s.start_time = day.start_time;
                    s.end_time = day.end_time;
                    s.place = day.venue;
                    sessions.update(s);
                    CatalogueStore(db).set_day_trainers(*day_id, day.trainer_ids);
                });
            })) {
            changed(wxString::Format(_("Day %s saved."), ui::display_date(day.date)));
            return;
        }
    }
}

void TrainingsPage::remove_day() {
    const auto day_id = days_->selected_id();
    if (!day_id) return;
    auto& db = database();
    auto s = SessionRepository(db).get(*day_id);
    if (!s) return;
    const auto attendance = SessionRepository(db).attendance(*day_id);
    if (!ui::confirm_delete(this, wxString::Format(_("the training day of %s"), ui::display_date(s->date)),
                            wxString::Format(_("Its trainer pair and the attendance of %zu person(s) go with it."),
                                             attendance.size())))
        return;
    if (ui::guarded(this, _("The day was not removed"), [&] {
            db.write(wxString::Format(_("Remove the day %s"), ui::display_date(s->date)).utf8_string(),
                     [&] { SessionRepository(db).remove(*day_id); });
        }))
        changed(wxString::Format(_("Day %s removed (Edit > Undo brings it back)."), ui::display_date(s->date)));
}

// ---- registrations ----------------------------------------------------------------------

void TrainingsPage::register_person() {
    const auto id = training_id();
    if (!id) return;
    RegisterDialog dialog(this, context());
    if (dialog.ShowModal() != wxID_OK || !dialog.person()) return;
    auto& db = database();
    auto p = PersonRepository(db).get(*dialog.person());
    if (auto known = RegistrationService(db).find(*id, p->id); known && known->status != "cancelled") {
        ui::show_info(this, wxString::Format(_("%s is already registered (%s)."), u8(p->display_name()),
                                             status_label(known->status)));
        return;
    }
    Registration r;
    if (ui::guarded(this, _("The person was not registered"), [&] {
            r = db.write(wxString::Format(_("Register %s"), u8(p->display_name())).utf8_string(),
                         [&] { return RegistrationService(db).register_person(*id, p->id); });
        }))
        changed(r.status == "waiting"
                    ? wxString::Format(_("The training is full: %s is number %d on the waiting list."),
                                       u8(p->display_name()), r.waiting_position.value_or(0))
                    : wxString::Format(_("%s registered."), u8(p->display_name())));
}

void TrainingsPage::import_registrations() {
    const auto id = training_id();
    if (!id) return;
    auto t = CatalogueStore(database()).training(*id);
    ImportRegistrationsDialog dialog(this, context(), t->input.code);
    if (dialog.ShowModal() != wxID_OK) return;
    const wxString summary = dialog.import();
    if (!summary.empty()) changed(summary);
}

void TrainingsPage::cancel_registration() {
    const auto t = training_id(), person = registrations_->selected_id();
    if (!t || !person) return;
    auto& db = database();
    auto p = PersonRepository(db).get(*person);
    wxTextEntryDialog ask(this, wxString::Format(_("Why is the registration of %s cancelled?"), u8(p->display_name())),
                          _("Cancel a registration"));
    ask.SetName("cancel-reason");
    if (ask.ShowModal() != wxID_OK || ask.GetValue().Strip(wxString::both).empty()) return;
    std::optional<int64_t> promoted;
    if (!ui::guarded(this, _("The registration was not cancelled"), [&] {
            promoted = db.write(wxString::Format(_("Cancel the registration of %s"), u8(p->display_name())).utf8_string(),
                                [&] { return RegistrationService(db).cancel(*t, *person, ask.GetValue().utf8_string()); });
        }))
        return;
    wxString status = wxString::Format(_("Registration of %s cancelled."), u8(p->display_name()));
    if (promoted)
        if (auto next = PersonRepository(db).get(*promoted))
            status += " " + wxString::Format(_("%s moves up from the waiting list."), u8(next->display_name()));
    changed(status);
}

void TrainingsPage::move_registration() {
    const auto t = training_id(), person = registrations_->selected_id();
    if (!t || !person) return;
    auto& db = database();
    CatalogueStore store(db);
    auto from = store.training(*t);
    std::vector<TrainingRow> targets;
    wxArrayString labels;
    for (const auto& other : store.trainings(from->input.edition)) {
        if (other.id == *t || other.input.status == "cancelled") continue;
        targets.push_back(other);
        labels.Add(u8(other.input.code + " — " + other.input.title.get(context().language())));
    }
    if (targets.empty()) {
        ui::show_info(this, _("There is no other training in this edition to move the registration to."));
        return;
    }
    auto p = PersonRepository(db).get(*person);
    wxSingleChoiceDialog choose(this, wxString::Format(_("Move the registration of %s to:"), u8(p->display_name())),
                                _("Move a registration"), labels);
    choose.SetName("move-registration");
    if (choose.ShowModal() != wxID_OK) return;
    const auto& to = targets[static_cast<std::size_t>(choose.GetSelection())];
    Registration r;
    if (ui::guarded(this, _("The registration was not moved"), [&] {
            r = db.write(wxString::Format(_("Move %s to %s"), u8(p->display_name()), u8(to.input.code)).utf8_string(), [&] {
                RegistrationService regs(db);
                regs.cancel(*t, *person, wxString::Format(_("moved to %s"), u8(to.input.code)).utf8_string());
                return regs.register_person(to.id, *person, std::nullopt, "move");
            });
        }))
        changed(wxString::Format(_("%s moved to %s (%s)."), u8(p->display_name()), u8(to.input.code),
                                 status_label(r.status)));
}

// ---- expectations -----------------------------------------------------------------------

void TrainingsPage::add_expectation() {
    const auto id = training_id();
    if (!id) return;
    ExpectationDialog dialog(this, context(), *id);
    if (dialog.ShowModal() != wxID_OK || !dialog.person()) return;
    auto& db = database();
    auto p = PersonRepository(db).get(*dialog.person());
    if (ui::guarded(this, _("The expectation was not saved"), [&] {
            db.write(wxString::Format(_("Expectation of %s"), u8(p->display_name())).utf8_string(),
                     [&] { RegistrationService(db).add_expectation(*id, p->id, dialog.text()); });
        }))
        changed({});
}

void TrainingsPage::set_met(const char* met) {
    const auto e = expectations_->selected_id();
    if (!e) return;
    auto& db = database();
    if (ui::guarded(this, _("Not saved"), [&] {
            db.write(_("Whether an expectation was met").utf8_string(),
                     [&] { RegistrationService(db).set_expectation_met(*e, met); });
        })) {
        changed({});
        expectations_->select_id(*e);
    }
}

// ---- documents and messages ----------------------------------------------------------------

void TrainingsPage::certificates() {
    const auto id = training_id();
    if (!id) return;
    auto t = CatalogueStore(database()).training(*id);
    CertificatesDialog dialog(this, context(), *id);
    if (dialog.ShowModal() != wxID_OK) return;
    CertificatesResult result;
    bool finished = false;
    ui::guarded(this, _("The certificates were not written"), [&] {
        finished = ui::run_with_progress(this, _("Certificates of attendance"), [&](Progress& progress) {
            result = write_certificates(database(), t->input.code, dialog.folder(), dialog.pdf(), dialog.person(), &progress);
        });
    });
    if (!finished) return;
    wxString message = wxString::Format(_("%d certificate(s) written:\n%s"), result.count, u8(result.html.string()));
    if (!result.pdf.empty()) message += "\n" + u8(result.pdf.string());
    context().set_status(wxString::Format(_("%d certificate(s) written."), result.count));
    ui::show_info(this, message);
}

void TrainingsPage::messages() {
    const auto id = training_id();
    if (!id) return;
    auto t = CatalogueStore(database()).training(*id);
    MessagesDialog dialog(this, context());
    if (dialog.ShowModal() != wxID_OK) return;
    MailOptions options;
    options.dry_run = dialog.dry_run();
    options.channel = dialog.smtp() ? MailOptions::Channel::Smtp : MailOptions::Channel::Eml;
    options.folder = dialog.folder();
    auto pref = [this](const char* key, const wxString& fallback = {}) {
        return context().preference(key, fallback).Strip(wxString::both).utf8_string();
    };
    options.smtp.host = pref("catalogue.smtp_host");
    options.smtp.port = std::atoi(pref("catalogue.smtp_port", "587").c_str());
    const std::string security = pref("catalogue.smtp_security", "STARTTLS");
    options.smtp.security = security == "SSL/TLS" ? "ssl" : security == "STARTTLS" ? "starttls" : "none";
    options.smtp.user = pref("catalogue.smtp_user");
    options.smtp.from_address = pref("catalogue.smtp_from");
    options.smtp.from_name = pref("catalogue.smtp_from_name");
    options.smtp.password = dialog.password();
    if (dialog.smtp() && dialog.remember() && !options.smtp.password.empty()) {
        std::string error;
        if (!keyring_store(options.smtp.host, options.smtp.user, options.smtp.password, &error))
            ui::show_info(this, wxString::Format(_("The desktop keyring did not keep the password (%s): it is used for "
                                                   "this sending only."),
                                                 u8(error)));
    }
    MailReport report;
    bool finished = false;
    ui::guarded(this, _("The messages were not sent"), [&] {
        finished = ui::run_with_progress(this, _("Messages to the participants"), [&](Progress& progress) {
            report = send_messages(database(), t->input.code, dialog.kind(), options, &progress);
        });
    });
    if (!finished) {
        show_training();
        return;
    }
    wxString message;
    if (options.dry_run)
        message = wxString::Format(_("Dry run: %d message(s) would go out; %d already sent, %d without e-mail."),
                                   report.sent, report.already, report.without_email);
    else if (dialog.smtp())
        message = wxString::Format(_("%d message(s) sent; %d already sent before, %d without e-mail, %d refused."),
                                   report.sent, report.already, report.without_email, report.failed);
    else
        message = wxString::Format(_("%d message(s) written to %s; %d already written before, %d without e-mail."),
                                   report.sent, u8(options.folder.string()), report.already, report.without_email);
    context().set_status(message);
    wxString lines;
    for (std::size_t i = 0; i < report.lines.size() && i < 25; ++i) lines += "\n" + u8(report.lines[i]);
    if (report.lines.size() > 25) lines += "\n…";
    changed({});
    tabs_->SetSelection(4);
    ui::show_info(this, message + "\n" + lines);
}

void TrainingsPage::publish() {
    if (edition_->GetSelection() < 0) {
        ui::show_info(this, _("Create an edition first (Catalogue editions)."));
        return;
    }
    const std::string edition = edition_->GetStringSelection().utf8_string();
    PublishDialog dialog(this, context(), edition);
    if (dialog.ShowModal() != wxID_OK) return;
    const std::filesystem::path target(dialog.folder());
    catalog::PublishOptions options;
    options.make_pdf = dialog.pdf();
    if (catalog::publication_target(target) == catalog::PublicationTarget::OtherFiles) {
        if (!ui::confirm_destructive(
                this, wxString::Format(_("Publish into %s?"), u8(target.string())),
                _("The folder holds other files than an earlier publication of the catalogue: index.html, the booklet "
                  "and the feed would overwrite files of the same name."),
                _("Publish there")))
            return;
        options.overwrite_foreign_folder = true;
    }
    catalog::PublishResult result;
    bool finished = false;
    ui::guarded(this, _("The catalogue was not published"), [&] {
        finished = ui::run_with_progress(this, _("Publish the catalogue"), [&](Progress& progress) {
            step(&progress, 0, 2, _("the site and the feed").utf8_string());
            result = catalogue::publish(database(), edition, target, options);
            step(&progress, 2, 2, {});
        });
    });
    if (!finished) return;
    changed(wxString::Format(_("Catalogue %s published: %zu files."), u8(edition), result.files.size()));
    wxString message = wxString::Format(_("%zu files written into %s."), result.files.size(), u8(target.string()));
    if (!result.pdf_message.empty()) message += "\n" + u8(result.pdf_message);
    if (ui::non_interactive()) return;
    if (ui::confirm(this, message + "\n\n" + _("Open the site in the browser?"), _("Open")))
        wxLaunchDefaultBrowser("file://" + u8(result.index.string()));
}

}  // namespace maillage::catalogue
