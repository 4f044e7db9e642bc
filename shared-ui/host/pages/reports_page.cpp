#include "reports_page.h"

#include "labels.h"

#include "shared-ui/messages.h"
#include "shared-ui/progress.h"
#include "shared-ui/report_view.h"

#include "core/programmes.h"
#include "core/report.h"
#include "core/suite.h"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/datetime.h>
#include <wx/ffile.h>
#include <wx/filedlg.h>
#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <algorithm>

namespace maillage::ui {
namespace {

class ReportsPage : public PageBase {
public:
    ReportsPage(wxWindow* parent, UiContext& context, Suite& suite) : PageBase(parent, context), suite_(suite) {
        auto* sizer = new wxBoxSizer(wxVERTICAL);
        auto* bar = new wxFlexGridSizer(5, FromDIP(wxSize(8, 4)));
        auto label = [&](const wxString& text) { bar->Add(new wxStaticText(this, wxID_ANY, text)); };
        label(_("Calendar year"));
        label(_("or cycle"));
        label(_("Programme"));
        label(_("Funder"));
        label(_("Language"));
        year_ = new wxChoice(this, wxID_ANY);
        year_->Append(_("(any)"));
        const int this_year = wxDateTime::Today().GetYear();
        for (int y = this_year + 1; y >= this_year - 8; --y) year_->Append(wxString::Format("%d", y));
        year_->SetSelection(2);
        bar->Add(year_);
        cycle_ = new wxTextCtrl(this, wxID_ANY, {}, wxDefaultPosition, FromDIP(wxSize(100, -1)));
        cycle_->SetHint(wxString::Format("%d-%d", this_year - 1, this_year));
        bar->Add(cycle_);
        // Names can be long (funders): fixed widths keep the bar within the window.
        programme_ = new wxChoice(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(200, -1)));
        bar->Add(programme_);
        funder_ = new wxChoice(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(240, -1)));
        bar->Add(funder_);
        language_ = new wxChoice(this, wxID_ANY);
        for (const auto& [code, name] : person_languages()) language_->Append(name);
        const auto ui = context.language();
        language_->SetSelection(ui == "nl" ? 1 : ui == "en" ? 2 : 0);
        bar->Add(language_);
        auto* buttons = new wxBoxSizer(wxHORIZONTAL);
        auto* build = new wxButton(this, wxID_ANY, _("&Build"));
        buttons->Add(build, 0, wxRIGHT, FromDIP(8));
        auto* save = new wxButton(this, wxID_ANY, _("&Save as…"));
        buttons->Add(save, 0, wxRIGHT, FromDIP(8));
        auto* print = new wxButton(this, wxID_ANY, _("&Print…"));
        buttons->Add(print, 0);
        sizer->Add(bar, 0, wxLEFT | wxRIGHT | wxTOP, 8);
        sizer->Add(buttons, 0, wxALL, 8);
        // The page that "Save as" writes, drawn by a web engine: what is seen is what is saved.
        preview_ = new ReportView(this);
        sizer->Add(preview_, 1, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, 8);
        SetSizer(sizer);

        build->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { build_report(); });
        save->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { save_report(); });
        print->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
            if (!preview_->print()) show_error(this, _("Printing needs the web view (WebKitGTK), which is not available."));
        });
        cycle_->Bind(wxEVT_TEXT, [this](wxCommandEvent&) {
            if (!cycle_->IsEmpty()) year_->SetSelection(0);
        });
        refresh();
    }

    void refresh() override {
        fill_codes();
        build_report();
    }

private:
    void fill_codes() {
        fill_choice(programme_, programme_codes_, ProgrammeRepository(database()).list(true));
        fill_choice(funder_, funder_codes_, FunderRepository(database()).list(true));
    }

    // "(all)" then each programme or funder by name; `codes` keeps their codes in the same order.
    template <class Rows>
    static void fill_choice(wxChoice* choice, std::vector<std::string>& codes, const Rows& rows) {
        codes = {""};
        choice->Clear();
        choice->Append(_("(all)"));
        for (const auto& row : rows) {
            codes.push_back(row.code);
            choice->Append(u8(row.name));
        }
        choice->SetSelection(0);
    }

    ReportScope scope() const {
        ReportScope s;
        long year = 0;
        if (year_->GetSelection() > 0 && year_->GetStringSelection().ToLong(&year)) s.year = static_cast<int>(year);
        const wxString cycle = cycle_->GetValue().Strip(wxString::both);
        if (!cycle.empty()) s.cycle = s8(cycle);
        if (programme_->GetSelection() > 0) s.programme = programme_codes_[programme_->GetSelection()];
        if (funder_->GetSelection() > 0) s.funder = funder_codes_[funder_->GetSelection()];
        s.language = person_languages()[std::max(0, language_->GetSelection())].first;
        return s;
    }

    // Off the window's thread; the progress dialog (with Cancel) only for a report that
    // takes a while, such as a whole year of a large network.
    void build_report() {
        guarded(this, _("The report could not be built"), [&] {
            const ReportScope wanted = scope();
            std::optional<Report> built;
            const bool finished = run_with_progress(
                this, _("Building the report"), [&](Progress& progress) { built = suite_.report(wanted, &progress); },
                std::chrono::milliseconds(400));
            if (!finished) {
                context().set_status(_("Report stopped; the page shows the previous one."));
                return;
            }
            report_ = std::move(built);
            preview_->set_html(to_html(*report_));
            context().set_status(wxString::Format(_("Report built: %zu sections."), report_->sections.size()));
        });
    }

    void save_report() {
        if (!report_) build_report();
        if (!report_) return;
        wxFileDialog dialog(this, _("Save the report"), {}, "report.html",
                            _("HTML page (*.html)|*.html|Markdown (*.md)|*.md|JSON data (*.json)|*.json"),
                            wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
        if (dialog.ShowModal() != wxID_OK) return;
        guarded(this, _("The report was not saved"), [&] {
            std::string text;
            switch (dialog.GetFilterIndex()) {
            case 1: text = to_markdown(*report_); break;
            case 2: text = to_json(*report_).dump(2); break;
            default: text = to_html(*report_); break;
            }
            wxFFile file(dialog.GetPath(), "wb");
            if (!file.IsOpened() || !file.Write(text.data(), text.size()) || !file.Close())
                throw std::runtime_error(s8(wxString::Format(_("Cannot write %s"), dialog.GetPath())));
            context().set_status(wxString::Format(_("Report saved: %s"), dialog.GetPath()));
        });
    }

    Suite& suite_;
    wxChoice *year_, *programme_, *funder_, *language_;
    wxTextCtrl* cycle_;
    ReportView* preview_;
    std::vector<std::string> programme_codes_, funder_codes_;
    std::optional<Report> report_;
};

}  // namespace

PageBase* create_reports_page(wxWindow* parent, UiContext& context, Suite& suite) {
    return new ReportsPage(parent, context, suite);
}

}  // namespace maillage::ui
