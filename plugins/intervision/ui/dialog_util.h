#pragma once
// The intervision dialogs use the shared dialog frame (shared-ui/dialog_frame.h).
#include "cycles.h"
#include "shared-ui/dialog_frame.h"
#include "shared-ui/id_choice.h"
#include "shared-ui/list_panel.h"

#include <wx/button.h>

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace maillage::intervision {

inline wxString u8(const std::string& s) { return wxString::FromUTF8(s); }

// The "Cycle:" and "Group:" choices that open the bar of the pages showing one group of a
// cycle (evaluation, sessions).
inline void add_cycle_and_group(wxWindow* page, wxSizer* bar, ui::IdChoice*& cycle, ui::IdChoice*& group) {
    cycle = ui::add_labelled(bar, _("Cycle:"), new ui::IdChoice(page), "cycle", 8, 4);
    group = ui::add_labelled(bar, _("Group:"), new ui::IdChoice(page), "group", 12, 4);
}

// The cycles by name, as the entries of a choice.
inline std::vector<std::pair<int64_t, wxString>> cycle_items(Database& db) {
    std::vector<std::pair<int64_t, wxString>> items;
    for (const auto& c : CycleRepository(db).cycles()) items.emplace_back(c.id, u8(c.name));
    return items;
}

// The groups of cycle `cycle_id` (none for 0) by name, as the entries of a choice.
inline std::vector<std::pair<int64_t, wxString>> group_items(Database& db, int64_t cycle_id) {
    std::vector<std::pair<int64_t, wxString>> items;
    if (cycle_id)
        for (const auto& g : CycleRepository(db).groups(cycle_id)) items.emplace_back(g.id, u8(g.name));
    return items;
}

// Removes from `rows` the one selected in `list`, whose row ids are the positions in
// `rows` from 1; false when no row is selected.
template <class Row>
bool erase_selected(const ui::ListPanel* list, std::vector<Row>& rows) {
    const auto id = list->selected_id();
    if (!id) return false;
    rows.erase(rows.begin() + (*id - 1));
    return true;
}

// A dialog's small `list` (at least `min_size` DIPs) with its buttons in a column at its
// right, each running its action: the row that holds them.
inline wxBoxSizer* list_with_buttons(wxWindow* dialog, ui::ListPanel* list, wxSize min_size,
                                     const std::vector<ui::ListButton>& buttons) {
    list->SetMinSize(dialog->FromDIP(min_size));
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    row->Add(list, 1, wxEXPAND | wxRIGHT, 6);
    auto* column = new wxBoxSizer(wxVERTICAL);
    for (const auto& b : buttons) {
        auto* button = new wxButton(dialog, wxID_ANY, b.label);
        if (b.name) button->SetName(b.name);
        button->Bind(wxEVT_BUTTON, [run = b.run](wxCommandEvent&) { run(); });
        column->Add(button, 0, wxEXPAND | wxBOTTOM, 4);
    }
    row->Add(column);
    return row;
}

using ui::action_buttons;
using ui::end_layout;
using ui::FieldGrid;
using ui::problem_line;
using ui::record_or_show;
using ui::show_problem;
using ui::warning_line;

}  // namespace maillage::intervision
