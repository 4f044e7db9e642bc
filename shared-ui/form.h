#pragma once
// A small validated form: labelled fields, each with an error line under it that
// updates as the user types, and an OK button enabled only while every field is valid.
//
//   auto* form = new Form(dialog);
//   form->add_text("name", _("Name"), {checks::required()});
//   form->add_text("email", _("Email"), {checks::email()});
//   form->bind_ok(dialog->FindWindow(wxID_OK));
#include <wx/panel.h>
#include <wx/weakref.h>

#include <functional>
#include <memory>
#include <string>
#include <vector>

class wxFlexGridSizer;
class wxStaticText;
class wxTextCtrl;

namespace maillage::ui {

// A check returns "" when the value is acceptable, else the translated reason.
using Check = std::function<wxString(const wxString& value)>;

namespace checks {
Check required();
// The following accept an empty value (add required() to refuse it).
Check iso_date();                 // YYYY-MM-DD, a real date
Check time();                     // HH:MM, 00:00 to 23:59
Check email();
Check integer(long min, long max);  // a whole number in [min, max]
}  // namespace checks

class Form : public wxPanel {
public:
    explicit Form(wxWindow* parent, wxWindowID id = wxID_ANY);

    // A text field checked as the user types; `key` names it for value().
    wxTextCtrl* add_text(const std::string& key, const wxString& label, std::vector<Check> checks = {},
                         const wxString& hint = {}, long style = 0);
    // Any other control (a picker, a date picker...): `check` returns "" or the reason.
    // Call changed(key) when the control changes.
    void add_control(const std::string& key, const wxString& label, wxWindow* control,
                     std::function<wxString()> check = {});
    // The user changed a control added with add_control: its error line may show now.
    void changed(const std::string& key);

    wxString value(const std::string& key) const;  // a text field's trimmed text
    void set_value(const std::string& key, const wxString& value);  // as typing would

    bool valid() const;
    // The reason shown under a field ("" when it is fine or not yet touched).
    wxString error(const std::string& key) const;
    // Shows every field's error, touched or not (when the user presses OK anyway).
    void show_errors();
    // Re-checks every field, updates the error lines and the bound buttons.
    void revalidate();

    // Enables `button` only while the form is valid.
    void bind_ok(wxWindow* button);
    // Called after each check with the form's validity.
    void on_validity(std::function<void(bool valid)> callback) { on_validity_ = std::move(callback); }

private:
    struct Field {
        std::string key;
        wxWindow* control = nullptr;
        wxTextCtrl* text = nullptr;
        std::vector<Check> checks;
        std::function<wxString()> custom;
        wxStaticText* error = nullptr;
        bool touched = false;
    };
    wxString problem(const Field& field) const;
    void update(Field& field, bool force);
    Field* find(const std::string& key);
    const Field* find(const std::string& key) const;
    void add_row(const wxString& label, Field field);

    wxFlexGridSizer* grid_;
    std::vector<std::unique_ptr<Field>> fields_;
    std::vector<wxWeakRef<wxWindow>> ok_buttons_;
    std::function<void(bool)> on_validity_;
};

}  // namespace maillage::ui
