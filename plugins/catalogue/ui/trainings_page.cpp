#include "ui/trainings_page.h"

#include "catalogue_publish.h"
#include "catalogue_registrations.h"
#include "catalogue_rules.h"
#include "catalogue_store.h"
#include "core/database.h"
#include "core/error.h"
#include "core/institutions.h"
#include "core/people.h"
#include "core/sessions.h"
#include "shared-ui/list_panel.h"
#include "shared-ui/display.h"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/dirdlg.h>
#include <wx/filename.h>
#include <wx/msgdlg.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/textdlg.h>
#include <wx/utils.h>

#include <filesystem>

namespace maillage::catalogue {
namespace {
wxString u8(const std::string& s) { return wxString::FromUTF8(s); }
wxString status_label(const std::string& s) {
    if (s == "registered") return _("registered");
    if (s == "waiting") return _("waiting list");
    if (s == "cancelled") return _("cancelled");
    if (s == "present") return _("present");
    if (s == "absent") return _("absent");
    if (s == "excused") return _("excused");
    if (s == "planned") return _("planned");
    if (s == "held") return _("held");
    if (s == "proposed") return _("proposed");
    if (s == "requested") return _("requested");
    return u8(s);
}
}  // namespace

TrainingsPage::TrainingsPage(wxWindow* parent, ui::UiContext& context) : PageBase(parent, context) {
    auto* top = new wxBoxSizer(wxVERTICAL);
    auto* bar = new wxBoxSizer(wxHORIZONTAL);
    bar->Add(new wxStaticText(this, wxID_ANY, _("Edition")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 6);
    edition_ = new wxChoice(this, wxID_ANY);
    bar->Add(edition_, 0, wxRIGHT, 12);
    auto* publish = new wxButton(this, wxID_ANY, _("Publish the catalogue..."));
    bar->Add(publish, 0);
    top->Add(bar, 0, wxALL, 8);

    auto list = [this, &context](const char* id, const wxString& title, std::vector<ui::ListColumn> cols, int height,
                                 std::vector<wxString> statuses = {}) {
        auto* l = new ui::ListPanel(this, &context,
                                    {.id = id, .title = title, .columns = std::move(cols), .statuses = std::move(statuses)});
        l->SetMinSize(FromDIP(wxSize(-1, height)));
        return l;
    };
    trainings_ = list("catalogue.trainings", _("Trainings"),
                      {{_("Code"), 90},
                       {_("Kind"), 70},
                       {_("Title"), 380},
                       {_("Days"), 50, ui::ColumnKind::Integer},
                       {_("Seats"), 90, ui::ColumnKind::Integer},
                       {_("Status"), 90, ui::ColumnKind::Status}},
                      200, {status_label("planned"), status_label("held"), status_label("cancelled"),
                            status_label("proposed"), status_label("requested")});
    top->Add(trainings_, 1, wxEXPAND);
    set_main_list(trainings_);
    details_ = new wxStaticText(this, wxID_ANY, {});
    top->Add(details_, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, 8);

    auto* mid = new wxBoxSizer(wxHORIZONTAL);
    auto* col1 = new wxBoxSizer(wxVERTICAL);
    col1->Add(new wxStaticText(this, wxID_ANY, _("Days and trainers")), 0, wxBOTTOM, 4);
    days_ = list("catalogue.training_days", _("Days and trainers"),
                 {{_("Date"), 95, ui::ColumnKind::Date}, {_("Time"), 95}, {_("Trainers"), 260}, {_("Status"), 70, ui::ColumnKind::Status}},
                 150);
    col1->Add(days_, 1, wxEXPAND);
    flags_ = new wxTextCtrl(this, wxID_ANY, {}, wxDefaultPosition, wxSize(-1, 70), wxTE_MULTILINE | wxTE_READONLY);
    col1->Add(flags_, 0, wxEXPAND | wxTOP, 4);
    mid->Add(col1, 1, wxEXPAND | wxRIGHT, 8);

    auto* col2 = new wxBoxSizer(wxVERTICAL);
    col2->Add(new wxStaticText(this, wxID_ANY, _("Registrations")), 0, wxBOTTOM, 4);
    registrations_ = list("catalogue.registrations", _("Registrations"),
                          {{_("Name"), 180},
                           {_("Status"), 110, ui::ColumnKind::Status},
                           {_("Position"), 60, ui::ColumnKind::Integer},
                           {_("Reason"), 150}},
                          150, {status_label("registered"), status_label("waiting"), status_label("cancelled")});
    col2->Add(registrations_, 1, wxEXPAND);
    auto* cancel = new wxButton(this, wxID_ANY, _("Cancel registration..."));
    col2->Add(cancel, 0, wxTOP, 4);
    mid->Add(col2, 1, wxEXPAND | wxRIGHT, 8);

    auto* col3 = new wxBoxSizer(wxVERTICAL);
    col3->Add(new wxStaticText(this, wxID_ANY, _("Attendance on the selected day")), 0, wxBOTTOM, 4);
    attendance_ = list("catalogue.day_attendance", _("Attendance on the selected day"),
                       {{_("Name"), 180}, {_("Attendance"), 100, ui::ColumnKind::Status}}, 150,
                       {status_label("registered"), status_label("present"), status_label("absent"),
                        status_label("excused")});
    col3->Add(attendance_, 1, wxEXPAND);
    auto* abar = new wxBoxSizer(wxHORIZONTAL);
    auto* present = new wxButton(this, wxID_ANY, _("Present"));
    auto* absent = new wxButton(this, wxID_ANY, _("Absent"));
    auto* excused = new wxButton(this, wxID_ANY, _("Excused"));
    abar->Add(present, 0, wxRIGHT, 4);
    abar->Add(absent, 0, wxRIGHT, 4);
    abar->Add(excused, 0);
    col3->Add(abar, 0, wxTOP, 4);
    mid->Add(col3, 1, wxEXPAND);
    top->Add(mid, 1, wxEXPAND | wxALL, 8);
    SetSizer(top);

    edition_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { refresh(); });
    trainings_->list()->Bind(wxEVT_DATAVIEW_SELECTION_CHANGED, [this](wxDataViewEvent&) { show_training(); });
    days_->list()->Bind(wxEVT_DATAVIEW_SELECTION_CHANGED, [this](wxDataViewEvent&) { show_attendance(); });
    present->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { set_attendance("present"); });
    absent->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { set_attendance("absent"); });
    excused->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { set_attendance("excused"); });
    cancel->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { cancel_registration(); });
    publish->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { this->publish(); });
    refresh();
}

void TrainingsPage::refresh() {
    CatalogueStore store(database());
    wxString chosen = edition_->GetStringSelection();
    edition_->Clear();
    for (const auto& e : store.editions()) edition_->Append(u8(e));
    if (edition_->IsEmpty()) return;
    if (!chosen.empty() && edition_->FindString(chosen) != wxNOT_FOUND)
        edition_->SetStringSelection(chosen);
    else
        edition_->SetSelection(0);
    std::string edition(edition_->GetStringSelection().utf8_str());
    std::string lang = context().language();
    RegistrationService regs(database());
    auto rows = std::make_shared<ui::TableRowSource>();
    auto add = [&](const TrainingRow& t) {
        rows->add(t.id, {u8(t.input.code), t.input.kind == "open" ? _("open") : _("custom"), u8(t.input.title.get(lang)),
                         wxString::Format("%zu", t.day_session_ids.size()),
                         wxString::Format("%d / %d", regs.seats_taken(t.id), t.input.seats),
                         status_label(t.input.status)});
    };
    for (const auto& t : store.trainings(edition)) add(t);
    for (const auto& t : store.trainings({}, "custom")) add(t);
    trainings_->set_source(rows);
    if (rows->row_count() > 0 && !trainings_->selected_id()) trainings_->select_id(trainings_->list()->id_at(0));
    show_training();
}

void TrainingsPage::show_training() {
    const auto selected = trainings_->selected_id();
    if (!selected) return;
    auto& db = database();
    CatalogueStore store(db);
    auto t = store.training(*selected);
    if (!t) return;
    SessionRepository sessions(db);
    PersonRepository people(db);
    // What the training is made of: its modules and the duration they compose.
    wxString modules;
    for (const auto& code : t->input.module_codes) modules += (modules.empty() ? "" : ", ") + u8(code);
    std::vector<int> minutes;  // the sheet versions the training uses
    for (auto v : t->module_version_ids)
        if (auto m = store.module_version(v)) minutes.push_back(m->sheet.duration_minutes);
    auto duration = compose_duration(minutes);
    wxString details = wxString::Format(_("Modules: %s — %s in all (%d day(s) of 6 h)."), modules,
                                        u8(catalog::format_duration(duration.minutes)), duration.days_needed());
    if (t->input.institution_id) {
        std::string name;
        if (auto inst = InstitutionRepository(db).get(*t->input.institution_id)) name = inst->name;
        details += "\n" + wxString::Format(_("Custom training for %s. Request: %s"), u8(name), u8(t->input.request));
    }
    details_->SetLabel(details);
    details_->Wrap(GetClientSize().x > 100 ? GetClientSize().x - 20 : 900);
    auto day_rows = std::make_shared<ui::TableRowSource>();
    for (auto sid : t->day_session_ids) {
        auto s = sessions.get(sid);
        wxString names;
        for (auto p : store.day_trainers(sid))
            if (auto person = people.get(p)) names += (names.empty() ? "" : ", ") + u8(person->display_name());
        day_rows->add(sid, {ui::display_date(s->date), u8(s->start_time + "–" + s->end_time), names, status_label(s->status)});
    }
    days_->set_source(day_rows);
    wxString flags;
    for (const auto& f : check_training(db, t->id)) flags += "⚠ " + u8(f.message) + "\n";
    flags_->ChangeValue(flags.empty() ? _("Trainer pairs: no problem found.") : flags);

    auto registration_rows = std::make_shared<ui::TableRowSource>();
    for (const auto& r : RegistrationService(db).list(t->id)) {
        auto p = people.get(r.person_id);
        registration_rows->add(r.person_id,
                               {p ? u8(p->display_name()) : wxString(), status_label(r.status),
                                r.waiting_position ? wxString::Format("%d", *r.waiting_position) : wxString(),
                                u8(r.reason)});
    }
    registrations_->set_source(registration_rows);
    if (day_rows->row_count() > 0 && !days_->selected_id()) days_->select_id(days_->list()->id_at(0));
    show_attendance();
}

void TrainingsPage::show_attendance() {
    const auto day = days_->selected_id();
    auto rows = std::make_shared<ui::TableRowSource>();
    if (day) {
        PersonRepository people(database());
        for (const auto& a : SessionRepository(database()).attendance(*day)) {
            if (a.role != "participant") continue;
            auto p = people.get(a.person_id);
            rows->add(a.person_id, {p ? u8(p->display_name()) : wxString(), status_label(a.status)});
        }
    }
    attendance_->set_source(rows);
}

void TrainingsPage::set_attendance(const char* status) {
    const auto d = days_->selected_id(), a = attendance_->selected_id();
    if (!d || !a) return;
    try {
        RegistrationService(database()).set_attendance(*d, *a, status);
        show_attendance();
        context().data_changed();
    } catch (const Error& e) {
        wxMessageBox(u8(e.what()), _("Attendance not saved"), wxOK | wxICON_WARNING, this);
    }
}

void TrainingsPage::cancel_registration() {
    const auto t = trainings_->selected_id(), r = registrations_->selected_id();
    if (!t || !r) return;
    wxString reason = wxGetTextFromUser(_("Why is this registration cancelled?"), _("Cancel registration"), {}, this);
    if (reason.empty()) return;
    try {
        auto promoted = RegistrationService(database()).cancel(*t, *r, std::string(reason.utf8_str()));
        if (promoted)
            if (auto p = PersonRepository(database()).get(*promoted))
                context().set_status(wxString::Format(_("%s moves up from the waiting list."), u8(p->display_name())));
        context().data_changed();
        show_training();
    } catch (const Error& e) {
        wxMessageBox(u8(e.what()), _("Not cancelled"), wxOK | wxICON_WARNING, this);
    }
}

void TrainingsPage::publish() {
    if (edition_->GetSelection() < 0) return;
    std::string edition(edition_->GetStringSelection().utf8_str());
    try {
        // Preview: publish into a temporary folder and open it in the browser first.
        auto preview = std::filesystem::temp_directory_path() / ("maillage-catalogue-preview-" + edition);
        catalog::PublishOptions quick;
        quick.make_pdf = false;
        quick.overwrite_foreign_folder = true;  // our own scratch folder
        auto r = catalogue::publish(database(), edition, preview, quick);
        wxLaunchDefaultBrowser("file://" + u8(r.index.string()));
        if (wxMessageBox(_("The preview is open in your browser. Write the catalogue (site, booklet PDF, XML feed) to a folder now?"),
                         _("Publish the catalogue"), wxYES_NO | wxICON_QUESTION, this) != wxYES)
            return;
        wxDirDialog dlg(this, _("Folder to publish into"));
        if (dlg.ShowModal() != wxID_OK) return;
        const std::filesystem::path target(std::string(dlg.GetPath().utf8_str()));
        catalog::PublishOptions options;
        if (catalog::publication_target(target) == catalog::PublicationTarget::OtherFiles) {
            if (wxMessageBox(wxString::Format(_("The folder %s already holds other files than an earlier publication "
                                                "of the catalogue. Publishing there can overwrite some of them "
                                                "(index.html, the booklet...).\n\nPublish there anyway?"),
                                              dlg.GetPath()),
                             _("Publish the catalogue"), wxYES_NO | wxNO_DEFAULT | wxICON_WARNING, this) != wxYES)
                return;
            options.overwrite_foreign_folder = true;
        }
        wxBusyCursor busy;
        auto final_result = catalogue::publish(database(), edition, target, options);
        wxString message = wxString::Format(_("%zu files written."), final_result.files.size());
        if (!final_result.pdf_message.empty()) message += "\n" + u8(final_result.pdf_message);
        wxMessageBox(message, _("Publish the catalogue"), wxOK | wxICON_INFORMATION, this);
    } catch (const Error& e) {
        wxMessageBox(u8(e.what()), _("Not published"), wxOK | wxICON_WARNING, this);
    }
}

}  // namespace maillage::catalogue
