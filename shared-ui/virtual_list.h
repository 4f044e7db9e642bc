#pragma once
// A table of any size over a row source: wxDataViewCtrl with a virtual list model, so
// 100,000 rows open and scroll without one widget per row. Sorting (click a header) and
// the search filter only reorder a row-index map; selection is reported as record ids.
#include <wx/dataview.h>
#include <wx/string.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace maillage::ui {

// Where the rows come from. Rows are addressed 0..row_count()-1 in the source's order.
class RowSource {
public:
    virtual ~RowSource() = default;
    virtual size_t row_count() const = 0;
    virtual wxString cell(size_t row, unsigned column) const = 0;
    virtual int64_t id(size_t row) const = 0;
};

// The common case: rows held in memory (read from a repository), one string per column.
class TableRowSource : public RowSource {
public:
    void add(int64_t id, std::vector<wxString> cells);
    void clear();
    void reserve(size_t rows);
    size_t row_count() const override { return ids_.size(); }
    wxString cell(size_t row, unsigned column) const override;
    int64_t id(size_t row) const override { return ids_[row]; }

private:
    std::vector<int64_t> ids_;
    std::vector<std::vector<wxString>> cells_;
};

struct ListColumn {
    wxString title;
    int width = 120;          // in DIPs (fixed, so that rows need not be measured)
    bool numeric = false;     // sorted as numbers, right-aligned
};

class VirtualListModel;

class VirtualList : public wxDataViewCtrl {
public:
    VirtualList(wxWindow* parent, std::vector<ListColumn> columns, long style = wxDV_ROW_LINES | wxDV_SINGLE);
    ~VirtualList() override;

    // Replaces the rows (the filter and sort order are kept) and tells the control.
    void set_source(std::shared_ptr<const RowSource> source);
    // Shows only rows where some cell contains every word of `text` (case and accents
    // ignored); empty shows all.
    void set_filter(const wxString& text);
    // Sorts by a column (header clicks do this too).
    void sort_by(int column, bool ascending = true);

    size_t shown_count() const;
    size_t total_count() const;
    // The id of the selected row, of every selected row, and selecting by id.
    std::optional<int64_t> selected_id() const;
    std::vector<int64_t> selected_ids() const;
    bool select_id(int64_t id);
    // The id of the row shown at position `row` (after filter and sort).
    int64_t id_at(size_t row) const;
    wxString text_at(size_t row, unsigned column) const;

private:
    void on_header_click(wxDataViewEvent& event);
    void on_size(wxSizeEvent& event);
    void update_header_titles();

    std::vector<ListColumn> columns_;
    wxObjectDataPtr<VirtualListModel> model_;
};

// Lowercase without accents, for search-as-you-type comparisons ("Aprèstoe" = "aprestoe").
wxString fold_for_search(const wxString& text);

}  // namespace maillage::ui
