#pragma once
// The frame every small dialog shares: a grid of labelled fields (a label, then its
// control: how the journey tests find a field), a red problem line under them, and the
// buttons. RecordDialog puts them together for a dialog that records something on OK.
#include "shared-ui/fwd.h"

#include <wx/dialog.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include <functional>
#include <string>
#include <vector>

namespace maillage::ui {

class FieldGrid {
public:
    explicit FieldGrid(wxWindow* parent);
    // A row: `label`, then `control` (named `name` for the tests when given).
    template <class T>
    T* add(const wxString& label, T* control, const char* name = nullptr) {
        add_row(label, control, name);
        return control;
    }
    // A row whose control sits at the top of its label (a list, a multi-line text).
    void add_top(const wxString& label, wxWindow* control, const char* name = nullptr);
    void add_top(const wxString& label, wxSizer* controls);
    // A line of text under the controls' column.
    wxStaticText* note(const wxString& text);
    wxFlexGridSizer* sizer() { return sizer_; }

private:
    void add_row(const wxString& label, wxWindow* control, const char* name);

    wxWindow* parent_;
    wxFlexGridSizer* sizer_;
};

// In a bar of filters or actions: `label`, then `control` (named `name`), with `gap`
// pixels after it. Returns the control.
// `label_gap` pixels between the label and the control; an empty `name` names nothing.
void add_labelled_control(wxSizer* bar, const wxString& label, wxWindow* control, const char* name, int gap,
                          int label_gap);
template <class T>
T* add_labelled(wxSizer* bar, const wxString& label, T* control, const char* name, int gap = 12, int label_gap = 6) {
    add_labelled_control(bar, label, control, name, gap, label_gap);
    return control;
}

// A button named `name` at the end of `bar` (`gap` pixels on the `sides` given after
// it), running `action` when clicked.
wxButton* bar_button(wxWindow* parent, wxSizer* bar, const wxString& label, const char* name,
                     std::function<void()> action = {}, int sides = wxRIGHT, int gap = 6);

// A text wrapped at `width` DIPs.
wxStaticText* paragraph(wxWindow* parent, const wxString& text, int width);
// The same text added to `sizer` with `border` pixels on its `sides`: the introduction
// above a page's or a dialog's content, or the sentence in place of an empty one.
wxStaticText* add_paragraph(wxWindow* parent, wxSizer* sizer, const wxString& text, int width, int sides = wxALL,
                            int border = 10);

// A choice of `labels` (translated), showing the one at `selected`.
wxChoice* choice(wxWindow* parent, const std::vector<wxString>& labels, int selected = 0);

// A year from 2000 to 2100, showing `year`.
wxSpinCtrl* year_spin(wxWindow* parent, int year);
// This year on the computer's clock (local time), what a year field starts from.
int current_year();

// OK (labelled for what it does: "Enrol", "Generate") and Cancel.
wxSizer* action_buttons(wxDialog* dialog, const wxString& ok_label);

// A red line under the fields, named "problem"; empty until something is refused.
wxStaticText* problem_line(wxWindow* parent);

// Shows `message` in the problem line and refits the dialog.
void show_problem(wxDialog* dialog, wxStaticText* line, const wxString& message);

// An orange line, named "warning", for a rule the user may break with a reason.
wxStaticText* warning_line(wxWindow* parent);

// Ends the dialog's main `sizer` with a problem line and `buttons` (OK and Cancel when
// null), sets it, fits and centres the dialog; OK runs `on_ok` when given. Returns the
// problem line.
wxStaticText* end_layout(wxDialog* dialog, wxBoxSizer* sizer, wxSizer* buttons = nullptr,
                         std::function<void()> on_ok = {});

// Runs `record`: when it returns, the dialog closes with OK; what it throws is shown in
// the problem line and the dialog stays open with the input.
void record_or_show(wxDialog* dialog, wxStaticText* line, const std::function<void()>& record);

// Lays `dialog` out: `fields`, a problem line, then `buttons` (OK and Cancel when
// null); fits and centres it. Returns the problem line.
wxStaticText* finish_dialog(wxDialog* dialog, wxSizer* fields, wxSizer* buttons = nullptr);

// The checks of a form that lists its problems as the user types: OK closes the dialog
// only when `validate` returns true; `validate` runs once now.
void validate_on_ok(wxDialog* dialog, std::function<bool()> validate);
// Lists `problems` in `line` and enables OK only when there is none.
bool show_problems(wxDialog* dialog, wxStaticText* line, const wxArrayString& problems);

// A file field with its Choose… button, which asks for a file to open (`title`,
// `wildcard`) and puts its path in `field`.
wxSizer* file_row(wxWindow* parent, wxTextCtrl* field, const wxString& title, const wxString& wildcard);
// A folder field with its Choose… button.
wxSizer* folder_row(wxWindow* parent, wxTextCtrl* field);

// The end of an import dialog: `preview` (at least `min_size`), a summary line named
// "summary" saying `summary` until the file is read, and Import/Cancel, Import disabled
// until the preview allows it. Sets the sizer and centres the dialog.
wxStaticText* end_import_layout(wxDialog* dialog, wxBoxSizer* sizer, wxWindow* preview, wxSize min_size,
                                const wxString& summary);

// A labelled grid, a problem line and OK/Cancel. `save` runs on OK: it returns normally
// when the change is recorded (the dialog closes) or throws (the message shows, the
// input stays). `check` runs first: a sentence it returns is shown instead.
class RecordDialog : public wxDialog {
public:
    RecordDialog(wxWindow* parent, const wxString& title, const char* name);

    template <class T>
    T* row(const wxString& label, T* field, const char* name) {
        return grid_.add(label, field, name);
    }
    wxStaticText* note(const wxString& text) { return grid_.note(text); }
    // A text field holding `text` (UTF-8), `width` DIPs wide when given.
    wxTextCtrl* text_row(const wxString& label, const std::string& text, const char* name, int width = -1);
    // A whole number from 0 to `max`.
    wxSpinCtrl* number_row(const wxString& label, int value, int max, const char* name);
    // A multi-line text field for notes, named "notes".
    wxTextCtrl* notes_row(const wxString& label, const std::string& text);

    // Lays the dialog out; call once the rows are added. `extra` goes under the grid.
    void finish(wxWindow* extra = nullptr);

    void set_problem(const wxString& text);
    wxString problem() const { return problem_->GetLabel(); }

    std::function<void()> save;
    std::function<wxString()> check;

private:
    void ok();

    FieldGrid grid_;
    wxStaticText* problem_ = nullptr;
};

}  // namespace maillage::ui
