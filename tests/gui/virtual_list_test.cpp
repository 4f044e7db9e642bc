// The shared virtual list with 100,000 rows: it opens without asking for every cell,
// filters, sorts by text and by number, and reports the selection as record ids.
#include "shared-ui/virtual_list.h"

#include "gui_test_support.h"

#include <gtest/gtest.h>
#include <wx/app.h>
#include <wx/frame.h>
#include <wx/init.h>
#include <wx/sizer.h>

#include <atomic>

using maillage::ui::ListColumn;
using maillage::ui::RowSource;
using maillage::ui::VirtualList;

namespace {

constexpr size_t kRows = 100000;

// Row r has id 1000 + r, a name "Service r" and a number (r * 7919) % kRows; counts
// how many cells the list asked for.
class CountingSource : public RowSource {
public:
    size_t row_count() const override { return kRows; }
    wxString cell(size_t row, unsigned column) const override {
        ++cells_read;
        if (column == 0) return wxString::Format("Service %zu", row);
        if (column == 1) return wxString::Format("%zu", (row * 7919) % kRows);
        return row % 2 ? wxString::FromUTF8("Bruxelles") : wxString::FromUTF8("Liège");
    }
    int64_t id(size_t row) const override { return 1000 + static_cast<int64_t>(row); }
    mutable std::atomic<size_t> cells_read{0};
};

class VirtualListTest : public ::testing::Test {
protected:
    void SetUp() override {
        frame = new wxFrame(nullptr, wxID_ANY, "virtual list", wxDefaultPosition, wxSize(800, 600));
        list = new VirtualList(frame, {{"Name", 200}, {"Number", 100, maillage::ui::ColumnKind::Integer}, {"Municipality", 150}});
        auto* sizer = new wxBoxSizer(wxVERTICAL);
        sizer->Add(list, 1, wxEXPAND);
        frame->SetSizer(sizer);
        frame->Show();
        source = std::make_shared<CountingSource>();
    }
    void TearDown() override {
        frame->Destroy();
        pump();
    }
    static void pump() {
        for (int i = 0; i < 5; ++i) wxTheApp->Yield(true);
    }
    wxFrame* frame = nullptr;
    VirtualList* list = nullptr;
    std::shared_ptr<CountingSource> source;
};

TEST_F(VirtualListTest, OpensAHundredThousandRowsReadingOnlyWhatIsShown) {
    list->set_source(source);
    frame->Update();
    pump();
    EXPECT_EQ(list->shown_count(), kRows);
    EXPECT_EQ(list->total_count(), kRows);
    // The rows on screen are read, not the 300,000 cells of the table.
    EXPECT_LT(source->cells_read.load(), 10000u);
    EXPECT_EQ(list->id_at(kRows - 1), static_cast<int64_t>(1000 + kRows - 1));
}

TEST_F(VirtualListTest, ScrollingToTheEndWorks) {
    list->set_source(source);
    ASSERT_TRUE(list->select_id(1000 + kRows - 1));
    pump();
    EXPECT_EQ(list->selected_id(), std::optional<int64_t>(1000 + kRows - 1));
}

TEST_F(VirtualListTest, FilterKeepsMatchingRowsIgnoringCaseAndAccents) {
    list->set_source(source);
    list->set_filter("service 9999 liege");
    // Every word must appear in some column: "9999" in the name or the number.
    ASSERT_GT(list->shown_count(), 0u);
    for (size_t r = 0; r < list->shown_count(); ++r) {
        EXPECT_TRUE(list->text_at(r, 0).Contains("9999") || list->text_at(r, 1).Contains("9999"));
        EXPECT_EQ(list->text_at(r, 2), wxString::FromUTF8("Liège"));
    }
    list->set_filter("");
    EXPECT_EQ(list->shown_count(), kRows);
}

TEST_F(VirtualListTest, SortsNumbersAsNumbersBothWays) {
    list->set_source(source);
    list->sort_by(1, true);
    EXPECT_EQ(list->text_at(0, 1), "0");
    EXPECT_EQ(list->text_at(1, 1), "1");
    EXPECT_EQ(list->text_at(10, 1), "10");  // not "10" after "1" and before "2"
    list->sort_by(1, false);
    EXPECT_EQ(list->text_at(0, 1), wxString::Format("%zu", kRows - 1));
}

TEST_F(VirtualListTest, SelectionIsReportedAsIdAfterSorting) {
    list->set_source(source);
    list->sort_by(0, false);
    ASSERT_TRUE(list->select_id(1042));
    EXPECT_EQ(list->selected_id(), std::optional<int64_t>(1042));
    const auto ids = list->selected_ids();
    ASSERT_EQ(ids.size(), 1u);
    EXPECT_EQ(ids.front(), 1042);
    // Replacing the rows keeps the selection on the same record.
    list->set_source(std::make_shared<CountingSource>());
    EXPECT_EQ(list->selected_id(), std::optional<int64_t>(1042));
}

TEST(FoldForSearch, IgnoresCaseAndAccents) {
    EXPECT_EQ(maillage::ui::fold_for_search(wxString::FromUTF8("Aprèstoe ÉTÉ")), "aprestoe ete");
}

}  // namespace

int main(int argc, char** argv) { return maillage::test::run_gui_tests(argc, argv, {}); }
