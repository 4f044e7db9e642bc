#pragma once
// The list every page shows, in one piece: a search box above (matches any column as
// the user types, ignoring case and accents), an optional status choice, the count of
// rows shown, the page's buttons, then the VirtualList. Export (CSV, XLSX) and print
// take the rows shown, as the user filtered and sorted them; column widths are
// remembered per list id. Pages configure columns and rows; they do not build controls.
#include "shared-ui/virtual_list.h"

#include <wx/panel.h>

#include <functional>
#include <string>
#include <vector>

class wxButton;
class wxCheckBox;
class wxChoice;
class wxSearchCtrl;
class wxSizer;
class wxStaticText;

namespace maillage::ui {

class UiContext;

// A button of the bar above a list: its label, what it does, and optionally its name
// (how the journey tests find it) and tooltip.
struct ListButton {
    wxString label;
    std::function<void()> run;
    const char* name = nullptr;
    wxString tooltip;
};

struct ListOptions {
    std::string id;                     // "core.institutions": remembered widths, export name
    const char* name = nullptr;         // the panel's window name, how the journey tests find it
    wxString title;                     // printed above the rows and suggested as file name
    std::vector<ListColumn> columns;
    bool multiple = false;              // several rows may be selected
    bool search = true;                 // show the search box
    wxString search_hint;               // "Search name, municipality…"
    // The count above the rows, from the rows shown and the rows in total, with the
    // noun's plural forms: [](size_t shown, size_t total) { return shown == total ?
    // wxString::Format(wxPLURAL("%zu person", "%zu people", total), total) : ...; }.
    // Without it (nor count_format) the count says "rows".
    std::function<wxString(size_t shown, size_t total)> count_text;
    // Older form: "%zu of %zu institutions" (no plural forms; prefer count_text).
    wxString count_format;
    // The status choice: the first Status column is filtered on these values ("All"
    // comes first); none hides the choice.
    std::vector<wxString> statuses;
    // The list's buttons at the end of the bar (as add_buttons) and what a double-click
    // or Enter on a row does (as on_activate), declared with the list.
    std::vector<ListButton> buttons = {};
    std::function<void()> on_activate = {};
};

class ListPanel : public wxPanel {
public:
    // `context` (may be null in tests) keeps the column widths between sessions.
    ListPanel(wxWindow* parent, UiContext* context, ListOptions options);

    VirtualList* list() { return list_; }
    void set_source(std::shared_ptr<const RowSource> source);
    std::optional<int64_t> selected_id() const { return list_->selected_id(); }
    std::vector<int64_t> selected_ids() const { return list_->selected_ids(); }
    bool select_id(int64_t id) { return list_->select_id(id); }
    // The id selected; when there is none, tells the user `hint` ("Select a session first.").
    std::optional<int64_t> selected_or_say(const wxString& hint);
    void sort_by(int column, bool ascending = true) { list_->sort_by(column, ascending); }

    // A button at the end of the bar above the list.
    wxButton* add_button(const wxString& label, const wxString& tooltip = {});
    // Buttons at the end of the bar, in order, each bound to its action; returned in
    // the same order.
    std::vector<wxButton*> add_buttons(const std::vector<ListButton>& buttons);
    // What a double-click (or Enter) on a row does: usually the Edit button's action.
    void on_activate(std::function<void()> run);
    // A check box in the bar ("Show retired editions") that runs `changed` when ticked or
    // cleared: the page reads its value when it fills the list.
    wxCheckBox* add_toggle(const wxString& label, std::function<void()> changed, const char* name = nullptr);
    // The bar above the list, for controls of the page's own (a choice of group...).
    wxSizer* bar() { return bar_; }

    wxSearchCtrl* search_box() { return search_; }
    void set_search(const wxString& text);
    // Shows only rows whose status is `value` (one of options.statuses), or all for "".
    void set_status(const wxString& value);
    // The choices of the status filter, when they depend on the data.
    void set_statuses(const std::vector<wxString>& statuses);
    void focus_search();

    // Asks for a file and writes the rows shown: XLSX or CSV by the chosen type.
    // Returns false when the user cancelled or the file could not be written.
    bool export_visible();
    // Writes the rows shown to `file` (".xlsx" gives a workbook, anything else CSV).
    void export_to(const std::filesystem::path& file) const;
    // A print preview of the rows shown (with its Print button).
    void print();
    const ListOptions& options() const { return options_; }

private:
    void update_count();

    ListOptions options_;
    UiContext* context_ = nullptr;
    wxSizer* bar_ = nullptr;
    wxSearchCtrl* search_ = nullptr;
    wxChoice* status_ = nullptr;
    wxStaticText* count_ = nullptr;
    VirtualList* list_ = nullptr;
    int status_column_ = -1;
};

}  // namespace maillage::ui
