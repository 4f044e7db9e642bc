#include "journey.h"

#include "first_start_assistant.h"
#include "plugin_uis.h"

#include "core/database.h"
#include "core/i18n.h"
#include "core/locale_format.h"
#include "core/paths.h"
#include "shared-ui/messages.h"
#include "shared-ui/page_base.h"

#include <wx/app.h>
#include <wx/config.h>
#include <wx/dataview.h>
#include <wx/dcmemory.h>
#include <wx/dcclient.h>
#include <wx/fileconf.h>
#include <wx/filedlg.h>
#include <wx/image.h>
#include <wx/intl.h>
#include <wx/menu.h>
#include <wx/modalhook.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/translation.h>
#include <wx/utils.h>

#include <X11/Xlib.h>
#include <X11/Xutil.h>

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <set>

namespace maillage::journey {
namespace {

std::string quoted(const std::string& s) {
    std::string q = "'";
    for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return q + "'";
}

bool same_label(const wxString& shown, const wxString& wanted) {
    return wxStripMenuCodes(shown) == wxStripMenuCodes(wanted);
}

// The sizer item right after the one holding `window`, searched through nested sizers.
wxWindow* next_in_sizer(wxSizer* sizer, wxWindow* window) {
    if (!sizer) return nullptr;
    auto& items = sizer->GetChildren();
    for (auto it = items.begin(); it != items.end(); ++it) {
        wxSizerItem* item = *it;
        if (item->GetWindow() == window) {
            for (auto next = std::next(it); next != items.end(); ++next) {
                if ((*next)->GetWindow()) return (*next)->GetWindow();
                if ((*next)->GetSizer())
                    for (auto* inner : (*next)->GetSizer()->GetChildren())
                        if (inner->GetWindow()) return inner->GetWindow();
            }
            return nullptr;
        }
        if (item->GetSizer())
            if (auto* found = next_in_sizer(item->GetSizer(), window)) return found;
    }
    return nullptr;
}

wxStaticText* label_named(wxWindow* root, const wxString& label) {
    for (wxWindow* child : root->GetChildren()) {
        if (auto* text = dynamic_cast<wxStaticText*>(child); text && same_label(text->GetLabel(), label)) return text;
        if (auto* found = label_named(child, label)) return found;
    }
    return nullptr;
}

// The pixels of a screen rectangle, read from the X server: a top-level window with
// everything GTK draws in it, menu bar and status bar included (Xvfb runs no window
// manager, so there is no title bar). Not ok when there is no X display.
wxImage read_screen(const wxRect& rect) {
    Display* display = XOpenDisplay(nullptr);
    if (!display) return {};
    XImage* x = XGetImage(display, DefaultRootWindow(display), rect.x, rect.y, unsigned(rect.width),
                          unsigned(rect.height), AllPlanes, ZPixmap);
    wxImage image;
    if (x) {
        image.Create(rect.width, rect.height, false);
        for (int row = 0; row < rect.height; ++row)
            for (int col = 0; col < rect.width; ++col) {
                const unsigned long pixel = XGetPixel(x, col, row);
                image.SetRGB(col, row, (pixel >> 16) & 0xff, (pixel >> 8) & 0xff, pixel & 0xff);
            }
        XDestroyImage(x);
    }
    XCloseDisplay(display);
    return image;
}

// The modal dialogs shown now.
std::set<wxWindow*> shown_dialogs() {
    std::set<wxWindow*> out;
    for (wxWindow* w : wxTopLevelWindows)
        if (auto* d = dynamic_cast<wxDialog*>(w); d && d->IsModal()) out.insert(d);
    return out;
}

}  // namespace

void settle(int rounds) {
    for (int i = 0; i < rounds; ++i) {
        wxTheApp->ProcessPendingEvents();
        wxTheApp->Yield(true);
        wxMilliSleep(15);
    }
}

namespace {
wxButton* find_button(wxWindow* root, const wxString& label) {
    for (wxWindow* child : root->GetChildren()) {
        if (auto* b = dynamic_cast<wxButton*>(child); b && b->IsShownOnScreen() && same_label(b->GetLabel(), label))
            return b;
        if (auto* found = find_button(child, label)) return found;
    }
    return nullptr;
}
}  // namespace

wxButton* button(wxWindow* root, const wxString& label) {
    wxButton* b = find_button(root, label);
    if (!b) ADD_FAILURE() << "no button \"" << label.utf8_string() << "\" shown in " << root->GetName().utf8_string();
    return b;
}

wxWindow* field(wxWindow* root, const wxString& label) {
    wxStaticText* text = label_named(root, label);
    if (!text) {
        ADD_FAILURE() << "no label \"" << label.utf8_string() << "\" in " << root->GetName().utf8_string();
        return nullptr;
    }
    return next_in_sizer(text->GetContainingSizer(), text);
}

void click(wxButton* b) {
    ASSERT_NE(b, nullptr);
    ASSERT_TRUE(b->IsShownOnScreen()) << "button \"" << b->GetLabel().utf8_string() << "\" is not shown";
    ASSERT_TRUE(b->IsEnabled()) << "button \"" << b->GetLabel().utf8_string() << "\" is disabled";
    wxCommandEvent event(wxEVT_BUTTON, b->GetId());
    event.SetEventObject(b);
    b->ProcessWindowEvent(event);
    settle(4);
}

void type(wxTextCtrl* text, const wxString& value) {
    ASSERT_NE(text, nullptr);
    ASSERT_TRUE(text->IsEditable());
    text->SetFocus();
    text->SetValue(value);  // sends wxEVT_TEXT, as typing does
    settle(2);
}

void type(wxWindow* root, const std::string& name, const wxString& value) { type(named<wxTextCtrl>(root, name), value); }

namespace {

// The index of `item` among the items of `items` (a choice, a check list); wxNOT_FOUND
// and a failed test when there is no such control or item.
template <class Items>
int index_of(Items* items, const wxString& item) {
    if (!items) {
        ADD_FAILURE() << "no control to pick \"" << item.utf8_string() << "\" in";
        return wxNOT_FOUND;
    }
    const int n = items->FindString(item);
    if (n == wxNOT_FOUND) ADD_FAILURE() << "no item \"" << item.utf8_string() << "\"";
    return n;
}

// What the control sends once the user has picked its item `n` (`text`, when the event
// carries it).
void send_picked(wxWindow* control, wxEventType type, int n, const wxString& text = {}) {
    wxCommandEvent event(type, control->GetId());
    event.SetEventObject(control);
    event.SetInt(n);
    if (!text.empty()) event.SetString(text);
    control->ProcessWindowEvent(event);
    settle(2);
}

}  // namespace

void choose(wxChoice* c, const wxString& item) {
    const int n = index_of(c, item);
    if (n == wxNOT_FOUND) return;
    c->SetSelection(n);
    send_picked(c, wxEVT_CHOICE, n, item);
}

void double_click(ui::VirtualList* list, int64_t id) {
    ASSERT_NE(list, nullptr);
    list->select_id(id);
    wxDataViewEvent activated(wxEVT_DATAVIEW_ITEM_ACTIVATED, list, list->GetSelection());
    list->ProcessWindowEvent(activated);
}

void fill_person(wxWindow* form, const wxString& first, const wxString& last, const wxString& email,
                 const wxString& role) {
    type(field_as<wxTextCtrl>(form, _("First name:")), first);
    type(field_as<wxTextCtrl>(form, _("Last name:")), last);
    type(field_as<wxTextCtrl>(form, _("Email:")), email);
    if (!role.empty()) check(field_as<wxCheckListBox>(form, _("Roles:")), role);
}

void type_programme(wxWindow* assistant, const wxString& code, const wxString& name) {
    type(assistant, "programme-code", code);
    type(assistant, "programme-name", name);
}

void type_funder(wxWindow* assistant, const wxString& code, const wxString& name) {
    type(assistant, "funder-code", code);
    type(assistant, "funder-name", name);
}

void add_programme(wxWindow* assistant, const wxString& code, const wxString& name, const wxString& parent) {
    type_programme(assistant, code, name);
    if (!parent.empty()) choose(named<wxChoice>(assistant, "programme-parent"), parent);
    click(named<wxButton>(assistant, "programme-add"));
}

void add_funder(wxWindow* assistant, const wxString& code, const wxString& name) {
    type_funder(assistant, code, name);
    click(named<wxButton>(assistant, "funder-add"));
}

void assistant_organisation(wxDialog& assistant, const wxString& organisation, const wxString& language) {
    type(&assistant, "organisation", organisation);
    if (!language.empty()) choose(named<wxChoice>(&assistant, "language"), language);
    click(named<wxButton>(&assistant, "next"));
}

void assistant_finish(wxDialog& assistant) {
    click(named<wxButton>(&assistant, "next"));
    click(named<wxButton>(&assistant, "finish"));
}

void check(wxCheckListBox* list, const wxString& item) {
    const int n = index_of(list, item);
    if (n == wxNOT_FOUND) return;
    list->Check(n);
    send_picked(list, wxEVT_CHECKLISTBOX, n);
}

void select_row(ui::VirtualList* list, unsigned column, const wxString& text) {
    ASSERT_NE(list, nullptr);
    for (size_t row = 0; row < list->shown_count(); ++row) {
        if (list->text_at(row, column) != text) continue;
        list->select_id(list->id_at(row));
        wxDataViewEvent changed(wxEVT_DATAVIEW_SELECTION_CHANGED, list, list->GetSelection());
        list->ProcessWindowEvent(changed);
        settle(4);
        return;
    }
    ADD_FAILURE() << "no row shows \"" << text.utf8_string() << "\" in column " << column;
}

Journey::Journey(const std::string& area, const std::string& language) : area_(area), language_(language) {
    shots_ = std::filesystem::path(MAILLAGE_JOURNEY_SCREENSHOT_DIR) / area;
    std::filesystem::remove_all(shots_);
    std::filesystem::create_directories(shots_);
    // The user's folders are a temporary home: nothing of the real user's is touched.
    setenv("XDG_DATA_HOME", (home_ / "data").c_str(), 1);
    setenv("XDG_CONFIG_HOME", (home_ / "config").c_str(), 1);
    unsetenv("MAILLAGE_DB");
    unsetenv("MAILLAGE_PLUGIN_PATH");
    std::filesystem::create_directories(config_folder());
    delete wxConfigBase::Set(new wxFileConfig("maillage", {}, wxString::FromUTF8((config_folder() / "settings.ini").string()),
                                              {}, wxCONFIG_USE_LOCAL_FILE));

    // The database as a new user gets it: `maillage-cli init`, without demo.
    database_file_ = home_ / "data" / "maillage" / "maillage.sqlite";
    std::filesystem::create_directories(database_file_.parent_path());
    const std::string cmd = "env LANGUAGE= LC_ALL=C.UTF-8 " + quoted((test::build_bin_dir() / "maillage-cli").string()) +
                            " --db " + quoted(database_file_.string()) + " init >/dev/null";
    EXPECT_EQ(std::system(cmd.c_str()), 0) << cmd;

    // Translations as the window installs them, in the users' language.
    auto* translations = new wxTranslations();
    wxTranslations::Set(translations);
    wxFileTranslationsLoader::AddCatalogLookupPathPrefix(wxString::FromUTF8(locale_folder().string()));
    translations->SetLanguage(wxString::FromUTF8(language));
    translations->AddStdCatalog();
    translations->AddCatalog("maillage-ui");
    translations->AddCatalog("maillage-core");
    set_language(language);  // dates and numbers as the window shows them (app.cpp does the same)
    set_translator([](const char* msgid) { return wxGetTranslation(wxString::FromUTF8(msgid)).utf8_string(); });
    set_plural_translator([](const char* singular, const char* plural, unsigned long n) {
        return wxGetTranslation(wxString::FromUTF8(singular), wxString::FromUTF8(plural), unsigned(n)).utf8_string();
    });

    // The plugins as the window loads them: each logic module with its window module.
    suite_ = std::make_unique<Suite>(std::vector<std::filesystem::path>{test::build_plugin_dir()},
                                     std::filesystem::path{}, PluginLoader::CrashedPluginQuestion{},
                                     PluginModules::LogicAndUi);
    EXPECT_GE(suite_->plugins().loaded().size(), 4u) << "the real plugins were not found in "
                                                     << test::build_plugin_dir();
    for (const auto& p : suite_->plugins().loaded())
        if (!p->plugin->translation_domain().empty())
            translations->AddCatalog(wxString::FromUTF8(p->plugin->translation_domain()));
    suite_->plugins().refresh_info();
    ui::create_plugin_uis(suite_->plugins());
    for (const auto& refused : suite_->plugins().refused())
        ADD_FAILURE() << "plugin module refused: " << refused.file << ": " << refused.reason;
    for (const auto& p : suite_->plugins().loaded())
        EXPECT_TRUE(p->ui_file.empty() || p->ui) << "the window module of " << p->info.id << " did not start";
    suite_->open(database_file_);
}

Journey::~Journey() {
    if (frame_) {
        frame_->Close(true);  // destroys the pages, then the frame (at idle time)
        settle();
    }
    suite_.reset();
    set_translator(nullptr);
    set_plural_translator(nullptr);
    delete wxConfigBase::Set(nullptr);
}

void Journey::start(const std::function<void(wxDialog&)>& drive_assistant) {
    if (drive_assistant)
        with_dialog("first-start", [&] { ui::run_first_start(nullptr, db(), language_, true); }, drive_assistant);
    frame_ = new ui::MainFrame(*suite_, language_);
    frame_->SetPosition(wxPoint(0, 0));
    frame_->SetSize(frame_->FromDIP(wxSize(1200, 760)));
    frame_->Show();
    frame_->Raise();
    frame_->database_opened();
    settle();
}

namespace {
// What a wait for a dialog shares with its polls; polls still queued after the wait
// ended (the dialog never came) find `over` set and stop.
struct DialogWait {
    std::set<wxWindow*> before;
    std::string name;
    std::function<void(wxDialog&)> drive;
    bool driven = false, over = false;
    int attempts = 0;
};

void poll(const std::shared_ptr<DialogWait>& wait) {
    if (wait->over) return;
    for (wxWindow* w : shown_dialogs()) {
        if (wait->before.count(w) || (!wait->name.empty() && w->GetName() != wxString::FromUTF8(wait->name)))
            continue;
        auto* d = static_cast<wxDialog*>(w);
        wait->driven = true;
        settle();
        wait->drive(*d);
        if (d->IsModal()) {
            ADD_FAILURE() << "the journey left the dialog \"" << wait->name << "\" open: cancelled";
            d->EndModal(wxID_CANCEL);
        }
        return;
    }
    if (++wait->attempts > 250) {  // about 5 s
        ADD_FAILURE() << "no dialog \"" << wait->name << "\" appeared";
        for (wxWindow* w : shown_dialogs())
            if (!wait->before.count(w)) static_cast<wxDialog*>(w)->EndModal(wxID_CANCEL);
        return;
    }
    wxMilliSleep(20);
    wxTheApp->CallAfter([wait] { poll(wait); });
}
}  // namespace

void Journey::with_dialog(const std::string& dialog_name, const std::function<void()>& open,
                          const std::function<void(wxDialog&)>& drive) {
    // The poll runs from the event loop the modal dialog runs, while it is shown.
    auto wait = std::make_shared<DialogWait>();
    wait->before = shown_dialogs();
    wait->name = dialog_name;
    wait->drive = drive;
    wxTheApp->CallAfter([wait] { poll(wait); });
    open();
    wait->over = true;
    EXPECT_TRUE(wait->driven) << "the dialog \"" << dialog_name << "\" was not shown";
    settle();
}

void Journey::menu(const wxString& menu_label, const wxString& item_label) {
    wxMenuBar* bar = frame_->GetMenuBar();
    ASSERT_NE(bar, nullptr);
    const int id = bar->FindMenuItem(wxStripMenuCodes(menu_label), wxStripMenuCodes(item_label));
    ASSERT_NE(id, wxNOT_FOUND) << "no menu item " << menu_label.utf8_string() << " > " << item_label.utf8_string();
    ASSERT_TRUE(bar->IsEnabled(id));
    wxCommandEvent event(wxEVT_MENU, id);
    event.SetEventObject(frame_);
    frame_->ProcessWindowEvent(event);
    settle();
}

wxString Journey::menu_label(int id) {
    // The window updates its Undo and Redo items at idle time.
    wxIdleEvent idle;
    frame_->ProcessWindowEvent(idle);
    wxMenuItem* item = frame_->GetMenuBar() ? frame_->GetMenuBar()->FindItem(id) : nullptr;
    EXPECT_NE(item, nullptr) << "no menu item with id " << id;
    return item ? item->GetItemLabelText() : wxString();
}

void Journey::press(int key_code, int modifiers) {
    wxKeyEvent event(wxEVT_CHAR_HOOK);
    event.SetEventObject(frame_);
    event.m_keyCode = key_code;
    event.m_controlDown = (modifiers & wxMOD_CONTROL) != 0;
    event.m_shiftDown = (modifiers & wxMOD_SHIFT) != 0;
    event.m_altDown = (modifiers & wxMOD_ALT) != 0;
    frame_->ProcessWindowEvent(event);
    settle();
}

void Journey::asking(const std::function<void()>& act) {
    ui::set_non_interactive(nullptr);
    act();
    // As journey_main.cpp sets it for the whole run.
    ui::set_non_interactive([](const wxString& message) { ADD_FAILURE() << "error shown: " << message.utf8_string(); });
}

namespace {
// Finds the file chooser through wxWidgets' modal dialog hook, then answers it from the
// event loop it runs.
class SaveAs : public wxModalDialogHook {
public:
    explicit SaveAs(std::filesystem::path file) : file_(std::move(file)) { Register(); }
    int asked = 0;
    wxString title, path;

protected:
    int Enter(wxDialog* dialog) override {
        auto* save = dynamic_cast<wxFileDialog*>(dialog);
        // GTK's wxFileDialog::ShowModal calls the hook, then wxDialog::ShowModal again.
        if (!save || save == seen_) return wxID_NONE;
        seen_ = save;
        ++asked;
        title = save->GetMessage();
        wxTheApp->CallAfter([this, save] { answer(save, 0); });
        return wxID_NONE;  // shown as usual
    }
    void Exit(wxDialog*) override {}

private:
    void answer(wxFileDialog* save, int attempts) {
        if (!(save->IsShown() && save->IsModal())) {
            if (attempts > 1500) {  // about 30 s
                ADD_FAILURE() << "the save dialog never showed";
                return;
            }
            wxMilliSleep(20);
            wxTheApp->CallAfter([this, save, attempts] { answer(save, attempts + 1); });
            return;
        }
        settle();
        // "Excel workbook (*.xlsx)|*.xlsx|CSV file (*.csv)|*.csv": the type of the file.
        const wxArrayString parts = wxSplit(save->GetWildcard(), '|');
        const wxString pattern = "*" + wxString::FromUTF8(file_.extension().string());
        for (size_t k = 1; k < parts.size(); k += 2)
            if (wxSplit(parts[k], ';').Index(pattern) != wxNOT_FOUND) {
                save->SetFilterIndex(static_cast<int>(k / 2));
                break;
            }
        save->SetPath(wxString::FromUTF8(file_.string()));
        settle();
        path = save->GetPath();
        save->EndModal(wxID_OK);
    }

    std::filesystem::path file_;
    wxFileDialog* seen_ = nullptr;
};
}  // namespace

wxString Journey::save_as(const std::filesystem::path& file, const std::function<void()>& open, wxString* title) {
    SaveAs answer(file);
    open();
    settle();
    EXPECT_EQ(answer.asked, 1) << "no save dialog asked where to write " << file;
    if (title) *title = answer.title;
    return answer.path;
}

namespace {
// The page shown now: pages stay alive once visited, hidden in the book.
ui::PageBase* shown_page(wxWindow* root) {
    for (wxWindow* child : root->GetChildren()) {
        if (auto* p = dynamic_cast<ui::PageBase*>(child); p && p->IsShownOnScreen()) return p;
        if (auto* p = shown_page(child)) return p;
    }
    return nullptr;
}
}  // namespace

wxWindow* Journey::page(const std::string& id) {
    EXPECT_TRUE(frame_->show_page_now(id)) << "page " << id;
    settle();
    ui::PageBase* p = shown_page(frame_);
    EXPECT_NE(p, nullptr) << "page " << id << " is not shown";
    return p;
}

void Journey::snap(const std::string& step, wxWindow* window) {
    if (!window) window = frame_;
    ASSERT_NE(window, nullptr);
    window->Raise();
    window->Refresh();
    window->Update();
    settle();
    wxImage image = read_screen(window->GetScreenRect());
    if (!image.IsOk()) {
        // No X display to read: the window's client area as wx draws it.
        const wxSize size = window->GetClientSize();
        wxBitmap bitmap(size, 24);
        {
            wxMemoryDC memory(bitmap);
            wxClientDC source(window);
            memory.Blit(0, 0, size.x, size.y, &source, 0, 0);
        }
        image = bitmap.ConvertToImage();
    }
    char number[8];
    std::snprintf(number, sizeof number, "%02d", ++step_);
    const auto file = shots_ / (std::string(number) + "-" + step + ".png");
    EXPECT_TRUE(image.SaveFile(wxString::FromUTF8(file.string()), wxBITMAP_TYPE_PNG)) << file;
}

}  // namespace maillage::journey
