#pragma once
// The buttons of a list of PAT records: New (its own label and name), Edit… and Delete;
// a double-click (or Enter) on a row edits it.
#include "shared-ui/list_panel.h"

#include <wx/intl.h>

#include <functional>
#include <vector>

namespace maillage::pat {

// Returns the three buttons, New first.
inline std::vector<wxButton*> add_new_edit_delete(ui::ListPanel* list, ui::ListButton add,
                                                  const std::function<void()>& edit, std::function<void()> remove) {
    auto buttons = list->add_buttons({std::move(add), {_("&Edit…"), edit}, {_("&Delete"), std::move(remove)}});
    list->on_activate(edit);
    return buttons;
}

}  // namespace maillage::pat
