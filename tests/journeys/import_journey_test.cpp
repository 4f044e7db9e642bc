// Journey "import": bringing a year of spreadsheets into a new database through the
// window (issue 15). File > Save the import template writes the workbook `maillage-cli
// template --out` writes (its sheets and headers checked); File > Import a workbook takes
// a CSV file of one sheet, asks which sheet it holds (the one its name says chosen),
// shows the same per-sheet preview, and imports it in one step Edit > Undo takes back.
// Screenshots: build/screenshots/journeys/import/.
#include "journey.h"

#include "core/entity_import.h"
#include "core/xlsx_read.h"
#include "shared-ui/list_panel.h"
#include "shared-ui/messages.h"

#include <xlsxwriter.h>

#include <wx/app.h>
#include <wx/listbox.h>
#include <wx/modalhook.h>
#include <wx/statusbr.h>
#include <wx/utils.h>

#include <fstream>
#include <map>

using namespace maillage;
using namespace maillage::journey;

namespace {

// Drives the modal dialogs named here when they come up inside an action (a menu command
// whose file chooser j.save_as answers): wxWidgets' modal dialog hook, then the drive
// from the dialog's own event loop once it is shown.
class DriveDialogs : public wxModalDialogHook {
public:
    explicit DriveDialogs(std::map<std::string, std::function<void(wxDialog&)>> drives) : drives_(std::move(drives)) {
        Register();
    }
    ~DriveDialogs() override { Unregister(); }
    std::map<std::string, int> driven;

protected:
    int Enter(wxDialog* dialog) override {
        const auto name = dialog->GetName().utf8_string();
        if (!drives_.count(name)) return wxID_NONE;
        wxTheApp->CallAfter([this, dialog, name] { drive(dialog, name, 0); });
        return wxID_NONE;
    }
    void Exit(wxDialog*) override {}

private:
    void drive(wxDialog* dialog, const std::string& name, int attempts) {
        if (!(dialog->IsShown() && dialog->IsModal())) {
            if (attempts > 500) {
                ADD_FAILURE() << "the dialog " << name << " never showed";
                return;
            }
            wxMilliSleep(20);
            wxTheApp->CallAfter([this, dialog, name, attempts] { drive(dialog, name, attempts + 1); });
            return;
        }
        settle();
        ++driven[name];
        drives_[name](*dialog);
        if (dialog->IsModal()) {
            ADD_FAILURE() << "the journey left the dialog " << name << " open: cancelled";
            dialog->EndModal(wxID_CANCEL);
        }
    }
    std::map<std::string, std::function<void(wxDialog&)>> drives_;
};

void ok(wxDialog& d) { click(dynamic_cast<wxButton*>(d.FindWindow(wxID_OK))); }

}  // namespace

TEST(ImportJourney, TemplateSavedThenASheetImportedFromACsvFile) {
    Journey j("import");
    j.start([&](wxDialog& d) {
        assistant_organisation(d, "Relais social");
        type_programme(&d, "connect", "Connect");
        assistant_finish(d);
    });
    const auto dir = j.database_file().parent_path();

    // File > Save the import template: the workbook to fill in, every importer's sheet in
    // the order the import loads them, with their columns.
    const auto book = dir / "modele-import.xlsx";
    wxString title;
    EXPECT_EQ(j.save_as(book, [&] { j.menu(_("&File"), _("Save the import &template…")); }, &title).utf8_string(),
              book.string());
    EXPECT_EQ(title, _("Save the import template"));
    ASSERT_TRUE(std::filesystem::exists(book));
    const auto sheets = xlsx::read_workbook(book);
    const auto importers = registered_importers();
    ASSERT_EQ(sheets.size(), importers.size());
    for (std::size_t i = 0; i < sheets.size(); ++i) {
        EXPECT_EQ(sheets[i].name, importers[i].sheet);
        std::vector<std::string> columns;
        for (const auto& c : importers[i].columns()) columns.push_back(c.name);
        EXPECT_EQ(sheets[i].table.header, columns) << sheets[i].name;
    }
    for (const char* sheet : {"programmes", "people", "intervision_cycles", "exchange_events", "catalogue_trainings",
                              "pat_accompaniments"})
        EXPECT_TRUE(std::any_of(sheets.begin(), sheets.end(), [&](const auto& s) { return s.name == sheet; })) << sheet;
    EXPECT_TRUE(j.frame().GetStatusBar()->GetStatusText(0).Contains("modele-import.xlsx"));
    j.snap("template-saved");

    // A CSV file of the cycles sheet, as a spreadsheet saves it: which sheet is asked,
    // the file's name chooses it; the preview says what it would do and writes nothing.
    const auto cycles = dir / "intervision_cycles 2025.csv";
    {
        std::ofstream f(cycles, std::ios::binary);
        f << "nom;programme;début;fin;public\n"
             "2025-2026;connect;01/09/2025;30/06/2026;workers\n"
             "Pairs 2025;connect;15/09/2025;15/06/2026;peer_workers\n";
    }
    {
    DriveDialogs drive({{"csv_sheet_dialog",
                         [&](wxDialog& d) {
                             auto* sheets_list = first_of<wxListBox>(&d);
                             ASSERT_NE(sheets_list, nullptr);
                             EXPECT_TRUE(sheets_list->GetStringSelection().Contains("(intervision_cycles)"))
                                 << sheets_list->GetStringSelection().utf8_string();
                             j.snap("csv-which-sheet", &d);
                             ok(d);
                         }},
                        {"workbook_preview_dialog", [&](wxDialog& d) {
                             auto* list = named<ui::ListPanel>(&d, "workbook_preview");
                             if (list) {
                                 EXPECT_EQ(list->list()->shown_count(), 1u);
                                 // The sheet by its title, as the user chose it.
                                 EXPECT_EQ(list->list()->text_at(0, 0),
                                           wxString::FromUTF8("Cycles d'intervision  (intervision_cycles)"));
                                 EXPECT_EQ(list->list()->text_at(0, 1), "2");  // two to create
                             }
                             EXPECT_EQ(j.count("intervision_cycle"), 0) << "the preview writes nothing";
                             j.snap("csv-preview", &d);
                             ok(d);
                         }}});
    j.save_as(cycles, [&] { j.menu(_("&File"), _("Import a &workbook…")); });
    EXPECT_EQ(drive.driven["csv_sheet_dialog"], 1);
    EXPECT_EQ(drive.driven["workbook_preview_dialog"], 1);
    }
    EXPECT_EQ(j.count("intervision_cycle"), 2);
    const auto start = j.db().sql().execAndGet("SELECT start_date FROM intervision_cycle WHERE name = 'Pairs 2025'");
    EXPECT_EQ(start.getString(), "2025-09-15");
    j.snap("csv-imported");

    // One step: Edit > Undo takes the file back.
    const wxString undo = j.menu_label(wxID_UNDO);
    EXPECT_FALSE(undo.empty());
    j.menu(_("&Edit"), undo);
    EXPECT_EQ(j.count("intervision_cycle"), 0);

    // A workbook of one sheet whose name no import knows ("Feuil1": a one-entity export):
    // asked like a CSV file, here with nothing in its name to go by.
    const auto funders = dir / "financeurs.xlsx";
    {
        lxw_workbook* wb = workbook_new(funders.string().c_str());
        lxw_worksheet* ws = workbook_add_worksheet(wb, "Feuil1");
        const char* rows[][2] = {{"code", "nom"}, {"COCOF", "Commission communautaire française"}, {"AVIQ", "AViQ"}};
        for (int r = 0; r < 3; ++r)
            for (int c = 0; c < 2; ++c) worksheet_write_string(ws, lxw_row_t(r), lxw_col_t(c), rows[r][c], nullptr);
        ASSERT_EQ(workbook_close(wb), LXW_NO_ERROR);
    }
    {
        DriveDialogs drive({{"csv_sheet_dialog",
                             [&](wxDialog& d) {
                                 auto* sheets_list = first_of<wxListBox>(&d);
                                 ASSERT_NE(sheets_list, nullptr);
                                 const int at = sheets_list->FindString(wxString::FromUTF8("Financeurs  (funders)"));
                                 ASSERT_NE(at, wxNOT_FOUND);
                                 sheets_list->SetSelection(at);
                                 wxCommandEvent picked(wxEVT_LISTBOX, sheets_list->GetId());
                                 picked.SetInt(at);
                                 picked.SetEventObject(sheets_list);
                                 sheets_list->ProcessWindowEvent(picked);
                                 j.snap("xlsx-which-sheet", &d);
                                 ok(d);
                             }},
                            {"workbook_preview_dialog", [&](wxDialog& d) {
                                 auto* list = named<ui::ListPanel>(&d, "workbook_preview");
                                 if (list) {
                                     EXPECT_EQ(list->list()->text_at(0, 0), wxString::FromUTF8("Financeurs  (funders)"));
                                 }
                                 ok(d);
                             }}});
        j.save_as(funders, [&] { j.menu(_("&File"), _("Import a &workbook…")); });
        EXPECT_EQ(drive.driven["csv_sheet_dialog"], 1);
    }
    EXPECT_EQ(j.count("funder"), 2);

    // A bad row refuses the whole file, naming its line, column and what is wrong; no
    // preview, nothing written.
    const auto bad = dir / "intervision_cycles-faute.csv";
    {
        std::ofstream f(bad, std::ios::binary);
        f << "nom;programme;début;fin\n"
             "2025-2026;connect;01/09/2025;30/06/2026\n"
             "Pairs 2025;inconnu;15/09/2025;15/06/2026\n";
    }
    wxString shown;
    ui::set_non_interactive([&](const wxString& message) { shown += message; });
    {
        DriveDialogs drive({{"csv_sheet_dialog", ok}, {"workbook_preview_dialog", [](wxDialog& d) {
                                                           ADD_FAILURE() << "no preview of a refused file";
                                                           d.EndModal(wxID_CANCEL);
                                                       }}});
        j.save_as(bad, [&] { j.menu(_("&File"), _("Import a &workbook…")); });
        EXPECT_EQ(drive.driven["csv_sheet_dialog"], 1);
    }
    ui::set_non_interactive([](const wxString& message) { ADD_FAILURE() << "error shown: " << message.utf8_string(); });
    EXPECT_TRUE(shown.Contains("intervision_cycles-faute.csv")) << shown.utf8_string();
    EXPECT_TRUE(shown.Contains("inconnu")) << shown.utf8_string();
    EXPECT_TRUE(shown.Contains("ligne 3, colonne 2 (programme)")) << shown.utf8_string();  // the journey is in French
    EXPECT_EQ(j.count("intervision_cycle"), 0) << "the good row before it is not kept";
}
