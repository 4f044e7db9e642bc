#include "shared-ui/confirm_delete.h"

#include "shared-ui/messages.h"

#include <wx/artprov.h>
#include <wx/button.h>
#include <wx/dialog.h>
#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/statbmp.h>
#include <wx/stattext.h>

namespace maillage::ui {
namespace {

// An icon, a bold first line, the text under it, then the buttons (ids from 0 up; the
// last one cancels).
class DeleteDialog : public wxDialog {
public:
    DeleteDialog(wxWindow* parent, const wxString& name, const wxString& headline, const wxString& text,
                 const wxArtID& icon, const std::vector<std::pair<wxString, wxString>>& buttons)
        : wxDialog(parent, wxID_ANY, _("Maillage"), wxDefaultPosition, wxDefaultSize, wxDEFAULT_DIALOG_STYLE, name) {
        auto* body = new wxBoxSizer(wxHORIZONTAL);
        body->Add(new wxStaticBitmap(this, wxID_ANY, wxArtProvider::GetBitmap(icon, wxART_MESSAGE_BOX)), 0,
                  wxALL, 12);
        auto* texts = new wxBoxSizer(wxVERTICAL);
        auto* head = new wxStaticText(this, wxID_ANY, headline);
        head->SetFont(head->GetFont().Bold());
        head->Wrap(FromDIP(460));
        texts->Add(head, 0, wxBOTTOM, 8);
        if (!text.empty()) {
            auto* detail = new wxStaticText(this, wxID_ANY, text, wxDefaultPosition, wxDefaultSize, 0, "message");
            detail->Wrap(FromDIP(460));
            texts->Add(detail, 0);
        }
        body->Add(texts, 1, wxTOP | wxRIGHT | wxBOTTOM, 12);
        auto* row = new wxBoxSizer(wxHORIZONTAL);
        row->AddStretchSpacer();
        for (size_t i = 0; i < buttons.size(); ++i) {
            const bool last = i + 1 == buttons.size();
            auto* b = new wxButton(this, last ? wxID_CANCEL : wxID_HIGHEST + 1 + static_cast<int>(i), buttons[i].first,
                                   wxDefaultPosition, wxDefaultSize, 0, wxDefaultValidator, buttons[i].second);
            row->Add(b, 0, wxLEFT, 6);
            if (!last) b->Bind(wxEVT_BUTTON, [this, i](wxCommandEvent&) { EndModal(static_cast<int>(i)); });
        }
        auto* sizer = new wxBoxSizer(wxVERTICAL);
        sizer->Add(body, 1, wxEXPAND);
        sizer->Add(row, 0, wxEXPAND | wxALL, 10);
        SetSizerAndFit(sizer);
        SetEscapeId(wxID_CANCEL);
        CentreOnParent();
    }
};

}  // namespace

bool confirm_delete(wxWindow* parent, const wxString& what, const wxString& consequences) {
    if (non_interactive()) return false;
    wxString text = consequences;
    if (!text.empty()) text << "\n\n";
    text << _("Edit > Undo brings it back.");
    DeleteDialog dialog(parent, "confirm_delete", wxString::Format(_("Delete %s?"), what), text, wxART_QUESTION,
                        {{_("Delete"), "delete"}, {_("Cancel"), "cancel"}});
    dialog.FindWindow("cancel")->SetFocus();
    return dialog.ShowModal() == 0;
}

int refuse_delete(wxWindow* parent, const wxString& refusal, const std::vector<wxString>& choices) {
    if (non_interactive()) {
        show_error(parent, refusal);
        return -1;
    }
    std::vector<std::pair<wxString, wxString>> buttons;
    for (size_t i = 0; i < choices.size(); ++i) buttons.emplace_back(choices[i], wxString::Format("choice%zu", i));
    buttons.emplace_back(_("Close"), "close");
    DeleteDialog dialog(parent, "refuse_delete", _("This record cannot be deleted"), refusal, wxART_WARNING, buttons);
    const int answer = dialog.ShowModal();
    return answer >= 0 && answer < static_cast<int>(choices.size()) ? answer : -1;
}

}  // namespace maillage::ui
