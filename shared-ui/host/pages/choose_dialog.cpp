#include "choose_dialog.h"

#include "shared-ui/dialog_frame.h"
#include "shared-ui/list_panel.h"
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
    ui::add_paragraph(this, sizer, prompt, 560, wxALL, 8);
    panel_ = new ListPanel(this, nullptr, {.columns = std::move(columns), .search_hint = _("Type to search")});
    list_ = panel_->list();
    list_->SetMinSize(FromDIP(wxSize(580, 320)));
    panel_->set_source(std::move(rows));
    list_->sort_by(0);
    sizer->Add(panel_, 1, wxEXPAND);
    auto* buttons = ok_cancel_buttons(this);
    sizer->Add(buttons, 0, wxEXPAND | wxALL, 8);
    SetSizerAndFit(sizer);
    auto* ok = FindWindow(wxID_OK);
    ok->Disable();
    list_->Bind(wxEVT_DATAVIEW_SELECTION_CHANGED, [this, ok](wxDataViewEvent&) { ok->Enable(chosen().has_value()); });
    list_->Bind(wxEVT_DATAVIEW_ITEM_ACTIVATED, [this](wxDataViewEvent&) {
        if (chosen()) EndModal(wxID_OK);
    });
    CentreOnParent();
}

void ChooseDialog::search_for(const wxString& text) {
    panel_->set_search(text);
}

}  // namespace maillage::ui
