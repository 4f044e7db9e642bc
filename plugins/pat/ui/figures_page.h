#pragma once
// The report section's figures for a year or since the start, for every funder or one,
// with bar charts, and the team's time on accompaniment sessions over the same period.
#include "shared-ui/page_base.h"
#include "shared-ui/fwd.h"

namespace maillage::pat {

class FiguresPage : public ui::PageBase {
public:
    FiguresPage(wxWindow* parent, ui::UiContext& context);
    void refresh() override;

private:
    void compute();
    wxChoice* period_ = nullptr;
    wxSpinCtrl* year_ = nullptr;
    wxChoice* funder_ = nullptr;
    wxHtmlWindow* html_ = nullptr;
    ui::ChartPanel* types_ = nullptr;
    ui::ChartPanel* sectors_ = nullptr;
    ui::ListPanel* staff_ = nullptr;
    wxStaticText* staff_summary_ = nullptr;
};

}  // namespace maillage::pat
