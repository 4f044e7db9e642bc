#include "ui/figures_page.h"

#include "pat_figures.h"

#include "core/programmes.h"

#include <wx/choice.h>
#include <wx/datetime.h>
#include <wx/dcbuffer.h>
#include <wx/html/htmlwin.h>
#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/spinctrl.h>
#include <wx/stattext.h>

#include <algorithm>

namespace maillage::pat {

// Horizontal bars with their value: a stand-in until shared-ui/chart.h lands.
class BarChart : public wxPanel {
public:
    explicit BarChart(wxWindow* parent) : wxPanel(parent, wxID_ANY, wxDefaultPosition, wxSize(-1, 200)) {
        SetBackgroundStyle(wxBG_STYLE_PAINT);
        Bind(wxEVT_PAINT, [this](wxPaintEvent&) { paint(); });
        Bind(wxEVT_SIZE, [this](wxSizeEvent& e) {
            Refresh();
            e.Skip();
        });
    }
    void set(const wxString& title, std::vector<std::pair<wxString, double>> values) {
        title_ = title;
        values_ = std::move(values);
        SetMinSize(wxSize(-1, 30 + 22 * int(std::max<size_t>(values_.size(), 1))));
        Refresh();
    }

private:
    void paint() {
        wxAutoBufferedPaintDC dc(this);
        dc.SetBackground(wxBrush(GetBackgroundColour()));
        dc.Clear();
        dc.SetFont(GetFont().Bold());
        dc.DrawText(title_, 4, 2);
        dc.SetFont(GetFont());
        const int label_w = 230, top = 26, bar_h = 16, w = GetClientSize().x - label_w - 60;
        double max = 0;
        for (const auto& v : values_) max = std::max(max, v.second);
        int y = top;
        for (const auto& [label, value] : values_) {
            dc.DrawText(label.Left(34), 4, y);
            const int len = max > 0 ? int(value / max * std::max(w, 10)) : 0;
            dc.SetBrush(wxBrush(wxColour(52, 120, 170)));
            dc.SetPen(*wxTRANSPARENT_PEN);
            dc.DrawRectangle(label_w, y + 1, len, bar_h - 2);
            dc.DrawText(wxString::Format("%g", value), label_w + len + 6, y);
            y += 22;
        }
    }
    wxString title_;
    std::vector<std::pair<wxString, double>> values_;
};

FiguresPage::FiguresPage(wxWindow* parent, ui::UiContext& context) : PageBase(parent, context) {
    auto* top = new wxBoxSizer(wxVERTICAL);
    auto* bar = new wxBoxSizer(wxHORIZONTAL);
    bar->Add(new wxStaticText(this, wxID_ANY, _("Year:")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 6);
    year_ = new wxSpinCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, wxSP_ARROW_KEYS, 2000, 2100,
                           wxDateTime::Today().GetYear());
    bar->Add(year_, 0, wxRIGHT, 12);
    bar->Add(new wxStaticText(this, wxID_ANY, _("Funder:")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 6);
    funder_ = new wxChoice(this, wxID_ANY);
    bar->Add(funder_, 0);
    top->Add(bar, 0, wxALL, 8);
    auto* body = new wxBoxSizer(wxHORIZONTAL);
    html_ = new wxHtmlWindow(this, wxID_ANY, wxDefaultPosition, wxSize(460, -1));
    body->Add(html_, 3, wxEXPAND | wxRIGHT, 8);
    auto* charts = new wxBoxSizer(wxVERTICAL);
    types_ = new BarChart(this);
    sectors_ = new BarChart(this);
    charts->Add(types_, 0, wxEXPAND | wxBOTTOM, 12);
    charts->Add(sectors_, 0, wxEXPAND);
    body->Add(charts, 2, wxEXPAND);
    top->Add(body, 1, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, 8);
    SetSizer(top);
    year_->Bind(wxEVT_SPINCTRL, [this](wxSpinEvent&) { compute(); });
    funder_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { compute(); });
    refresh();
}

void FiguresPage::refresh() {
    const wxString selected = funder_->GetSelection() > 0 ? funder_->GetStringSelection() : wxString();
    funder_->Clear();
    funder_->Append(_("All funders"));
    for (const auto& f : FunderRepository(database()).list()) funder_->Append(wxString::FromUTF8(f.code));
    if (!selected.empty() && funder_->FindString(selected) != wxNOT_FOUND)
        funder_->SetStringSelection(selected);
    else
        funder_->SetSelection(0);
    compute();
}

void FiguresPage::compute() {
    ReportScope scope;
    scope.year = year_->GetValue();
    if (funder_->GetSelection() > 0) scope.funder = funder_->GetStringSelection().utf8_string();
    scope.language = context().language();
    auto sections = pat_sections(database(), scope);
    if (sections.empty()) return;
    const auto& s = sections.front();
    auto esc = [](const std::string& t) {
        wxString out = wxString::FromUTF8(t);
        out.Replace("&", "&amp;");
        out.Replace("<", "&lt;");
        return out;
    };
    wxString h = "<html><body><h3>" + esc(s.title) + " — " + wxString::Format("%d", scope.year.value()) + "</h3>";
    for (const auto& p : s.paragraphs) h += "<p>" + esc(p) + "</p>";
    for (const auto& t : s.tables) {
        h += "<h4>" + esc(t.title) + "</h4><table border=1 cellspacing=0 cellpadding=3><tr>";
        for (const auto& c : t.columns) h += "<th>" + esc(c) + "</th>";
        h += "</tr>";
        for (const auto& r : t.rows) {
            h += "<tr>";
            for (const auto& c : r) h += "<td>" + esc(c) + "</td>";
            h += "</tr>";
        }
        h += "</table>";
    }
    h += "</body></html>";
    html_->SetPage(h);
    auto to_values = [](const ReportChart& c) {
        std::vector<std::pair<wxString, double>> v;
        for (const auto& [label, value] : c.values) v.emplace_back(wxString::FromUTF8(label), value);
        return v;
    };
    if (s.charts.size() >= 2) {
        types_->set(wxString::FromUTF8(s.charts[0].title), to_values(s.charts[0]));
        sectors_->set(wxString::FromUTF8(s.charts[1].title), to_values(s.charts[1]));
    }
    Layout();
}

}  // namespace maillage::pat
