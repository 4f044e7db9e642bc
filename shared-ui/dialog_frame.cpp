#include "shared-ui/dialog_frame.h"

#include "shared-ui/messages.h"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/dirdlg.h>
#include <wx/filedlg.h>
#include <wx/spinctrl.h>
#include <wx/intl.h>
#include <wx/textctrl.h>

#include <ctime>

namespace maillage::ui {

FieldGrid::FieldGrid(wxWindow* parent)
    : parent_(parent), sizer_(new wxFlexGridSizer(2, parent->FromDIP(wxSize(8, 6)))) {
    sizer_->AddGrowableCol(1);
}

void FieldGrid::add_row(const wxString& label, wxWindow* control, const char* name) {
    if (name) control->SetName(name);
    sizer_->Add(new wxStaticText(parent_, wxID_ANY, label), 0, wxALIGN_CENTER_VERTICAL);
    sizer_->Add(control, 1, wxEXPAND);
}

void FieldGrid::add_top(const wxString& label, wxWindow* control, const char* name) {
    if (name) control->SetName(name);
    sizer_->Add(new wxStaticText(parent_, wxID_ANY, label), 0, wxALIGN_TOP);
    sizer_->Add(control, 1, wxEXPAND);
}

void FieldGrid::add_top(const wxString& label, wxSizer* controls) {
    sizer_->Add(new wxStaticText(parent_, wxID_ANY, label), 0, wxALIGN_TOP);
    sizer_->Add(controls, 1, wxEXPAND);
}

wxStaticText* FieldGrid::note(const wxString& text) {
    sizer_->AddSpacer(0);
    auto* t = new wxStaticText(parent_, wxID_ANY, text);
    sizer_->Add(t, 0, wxEXPAND);
    return t;
}

void add_labelled_control(wxSizer* bar, const wxString& label, wxWindow* control, const char* name, int gap,
                          int label_gap) {
    if (name && *name) control->SetName(name);
    bar->Add(new wxStaticText(control->GetParent(), wxID_ANY, label), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, label_gap);
    bar->Add(control, 0, wxRIGHT, gap);
}

wxButton* bar_button(wxWindow* parent, wxSizer* bar, const wxString& label, const char* name,
                     std::function<void()> action, int sides, int gap) {
    auto* b = new wxButton(parent, wxID_ANY, label);
    b->SetName(name);
    bar->Add(b, 0, sides, gap);
    if (action) b->Bind(wxEVT_BUTTON, [action = std::move(action)](wxCommandEvent&) { action(); });
    return b;
}

wxStaticText* paragraph(wxWindow* parent, const wxString& text, int width) {
    auto* t = new wxStaticText(parent, wxID_ANY, text);
    t->Wrap(parent->FromDIP(width));
    return t;
}

wxStaticText* add_paragraph(wxWindow* parent, wxSizer* sizer, const wxString& text, int width, int sides, int border) {
    auto* t = paragraph(parent, text, width);
    sizer->Add(t, 0, sides, border);
    return t;
}

wxChoice* choice(wxWindow* parent, const std::vector<wxString>& labels, int selected) {
    auto* c = new wxChoice(parent, wxID_ANY);
    for (const auto& label : labels) c->Append(label);
    if (selected >= 0 && selected < static_cast<int>(labels.size())) c->SetSelection(selected);
    return c;
}

wxSpinCtrl* year_spin(wxWindow* parent, int year) {
    return new wxSpinCtrl(parent, wxID_ANY, wxString::Format("%d", year), wxDefaultPosition, wxDefaultSize,
                          wxSP_ARROW_KEYS, 2000, 2100, year);
}

int current_year() {
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    return local.tm_year + 1900;
}

wxSizer* action_buttons(wxDialog* dialog, const wxString& ok_label) {
    auto* buttons = new wxStdDialogButtonSizer();
    auto* ok = new wxButton(dialog, wxID_OK, ok_label);
    ok->SetDefault();
    buttons->AddButton(ok);
    buttons->AddButton(new wxButton(dialog, wxID_CANCEL, _("Cancel")));
    buttons->Realize();
    return buttons;
}

wxStaticText* problem_line(wxWindow* parent) {
    auto* t = new wxStaticText(parent, wxID_ANY, wxString());
    t->SetName("problem");
    t->SetForegroundColour(wxColour(170, 0, 0));
    return t;
}

void show_problem(wxDialog* dialog, wxStaticText* line, const wxString& message) {
    line->SetLabel(message);
    line->Wrap(dialog->FromDIP(460));
    dialog->Layout();
    dialog->Fit();
}

wxStaticText* warning_line(wxWindow* parent) {
    auto* t = new wxStaticText(parent, wxID_ANY, wxString());
    t->SetName("warning");
    t->SetForegroundColour(wxColour(160, 90, 0));
    return t;
}

wxStaticText* end_layout(wxDialog* dialog, wxBoxSizer* sizer, wxSizer* buttons, std::function<void()> on_ok) {
    auto* problem = problem_line(dialog);
    sizer->Add(problem, 0, wxEXPAND | wxLEFT | wxRIGHT, 10);
    sizer->Add(buttons ? buttons : ok_cancel_buttons(dialog), 0, wxEXPAND | wxALL, 8);
    dialog->SetSizerAndFit(sizer);
    if (on_ok) dialog->Bind(wxEVT_BUTTON, [on_ok](wxCommandEvent&) { on_ok(); }, wxID_OK);
    dialog->CentreOnParent();
    return problem;
}

wxSizer* file_row(wxWindow* parent, wxTextCtrl* field, const wxString& title, const wxString& wildcard) {
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    row->Add(field, 1, wxEXPAND | wxRIGHT, 4);
    auto* choose = new wxButton(parent, wxID_ANY, _("Choose…"));
    row->Add(choose, 0);
    choose->Bind(wxEVT_BUTTON, [parent, field, title, wildcard](wxCommandEvent&) {
        wxFileDialog dialog(parent, title, {}, {}, wildcard, wxFD_OPEN | wxFD_FILE_MUST_EXIST);
        if (dialog.ShowModal() == wxID_OK) field->SetValue(dialog.GetPath());
    });
    return row;
}

wxSizer* folder_row(wxWindow* parent, wxTextCtrl* field) {
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    row->Add(field, 1, wxEXPAND | wxRIGHT, 4);
    auto* choose = new wxButton(parent, wxID_ANY, _("Choose…"));
    row->Add(choose, 0);
    choose->Bind(wxEVT_BUTTON, [parent, field](wxCommandEvent&) {
        wxDirDialog dialog(parent, _("Choose a folder"), field->GetValue());
        if (dialog.ShowModal() == wxID_OK) field->SetValue(dialog.GetPath());
    });
    return row;
}

wxStaticText* end_import_layout(wxDialog* dialog, wxBoxSizer* sizer, wxWindow* preview, wxSize min_size,
                                const wxString& summary) {
    preview->SetMinSize(dialog->FromDIP(min_size));
    sizer->Add(preview, 1, wxEXPAND | wxALL, 10);
    auto* line = new wxStaticText(dialog, wxID_ANY, summary);
    line->SetName("summary");
    sizer->Add(line, 0, wxEXPAND | wxLEFT | wxRIGHT, 10);
    sizer->Add(ok_cancel_buttons(dialog), 0, wxEXPAND | wxALL, 8);
    dialog->SetSizerAndFit(sizer);
    if (auto* ok = dynamic_cast<wxButton*>(dialog->FindWindow(wxID_OK))) {
        ok->SetLabel(_("Import"));
        ok->Disable();
    }
    dialog->CentreOnParent();
    return line;
}

wxStaticText* finish_dialog(wxDialog* dialog, wxSizer* fields, wxSizer* buttons) {
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(fields, 1, wxEXPAND | wxALL, 10);
    return end_layout(dialog, sizer, buttons);
}

void record_or_show(wxDialog* dialog, wxStaticText* line, const std::function<void()>& record) {
    try {
        record();
    } catch (const std::exception& e) {
        show_problem(dialog, line, wxString::FromUTF8(e.what()));
        return;
    }
    dialog->EndModal(wxID_OK);
}

void validate_on_ok(wxDialog* dialog, std::function<bool()> validate) {
    dialog->Bind(wxEVT_BUTTON, [validate](wxCommandEvent& e) {
        if (validate()) e.Skip();
    }, wxID_OK);
    validate();
}

bool show_problems(wxDialog* dialog, wxStaticText* line, const wxArrayString& problems) {
    line->SetLabel(wxJoin(problems, '\n'));
    dialog->FindWindow(wxID_OK)->Enable(problems.empty());
    dialog->Layout();
    return problems.empty();
}

RecordDialog::RecordDialog(wxWindow* parent, const wxString& title, const char* name)
    : wxDialog(parent, wxID_ANY, title), grid_(this) {
    SetName(name);
}

wxTextCtrl* RecordDialog::text_row(const wxString& label, const std::string& text, const char* name, int width) {
    return row(label,
               new wxTextCtrl(this, wxID_ANY, wxString::FromUTF8(text), wxDefaultPosition,
                              width > 0 ? FromDIP(wxSize(width, -1)) : wxDefaultSize),
               name);
}

wxSpinCtrl* RecordDialog::number_row(const wxString& label, int value, int max, const char* name) {
    return row(label,
               new wxSpinCtrl(this, wxID_ANY, {}, wxDefaultPosition, wxDefaultSize, wxSP_ARROW_KEYS, 0, max, value),
               name);
}

wxTextCtrl* RecordDialog::notes_row(const wxString& label, const std::string& text) {
    return row(label,
               new wxTextCtrl(this, wxID_ANY, wxString::FromUTF8(text), wxDefaultPosition, FromDIP(wxSize(-1, 60)),
                              wxTE_MULTILINE),
               "notes");
}

void RecordDialog::finish(wxWindow* extra) {
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(grid_.sizer(), 0, wxEXPAND | wxALL, 10);
    if (extra) sizer->Add(extra, 1, wxEXPAND | wxLEFT | wxRIGHT, 10);
    problem_ = problem_line(this);
    sizer->Add(problem_, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, 10);
    sizer->Add(ok_cancel_buttons(this), 0, wxEXPAND | wxALL, 8);
    SetSizerAndFit(sizer);
    Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { ok(); }, wxID_OK);
    CentreOnParent();
}

void RecordDialog::set_problem(const wxString& text) { show_problem(this, problem_, text); }

void RecordDialog::ok() {
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

}  // namespace maillage::ui
