#include "ui/report_preview_page.h"

#include "cycles.h"
#include "intervision_evaluation.h"
#include "intervision_figures.h"

#include "core/database.h"
#include "core/report.h"
#include "shared-ui/dialog_frame.h"
#include "shared-ui/messages.h"
#include "shared-ui/report_view.h"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <algorithm>
#include <set>

namespace maillage::intervision {
namespace {
wxString u8(const std::string& s) { return wxString::FromUTF8(s); }

}  // namespace

ReportPreviewPage::ReportPreviewPage(wxWindow* parent, ui::UiContext& context) : PageBase(parent, context) {
    auto* top = new wxBoxSizer(wxVERTICAL);
    auto* bar = new wxBoxSizer(wxHORIZONTAL);
    cycle_ = ui::add_labelled(bar, _("Cycle:"), new wxChoice(this, wxID_ANY), nullptr, 12, 4);
    year_ = ui::add_labelled(bar, _("Calendar year:"), new wxChoice(this, wxID_ANY), nullptr, 12, 4);
    programme_ = ui::add_labelled(bar, _("Programme:"), new wxChoice(this, wxID_ANY), nullptr, 12, 4);
    auto* print = new wxButton(this, wxID_ANY, _("&Print…"));
    bar->Add(print, 0);
    top->Add(bar, 0, wxALL, 8);
    // The report section as saved (with its inline SVG chart), in a web engine, over the
    // whole width so that the groups table fits; the evaluation summary below it.
    html_ = new ui::ReportView(this);
    top->Add(html_, 4, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, 8);
    top->Add(new wxStaticText(this, wxID_ANY, _("Evaluation summary")), 0, wxLEFT | wxRIGHT | wxBOTTOM, 8);
    evaluation_ = new wxTextCtrl(this, wxID_ANY, wxEmptyString, wxDefaultPosition, wxDefaultSize,
                                 wxTE_MULTILINE | wxTE_READONLY);
    top->Add(evaluation_, 1, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, 8);
    SetSizer(top);
    for (auto* c : {cycle_, year_, programme_}) c->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { show(); });
    print->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (!html_->print()) ui::show_error(this, _("Printing needs the web view (WebKitGTK), which is not available."));
    });
    refresh();
}

void ReportPreviewPage::refresh() {
    load_choices();
    show();
}

void ReportPreviewPage::load_choices() {
    cycle_->Clear();
    year_->Clear();
    programme_->Clear();
    cycles_ = {""};
    years_ = {0};
    programmes_ = {""};
    cycle_->Append(_("(all cycles)"));
    year_->Append(_("(any)"));
    programme_->Append(_("(all programmes)"));
    std::set<std::string> names;
    std::set<int> years;
    for (const auto& c : CycleRepository(database()).cycles()) {
        names.insert(c.name);
        for (int y = std::stoi(c.start_date.substr(0, 4)); y <= std::stoi(c.end_date.substr(0, 4)); ++y) years.insert(y);
    }
    for (auto it = names.rbegin(); it != names.rend(); ++it) {
        cycles_.push_back(*it);
        cycle_->Append(u8(*it));
    }
    for (auto it = years.rbegin(); it != years.rend(); ++it) {
        years_.push_back(*it);
        year_->Append(wxString::Format("%d", *it));
    }
    SQLite::Statement q(database().sql(),
                        "SELECT DISTINCT p.code, p.name FROM intervision_cycle c JOIN programme p ON p.id = c.programme_id "
                        "ORDER BY p.name");
    while (q.executeStep()) {
        programmes_.push_back(q.getColumn(0).getString());
        programme_->Append(u8(q.getColumn(1).getString()));
    }
    cycle_->SetSelection(cycles_.size() > 1 ? 1 : 0);
    year_->SetSelection(0);
    programme_->SetSelection(programmes_.size() > 1 ? 1 : 0);
}

void ReportPreviewPage::show() {
    ReportScope scope;
    scope.language = context().language();
    if (cycle_->GetSelection() > 0) scope.cycle = cycles_[size_t(cycle_->GetSelection())];
    if (year_->GetSelection() > 0) scope.year = years_[size_t(year_->GetSelection())];
    if (programme_->GetSelection() > 0) scope.programme = programmes_[size_t(programme_->GetSelection())];
    try {
        Report report = build_report(database(), scope, {std::make_shared<IntervisionReportProvider>()});
        if (report.sections.empty()) {
            ReportSection nothing;
            nothing.id = "intervision.none";
            nothing.title = _("Intervision").utf8_string();
            nothing.paragraphs.push_back(_("Nothing to report for this choice.").utf8_string());
            report.sections.push_back(std::move(nothing));
        }
        html_->set_html(to_html(report));
        std::vector<int64_t> groups;
        const auto f = compute_figures(database(), scope);
        for (const auto& c : f.cycles)
            for (const auto& g : c.groups) groups.push_back(g.group_id);
        // Only read here: the questionnaire is created when the first evaluation is entered.
        const bool has_template = QuestionnaireRepository(database()).find_by_code(kEvaluationCode).has_value();
        const auto summary = groups.empty() || !has_template ? std::vector<QuestionSummary>{}
                                                              : evaluation_summary(database(), groups);
        const bool answered = std::any_of(summary.begin(), summary.end(),
                                          [](const QuestionSummary& q) { return q.answered > 0; });
        evaluation_->SetValue(answered ? u8(format_summary(summary)) : _("No evaluation entered yet."));
    } catch (const std::exception& e) {
        ReportSection failed;
        failed.id = "intervision.error";
        failed.title = _("The report could not be built").utf8_string();
        failed.paragraphs.push_back(e.what());
        html_->set_html(to_html(Report{failed.title, {}, {failed}}));
    }
}

}  // namespace maillage::intervision
