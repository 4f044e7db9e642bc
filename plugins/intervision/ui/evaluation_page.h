#pragma once
// The end-of-cycle evaluation: the results per group or for the whole cycle (the
// shared results view), entering a response with the shared questionnaire form (for a
// participant or anonymous), and editing the questionnaire while no one answered it.
#include "shared-ui/page_base.h"

#include "core/questionnaires.h"
#include "shared-ui/fwd.h"
#include "shared-ui/id_choice.h"

#include <wx/dialog.h>

#include <cstdint>
#include <optional>
#include <vector>

namespace maillage::intervision {

class EvaluationPage : public ui::PageBase {
public:
    EvaluationPage(wxWindow* parent, ui::UiContext& context);
    void refresh() override;

private:
    void load_groups();
    void show();
    void enter();
    void edit_template();

    ui::IdChoice* cycle_ = nullptr;
    ui::IdChoice* group_ = nullptr;  // its first entry, id 0: every group
    wxStaticText* count_ = nullptr;
    ui::QuestionnaireResults* results_ = nullptr;
};

// One response about a group: who answers (a participant, or anonymous), then the form.
class EvaluationDialog : public wxDialog {
public:
    EvaluationDialog(wxWindow* parent, Database& db, int64_t cycle_id, int64_t group_id);

private:
    void load_respondents();
    void record();

    Database& db_;
    std::vector<std::optional<int64_t>> respondents_;
    ui::IdChoice* group_;
    wxChoice* respondent_;
    ui::QuestionnaireForm* form_;
    wxStaticText* problem_;
};

// The questions of the evaluation: add, reword, remove, reorder.
class TemplateDialog : public wxDialog {
public:
    TemplateDialog(wxWindow* parent, Database& db);

private:
    void show_questions();
    void add_question();
    // The selected question: reworded, removed, or moved one place up.
    void edit_question();
    void remove_question();
    void move_question_up();
    void save();

    Database& db_;
    Questionnaire questionnaire_;
    ui::ListPanel* questions_;
    wxStaticText* problem_;
};

}  // namespace maillage::intervision
