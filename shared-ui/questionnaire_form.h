#pragma once
// A form generated from a core Questionnaire: rating scales as a row of radio buttons,
// choices as radio buttons, multiple choices as check boxes, yes/partly/no, free text.
// Required questions left unanswered are flagged under the question as the user goes;
// submit() stores a core Response through QuestionnaireRepository::submit.
#include "core/questionnaires.h"

#include <wx/scrolwin.h>

#include <functional>
#include <map>
#include <optional>
#include <vector>

class wxCheckBox;
class wxRadioButton;
class wxStaticText;
class wxTextCtrl;

namespace maillage {
class Database;
}

namespace maillage::ui {

class QuestionnaireForm : public wxScrolledWindow {
public:
    QuestionnaireForm(wxWindow* parent, Questionnaire questionnaire, wxWindowID id = wxID_ANY);

    const Questionnaire& questionnaire() const { return questionnaire_; }

    // The answers given so far, by question id (unanswered questions are left out).
    std::map<int64_t, AnswerValue> answers() const;
    // The texts of the required questions still unanswered.
    std::vector<wxString> missing() const;
    bool is_complete() const { return missing().empty(); }

    // Answers a question as the user would (a number is the rating, or the option
    // index; multi-choice indexes go in text as "0,2"). Unknown ids are ignored.
    void set_answer(int64_t question_id, const AnswerValue& value);
    // Clears every answer (for the next respondent).
    void clear();

    // Called after every change with whether the required questions are answered:
    // bind a Submit button's Enable() to it.
    void on_change(std::function<void(bool complete)> callback) { on_change_ = std::move(callback); }

    // Shows "An answer is needed." under every unanswered required question.
    void show_errors();

    Response response(std::optional<int64_t> person_id, const std::string& subject_kind, int64_t subject_id) const;
    // Checks, then stores the response. On a problem shows it in the form and returns
    // nullopt; otherwise returns the new response id.
    std::optional<int64_t> submit(Database& db, std::optional<int64_t> person_id, const std::string& subject_kind,
                                  int64_t subject_id);
    // The message of the last failed submit ("" when none).
    wxString error() const;

private:
    struct Field {
        Question question;
        wxRadioButton* none = nullptr;  // hidden: lets a radio group start with nothing chosen
        std::vector<wxRadioButton*> radios;
        std::vector<wxCheckBox*> checks;
        wxTextCtrl* text = nullptr;
        wxStaticText* error = nullptr;
        bool touched = false;
    };
    std::optional<AnswerValue> answer(const Field& field) const;
    void changed(Field& field);
    void update_error(Field& field, bool force);

    Questionnaire questionnaire_;
    std::vector<Field> fields_;
    wxStaticText* form_error_ = nullptr;
    std::function<void(bool)> on_change_;
};

// The labels a yes/partly/no question shows, translated, in the order of its options.
std::vector<wxString> yes_partly_no_labels();

}  // namespace maillage::ui
