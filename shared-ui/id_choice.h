#pragma once
// A choice of records (a cycle, a group), each entry standing for one record: refilled
// keeping the record chosen, read as the chosen record's id. (RecordChoice is the one
// with a first entry for none.) And a list of records to tick (the sectors of an
// institution, who was present), read as the ids ticked.
#include "shared-ui/record_choice.h"

#include <wx/checklst.h>
#include <wx/choice.h>

#include <algorithm>
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

class IdCheckList : public wxCheckListBox {
public:
    IdCheckList(wxWindow* parent, const wxSize& size) : wxCheckListBox(parent, wxID_ANY, wxDefaultPosition, size) {}

    // Adds record `id` as the last entry, `label`, ticked or not.
    void add(int64_t id, const wxString& label, bool ticked = false) {
        ids_.push_back(id);
        Check(unsigned(Append(label)), ticked);
    }
    // Removes every entry.
    void clear() {
        Clear();
        ids_.clear();
    }
    // Ticks record `id`, or clears it, when it is an entry.
    void tick(int64_t id, bool ticked) {
        for (size_t i = 0; i < ids_.size(); ++i)
            if (ids_[i] == id) Check(unsigned(i), ticked);
    }
    bool has(int64_t id) const { return std::find(ids_.begin(), ids_.end(), id) != ids_.end(); }
    bool is_ticked(int64_t id) const {
        for (size_t i = 0; i < ids_.size(); ++i)
            if (ids_[i] == id) return IsChecked(unsigned(i));
        return false;
    }
    // The records ticked, in the order of the entries.
    std::vector<int64_t> ticked() const {
        std::vector<int64_t> out;
        for (size_t i = 0; i < ids_.size(); ++i)
            if (IsChecked(unsigned(i))) out.push_back(ids_[i]);
        return out;
    }
    // The records in the order of the entries.
    const std::vector<int64_t>& ids() const { return ids_; }

private:
    std::vector<int64_t> ids_;
};

}  // namespace maillage::ui
