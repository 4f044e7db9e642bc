#pragma once
// The journey-test harness: one user's work, from a database made by `maillage-cli init`
// (no demo), in the real main window with the real plugins, driven through the real
// widgets (controls found by name or label, events sent to them as a click or a
// keystroke would), with a screenshot after each step. See docs/plugin-api.md,
// "Journey tests".
#include "main_frame.h"

#include "core/suite.h"
#include "shared-ui/virtual_list.h"
#include "test_support.h"

#include <gtest/gtest.h>
#include <wx/button.h>
#include <wx/checklst.h>
#include <wx/choice.h>
#include <wx/dialog.h>
#include <wx/textctrl.h>

#include <filesystem>
#include <functional>
#include <memory>
#include <string>

namespace maillage::journey {

// Lets GTK map, lay out and paint what was shown (and run pending CallAfter).
void settle(int rounds = 12);

// ---- finding widgets --------------------------------------------------------------
// The descendant of root (root included) with this wxWindow name (SetName); fails the
// test when there is none or it is not a T.
template <class T = wxWindow>
T* named(wxWindow* root, const std::string& name) {
    wxWindow* w = wxWindow::FindWindowByName(wxString::FromUTF8(name), root);
    if (!w && root->GetName() == wxString::FromUTF8(name)) w = root;
    auto* t = dynamic_cast<T*>(w);
    EXPECT_NE(t, nullptr) << "no control named \"" << name << "\" in " << root->GetName().utf8_string();
    return t;
}
// The first descendant of root that is a T (a page's list...).
template <class T>
T* first_of(wxWindow* root) {
    for (wxWindow* child : root->GetChildren()) {
        if (auto* t = dynamic_cast<T*>(child)) return t;
        if (auto* t = first_of<T>(child)) return t;
    }
    return nullptr;
}
// The shown button whose label (mnemonic & left out) is `label`, e.g. _("&New…").
wxButton* button(wxWindow* root, const wxString& label);
// The control that follows the static text `label` ("Name:") in its sizer: how a user
// finds a field in a form.
wxWindow* field(wxWindow* root, const wxString& label);
template <class T>
T* field_as(wxWindow* root, const wxString& label) {
    auto* t = dynamic_cast<T*>(field(root, label));
    EXPECT_NE(t, nullptr) << "no field after the label \"" << label.utf8_string() << "\"";
    return t;
}

// ---- acting on widgets (each sends the event the real input would) ------------------
void click(wxButton* button);                               // fails on a hidden or disabled button
void type(wxTextCtrl* text, const wxString& value);         // the value, then wxEVT_TEXT
void type(wxWindow* root, const std::string& name, const wxString& value);
void choose(wxChoice* choice, const wxString& item);        // the item, then wxEVT_CHOICE
void check(wxCheckListBox* list, const wxString& item);     // ticks it, then wxEVT_CHECKLISTBOX
// Clicks the row whose cell in `column` reads `text` (fails when none): that row alone is
// selected, then wxEVT_DATAVIEW_SELECTION_CHANGED.
void select_row(ui::VirtualList* list, unsigned column, const wxString& text);
// Selects the row of `id` and double-clicks it (wxEVT_DATAVIEW_ITEM_ACTIVATED).
void double_click(ui::VirtualList* list, int64_t id);
// The person form (People > New…): types the first and last names and the email, and
// ticks `role` ("Staff") among the roles when given.
void fill_person(wxWindow* form, const wxString& first, const wxString& last, const wxString& email,
                 const wxString& role = {});
// Types `text` into a picker (person, institution, sector...) and chooses its one match;
// false, and a failed test, when it does not list exactly one.
template <class Picker>
bool choose_only_match(Picker* picker, const wxString& text) {
    if (!picker) {
        ADD_FAILURE() << "no picker to type \"" << text.utf8_string() << "\" into";
        return false;
    }
    picker->set_text(text);
    settle();
    EXPECT_EQ(picker->matches().size(), 1u) << "matches of \"" << text.utf8_string() << "\"";
    if (picker->matches().size() != 1u) return false;
    picker->choose(0);
    return true;
}
// In the start assistant's programmes-and-funders step: adds a programme (under the
// programme whose code is `parent`, when given) or a funder, as a user types them.
void add_programme(wxWindow* assistant, const wxString& code, const wxString& name, const wxString& parent = {});
void add_funder(wxWindow* assistant, const wxString& code, const wxString& name);
// The same, typed without clicking Add: Next adds what is typed.
void type_programme(wxWindow* assistant, const wxString& code, const wxString& name);
void type_funder(wxWindow* assistant, const wxString& code, const wxString& name);
// The start assistant's first step: the organisation's name (and the window's language
// when given, as shown: "Français"), then Next.
void assistant_organisation(wxDialog& assistant, const wxString& organisation, const wxString& language = {});
// The assistant's last steps: Next after the programmes and funders, then Finish (no import).
void assistant_finish(wxDialog& assistant);

// ---- the journey --------------------------------------------------------------------
class Journey {
public:
    // `area` names the folder of screenshots: build/screenshots/journeys/<area>/.
    // `language` is the window's language (the users work in French).
    explicit Journey(const std::string& area, const std::string& language = "fr");
    ~Journey();

    Suite& suite() { return *suite_; }
    Database& db() { return suite_->database(); }
    // How many rows `from` has: a table, with its joins and WHERE clause when given
    // ("pat_hire WHERE status = 'effective'"), as after SELECT count(*) FROM.
    int64_t count(const std::string& from) { return db().scalar_int("SELECT count(*) FROM " + from); }
    ui::MainFrame& frame() { return *frame_; }
    const std::filesystem::path& database_file() const { return database_file_; }

    // What the program does at start: the first-start hook (the assistant, driven by
    // `drive_assistant` when given), then the main window.
    void start(const std::function<void(wxDialog&)>& drive_assistant);

    // Runs `open` (a click, a menu command) that shows the modal dialog named
    // `dialog_name` (SetName), or any new modal dialog when the name is empty, and
    // drives it with `drive` while it is shown; `drive` ends by closing it (OK,
    // Cancel). Fails the test when no such dialog appears. Nests.
    void with_dialog(const std::string& dialog_name, const std::function<void()>& open,
                     const std::function<void(wxDialog&)>& drive);

    // The menu command labelled `item` in the menu `menu` of the menu bar (labels as
    // shown, with or without mnemonics), as if chosen with the mouse.
    void menu(const wxString& menu, const wxString& item);
    // The label the menu bar shows now for the command `id` (wxID_UNDO: "Annuler : Supprimer
    // Jan Peeters"), mnemonics and accelerator left out; empty and a failure when none.
    wxString menu_label(int id);
    // A key pressed in the window (`modifiers`: wxMOD_CONTROL...), as the frame receives
    // it before any control (wxEVT_CHAR_HOOK): F5, Ctrl+E, Ctrl+F...
    void press(int key_code, int modifiers = wxMOD_NONE);
    // Runs `act` with the window's questions shown as dialogs (confirm_delete,
    // refuse_delete, confirm...), for with_dialog to drive and snap; outside, the journey
    // answers them "no" and turns an error message into a failure, as it does again after.
    void asking(const std::function<void()>& act);
    // Runs `open` (a click, a key) that asks where to save with GTK's file chooser
    // (wxFileDialog, which with_dialog cannot find in time: it takes seconds to come up
    // under Xvfb), and answers it once shown: the type whose pattern matches the file's
    // extension, `file`, then Save. Returns the path the dialog gave back; fails the
    // test when no save dialog came. `title`, when given, receives the dialog's title.
    wxString save_as(const std::filesystem::path& file, const std::function<void()>& open, wxString* title = nullptr);
    // Shows a page through the navigation tree and returns it.
    wxWindow* page(const std::string& id);

    // Saves build/screenshots/journeys/<area>/NN-<step>.png of the window (the frame,
    // menu bar included, or a dialog); NN counts the steps from 01.
    void snap(const std::string& step, wxWindow* window = nullptr);

private:
    std::string area_;
    std::string language_;
    std::filesystem::path shots_;
    int step_ = 0;
    test::TempDir home_;
    std::filesystem::path database_file_;
    std::unique_ptr<Suite> suite_;
    ui::MainFrame* frame_ = nullptr;
};

}  // namespace maillage::journey
