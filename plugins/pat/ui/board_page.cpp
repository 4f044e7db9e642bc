#include "ui/board_page.h"

#include "accompaniments.h"
#include "pat_rules.h"

#include "core/programmes.h"

#include <wx/choice.h>
#include <wx/intl.h>
#include <wx/listctrl.h>
#include <wx/scrolwin.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

namespace maillage::pat {

BoardPage::BoardPage(wxWindow* parent, ui::UiContext& context) : PageBase(parent, context) {
    auto* top = new wxBoxSizer(wxVERTICAL);
    auto* bar = new wxBoxSizer(wxHORIZONTAL);
    bar->Add(new wxStaticText(this, wxID_ANY, _("Funder:")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 6);
    funder_ = new wxChoice(this, wxID_ANY);
    bar->Add(funder_, 0);
    bar->AddStretchSpacer();
    bar->Add(new wxStaticText(this, wxID_ANY, _("Double-click a card to open the accompaniment.")), 0,
             wxALIGN_CENTER_VERTICAL);
    top->Add(bar, 0, wxEXPAND | wxALL, 8);
    // Six columns do not fit a narrow window: the board scrolls sideways instead of
    // cutting the cards.
    auto* scroller = new wxScrolledWindow(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxHSCROLL);
    scroller->SetScrollRate(20, 0);
    auto* cols = new wxBoxSizer(wxHORIZONTAL);
    for (const auto& phase : kPhases) {
        auto* col = new wxBoxSizer(wxVERTICAL);
        auto* title = new wxStaticText(scroller, wxID_ANY, wxString::FromUTF8(phase_label(phase)));
        title->SetFont(title->GetFont().Bold());
        col->Add(title, 0, wxBOTTOM, 4);
        auto* list = new wxListCtrl(scroller, wxID_ANY, wxDefaultPosition, wxSize(260, -1),
                                    wxLC_REPORT | wxLC_NO_HEADER | wxLC_SINGLE_SEL);
        list->SetMinSize(wxSize(260, -1));
        list->AppendColumn(wxString(), wxLIST_FORMAT_LEFT, 340);
        list->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this, list](wxListEvent& e) {
            const auto id = static_cast<long>(list->GetItemData(e.GetIndex()));
            this->context().set_preference("pat.current", wxString::Format("%ld", id));
            this->context().data_changed();  // the accompaniment page reloads on the new choice
            this->context().show_page("pat.accompaniment");
        });
        col->Add(list, 1, wxEXPAND);
        cols->Add(col, 1, wxEXPAND | wxRIGHT, 4);
        columns_.push_back(list);
    }
    scroller->SetSizer(cols);
    top->Add(scroller, 1, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, 8);
    SetSizer(top);
    funder_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { refresh(); });
    refresh();
}

void BoardPage::refresh() {
    const wxString selected = funder_->GetSelection() > 0 ? funder_->GetStringSelection() : wxString();
    funder_->Clear();
    funder_->Append(_("All funders"));
    for (const auto& f : FunderRepository(database()).list()) funder_->Append(wxString::FromUTF8(f.code));
    if (!selected.empty() && funder_->FindString(selected) != wxNOT_FOUND)
        funder_->SetStringSelection(selected);
    else
        funder_->SetSelection(0);
    AccompanimentRepository repo(database());
    const auto all = repo.list(selected.utf8_string());
    const std::string lang = context().language();
    for (size_t c = 0; c < kPhases.size(); ++c) {
        auto* list = columns_[c];
        list->DeleteAllItems();
        long row = 0;
        for (const auto& a : all) {
            if (a.phase != kPhases[c]) continue;
            const auto count = repo.session_count(a.id);
            const auto step = repo.step_reached(a.id, lang);
            // A card is four lines of one list row each: name, step, sessions, funder.
            const wxString lines[] = {
                wxString::FromUTF8(a.institution_name),
                wxString::Format(_("Step: %s"), step ? wxString::Format("%d. %s", step->position,
                                                                        wxString::FromUTF8(step->label))
                                                     : _("all done")),
                wxString::Format(_("Sessions: %d held / %d planned"), count.held, count.planned) +
                    (count.follow_up ? wxString::Format(_(", %d follow-up"), count.follow_up) : wxString()),
                wxString::Format(_("Funder: %s"), a.funder_code.empty() ? wxString("-") : wxString::FromUTF8(a.funder_code)),
            };
            for (int l = 0; l < 4; ++l) {
                const long item = list->InsertItem(row++, l == 0 ? lines[l] : "   " + lines[l]);
                list->SetItemData(item, long(a.id));
                if (l == 0) list->SetItemFont(item, list->GetFont().Bold());
            }
            const long gap = list->InsertItem(row++, wxString());
            list->SetItemData(gap, long(a.id));
        }
    }
}

}  // namespace maillage::pat
