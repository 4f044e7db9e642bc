#pragma once
// A horizontal bar chart of a count split (participants by sector), drawn with wxDC.
// Placeholder until shared-ui/chart.h lands on main.
#include "core/figures.h"

#include <wx/panel.h>

namespace maillage::exchange {

class SectorChart : public wxPanel {
public:
    explicit SectorChart(wxWindow* parent);
    void set_split(const CountSplit& split);

private:
    void on_paint(wxPaintEvent& event);
    CountSplit split_;
};

}  // namespace maillage::exchange
