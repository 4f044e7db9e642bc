#pragma once
// A bar chart or a pie chart of label/value pairs (participants by sector...), drawn
// with wxGraphicsContext: labels, values and percentages on the bars, a legend beside
// the pie. Draws the same on screen and into a PNG file.
#include "core/report.h"

#include <wx/graphics.h>
#include <wx/panel.h>
#include <wx/sizer.h>

#include <vector>

namespace maillage::ui {

struct ChartValue {
    wxString label;
    double value = 0;
};

class ChartPanel : public wxPanel {
public:
    enum class Kind { Bar, Pie };

    explicit ChartPanel(wxWindow* parent, Kind kind = Kind::Bar, wxWindowID id = wxID_ANY);

    // Replaces what is drawn. Values below zero count as zero.
    void set_data(const wxString& title, std::vector<ChartValue> values);
    // A core chart (its kind, title and values; labels are already translated).
    void set_chart(const ReportChart& chart);
    void set_kind(Kind kind);
    Kind kind() const { return kind_; }
    const std::vector<ChartValue>& values() const { return values_; }
    // What the percentages are shares of (respondents of a multiple-choice question);
    // by default the sum of the values. Zero or less restores the default.
    void set_whole(double whole);
    // Hides the title line (when the page shows its own heading).
    void show_title(bool show);

    // Renders the chart at `size` (the panel's size when empty) into a PNG file.
    // Returns false when the file cannot be written.
    bool save_png(const wxString& path, wxSize size = wxDefaultSize) const;

    // Every text the chart draws (title, labels, values with their shares), in order:
    // what a person reads on it (the screenshot mode writes them out).
    std::vector<wxString> texts() const;

    // The height the chart needs for its values at `width` (bars: one row per value).
    int best_height(int width) const;

protected:
    wxSize DoGetBestClientSize() const override;

private:
    void on_paint(wxPaintEvent& event);
    void render(wxGraphicsContext& gc, wxSize size) const;
    void render_bars(wxGraphicsContext& gc, wxRect area) const;
    void render_pie(wxGraphicsContext& gc, wxRect area) const;
    double total() const;
    double whole() const { return whole_ > 0 ? whole_ : total(); }

    Kind kind_;
    wxString title_;
    bool show_title_ = true;
    double whole_ = 0;
    std::vector<ChartValue> values_;
};

// A new box holding `first` and `second`, which share it equally: side by side
// (wxHORIZONTAL) or one above the other, `gap` pixels apart (a figures page's charts).
wxBoxSizer* chart_pair(int orient, ChartPanel* first, ChartPanel* second, int gap);

// The palette the charts use, colour-blind friendly (Okabe-Ito, then greys).
wxColour chart_colour(size_t index);

}  // namespace maillage::ui
