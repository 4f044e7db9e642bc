#include "ui/sector_chart.h"

#include <wx/control.h>
#include <wx/dcbuffer.h>
#include <wx/settings.h>

#include <algorithm>

namespace maillage::exchange {

SectorChart::SectorChart(wxWindow* parent) : wxPanel(parent, wxID_ANY) {
    SetBackgroundStyle(wxBG_STYLE_PAINT);
    SetMinSize(wxSize(-1, 120));
    Bind(wxEVT_PAINT, &SectorChart::on_paint, this);
    Bind(wxEVT_SIZE, [this](wxSizeEvent& e) {
        Refresh();
        e.Skip();
    });
}

void SectorChart::set_split(const CountSplit& split) {
    split_ = split;
    SetMinSize(wxSize(-1, std::max<int>(120, int(split_.rows.size()) * 24 + 16)));
    GetParent()->Layout();
    Refresh();
}

void SectorChart::on_paint(wxPaintEvent&) {
    wxAutoBufferedPaintDC dc(this);
    dc.SetBackground(wxBrush(wxSystemSettings::GetColour(wxSYS_COLOUR_WINDOW)));
    dc.Clear();
    dc.SetTextForeground(wxSystemSettings::GetColour(wxSYS_COLOUR_WINDOWTEXT));
    if (split_.rows.empty()) {
        dc.DrawText(_("No participants counted yet."), 8, 8);
        return;
    }
    const auto size = GetClientSize();
    int label_width = 0;
    for (const auto& r : split_.rows)
        label_width = std::max(label_width, dc.GetTextExtent(wxString::FromUTF8(r.label)).GetWidth());
    label_width = std::min(label_width + 12, size.GetWidth() / 2);
    int64_t max = 1;
    for (const auto& r : split_.rows) max = std::max(max, r.count);
    const int bar_space = std::max(20, size.GetWidth() - label_width - 90);
    int y = 8;
    dc.SetBrush(wxBrush(wxColour(0x3b, 0x7d, 0xb0)));
    dc.SetPen(*wxTRANSPARENT_PEN);
    for (const auto& r : split_.rows) {
        dc.DrawText(wxControl::Ellipsize(wxString::FromUTF8(r.label), dc, wxELLIPSIZE_END, label_width - 16), 8, y + 2);
        const int w = int(double(bar_space) * double(r.count) / double(max));
        dc.DrawRectangle(label_width, y + 2, std::max(w, 2), 16);
        dc.DrawText(wxString::Format("%lld (%s %%)", static_cast<long long>(r.count), wxString::FromUTF8(r.percent)),
                    label_width + w + 6, y + 2);
        y += 24;
    }
}

}  // namespace maillage::exchange
