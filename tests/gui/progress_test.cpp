// Long work off the UI thread: a 5,000-row CSV import runs on a worker while the real
// progress dialog counts the rows; the window is disabled meanwhile (the worker is the
// connection's only user); Cancel in the dialog rolls the one transaction back and the
// database dumps byte for byte as before (sqlite3 .dump).
#include "shared-ui/progress.h"

#include "core/csv.h"
#include "core/database.h"
#include "core/import_export.h"
#include "core/institutions.h"
#include "gui_test_support.h"
#include "test_support.h"

#include <gtest/gtest.h>
#include <wx/app.h>
#include <wx/button.h>
#include <wx/frame.h>
#include <wx/init.h>
#include <wx/progdlg.h>

#include <array>
#include <cstdio>
#include <string>
#include <vector>

using namespace maillage;
using namespace maillage::ui;

namespace {

constexpr int kRows = 5000;

csv::Table institutions_csv() {
    std::string text = "name;municipality;sectors\n";
    for (int i = 1; i <= kRows; ++i) text += "Service " + std::to_string(i) + ";Namur;homeless\n";
    return csv::parse(text, "institutions.csv");
}

// The whole database as SQL text, read by the sqlite3 shell.
std::string dump(const std::filesystem::path& file) { return test::sqlite_dump(file); }

class ImportWithProgress : public ::testing::Test {
protected:
    void SetUp() override {
        // A database with a little content already, closed so that the dump is stable.
        auto db = test::file_db(file);
        import_institutions(*db, csv::parse("name;sectors\nCPAS de Namur;social_aid\nAbri de nuit;homeless\n", "a.csv"));
        db.reset();
        before = dump(file);
        ASSERT_NE(before.find("CPAS de Namur"), std::string::npos);
        frame = new wxFrame(nullptr, wxID_ANY, "Maillage", wxPoint(0, 0), wxSize(1200, 760));
        frame->Show();
    }
    void TearDown() override {
        set_progress_observer(nullptr);
        frame->Destroy();
        for (int i = 0; i < 5; ++i) wxTheApp->Yield(true);
    }

    test::TempDir dir;
    std::filesystem::path file = dir / "maillage.sqlite";
    std::string before;
    wxFrame* frame = nullptr;
};

TEST_F(ImportWithProgress, TheDialogCountsTheRowsUpToTheTotal) {
    auto db = test::file_db(file);
    const auto table = institutions_csv();
    std::vector<size_t> seen;
    bool window_disabled = true;
    wxString last_message;
    set_progress_observer([&](wxProgressDialog& dialog, size_t done, size_t total) {
        EXPECT_EQ(total, static_cast<size_t>(kRows));
        seen.push_back(done);
        window_disabled = window_disabled && !frame->IsEnabled();
        last_message = dialog.GetMessage();
    });
    const bool finished = run_with_progress(frame, "Importing institutions", [&](Progress& progress) {
        import_institutions(*db, table, &progress);
    });
    EXPECT_TRUE(finished);
    ASSERT_GE(seen.size(), 2u);
    for (size_t i = 1; i < seen.size(); ++i) EXPECT_LT(seen[i - 1], seen[i]);
    EXPECT_EQ(seen.back(), static_cast<size_t>(kRows));
    EXPECT_TRUE(last_message.StartsWith("5000 of 5000")) << last_message.utf8_string();
    EXPECT_TRUE(window_disabled);
    EXPECT_TRUE(frame->IsEnabled());
    EXPECT_EQ(InstitutionRepository(*db).count(), kRows + 2);
}

TEST_F(ImportWithProgress, CancelInTheDialogLeavesTheDatabaseByteForByte) {
    auto db = test::file_db(file);
    const auto table = institutions_csv();
    std::vector<size_t> seen;
    bool clicked = false;
    set_progress_observer([&](wxProgressDialog& dialog, size_t done, size_t) {
        seen.push_back(done);
        if (clicked || done < 1000) return;
        // The dialog's own Cancel button, clicked.
        auto* cancel = dynamic_cast<wxButton*>(dialog.FindWindow(wxID_CANCEL));
        ASSERT_TRUE(cancel);
        wxCommandEvent click(wxEVT_BUTTON, wxID_CANCEL);
        click.SetEventObject(cancel);
        cancel->ProcessWindowEvent(click);
        clicked = true;
    });
    const bool finished = run_with_progress(frame, "Importing institutions", [&](Progress& progress) {
        import_institutions(*db, table, &progress);
    });
    EXPECT_TRUE(clicked);
    EXPECT_FALSE(finished);
    ASSERT_FALSE(seen.empty());
    EXPECT_LT(seen.back(), static_cast<size_t>(kRows));
    EXPECT_EQ(InstitutionRepository(*db).count(), 2);
    db.reset();
    EXPECT_EQ(dump(file), before);
}

TEST_F(ImportWithProgress, AnErrorInTheJobReachesTheCaller) {
    EXPECT_THROW(run_with_progress(frame, "Failing", [](Progress&) { throw Error("the disk is full"); }), Error);
    EXPECT_TRUE(frame->IsEnabled());
}

}  // namespace

int main(int argc, char** argv) { return maillage::test::run_gui_tests(argc, argv, {}); }
