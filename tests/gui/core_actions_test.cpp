// The window's core actions (issue 10, "Core actions in the window"): GDPR export and
// erasure from the People page, Tools > Check, File > Backups, File > Export as CSV.
// Each dialog is built on a demo database file and driven through its named controls
// (the events a click or a key sends), the outcome checked in the database and on disk;
// a screenshot of each lands in build/screenshots/dialogs/. Runs under Xvfb.
#include "shared-ui/host/dialogs/backups_dialog.h"
#include "shared-ui/host/dialogs/check_dialog.h"
#include "shared-ui/host/dialogs/csv_export.h"
#include "shared-ui/host/dialogs/gdpr_dialogs.h"
#include "shared-ui/messages.h"

#include "core/backup.h"
#include "core/backup_policy.h"
#include "core/core_schema.h"
#include "core/database.h"
#include "core/demo_data.h"
#include "core/error.h"
#include "core/import_export.h"
#include "core/people.h"
#include "core/sessions.h"
#include "gui_test_support.h"
#include "test_support.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <wx/app.h>
#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/dcclient.h>
#include <wx/dcmemory.h>
#include <wx/filepicker.h>
#include <wx/frame.h>
#include <wx/image.h>
#include <wx/init.h>
#include <wx/listbox.h>
#include <wx/listctrl.h>
#include <wx/radiobox.h>
#include <wx/stattext.h>
#include <wx/utils.h>

#include <chrono>
#include <fstream>
#include <sstream>

using namespace maillage;
using namespace maillage::ui;

namespace {

using maillage::test::settle_gui;

// The window's own pixels into the screenshots folder, as <name>.png.
void snap(wxWindow* window, const std::string& name) {
    maillage::test::snap_client(window, MAILLAGE_DIALOG_SCREENSHOT_DIR, name);
}

template <class T>
T* named(wxWindow* dialog, const char* name) {
    auto* w = dynamic_cast<T*>(wxWindow::FindWindowByName(name, dialog));
    EXPECT_NE(w, nullptr) << "no control named " << name;
    return w;
}

// What a click on the button sends.
void click(wxButton* button) {
    ASSERT_TRUE(button->IsEnabled()) << button->GetName();
    wxCommandEvent event(wxEVT_BUTTON, button->GetId());
    event.SetEventObject(button);
    button->GetEventHandler()->ProcessEvent(event);
}

// Every text the dialog shows, joined.
wxString texts_of(wxWindow* window) {
    wxString all;
    for (wxWindow* child : window->GetChildren()) {
        if (auto* text = dynamic_cast<wxStaticText*>(child)) all << text->GetLabel() << "\n";
        if (auto* box = dynamic_cast<wxCheckBox*>(child)) all << box->GetLabel() << "\n";
        all << texts_of(child);
    }
    return all;
}

// A demo database file (core content), and a person who took part in sessions.
struct World {
    test::TempDir dir;
    std::filesystem::path file = dir / "maillage.sqlite";
    std::unique_ptr<Database> db;
    int64_t person = 0;
    wxFrame* frame = nullptr;
    World() {
        db = test::file_db(file);
        db->write([&] {
            seed_core_demo(*db, 2025);
            // Three sessions the person came to, at their employer of the time.
            person = db->scalar_int("SELECT p.id FROM person p JOIN employment e ON e.person_id = p.id "
                                    "WHERE p.email IS NOT NULL ORDER BY p.id LIMIT 1");
            const auto institution =
                db->scalar_int("SELECT institution_id FROM employment WHERE person_id = " + std::to_string(person));
            for (const char* date : {"2025-02-03", "2025-03-03", "2025-04-07"}) {
                Session s;
                s.kind = "meeting";
                s.date = date;
                s.status = "held";
                Attendance a;
                a.session_id = SessionRepository(*db).create(s);
                a.person_id = person;
                a.status = "present";
                a.institution_id = institution;
                SessionRepository(*db).record(a);
            }
        });
        frame = new wxFrame(nullptr, wxID_ANY, "test", wxDefaultPosition, wxSize(900, 700));
        frame->Show();
    }
    ~World() { frame->Destroy(); }
    int64_t audit_entries() { return db->scalar_int("SELECT count(*) FROM audit_log"); }
};

TEST(CoreActions, GdprExportWritesTheChosenFormatWhereTheUserSaid) {
    World w;
    const auto person = *PersonRepository(*w.db).get(w.person);
    GdprExportDialog dialog(w.frame, *w.db, w.person);
    dialog.Show();
    EXPECT_TRUE(texts_of(&dialog).Contains(wxString::FromUTF8(person.display_name())));
    auto* file = named<wxFilePickerCtrl>(&dialog, "file");
    EXPECT_TRUE(file->GetPath().EndsWith(".html")) << file->GetPath();
    snap(&dialog, "gdpr_export");
    // JSON: the proposed file name follows the format.
    auto* format = named<wxRadioBox>(&dialog, "format");
    format->SetSelection(1);
    wxCommandEvent changed(wxEVT_RADIOBOX, format->GetId());
    changed.SetInt(1);
    changed.SetEventObject(format);
    format->GetEventHandler()->ProcessEvent(changed);
    EXPECT_TRUE(file->GetPath().EndsWith(".json")) << file->GetPath();
    const auto target = w.dir / "answer to the request.json";
    file->SetPath(wxString::FromUTF8(target.string()));
    const auto audit_before = w.audit_entries();
    click(named<wxButton>(&dialog, "export"));
    EXPECT_EQ(dialog.GetReturnCode(), wxID_OK);
    ASSERT_TRUE(std::filesystem::exists(target));
    const auto data = nlohmann::json::parse(test::read_file(target));
    EXPECT_NE(data.dump().find(person.email), std::string::npos);
    EXPECT_FALSE(std::filesystem::exists(target.string() + ".tmp"));
    EXPECT_GT(w.audit_entries(), audit_before) << "the export is recorded";
}

TEST(CoreActions, GdprErasureNamesThePersonAndWhatGoesAndErasesOnlyOnceConfirmed) {
    World w;
    const auto person = *PersonRepository(*w.db).get(w.person);
    const auto participations =
        w.db->scalar_int("SELECT count(*) FROM attendance WHERE person_id = " + std::to_string(w.person));
    auto* dialog = new GdprEraseDialog(w.frame, *w.db, w.person);
    dialog->Show();
    const auto text = texts_of(dialog);
    EXPECT_TRUE(text.Contains(wxString::FromUTF8(person.display_name()))) << text;
    EXPECT_TRUE(text.Contains(wxString::FromUTF8(person.email))) << text;
    EXPECT_TRUE(text.Contains(wxString::Format("%lld participation", static_cast<long long>(participations)))) << text;
    auto* erase = named<wxButton>(dialog, "erase");
    EXPECT_FALSE(erase->IsEnabled()) << "nothing is erased before the user confirms";
    snap(dialog, "gdpr_erase");
    auto* understood = named<wxCheckBox>(dialog, "understood");
    understood->SetValue(true);
    wxCommandEvent checked(wxEVT_CHECKBOX, understood->GetId());
    checked.SetInt(1);
    checked.SetEventObject(understood);
    understood->GetEventHandler()->ProcessEvent(checked);
    EXPECT_TRUE(erase->IsEnabled());
    snap(dialog, "gdpr_erase_confirmed");
    click(erase);
    EXPECT_EQ(dialog->GetReturnCode(), wxID_OK);
    dialog->Destroy();
    EXPECT_TRUE(PersonRepository(*w.db).get(w.person)->erased);
    EXPECT_EQ(w.db->scalar_int("SELECT count(*) FROM attendance WHERE person_id = " + std::to_string(w.person)),
              participations) << "participations stay for the figures";
    EXPECT_EQ(w.db->scalar_int("SELECT count(*) FROM person WHERE email = '" + person.email + "'"), 0);
}

TEST(CoreActions, CheckRunsTheFullCheckAndListsWhatItFound) {
    World w;
    const std::vector<MigrationSet> sets = {core_migrations()};
    {
        CheckDialog dialog(w.frame, *w.db, sets);
        dialog.Show();
        EXPECT_EQ(named<wxStaticText>(&dialog, "summary")->GetLabel(), _("No problem found."));
        snap(&dialog, "check_ok");
    }
    // An erased person whose name is still there, and a trigger no migration made: the
    // window's check finds what the command line's does, beyond SQLite's own check.
    w.db->sql().exec("UPDATE person SET erased_at = '2025-01-01' WHERE id = " + std::to_string(w.person));
    w.db->sql().exec("CREATE TRIGGER sneaky AFTER INSERT ON person BEGIN SELECT 1; END");
    CheckDialog dialog(w.frame, *w.db, sets);
    dialog.Show();
    const auto problems = dialog.problems();
    EXPECT_GE(problems.size(), 2u);
    EXPECT_TRUE(named<wxStaticText>(&dialog, "summary")->GetLabel().EndsWith(_("problems found.")))
        << named<wxStaticText>(&dialog, "summary")->GetLabel();
    auto* findings = named<wxListBox>(&dialog, "findings");
    ASSERT_EQ(findings->GetCount(), problems.size());
    wxString all;
    for (unsigned i = 0; i < findings->GetCount(); ++i) all << findings->GetString(i) << "\n";
    EXPECT_TRUE(all.Contains("still holds a name")) << all;
    EXPECT_TRUE(all.Contains("trigger sneaky on person was not created by any migration")) << all;
    snap(&dialog, "check_problems");
}

TEST(CoreActions, BackupsListsEachWithItsStateAndRestoresAVerifiedOneAfterAsking) {
    World w;
    const auto dir = default_backup_dir(w.file);
    const auto now = local_now();
    const auto older = backup_name_at(dir, w.file, "auto", now - std::chrono::hours(48));
    const auto manual = backup_name_at(dir, w.file, "manual", now - std::chrono::hours(1));
    const auto broken = backup_name_at(dir, w.file, "auto", now - std::chrono::hours(24));
    backup_to(*w.db, older);
    backup_to(*w.db, manual);
    test::write_file(broken, std::string(8192, 'x'));
    BackupsDialog dialog(w.frame, w.file);
    dialog.Show();
    auto* list = named<wxListCtrl>(&dialog, "backups");
    ASSERT_EQ(list->GetItemCount(), 3);
    EXPECT_EQ(list->GetItemText(0, 1), _("Made by hand")) << "newest first";
    EXPECT_EQ(list->GetItemText(0, 3), _("Verified"));
    EXPECT_TRUE(list->GetItemText(1, 3).StartsWith(_("Damaged"))) << list->GetItemText(1, 3);
    EXPECT_EQ(list->GetItemText(2, 3), _("Verified"));
    auto* restore = named<wxButton>(&dialog, "restore");
    EXPECT_FALSE(restore->IsEnabled());
    list->SetItemState(1, wxLIST_STATE_SELECTED, wxLIST_STATE_SELECTED);
    settle_gui();
    EXPECT_FALSE(restore->IsEnabled()) << "a damaged backup cannot be restored";
    list->SetItemState(1, 0, wxLIST_STATE_SELECTED);
    list->SetItemState(2, wxLIST_STATE_SELECTED, wxLIST_STATE_SELECTED);
    settle_gui();
    snap(&dialog, "backups");
    wxString asked;
    dialog.set_confirmation([&](const wxString& question) {
        asked = question;
        return false;
    });
    click(restore);
    EXPECT_FALSE(dialog.chosen()) << "no answer, no restore";
    EXPECT_TRUE(asked.Contains(list->GetItemText(2, 0))) << asked;
    dialog.set_confirmation([](const wxString&) { return true; });
    click(restore);
    ASSERT_TRUE(dialog.chosen());
    EXPECT_EQ(*dialog.chosen(), older);
    EXPECT_EQ(dialog.GetReturnCode(), wxID_OK);
}

TEST(CoreActions, ExportPeopleAndInstitutionsAsCsvWritesWhatTheCommandLineWrites) {
    World w;
    for (const auto kind : {CsvExportKind::People, CsvExportKind::Institutions}) {
        const auto file = w.dir / (kind == CsvExportKind::People ? "people.csv" : "institutions.csv");
        const auto audit_before = w.audit_entries();
        export_csv_file(*w.db, kind, file);
        std::ostringstream expected;
        if (kind == CsvExportKind::People)
            export_people(*w.db, expected);
        else
            export_institutions(*w.db, expected);
        EXPECT_EQ(test::read_file(file), expected.str());
        EXPECT_EQ(w.audit_entries(), audit_before + 1) << "exports of personal data are recorded";
    }
    EXPECT_THROW(export_csv_file(*w.db, CsvExportKind::People, w.dir / "no-such-folder" / "people.csv"), Error);
}

}  // namespace

int main(int argc, char** argv) { return maillage::test::run_gui_tests(argc, argv, {.fail_on_errors = true}); }
