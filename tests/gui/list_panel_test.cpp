// The shared list as pages use it (ListPanel): typing in the search box, clicking a
// header to sort (dates and numbers by value), the status choice, several rows
// selected, export of the rows shown (CSV, XLSX), printing, remembered column widths, a
// count column at the end kept in sight, and the page keys (PageBase). Screenshots land
// in build/screenshots/lists/.
#include "shared-ui/list_page.h"
#include "shared-ui/list_panel.h"
#include "shared-ui/virtual_list.h"

#include "core/database.h"
#include "gui_test_support.h"
#include "test_support.h"

#include <gtest/gtest.h>
#include <wx/app.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/dcclient.h>
#include <wx/dcmemory.h>
#include <wx/frame.h>
#include <wx/image.h>
#include <wx/init.h>
#include <wx/sizer.h>
#include <wx/srchctrl.h>
#include <wx/utils.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

using namespace maillage;
using namespace maillage::ui;

namespace {

using maillage::test::settle_gui;

// Where the screenshots go (build/screenshots/lists/<name>.png).
const std::filesystem::path kShots = MAILLAGE_LIST_SCREENSHOT_DIR;

// Preferences kept in memory: what the window keeps in the user's config.
struct FakeContext : test::TestContext {
    std::unique_ptr<Database> owned = test::memory_db();
    FakeContext() { db = owned.get(); }
};

std::vector<ListColumn> columns() {
    return {{"Name", 220},
            {"Municipality", 140},
            {"Since", 110, ColumnKind::Date},
            {"Budget", 110, ColumnKind::Decimal},
            {"Status", 90, ColumnKind::Status},
            {"Workers", 80, ColumnKind::Integer}};
}

// Dates as the pages show them (day first) and amounts with French grouping: sorted as
// text they would come out in another order.
std::shared_ptr<TableRowSource> rows() {
    auto r = std::make_shared<TableRowSource>();
    const auto u = [](const char* s) { return wxString::FromUTF8(s); };
    r->add(1, {u("Abri de nuit Les Étoiles"), u("Liège"), "02/01/2024", u("1 234,50"), "active", "12"});
    r->add(2, {u("CPAS de Namur"), u("Namur"), "15/12/2023", u("99,90"), "active", "150"});
    r->add(3, {u("Maison médicale du Nord"), u("Schaerbeek"), "01/03/2022", u("12 500"), "retired", "9"});
    r->add(4, {u("Relais social de Liège"), u("LIEGE"), "30/06/2025", u("7,25"), "active", "45"});
    r->add(5, {u("Service de santé mentale"), u("Bruxelles"), "", "", "retired", "100"});
    return r;
}

struct Window {
    wxFrame* frame;
    ListPanel* panel;
    explicit Window(UiContext* context, wxSize size = wxSize(1200, 760), bool multiple = false) {
        frame = new wxFrame(nullptr, wxID_ANY, "lists", wxPoint(0, 0), size);
        panel = new ListPanel(frame, context,
                              {.id = "test.institutions",
                               .title = "Institutions",
                               .columns = columns(),
                               .multiple = multiple,
                               .search_hint = "Search",
                               .statuses = {"active", "retired"}});
        auto* sizer = new wxBoxSizer(wxVERTICAL);
        sizer->Add(panel, 1, wxEXPAND);
        frame->SetSizer(sizer);
        panel->set_source(rows());
        frame->Show();
        frame->Raise();
        settle_gui();
    }
    ~Window() {
        frame->Destroy();
        settle_gui();
    }
    VirtualList* list() { return panel->list(); }
    std::vector<int64_t> shown() {
        std::vector<int64_t> ids;
        for (size_t r = 0; r < list()->shown_count(); ++r) ids.push_back(list()->id_at(r));
        return ids;
    }
    // What a click on a column header sends.
    void click_header(unsigned column) {
        wxDataViewEvent event(wxEVT_DATAVIEW_COLUMN_HEADER_CLICK, list(), list()->GetColumn(column));
        list()->ProcessWindowEvent(event);
        settle_gui();
    }
};

std::string read(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::string unzip(const std::filesystem::path& file, const std::string& member) {
    const std::string command = "unzip -p '" + file.string() + "' " + member;
    std::string out;
    if (FILE* p = popen(command.c_str(), "r")) {
        std::array<char, 4096> buffer;
        size_t n;
        while ((n = fread(buffer.data(), 1, buffer.size(), p)) > 0) out.append(buffer.data(), n);
        pclose(p);
    }
    return out;
}

TEST(ListPanel, TypingInTheSearchBoxFiltersAnyColumnIgnoringAccentsAndCase) {
    Window w(nullptr);
    // One character at a time, as typed: the list narrows at each.
    w.panel->search_box()->SetFocus();
    std::vector<size_t> counts;
    for (const char* c : {"l", "i", "e", "g", "e"}) {
        w.panel->search_box()->AppendText(c);
        settle_gui();
        counts.push_back(w.list()->shown_count());
    }
    EXPECT_EQ(counts, (std::vector<size_t>{4, 2, 2, 2, 2}));  // "l": all but CPAS de Namur
    // "Liège" and "LIEGE" in the municipality, "Liège" in a name.
    EXPECT_EQ(w.shown(), (std::vector<int64_t>{1, 4}));
    test::snap_client(w.frame, kShots, "searched_liege");
    w.panel->set_search("nord schaerbeek");
    EXPECT_EQ(w.shown(), (std::vector<int64_t>{3}));
    w.panel->set_search("");
    EXPECT_EQ(w.list()->shown_count(), 5u);
}

TEST(ListPanel, ClickingAHeaderSortsDatesAndNumbersByValueBothWays) {
    Window w(nullptr);
    w.click_header(2);  // Since: day-first dates
    EXPECT_EQ(w.shown(), (std::vector<int64_t>{3, 2, 1, 4, 5}));  // no date last
    EXPECT_TRUE(w.list()->GetColumn(2)->GetTitle().EndsWith(wxString::FromUTF8("▲")));
    test::snap_client(w.frame, kShots, "sorted_by_date");
    w.click_header(2);
    EXPECT_EQ(w.shown(), (std::vector<int64_t>{4, 1, 2, 3, 5}));
    EXPECT_TRUE(w.list()->GetColumn(2)->GetTitle().EndsWith(wxString::FromUTF8("▼")));
    w.click_header(3);  // Budget: "1 234,50" > "99,90" > "7,25"
    EXPECT_EQ(w.shown(), (std::vector<int64_t>{4, 2, 1, 3, 5}));
    EXPECT_EQ(w.list()->GetColumn(2)->GetTitle(), "Since");
    w.click_header(5);  // Workers: 150 after 45, not before
    EXPECT_EQ(w.shown(), (std::vector<int64_t>{3, 1, 4, 5, 2}));
    w.click_header(0);
    EXPECT_EQ(w.list()->text_at(0, 0), wxString::FromUTF8("Abri de nuit Les Étoiles"));
}

TEST(ListPanel, TheStatusChoiceShowsOneStatus) {
    Window w(nullptr);
    auto* choice = dynamic_cast<wxChoice*>(w.panel->search_box()->GetNextSibling());
    ASSERT_TRUE(choice);
    EXPECT_TRUE(choice->IsShown());
    ASSERT_EQ(choice->GetCount(), 3u);  // All, active, retired
    choice->SetSelection(2);
    wxCommandEvent event(wxEVT_CHOICE, choice->GetId());
    event.SetEventObject(choice);
    event.SetInt(2);
    choice->ProcessWindowEvent(event);
    EXPECT_EQ(w.shown(), (std::vector<int64_t>{3, 5}));
    // With a search on top: both apply.
    w.panel->set_search("sante");
    EXPECT_EQ(w.shown(), (std::vector<int64_t>{5}));
    w.panel->set_status("");
    w.panel->set_search("");
    EXPECT_EQ(w.list()->shown_count(), 5u);
}

// "Show retired ..." above a list: a check box in the bar, named for the tests, that
// refills the list each time it is ticked or cleared.
TEST(ListPanel, ATickedToggleRunsItsActionAndKeepsItsValue) {
    Window w(nullptr);
    int runs = 0;
    auto* box = w.panel->add_toggle("Show retired", [&] { ++runs; }, "show-retired");
    ASSERT_TRUE(box);
    EXPECT_EQ(box->GetParent(), w.panel);
    EXPECT_EQ(box->GetName(), "show-retired");
    EXPECT_EQ(box->GetLabel(), "Show retired");
    EXPECT_FALSE(box->GetValue());
    for (const bool ticked : {true, false}) {
        box->SetValue(ticked);
        wxCommandEvent event(wxEVT_CHECKBOX, box->GetId());
        event.SetEventObject(box);
        event.SetInt(ticked);
        box->ProcessWindowEvent(event);
        EXPECT_EQ(box->GetValue(), ticked);
    }
    EXPECT_EQ(runs, 2);
}

TEST(ListPanel, SeveralRowsCanBeSelected) {
    Window w(nullptr, wxSize(1200, 760), true);
    w.list()->SelectAll();
    EXPECT_EQ(w.panel->selected_ids().size(), 5u);
    w.list()->UnselectAll();
    EXPECT_TRUE(w.panel->select_id(4));
    EXPECT_EQ(w.panel->selected_ids(), (std::vector<int64_t>{4}));
    EXPECT_EQ(w.panel->selected_id(), std::optional<int64_t>(4));
}

TEST(ListPanel, ExportWritesTheRowsShownInTheirOrder) {
    Window w(nullptr);
    test::TempDir dir;
    w.panel->set_search("liege");
    w.click_header(3);  // by budget: 7,25 then 1 234,50
    w.panel->export_to(dir.path() / "rows.csv");
    const std::string csv = read(dir.path() / "rows.csv");
    // The core's CSV writer: BOM, ';', CRLF; the header, then the two rows shown.
    EXPECT_EQ(csv, "\xEF\xBB\xBFName;Municipality;Since;Budget;Status;Workers\r\n"
                   "Relais social de Li\xC3\xA8ge;LIEGE;30/06/2025;7,25;active;45\r\n"
                   "Abri de nuit Les \xC3\x89toiles;Li\xC3\xA8ge;02/01/2024;1 234,50;active;12\r\n");

    w.panel->export_to(dir.path() / "rows.xlsx");
    const std::string sheet = unzip(dir.path() / "rows.xlsx", "xl/worksheets/sheet1.xml");
    const std::string strings = unzip(dir.path() / "rows.xlsx", "xl/sharedStrings.xml");
    EXPECT_NE(strings.find("Relais social de Li"), std::string::npos);
    EXPECT_EQ(strings.find("Namur"), std::string::npos);
    // Amounts and counts are numbers in the workbook, not text.
    EXPECT_NE(sheet.find("<v>1234.5</v>"), std::string::npos) << sheet;
    EXPECT_NE(sheet.find("<v>45</v>"), std::string::npos);
    const std::string book = unzip(dir.path() / "rows.xlsx", "xl/workbook.xml");
    EXPECT_NE(book.find("name=\"Institutions\""), std::string::npos);
}

TEST(ListPanel, PrintingTakesTheRowsShown) {
    Window w(nullptr);
    w.panel->set_status("retired");
    const wxString html = w.list()->to_html("Institutions");
    EXPECT_TRUE(html.Contains("<h3>Institutions</h3>"));
    EXPECT_TRUE(html.Contains("Maison m"));
    EXPECT_TRUE(html.Contains("Service de sant"));
    EXPECT_FALSE(html.Contains("CPAS de Namur"));
}

TEST(ListPanel, ColumnWidthsAreRememberedPerList) {
    FakeContext context;
    {
        Window w(&context);
        w.list()->GetColumn(1)->SetWidth(w.list()->FromDIP(260));
        settle_gui();
    }
    ASSERT_TRUE(context.prefs.count("lists.test.institutions.widths"));
    EXPECT_TRUE(context.prefs["lists.test.institutions.widths"].StartsWith("220,260,"))
        << context.prefs["lists.test.institutions.widths"];
    Window again(&context);
    EXPECT_EQ(again.list()->GetColumn(1)->GetWidth(), again.list()->FromDIP(260));
}

TEST(ListPanel, ACountInTheLastColumnStaysInSightInANarrowWindow) {
    Window w(nullptr, wxSize(560, 400));
    settle_gui();
    auto* list = w.list();
    int right = 0;
    for (unsigned c = 0; c + 1 < list->GetColumnCount(); ++c) right += list->GetColumn(c)->GetWidth();
    // The last column starts before the visible edge and keeps its declared width.
    EXPECT_LE(right + list->FromDIP(80), list->GetClientSize().x);
    EXPECT_GE(list->GetColumn(list->GetColumnCount() - 1)->GetWidth(), list->FromDIP(80));
    test::snap_client(w.frame, kShots, "narrow_window");
}

// A page that is one list: the window's keys act on it.
class TestPage : public ListPage {
public:
    TestPage(wxWindow* parent, UiContext& context)
        : ListPage(parent, context, {.id = "test.page", .title = "Test", .columns = columns()}) {
        list()->set_source(rows());
    }
    void refresh() override { ++refreshed; }
    int refreshed = 0;
};

TEST(ListPage, CtrlFPutsTheCursorInTheSearchBoxOfThePage) {
    FakeContext context;
    auto* frame = new wxFrame(nullptr, wxID_ANY, "page", wxPoint(0, 0), wxSize(1200, 760));
    auto* page = new TestPage(frame, context);
    frame->Show();
    settle_gui();
    page->list()->list()->SetFocus();
    EXPECT_EQ(page->current_list(), page->list());
    EXPECT_TRUE(page->focus_search());
    settle_gui();
    wxWindow* focus = wxWindow::FindFocus();
    bool in_search = false;
    for (wxWindow* f = focus; f; f = f->GetParent()) in_search = in_search || f == page->list()->search_box();
    EXPECT_TRUE(in_search);
    EXPECT_FALSE(page->delete_selection());  // nothing to delete on this page
    page->list()->set_search("namur");
    test::snap_client(frame, kShots, "page_searched");
    frame->Destroy();
    settle_gui();
}

}  // namespace

int main(int argc, char** argv) { return maillage::test::run_gui_tests(argc, argv, {}); }
