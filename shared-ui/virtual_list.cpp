#include "shared-ui/virtual_list.h"

#include <wx/intl.h>
#include <wx/tokenzr.h>

#include <algorithm>
#include <cstdlib>
#include <numeric>

#ifdef __WXGTK__
// GtkTreeView measures every row unless told they all have the same height; wx does not
// say so, and a 100,000-row list would then read every cell. Declared here because the
// GTK headers are not among the build's dependencies (the library is loaded by wx).
extern "C" void gtk_tree_view_set_fixed_height_mode(struct _GtkTreeView* tree_view, int enable);
#endif

namespace maillage::ui {

wxString fold_for_search(const wxString& text) {
    // Latin letters with diacritics map onto their base letter; enough for FR/NL names.
    // Capitals are listed too: towlower() leaves them alone in the "C" locale.
    static const wxString from = wxString::FromUTF8("àáâãäåçèéêëìíîïñòóôõöùúûüýÿœæÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖÙÚÛÜÝŒÆ");
    static const wxString to = "aaaaaaceeeeiiiinooooouuuuyyoaaaaaaaceeeeiiiinooooouuuuyoa";
    wxString out = text.Lower();
    for (auto it = out.begin(); it != out.end(); ++it) {
        const int pos = from.Find(wxUniChar(*it));
        if (pos != wxNOT_FOUND) *it = to[pos];
    }
    return out;
}

void TableRowSource::add(int64_t id, std::vector<wxString> cells) {
    ids_.push_back(id);
    cells_.push_back(std::move(cells));
}

void TableRowSource::clear() {
    ids_.clear();
    cells_.clear();
}

void TableRowSource::reserve(size_t rows) {
    ids_.reserve(rows);
    cells_.reserve(rows);
}

wxString TableRowSource::cell(size_t row, unsigned column) const {
    const auto& cells = cells_[row];
    return column < cells.size() ? cells[column] : wxString();
}

// Maps the rows the control shows onto the source's rows: the filter removes entries,
// sorting reorders them. The control only ever asks for the visible rows' cells.
class VirtualListModel : public wxDataViewVirtualListModel {
public:
    explicit VirtualListModel(std::vector<ListColumn> columns) : columns_(std::move(columns)) {}

    unsigned GetColumnCount() const override { return static_cast<unsigned>(columns_.size()); }
    wxString GetColumnType(unsigned) const override { return "string"; }
    void GetValueByRow(wxVariant& value, unsigned row, unsigned column) const override {
        value = row < map_.size() && source_ ? source_->cell(map_[row], column) : wxString();
    }
    bool SetValueByRow(const wxVariant&, unsigned, unsigned) override { return false; }

    void set_source(std::shared_ptr<const RowSource> source) {
        source_ = std::move(source);
        rebuild();
    }
    void set_filter(const wxString& text) {
        words_.clear();
        for (auto& w : wxSplit(fold_for_search(text), ' ', 0))
            if (!w.empty()) words_.push_back(w);
        rebuild();
    }
    void sort_by(int column, bool ascending) {
        sort_column_ = column;
        ascending_ = ascending;
        rebuild();
    }
    int sort_column() const { return sort_column_; }
    bool ascending() const { return ascending_; }

    size_t shown() const { return map_.size(); }
    size_t total() const { return source_ ? source_->row_count() : 0; }
    size_t source_row(size_t row) const { return map_[row]; }
    const RowSource* source() const { return source_.get(); }
    // Position of a source row in the view, or -1.
    long position_of_id(int64_t id) const {
        for (size_t i = 0; i < map_.size(); ++i)
            if (source_->id(map_[i]) == id) return static_cast<long>(i);
        return -1;
    }

private:
    bool matches(size_t row) const {
        if (words_.empty()) return true;
        wxString haystack;
        for (unsigned c = 0; c < columns_.size(); ++c) haystack << source_->cell(row, c) << '\t';
        haystack = fold_for_search(haystack);
        return std::all_of(words_.begin(), words_.end(), [&](const wxString& w) { return haystack.Contains(w); });
    }

    void rebuild() {
        map_.clear();
        const size_t n = total();
        map_.reserve(n);
        for (size_t r = 0; r < n; ++r)
            if (matches(r)) map_.push_back(r);
        if (sort_column_ >= 0 && static_cast<size_t>(sort_column_) < columns_.size()) {
            // One key per row, computed once, then a stable sort of the indices.
            const unsigned c = static_cast<unsigned>(sort_column_);
            std::vector<size_t> order(map_.size());
            std::iota(order.begin(), order.end(), 0);
            if (columns_[c].numeric) {
                std::vector<double> keys(map_.size());
                for (size_t i = 0; i < map_.size(); ++i) {
                    double v = 0;
                    source_->cell(map_[i], c).ToCDouble(&v);
                    keys[i] = v;
                }
                std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
                    return ascending_ ? keys[a] < keys[b] : keys[b] < keys[a];
                });
            } else {
                std::vector<wxString> keys(map_.size());
                for (size_t i = 0; i < map_.size(); ++i) keys[i] = fold_for_search(source_->cell(map_[i], c));
                std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
                    return ascending_ ? keys[a] < keys[b] : keys[b] < keys[a];
                });
            }
            std::vector<size_t> sorted(map_.size());
            for (size_t i = 0; i < order.size(); ++i) sorted[i] = map_[order[i]];
            map_ = std::move(sorted);
        }
        Reset(static_cast<unsigned>(map_.size()));
    }

    const std::vector<ListColumn> columns_;
    std::shared_ptr<const RowSource> source_;
    std::vector<size_t> map_;
    std::vector<wxString> words_;
    int sort_column_ = -1;
    bool ascending_ = true;
};

VirtualList::VirtualList(wxWindow* parent, std::vector<ListColumn> columns, long style)
    : wxDataViewCtrl(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, style), columns_(std::move(columns)),
      model_(new VirtualListModel(columns_)) {
    AssociateModel(model_.get());
    for (unsigned c = 0; c < columns_.size(); ++c) {
        const auto& col = columns_[c];
        // Sorting is ours (the native one would need the whole model): columns are not
        // marked sortable, header clicks sort the index map.
        AppendTextColumn(col.title, c, wxDATAVIEW_CELL_INERT, FromDIP(col.width),
                         col.numeric ? wxALIGN_RIGHT : wxALIGN_LEFT, wxDATAVIEW_COL_RESIZABLE);
    }
    Bind(wxEVT_DATAVIEW_COLUMN_HEADER_CLICK, &VirtualList::on_header_click, this);
    // The last column takes the space left, as a fixed width recomputed on resize.
    Bind(wxEVT_SIZE, &VirtualList::on_size, this);
#ifdef __WXGTK__
    // Every column has a fixed width (set above), which fixed-height mode requires.
    gtk_tree_view_set_fixed_height_mode(reinterpret_cast<struct _GtkTreeView*>(GtkGetTreeView()), 1);
#endif
}

VirtualList::~VirtualList() {
    Unbind(wxEVT_SIZE, &VirtualList::on_size, this);
    Unbind(wxEVT_DATAVIEW_COLUMN_HEADER_CLICK, &VirtualList::on_header_click, this);
}

void VirtualList::on_size(wxSizeEvent& event) {
    event.Skip();
    const unsigned n = GetColumnCount();
    if (n == 0) return;
    int used = 0;
    for (unsigned c = 0; c + 1 < n; ++c) used += GetColumn(c)->GetWidth();
    // Room for the vertical scroll bar.
    const int available = GetClientSize().x - used - FromDIP(18);
    const int minimum = FromDIP(columns_.back().width);
    GetColumn(n - 1)->SetWidth(std::max(minimum, available));
}

void VirtualList::set_source(std::shared_ptr<const RowSource> source) {
    const auto keep = selected_id();
    model_->set_source(std::move(source));
    if (keep) select_id(*keep);
}

void VirtualList::set_filter(const wxString& text) { model_->set_filter(text); }

void VirtualList::sort_by(int column, bool ascending) {
    model_->sort_by(column, ascending);
    update_header_titles();
}

void VirtualList::on_header_click(wxDataViewEvent& event) {
    const int column = event.GetColumn();
    if (column < 0) return;
    const bool ascending = model_->sort_column() == column ? !model_->ascending() : true;
    const auto keep = selected_id();
    sort_by(column, ascending);
    if (keep) select_id(*keep);
}

void VirtualList::update_header_titles() {
    for (unsigned c = 0; c < columns_.size() && c < GetColumnCount(); ++c) {
        wxString title = columns_[c].title;
        if (static_cast<int>(c) == model_->sort_column())
            title += model_->ascending() ? wxString::FromUTF8(" ▲") : wxString::FromUTF8(" ▼");
        GetColumn(c)->SetTitle(title);
    }
}

size_t VirtualList::shown_count() const { return model_->shown(); }
size_t VirtualList::total_count() const { return model_->total(); }

std::optional<int64_t> VirtualList::selected_id() const {
    const wxDataViewItem item = GetSelection();
    if (!item.IsOk()) return std::nullopt;
    const unsigned row = model_->GetRow(item);
    if (row >= model_->shown()) return std::nullopt;
    return id_at(row);
}

std::vector<int64_t> VirtualList::selected_ids() const {
    wxDataViewItemArray items;
    GetSelections(items);
    std::vector<int64_t> ids;
    for (const auto& item : items) {
        const unsigned row = model_->GetRow(item);
        if (row < model_->shown()) ids.push_back(id_at(row));
    }
    return ids;
}

bool VirtualList::select_id(int64_t id) {
    const long pos = model_->position_of_id(id);
    if (pos < 0) return false;
    const wxDataViewItem item = model_->GetItem(static_cast<unsigned>(pos));
    Select(item);
    EnsureVisible(item);
    return true;
}

int64_t VirtualList::id_at(size_t row) const { return model_->source()->id(model_->source_row(row)); }

wxString VirtualList::text_at(size_t row, unsigned column) const {
    return model_->source()->cell(model_->source_row(row), column);
}

}  // namespace maillage::ui
