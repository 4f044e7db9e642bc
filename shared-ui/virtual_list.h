#pragma once
// A table of any size over a row source: wxDataViewCtrl with a virtual list model, so
// 100,000 rows open and scroll without one widget per row. Sorting (click a header) and
// the search and status filters only reorder a row-index map; selection is reported as
// record ids. The rows shown can be exported (CSV, XLSX) and printed as they are.
// Pages usually take the whole pattern (search box, status filter, count, buttons, list)
// from ListPanel (shared-ui/list_panel.h).
#include <wx/dataview.h>
#include <wx/string.h>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace maillage::ui {

class UiContext;

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

// How a column's text is compared and aligned. Integer, Decimal and Date columns sort
// by value whatever the locale wrote ("1 234,5", "01/09/2024", "2024-09-01"); Status
// columns can filter the list (ListPanel's status choice).
enum class ColumnKind { Text, Integer, Decimal, Date, Status };

struct ListColumn {
    wxString title;
    int width = 120;          // in DIPs (fixed, so that rows need not be measured)
    ColumnKind kind = ColumnKind::Text;
    bool numeric() const { return kind == ColumnKind::Integer || kind == ColumnKind::Decimal; }
};

class VirtualListModel;

class VirtualList : public wxDataViewCtrl {
public:
    // wxDV_MULTIPLE in `style` allows selecting several rows (selected_ids()).
    VirtualList(wxWindow* parent, std::vector<ListColumn> columns, long style = wxDV_ROW_LINES | wxDV_SINGLE);
    ~VirtualList() override;

    // Replaces the rows (the filter and sort order are kept) and tells the control.
    void set_source(std::shared_ptr<const RowSource> source);
    // Shows only rows where some cell contains every word of `text` (case and accents
    // ignored); empty shows all.
    void set_filter(const wxString& text);
    // Shows only rows whose cell in `column` is `value` exactly; an empty value shows all.
    void set_status_filter(int column, const wxString& value);
    // Sorts by a column (header clicks do this too).
    void sort_by(int column, bool ascending = true);
    int sort_column() const;
    bool sort_ascending() const;

    const std::vector<ListColumn>& columns() const { return columns_; }
    size_t shown_count() const;
    size_t total_count() const;
    // The id of the selected row, of every selected row, and selecting by id.
    std::optional<int64_t> selected_id() const;
    std::vector<int64_t> selected_ids() const;
    bool select_id(int64_t id);
    // The id of the row shown at position `row` (after filter and sort).
    int64_t id_at(size_t row) const;
    wxString text_at(size_t row, unsigned column) const;

    // The rows shown, in the order shown, under the column titles. CSV through the
    // core's writer (UTF-8 with BOM, ';'); XLSX with numbers as numbers; HTML for
    // printing. write_xlsx throws maillage::Error when the file cannot be written.
    void write_csv(std::ostream& out) const;
    void write_xlsx(const std::filesystem::path& file, const wxString& sheet) const;
    wxString to_html(const wxString& title) const;

    // Restores the column widths the user left in this list (`list_id`, e.g.
    // "core.institutions") and saves them when the list is destroyed.
    void remember_widths(UiContext& context, const std::string& list_id);

private:
    void on_header_click(wxDataViewEvent& event);
    void on_size(wxSizeEvent& event);
    void fit_last_column();
    void update_header_titles();
    void save_widths();

    std::vector<ListColumn> columns_;
    wxObjectDataPtr<VirtualListModel> model_;
    UiContext* context_ = nullptr;
    std::string list_id_;
    std::vector<int> natural_;  // widths in pixels before a narrow window squeezed them
    bool squeezed_ = false;
};

// Lowercase without accents, for search-as-you-type comparisons ("Aprèstoe" = "aprestoe").
wxString fold_for_search(const wxString& text);

// The value of a number as a page may show it ("1 234,5", "1.234", "12 %", "-3"), or
// nullopt when the text holds no number. `decimal` is the locale's decimal separator.
std::optional<double> number_value(const wxString& text, wxUniChar decimal = ',');
// A date (and optional time) as a sortable number: ISO (2024-09-01 14:30), day first
// (01/09/2024, 1.9.2024) or a month name the locale knows; nullopt when none.
std::optional<double> date_value(const wxString& text);

}  // namespace maillage::ui
