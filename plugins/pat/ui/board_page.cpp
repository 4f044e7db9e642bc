#include "ui/board_page.h"

#include "accompaniments.h"
#include "pat_rules.h"
#include "ui/accompaniment_dialogs.h"
#include "ui/new_request_dialog.h"

#include "shared-ui/dialog_frame.h"
#include "shared-ui/record_choice.h"

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/dnd.h>
#include <wx/intl.h>
#include <wx/listctrl.h>
#include <wx/scrolwin.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include <algorithm>

namespace maillage::pat {
namespace {

// What a dragged card carries.
constexpr char kCardPrefix[] = "maillage-pat-accompaniment:";

// A column takes the cards dropped on it; the phase change (and its questions) runs
// after the drop, once the drag is over.
class ColumnDropTarget : public wxTextDropTarget {
public:
    ColumnDropTarget(BoardPage* page, std::string phase) : page_(page), phase_(std::move(phase)) {}
    bool OnDropText(wxCoord, wxCoord, const wxString& text) override {
        wxString rest;
        long long id = 0;
        if (!text.StartsWith(kCardPrefix, &rest) || !rest.ToLongLong(&id)) return false;
        BoardPage* page = page_;
        const std::string phase = phase_;
        page->CallAfter([page, id, phase] { page->dropped(int64_t(id), phase); });
        return true;
    }

private:
    BoardPage* page_;
    std::string phase_;
};

}  // namespace

BoardPage::BoardPage(wxWindow* parent, ui::UiContext& context) : PageBase(parent, context) {
    auto* top = new wxBoxSizer(wxVERTICAL);
    auto* bar = new wxBoxSizer(wxHORIZONTAL);
    auto* request = new wxButton(this, wxID_ANY, _("&New request…"));
    request->SetName("board-new-request");
    bar->Add(request, 0, wxRIGHT, 12);
    funder_ = ui::add_labelled(bar, _("Funder:"), new wxChoice(this, wxID_ANY), "funder");
    region_ = ui::add_labelled(bar, _("Region:"), new wxChoice(this, wxID_ANY), "region");
    region_->Append(_("All regions"));
    region_->Append(_("Brussels"));
    region_->Append(_("Wallonia"));
    region_->Append(_("Flanders"));
    region_->SetSelection(0);
    top->Add(bar, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, 8);
    auto* second = new wxBoxSizer(wxHORIZONTAL);
    closed_ = new wxCheckBox(this, wxID_ANY, _("Show closed"));
    closed_->SetName("show-closed");
    second->Add(closed_, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 16);
    second->Add(new wxStaticText(this, wxID_ANY, _("Drag a card to change its phase; double-click to open it.")), 0,
                wxALIGN_CENTER_VERTICAL);
    top->Add(second, 0, wxALL, 8);
    // Six columns do not fit a narrow window: the board scrolls sideways instead of
    // cutting the cards.
    auto* scroller = new wxScrolledWindow(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxHSCROLL);
    scroller_ = scroller;
    scroller->SetScrollRate(20, 0);
    auto* cols = new wxBoxSizer(wxHORIZONTAL);
    for (const auto& phase : kPhases) {
        auto* panel = new wxPanel(scroller);
        auto* col = new wxBoxSizer(wxVERTICAL);
        auto* title = new wxStaticText(panel, wxID_ANY, wxString::FromUTF8(phase_label(phase)));
        title->SetFont(title->GetFont().Bold());
        col->Add(title, 0, wxBOTTOM, 4);
        auto* list = new wxListCtrl(panel, wxID_ANY, wxDefaultPosition, wxSize(150, -1),
                                    wxLC_REPORT | wxLC_NO_HEADER | wxLC_SINGLE_SEL);
        list->SetName("board-" + phase);
        list->SetMinSize(wxSize(150, -1));
        list->AppendColumn(wxString(), wxLIST_FORMAT_LEFT, 320);
        list->SetDropTarget(new ColumnDropTarget(this, phase));
        list->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this, list](wxListEvent& e) {
            const auto id = static_cast<long>(list->GetItemData(e.GetIndex()));
            this->context().set_preference("pat.current", wxString::Format("%ld", id));
            this->context().data_changed();  // the accompaniment page reloads on the new choice
            this->context().show_page("pat.accompaniment");
        });
        list->Bind(wxEVT_LIST_BEGIN_DRAG, [list](wxListEvent& e) {
            const auto id = static_cast<long>(list->GetItemData(e.GetIndex()));
            wxTextDataObject card(wxString::Format("%s%ld", kCardPrefix, id));
            wxDropSource source(card, list);
            source.DoDragDrop(wxDrag_DefaultMove);
        });
        col->Add(list, 1, wxEXPAND);
        panel->SetSizer(col);
        cols->Add(panel, 1, wxEXPAND | wxRIGHT, 4);
        columns_.push_back(list);
        column_panels_.push_back(panel);
    }
    scroller->SetSizer(cols);
    scroller->Bind(wxEVT_SIZE, [this](wxSizeEvent& e) {
        e.Skip();
        CallAfter([this] { fit_columns(); });
    });
    top->Add(scroller, 1, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, 8);
    SetSizer(top);
    funder_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { refresh(); });
    region_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { refresh(); });
    closed_->Bind(wxEVT_CHECKBOX, [this](wxCommandEvent&) { refresh(); });
    request->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { new_request(); });
    refresh();
}

void BoardPage::new_request() {
    NewRequestDialog dialog(this, database(), today_iso());
    if (dialog.ShowModal() != wxID_OK) return;
    context().set_preference("pat.current", wxString::Format("%lld", static_cast<long long>(dialog.created_id())));
    context().data_changed();
    refresh();
    context().set_status(_("Request recorded."));
}

void BoardPage::dropped(int64_t id, const std::string& phase) {
    const auto a = AccompanimentRepository(database()).get(id);
    if (!a || a->phase == phase) return;
    if (change_phase_dialog(this, context(), id, phase)) {
        context().data_changed();
        refresh();
        context().set_status(_("Phase changed."));
    }
}

void BoardPage::fit_columns() {
    int shown = 0;
    for (auto* p : column_panels_) shown += p->IsShown() ? 1 : 0;
    if (!shown) return;
    const int each = std::max(FromDIP(150), scroller_->GetClientSize().x / shown - 4);
    for (size_t c = 0; c < columns_.size(); ++c) {
        column_panels_[c]->SetMinSize(wxSize(each, -1));
        columns_[c]->SetMinSize(wxSize(each, -1));
        columns_[c]->SetColumnWidth(0, each - 6);
    }
    static_cast<wxScrolledWindow*>(scroller_)->FitInside();
    scroller_->Layout();
}

void BoardPage::refresh() {
    ui::fill_funder_filter(funder_, database());
    const std::string selected = ui::funder_code(funder_);
    static const char* const regions[] = {"", "brussels", "wallonia", "flanders"};
    const std::string region = regions[std::max(0, region_->GetSelection())];
    const bool show_closed = closed_->GetValue();
    AccompanimentRepository repo(database());
    const auto all = repo.list(selected);
    const std::string lang = context().language();
    for (size_t c = 0; c < kPhases.size(); ++c) {
        column_panels_[c]->Show(kPhases[c] != "closed" || show_closed);
        auto* list = columns_[c];
        list->DeleteAllItems();
        long row = 0;
        for (const auto& a : all) {
            if (a.phase != kPhases[c] || (!region.empty() && a.region != region)) continue;
            const auto count = repo.session_count(a.id);
            const auto step = repo.step_reached(a.id, lang);
            // A card is four short lines (columns are narrow): name, step reached,
            // sessions held of planned, funder.
            const wxString lines[] = {
                wxString::FromUTF8(a.institution_name),
                step ? wxString::Format("%d. %s", step->position, wxString::FromUTF8(step->label)) : _("all steps done"),
                wxString::Format(_("%d / %d sessions"), count.held, count.planned) +
                    (count.follow_up ? wxString::Format(_(", %d follow-up"), count.follow_up) : wxString()),
                a.funder_code.empty() ? _("no funder yet") : wxString::FromUTF8(a.funder_code),
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
    Layout();
    fit_columns();
}

}  // namespace maillage::pat
