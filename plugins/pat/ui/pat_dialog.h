#pragma once
// The plugin's small dialogs are the shared RecordDialog (labelled rows, a problem line
// and OK/Cancel; `save` runs on OK and throws to refuse), with a date row.
#include "ui/accompaniment_dialogs.h"

#include "core/error.h"
#include "shared-ui/date_pickers.h"
#include "shared-ui/dialog_frame.h"
#include "shared-ui/messages.h"

#include <functional>
#include <string>
#include <vector>

namespace maillage::pat {

using PatDialog = ui::RecordDialog;

inline ui::DatePicker* date_field(PatDialog& d, const wxString& label, const std::string& iso, bool optional = false) {
    auto* picker = d.row(label, new ui::DatePicker(&d, optional), "date");
    picker->set_iso(iso.empty() && !optional ? today_iso() : iso);
    return picker;
}

// The date typed, or throws the picker's sentence.
inline std::string date_of(ui::DatePicker* picker, const wxString& field) {
    if (!picker->problem().empty()) throw Error((field + " " + picker->problem()).utf8_string());
    return picker->iso();
}

// Copies into `value` the row of `rows` whose `key` (a member such as &Hire::id) is `id`;
// false when no row has it (it was deleted meanwhile).
template <class Row, class Key>
bool take_row(const std::vector<Row>& rows, int64_t id, Key key, Row& value) {
    for (const auto& r : rows)
        if (std::invoke(key, r) == id) {
            value = r;
            return true;
        }
    return false;
}

}  // namespace maillage::pat
