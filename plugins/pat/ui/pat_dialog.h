#pragma once
// The frame of the plugin's small dialogs: labelled rows, a problem line and OK/Cancel.
// `save` runs on OK: it returns when the change is recorded (the dialog closes) or
// throws, and the message shows in the dialog, which keeps the input.
#include "ui/accompaniment_dialogs.h"

#include "core/error.h"
#include "shared-ui/date_pickers.h"
#include "shared-ui/messages.h"

#include <wx/dialog.h>
#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include <functional>
#include <string>

namespace maillage::pat {

// A labelled grid, a problem line and OK/Cancel. `save` runs on OK: it returns normally
// when the change is recorded (the dialog closes) or throws (the message shows, the
// input stays).
class PatDialog : public wxDialog {
public:
    PatDialog(wxWindow* parent, const wxString& title, const char* name) : wxDialog(parent, wxID_ANY, title) {
        SetName(name);
        grid_ = new wxFlexGridSizer(2, FromDIP(wxSize(8, 6)));
        grid_->AddGrowableCol(1);
    }

    template <class T>
    T* row(const wxString& label, T* field, const char* name) {
        field->SetName(name);
        grid_->Add(new wxStaticText(this, wxID_ANY, label), 0, wxALIGN_CENTER_VERTICAL);
        grid_->Add(field, 1, wxEXPAND);
        return field;
    }
    wxStaticText* note(const wxString& text) {
        grid_->AddSpacer(0);
        auto* t = new wxStaticText(this, wxID_ANY, text);
        grid_->Add(t, 0, wxEXPAND);
        return t;
    }

    // Lays the dialog out; call once the rows are added.
    void finish(wxWindow* extra = nullptr) {
        auto* sizer = new wxBoxSizer(wxVERTICAL);
        sizer->Add(grid_, 0, wxEXPAND | wxALL, 10);
        if (extra) sizer->Add(extra, 1, wxEXPAND | wxLEFT | wxRIGHT, 10);
        problem_ = new wxStaticText(this, wxID_ANY, wxString());
        problem_->SetName("problem");
        problem_->SetForegroundColour(wxColour(170, 0, 0));
        sizer->Add(problem_, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, 10);
        sizer->Add(ui::ok_cancel_buttons(this), 0, wxEXPAND | wxALL, 8);
        SetSizerAndFit(sizer);
        Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { ok(); }, wxID_OK);
        CentreOnParent();
    }

    void set_problem(const wxString& text) {
        problem_->SetLabel(text);
        problem_->Wrap(FromDIP(460));
        Layout();
        Fit();
    }
    wxString problem() const { return problem_->GetLabel(); }

    std::function<void()> save;
    // Extra checks before save (empty = fine).
    std::function<wxString()> check;

private:
    void ok() {
        if (check) {
            const wxString why = check();
            if (!why.empty()) {
                set_problem(why);
                return;
            }
        }
        try {
            if (save) save();
        } catch (const std::exception& e) {
            set_problem(wxString::FromUTF8(e.what()));
            return;
        }
        EndModal(wxID_OK);
    }

    wxFlexGridSizer* grid_;
    wxStaticText* problem_ = nullptr;
};

inline ui::DatePicker* date_field(PatDialog& d, const wxString& label, const std::string& iso, bool optional = false) {
    auto* picker = d.row(label, new ui::DatePicker(&d, optional), "date");
    picker->set_iso(iso.empty() && !optional ? today_iso() : iso);
    return picker;
}

// The date typed, or throws the picker's sentence.
inline std::string date_of(ui::DatePicker* picker, const wxString& field) {
    if (!picker->problem().empty()) throw Error((field + " " + picker->problem()).utf8_string());
    return picker->iso();
}

}  // namespace maillage::pat
