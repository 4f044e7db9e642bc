#include "ui/figures_page.h"

#include "catalogue_figures.h"
#include "catalogue_xlsx.h"
#include "shared-ui/dialog_frame.h"
#include "shared-ui/messages.h"
#include "core/database.h"
#include "shared-ui/chart.h"
#include "shared-ui/list_panel.h"
#include "shared-ui/display.h"

#include <wx/button.h>
#include <wx/filedlg.h>

#include <algorithm>
#include <wx/sizer.h>
#include <wx/spinctrl.h>
#include <wx/stattext.h>

namespace maillage::catalogue {

FiguresPage::FiguresPage(wxWindow* parent, ui::UiContext& context) : PageBase(parent, context) {
    auto* top = new wxBoxSizer(wxVERTICAL);
    auto* bar = new wxBoxSizer(wxHORIZONTAL);
    year_ = ui::add_labelled(bar, _("Year"), ui::year_spin(this, ui::current_year()), nullptr, 0);
    auto* workbook = new wxButton(this, wxID_ANY, _("Export the year's workbook (XLSX)…"));
    workbook->SetName("export-xlsx");
    bar->Add(workbook, 0, wxLEFT, 12);
    top->Add(bar, 0, wxALL, 8);
    summary_ = new wxStaticText(this, wxID_ANY, {});
    top->Add(summary_, 0, wxALL | wxEXPAND, 8);
    sectors_ = new ui::ChartPanel(this, ui::ChartPanel::Kind::Bar);
    themes_ = new ui::ChartPanel(this, ui::ChartPanel::Kind::Bar);
    top->Add(ui::chart_pair(wxHORIZONTAL, sectors_, themes_, 8), 1, wxEXPAND | wxLEFT | wxRIGHT, 8);
    trainers_ = new ui::ListPanel(this, &context,
                                  {.id = "catalogue.figures.trainers",
                                   .title = _("Trainers"),
                                   .columns = {{_("Trainer"), 220},
                                               {_("Sessions"), 80, ui::ColumnKind::Integer},
                                               {_("Hours"), 80, ui::ColumnKind::Decimal}}});
    trainers_->SetMinSize(FromDIP(wxSize(-1, 240)));
    top->Add(trainers_, 0, wxEXPAND);
    SetSizer(top);
    year_->Bind(wxEVT_SPINCTRL, [this](wxSpinEvent&) { refresh(); });
    // The figures, the training days and the participations, for the finance team.
    workbook->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        wxFileDialog dialog(this, _("Export the year's workbook"), {},
                            wxString::Format("formations-%d.xlsx", year_->GetValue()), _("XLSX workbooks (*.xlsx)|*.xlsx"),
                            wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
        if (dialog.ShowModal() != wxID_OK) return;
        ui::guarded(this, _("The workbook was not written"), [&] {
            ReportScope scope;
            scope.year = year_->GetValue();
            scope.language = this->context().language();
            export_xlsx(database(), scope, dialog.GetPath().utf8_string());
            this->context().set_status(wxString::Format(_("Workbook written: %s"), dialog.GetPath()));
        });
    });
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
    summary_->Wrap(std::max(400, GetClientSize().x - 24));
    auto section = figures_section(database(), scope);
    if (section.charts.size() >= 2) {
        sectors_->set_chart(section.charts[0]);
        themes_->set_chart(section.charts[1]);
    }
    auto rows = std::make_shared<ui::TableRowSource>();
    int64_t row = 0;
    for (const auto& t : f.trainers)
        rows->add(row++, {wxString::FromUTF8(t.name), wxString::Format("%lld", static_cast<long long>(t.sessions)),
                          ui::display_number(t.hours)});
    trainers_->set_source(rows);
    Layout();
}

}  // namespace maillage::catalogue
