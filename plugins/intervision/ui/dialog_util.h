#pragma once
// Small pieces the intervision dialogs share: UTF-8 text, a grid of labelled fields
// (a label, then its control: how the journey tests find a field), the buttons, and a
// red line for what was refused.
#include <wx/button.h>
#include <wx/dialog.h>
#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include <string>

namespace maillage::intervision {

inline wxString u8(const std::string& s) { return wxString::FromUTF8(s); }

class FieldGrid {
public:
    explicit FieldGrid(wxWindow* parent) : parent_(parent), sizer_(new wxFlexGridSizer(2, parent->FromDIP(wxSize(8, 6)))) {
        sizer_->AddGrowableCol(1);
    }
    template <class T>
    T* add(const wxString& label, T* control, const char* name) {
        control->SetName(name);
        sizer_->Add(new wxStaticText(parent_, wxID_ANY, label), 0, wxALIGN_CENTER_VERTICAL);
        sizer_->Add(control, 1, wxEXPAND);
        return control;
    }
    wxFlexGridSizer* sizer() { return sizer_; }

private:
    wxWindow* parent_;
    wxFlexGridSizer* sizer_;
};

// OK (labelled for what it does: "Enrol", "Generate") and Cancel.
inline wxSizer* action_buttons(wxDialog* dialog, const wxString& ok_label) {
    auto* buttons = new wxStdDialogButtonSizer();
    auto* ok = new wxButton(dialog, wxID_OK, ok_label);
    ok->SetDefault();
    buttons->AddButton(ok);
    buttons->AddButton(new wxButton(dialog, wxID_CANCEL, _("Cancel")));
    buttons->Realize();
    return buttons;
}

// A red line under the fields; empty until something is refused.
inline wxStaticText* problem_line(wxWindow* parent) {
    auto* t = new wxStaticText(parent, wxID_ANY, wxString());
    t->SetName("problem");
    t->SetForegroundColour(wxColour(170, 0, 0));
    return t;
}

// Shows `message` in the problem line and refits the dialog.
inline void show_problem(wxDialog* dialog, wxStaticText* line, const wxString& message) {
    line->SetLabel(message);
    line->Wrap(dialog->FromDIP(460));
    dialog->Layout();
    dialog->Fit();
}

}  // namespace maillage::intervision
