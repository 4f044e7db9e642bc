#include "ui/figures_page.h"

#include "catalogue_figures.h"
#include "core/database.h"

#include <wx/dcbuffer.h>
#include <wx/datetime.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/spinctrl.h>
#include <wx/stattext.h>

namespace maillage::catalogue {

// Horizontal bars with their value; a small drawing so the page needs no chart library.
class BarChart : public wxPanel {
public:
    BarChart(wxWindow* parent, const wxString& title) : wxPanel(parent, wxID_ANY, wxDefaultPosition, wxSize(420, 320)), title_(title) {
        SetBackgroundStyle(wxBG_STYLE_PAINT);
        Bind(wxEVT_PAINT, [this](wxPaintEvent&) { paint(); });
    }
    void set(std::vector<std::pair<wxString, double>> values, wxString suffix) {
        values_ = std::move(values);
        suffix_ = std::move(suffix);
        Refresh();
    }

private:
    void paint() {
        wxAutoBufferedPaintDC dc(this);
        dc.SetBackground(*wxWHITE_BRUSH);
        dc.Clear();
        dc.SetTextForeground(wxColour(20, 20, 20));
        dc.SetFont(GetFont().Bold());
        dc.DrawText(title_, 8, 6);
        dc.SetFont(GetFont());
        double max = 0;
        for (const auto& v : values_) max = std::max(max, v.second);
        const int label_w = GetClientSize().x * 45 / 100, top = 30, row = 22;
        const int bar_max = GetClientSize().x - label_w - 70;
        int y = top;
        for (const auto& [label, value] : values_) {
            wxString l = label.length() > 38 ? label.Left(36) + "…" : label;
            dc.DrawText(l, 8, y + 2);
            int w = max > 0 ? static_cast<int>(bar_max * value / max) : 0;
            dc.SetBrush(wxBrush(wxColour(11, 79, 108)));
            dc.SetPen(*wxTRANSPARENT_PEN);
            dc.DrawRectangle(label_w, y + 3, std::max(w, 1), row - 6);
            dc.DrawText(wxString::Format("%g%s", value, suffix_), label_w + w + 4, y + 2);
            y += row;
        }
    }
    wxString title_, suffix_;
    std::vector<std::pair<wxString, double>> values_;
};

FiguresPage::FiguresPage(wxWindow* parent, ui::UiContext& context) : PageBase(parent, context) {
    auto* top = new wxBoxSizer(wxVERTICAL);
    auto* bar = new wxBoxSizer(wxHORIZONTAL);
    bar->Add(new wxStaticText(this, wxID_ANY, _("Year")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 6);
    year_ = new wxSpinCtrl(this, wxID_ANY, {}, wxDefaultPosition, wxDefaultSize, wxSP_ARROW_KEYS, 2000, 2100,
                           wxDateTime::Now().GetYear());
    bar->Add(year_, 0);
    top->Add(bar, 0, wxALL, 8);
    summary_ = new wxStaticText(this, wxID_ANY, {});
    top->Add(summary_, 0, wxALL | wxEXPAND, 8);
    auto* charts = new wxBoxSizer(wxHORIZONTAL);
    sectors_ = new BarChart(this, _("Participants by sector (%)"));
    themes_ = new BarChart(this, _("Hours by theme"));
    charts->Add(sectors_, 1, wxEXPAND | wxRIGHT, 8);
    charts->Add(themes_, 1, wxEXPAND);
    top->Add(charts, 1, wxEXPAND | wxLEFT | wxRIGHT, 8);
    trainers_ = new wxListView(this, wxID_ANY, wxDefaultPosition, wxSize(-1, 200), wxLC_REPORT);
    trainers_->AppendColumn(_("Trainer"), wxLIST_FORMAT_LEFT, 220);
    trainers_->AppendColumn(_("Sessions"), wxLIST_FORMAT_RIGHT, 80);
    trainers_->AppendColumn(_("Hours"), wxLIST_FORMAT_RIGHT, 80);
    top->Add(trainers_, 0, wxEXPAND | wxALL, 8);
    SetSizer(top);
    year_->Bind(wxEVT_SPINCTRL, [this](wxSpinEvent&) { refresh(); });
    refresh();
}

void FiguresPage::refresh() {
    ReportScope scope;
    scope.year = year_->GetValue();
    scope.language = context().language();
    auto f = compute_figures(database(), scope);
    summary_->SetLabel(wxString::Format(
        _("%lld training days, %lld participations, %lld distinct participants (%lld with a known sector). "
          "Expectations met: %lld yes, %lld partly, %lld no."),
        static_cast<long long>(f.training_days), static_cast<long long>(f.participations), static_cast<long long>(f.participants),
        static_cast<long long>(f.sectors.known), static_cast<long long>(f.expectations_yes),
        static_cast<long long>(f.expectations_partly), static_cast<long long>(f.expectations_no)));
    std::vector<std::pair<wxString, double>> sectors, themes;
    for (const auto& r : f.sectors.rows) sectors.push_back({wxString::FromUTF8(r.label), std::stod(r.percent.empty() ? "0" : r.percent)});
    for (const auto& g : f.by_theme) themes.push_back({wxString::FromUTF8(g.label), g.hours});
    sectors_->set(sectors, " %");
    themes_->set(themes, " h");
    trainers_->DeleteAllItems();
    long row = 0;
    for (const auto& t : f.trainers) {
        trainers_->InsertItem(row, wxString::FromUTF8(t.name));
        trainers_->SetItem(row, 1, wxString::Format("%lld", static_cast<long long>(t.sessions)));
        trainers_->SetItem(row, 2, wxString::Format("%g", t.hours));
        ++row;
    }
    Layout();
}

}  // namespace maillage::catalogue
