#include "choose_dialog.h"

#include "shared-ui/messages.h"

#include <wx/button.h>
#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/srchctrl.h>
#include <wx/stattext.h>

namespace maillage::ui {

ChooseDialog::ChooseDialog(wxWindow* parent, const wxString& title, const wxString& prompt,
                           std::vector<ListColumn> columns, std::shared_ptr<const RowSource> rows)
    : wxDialog(parent, wxID_ANY, title, wxDefaultPosition, wxDefaultSize, wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER) {
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    auto* label = new wxStaticText(this, wxID_ANY, prompt);
    label->Wrap(FromDIP(560));
    sizer->Add(label, 0, wxALL, 8);
    search_ = new wxSearchCtrl(this, wxID_ANY);
    search_->SetDescriptiveText(_("Type to search"));
    sizer->Add(search_, 0, wxEXPAND | wxLEFT | wxRIGHT, 8);
    list_ = new VirtualList(this, std::move(columns));
    list_->SetMinSize(FromDIP(wxSize(580, 320)));
    list_->set_source(std::move(rows));
    list_->sort_by(0);
    sizer->Add(list_, 1, wxEXPAND | wxALL, 8);
    auto* buttons = ok_cancel_buttons(this);
    sizer->Add(buttons, 0, wxEXPAND | wxALL, 8);
    SetSizerAndFit(sizer);
    auto* ok = FindWindow(wxID_OK);
    ok->Disable();
    search_->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { list_->set_filter(search_->GetValue()); });
    list_->Bind(wxEVT_DATAVIEW_SELECTION_CHANGED, [this, ok](wxDataViewEvent&) { ok->Enable(chosen().has_value()); });
    list_->Bind(wxEVT_DATAVIEW_ITEM_ACTIVATED, [this](wxDataViewEvent&) {
        if (chosen()) EndModal(wxID_OK);
    });
    CentreOnParent();
}

void ChooseDialog::search_for(const wxString& text) {
    search_->ChangeValue(text);
    list_->set_filter(text);
}

}  // namespace maillage::ui
