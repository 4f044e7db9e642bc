#include "retention_dialog.h"

#include "shared-ui/messages.h"

#include "core/retention.h"

#include <wx/button.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/spinctrl.h>
#include <wx/stattext.h>

namespace maillage::ui {
namespace {
wxString u8(const std::string& s) { return wxString::FromUTF8(s); }
}  // namespace

RetentionDialog::RetentionDialog(wxWindow* parent, Database& db)
    : wxDialog(parent, wxID_ANY, _("Retention of personal data"), wxDefaultPosition, wxSize(720, 520),
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      db_(db) {
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    auto* intro = new wxStaticText(this, wxID_ANY,
                                   _("How long personal data is kept. 0 years means kept indefinitely. Figures "
                                     "of past years do not change: participations stay as anonymous records."));
    intro->Wrap(680);
    sizer->Add(intro, 0, wxALL | wxEXPAND, 10);
    auto* grid = new wxFlexGridSizer(2, 8, 8);
    people_ = new wxSpinCtrl(this, wxID_ANY, {}, wxDefaultPosition, wxDefaultSize, wxSP_ARROW_KEYS, 0, 50, 0);
    evaluations_ = new wxSpinCtrl(this, wxID_ANY, {}, wxDefaultPosition, wxDefaultSize, wxSP_ARROW_KEYS, 0, 50, 0);
    grid->Add(new wxStaticText(this, wxID_ANY, _("Erase people with no activity for (years):")), 0,
              wxALIGN_CENTER_VERTICAL);
    grid->Add(people_);
    grid->Add(new wxStaticText(this, wxID_ANY, _("Make evaluations anonymous after (years):")), 0,
              wxALIGN_CENTER_VERTICAL);
    grid->Add(evaluations_);
    sizer->Add(grid, 0, wxLEFT | wxRIGHT, 10);
    auto* save = new wxButton(this, wxID_ANY, _("Save the periods"));
    sizer->Add(save, 0, wxALL, 10);
    sizer->Add(new wxStaticText(this, wxID_ANY, _("Due today:")), 0, wxLEFT | wxRIGHT, 10);
    due_ = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT | wxLC_HRULES);
    due_->AppendColumn(_("Kind"), wxLIST_FORMAT_LEFT, 120);
    due_->AppendColumn(_("Record"), wxLIST_FORMAT_LEFT, 360);
    due_->AppendColumn(_("Last activity"), wxLIST_FORMAT_LEFT, 140);
    sizer->Add(due_, 1, wxALL | wxEXPAND, 10);
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    apply_ = new wxButton(this, wxID_ANY, _("Erase or anonymise what is due…"));
    buttons->Add(apply_, 0, wxRIGHT, 8);
    buttons->Add(new wxButton(this, wxID_CLOSE, _("Close")));
    sizer->Add(buttons, 0, wxALL | wxALIGN_RIGHT, 10);
    SetSizer(sizer);
    save->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { save_periods(); });
    apply_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { apply(); });
    Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { EndModal(wxID_CLOSE); }, wxID_CLOSE);
    SetEscapeId(wxID_CLOSE);
    load();
}

void RetentionDialog::load() {
    people_->SetValue(retention_years(db_, "people").value_or(0));
    evaluations_->SetValue(retention_years(db_, "evaluations").value_or(0));
    due_->DeleteAllItems();
    long row = 0;
    for (const auto& item : retention_due(db_, local_today())) {
        due_->InsertItem(row, item.kind == "people" ? _("person") : _("evaluation"));
        due_->SetItem(row, 1, u8(item.label));
        due_->SetItem(row, 2, u8(item.last_activity));
        ++row;
    }
    apply_->Enable(row > 0);
}

void RetentionDialog::save_periods() {
    guarded(this, _("The retention periods could not be saved"), [&] {
        auto years = [](int v) { return v > 0 ? std::optional<int>(v) : std::nullopt; };
        set_retention_years(db_, "people", years(people_->GetValue()));
        set_retention_years(db_, "evaluations", years(evaluations_->GetValue()));
    });
    load();
}

void RetentionDialog::apply() {
    const auto items = retention_due(db_, local_today());
    if (items.empty()) return;
    if (!confirm(this,
                 wxString::Format(_("%zu record(s) will be erased or made anonymous. This cannot be undone."),
                                  items.size()),
                 _("Erase")))
        return;
    if (guarded(this, _("Nothing was erased"), [&] { apply_retention(db_, items); })) changed_ = true;
    load();
}

}  // namespace maillage::ui
