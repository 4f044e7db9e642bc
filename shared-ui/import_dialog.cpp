#include "shared-ui/import_dialog.h"

#include "shared-ui/dialog_frame.h"

#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

namespace maillage::ui {

ImportFileDialog::ImportFileDialog(wxWindow* parent, UiContext& context, const ImportLayout& layout,
                                   ListOptions preview)
    : wxDialog(parent, wxID_ANY, layout.title, wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER) {
    SetName(layout.name);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(new wxStaticText(this, wxID_ANY, layout.intro), 0, wxALL, 10);
    path_ = new wxTextCtrl(this, wxID_ANY, {}, wxDefaultPosition, FromDIP(wxSize(layout.field_width, -1)));
    path_->SetName("file");
    sizer->Add(file_row(this, path_, layout.choose_title, layout.wildcard), 0, wxEXPAND | wxLEFT | wxRIGHT, 10);
    preview_ = new ListPanel(this, &context, std::move(preview));
    summary_ = end_import_layout(this, sizer, preview_, layout.preview_size, layout.summary);
    path_->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { load(); });
}

}  // namespace maillage::ui
