#pragma once
// The intervision dialogs use the shared dialog frame (shared-ui/dialog_frame.h).
#include "shared-ui/dialog_frame.h"

#include <string>

namespace maillage::intervision {

inline wxString u8(const std::string& s) { return wxString::FromUTF8(s); }

using ui::action_buttons;
using ui::end_layout;
using ui::FieldGrid;
using ui::problem_line;
using ui::record_or_show;
using ui::show_problem;
using ui::warning_line;

}  // namespace maillage::intervision
