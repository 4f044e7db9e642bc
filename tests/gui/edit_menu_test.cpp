// The window's Edit > Undo / Redo over the core's undo stack: the real MainFrame (no
// plugins, an in-memory database; the People page's list is its ListPanel "core.people"), its menu items read and fired as a user would (menu
// events, and Ctrl+Z / Ctrl+Shift+Z through wxUIActionSimulator), the page on show
// refreshed. Screenshots land in build/screenshots/dialogs/. Runs under Xvfb.
#include "gui_test_support.h"

#include "shared-ui/host/main_frame.h"

#include "shared-ui/list_panel.h"
#include "shared-ui/messages.h"
#include "shared-ui/virtual_list.h"

#include "core/audit.h"
#include "core/people.h"
#include "core/suite.h"
#include "core/undo.h"

#include <gtest/gtest.h>
#include <wx/app.h>
#include <wx/dcclient.h>
#include <wx/dcmemory.h>
#include <wx/image.h>
#include <wx/init.h>
#include <wx/menu.h>
#include <wx/statusbr.h>
#include <wx/uiaction.h>
#include <wx/utils.h>

#include <clocale>
#include <cstdio>
#include <filesystem>

using namespace maillage;
using namespace maillage::ui;

namespace {

void settle() { maillage::test::settle_gui(15); }

void snap(wxWindow* window, const std::string& name) {
    maillage::test::snap_client(window, MAILLAGE_DIALOG_SCREENSHOT_DIR, name, 15);
}

// The rows of the shown list panel `id` ("core.people": the People page's list of
// people, not its Participations list), or -1 when none is shown.
long listed(wxWindow* window, const std::string& id = "core.people") {
    if (auto* panel = dynamic_cast<ListPanel*>(window); panel && panel->options().id == id)
        return static_cast<long>(panel->list()->total_count());
    for (wxWindow* child : window->GetChildren())
        if (child->IsShownOnScreen())
            if (const long n = listed(child, id); n >= 0) return n;
    return -1;
}

void fire(wxFrame* frame, int id) {
    wxCommandEvent e(wxEVT_MENU, id);
    e.SetEventObject(frame);
    frame->ProcessWindowEvent(e);
}

TEST(EditMenu, UndoAndRedoAreNamedAfterTheChangeDisabledWhenNoneAndRefreshThePage) {
    Suite suite({});
    suite.open_in_memory();
    Database& db = suite.database();
    // A change made before the window opened is still on the connection's stack.
    Person p;
    p.first_name = "Leila";
    p.last_name = "Benali";
    PersonRepository(db).create(p);
    auto* frame = new MainFrame(suite, "en");
    frame->Show();
    frame->database_opened();
    ASSERT_TRUE(frame->show_page_now("core.people"));
    settle();
    EXPECT_EQ(listed(frame), 1);
    wxMenuBar* bar = frame->GetMenuBar();
    wxMenuItem* undo = bar->FindItem(wxID_UNDO);
    wxMenuItem* redo = bar->FindItem(wxID_REDO);
    ASSERT_TRUE(undo && redo);
    EXPECT_TRUE(undo->IsEnabled());
    EXPECT_EQ(undo->GetItemLabel(), "&Undo: Create Leila Benali\tCtrl+Z");
    EXPECT_FALSE(redo->IsEnabled());
    EXPECT_EQ(redo->GetItemLabel(), "&Redo\tCtrl+Shift+Z");

    fire(frame, wxID_UNDO);
    settle();
    EXPECT_EQ(PersonRepository(db).count(), 0);
    EXPECT_EQ(frame->GetStatusBar()->GetStatusText(0), "Undone: Create Leila Benali");
    EXPECT_FALSE(undo->IsEnabled());
    EXPECT_TRUE(redo->IsEnabled());
    EXPECT_EQ(redo->GetItemLabel(), "&Redo: Create Leila Benali\tCtrl+Shift+Z");
    EXPECT_EQ(listed(frame), 0);  // the page on show was refreshed
    snap(frame, "edit_undo_people_page");

    fire(frame, wxID_REDO);
    settle();
    EXPECT_EQ(PersonRepository(db).count(), 1);
    EXPECT_EQ(frame->GetStatusBar()->GetStatusText(0), "Redone: Create Leila Benali");
    EXPECT_EQ(listed(frame), 1);
    EXPECT_EQ(undo->GetItemLabel(), "&Undo: Create Leila Benali\tCtrl+Z");

    // The keys, as typed.
    frame->Raise();
    frame->SetFocus();
    settle();
    wxUIActionSimulator sim;
    sim.Char('z', wxMOD_CONTROL);
    settle();
    EXPECT_EQ(PersonRepository(db).count(), 0);
    EXPECT_FALSE(undo->IsEnabled());  // nothing left to undo
    sim.Char('z', wxMOD_CONTROL | wxMOD_SHIFT);
    settle();
    EXPECT_EQ(PersonRepository(db).count(), 1);

    EXPECT_EQ(verify_audit_chain(db), "");
    EXPECT_EQ(db.scalar_int("SELECT count(*) FROM audit_log WHERE action IN ('undo', 'redo')"), 4);
    frame->Destroy();
    settle();
}

}  // namespace

int main(int argc, char** argv) { return maillage::test::run_gui_tests(argc, argv, {.utf8_locale = true, .fail_on_errors = true}); }
