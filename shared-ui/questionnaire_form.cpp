#include "shared-ui/questionnaire_form.h"

#include "core/error.h"

#include <wx/checkbox.h>
#include <wx/intl.h>
#include <wx/radiobut.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/settings.h>
#include <wx/textctrl.h>
#include <wx/tokenzr.h>

#include <cmath>

namespace maillage::ui {

std::vector<wxString> yes_partly_no_labels() { return {_("Yes"), _("Partly"), _("No")}; }

namespace {
const wxColour kErrorColour(192, 0, 0);

wxString join_indexes(const std::vector<int>& indexes) {
    wxString out;
    for (int i : indexes) out += (out.empty() ? "" : ",") + wxString::Format("%d", i);
    return out;
}
}  // namespace

QuestionnaireForm::QuestionnaireForm(wxWindow* parent, Questionnaire questionnaire, wxWindowID id)
    : wxScrolledWindow(parent, id), questionnaire_(std::move(questionnaire)) {
    SetScrollRate(0, FromDIP(10));
    const int wrap = FromDIP(560);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    auto* title = new wxStaticText(this, wxID_ANY, wxString::FromUTF8(questionnaire_.title));
    title->SetFont(title->GetFont().Bold().Larger());
    sizer->Add(title, 0, wxALL, FromDIP(8));
    if (!questionnaire_.description.empty()) {
        auto* description = new wxStaticText(this, wxID_ANY, wxString::FromUTF8(questionnaire_.description));
        description->Wrap(wrap);
        sizer->Add(description, 0, wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(8));
    }
    bool any_required = false;
    fields_.reserve(questionnaire_.questions.size());
    int number = 0;
    for (const auto& q : questionnaire_.questions) {
        fields_.push_back(Field{q});
        Field& f = fields_.back();
        any_required |= q.required;
        auto* label = new wxStaticText(
            this, wxID_ANY, wxString::Format("%d. %s%s", ++number, wxString::FromUTF8(q.text), q.required ? " *" : ""));
        label->SetFont(label->GetFont().Bold());
        label->Wrap(wrap);
        sizer->Add(label, 0, wxLEFT | wxRIGHT | wxTOP, FromDIP(8));

        auto* answer = new wxBoxSizer(q.kind == "choice" || q.kind == "multi_choice" ? wxVERTICAL : wxHORIZONTAL);
        std::vector<wxString> options;
        if (q.kind == "rating") {
            for (int v = q.scale_min; v <= q.scale_max; ++v) options.push_back(wxString::Format("%d", v));
        } else if (q.kind == "yes_partly_no") {
            options = yes_partly_no_labels();
        } else {
            for (const auto& o : q.options) options.push_back(wxString::FromUTF8(o));
        }
        if (q.kind == "rating" || q.kind == "choice" || q.kind == "yes_partly_no") {
            f.none = new wxRadioButton(this, wxID_ANY, {}, wxDefaultPosition, wxDefaultSize, wxRB_GROUP);
            f.none->Hide();
            f.none->SetValue(true);
            if (q.kind == "rating") {
                answer->Add(new wxStaticText(this, wxID_ANY, _("Low")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT,
                            FromDIP(6));
            }
            for (const auto& o : options) {
                auto* radio = new wxRadioButton(this, wxID_ANY, o);
                f.radios.push_back(radio);
                answer->Add(radio, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT | wxBOTTOM, FromDIP(6));
            }
            if (q.kind == "rating") answer->Add(new wxStaticText(this, wxID_ANY, _("High")), 0, wxALIGN_CENTER_VERTICAL);
        } else if (q.kind == "multi_choice") {
            for (const auto& o : options) {
                auto* check = new wxCheckBox(this, wxID_ANY, o);
                f.checks.push_back(check);
                answer->Add(check, 0, wxBOTTOM, FromDIP(4));
            }
        } else {  // text
            f.text = new wxTextCtrl(this, wxID_ANY, {}, wxDefaultPosition, FromDIP(wxSize(-1, 70)), wxTE_MULTILINE);
            answer->Add(f.text, 1, wxEXPAND);
        }
        sizer->Add(answer, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, FromDIP(8));
        f.error = new wxStaticText(this, wxID_ANY, {});
        f.error->SetForegroundColour(kErrorColour);
        sizer->Add(f.error, 0, wxLEFT | wxRIGHT, FromDIP(8));
    }
    // Bound once fields_ stops moving: the handlers keep an index.
    for (size_t i = 0; i < fields_.size(); ++i) {
        Field& f = fields_[i];
        auto handler = [this, i](wxCommandEvent& event) {
            event.Skip();
            changed(fields_[i]);
        };
        for (auto* r : f.radios) r->Bind(wxEVT_RADIOBUTTON, handler);
        for (auto* c : f.checks) c->Bind(wxEVT_CHECKBOX, handler);
        if (f.text) f.text->Bind(wxEVT_TEXT, handler);
    }
    if (any_required) {
        auto* note = new wxStaticText(this, wxID_ANY, _("* An answer is needed."));
        note->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
        sizer->Add(note, 0, wxALL, FromDIP(8));
    }
    form_error_ = new wxStaticText(this, wxID_ANY, {});
    form_error_->SetForegroundColour(kErrorColour);
    sizer->Add(form_error_, 0, wxALL, FromDIP(8));
    SetSizer(sizer);
    FitInside();
}

std::optional<AnswerValue> QuestionnaireForm::answer(const Field& f) const {
    const auto& q = f.question;
    if (!f.radios.empty()) {
        for (size_t i = 0; i < f.radios.size(); ++i)
            if (f.radios[i]->GetValue()) {
                AnswerValue v;
                v.number = q.kind == "rating" ? double(q.scale_min + int(i)) : double(i);
                return v;
            }
        return std::nullopt;
    }
    if (!f.checks.empty()) {
        std::vector<int> chosen;
        for (size_t i = 0; i < f.checks.size(); ++i)
            if (f.checks[i]->GetValue()) chosen.push_back(int(i));
        if (chosen.empty()) return std::nullopt;
        AnswerValue v;
        v.text = join_indexes(chosen).utf8_string();
        return v;
    }
    if (f.text) {
        const wxString text = f.text->GetValue().Strip(wxString::both);
        if (text.empty()) return std::nullopt;
        AnswerValue v;
        v.text = text.utf8_string();
        return v;
    }
    return std::nullopt;
}

std::map<int64_t, AnswerValue> QuestionnaireForm::answers() const {
    std::map<int64_t, AnswerValue> out;
    for (const auto& f : fields_)
        if (auto a = answer(f)) out[f.question.id] = *a;
    return out;
}

std::vector<wxString> QuestionnaireForm::missing() const {
    std::vector<wxString> out;
    for (const auto& f : fields_)
        if (f.question.required && !answer(f)) out.push_back(wxString::FromUTF8(f.question.text));
    return out;
}

void QuestionnaireForm::set_answer(int64_t question_id, const AnswerValue& value) {
    for (auto& f : fields_) {
        if (f.question.id != question_id) continue;
        const auto& q = f.question;
        if (!f.radios.empty()) {
            f.none->SetValue(true);
            if (value.number) {
                const int i = q.kind == "rating" ? int(std::lround(*value.number)) - q.scale_min
                                                 : int(std::lround(*value.number));
                if (i >= 0 && i < int(f.radios.size())) f.radios[i]->SetValue(true);
            }
        } else if (!f.checks.empty()) {
            for (auto* c : f.checks) c->SetValue(false);
            wxStringTokenizer parts(wxString::FromUTF8(value.text), ",");
            while (parts.HasMoreTokens()) {
                long i = -1;
                if (parts.GetNextToken().ToLong(&i) && i >= 0 && i < long(f.checks.size())) f.checks[i]->SetValue(true);
            }
        } else if (f.text) {
            f.text->ChangeValue(wxString::FromUTF8(value.text));
        }
        changed(f);
    }
}

void QuestionnaireForm::clear() {
    for (auto& f : fields_) {
        if (f.none) f.none->SetValue(true);
        for (auto* c : f.checks) c->SetValue(false);
        if (f.text) f.text->ChangeValue({});
        f.touched = false;
        update_error(f, false);
    }
    form_error_->SetLabel({});
    if (on_change_) on_change_(is_complete());
}

void QuestionnaireForm::changed(Field& f) {
    f.touched = true;
    update_error(f, false);
    form_error_->SetLabel({});
    if (on_change_) on_change_(is_complete());
}

void QuestionnaireForm::update_error(Field& f, bool force) {
    // Flag a required question once the user has been there (or tried to submit), not
    // on an empty form.
    const bool show = f.question.required && !answer(f) && (f.touched || force);
    const wxString text = show ? _("An answer is needed.") : wxString();
    if (f.error->GetLabel() != text) {
        f.error->SetLabel(text);
        Layout();
        FitInside();
    }
}

void QuestionnaireForm::show_errors() {
    for (auto& f : fields_) update_error(f, true);
}

Response QuestionnaireForm::response(std::optional<int64_t> person_id, const std::string& subject_kind,
                                     int64_t subject_id) const {
    Response r;
    r.questionnaire_id = questionnaire_.id;
    r.person_id = person_id;
    r.subject_kind = subject_kind;
    r.subject_id = subject_id;
    r.answers = answers();
    return r;
}

std::optional<int64_t> QuestionnaireForm::submit(Database& db, std::optional<int64_t> person_id,
                                                 const std::string& subject_kind, int64_t subject_id) {
    show_errors();
    if (!is_complete()) {
        form_error_->SetLabel(_("Some required questions have no answer yet."));
        Layout();
        return std::nullopt;
    }
    try {
        const auto id = QuestionnaireRepository(db).submit(response(person_id, subject_kind, subject_id));
        form_error_->SetLabel({});
        return id;
    } catch (const maillage::Error& e) {
        form_error_->SetLabel(wxString::FromUTF8(e.what()));
        form_error_->Wrap(FromDIP(560));
        Layout();
        FitInside();
        return std::nullopt;
    }
}

wxString QuestionnaireForm::error() const { return form_error_->GetLabel(); }

}  // namespace maillage::ui
