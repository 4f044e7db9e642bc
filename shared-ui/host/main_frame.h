#pragma once
// The suite's window: navigation sidebar (core pages, then one group per plugin), the
// page area, menus assembled from the host's own items and the plugins' declarations,
// status bar. It is also the UiContext every page and menu action receives.
#include "shared-ui/plugin_ui.h"

#include "core/suite.h"

#include <wx/frame.h>

#include <filesystem>
#include <functional>
#include <string>
#include <set>
#include <vector>

class wxTreeCtrl;
class wxTreeEvent;
class wxSimplebook;
class wxStaticText;
class wxPanel;
class wxMenu;

namespace maillage::ui {

class PageBase;

class MainFrame : public wxFrame, public UiContext {
public:
    MainFrame(Suite& suite, std::string language);
    ~MainFrame() override;

    // UiContext
    Database& database() override;
    wxWindow* main_window() override { return this; }
    void data_changed() override;
    void set_status(const wxString& text) override;
    void show_page(const std::string& id) override;
    wxString preference(const std::string& key, const wxString& fallback = {}) override;
    void set_preference(const std::string& key, const wxString& value) override;
    std::string language() override { return language_; }

    // The ids of every page, in navigation order.
    std::vector<std::string> page_ids() const;
    // Shows the page and lets it lay out and paint; false when it could not be created.
    bool show_page_now(const std::string& id);
    // Called once the database is (re)opened: notice for read-only, status bar.
    void database_opened();
    void show_about();
    Suite& suite() { return suite_; }

private:
    struct Entry {
        PageSpec spec;
        wxString group;
        wxPanel* holder = nullptr;  // page of the book; the page is created inside on first show
        PageBase* page = nullptr;
        bool dirty = true;
        bool failed = false;
        std::string plugin;  // the plugin that contributed it; empty for core pages
    };

    void build_pages();
    void build_menus();
    void activate(size_t index);
    void destroy_pages();
    void on_tree_selection(wxTreeEvent& event);
    void on_close(wxCloseEvent& event);
    // F5, Ctrl+F, Ctrl+P, Ctrl+E and Delete, handed to the page shown (PageBase).
    void on_key(wxKeyEvent& event);
    void run_plugin_action(size_t index);
    // After a plugin failed at the boundary: it is disabled until the next start, its
    // pages are closed and its menu items do nothing (PluginLoader::disable).
    void disable_plugin(const std::string& id, const wxString& what);

    void on_new();
    void on_open();
    void on_open_demo();
    void on_backup();
    void on_restore();
    void on_preferences();
    void on_check();
    // Edit > Undo / Redo (core/undo.h): named after the change, disabled when none.
    void undo_or_redo(bool redo);
    void update_undo_items();
    void on_backups();
    void on_export_csv(bool people);
    // Restores a backup over the open database (asking first when ask is set).
    void restore_from(const std::filesystem::path& source, bool ask);
    // create: File > New database; otherwise a missing file is refused with a message.
    void open_database(const std::filesystem::path& file, bool create = false);

    Suite& suite_;
    std::string language_;
    wxTreeCtrl* tree_ = nullptr;
    wxSimplebook* book_ = nullptr;
    wxPanel* notice_ = nullptr;
    wxStaticText* notice_text_ = nullptr;
    std::vector<Entry> entries_;
    std::vector<std::pair<std::string, MenuItemSpec>> plugin_items_;  // plugin id, item
    std::set<std::string> disabled_plugins_;
    size_t current_ = static_cast<size_t>(-1);
};

}  // namespace maillage::ui
