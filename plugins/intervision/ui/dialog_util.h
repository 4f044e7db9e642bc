#pragma once
// The intervision dialogs use the shared dialog frame (shared-ui/dialog_frame.h).
#include "shared-ui/dialog_frame.h"

#include <wx/choice.h>

#include <string>

namespace maillage::intervision {

inline wxString u8(const std::string& s) { return wxString::FromUTF8(s); }

// The "Cycle:" and "Group:" choices that open the bar of the pages showing one group of a
// cycle (evaluation, sessions).
inline void add_cycle_and_group(wxWindow* page, wxSizer* bar, wxChoice*& cycle, wxChoice*& group) {
    cycle = ui::add_labelled(bar, _("Cycle:"), new wxChoice(page, wxID_ANY), "cycle", 8, 4);
    group = ui::add_labelled(bar, _("Group:"), new wxChoice(page, wxID_ANY), "group", 12, 4);
}

using ui::action_buttons;
using ui::end_layout;
using ui::FieldGrid;
using ui::problem_line;
using ui::record_or_show;
using ui::show_problem;
using ui::warning_line;

}  // namespace maillage::intervision
