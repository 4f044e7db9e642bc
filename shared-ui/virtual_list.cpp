#include "shared-ui/virtual_list.h"

#include "shared-ui/plugin_ui.h"

#include "core/csv.h"
#include "core/error.h"

#include <wx/datetime.h>
#include <wx/intl.h>
#include <wx/numformatter.h>
#include <wx/tokenzr.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <limits>
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

std::optional<double> number_value(const wxString& text, wxUniChar decimal) {
    // Keep digits, sign and separators of the first number; spaces (also the no-break
    // ones French formatting uses) and apostrophes group thousands.
    std::string s;
    bool digits = false;
    for (wxUniChar c : text) {
        const auto v = c.GetValue();
        if (v >= '0' && v <= '9') {
            s += static_cast<char>(v);
            digits = true;
        } else if ((v == '-' || v == 0x2212) && s.empty()) {
            s += '-';
        } else if ((v == '.' || v == ',') && digits) {
            s += static_cast<char>(v);
        } else if (digits && (v == ' ' || v == 0xA0 || v == 0x202F || v == '\'')) {
            continue;
        } else if (digits) {
            break;
        } else if (!s.empty()) {
            s.clear();  // a lone minus sign before text
        }
    }
    if (!digits) return std::nullopt;
    while (!s.empty() && (s.back() == '.' || s.back() == ',')) s.pop_back();
    const auto last_dot = s.rfind('.');
    const auto last_comma = s.rfind(',');
    char point = 0;
    if (last_dot != std::string::npos && last_comma != std::string::npos) {
        point = last_dot > last_comma ? '.' : ',';
    } else if (last_dot != std::string::npos || last_comma != std::string::npos) {
        const char sep = last_dot != std::string::npos ? '.' : ',';
        const auto pos = sep == '.' ? last_dot : last_comma;
        const bool once = s.find(sep) == pos;
        // "1.234" is a thousand where the decimal separator is a comma, and 1.234 elsewhere.
        const bool grouping = !once || (s.size() - pos - 1 == 3 && static_cast<char>(decimal.GetValue()) != sep);
        point = grouping ? 0 : sep;
    }
    std::string clean;
    for (char c : s) {
        if (c == point)
            clean += '.';
        else if (c != '.' && c != ',')
            clean += c;
    }
    double value = 0;
    const auto [end, error] = std::from_chars(clean.data(), clean.data() + clean.size(), value);
    if (error != std::errc()) return std::nullopt;
    return value;
}

std::optional<double> date_value(const wxString& text) {
    // The numbers in the text: year-month-day when the first has four digits, else
    // day-month-year as Belgian dates are written; then hours and minutes.
    std::vector<long> numbers;
    std::vector<size_t> lengths;
    long current = -1;
    size_t length = 0;
    for (wxUniChar c : text + " ") {
        const auto v = c.GetValue();
        if (v >= '0' && v <= '9') {
            current = (current < 0 ? 0 : current * 10) + static_cast<long>(v - '0');
            ++length;
        } else if (current >= 0) {
            numbers.push_back(current);
            lengths.push_back(length);
            current = -1;
            length = 0;
        }
    }
    long y = 0, m = 0, d = 0;
    size_t next = 3;
    if (numbers.size() >= 3 && lengths[0] == 4) {
        y = numbers[0], m = numbers[1], d = numbers[2];
    } else if (numbers.size() >= 3 && lengths[2] == 4) {
        d = numbers[0], m = numbers[1], y = numbers[2];
    } else {
        // A month written as a word ("2 sept. 2024"): the locale's parser knows its names.
        wxDateTime parsed;
        wxString::const_iterator end;
        if (!text.empty() && parsed.ParseDate(text, &end)) return parsed.GetJDN();
        return std::nullopt;
    }
    if (m < 1 || m > 12 || d < 1 || d > 31) return std::nullopt;
    double value = wxDateTime(static_cast<wxDateTime::wxDateTime_t>(d), static_cast<wxDateTime::Month>(m - 1),
                              static_cast<int>(y))
                       .GetJDN();
    if (numbers.size() >= next + 2) value += (numbers[next] * 60.0 + numbers[next + 1]) / 1440.0;
    return value;
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

// Maps the rows the control shows onto the source's rows: the filters remove entries,
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
    void set_status_filter(int column, const wxString& value) {
        status_column_ = column;
        status_ = value;
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
        if (!status_.empty() && status_column_ >= 0 &&
            source_->cell(row, static_cast<unsigned>(status_column_)) != status_)
            return false;
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
        if (sort_column_ >= 0 && static_cast<size_t>(sort_column_) < columns_.size()) sort();
        Reset(static_cast<unsigned>(map_.size()));
    }

    // One key per row, computed once, then a stable sort of the indices. Rows without a
    // value (empty cells) go last in both directions.
    void sort() {
        const unsigned c = static_cast<unsigned>(sort_column_);
        const ColumnKind kind = columns_[c].kind;
        std::vector<size_t> order(map_.size());
        std::iota(order.begin(), order.end(), 0);
        if (kind == ColumnKind::Integer || kind == ColumnKind::Decimal || kind == ColumnKind::Date) {
            const wxUniChar decimal = wxNumberFormatter::GetDecimalSeparator();
            std::vector<std::optional<double>> keys(map_.size());
            for (size_t i = 0; i < map_.size(); ++i) {
                const wxString text = source_->cell(map_[i], c);
                keys[i] = kind == ColumnKind::Date ? date_value(text) : number_value(text, decimal);
            }
            std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
                if (!keys[a] || !keys[b]) return keys[a].has_value() && !keys[b].has_value();
                return ascending_ ? *keys[a] < *keys[b] : *keys[b] < *keys[a];
            });
        } else {
            std::vector<wxString> keys(map_.size());
            for (size_t i = 0; i < map_.size(); ++i) keys[i] = fold_for_search(source_->cell(map_[i], c));
            std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
                if (keys[a].empty() || keys[b].empty()) return !keys[a].empty() && keys[b].empty();
                return ascending_ ? keys[a] < keys[b] : keys[b] < keys[a];
            });
        }
        std::vector<size_t> sorted(map_.size());
        for (size_t i = 0; i < order.size(); ++i) sorted[i] = map_[order[i]];
        map_ = std::move(sorted);
    }

    const std::vector<ListColumn> columns_;
    std::shared_ptr<const RowSource> source_;
    std::vector<size_t> map_;
    std::vector<wxString> words_;
    int status_column_ = -1;
    wxString status_;
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
                         col.numeric() ? wxALIGN_RIGHT : wxALIGN_LEFT, wxDATAVIEW_COL_RESIZABLE);
        natural_.push_back(FromDIP(col.width));
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
    save_widths();
    Unbind(wxEVT_SIZE, &VirtualList::on_size, this);
    Unbind(wxEVT_DATAVIEW_COLUMN_HEADER_CLICK, &VirtualList::on_header_click, this);
}

void VirtualList::on_size(wxSizeEvent& event) {
    event.Skip();
    fit_last_column();
    // GTK gives the columns their widths only once the view is allocated: fit again then.
    CallAfter([this] {
        if (IsShownOnScreen()) fit_last_column();
    });
}

void VirtualList::fit_last_column() {
    const unsigned n = GetColumnCount();
    if (n == 0) return;
    if (natural_.size() != n) {
        natural_.clear();
        for (const auto& c : columns_) natural_.push_back(FromDIP(c.width));
    }
    // Room for the vertical scroll bar.
    const int room = GetClientSize().x - FromDIP(18);
    const int minimum = natural_.back();
    int natural_used = 0;
    for (unsigned c = 0; c + 1 < n; ++c) natural_used += natural_[c];
    // A count or amount at the end must stay in sight: in a window too narrow for the
    // columns' widths, the columns before it give way in proportion, free text first,
    // then dates, numbers and statuses, down to a readable minimum. (Not while the
    // control is still being laid out and has no real width.)
    const bool squeeze = columns_.back().numeric() && natural_used + minimum > room && room >= FromDIP(200);
    int used = 0;
    if (squeeze) {
        std::vector<int> widths(natural_.begin(), natural_.end() - 1);
        int excess = natural_used + minimum - room;
        const int floor = FromDIP(60);
        for (const bool text_only : {true, false}) {
            int spare = 0;
            for (unsigned c = 0; c + 1 < n; ++c)
                if (!text_only || columns_[c].kind == ColumnKind::Text) spare += std::max(0, widths[c] - floor);
            const int take = std::min(spare, excess);
            if (take <= 0) continue;
            for (unsigned c = 0; c + 1 < n; ++c) {
                if (text_only && columns_[c].kind != ColumnKind::Text) continue;
                const int give = static_cast<int>(static_cast<long long>(std::max(0, widths[c] - floor)) * take / spare);
                widths[c] -= give;
                excess -= give;
            }
        }
        for (unsigned c = 0; c + 1 < n; ++c) {
            GetColumn(c)->SetWidth(widths[c]);
            used += widths[c];
        }
        squeezed_ = true;
    } else {
        for (unsigned c = 0; c + 1 < n; ++c) {
            // Back to the widths the columns had before the window was narrow.
            if (squeezed_) GetColumn(c)->SetWidth(natural_[c]);
            const int w = squeezed_ ? natural_[c] : GetColumn(c)->GetWidth();
            used += w > 0 ? w : natural_[c];
        }
        squeezed_ = false;
    }
    GetColumn(n - 1)->SetWidth(std::max(minimum, room - used));
}

void VirtualList::set_source(std::shared_ptr<const RowSource> source) {
    const auto keep = selected_id();
    model_->set_source(std::move(source));
    if (keep) select_id(*keep);
}

void VirtualList::set_filter(const wxString& text) { model_->set_filter(text); }

void VirtualList::set_status_filter(int column, const wxString& value) { model_->set_status_filter(column, value); }

void VirtualList::sort_by(int column, bool ascending) {
    model_->sort_by(column, ascending);
    update_header_titles();
}

int VirtualList::sort_column() const { return model_->sort_column(); }
bool VirtualList::sort_ascending() const { return model_->ascending(); }

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
    wxDataViewItem item = GetSelection();
    if (!item.IsOk() && HasFlag(wxDV_MULTIPLE)) {
        // Several rows selected: the one with the cursor is "the" selection.
        wxDataViewItemArray items;
        if (GetSelections(items) > 0) item = GetCurrentItem().IsOk() ? GetCurrentItem() : items[0];
    }
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
    if (HasFlag(wxDV_MULTIPLE)) UnselectAll();
    Select(item);
    EnsureVisible(item);
    return true;
}

int64_t VirtualList::id_at(size_t row) const { return model_->source()->id(model_->source_row(row)); }

wxString VirtualList::text_at(size_t row, unsigned column) const {
    return model_->source()->cell(model_->source_row(row), column);
}

void VirtualList::write_csv(std::ostream& out) const {
    csv::Writer writer(out);
    std::vector<std::string> fields;
    for (const auto& c : columns_) fields.push_back(c.title.utf8_string());
    writer.row(fields);
    for (size_t r = 0; r < shown_count(); ++r) {
        for (unsigned c = 0; c < columns_.size(); ++c) fields[c] = text_at(r, c).utf8_string();
        writer.row(fields);
    }
}

void VirtualList::write_xlsx(const std::filesystem::path& file, const wxString& sheet) const {
    lxw_workbook* book = workbook_new(file.string().c_str());
    const wxString name_of_file = wxString::FromUTF8(file.string());
    if (!book) throw Error(wxString::Format(_("Cannot write %s."), name_of_file).utf8_string());
    // Sheet names: at most 31 characters, none of []:*?/\ .
    wxString name = sheet.Left(31);
    for (const char bad : {'[', ']', ':', '*', '?', '/', '\\'}) name.Replace(wxString(bad), "-");
    lxw_worksheet* ws = workbook_add_worksheet(book, name.empty() ? nullptr : name.utf8_str().data());
    lxw_format* bold = workbook_add_format(book);
    format_set_bold(bold);
    const wxUniChar decimal = wxNumberFormatter::GetDecimalSeparator();
    for (unsigned c = 0; c < columns_.size(); ++c) {
        worksheet_write_string(ws, 0, static_cast<lxw_col_t>(c), columns_[c].title.utf8_str().data(), bold);
        worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), columns_[c].width / 7.0, nullptr);
    }
    for (size_t r = 0; r < shown_count(); ++r) {
        const auto row = static_cast<lxw_row_t>(r + 1);
        for (unsigned c = 0; c < columns_.size(); ++c) {
            const wxString text = text_at(r, c);
            if (text.empty()) continue;
            const auto number = columns_[c].numeric() ? number_value(text, decimal) : std::nullopt;
            if (number)
                worksheet_write_number(ws, row, static_cast<lxw_col_t>(c), *number, nullptr);
            else
                worksheet_write_string(ws, row, static_cast<lxw_col_t>(c), text.utf8_str().data(), nullptr);
        }
    }
    if (const lxw_error error = workbook_close(book); error != LXW_NO_ERROR)
        throw Error(wxString::Format(_("Cannot write %s: %s"), name_of_file, wxString::FromUTF8(lxw_strerror(error)))
                        .utf8_string());
}

wxString VirtualList::to_html(const wxString& title) const {
    auto escape = [](wxString s) {
        s.Replace("&", "&amp;");
        s.Replace("<", "&lt;");
        s.Replace(">", "&gt;");
        return s;
    };
    wxString html = "<html><body><h3>" + escape(title) + "</h3>";
    html << "<table border=\"1\" cellspacing=\"0\" cellpadding=\"3\" width=\"100%\"><tr>";
    for (const auto& c : columns_) html << "<th align=\"left\">" << escape(c.title) << "</th>";
    html << "</tr>";
    for (size_t r = 0; r < shown_count(); ++r) {
        html << "<tr>";
        for (unsigned c = 0; c < columns_.size(); ++c)
            html << (columns_[c].numeric() ? "<td align=\"right\">" : "<td>") << escape(text_at(r, c)) << "</td>";
        html << "</tr>";
    }
    html << "</table></body></html>";
    return html;
}

void VirtualList::remember_widths(UiContext& context, const std::string& list_id) {
    context_ = &context;
    list_id_ = list_id;
    const wxArrayString widths = wxSplit(context.preference("lists." + list_id + ".widths"), ',', 0);
    for (unsigned c = 0; c < widths.size() && c + 1 < GetColumnCount(); ++c) {
        long w = 0;
        if (widths[c].ToLong(&w) && w >= 20 && w <= 2000) {
            GetColumn(c)->SetWidth(FromDIP(static_cast<int>(w)));
            natural_[c] = FromDIP(static_cast<int>(w));
        }
    }
    fit_last_column();
}

void VirtualList::save_widths() {
    if (!context_ || list_id_.empty()) return;
    // The last column fills the space left, so only the others are the user's choice;
    // squeezed columns are kept at the width they had before.
    wxArrayString widths;
    for (unsigned c = 0; c + 1 < GetColumnCount(); ++c) {
        const int w = squeezed_ && c < natural_.size() ? natural_[c] : GetColumn(c)->GetWidth();
        widths.push_back(wxString::Format("%d", ToDIP(w)));
    }
    context_->set_preference("lists." + list_id_ + ".widths", wxJoin(widths, ','));
}

}  // namespace maillage::ui
