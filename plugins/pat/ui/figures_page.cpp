#include "ui/figures_page.h"

#include "pat_figures.h"

#include "core/locale_format.h"
#include "core/programmes.h"
#include "shared-ui/chart.h"

#include <wx/choice.h>
#include <wx/datetime.h>
#include <wx/html/htmlwin.h>
#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/spinctrl.h>
#include <wx/stattext.h>

#include <algorithm>

namespace maillage::pat {

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
    types_ = new ui::ChartPanel(this, ui::ChartPanel::Kind::Bar);
    sectors_ = new ui::ChartPanel(this, ui::ChartPanel::Kind::Pie);
    charts->Add(types_, 1, wxEXPAND | wxBOTTOM, 12);
    charts->Add(sectors_, 1, wxEXPAND);
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
    // Names for people, codes (client data) for the report's scope.
    for (const auto& f : FunderRepository(database()).list())
        funder_->Append(wxString::FromUTF8(f.name), new wxStringClientData(wxString::FromUTF8(f.code)));
    if (!selected.empty() && funder_->FindString(selected) != wxNOT_FOUND)
        funder_->SetStringSelection(selected);
    else
        funder_->SetSelection(0);
    compute();
}

void FiguresPage::compute() {
    ReportScope scope;
    scope.year = year_->GetValue();
    if (funder_->GetSelection() > 0)
        if (auto* code = dynamic_cast<wxStringClientData*>(funder_->GetClientObject(unsigned(funder_->GetSelection()))))
            scope.funder = code->GetData().utf8_string();
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
    const locale::ScopedLanguage language(scope.language);
    for (const auto& p : s.paragraphs) h += "<p>" + esc(locale::dates_in_text(p)) + "</p>";
    for (const auto& t : s.tables) {
        h += "<h4>" + esc(t.title) + "</h4><table border=1 cellspacing=0 cellpadding=3><tr>";
        for (const auto& c : t.columns) h += "<th>" + esc(c) + "</th>";
        h += "</tr>";
        for (const auto& r : t.rows) {
            h += "<tr>";
            for (const auto& c : r) h += "<td>" + esc(locale::display(c)) + "</td>";
            h += "</tr>";
        }
        h += "</table>";
    }
    h += "</body></html>";
    html_->SetPage(h);
    if (s.charts.size() >= 2) {
        types_->set_chart(s.charts[0]);
        sectors_->set_chart(s.charts[1]);
    }
    Layout();
}

}  // namespace maillage::pat
