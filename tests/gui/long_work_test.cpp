// The host's own long work off the window's thread (shared-ui/host/dialogs/long_work.h):
// a backup, a restore and a GDPR erasure each run on a worker while the real progress
// dialog counts the steps; Cancel in that dialog leaves no backup file, the live
// database as it was, nobody erased (sqlite3 .dump compared byte for byte). A report
// (the Reports page) shows its dialog only when it takes a while, and can be stopped.
//
// A worker can finish before the window has drawn its first step; for the Cancel tests
// the job waits, after its first step, until the Cancel button has been clicked
// (Gate), so that the cancel lands in the middle of the work every time.
#include "shared-ui/host/dialogs/gdpr_dialogs.h"
#include "shared-ui/host/dialogs/long_work.h"
#include "shared-ui/progress.h"

#include "core/backup.h"
#include "core/core_report.h"
#include "core/csv.h"
#include "core/database.h"
#include "core/demo_data.h"
#include "core/gdpr.h"
#include "core/import_export.h"
#include "core/people.h"
#include "core/report.h"
#include "core/restore.h"
#include "gui_test_support.h"
#include "test_support.h"

#include <gtest/gtest.h>
#include <wx/app.h>
#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/frame.h>
#include <wx/progdlg.h>

#include <array>
#include <chrono>
#include <cstdio>
#include <functional>
#include <string>
#include <thread>
#include <vector>

using namespace maillage;
using namespace maillage::ui;

namespace {

// The whole database as SQL text, read by the sqlite3 shell.
std::string dump(const std::filesystem::path& file) { return test::sqlite_dump(file); }

// The files in a folder, by name.
std::vector<std::string> files_in(const std::filesystem::path& dir) {
    std::vector<std::string> names;
    if (std::filesystem::exists(dir))
        for (const auto& entry : std::filesystem::directory_iterator(dir)) names.push_back(entry.path().filename());
    std::sort(names.begin(), names.end());
    return names;
}

// The dialog's own Cancel button, clicked.
void click_cancel(wxProgressDialog& dialog) {
    auto* cancel = dynamic_cast<wxButton*>(dialog.FindWindow(wxID_CANCEL));
    ASSERT_TRUE(cancel);
    wxCommandEvent click(wxEVT_BUTTON, wxID_CANCEL);
    click.SetEventObject(cancel);
    cancel->ProcessWindowEvent(click);
}

// Passes the job's steps on; after the first one past `hold_at`, waits (on the worker)
// until the user has cancelled, at most 20 s.
class Gate : public Progress {
public:
    Gate(Progress& inner, std::size_t hold_at) : inner_(inner), hold_at_(hold_at) {}
    void report(std::size_t done, std::size_t total, const std::string& what) override {
        inner_.report(done, total, what);
        if (held_ || done < hold_at_ || done >= total) return;
        held_ = true;
        for (int i = 0; i < 2000 && !inner_.cancelled(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    bool cancelled() const override { return inner_.cancelled(); }
    bool held() const { return held_; }

private:
    Progress& inner_;
    std::size_t hold_at_;
    bool held_ = false;
};

// What a job run through a Gate came to: whether it finished, and whether the gate was
// holding it when it stopped (the cancel came in the middle of the work).
struct GatedRun {
    bool finished = false;
    bool held = false;
};
// Runs `work` with run_with_progress under `title`, its steps passed through a Gate that
// holds after step `hold_at`.
GatedRun run_gated(wxWindow* frame, const char* title, std::size_t hold_at,
                   const std::function<void(Progress*)>& work) {
    GatedRun run;
    run.finished = run_with_progress(frame, title, [&](Progress& progress) {
        Gate gate(progress, hold_at);
        try {
            work(&gate);
        } catch (...) {
            run.held = gate.held();
            throw;
        }
    });
    return run;
}

// A database file with a few thousand institutions (hundreds of pages to copy) and the
// core demo (people with jobs and participations), closed so that its dump is stable.
class LongWork : public ::testing::Test {
protected:
    void SetUp() override {
        auto db = test::file_db(file);
        db->write([&] { seed_core_demo(*db, 2025); });
        std::string text = "name;municipality;sectors\n";
        for (int i = 1; i <= 5000; ++i) text += "Service " + std::to_string(i) + ";Namur;homeless\n";
        import_institutions(*db, csv::parse(text, "institutions.csv"));
        person = db->scalar_int("SELECT p.id FROM person p JOIN employment e ON e.person_id = p.id "
                                "WHERE p.email IS NOT NULL ORDER BY p.id LIMIT 1");
        db.reset();
        before = dump(file);
        frame = new wxFrame(nullptr, wxID_ANY, "Maillage", wxPoint(0, 0), wxSize(1200, 760));
        frame->Show();
    }
    void TearDown() override {
        set_progress_observer(nullptr);
        frame->Destroy();
        test::settle_gui(5);
    }

    test::TempDir dir;
    std::filesystem::path file = dir / "maillage.sqlite";
    std::filesystem::path backups = dir / "backups";
    std::string before;
    int64_t person = 0;
    wxFrame* frame = nullptr;
};

TEST_F(LongWork, BackupCountsThePagesUpToTheTotalAndWritesAVerifiedFile) {
    auto db = test::file_db(file);
    std::vector<size_t> seen;
    size_t total = 0;
    bool window_disabled = true;
    set_progress_observer([&](wxProgressDialog&, size_t done, size_t all) {
        seen.push_back(done);
        total = all;
        window_disabled = window_disabled && !frame->IsEnabled();
    });
    const auto target = backups / "manual.sqlite";
    EXPECT_TRUE(backup_with_progress(frame, *db, target));
    ASSERT_FALSE(seen.empty());
    EXPECT_GT(total, 100u) << "pages of the database";
    EXPECT_EQ(seen.back(), total);
    EXPECT_TRUE(window_disabled) << "the worker is the connection's only user meanwhile";
    EXPECT_TRUE(frame->IsEnabled());
    EXPECT_EQ(check_file(target), "");
    EXPECT_EQ(files_in(backups), std::vector<std::string>{"manual.sqlite"});
    db.reset();
    EXPECT_EQ(dump(target), before);
}

TEST_F(LongWork, CancelDuringABackupLeavesNoFile) {
    auto db = test::file_db(file);
    std::vector<size_t> seen;
    size_t total = 0;
    bool clicked = false;
    set_progress_observer([&](wxProgressDialog& dialog, size_t done, size_t all) {
        seen.push_back(done);
        total = all;
        if (clicked || done == 0) return;
        click_cancel(dialog);
        clicked = true;
    });
    const auto target = backups / "manual.sqlite";
    const auto run = run_gated(frame, "Backup", 1, [&](Progress* gate) { backup_to(*db, target, gate); });
    EXPECT_TRUE(clicked);
    EXPECT_TRUE(run.held) << "the cancel came in the middle of the copy";
    EXPECT_FALSE(run.finished);
    ASSERT_FALSE(seen.empty());
    EXPECT_LT(seen.back(), total);
    EXPECT_FALSE(std::filesystem::exists(target));
    EXPECT_EQ(files_in(backups), std::vector<std::string>{}) << "not even the .tmp";
    db.reset();
    EXPECT_EQ(dump(file), before);
}

TEST_F(LongWork, CancelDuringARestoreLeavesTheLiveDatabaseAsItWas) {
    const auto backup = backups / "older.sqlite";
    {
        auto db = test::file_db(file);
        backup_to(*db, backup);
        // A change after the backup: the restore would take it away.
        db->sql().exec("UPDATE institution SET municipality = 'Liège' WHERE name = 'Service 1'");
    }
    const auto live_before = dump(file);
    ASSERT_NE(live_before, before);
    const auto files_before = files_in(dir.path());  // the database and its lock file
    bool clicked = false;
    set_progress_observer([&](wxProgressDialog& dialog, size_t done, size_t) {
        if (clicked || done < 2) return;
        click_cancel(dialog);
        clicked = true;
    });
    const bool finished = run_with_progress(frame, "Restore", [&](Progress& progress) {
        Gate gate(progress, 2);  // once the copy is being brought up to date
        restore_backup(backup, file, &gate);
    });
    EXPECT_TRUE(clicked);
    EXPECT_FALSE(finished);
    EXPECT_EQ(dump(file), live_before);
    EXPECT_EQ(files_in(dir.path()), files_before) << "no .restoring copy";
    EXPECT_EQ(files_in(backups), std::vector<std::string>{"older.sqlite"}) << "no before-restore copy";

    // Without Cancel the same restore goes through, and keeps what it replaced.
    set_progress_observer(nullptr);
    const auto outcome = restore_with_progress(frame, backup, file);
    ASSERT_TRUE(outcome);
    EXPECT_TRUE(outcome->replaced_copy);
    EXPECT_EQ(dump(file), before);
}

TEST_F(LongWork, ErasureFromItsDialogShowsProgressThenErases) {
    auto db = test::file_db(file);
    const auto email = PersonRepository(*db).get(person)->email;
    std::vector<size_t> seen;
    size_t total = 0;
    wxString message;
    set_progress_observer([&](wxProgressDialog& dialog, size_t done, size_t all) {
        seen.push_back(done);
        total = all;
        message = dialog.GetMessage();
    });
    auto* dialog = new GdprEraseDialog(frame, *db, person);
    dialog->Show();
    auto* understood = dynamic_cast<wxCheckBox*>(wxWindow::FindWindowByName("understood", dialog));
    ASSERT_TRUE(understood);
    understood->SetValue(true);
    wxCommandEvent checked(wxEVT_CHECKBOX, understood->GetId());
    checked.SetInt(1);
    checked.SetEventObject(understood);
    understood->GetEventHandler()->ProcessEvent(checked);
    auto* erase = dynamic_cast<wxButton*>(wxWindow::FindWindowByName("erase", dialog));
    ASSERT_TRUE(erase && erase->IsEnabled());
    wxCommandEvent click(wxEVT_BUTTON, erase->GetId());
    click.SetEventObject(erase);
    erase->GetEventHandler()->ProcessEvent(click);
    EXPECT_EQ(dialog->GetReturnCode(), wxID_OK);
    EXPECT_FALSE(dialog->stopped());
    dialog->Destroy();
    ASSERT_FALSE(seen.empty());
    EXPECT_GT(total, 3u) << "each table searched is a step";
    EXPECT_EQ(seen.back(), total);
    // The last step is always shown: "41 of 41: clearing old copies from the file".
    EXPECT_TRUE(message.StartsWith(wxString::Format("%zu of %zu: ", total, total))) << message.utf8_string();
    EXPECT_TRUE(frame->IsEnabled());
    EXPECT_TRUE(PersonRepository(*db).get(person)->erased);
    EXPECT_EQ(db->scalar_int("SELECT count(*) FROM person WHERE email = '" + email + "'"), 0);
}

TEST_F(LongWork, CancelDuringAnErasureErasesNobody) {
    auto db = test::file_db(file);
    bool clicked = false;
    set_progress_observer([&](wxProgressDialog& dialog, size_t done, size_t) {
        if (clicked || done < 2) return;
        click_cancel(dialog);
        clicked = true;
    });
    const auto run =
        run_gated(frame, "Erasure", 2, [&](Progress* gate) { erase_people(*db, {person}, "request", gate); });
    EXPECT_TRUE(clicked);
    EXPECT_TRUE(run.held) << "the cancel came in the middle of the erasure";
    EXPECT_FALSE(run.finished);
    EXPECT_FALSE(PersonRepository(*db).get(person)->erased);
    db.reset();
    EXPECT_EQ(dump(file), before);
}

// The Reports page builds with run_with_progress(..., 400 ms): a quick report shows no
// dialog; a long one shows it after the delay, with Cancel, and the window waits disabled.
TEST_F(LongWork, AReportShowsItsProgressOnlyWhenItTakesAWhileAndCanBeStopped) {
    auto db = test::file_db(file);
    ReportScope scope;
    scope.year = 2025;
    auto providers = core_report_sections();
    ASSERT_FALSE(providers.empty());
    std::optional<Report> report;
    bool shown = false;
    set_progress_observer([&](wxProgressDialog&, size_t, size_t) { shown = true; });
    EXPECT_TRUE(run_with_progress(
        frame, "Report", [&](Progress& progress) { report = build_report(*db, scope, providers, &progress); },
        std::chrono::milliseconds(60000)));
    ASSERT_TRUE(report);
    EXPECT_FALSE(report->sections.empty());
    EXPECT_FALSE(shown) << "no dialog for a report quicker than the delay";
    EXPECT_TRUE(frame->IsEnabled());

    // A report held after its first part: the dialog comes after the delay; Cancel stops it.
    const auto once = providers;
    providers.insert(providers.end(), once.begin(), once.end());
    const auto started = std::chrono::steady_clock::now();
    std::chrono::steady_clock::duration shown_after{};
    bool clicked = false, window_disabled = false;
    set_progress_observer([&](wxProgressDialog& dialog, size_t, size_t) {
        if (clicked) return;
        shown_after = std::chrono::steady_clock::now() - started;
        window_disabled = !frame->IsEnabled();
        click_cancel(dialog);
        clicked = true;
    });
    report.reset();
    const bool finished = run_with_progress(
        frame, "Report",
        [&](Progress& progress) {
            Gate gate(progress, 1);
            report = build_report(*db, scope, providers, &gate);
        },
        std::chrono::milliseconds(400));
    EXPECT_TRUE(clicked);
    EXPECT_FALSE(finished);
    EXPECT_FALSE(report);
    EXPECT_GE(shown_after, std::chrono::milliseconds(400));
    EXPECT_TRUE(window_disabled);
    EXPECT_TRUE(frame->IsEnabled());
}

}  // namespace

int main(int argc, char** argv) { return maillage::test::run_gui_tests(argc, argv, {.fail_on_errors = true}); }
