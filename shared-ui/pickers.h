#pragma once
// Search-as-you-type pickers: a text field with a dropdown list of matches, queried from
// the repositories with a LIMIT as the user types (fast on 10,000 people), navigable with
// Up/Down/Enter/Escape, and a "Create new…" entry. Choosing an entry emits
// EVT_PICKER_CHOSEN (GetExtraLong() = the id, GetString() = the label) and calls the
// on_chosen callback.
#include <wx/event.h>
#include <wx/panel.h>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

class wxTextCtrl;
class wxPopupWindow;

namespace maillage {
class Database;
}

namespace maillage::ui {

// Sent by a SearchPicker when an entry is chosen (not for "Create new…").
wxDECLARE_EVENT(EVT_PICKER_CHOSEN, wxCommandEvent);

struct PickerItem {
    int64_t id = 0;
    wxString label;   // what the field shows once chosen
    wxString detail;  // greyed beside it: a person's current institution, a municipality
};

class MatchList;

class SearchPicker : public wxPanel {
public:
    // Returns at most `limit` matches for the typed text (all, up to limit, when empty).
    using Query = std::function<std::vector<PickerItem>(const std::string& text, int limit)>;

    SearchPicker(wxWindow* parent, Query query, const wxString& hint, int limit = 20, wxWindowID id = wxID_ANY);
    ~SearchPicker() override;

    // Adds a last entry "Create new…" that calls `create` with the typed text; the
    // callback may create the record and call set_selection().
    void set_create_new(const wxString& label, std::function<void(const wxString& typed)> create);
    void on_chosen(std::function<void(const PickerItem&)> callback) { on_chosen_ = std::move(callback); }

    std::optional<int64_t> selection() const { return selection_; }
    void set_selection(int64_t id, const wxString& label);
    void clear_selection();

    // Typing: replaces the text and runs the search, as a keystroke would.
    void set_text(const wxString& text);
    wxString text() const;
    wxTextCtrl* text_ctrl() { return text_; }

    // The matches of the last search and the highlighted row (-1: none).
    const std::vector<PickerItem>& matches() const { return matches_; }
    int highlighted() const;
    bool popup_shown() const;
    // Chooses the n-th match (n == matches().size() is "Create new…" when offered).
    void choose(size_t n);
    // What the keys do in the field: WXK_UP, WXK_DOWN, WXK_RETURN, WXK_ESCAPE.
    bool handle_key(int key_code);

private:
    void search();
    void show_popup();
    void hide_popup();
    void on_text(wxCommandEvent& event);
    void on_key(wxKeyEvent& event);
    void on_focus_lost(wxFocusEvent& event);
    size_t row_count() const;

    Query query_;
    int limit_;
    wxTextCtrl* text_ = nullptr;
    wxPopupWindow* popup_ = nullptr;
    MatchList* list_ = nullptr;
    std::vector<PickerItem> matches_;
    std::optional<int64_t> selection_;
    wxString create_label_;
    std::function<void(const wxString&)> create_;
    std::function<void(const PickerItem&)> on_chosen_;
    bool setting_text_ = false;
};

// Institutions by name, municipality or postcode; the municipality shown beside.
class InstitutionPicker : public SearchPicker {
public:
    InstitutionPicker(wxWindow* parent, Database& db, int limit = 20);
};

// People by name or email, with their institution on `date` (today by default) beside;
// `role` limits to people with that role ("facilitator"...).
class PersonPicker : public SearchPicker {
public:
    PersonPicker(wxWindow* parent, Database& db, const std::string& role = {}, const std::string& date = {},
                 int limit = 20);
};

// Sectors (not retired) by label in the UI language `language` ("fr", "nl", "en").
class SectorPicker : public SearchPicker {
public:
    SectorPicker(wxWindow* parent, Database& db, const std::string& language, int limit = 30);
};

}  // namespace maillage::ui
