#include "ui/figures_page.h"

#include "pat_activities.h"
#include "pat_figures.h"

#include "core/locale_format.h"
#include "shared-ui/dialog_frame.h"
#include "shared-ui/record_choice.h"
#include "shared-ui/chart.h"
#include "shared-ui/display.h"
#include "shared-ui/list_panel.h"
#include "shared-ui/messages.h"

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
    period_ = ui::add_labelled(bar, _("Period:"), new wxChoice(this, wxID_ANY), "period", 6);
    period_->Append(_("The year"));
    period_->Append(_("Since the start"));
    period_->SetSelection(0);
    year_ = ui::year_spin(this, wxDateTime::Today().GetYear());
    year_->SetName("year");
    bar->Add(year_, 0, wxRIGHT, 12);
    funder_ = ui::add_labelled(bar, _("Funder:"), new wxChoice(this, wxID_ANY), "funder", 0);
    top->Add(bar, 0, wxALL, 8);
    auto* body = new wxBoxSizer(wxHORIZONTAL);
    html_ = new wxHtmlWindow(this, wxID_ANY, wxDefaultPosition, wxSize(460, -1));
    html_->SetName("figures");
    body->Add(html_, 3, wxEXPAND | wxRIGHT, 8);
    types_ = new ui::ChartPanel(this, ui::ChartPanel::Kind::Bar);
    sectors_ = new ui::ChartPanel(this, ui::ChartPanel::Kind::Pie);
    body->Add(ui::chart_pair(wxVERTICAL, types_, sectors_, 12), 2, wxEXPAND);
    top->Add(body, 3, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, 8);
    // The team's time: every held session counts its length and preparation for each
    // staff member who ran it (all funders: the team's week is one).
    staff_summary_ = new wxStaticText(this, wxID_ANY, wxString());
    staff_summary_->SetName("staff-time-summary");
    top->Add(staff_summary_, 0, wxLEFT | wxRIGHT, 8);
    staff_ = new ui::ListPanel(this, &context,
                               {.id = "pat.staff_time",
                                .title = _("Staff time on accompaniments"),
                                .columns = {{_("Staff member"), 220},
                                            {_("Sessions"), 80, ui::ColumnKind::Integer},
                                            {_("Hours (with preparation)"), 210, ui::ColumnKind::Decimal},
                                            {_("Share of a full-time week"), 170, ui::ColumnKind::Decimal}},
                                .search = false});
    top->Add(staff_, 2, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, 8);
    SetSizer(top);
    set_main_list(staff_);
    year_->Bind(wxEVT_SPINCTRL, [this](wxSpinEvent&) { compute(); });
    period_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { compute(); });
    funder_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { compute(); });
    refresh();
}

void FiguresPage::refresh() {
    ui::fill_funder_filter(funder_, database());
    compute();
}

void FiguresPage::compute() {
    const bool whole = period_->GetSelection() == 1;
    year_->Enable(!whole);
    ReportScope scope;
    if (!whole) scope.year = year_->GetValue();
    if (const auto code = ui::funder_code(funder_); !code.empty()) scope.funder = code;
    scope.language = context().language();
    std::vector<ReportSection> sections;
    if (!ui::guarded(this, _("The figures could not be computed"), [&] { sections = pat_sections(database(), scope); }) ||
        sections.empty())
        return;
    const auto& s = sections.front();
    auto esc = [](const std::string& t) {
        wxString out = wxString::FromUTF8(t);
        out.Replace("&", "&amp;");
        out.Replace("<", "&lt;");
        return out;
    };
    const wxString period = whole ? _("since the start") : wxString::Format("%d", year_->GetValue());
    wxString h = "<html><body><h3>" + esc(s.title) + " — " + period + "</h3>";
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

    std::string from = scope.from_date(), to = scope.to_date();
    const std::string today = wxDateTime::Today().FormatISODate().utf8_string();
    if (whole) {
        from = first_session_date(database());
        to = today;
    }
    auto rows = std::make_shared<ui::TableRowSource>();
    if (from.empty() || from > to) {
        staff_summary_->SetLabel(_("No session held yet: the team's time shows once sessions are recorded."));
    } else {
        const auto t = staff_time(database(), from, to);
        for (const auto& p : t.people)
            rows->add(p.person_id, {wxString::FromUTF8(p.name), wxString::Format("%d", p.sessions),
                                    ui::display_number(p.minutes / 60.0, 1), ui::display_value(p.share + " %")});
        staff_summary_->SetLabel(wxString::Format(_("Staff time on accompaniment sessions, %s to %s: %s hours, %s of "
                                                    "the working time of the staff members who ran them."),
                                                  ui::display_date(from), ui::display_date(to),
                                                  ui::display_number(t.total_minutes / 60.0, 1),
                                                  ui::display_value(t.share + " %")));
        staff_summary_->Wrap(GetClientSize().x > 100 ? GetClientSize().x - 20 : FromDIP(800));
    }
    staff_->set_source(rows);
    Layout();
}

}  // namespace maillage::pat
