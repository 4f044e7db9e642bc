#include "shared-ui/questionnaire_results.h"

#include <algorithm>

#include "shared-ui/chart.h"
#include "shared-ui/questionnaire_form.h"
#include "core/locale_format.h"

#include <wx/intl.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

namespace maillage::ui {

QuestionnaireResults::QuestionnaireResults(wxWindow* parent, wxWindowID id) : wxScrolledWindow(parent, id) {
    SetScrollRate(0, FromDIP(10));
    SetSizer(new wxBoxSizer(wxVERTICAL));
}

void QuestionnaireResults::load(Database& db, int64_t questionnaire_id, const std::string& subject_kind,
                                const std::vector<int64_t>& subject_ids) {
    QuestionnaireRepository repository(db);
    const auto questionnaire = repository.get(questionnaire_id);
    show(questionnaire ? wxString::FromUTF8(questionnaire->title) : wxString(),
         repository.summarize(questionnaire_id, subject_kind, subject_ids));
}

wxString QuestionnaireResults::summary_line(size_t n) const { return n < lines_.size() ? lines_[n] : wxString(); }

void QuestionnaireResults::show(const wxString& title, const std::vector<QuestionSummary>& summaries) {
    Freeze();
    DestroyChildren();
    lines_.clear();
    auto* sizer = GetSizer();
    sizer->Clear();
    const int wrap = FromDIP(560);
    const int pad = FromDIP(8);
    if (!title.empty()) {
        auto* heading = new wxStaticText(this, wxID_ANY, title);
        heading->SetFont(heading->GetFont().Bold().Larger());
        // GTK measured the label in the regular font: give it the bold text's width.
        heading->SetMinSize(wxSize(heading->GetTextExtent(title).x + FromDIP(4), -1));
        sizer->Add(heading, 0, wxALL, pad);
    }
    if (summaries.empty()) sizer->Add(new wxStaticText(this, wxID_ANY, _("No questions.")), 0, wxALL, pad);
    int number = 0;
    for (const auto& s : summaries) {
        const auto& q = s.question;
        auto* label = new wxStaticText(this, wxID_ANY, wxString::Format("%d. %s", ++number, wxString::FromUTF8(q.text)));
        label->SetFont(label->GetFont().Bold());
        label->Wrap(wrap);
        label->SetMinSize(wxSize(std::min(wrap, label->GetTextExtent(label->GetLabel().BeforeFirst('\n')).x + FromDIP(4)), -1));
        sizer->Add(label, 0, wxLEFT | wxRIGHT | wxTOP, pad);

        wxString line = wxString::Format(wxPLURAL("%d answer", "%d answers", s.answered), s.answered);
        if (q.kind == "rating" && s.answered > 0)
            line = wxString::Format(_("Mean %s / %d (%s)"), wxString::FromUTF8(locale::decimal(s.mean, 2)), q.scale_max, line);
        lines_.push_back(line);
        auto* info = new wxStaticText(this, wxID_ANY, line);
        info->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
        sizer->Add(info, 0, wxLEFT | wxRIGHT | wxTOP, pad);

        if (q.kind == "text") {
            if (s.texts.empty()) continue;
            auto* list = new wxBoxSizer(wxVERTICAL);
            for (const auto& t : s.texts) {
                auto* text = new wxStaticText(this, wxID_ANY, wxString::FromUTF8("• ") + wxString::FromUTF8(t));
                text->Wrap(wrap);
                list->Add(text, 0, wxBOTTOM, FromDIP(3));
            }
            sizer->Add(list, 0, wxLEFT | wxRIGHT | wxTOP, pad);
            continue;
        }
        if (s.answered == 0) continue;
        std::vector<ChartValue> values;
        if (q.kind == "rating") {
            for (size_t i = 0; i < s.option_counts.size(); ++i)
                values.push_back({wxString::Format("%d", q.scale_min + int(i)), double(s.option_counts[i])});
        } else {
            const auto ypn = yes_partly_no_labels();
            for (size_t i = 0; i < s.option_counts.size(); ++i) {
                wxString option = q.kind == "yes_partly_no" && i < ypn.size()
                                      ? ypn[i]
                                      : (i < q.options.size() ? wxString::FromUTF8(q.options[i]) : wxString());
                values.push_back({option, double(s.option_counts[i])});
            }
        }
        auto* chart = new ChartPanel(this, ChartPanel::Kind::Bar);
        chart->show_title(false);
        chart->set_data({}, std::move(values));
        // Several options per answer: each option's share of the respondents.
        if (q.kind == "multi_choice") chart->set_whole(s.answered);
        chart->SetMinSize(wxSize(FromDIP(480), chart->best_height(FromDIP(480))));
        sizer->Add(chart, 0, wxLEFT | wxRIGHT, pad);
    }
    Layout();
    FitInside();
    Thaw();
}

}  // namespace maillage::ui
