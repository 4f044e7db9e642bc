#include "shared-ui/form.h"

#include "core/sessions.h"

#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <regex>

namespace maillage::ui {
namespace checks {

Check required() {
    return [](const wxString& v) { return v.empty() ? _("This field is required.") : wxString(); };
}

Check iso_date() {
    return [](const wxString& v) {
        if (v.empty() || is_iso_date(v.utf8_string())) return wxString();
        return wxString(_("Enter a date as YYYY-MM-DD, e.g. 2025-09-15."));
    };
}

Check time() {
    return [](const wxString& v) {
        if (v.empty() || is_time(v.utf8_string())) return wxString();
        return wxString(_("Enter a time as HH:MM, e.g. 09:30."));
    };
}

Check email() {
    return [](const wxString& v) {
        // The core's rule (PersonRepository refuses the same).
        static const std::regex pattern(R"([^@\s]+@[^@\s]+\.[^@\s]+)");
        if (v.empty() || std::regex_match(v.utf8_string(), pattern)) return wxString();
        return wxString(_("Enter an email address, e.g. name@example.org."));
    };
}

Check integer(long min, long max) {
    return [min, max](const wxString& v) {
        if (v.empty()) return wxString();
        long n = 0;
        if (!v.ToLong(&n) || n < min || n > max)
            return wxString::Format(_("Enter a whole number from %ld to %ld."), min, max);
        return wxString();
    };
}

}  // namespace checks

namespace {
const wxColour kErrorColour(192, 0, 0);
}

Form::Form(wxWindow* parent, wxWindowID id) : wxPanel(parent, id) {
    grid_ = new wxFlexGridSizer(2, FromDIP(wxSize(12, 2)));
    grid_->AddGrowableCol(1, 1);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(grid_, 1, wxEXPAND | wxALL, FromDIP(8));
    SetSizer(sizer);
}

void Form::add_row(const wxString& label, Field field) {
    auto* text = new wxStaticText(this, wxID_ANY, label);
    grid_->Add(text, 0, wxALIGN_RIGHT | wxTOP, FromDIP(6));
    auto* column = new wxBoxSizer(wxVERTICAL);
    column->Add(field.control, 0, wxEXPAND);
    field.error = new wxStaticText(this, wxID_ANY, {});
    field.error->SetForegroundColour(kErrorColour);
    field.error->SetFont(field.error->GetFont().Smaller());
    // The line keeps its height when empty, so the form does not jump as errors come and go.
    field.error->SetMinSize(wxSize(-1, field.error->GetCharHeight()));
    column->Add(field.error, 0, wxBOTTOM, FromDIP(4));
    grid_->Add(column, 1, wxEXPAND);
    fields_.push_back(std::make_unique<Field>(std::move(field)));
    Layout();
}

wxTextCtrl* Form::add_text(const std::string& key, const wxString& label, std::vector<Check> checks,
                           const wxString& hint, long style) {
    auto* text = new wxTextCtrl(this, wxID_ANY, {}, wxDefaultPosition, wxDefaultSize, style);
    if (!hint.empty()) text->SetHint(hint);
    Field f;
    f.key = key;
    f.control = text;
    f.text = text;
    f.checks = std::move(checks);
    add_row(label, std::move(f));
    Field* field = fields_.back().get();
    text->Bind(wxEVT_TEXT, [this, field](wxCommandEvent& event) {
        event.Skip();
        field->touched = true;
        revalidate();
    });
    revalidate();
    return text;
}

void Form::add_control(const std::string& key, const wxString& label, wxWindow* control,
                       std::function<wxString()> check) {
    control->Reparent(this);
    Field f;
    f.key = key;
    f.control = control;
    f.custom = std::move(check);
    add_row(label, std::move(f));
    revalidate();
}

void Form::changed(const std::string& key) {
    if (Field* f = find(key)) f->touched = true;
    revalidate();
}

Form::Field* Form::find(const std::string& key) {
    for (auto& f : fields_)
        if (f->key == key) return f.get();
    return nullptr;
}

const Form::Field* Form::find(const std::string& key) const {
    for (const auto& f : fields_)
        if (f->key == key) return f.get();
    return nullptr;
}

wxString Form::value(const std::string& key) const {
    const Field* f = find(key);
    return f && f->text ? f->text->GetValue().Strip(wxString::both) : wxString();
}

void Form::set_value(const std::string& key, const wxString& value) {
    if (Field* f = find(key); f && f->text) f->text->SetValue(value);  // wxEVT_TEXT: touched, checked
}

wxString Form::problem(const Field& f) const {
    if (f.text) {
        const wxString v = f.text->GetValue().Strip(wxString::both);
        for (const auto& check : f.checks)
            if (wxString why = check(v); !why.empty()) return why;
        return {};
    }
    return f.custom ? f.custom() : wxString();
}

void Form::update(Field& f, bool force) {
    if (force) f.touched = true;
    // An empty form is not shouted at: errors show once the user has been in the field.
    const wxString text = f.touched ? problem(f) : wxString();
    if (f.error->GetLabel() != text) f.error->SetLabel(text);
}

bool Form::valid() const {
    for (const auto& f : fields_)
        if (!problem(*f).empty()) return false;
    return true;
}

wxString Form::error(const std::string& key) const {
    const Field* f = find(key);
    return f ? f->error->GetLabel() : wxString();
}

void Form::show_errors() {
    for (auto& f : fields_) update(*f, true);
    revalidate();
}

void Form::revalidate() {
    for (auto& f : fields_) update(*f, false);
    const bool ok = valid();
    for (auto& button : ok_buttons_)
        if (button) button->Enable(ok);
    if (on_validity_) on_validity_(ok);
}

void Form::bind_ok(wxWindow* button) {
    if (!button) return;
    ok_buttons_.emplace_back(button);
    button->Enable(valid());
}

}  // namespace maillage::ui
