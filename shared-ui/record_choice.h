#pragma once
// Choices of reference records, the same in every dialog and filter: the funders or the
// programmes as "name (code)" after a first entry for none, or the funders by name with
// "All funders" first for a page's filter.
#include "shared-ui/fwd.h"

#include <wx/choice.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace maillage::ui {

// A wxChoice whose entries after the first stand for records; the first says "none".
class RecordChoice : public wxChoice {
public:
    RecordChoice(wxWindow* parent, const wxString& none);
    // Replaces the entries with `none` then `records` (id, label); selects `current`.
    void set_records(const std::vector<std::pair<int64_t, wxString>>& records, std::optional<int64_t> current);
    // The record chosen, nullopt for the first entry.
    std::optional<int64_t> chosen() const;
    void select(std::optional<int64_t> id);

private:
    wxString none_;
    std::vector<int64_t> ids_;
};

// Fills `choice` with `items` (id, label) and returns their ids in its order; `keep`
// stays selected when it is among them, else the first item is.
std::vector<int64_t> refill_choice(wxChoice* choice, const std::vector<std::pair<int64_t, wxString>>& items,
                                   int64_t keep);

// The active funders, "name (code)", after `none`; `current` selected.
RecordChoice* funder_choice(wxWindow* parent, Database& db, const wxString& none, std::optional<int64_t> current);
// The active programmes, "name (code)", after `none`; `current` selected.
RecordChoice* programme_choice(wxWindow* parent, Database& db, const wxString& none, std::optional<int64_t> current);

// A page's funder filter: "All funders", then each funder's name; refilling keeps the
// funder chosen. funder_code() is the chosen one's code, "" for all.
void fill_funder_filter(wxChoice* choice, Database& db);
std::string funder_code(const wxChoice* choice);

}  // namespace maillage::ui
