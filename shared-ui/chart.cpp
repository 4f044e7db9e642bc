#include "shared-ui/chart.h"

#include "core/locale_format.h"

#include <wx/dcclient.h>
#include <wx/dcmemory.h>
#include <wx/image.h>
#include <wx/intl.h>
#include <wx/settings.h>

#include <algorithm>
#include <cmath>

namespace maillage::ui {
namespace {

constexpr double kPi = 3.14159265358979323846;

double text_width(wxGraphicsContext& gc, const wxString& text) {
    double w = 0, h = 0;
    gc.GetTextExtent(text, &w, &h);
    return w;
}

// The text cut with an ellipsis so that it fits in `width`.
wxString fit(wxGraphicsContext& gc, const wxString& text, double width) {
    if (text_width(gc, text) <= width) return text;
    wxString cut = text;
    while (!cut.empty() && text_width(gc, cut + wxString::FromUTF8("…")) > width) cut.RemoveLast();
    return cut.empty() ? wxString() : cut + wxString::FromUTF8("…");
}

wxString format_value(double v) {
    if (std::floor(v) == v && std::fabs(v) < 1e15) return wxString::FromUTF8(locale::integer(static_cast<long long>(v)));
    return wxString::FromUTF8(locale::decimal(v, 2));
}

// The share of value in total, "44,54 %", in the UI language.
wxString share_text(double value, double total) {
    return wxString::FromUTF8(locale::percent(total > 0 ? value / total * 100.0 : 0.0, 2));
}

// "12 (44,54 %)": the value and its share, as the reports write it.
wxString value_with_share(double value, double total) { return format_value(value) + " (" + share_text(value, total) + ")"; }

int line_height(const wxFont& font) { return std::max(12, font.GetPixelSize().GetHeight()); }

}  // namespace

wxColour chart_colour(size_t index) {
    static const wxColour palette[] = {
        wxColour(0, 114, 178),   wxColour(230, 159, 0),  wxColour(0, 158, 115),   wxColour(204, 121, 167),
        wxColour(86, 180, 233),  wxColour(213, 94, 0),   wxColour(240, 228, 66),  wxColour(100, 100, 100),
        wxColour(160, 160, 160), wxColour(60, 60, 60),   wxColour(200, 200, 200), wxColour(130, 130, 130),
    };
    return palette[index % std::size(palette)];
}

ChartPanel::ChartPanel(wxWindow* parent, Kind kind, wxWindowID id)
    : wxPanel(parent, id, wxDefaultPosition, wxDefaultSize, wxFULL_REPAINT_ON_RESIZE), kind_(kind) {
    SetMinSize(FromDIP(wxSize(200, 80)));
    Bind(wxEVT_PAINT, &ChartPanel::on_paint, this);
}

void ChartPanel::set_data(const wxString& title, std::vector<ChartValue> values) {
    title_ = title;
    values_ = std::move(values);
    for (auto& v : values_)
        if (!(v.value > 0)) v.value = 0;
    InvalidateBestSize();
    Refresh();
}

void ChartPanel::set_chart(const ReportChart& chart) {
    kind_ = chart.kind == ReportChart::Kind::Pie ? Kind::Pie : Kind::Bar;
    std::vector<ChartValue> values;
    for (const auto& [label, value] : chart.values) values.push_back({wxString::FromUTF8(label), value});
    set_data(wxString::FromUTF8(chart.title), std::move(values));
}

void ChartPanel::set_kind(Kind kind) {
    kind_ = kind;
    InvalidateBestSize();
    Refresh();
}

void ChartPanel::set_whole(double whole) {
    whole_ = whole;
    Refresh();
}

void ChartPanel::show_title(bool show) {
    show_title_ = show;
    Refresh();
}

std::vector<wxString> ChartPanel::texts() const {
    std::vector<wxString> out;
    if (show_title_ && !title_.empty()) out.push_back(title_);
    const double sum = kind_ == Kind::Bar ? whole() : total();
    for (const auto& v : values_) {
        out.push_back(v.label);
        out.push_back(value_with_share(v.value, sum));
    }
    return out;
}

double ChartPanel::total() const {
    double sum = 0;
    for (const auto& v : values_) sum += v.value;
    return sum;
}

int ChartPanel::best_height(int width) const {
    const int line = line_height(GetFont());
    const int title = show_title_ && !title_.empty() ? line * 2 : 0;
    const int rows = std::max<int>(1, values_.size());
    if (kind_ == Kind::Bar) return title + rows * (line * 16 / 10 + 4) + line / 2;
    return title + std::max(std::min(width / 2, FromDIP(220)), rows * (line * 3 / 2) + line);
}

wxSize ChartPanel::DoGetBestClientSize() const {
    const int width = FromDIP(420);
    return wxSize(width, best_height(width));
}

void ChartPanel::on_paint(wxPaintEvent&) {
    // The theme paints the background (GTK double-buffers): the chart sits on the page,
    // not in a box of a slightly different grey.
    wxPaintDC dc(this);
    std::unique_ptr<wxGraphicsContext> gc(wxGraphicsContext::Create(dc));
    if (gc) render(*gc, GetClientSize());
}

bool ChartPanel::save_png(const wxString& path, wxSize size) const {
    if (size == wxDefaultSize) size = GetClientSize();
    if (size.x < 50 || size.y < 30) size = wxSize(FromDIP(480), best_height(FromDIP(480)));
    wxBitmap bitmap(size, 24);
    {
        wxMemoryDC dc(bitmap);
        dc.SetBackground(*wxWHITE_BRUSH);
        dc.Clear();
        std::unique_ptr<wxGraphicsContext> gc(wxGraphicsContext::Create(dc));
        if (!gc) return false;
        render(*gc, size);
    }
    return bitmap.ConvertToImage().SaveFile(path, wxBITMAP_TYPE_PNG);
}

void ChartPanel::render(wxGraphicsContext& gc, wxSize size) const {
    gc.SetAntialiasMode(wxANTIALIAS_DEFAULT);
    const wxFont font = GetFont();
    const int line = line_height(font);
    const int margin = line / 2;
    wxRect area(margin, margin, size.x - 2 * margin, size.y - 2 * margin);
    const wxColour text = wxSystemSettings::GetColour(wxSYS_COLOUR_WINDOWTEXT);
    if (show_title_ && !title_.empty()) {
        gc.SetFont(font.Bold(), text);
        gc.DrawText(fit(gc, title_, area.width), area.x, area.y);
        area.y += line * 2;
        area.height -= line * 2;
    }
    gc.SetFont(font, text);
    if (values_.empty() || total() <= 0) {
        const wxString none = _("No data to show.");
        gc.SetFont(font, wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
        gc.DrawText(none, area.x, area.y);
        return;
    }
    if (kind_ == Kind::Bar)
        render_bars(gc, area);
    else
        render_pie(gc, area);
}

void ChartPanel::render_bars(wxGraphicsContext& gc, wxRect area) const {
    const wxFont font = GetFont();
    const int line = line_height(font);
    const double sum = whole();
    double max_value = 0, label_w = 0, value_w = 0;
    for (const auto& v : values_) {
        max_value = std::max(max_value, v.value);
        label_w = std::max(label_w, text_width(gc, v.label));
        value_w = std::max(value_w, text_width(gc, value_with_share(v.value, sum)));
    }
    // Long sector names get at most 40 % of the width; the values always fit.
    label_w = std::min(label_w, area.width * 0.4) + line / 2.0;
    const double bar_x = area.x + label_w;
    const double bar_room = std::max(10.0, area.width - label_w - value_w - line / 2.0);
    // Rows shrink to fit a small chart, down to one text line each.
    const double row_h = std::max(line + 2.0, std::min(line * 1.6 + 4, double(area.height) / values_.size()));
    const double bar_h = std::min(line * 1.2, row_h - 2);
    const wxColour text = wxSystemSettings::GetColour(wxSYS_COLOUR_WINDOWTEXT);
    const wxColour grid = wxColour(210, 210, 210);
    gc.SetPen(wxPen(grid));
    gc.StrokeLine(bar_x, area.y, bar_x, area.y + row_h * values_.size());
    for (size_t i = 0; i < values_.size(); ++i) {
        const auto& v = values_[i];
        const double y = area.y + i * row_h;
        if (y + row_h > area.GetBottom() + row_h / 2) break;  // no room: cut rather than overlap
        double tw = 0, th = 0;
        const wxString label = fit(gc, v.label, label_w - line / 2.0);
        gc.GetTextExtent(label, &tw, &th);
        gc.SetFont(font, text);
        gc.DrawText(label, bar_x - line / 4.0 - tw, y + (row_h - th) / 2);
        const double w = max_value > 0 ? bar_room * v.value / max_value : 0;
        gc.SetPen(*wxTRANSPARENT_PEN);
        gc.SetBrush(wxBrush(chart_colour(0)));
        gc.DrawRoundedRectangle(bar_x, y + (row_h - bar_h) / 2, std::max(w, 1.0), bar_h, 2);
        const wxString value = value_with_share(v.value, sum);
        gc.GetTextExtent(value, &tw, &th);
        gc.DrawText(value, bar_x + w + line / 4.0, y + (row_h - th) / 2);
    }
}

void ChartPanel::render_pie(wxGraphicsContext& gc, wxRect area) const {
    const wxFont font = GetFont();
    const int line = line_height(font);
    const double sum = total();
    // The legend gets the room its longest line needs, the pie what is left (at least a
    // third of the width), so that labels are cut only when they must be.
    double legend_w = 0;
    gc.SetFont(font, *wxBLACK);
    for (const auto& v : values_)
        legend_w = std::max(legend_w, text_width(gc, v.label) + text_width(gc, value_with_share(v.value, sum)) +
                                          line * 2.5);
    const double diameter = std::max(
        20.0, std::min<double>(area.height, std::max(area.width * 0.33, area.width - legend_w - line)));
    const double cx = area.x + diameter / 2, cy = area.y + diameter / 2, r = diameter / 2;
    double angle = -kPi / 2;  // from twelve o'clock, clockwise
    for (size_t i = 0; i < values_.size(); ++i) {
        const double sweep = 2 * kPi * values_[i].value / sum;
        if (sweep <= 0) continue;
        wxGraphicsPath path = gc.CreatePath();
        path.MoveToPoint(cx, cy);
        path.AddArc(cx, cy, r, angle, angle + sweep, true);
        path.CloseSubpath();
        gc.SetBrush(wxBrush(chart_colour(i)));
        gc.SetPen(wxPen(*wxWHITE, 1));
        gc.DrawPath(path);
        // The share on slices large enough to hold it.
        if (sweep > 0.45 && r > 3 * line) {
            const wxString share = share_text(values_[i].value, sum);
            double tw = 0, th = 0;
            gc.SetFont(font.Bold(), i == 6 || i == 8 || i == 10 ? *wxBLACK : *wxWHITE);
            gc.GetTextExtent(share, &tw, &th);
            const double mid = angle + sweep / 2;
            gc.DrawText(share, cx + std::cos(mid) * r * 0.62 - tw / 2, cy + std::sin(mid) * r * 0.62 - th / 2);
        }
        angle += sweep;
    }
    // The legend: swatch, label, value and share.
    const wxColour text = wxSystemSettings::GetColour(wxSYS_COLOUR_WINDOWTEXT);
    const double lx = area.x + diameter + line;
    const double lw = area.GetRight() - lx;
    const double row_h = line * 1.5;
    double ly = area.y;
    gc.SetFont(font, text);
    for (size_t i = 0; i < values_.size(); ++i) {
        if (ly + row_h > area.GetBottom() + row_h / 2) break;
        gc.SetPen(*wxTRANSPARENT_PEN);
        gc.SetBrush(wxBrush(chart_colour(i)));
        gc.DrawRectangle(lx, ly + (row_h - line) / 2, line, line);
        const wxString value = value_with_share(values_[i].value, sum);
        const double vw = text_width(gc, value);
        const wxString label = fit(gc, values_[i].label, std::max(0.0, lw - line * 2.0 - vw));
        double tw = 0, th = 0;
        gc.GetTextExtent(label, &tw, &th);
        gc.DrawText(label, lx + line * 1.5, ly + (row_h - th) / 2);
        gc.SetFont(font, wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
        gc.DrawText(value, lx + line * 1.5 + tw + line / 2.0, ly + (row_h - th) / 2);
        gc.SetFont(font, text);
        ly += row_h;
    }
}

wxBoxSizer* chart_pair(int orient, ChartPanel* first, ChartPanel* second, int gap) {
    auto* box = new wxBoxSizer(orient);
    box->Add(first, 1, wxEXPAND | (orient == wxHORIZONTAL ? wxRIGHT : wxBOTTOM), gap);
    box->Add(second, 1, wxEXPAND);
    return box;
}

}  // namespace maillage::ui
