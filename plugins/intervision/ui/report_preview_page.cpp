#include "ui/report_preview_page.h"

#include "cycles.h"
#include "intervision_evaluation.h"
#include "intervision_figures.h"

#include "core/database.h"
#include "core/report.h"

#include <wx/choice.h>
#include <wx/dcbuffer.h>
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

SectorChart::SectorChart(wxWindow* parent) : wxPanel(parent, wxID_ANY, wxDefaultPosition, wxSize(380, -1)) {
    SetBackgroundStyle(wxBG_STYLE_PAINT);
    Bind(wxEVT_PAINT, [this](wxPaintEvent&) { paint(); });
    Bind(wxEVT_SIZE, [this](wxSizeEvent& e) {
        Refresh();
        e.Skip();
    });
}

void SectorChart::set_values(std::vector<std::pair<wxString, double>> values) {
    values_ = std::move(values);
    Refresh();
}

void SectorChart::paint() {
    wxAutoBufferedPaintDC dc(this);
    dc.SetBackground(*wxWHITE_BRUSH);
    dc.Clear();
    const wxSize size = GetClientSize();
    dc.SetFont(GetFont());
    dc.SetTextForeground(*wxBLACK);
    dc.DrawText(_("Participants by sector"), 8, 6);
    if (values_.empty()) return;
    double max = 0;
    for (const auto& v : values_) max = std::max(max, v.second);
    const int line = dc.GetCharHeight() + 8, label_w = size.x / 2, bar_w = size.x - label_w - 40;
    int y = 10 + line;
    for (const auto& [label, value] : values_) {
        wxString shown = label;
        while (dc.GetTextExtent(shown).x > label_w - 12 && shown.length() > 4) shown = shown.Left(shown.length() - 2);
        if (shown != label) shown += wxString::FromUTF8("…");
        dc.DrawText(shown, 8, y);
        const int w = max > 0 ? int(bar_w * value / max) : 0;
        dc.SetBrush(wxBrush(wxColour(70, 130, 180)));
        dc.SetPen(*wxTRANSPARENT_PEN);
        dc.DrawRectangle(label_w, y + 2, std::max(w, 1), line - 10);
        dc.DrawText(wxString::Format("%g", value), label_w + w + 4, y);
        y += line;
    }
}

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
    chart_ = new SectorChart(this);
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
        std::vector<std::pair<wxString, double>> values;
        if (!report.sections.empty() && !report.sections.front().charts.empty())
            for (const auto& [label, v] : report.sections.front().charts.front().values) values.emplace_back(u8(label), v);
        chart_->set_values(std::move(values));
        std::vector<int64_t> groups;
        const auto f = compute_figures(database(), scope);
        for (const auto& c : f.cycles)
            for (const auto& g : c.groups) groups.push_back(g.group_id);
        evaluation_->SetValue(groups.empty() ? wxString() : u8(format_summary(evaluation_summary(database(), groups))));
    } catch (const std::exception& e) {
        html_->SetPage(u8(e.what()));
    }
}

}  // namespace maillage::intervision
