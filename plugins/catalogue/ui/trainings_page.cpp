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
#include "shared-ui/display.h"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/dirdlg.h>
#include <wx/filename.h>
#include <wx/listctrl.h>
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

    auto list = [this](std::initializer_list<std::pair<wxString, int>> cols, int height) {
        auto* l = new wxListView(this, wxID_ANY, wxDefaultPosition, wxSize(-1, height), wxLC_REPORT | wxLC_SINGLE_SEL);
        for (const auto& [title, width] : cols) l->AppendColumn(title, wxLIST_FORMAT_LEFT, width);
        return l;
    };
    trainings_ = list({{_("Code"), 90}, {_("Kind"), 70}, {_("Title"), 380}, {_("Days"), 50}, {_("Seats"), 90}, {_("Status"), 90}}, 200);
    top->Add(trainings_, 1, wxEXPAND | wxLEFT | wxRIGHT, 8);
    details_ = new wxStaticText(this, wxID_ANY, {});
    top->Add(details_, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, 8);

    auto* mid = new wxBoxSizer(wxHORIZONTAL);
    auto* col1 = new wxBoxSizer(wxVERTICAL);
    col1->Add(new wxStaticText(this, wxID_ANY, _("Days and trainers")), 0, wxBOTTOM, 4);
    days_ = list({{_("Date"), 95}, {_("Time"), 95}, {_("Trainers"), 260}, {_("Status"), 70}}, 150);
    col1->Add(days_, 1, wxEXPAND);
    flags_ = new wxTextCtrl(this, wxID_ANY, {}, wxDefaultPosition, wxSize(-1, 70), wxTE_MULTILINE | wxTE_READONLY);
    col1->Add(flags_, 0, wxEXPAND | wxTOP, 4);
    mid->Add(col1, 1, wxEXPAND | wxRIGHT, 8);

    auto* col2 = new wxBoxSizer(wxVERTICAL);
    col2->Add(new wxStaticText(this, wxID_ANY, _("Registrations")), 0, wxBOTTOM, 4);
    registrations_ = list({{_("Name"), 180}, {_("Status"), 110}, {_("Position"), 60}, {_("Reason"), 150}}, 150);
    col2->Add(registrations_, 1, wxEXPAND);
    auto* cancel = new wxButton(this, wxID_ANY, _("Cancel registration..."));
    col2->Add(cancel, 0, wxTOP, 4);
    mid->Add(col2, 1, wxEXPAND | wxRIGHT, 8);

    auto* col3 = new wxBoxSizer(wxVERTICAL);
    col3->Add(new wxStaticText(this, wxID_ANY, _("Attendance on the selected day")), 0, wxBOTTOM, 4);
    attendance_ = list({{_("Name"), 180}, {_("Attendance"), 100}}, 150);
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
    trainings_->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent&) { show_training(); });
    days_->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent&) { show_attendance(); });
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
    trainings_->DeleteAllItems();
    training_ids_.clear();
    long row = 0;
    auto add = [&](const TrainingRow& t) {
        trainings_->InsertItem(row, u8(t.input.code));
        trainings_->SetItem(row, 1, t.input.kind == "open" ? _("open") : _("custom"));
        trainings_->SetItem(row, 2, u8(t.input.title.get(lang)));
        trainings_->SetItem(row, 3, wxString::Format("%zu", t.day_session_ids.size()));
        trainings_->SetItem(row, 4, wxString::Format("%d / %d", regs.seats_taken(t.id), t.input.seats));
        trainings_->SetItem(row, 5, status_label(t.input.status));
        training_ids_.push_back(t.id);
        ++row;
    };
    for (const auto& t : store.trainings(edition)) add(t);
    for (const auto& t : store.trainings({}, "custom")) add(t);
    if (row > 0) trainings_->Select(0);
}

void TrainingsPage::show_training() {
    long i = trainings_->GetFirstSelected();
    if (i < 0) return;
    auto& db = database();
    CatalogueStore store(db);
    auto t = store.training(training_ids_[static_cast<std::size_t>(i)]);
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
    days_->DeleteAllItems();
    day_ids_.clear();
    long row = 0;
    for (auto sid : t->day_session_ids) {
        auto s = sessions.get(sid);
        wxString names;
        for (auto p : store.day_trainers(sid))
            if (auto person = people.get(p)) names += (names.empty() ? "" : ", ") + u8(person->display_name());
        days_->InsertItem(row, ui::display_date(s->date));
        days_->SetItem(row, 1, u8(s->start_time + "–" + s->end_time));
        days_->SetItem(row, 2, names);
        days_->SetItem(row, 3, status_label(s->status));
        day_ids_.push_back(sid);
        ++row;
    }
    wxString flags;
    for (const auto& f : check_training(db, t->id)) flags += "⚠ " + u8(f.message) + "\n";
    flags_->ChangeValue(flags.empty() ? _("Trainer pairs: no problem found.") : flags);

    registrations_->DeleteAllItems();
    registration_people_.clear();
    row = 0;
    for (const auto& r : RegistrationService(db).list(t->id)) {
        auto p = people.get(r.person_id);
        registrations_->InsertItem(row, p ? u8(p->display_name()) : wxString());
        registrations_->SetItem(row, 1, status_label(r.status));
        registrations_->SetItem(row, 2, r.waiting_position ? wxString::Format("%d", *r.waiting_position) : wxString());
        registrations_->SetItem(row, 3, u8(r.reason));
        registration_people_.push_back(r.person_id);
        ++row;
    }
    if (!day_ids_.empty()) days_->Select(0);
    else attendance_->DeleteAllItems();
}

void TrainingsPage::show_attendance() {
    long i = days_->GetFirstSelected();
    attendance_->DeleteAllItems();
    attendance_people_.clear();
    if (i < 0) return;
    PersonRepository people(database());
    long row = 0;
    for (const auto& a : SessionRepository(database()).attendance(day_ids_[static_cast<std::size_t>(i)])) {
        if (a.role != "participant") continue;
        auto p = people.get(a.person_id);
        attendance_->InsertItem(row, p ? u8(p->display_name()) : wxString());
        attendance_->SetItem(row, 1, status_label(a.status));
        attendance_people_.push_back(a.person_id);
        ++row;
    }
}

void TrainingsPage::set_attendance(const char* status) {
    long d = days_->GetFirstSelected(), a = attendance_->GetFirstSelected();
    if (d < 0 || a < 0) return;
    try {
        RegistrationService(database()).set_attendance(day_ids_[static_cast<std::size_t>(d)],
                                                       attendance_people_[static_cast<std::size_t>(a)], status);
        attendance_->SetItem(a, 1, status_label(status));
        context().data_changed();
    } catch (const Error& e) {
        wxMessageBox(u8(e.what()), _("Attendance not saved"), wxOK | wxICON_WARNING, this);
    }
}

void TrainingsPage::cancel_registration() {
    long t = trainings_->GetFirstSelected(), r = registrations_->GetFirstSelected();
    if (t < 0 || r < 0) return;
    wxString reason = wxGetTextFromUser(_("Why is this registration cancelled?"), _("Cancel registration"), {}, this);
    if (reason.empty()) return;
    try {
        auto promoted = RegistrationService(database()).cancel(training_ids_[static_cast<std::size_t>(t)],
                                                               registration_people_[static_cast<std::size_t>(r)],
                                                               std::string(reason.utf8_str()));
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
        auto r = catalogue::publish(database(), edition, preview, quick);
        wxLaunchDefaultBrowser("file://" + u8(r.index.string()));
        if (wxMessageBox(_("The preview is open in your browser. Write the catalogue (site, booklet PDF, XML feed) to a folder now?"),
                         _("Publish the catalogue"), wxYES_NO | wxICON_QUESTION, this) != wxYES)
            return;
        wxDirDialog dlg(this, _("Folder to publish into"));
        if (dlg.ShowModal() != wxID_OK) return;
        wxBusyCursor busy;
        auto final_result = catalogue::publish(database(), edition, std::string(dlg.GetPath().utf8_str()));
        wxString message = wxString::Format(_("%zu files written."), final_result.files.size());
        if (!final_result.pdf_message.empty()) message += "\n" + u8(final_result.pdf_message);
        wxMessageBox(message, _("Publish the catalogue"), wxOK | wxICON_INFORMATION, this);
    } catch (const Error& e) {
        wxMessageBox(u8(e.what()), _("Not published"), wxOK | wxICON_WARNING, this);
    }
}

}  // namespace maillage::catalogue
