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
    const int keep = cycle_->GetSelection();
    cycle_->Clear();
    cycle_ids_.clear();
    for (const auto& c : CycleRepository(database()).cycles()) {
        cycle_->Append(u8(c.name));
        cycle_ids_.push_back(c.id);
    }
    if (!cycle_ids_.empty()) cycle_->SetSelection(keep >= 0 && keep < int(cycle_ids_.size()) ? keep : 0);
    load_groups();
}

void EvaluationPage::load_groups() {
    const int keep = group_->GetSelection();
    group_->Clear();
    group_ids_ = {0};
    group_->Append(_("(the whole cycle)"));
    if (const int c = cycle_->GetSelection(); c != wxNOT_FOUND)
        for (const auto& g : CycleRepository(database()).groups(cycle_ids_[size_t(c)])) {
            group_->Append(u8(g.name));
            group_ids_.push_back(g.id);
        }
    group_->SetSelection(keep >= 0 && keep < int(group_ids_.size()) ? keep : 0);
    show();
}

void EvaluationPage::show() {
    std::vector<int64_t> groups;
    const int g = group_->GetSelection();
    if (g > 0)
        groups.push_back(group_ids_[size_t(g)]);
    else
        groups.assign(group_ids_.begin() + 1, group_ids_.end());
    const auto q = QuestionnaireRepository(database()).find_by_code(kEvaluationCode);
    size_t responses = 0;
    if (q && !groups.empty())
        for (auto id : groups) responses += QuestionnaireRepository(database()).responses(q->id, kEvaluationSubject, id).size();
    if (cycle_ids_.empty())
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
    const int c = cycle_->GetSelection();
    if (c == wxNOT_FOUND || group_ids_.size() < 2) {
        ui::show_info(this, _("The cycle needs a group first."));
        return;
    }
    const int g = group_->GetSelection();
    EvaluationDialog dialog(this, database(), cycle_ids_[size_t(c)], g > 0 ? group_ids_[size_t(g)] : 0);
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
    group_ = grid.add(_("Group:"), new wxChoice(this, wxID_ANY), "group");
    for (const auto& g : CycleRepository(db).groups(cycle_id)) {
        group_->Append(u8(g.name));
        group_ids_.push_back(g.id);
        if (g.id == group_id) group_->SetSelection(int(group_ids_.size()) - 1);
    }
    if (group_->GetSelection() == wxNOT_FOUND) group_->SetSelection(0);
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
    sizer->Add(action_buttons(this, _("Record")), 0, wxEXPAND | wxALL, 8);
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
    if (const int g = group_->GetSelection(); g != wxNOT_FOUND)
        for (const auto& e : CycleRepository(db_).enrolments(group_ids_[size_t(g)]))
            if (e.status != "waiting")
                if (auto p = people.get(e.person_id)) {
                    respondent_->Append(u8(p->display_name()));
                    respondents_.push_back(p->id);
                }
    respondent_->SetSelection(0);
}

void EvaluationDialog::record() {
    if (group_->GetSelection() == wxNOT_FOUND) return show_problem(this, problem_, _("Choose a group."));
    const int64_t group = group_ids_[size_t(group_->GetSelection())];
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
    auto* intro = ui::paragraph(this,
                                _("The questions every participant answers at the end of the cycle. They can be "
                                  "changed until the first answers are entered."),
                                520);
    sizer->Add(intro, 0, wxALL, 10);
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    questions_ = new ui::ListPanel(this, nullptr,
                                   {.id = "intervision.questions",
                                    .title = _("The evaluation questionnaire"),
                                    .columns = {{"#", 40, ui::ColumnKind::Integer},
                                                {_("Question:"), 360},
                                                {_("Answer:"), 130}},
                                    .search = false});
    questions_->SetName("questions");
    questions_->SetMinSize(FromDIP(wxSize(540, 240)));
    row->Add(questions_, 1, wxEXPAND | wxRIGHT, 6);
    auto* buttons = new wxBoxSizer(wxVERTICAL);
    auto add_button = [&](const wxString& label) {
        auto* b = new wxButton(this, wxID_ANY, label);
        buttons->Add(b, 0, wxEXPAND | wxBOTTOM, 4);
        return b;
    };
    auto* add = add_button(_("Add…"));
    auto* edit = add_button(_("Edit…"));
    auto* remove = add_button(_("Remove"));
    auto* up = add_button(_("Up"));
    row->Add(buttons, 0);
    sizer->Add(row, 1, wxEXPAND | wxLEFT | wxRIGHT, 10);
    problem_ = problem_line(this);
    sizer->Add(problem_, 0, wxEXPAND | wxALL, 10);
    sizer->Add(action_buttons(this, _("Save")), 0, wxEXPAND | wxALL, 8);
    SetSizerAndFit(sizer);
    show_questions();

    add->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        Question q;
        q.kind = "rating";
        QuestionDialog d(this, q);
        if (d.ShowModal() != wxID_OK) return;
        d.apply(q);
        if (q.text.empty()) return;
        questionnaire_.questions.push_back(q);
        show_questions();
    });
    edit->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        const auto id = questions_->selected_id();
        if (!id) return;
        const size_t n = size_t(*id - 1);
        QuestionDialog d(this, questionnaire_.questions[n]);
        if (d.ShowModal() == wxID_OK) d.apply(questionnaire_.questions[n]);
        show_questions();
        questions_->select_id(*id);
    });
    remove->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        const auto id = questions_->selected_id();
        if (!id) return;
        questionnaire_.questions.erase(questionnaire_.questions.begin() + (*id - 1));
        show_questions();
    });
    up->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        const auto id = questions_->selected_id();
        if (!id || *id < 2) return;
        std::swap(questionnaire_.questions[size_t(*id - 1)], questionnaire_.questions[size_t(*id - 2)]);
        show_questions();
        questions_->select_id(*id - 1);
    });
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

void TemplateDialog::save() {
    record_or_show(this, problem_, [&] {
        db_.write(_("edit the evaluation questionnaire").utf8_string(),
                  [&] { QuestionnaireRepository(db_).save(questionnaire_); });
    });
}

}  // namespace maillage::intervision
