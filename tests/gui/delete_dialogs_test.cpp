// Deleting and merging from the core pages, through the real dialogs: the confirmation
// (confirm_delete), the refusal with its ways out (refuse_delete) and the merge dialog
// with its person picker, each found by name while it is shown modally, captured as a PNG
// under build/screenshots/dialogs/ and answered with the button a user would click. The
// outcome is checked in the database, then undone through the core's undo stack.
// Runs under Xvfb (CTest wraps it in xvfb-run).
#include "shared-ui/host/pages/record_actions.h"

#include "shared-ui/messages.h"
#include "shared-ui/pickers.h"

#include "core/audit.h"
#include "core/institutions.h"
#include "core/people.h"
#include "core/sectors.h"
#include "core/sessions.h"
#include "core/undo.h"
#include "gui_test_support.h"
#include "test_support.h"

#include <gtest/gtest.h>
#include <wx/app.h>
#include <wx/button.h>
#include <wx/dcclient.h>
#include <wx/dcmemory.h>
#include <wx/dialog.h>
#include <wx/frame.h>
#include <wx/image.h>
#include <wx/init.h>
#include <wx/stattext.h>
#include <wx/timer.h>
#include <wx/utils.h>

#include <clocale>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>

using namespace maillage;
using namespace maillage::ui;

namespace {

void settle() { maillage::test::settle_gui(10); }

// The dialog's client area as a PNG; fails the test when it is blank.
void snap(wxWindow* window, const std::string& name) {
    const auto file = maillage::test::snap_client(window, MAILLAGE_DIALOG_SCREENSHOT_DIR, name);
    EXPECT_GT(std::filesystem::file_size(file), 2000u) << file << " looks blank";
}

// Runs `act` on the top-level window named `name` once it is shown (inside its modal
// loop). A dialog that never comes fails the test and ends the program, which would
// otherwise wait for a click forever.
class When : public wxTimer {
public:
    When(std::string name, std::function<void(wxDialog*)> act) : name_(std::move(name)), act_(std::move(act)) {
        Start(50);
    }
    void Notify() override {
        auto* w = dynamic_cast<wxDialog*>(wxWindow::FindWindowByName(name_));
        if (w && w->IsShown() && w->IsModal()) {
            Stop();
            act_(w);
            return;
        }
        if (++ticks_ > 200) {
            std::fprintf(stderr, "the dialog %s never showed\n", name_.c_str());
            std::_Exit(1);
        }
    }

private:
    std::string name_;
    std::function<void(wxDialog*)> act_;
    int ticks_ = 0;
};

void click(wxWindow* dialog, const char* button) {
    auto* b = dynamic_cast<wxButton*>(dialog->FindWindow(button));
    ASSERT_TRUE(b) << button;
    ASSERT_TRUE(b->IsEnabled()) << button;
    wxCommandEvent e(wxEVT_BUTTON, b->GetId());
    e.SetEventObject(b);
    b->GetEventHandler()->ProcessEvent(e);
}

wxString text_of(wxWindow* dialog, const char* name) {
    auto* t = dynamic_cast<wxStaticText*>(dialog->FindWindow(name));
    return t ? t->GetLabel() : wxString();
}

// What a user does with a message dialog: reads its message (into `said`), is pictured
// as `shot`, then clicks `button`.
std::function<void(wxDialog*)> read_snap_click(wxString& said, std::string shot, const char* button) {
    return [&said, shot = std::move(shot), button](wxDialog* d) {
        said = text_of(d, "message");
        snap(d, shot);
        click(d, button);
    };
}

using test::TestContext;

struct DeleteDialogs : ::testing::Test {
    std::unique_ptr<Database> db = test::memory_db();
    wxFrame* frame = new wxFrame(nullptr, wxID_ANY, "People", wxDefaultPosition, wxSize(900, 600));
    TestContext context;

    DeleteDialogs() {
        context.db = db.get();
        context.frame = frame;
        frame->Show();
        settle();
    }
    ~DeleteDialogs() override {
        frame->Destroy();
        settle();
    }
    int64_t institution(const std::string& name) { return test::add_institution(*db, {.name = name}, {"homeless"}); }
    int64_t person(const std::string& first, const std::string& last, const std::string& email,
                   std::optional<int64_t> works_at = {}) {
        return test::add_person(*db, {.first_name = first, .last_name = last, .email = email, .roles = {"worker"}},
                                works_at);
    }
    void attend(int64_t person_id, const std::string& date) {
        Session s;
        s.kind = "test";
        s.title = "Intervision";
        s.date = date;
        Attendance a;
        a.session_id = SessionRepository(*db).create(s);
        a.person_id = person_id;
        a.status = "present";
        SessionRepository(*db).record(a);
    }
};

TEST_F(DeleteDialogs, TheConfirmationSaysWhatGoesWithThePersonAndDeleteIsUndone) {
    const auto cpas = institution("CPAS d'Ixelles");
    const auto leila = person("Leila", "Benali", "leila@example.org", cpas);
    wxString said;
    When when("confirm_delete", read_snap_click(said, "confirm_delete_person", "delete"));
    EXPECT_TRUE(delete_person_asked(frame, context, leila));
    EXPECT_NE(said.Find("employments: 1"), wxNOT_FOUND) << said;
    EXPECT_NE(said.Find("roles: 1"), wxNOT_FOUND) << said;
    EXPECT_NE(said.Find("Undo"), wxNOT_FOUND) << said;
    EXPECT_FALSE(PersonRepository(*db).get(leila));
    EXPECT_EQ(context.changes, 1);
    EXPECT_EQ(db->undo_stack().undo_label(), "Delete Leila Benali");
    undo_last(*db);
    EXPECT_EQ(PersonRepository(*db).get(leila)->display_name(), "Leila Benali");
    EXPECT_EQ(PersonRepository(*db).employments(leila).size(), 1u);
}

TEST_F(DeleteDialogs, CancelKeepsThePerson) {
    const auto leila = person("Leila", "Benali", "leila@example.org");
    When when("confirm_delete", [&](wxDialog* d) { click(d, "cancel"); });
    EXPECT_FALSE(delete_person_asked(frame, context, leila));
    EXPECT_TRUE(PersonRepository(*db).get(leila));
    EXPECT_EQ(context.changes, 0);
}

TEST_F(DeleteDialogs, APersonWithAttendanceIsRefusedAndMergedIntoTheOneChosenWithThePicker) {
    const auto kept = person("Leila", "Benali", "leila@example.org");
    const auto dup = person("Leïla", "Benali", "l.benali@example.org");
    attend(dup, "2025-03-04");
    wxString refusal, summary;
    When refused("refuse_delete", read_snap_click(refusal, "refuse_delete_person", "choice0"));  // Merge into…
    When merge("merge_people", [&](wxDialog* d) {
        auto* picker = dynamic_cast<PersonPicker*>(d->FindWindow("merge_picker"));
        ASSERT_TRUE(picker);
        EXPECT_FALSE(d->FindWindow("merge")->IsEnabled());  // nothing chosen yet
        picker->set_text("Benali");
        size_t n = 0;
        while (n < picker->matches().size() && picker->matches()[n].id != kept) ++n;
        ASSERT_LT(n, picker->matches().size());
        picker->choose(n);
        summary = text_of(d, "merge_summary");
        snap(d, "merge_people");
        click(d, "merge");
    });
    EXPECT_TRUE(delete_person_asked(frame, context, dup));
    EXPECT_NE(refusal.Find("1 session"), wxNOT_FOUND) << refusal;
    EXPECT_NE(summary.Find("participations (attendance): 1"), wxNOT_FOUND) << summary;
    EXPECT_FALSE(PersonRepository(*db).get(dup));
    EXPECT_EQ(db->scalar_int("SELECT count(*) FROM attendance WHERE person_id = " + std::to_string(kept)), 1);
    EXPECT_EQ(db->undo_stack().undo_label(), "Merge Le\u00efla Benali into Leila Benali");
    undo_last(*db);
    EXPECT_TRUE(PersonRepository(*db).get(dup));
    EXPECT_EQ(db->scalar_int("SELECT count(*) FROM attendance WHERE person_id = " + std::to_string(dup)), 1);
    EXPECT_EQ(verify_audit_chain(*db), "");
}

TEST_F(DeleteDialogs, MergeFromThePeoplePageKeepsTheSelectedPerson) {
    const auto kept = person("Marc", "Dubois", "marc@example.org");
    const auto dup = person("Marc", "Dubois", "");
    When merge("merge_people", [&](wxDialog* d) {
        auto* picker = dynamic_cast<PersonPicker*>(d->FindWindow("merge_picker"));
        ASSERT_TRUE(picker);
        picker->set_text("Dubois");
        size_t n = 0;
        while (n < picker->matches().size() && picker->matches()[n].id != dup) ++n;
        ASSERT_LT(n, picker->matches().size());
        picker->choose(n);
        click(d, "merge");
    });
    EXPECT_EQ(merge_person_asked(frame, context, kept, true), std::optional<int64_t>(kept));
    EXPECT_FALSE(PersonRepository(*db).get(dup));
    EXPECT_EQ(PersonRepository(*db).get(kept)->email, "marc@example.org");
}

TEST_F(DeleteDialogs, AnInstitutionInUseIsRefusedWithCountsAndAnUnusedOneIsDeleted) {
    const auto cpas = institution("CPAS d'Ixelles");
    person("Leila", "Benali", "leila@example.org", cpas);
    wxString refusal;
    When refused("refuse_delete", [&](wxDialog* d) {
        refusal = text_of(d, "message");
        EXPECT_FALSE(d->FindWindow("choice0"));
        snap(d, "refuse_delete_institution");
        click(d, "close");
    });
    EXPECT_FALSE(delete_institution_asked(frame, context, cpas));
    EXPECT_NE(refusal.Find("employments: 1"), wxNOT_FOUND) << refusal;
    EXPECT_TRUE(InstitutionRepository(*db).get(cpas));

    const auto empty = institution("Service vide");
    wxString said;
    When confirmed("confirm_delete", read_snap_click(said, "confirm_delete_institution", "delete"));
    EXPECT_TRUE(delete_institution_asked(frame, context, empty));
    EXPECT_NE(said.Find("sectors: 1"), wxNOT_FOUND) << said;
    EXPECT_FALSE(InstitutionRepository(*db).get(empty));
    undo_last(*db);
    EXPECT_EQ(InstitutionRepository(*db).get(empty)->sector_ids.size(), 1u);
}

}  // namespace

int main(int argc, char** argv) { return maillage::test::run_gui_tests(argc, argv, {.utf8_locale = true}); }
