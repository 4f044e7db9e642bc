#pragma once
// A choice of records (a cycle, a group), each entry standing for one record: refilled
// keeping the record chosen, read as the chosen record's id. (RecordChoice is the one
// with a first entry for none.)
#include "shared-ui/record_choice.h"

#include <wx/choice.h>

#include <cstdint>
#include <utility>
#include <vector>

namespace maillage::ui {

class IdChoice : public wxChoice {
public:
    explicit IdChoice(wxWindow* parent) : wxChoice(parent, wxID_ANY) {}

    // Replaces the entries with `items` (id, label); `keep` stays chosen when it is among
    // them, else the first item is.
    void refill(const std::vector<std::pair<int64_t, wxString>>& items, int64_t keep) {
        ids_ = refill_choice(this, items, keep);
    }
    // The same, keeping the record chosen now.
    void refill(const std::vector<std::pair<int64_t, wxString>>& items) { refill(items, id()); }

    // The record chosen; 0 when there is none.
    int64_t id() const {
        const int sel = GetSelection();
        return sel == wxNOT_FOUND ? 0 : ids_[size_t(sel)];
    }
    // Chooses record `id` when it is an entry.
    void select(int64_t id) {
        for (size_t i = 0; i < ids_.size(); ++i)
            if (ids_[i] == id) SetSelection(int(i));
    }
    // The records in the order of the entries.
    const std::vector<int64_t>& ids() const { return ids_; }

private:
    std::vector<int64_t> ids_;
};

}  // namespace maillage::ui
