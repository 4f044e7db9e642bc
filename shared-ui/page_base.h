#pragma once
// The base of every page in the navigation: a panel that knows its host and reloads
// its data when shown after a change, and answers the window's keys (F5, Ctrl+F,
// Ctrl+P, Ctrl+E, Delete) for its lists.
#include "shared-ui/plugin_ui.h"

#include <wx/panel.h>

namespace maillage::ui {

class ListPanel;

class PageBase : public wxPanel {
public:
    PageBase(wxWindow* parent, UiContext& context);

    // Reloads what the page shows from the database. Called by the host when the page
    // is shown and data changed since it was last loaded, and on F5.
    virtual void refresh() = 0;

    // The keys of the window. Each returns false when the page has nothing to do it
    // with. By default they act on the current list (see current_list()).
    // Ctrl+F: puts the cursor in the search box.
    virtual bool focus_search();
    // Ctrl+P: prints the current list (a preview with its Print button).
    virtual bool print();
    // Ctrl+E: exports the rows shown of the current list (CSV or XLSX).
    virtual bool export_list();
    // Delete: deletes what is selected, after a confirmation. Pages that can delete
    // override it; the default has nothing to delete.
    virtual bool delete_selection() { return false; }

    // The list holding the keyboard focus, else the page's main list, else its first.
    ListPanel* current_list();
    // The list the keys act on when none has the focus.
    void set_main_list(ListPanel* list) { main_list_ = list; }

    UiContext& context() { return context_; }
    Database& database() { return context_.database(); }

private:
    UiContext& context_;
    ListPanel* main_list_ = nullptr;
};

}  // namespace maillage::ui
