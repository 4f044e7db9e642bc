#include "ui/new_request_dialog.h"

#include "accompaniments.h"

#include "core/programmes.h"
#include "shared-ui/date_pickers.h"
#include "shared-ui/messages.h"
#include "shared-ui/pickers.h"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

namespace maillage::pat {

NewRequestDialog::NewRequestDialog(wxWindow* parent, Database& db, const std::string& today)
    : wxDialog(parent, wxID_ANY, _("New accompaniment request")), db_(db) {
    SetName("new-request-dialog");
    auto* grid = new wxFlexGridSizer(2, FromDIP(wxSize(8, 6)));
    grid->AddGrowableCol(1);
    auto row = [&](const wxString& label, wxWindow* field, const char* name) {
        field->SetName(name);
        grid->Add(new wxStaticText(this, wxID_ANY, label), 0, wxALIGN_CENTER_VERTICAL);
        grid->Add(field, 1, wxEXPAND);
    };
    institution_ = new ui::InstitutionPicker(this, db);
    institution_->SetMinSize(FromDIP(wxSize(340, -1)));
    row(_("Institution:"), institution_, "institution");
    date_ = new ui::DatePicker(this);
    date_->set_iso(today);
    row(_("Request date:"), date_, "date");
    contact_ = new ui::PersonPicker(this, db);
    row(_("Contact person:"), contact_, "contact");
    heard_ = new wxTextCtrl(this, wxID_ANY);
    row(_("Heard of PAT through:"), heard_, "heard-from");
    funder_ = new wxChoice(this, wxID_ANY);
    funder_->Append(_("(none yet)"));
    funder_->SetSelection(0);
    for (const auto& f : FunderRepository(db).list()) {
        funder_->Append(wxString::FromUTF8(f.name + " (" + f.code + ")"));
        funder_ids_.push_back(f.id);
    }
    row(_("Counts for funder:"), funder_, "funder");
    notes_ = new wxTextCtrl(this, wxID_ANY, {}, wxDefaultPosition, FromDIP(wxSize(-1, 60)), wxTE_MULTILINE);
    row(_("Notes:"), notes_, "notes");

    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(grid, 1, wxEXPAND | wxALL, 10);
    problem_ = new wxStaticText(this, wxID_ANY, wxString());
    problem_->SetForegroundColour(wxColour(170, 0, 0));
    sizer->Add(problem_, 0, wxEXPAND | wxLEFT | wxRIGHT, 10);
    sizer->Add(ui::ok_cancel_buttons(this), 0, wxEXPAND | wxALL, 8);
    SetSizerAndFit(sizer);
    Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { create(); }, wxID_OK);
    CentreOnParent();
}

void NewRequestDialog::create() {
    if (!institution_->selection()) {
        problem_->SetLabel(_("Choose the institution in the search results (type part of its name)."));
        Fit();
        return;
    }
    Accompaniment a;
    a.institution_id = *institution_->selection();
    a.request_date = date_->iso();
    a.contact_person_id = contact_->selection();
    a.heard_from = heard_->GetValue().Strip(wxString::both).utf8_string();
    if (const int f = funder_->GetSelection(); f >= 1) a.funder_id = funder_ids_[size_t(f - 1)];
    a.notes = notes_->GetValue().utf8_string();
    try {
        created_ = AccompanimentRepository(db_).create_request(a);
    } catch (const std::exception& e) {
        problem_->SetLabel(wxString::FromUTF8(e.what()));
        problem_->Wrap(FromDIP(440));
        Fit();
        return;
    }
    EndModal(wxID_OK);
}

}  // namespace maillage::pat
