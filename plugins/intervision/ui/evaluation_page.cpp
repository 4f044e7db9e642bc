#include "ui/evaluation_page.h"

#include "cycles.h"
#include "intervision_evaluation.h"
#include "ui/dialog_util.h"

#include "core/database.h"
#include "core/people.h"
#include "shared-ui/list_panel.h"
#include "shared-ui/messages.h"
#include "shared-ui/questionnaire_form.h"
#include "shared-ui/questionnaire_results.h"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/textdlg.h>

namespace maillage::intervision {
namespace {

wxString kind_label(const std::string& kind) {
    if (kind == "rating") return _("rating 1 to 5");
    if (kind == "yes_partly_no") return _("yes / partly / no");
    if (kind == "text") return _("free text");
    return u8(kind);
}

// The evaluation questionnaire, created (as a named change) the first time it is needed.
Questionnaire evaluation_template(Database& db) {
    auto q = QuestionnaireRepository(db).find_by_code(kEvaluationCode);
    if (!q) {
        const auto id = db.write(_("create the evaluation questionnaire").utf8_string(),
                                 [&] { return ensure_evaluation_template(db); });
        q = QuestionnaireRepository(db).get(id);
    }
    return *q;
}

}  // namespace

EvaluationPage::EvaluationPage(wxWindow* parent, ui::UiContext& context) : PageBase(parent, context) {
    auto* top = new wxBoxSizer(wxVERTICAL);
    auto* bar = new wxBoxSizer(wxHORIZONTAL);
    add_cycle_and_group(this, bar, cycle_, group_);
    ui::bar_button(this, bar, _("&Enter an evaluation…"), "enter-evaluation", [this] { enter(); }, wxRIGHT, 4);
    ui::bar_button(this, bar, _("Edit the &questionnaire…"), "edit-template", [this] { edit_template(); }, 0, 0);
    top->Add(bar, 0, wxALL, 8);
    count_ = new wxStaticText(this, wxID_ANY, wxString());
    count_->SetName("responses");
    top->Add(count_, 0, wxLEFT | wxRIGHT, 8);
    results_ = new ui::QuestionnaireResults(this);
    results_->SetName("results");
    top->Add(results_, 1, wxEXPAND | wxALL, 8);
    SetSizer(top);
    cycle_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { load_groups(); });
    group_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { show(); });
    refresh();
}

void EvaluationPage::refresh() {
    cycle_->refill(cycle_items(database()));
    load_groups();
}

void EvaluationPage::load_groups() {
    auto groups = group_items(database(), cycle_->id());
    groups.insert(groups.begin(), {0, _("(the whole cycle)")});
    group_->refill(groups);
    show();
}

void EvaluationPage::show() {
    std::vector<int64_t> groups;
    if (group_->id())
        groups.push_back(group_->id());
    else
        groups.assign(group_->ids().begin() + 1, group_->ids().end());
    const auto q = QuestionnaireRepository(database()).find_by_code(kEvaluationCode);
    size_t responses = 0;
    if (q && !groups.empty())
        for (auto id : groups) responses += QuestionnaireRepository(database()).responses(q->id, kEvaluationSubject, id).size();
    if (cycle_->ids().empty())
        count_->SetLabel(_("No intervision cycle yet: create one on the cycles page."));
    else if (responses == 0)
        count_->SetLabel(_("No evaluation entered yet: \"Enter an evaluation…\" records one participant's answers."));
    else
        count_->SetLabel(wxString::Format(wxPLURAL("%zu response", "%zu responses", responses), responses));
    const auto title = group_->GetSelection() > 0 ? group_->GetStringSelection() : cycle_->GetStringSelection();
    if (q && !groups.empty() && responses > 0)
        results_->load(database(), q->id, kEvaluationSubject, groups);
    else
        results_->show(title, {});
    Layout();
}

void EvaluationPage::enter() {
    if (!cycle_->id() || group_->ids().size() < 2) {
        ui::show_info(this, _("The cycle needs a group first."));
        return;
    }
    EvaluationDialog dialog(this, database(), cycle_->id(), group_->id());
    if (dialog.ShowModal() != wxID_OK) return;
    context().data_changed();
    show();
    context().set_status(_("Evaluation recorded."));
}

void EvaluationPage::edit_template() {
    TemplateDialog dialog(this, database());
    if (dialog.ShowModal() != wxID_OK) return;
    context().data_changed();
    show();
    context().set_status(_("Questionnaire saved."));
}

EvaluationDialog::EvaluationDialog(wxWindow* parent, Database& db, int64_t cycle_id, int64_t group_id)
    : wxDialog(parent, wxID_ANY, _("Enter an evaluation"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      db_(db) {
    SetName("evaluation-dialog");
    FieldGrid grid(this);
    group_ = grid.add(_("Group:"), new ui::IdChoice(this), "group");
    group_->refill(group_items(db, cycle_id), group_id);
    respondent_ = grid.add(_("Answered by:"), new wxChoice(this, wxID_ANY), "respondent");
    load_respondents();
    form_ = new ui::QuestionnaireForm(this, evaluation_template(db));
    form_->SetName("questionnaire");
    form_->SetMinSize(FromDIP(wxSize(620, 460)));
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(grid.sizer(), 0, wxEXPAND | wxALL, 10);
    sizer->Add(form_, 1, wxEXPAND | wxLEFT | wxRIGHT, 10);
    problem_ = problem_line(this);
    sizer->Add(problem_, 0, wxEXPAND | wxLEFT | wxRIGHT, 10);
    sizer->Add(action_buttons(this, wxGETTEXT_IN_CONTEXT("verb", "Record")), 0, wxEXPAND | wxALL, 8);
    SetSizerAndFit(sizer);
    group_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { load_respondents(); });
    Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { record(); }, wxID_OK);
    CentreOnParent();
}

// Anonymous first, then the group's participants (not the waiting list).
void EvaluationDialog::load_respondents() {
    respondent_->Clear();
    respondents_ = {std::nullopt};
    respondent_->Append(_("(anonymous)"));
    PersonRepository people(db_);
    if (group_->id())
        for (const auto& e : CycleRepository(db_).enrolments(group_->id()))
            if (e.status != "waiting")
                if (auto p = people.get(e.person_id)) {
                    respondent_->Append(u8(p->display_name()));
                    respondents_.push_back(p->id);
                }
    respondent_->SetSelection(0);
}

void EvaluationDialog::record() {
    if (!group_->id()) return show_problem(this, problem_, _("Choose a group."));
    const int64_t group = group_->id();
    const auto person = respondents_[size_t(std::max(0, respondent_->GetSelection()))];
    std::optional<int64_t> id;
    const auto label = wxString::Format(_("evaluation of %s by %s"), group_->GetStringSelection(),
                                        respondent_->GetStringSelection());
    try {
        id = db_.write(label.utf8_string(), [&] { return form_->submit(db_, person, kEvaluationSubject, group); });
    } catch (const std::exception& e) {
        return show_problem(this, problem_, u8(e.what()));
    }
    if (id) EndModal(wxID_OK);
}

// ---- the questionnaire ------------------------------------------------------------

namespace {
// A question's text and kind.
class QuestionDialog : public wxDialog {
public:
    QuestionDialog(wxWindow* parent, const Question& q) : wxDialog(parent, wxID_ANY, _("Question")) {
        SetName("question-dialog");
        FieldGrid grid(this);
        text_ = grid.add(_("Question:"), new wxTextCtrl(this, wxID_ANY, u8(q.text), wxDefaultPosition, FromDIP(wxSize(420, -1))),
                         "text");
        kind_ = grid.add(_("Answer:"), new wxChoice(this, wxID_ANY), "kind");
        for (const char* k : {"rating", "yes_partly_no", "text"}) {
            kind_->Append(kind_label(k));
            if (q.kind == k) kind_->SetSelection(int(kind_->GetCount()) - 1);
        }
        if (kind_->GetSelection() == wxNOT_FOUND) kind_->SetSelection(0);
        auto* sizer = new wxBoxSizer(wxVERTICAL);
        sizer->Add(grid.sizer(), 0, wxEXPAND | wxALL, 10);
        sizer->Add(action_buttons(this, _("OK")), 0, wxEXPAND | wxALL, 8);
        SetSizerAndFit(sizer);
        CentreOnParent();
    }
    void apply(Question& q) const {
        static const char* kinds[] = {"rating", "yes_partly_no", "text"};
        q.text = text_->GetValue().Strip(wxString::both).utf8_string();
        q.kind = kinds[std::max(0, kind_->GetSelection())];
    }

private:
    wxTextCtrl* text_;
    wxChoice* kind_;
};
}  // namespace

TemplateDialog::TemplateDialog(wxWindow* parent, Database& db)
    : wxDialog(parent, wxID_ANY, _("The evaluation questionnaire")), db_(db), questionnaire_(evaluation_template(db)) {
    SetName("template-dialog");
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    ui::add_paragraph(this, sizer,
                      _("The questions every participant answers at the end of the cycle. They can be "
                        "changed until the first answers are entered."),
                      520);
    questions_ = new ui::ListPanel(this, nullptr,
                                   {.id = "intervision.questions",
                                    .name = "questions",
                                    .title = _("The evaluation questionnaire"),
                                    .columns = {{"#", 40, ui::ColumnKind::Integer},
                                                {_("Question"), 330},
                                                {_("Answer"), 160}},
                                    .search = false});
    auto* row = list_with_buttons(this, questions_, wxSize(540, 240),
                                  {{_("Add…"), [this] { add_question(); }},
                                   {_("Edit…"), [this] { edit_question(); }},
                                   {_("Remove"), [this] { remove_question(); }},
                                   {_("Up"), [this] { move_question_up(); }}});
    sizer->Add(row, 1, wxEXPAND | wxLEFT | wxRIGHT, 10);
    problem_ = problem_line(this);
    sizer->Add(problem_, 0, wxEXPAND | wxALL, 10);
    sizer->Add(action_buttons(this, _("Save")), 0, wxEXPAND | wxALL, 8);
    SetSizerAndFit(sizer);
    show_questions();
    Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { save(); }, wxID_OK);
    CentreOnParent();
}

void TemplateDialog::show_questions() {
    auto rows = std::make_shared<ui::TableRowSource>();
    int position = 0;
    for (auto& q : questionnaire_.questions) {
        q.position = ++position;
        rows->add(position, {wxString::Format("%d", q.position), u8(q.text), kind_label(q.kind)});
    }
    questions_->set_source(rows);
    questions_->sort_by(0);
}

void TemplateDialog::add_question() {
    Question q;
    q.kind = "rating";
    QuestionDialog d(this, q);
    if (d.ShowModal() != wxID_OK) return;
    d.apply(q);
    if (q.text.empty()) return;
    questionnaire_.questions.push_back(q);
    show_questions();
}

void TemplateDialog::edit_question() {
    const auto id = questions_->selected_id();
    if (!id) return;
    const size_t n = size_t(*id - 1);
    QuestionDialog d(this, questionnaire_.questions[n]);
    if (d.ShowModal() == wxID_OK) d.apply(questionnaire_.questions[n]);
    show_questions();
    questions_->select_id(*id);
}

void TemplateDialog::remove_question() {
    if (erase_selected(questions_, questionnaire_.questions)) show_questions();
}

void TemplateDialog::move_question_up() {
    const auto id = questions_->selected_id();
    if (!id || *id < 2) return;
    std::swap(questionnaire_.questions[size_t(*id - 1)], questionnaire_.questions[size_t(*id - 2)]);
    show_questions();
    questions_->select_id(*id - 1);
}

void TemplateDialog::save() {
    record_or_show(this, problem_, [&] {
        db_.write(_("edit the evaluation questionnaire").utf8_string(),
                  [&] { QuestionnaireRepository(db_).save(questionnaire_); });
    });
}

}  // namespace maillage::intervision
