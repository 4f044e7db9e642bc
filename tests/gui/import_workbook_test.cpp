// File > Import a workbook (issue 15): the preview lists what each sheet would do and
// writes nothing; Import loads every sheet in one step that Edit > Undo takes back; a
// refused workbook names its sheet, row and column and changes nothing.
#include "gui_test_support.h"
#include "test_support.h"

#include "shared-ui/host/import_dialog.h"
#include "shared-ui/list_panel.h"

#include "core/database.h"
#include "core/undo.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <xlsxwriter.h>

#include <wx/frame.h>

using namespace maillage;

namespace {

using Rows = std::vector<std::vector<std::string>>;

void write_book(const std::filesystem::path& path, const std::vector<std::pair<std::string, Rows>>& sheets) {
    lxw_workbook* wb = workbook_new(path.string().c_str());
    for (const auto& [name, rows] : sheets) {
        lxw_worksheet* ws = workbook_add_worksheet(wb, name.c_str());
        for (std::size_t r = 0; r < rows.size(); ++r)
            for (std::size_t c = 0; c < rows[r].size(); ++c)
                if (!rows[r][c].empty())
                    worksheet_write_string(ws, lxw_row_t(r), lxw_col_t(c), rows[r][c].c_str(), nullptr);
    }
    ASSERT_EQ(workbook_close(wb), LXW_NO_ERROR);
}

const std::vector<std::pair<std::string, Rows>> kBook = {
    {"programmes", {{"code", "name"}, {"connect", "Connect"}}},
    {"institutions", {{"name", "region", "sectors"}, {"CPAS de Forest", "brussels", "social_aid"},
                      {"Abri de nuit Le Phare", "brussels", "homeless"}}},
    {"people", {{"first_name", "last_name", "email", "institution"},
                {"Ana", "Lopez", "ana@relais.be", "CPAS de Forest"},
                {"Ben", "Martin", "ben@relais.be", "Abri de nuit Le Phare"},
                {"Cleo", "Dubois", "cleo@relais.be", "CPAS de Forest"}}},
    {"notes de l'équipe", {{"anything"}, {"ignored"}}},
};

int64_t count(Database& db, const char* table) {
    return db.sql().execAndGet(std::string("SELECT count(*) FROM ") + table).getInt64();
}

}  // namespace

TEST(ImportWorkbook, PreviewThenImportInOneUndoableStep) {
    test::TempDir dir;
    auto db = test::memory_db();
    write_book(dir / "annee.xlsx", kBook);
    auto* frame = new wxFrame(nullptr, wxID_ANY, "test", wxDefaultPosition, wxSize(900, 700));
    frame->Show();
    bool previewed = false;
    const bool changed = ui::import_workbook_file(frame, *db, dir / "annee.xlsx", [&](ui::WorkbookPreviewDialog& d) {
        d.Show();
        test::settle_gui();
        auto* list = dynamic_cast<ui::ListPanel*>(wxWindow::FindWindowByName("workbook_preview", &d));
        EXPECT_NE(list, nullptr);
        if (list) {
            EXPECT_EQ(list->list()->shown_count(), 3u);  // programmes, institutions, people
            EXPECT_EQ(list->list()->text_at(2, 0), "People  (people)");  // its title, then its sheet
            EXPECT_EQ(list->list()->text_at(2, 1), "3");  // three to create
        }
        EXPECT_EQ(count(*db, "person"), 0) << "the preview writes nothing";
        EXPECT_TRUE(test::save_client_png(&d, std::filesystem::path(MAILLAGE_DIALOG_SCREENSHOT_DIR) /
                                                  "workbook-preview.png"));
        previewed = true;
        d.Hide();
        return true;
    });
    EXPECT_TRUE(previewed);
    EXPECT_TRUE(changed);
    EXPECT_EQ(count(*db, "person"), 3);
    EXPECT_EQ(count(*db, "institution"), 2);
    // One step: Edit > Undo takes the whole workbook back.
    ASSERT_TRUE(db->undo_stack().can_undo());
    EXPECT_NE(db->undo_stack().undo_label().find("workbook"), std::string::npos) << db->undo_stack().undo_label();
    undo_last(*db);
    EXPECT_EQ(count(*db, "person"), 0);
    EXPECT_EQ(count(*db, "programme"), 0);
    frame->Destroy();
    test::settle_gui();
}

TEST(ImportWorkbook, ARefusedWorkbookNamesTheCellAndChangesNothing) {
    test::TempDir dir;
    auto db = test::memory_db();
    auto book = kBook;
    book[2].second[2][2] = "ana@relais.be";  // sheet row 3: the email of row 2 again
    write_book(dir / "faute.xlsx", book);
    wxString shown;
    ui::set_non_interactive([&](const wxString& message) { shown += message; });
    bool asked = false;
    const bool changed = ui::import_workbook_file(nullptr, *db, dir / "faute.xlsx", [&](ui::WorkbookPreviewDialog&) {
        asked = true;
        return true;
    });
    ui::set_non_interactive(nullptr);
    EXPECT_FALSE(changed);
    EXPECT_FALSE(asked) << "no preview of a refused workbook";
    EXPECT_TRUE(shown.Contains("faute.xlsx [people], line 3, column 3 (email)")) << shown;
    EXPECT_EQ(count(*db, "programme"), 0) << "the good sheet before it is not kept";
}

int main(int argc, char** argv) {
    return maillage::test::run_gui_tests(argc, argv, {.utf8_locale = true, .fail_on_errors = false});
}
