#include "ui/report_preview_page.h"

#include "cycles.h"
#include "intervision_evaluation.h"
#include "intervision_figures.h"

#include "core/database.h"
#include "core/report.h"
#include "shared-ui/chart.h"

#include <wx/choice.h>
#include <wx/html/htmlwin.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <algorithm>
#include <set>

namespace maillage::intervision {
namespace {
wxString u8(const std::string& s) { return wxString::FromUTF8(s); }

// The section without its inline SVG charts (wxHtmlWindow does not draw SVG; the chart
// is drawn beside it).
std::string html_without_svg(std::string html) {
    for (auto start = html.find("<svg"); start != std::string::npos; start = html.find("<svg", start)) {
        const auto end = html.find("</svg>", start);
        if (end == std::string::npos) break;
        html.erase(start, end + 6 - start);
    }
    return html;
}
}  // namespace

ReportPreviewPage::ReportPreviewPage(wxWindow* parent, ui::UiContext& context) : PageBase(parent, context) {
    auto* top = new wxBoxSizer(wxVERTICAL);
    auto* bar = new wxBoxSizer(wxHORIZONTAL);
    bar->Add(new wxStaticText(this, wxID_ANY, _("Cycle:")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 4);
    cycle_ = new wxChoice(this, wxID_ANY);
    bar->Add(cycle_, 0, wxRIGHT, 12);
    bar->Add(new wxStaticText(this, wxID_ANY, _("Calendar year:")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 4);
    year_ = new wxChoice(this, wxID_ANY);
    bar->Add(year_, 0, wxRIGHT, 12);
    bar->Add(new wxStaticText(this, wxID_ANY, _("Programme:")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 4);
    programme_ = new wxChoice(this, wxID_ANY);
    bar->Add(programme_, 0);
    top->Add(bar, 0, wxALL, 8);
    auto* body = new wxBoxSizer(wxHORIZONTAL);
    html_ = new wxHtmlWindow(this, wxID_ANY);
    body->Add(html_, 3, wxEXPAND | wxRIGHT, 8);
    auto* side = new wxBoxSizer(wxVERTICAL);
    chart_ = new ui::ChartPanel(this, ui::ChartPanel::Kind::Bar);
    side->Add(chart_, 1, wxEXPAND | wxBOTTOM, 8);
    side->Add(new wxStaticText(this, wxID_ANY, _("Evaluation summary")), 0, wxBOTTOM, 4);
    evaluation_ = new wxTextCtrl(this, wxID_ANY, wxEmptyString, wxDefaultPosition, wxDefaultSize,
                                 wxTE_MULTILINE | wxTE_READONLY);
    side->Add(evaluation_, 1, wxEXPAND);
    body->Add(side, 2, wxEXPAND);
    top->Add(body, 1, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, 8);
    SetSizer(top);
    for (auto* c : {cycle_, year_, programme_}) c->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { show(); });
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
                        "SELECT DISTINCT p.code FROM intervision_cycle c JOIN programme p ON p.id = c.programme_id "
                        "ORDER BY p.code");
    while (q.executeStep()) {
        programmes_.push_back(q.getColumn(0).getString());
        programme_->Append(u8(programmes_.back()));
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
        html_->SetPage(report.sections.empty() ? _("Nothing to report for this choice.")
                                               : u8(html_without_svg(to_html(report))));
        if (!report.sections.empty() && !report.sections.front().charts.empty())
            chart_->set_chart(report.sections.front().charts.front());
        else
            chart_->set_data(_("Participants by sector"), {});
        std::vector<int64_t> groups;
        const auto f = compute_figures(database(), scope);
        for (const auto& c : f.cycles)
            for (const auto& g : c.groups) groups.push_back(g.group_id);
        // Only read here: the questionnaire is created when the first evaluation is entered.
        const bool has_template = QuestionnaireRepository(database()).find_by_code(kEvaluationCode).has_value();
        evaluation_->SetValue(groups.empty() || !has_template
                                  ? wxString()
                                  : u8(format_summary(evaluation_summary(database(), groups))));
    } catch (const std::exception& e) {
        html_->SetPage(u8(e.what()));
    }
}

}  // namespace maillage::intervision
