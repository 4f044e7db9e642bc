#include "main_frame.h"

#include "import_dialog.h"
#include "retention_dialog.h"

#include "about_dialog.h"
#include "dialogs/backups_dialog.h"
#include "dialogs/check_dialog.h"
#include "dialogs/csv_export.h"
#include "dialogs/long_work.h"
#include "first_start_assistant.h"
#include "pages/core_pages.h"
#include "preferences_dialog.h"

#include "shared-ui/messages.h"
#include "shared-ui/page_base.h"

#include "core/backup.h"
#include "core/database.h"
#include "core/paths.h"
#include "core/restore.h"
#include "core/undo.h"

#include <wx/config.h>
#include <wx/dataview.h>
#include <wx/datetime.h>
#include <wx/filedlg.h>
#include <wx/menu.h>
#include <wx/panel.h>
#include <wx/persist/toplevel.h>
#include <wx/simplebook.h>
#include <wx/sizer.h>
#include <wx/splitter.h>
#include <wx/stattext.h>
#include <wx/statusbr.h>
#include <wx/treectrl.h>

#include <algorithm>
#include <array>
#include <map>
#include <optional>
#include <system_error>

namespace maillage::ui {
namespace {

enum MenuId {
    ID_BACKUP = wxID_HIGHEST + 1,
    ID_RESTORE,
    ID_CHECK,
    ID_RETENTION,
    ID_IMPORT_INSTITUTIONS,
    ID_IMPORT_PEOPLE,
    ID_IMPORT_WORKBOOK,
    ID_SAVE_TEMPLATE,
    ID_REPORT,
    ID_BACKUPS,
    ID_EXPORT_PEOPLE,
    ID_EXPORT_INSTITUTIONS,
    ID_OPEN_DEMO,
    ID_PLUGIN_FIRST = wxID_HIGHEST + 1000,
};

class PageItemData : public wxTreeItemData {
public:
    explicit PageItemData(size_t index) : index(index) {}
    size_t index;
};

wxString u8(const std::string& s) { return wxString::FromUTF8(s); }
std::filesystem::path to_path(const wxString& s) { return std::filesystem::path(s.utf8_string()); }

}  // namespace

MainFrame::MainFrame(Suite& suite, std::string language)
    : wxFrame(nullptr, wxID_ANY, "Maillage", wxDefaultPosition, wxSize(1200, 760)), suite_(suite),
      language_(std::move(language)) {
    SetName("maillage-main");
    SetMinSize(FromDIP(wxSize(800, 500)));

    auto* outer = new wxBoxSizer(wxVERTICAL);
    // The read-only notice: a band above everything, shown only when it applies.
    notice_ = new wxPanel(this);
    notice_->SetBackgroundColour(wxColour(255, 236, 179));
    notice_text_ = new wxStaticText(notice_, wxID_ANY, wxString());
    notice_text_->SetForegroundColour(wxColour(90, 50, 0));
    auto* notice_sizer = new wxBoxSizer(wxHORIZONTAL);
    notice_sizer->Add(notice_text_, 1, wxALL | wxALIGN_CENTER_VERTICAL, 8);
    notice_->SetSizer(notice_sizer);
    notice_->Hide();
    outer->Add(notice_, 0, wxEXPAND);
    auto* splitter = new wxSplitterWindow(this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                                          wxSP_LIVE_UPDATE | wxSP_3DSASH);
    tree_ = new wxTreeCtrl(splitter, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                           wxTR_HIDE_ROOT | wxTR_HAS_BUTTONS | wxTR_NO_LINES | wxTR_FULL_ROW_HIGHLIGHT | wxTR_SINGLE);
    book_ = new wxSimplebook(splitter);
    splitter->SplitVertically(tree_, book_, FromDIP(280));
    splitter->SetMinimumPaneSize(FromDIP(120));
    outer->Add(splitter, 1, wxEXPAND);
    SetSizer(outer);
    CreateStatusBar(2);
    SetStatusWidths(2, std::array<int, 2>{-3, -2}.data());

    build_pages();
    build_menus();
    tree_->Bind(wxEVT_TREE_SEL_CHANGED, &MainFrame::on_tree_selection, this);
    Bind(wxEVT_CLOSE_WINDOW, &MainFrame::on_close, this);
    Bind(wxEVT_CHAR_HOOK, &MainFrame::on_key, this);

    // Size and position come back from the last session.
    wxPersistentRegisterAndRestore(this, "main");
    if (!entries_.empty()) show_page(entries_.front().spec.id);
}

MainFrame::~MainFrame() {
    // A frame destroyed without a close event (Destroy(), wxApp's clean-up) still
    // destroys its pages while it is whole: their lists save their column widths
    // through this UiContext, which wxFrame's destructor would call half-destroyed.
    destroy_pages();
    tree_->Unbind(wxEVT_TREE_SEL_CHANGED, &MainFrame::on_tree_selection, this);
    Unbind(wxEVT_CLOSE_WINDOW, &MainFrame::on_close, this);
    Unbind(wxEVT_CHAR_HOOK, &MainFrame::on_key, this);
}

void MainFrame::build_pages() {
    for (auto& spec : core_page_specs(suite_)) entries_.push_back(Entry{spec, _("Maillage")});
    for (const auto& p : suite_.plugins().loaded()) {
        UiContribution* ui = nullptr;
        std::vector<PageSpec> pages;
        const bool ok = guarded(this, wxString::Format(_("The plugin %s failed to declare its pages"), u8(p->info.id)),
                                [&] {
                                    ui = p->ui.get();
                                    if (!ui) return;
                                    pages = ui->pages();
                                    for (auto& item : ui->menu_items())
                                        plugin_items_.emplace_back(p->info.id, std::move(item));
                                });
        if (!ok || !ui) continue;
        std::stable_sort(pages.begin(), pages.end(), [](const PageSpec& a, const PageSpec& b) { return a.order < b.order; });
        for (auto& spec : pages) entries_.push_back(Entry{std::move(spec), u8(p->info.name), nullptr, nullptr, true, false,
                                                          p->info.id});
    }

    const wxTreeItemId root = tree_->AddRoot("root");
    wxTreeItemId group;
    wxString group_name;
    for (size_t i = 0; i < entries_.size(); ++i) {
        auto& e = entries_[i];
        if (!group.IsOk() || e.group != group_name) {
            group = tree_->AppendItem(root, e.group);
            tree_->SetItemBold(group);
            group_name = e.group;
        }
        tree_->AppendItem(group, e.spec.title, -1, -1, new PageItemData(i));
        e.holder = new wxPanel(book_);
        e.holder->SetSizer(new wxBoxSizer(wxVERTICAL));
        book_->AddPage(e.holder, e.spec.title);
    }
    tree_->ExpandAll();
}

void MainFrame::build_menus() {
    auto* file = new wxMenu;
    file->Append(wxID_NEW, _("&New database…\tCtrl+N"), _("Create an empty database file and open it"));
    file->Append(wxID_OPEN, _("&Open database…\tCtrl+O"), _("Open another database file"));
    file->Append(ID_OPEN_DEMO, _("Open the &demo"),
                 _("Open a demo database with example data, kept apart from your own database"));
    file->AppendSeparator();
    file->Append(ID_BACKUP, _("&Backup…"), _("Save a verified copy of the open database"));
    file->Append(ID_RESTORE, _("&Restore…"), _("Replace the open database by a backup"));
    file->Append(ID_BACKUPS, _("Back&ups…"), _("The backups of the open database, their state, and restoring one"));
    file->AppendSeparator();
    file->Append(ID_IMPORT_INSTITUTIONS, _("Import &institutions…"), _("Preview then import institutions from a CSV file"));
    file->Append(ID_IMPORT_PEOPLE, _("Import &people…"), _("Preview then import people from a CSV file"));
    file->Append(ID_IMPORT_WORKBOOK, _("Import a &workbook…"),
                 _("Preview then import every sheet of a filled-in import template (a year of history), or a CSV "
                   "file of one sheet"));
    file->Append(ID_SAVE_TEMPLATE, _("Save the import &template…"),
                 _("Save the workbook to fill in: one sheet per kind of record, with its columns explained"));
    auto* export_menu = new wxMenu;
    export_menu->Append(ID_EXPORT_PEOPLE, _("&People as CSV…"), _("Save the people as a CSV file for a spreadsheet"));
    export_menu->Append(ID_EXPORT_INSTITUTIONS, _("&Institutions as CSV…"),
                        _("Save the institutions as a CSV file for a spreadsheet"));
    file->AppendSubMenu(export_menu, _("&Export"));
    file->AppendSeparator();
    auto* edit = new wxMenu;
    edit->Append(wxID_UNDO, _("&Undo\tCtrl+Z"));
    edit->Append(wxID_REDO, _("&Redo\tCtrl+Shift+Z"));
    edit->AppendSeparator();
    edit->Append(wxID_CUT);
    edit->Append(wxID_COPY);
    edit->Append(wxID_PASTE);
    edit->Append(wxID_SELECTALL);
    auto* tools = new wxMenu;
    tools->Append(ID_CHECK, _("&Check the database"),
                  _("Check the file, the links between records, the history of changes and the suite's rules"));
    tools->Append(ID_RETENTION, _("&Retention of personal data…"), _("Retention periods and what is due for erasure"));
    auto* reports = new wxMenu;
    reports->Append(ID_REPORT, _("&Build a report…\tCtrl+R"), _("Open the Reports page"));
    auto* help = new wxMenu;

    std::map<std::string, wxMenu*> menus{{"file", file}, {"edit", edit}, {"tools", tools}, {"reports", reports},
                                         {"help", help}};
    for (size_t i = 0; i < plugin_items_.size(); ++i) {
        const auto& item = plugin_items_[i].second;
        auto it = menus.find(item.menu);
        wxMenu* menu = it != menus.end() ? it->second : tools;
        if (menu == edit && i == 0) menu->AppendSeparator();
        const int id = ID_PLUGIN_FIRST + static_cast<int>(i);
        menu->Append(id, item.label, item.help);
        Bind(wxEVT_MENU, [this, i](wxCommandEvent&) { run_plugin_action(i); }, id);
    }
    if (!file->GetMenuItems().empty() && !file->GetMenuItems().back()->IsSeparator()) file->AppendSeparator();
    file->Append(wxID_PREFERENCES, _("&Preferences…"), _("Language, plugin folders and plugin settings"));
    file->AppendSeparator();
    file->Append(wxID_EXIT, _("&Quit\tCtrl+Q"));
    help->Append(wxID_ABOUT, _("&About Maillage"), _("Version, plugins loaded and refused"));

    auto* bar = new wxMenuBar;
    bar->Append(file, _("&File"));
    bar->Append(edit, _("&Edit"));
    bar->Append(tools, _("&Tools"));
    bar->Append(reports, _("&Reports"));
    bar->Append(help, _("&Help"));
    SetMenuBar(bar);

    Bind(wxEVT_MENU, [this](wxCommandEvent&) { on_new(); }, wxID_NEW);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { on_open(); }, wxID_OPEN);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { on_open_demo(); }, ID_OPEN_DEMO);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { on_backup(); }, ID_BACKUP);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { on_restore(); }, ID_RESTORE);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { on_preferences(); }, wxID_PREFERENCES);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { Close(); }, wxID_EXIT);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { on_check(); }, ID_CHECK);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { on_backups(); }, ID_BACKUPS);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { on_export_csv(true); }, ID_EXPORT_PEOPLE);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { on_export_csv(false); }, ID_EXPORT_INSTITUTIONS);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) {
        if (!suite_.is_open()) return;
        RetentionDialog dialog(this, suite_.database());
        dialog.ShowModal();
        if (dialog.changed()) data_changed();
    }, ID_RETENTION);
    for (auto [id, kind] : {std::pair{ID_IMPORT_INSTITUTIONS, ImportKind::Institutions},
                            std::pair{ID_IMPORT_PEOPLE, ImportKind::People}})
        Bind(wxEVT_MENU, [this, kind = kind](wxCommandEvent&) {
            if (suite_.is_open() && run_import(this, suite_.database(), kind)) data_changed();
        }, id);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) {
        if (suite_.is_open() && run_workbook_import(this, suite_.database())) data_changed();
    }, ID_IMPORT_WORKBOOK);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) {
        if (!suite_.is_open()) return;
        if (const auto file = run_save_template(this, suite_.database()); !file.empty())
            set_status(wxString::Format(_("Saved “%s”."), file));
    }, ID_SAVE_TEMPLATE);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { show_page("core.reports"); }, ID_REPORT);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { show_about(); }, wxID_ABOUT);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { undo_or_redo(false); }, wxID_UNDO);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { undo_or_redo(true); }, wxID_REDO);
    // Every write of every page lands on the undo stack: the items follow it at idle time
    // (GTK would not open the menu for the accelerator of a disabled item).
    Bind(wxEVT_IDLE, [this](wxIdleEvent& e) {
        update_undo_items();
        e.Skip();
    });
    update_undo_items();
}

void MainFrame::update_undo_items() {
    auto* bar = GetMenuBar();
    if (!bar) return;
    const bool open = suite_.is_open();
    const auto& stack = open ? &suite_.database().undo_stack() : nullptr;
    for (const bool redo : {false, true}) {
        wxMenuItem* item = bar->FindItem(redo ? wxID_REDO : wxID_UNDO);
        if (!item) continue;
        const std::string name = !stack ? std::string() : redo ? stack->redo_label() : stack->undo_label();
        wxString label = redo ? _("&Redo") : _("&Undo");
        if (!name.empty()) {
            wxString escaped = u8(name);
            escaped.Replace("&", "&&");
            label = wxString::Format(redo ? _("&Redo: %s") : _("&Undo: %s"), escaped);
        }
        label << (redo ? "\tCtrl+Shift+Z" : "\tCtrl+Z");
        if (item->GetItemLabel() != label) item->SetItemLabel(label);
        if (item->IsEnabled() != !name.empty()) item->Enable(!name.empty());
    }
}

void MainFrame::undo_or_redo(bool redo) {
    if (!suite_.is_open()) return;
    Database& db = suite_.database();
    std::string label;
    if (!guarded(this, redo ? _("Could not redo") : _("Could not undo"),
                 [&] { label = redo ? redo_last(db) : undo_last(db); }))
        return;
    set_status(wxString::Format(redo ? _("Redone: %s") : _("Undone: %s"), u8(label)));
    // Every page shows the database as it is now, the current one at once.
    data_changed();
    if (current_ < entries_.size()) {
        entries_[current_].dirty = true;
        activate(current_);
    }
    update_undo_items();
}

void MainFrame::run_plugin_action(size_t index) {
    const auto& [plugin, item] = plugin_items_[index];
    if (disabled_plugins_.count(plugin)) {
        show_info(this, _("This plugin is disabled until Maillage restarts."));
        return;
    }
    const wxString what = wxString::Format(_("The action “%s” failed"), wxStripMenuCodes(item.label));
    if (!guarded(this, what, [&] { item.run(*this); })) disable_plugin(plugin, what);
}

void MainFrame::disable_plugin(const std::string& id, const wxString& what) {
    if (id.empty() || !disabled_plugins_.insert(id).second) return;
    suite_.plugins().disable(id, what.utf8_string());
    for (auto& e : entries_) {
        if (e.plugin != id) continue;
        e.failed = true;
        if (e.page) {
            e.page->Destroy();
            e.page = nullptr;
        }
        e.holder->GetSizer()->Clear(true);
        e.holder->GetSizer()->Add(new wxStaticText(e.holder, wxID_ANY,
                                                   _("This plugin was disabled after an error; it is back at the "
                                                     "next start.")),
                                  0, wxALL, 20);
        e.holder->Layout();
    }
    set_status(wxString::Format(_("Plugin %s disabled after an error"), u8(id)));
}

std::vector<std::string> MainFrame::page_ids() const {
    std::vector<std::string> ids;
    for (const auto& e : entries_) ids.push_back(e.spec.id);
    return ids;
}

void MainFrame::on_tree_selection(wxTreeEvent& event) {
    auto* data = dynamic_cast<PageItemData*>(tree_->GetItemData(event.GetItem()));
    if (data) activate(data->index);
}

void MainFrame::activate(size_t index) {
    Entry& e = entries_[index];
    if (!e.page && !e.failed) {
        const bool ok = guarded(this, wxString::Format(_("The page “%s” could not be opened"), e.spec.title), [&] {
            e.page = e.spec.create(e.holder, *this);
        });
        if (!ok || !e.page) {
            e.failed = true;
            if (!ok) {
                disable_plugin(e.plugin, wxString::Format(_("The page “%s” could not be opened"), e.spec.title));
                if (e.failed && !e.plugin.empty()) {
                    current_ = index;
                    book_->ChangeSelection(index);
                    return;
                }
            }
            e.holder->GetSizer()->Add(
                new wxStaticText(e.holder, wxID_ANY, _("This page could not be opened. See the error message.")), 0,
                wxALL, 20);
        } else {
            e.holder->GetSizer()->Add(e.page, 1, wxEXPAND);
            e.dirty = false;
        }
        e.holder->Layout();
    }
    if (e.page && e.dirty) {
        e.dirty = false;
        const wxString what = wxString::Format(_("The page “%s” could not be refreshed"), e.spec.title);
        if (!guarded(this, what, [&] { e.page->refresh(); })) disable_plugin(e.plugin, what);
    }
    current_ = index;
    book_->ChangeSelection(index);
    SetTitle(wxString::Format("%s — Maillage", e.spec.title));
}

void MainFrame::show_page(const std::string& id) {
    const wxTreeItemId root = tree_->GetRootItem();
    wxTreeItemIdValue c1;
    for (auto group = tree_->GetFirstChild(root, c1); group.IsOk(); group = tree_->GetNextChild(root, c1)) {
        wxTreeItemIdValue c2;
        for (auto item = tree_->GetFirstChild(group, c2); item.IsOk(); item = tree_->GetNextChild(group, c2)) {
            auto* data = dynamic_cast<PageItemData*>(tree_->GetItemData(item));
            if (!data || entries_[data->index].spec.id != id) continue;
            if (tree_->GetSelection() == item)
                activate(data->index);
            else
                tree_->SelectItem(item);  // activates through the selection event
            return;
        }
    }
}

bool MainFrame::show_page_now(const std::string& id) {
    show_page(id);
    for (size_t i = 0; i < entries_.size(); ++i)
        if (entries_[i].spec.id == id) return current_ == i && entries_[i].page && !entries_[i].failed;
    return false;
}

Database& MainFrame::database() { return suite_.database(); }

void MainFrame::data_changed() {
    for (size_t i = 0; i < entries_.size(); ++i)
        if (i != current_) entries_[i].dirty = true;
}

void MainFrame::set_status(const wxString& text) { SetStatusText(text, 0); }

wxString MainFrame::preference(const std::string& key, const wxString& fallback) {
    return wxConfigBase::Get()->Read(u8(key), fallback);
}

void MainFrame::set_preference(const std::string& key, const wxString& value) {
    wxConfigBase::Get()->Write(u8(key), value);
    wxConfigBase::Get()->Flush();
}

void MainFrame::database_opened() {
    if (!suite_.is_open()) return;
    Database& db = suite_.database();
    SetStatusText(wxString::Format(_("Database: %s"), u8(db.path().string())), 1);
    if (db.read_only()) {
        wxString why = u8(db.read_only_reason());
        if (why.empty()) why = u8(suite_.outcome().newer_than_program);
        notice_text_->SetLabel(wxString::Format(_("Read-only: %s"), why));
        notice_text_->Wrap(GetClientSize().x - FromDIP(20));
        notice_->Show();
    } else {
        notice_->Hide();
        if (suite_.outcome().backup)
            set_status(wxString::Format(_("The database was upgraded; the previous version is kept in %s"),
                                        u8(suite_.outcome().backup->string())));
    }
    Layout();
}

void MainFrame::show_about() {
    AboutDialog dialog(this, *this);
    dialog.ShowModal();
}

void MainFrame::destroy_pages() {
    // Pages (some made by plugins) go before the database they use is closed.
    for (auto& e : entries_) {
        if (e.page) e.page->Destroy();
        e.holder->DestroyChildren();
        e.page = nullptr;
        e.failed = false;
        e.dirty = true;
    }
}

void MainFrame::open_database(const std::filesystem::path& file, bool create) {
    // Only File > New database makes a file; anything else opens one that exists.
    if (!create && !std::filesystem::exists(file)) {
        show_error(this, wxString::Format(_("There is no database at %s"), u8(file.string())),
                   _("The file was moved or deleted. Open another one, or create one with File > New database."));
        return;
    }
    destroy_pages();
    try {
        suite_.open(file);
    } catch (...) {
        show_error(this, wxString::Format(_("Could not open the database %s"), u8(file.string())),
                   current_exception_message());
    }
    database_opened();
    if (current_ < entries_.size()) activate(current_);
}

void MainFrame::on_new() {
    wxFileDialog dialog(this, _("New database"), u8(data_folder().string()), "maillage.sqlite",
                        _("Maillage databases (*.sqlite)|*.sqlite|All files|*"), wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
    if (dialog.ShowModal() != wxID_OK) return;
    const auto file = to_path(dialog.GetPath());
    if (std::filesystem::exists(file)) {
        show_error(this, _("Choose a name that is not used yet: a new database starts empty."));
        return;
    }
    open_database(file, true);
    if (suite_.is_open() && guarded(this, _("The assistant failed"), [&] {
            run_first_start(this, suite_.database(), language_, false);
        })) {
        data_changed();
        if (current_ < entries_.size()) {
            entries_[current_].dirty = true;
            activate(current_);
        }
    }
}

void MainFrame::on_open_demo() {
    destroy_pages();
    const int year = wxDateTime::Today().GetYear();
    const bool ok = guarded(this, _("Could not open the demo"), [&] { open_demo(suite_, year); });
    database_opened();
    if (current_ < entries_.size()) activate(current_);
    if (ok)
        set_status(_("Demo database opened; your own database is unchanged."));
}

void MainFrame::on_open() {
    wxFileDialog dialog(this, _("Open a database"), u8(data_folder().string()), {},
                        _("Maillage databases (*.sqlite)|*.sqlite|All files|*"), wxFD_OPEN | wxFD_FILE_MUST_EXIST);
    if (dialog.ShowModal() != wxID_OK) return;
    open_database(to_path(dialog.GetPath()));
}

void MainFrame::on_backup() {
    if (!suite_.is_open()) return;
    Database& db = suite_.database();
    const auto suggested = backup_name(db.path().parent_path() / "backups", db.path(), "manual");
    std::error_code ec;
    std::filesystem::create_directories(suggested.parent_path(), ec);
    wxFileDialog dialog(this, _("Save a backup"), u8(suggested.parent_path().string()),
                        u8(suggested.filename().string()), _("Maillage databases (*.sqlite)|*.sqlite|All files|*"),
                        wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
    if (dialog.ShowModal() != wxID_OK) return;
    const auto target = to_path(dialog.GetPath());
    bool finished = false;
    // Off the window's thread, with Cancel: a stopped backup leaves no file.
    if (!guarded(this, _("The backup failed"), [&] {
            finished = backup_with_progress(this, db, target);
        }))
        return;
    set_status(finished ? wxString::Format(_("Backup saved and verified: %s"), dialog.GetPath())
                        : _("Backup stopped; no file was written."));
}

void MainFrame::on_restore() {
    if (!suite_.is_open()) return;
    const auto current = suite_.database().path();
    wxFileDialog dialog(this, _("Restore a backup"), u8((current.parent_path() / "backups").string()), {},
                        _("Maillage databases (*.sqlite)|*.sqlite|All files|*"), wxFD_OPEN | wxFD_FILE_MUST_EXIST);
    if (dialog.ShowModal() != wxID_OK) return;
    restore_from(to_path(dialog.GetPath()), true);
}

void MainFrame::restore_from(const std::filesystem::path& source, bool ask) {
    const auto current = suite_.database().path();
    const std::string problem = check_file(source);
    if (!problem.empty()) {
        show_error(this, _("This file is not a sound database and was not restored."), u8(problem));
        return;
    }
    if (ask && !confirm(this,
                        wxString::Format(_("Replace the open database\n%s\nby the backup\n%s?\n\nThe current content "
                                           "is kept as a copy beside it."),
                                         u8(current.string()), u8(source.string())),
                        _("Restore")))
        return;
    std::optional<RestoreOutcome> outcome;
    bool finished = false;
    const bool ok = guarded(this, _("The restore failed; the database was not changed"), [&] {
        // The pages (some made by plugins) and the connection go first; the core checks
        // the backup again, keeps the live file as a "before-restore" copy and swaps,
        // off the window's thread, with Cancel up to the swap.
        destroy_pages();
        suite_.close();
        outcome = restore_with_progress(this, source, current);
        finished = outcome.has_value();
    });
    open_database(current);
    if (ok && !finished)
        set_status(_("Restore stopped; the database was not changed."));
    else if (ok && outcome && outcome->replaced_copy)
        set_status(wxString::Format(_("Backup restored; the replaced database is kept in %s"),
                                    u8(outcome->replaced_copy->string())));
    else if (ok)
        set_status(_("Backup restored."));
}

void MainFrame::on_check() {
    if (!suite_.is_open()) return;
    guarded(this, _("The check could not run"), [&] {
        CheckDialog dialog(this, suite_.database(), suite_.plugins().migration_sets());
        dialog.ShowModal();
    });
}

void MainFrame::on_backups() {
    if (!suite_.is_open()) return;
    std::optional<std::filesystem::path> chosen;
    guarded(this, _("The backups could not be listed"), [&] {
        BackupsDialog dialog(this, suite_.database().path());
        if (dialog.ShowModal() == wxID_OK) chosen = dialog.chosen();
    });
    if (chosen) restore_from(*chosen, false);  // the dialog asked already
}

void MainFrame::on_export_csv(bool people) {
    if (!suite_.is_open()) return;
    wxFileDialog dialog(this, people ? _("Export the people") : _("Export the institutions"), wxString(),
                        people ? "people.csv" : "institutions.csv", _("CSV files (*.csv)|*.csv"),
                        wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
    if (dialog.ShowModal() != wxID_OK) return;
    if (guarded(this, _("The export failed"), [&] {
            export_csv_file(suite_.database(), people ? CsvExportKind::People : CsvExportKind::Institutions,
                            to_path(dialog.GetPath()));
        }))
        set_status(wxString::Format(_("Exported to %s"), dialog.GetPath()));
}

void MainFrame::on_preferences() {
    PreferencesDialog dialog(this, *this, suite_);
    if (dialog.ShowModal() == wxID_OK) set_status(_("Preferences saved."));
}

void MainFrame::on_key(wxKeyEvent& event) {
    event.Skip();
    if (current_ >= entries_.size() || !entries_[current_].page) return;
    Entry& e = entries_[current_];
    const int key = event.GetKeyCode();
    const int mods = event.GetModifiers();
    std::function<bool()> action;
    if (key == WXK_F5 && mods == wxMOD_NONE) {
        action = [&] {
            e.page->refresh();
            set_status(_("Page refreshed."));
            return true;
        };
    } else if (mods == wxMOD_CONTROL && key == 'F') {
        action = [&] { return e.page->focus_search(); };
    } else if (mods == wxMOD_CONTROL && key == 'P') {
        action = [&] { return e.page->print(); };
    } else if (mods == wxMOD_CONTROL && key == 'E') {
        action = [&] { return e.page->export_list(); };
    } else if (key == WXK_DELETE && mods == wxMOD_NONE) {
        // Only in a list: Delete in a text field or a grid keeps its own meaning.
        bool in_list = false;
        for (wxWindow* w = wxWindow::FindFocus(); w && w != e.page; w = w->GetParent())
            in_list = in_list || dynamic_cast<wxDataViewCtrl*>(w) != nullptr;
        if (in_list) action = [&] { return e.page->delete_selection(); };
    }
    if (!action) return;
    bool handled = false;
    const wxString what = wxString::Format(_("The page “%s” failed"), e.spec.title);
    if (!guarded(this, what, [&] { handled = action(); })) {
        disable_plugin(e.plugin, what);
        handled = true;
    }
    if (handled) event.Skip(false);
}

void MainFrame::on_close(wxCloseEvent& event) {
    destroy_pages();
    event.Skip();
}

}  // namespace maillage::ui
