#include "ui/new_cycle_dialog.h"

#include "cycles.h"

#include "core/programmes.h"
#include "shared-ui/date_pickers.h"
#include "shared-ui/messages.h"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <algorithm>
#include <array>

namespace maillage::intervision {
namespace {
wxString u8(const std::string& s) { return wxString::FromUTF8(s); }
constexpr std::array<const char*, 3> kAudiences{"workers", "peer_workers", "managers"};
}  // namespace

NewCycleDialog::NewCycleDialog(wxWindow* parent, Database& db, const std::string& today)
    : wxDialog(parent, wxID_ANY, _("New intervision cycle")), db_(db) {
    SetName("new-cycle-dialog");
    // A cycle runs from September to June: from July on, the next one is prepared.
    const int year = std::stoi(today.substr(0, 4)), month = std::stoi(today.substr(5, 2));
    const int first = month >= 7 ? year : year - 1;

    auto* grid = new wxFlexGridSizer(2, FromDIP(wxSize(8, 6)));
    grid->AddGrowableCol(1);
    auto row = [&](const wxString& label, wxWindow* field, const char* name) {
        field->SetName(name);
        grid->Add(new wxStaticText(this, wxID_ANY, label), 0, wxALIGN_CENTER_VERTICAL);
        grid->Add(field, 1, wxEXPAND);
    };
    name_ = new wxTextCtrl(this, wxID_ANY, wxString::Format("%d-%d", first, first + 1), wxDefaultPosition,
                           FromDIP(wxSize(280, -1)));
    row(_("Name:"), name_, "name");
    programme_ = new wxChoice(this, wxID_ANY);
    programme_->Append(_("(none)"));
    programme_->SetSelection(0);
    for (const auto& p : ProgrammeRepository(db).list()) {
        programme_->Append(u8(p.name + " (" + p.code + ")"));
        programme_ids_.push_back(p.id);
        if (p.code == "connect") programme_->SetSelection(int(programme_ids_.size()));
    }
    row(_("Programme:"), programme_, "programme");
    start_ = new ui::DatePicker(this);
    start_->set_iso(std::to_string(first) + "-09-01");
    row(_("Starts on:"), start_, "start");
    end_ = new ui::DatePicker(this);
    end_->set_iso(std::to_string(first + 1) + "-06-30");
    row(_("Ends on:"), end_, "end");
    audience_ = new wxChoice(this, wxID_ANY);
    audience_->Append(_("Front-line workers"));
    audience_->Append(_("Peer workers"));
    audience_->Append(_("Managers who hired a peer worker"));
    audience_->SetSelection(0);
    row(_("Audience:"), audience_, "audience");
    funder_ = new wxChoice(this, wxID_ANY);
    funder_->Append(_("(none)"));
    funder_->SetSelection(0);
    for (const auto& f : FunderRepository(db).list()) {
        funder_->Append(u8(f.name + " (" + f.code + ")"));
        funder_ids_.push_back(f.id);
    }
    row(_("Counts for funder:"), funder_, "funder");

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

void NewCycleDialog::create() {
    Cycle c;
    c.name = name_->GetValue().Strip(wxString::both).utf8_string();
    if (const int p = programme_->GetSelection(); p >= 1) c.programme_id = programme_ids_[size_t(p - 1)];
    if (const int f = funder_->GetSelection(); f >= 1) c.funder_id = funder_ids_[size_t(f - 1)];
    c.start_date = start_->iso();
    c.end_date = end_->iso();
    c.audience = kAudiences[size_t(std::max(0, audience_->GetSelection()))];
    try {
        created_ = CycleRepository(db_).create_cycle(c);
    } catch (const std::exception& e) {
        problem_->SetLabel(u8(e.what()));
        problem_->Wrap(FromDIP(420));
        Fit();
        return;
    }
    EndModal(wxID_OK);
}

}  // namespace maillage::intervision
