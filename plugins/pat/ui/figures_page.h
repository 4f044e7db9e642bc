#pragma once
// The report section's figures for a year and a funder, with bar charts.
#include "shared-ui/page_base.h"

class wxSpinCtrl;
class wxChoice;
class wxHtmlWindow;

namespace maillage::ui {
class ChartPanel;
}

namespace maillage::pat {

class FiguresPage : public ui::PageBase {
public:
    FiguresPage(wxWindow* parent, ui::UiContext& context);
    void refresh() override;

private:
    void compute();
    wxSpinCtrl* year_ = nullptr;
    wxChoice* funder_ = nullptr;
    wxHtmlWindow* html_ = nullptr;
    ui::ChartPanel* types_ = nullptr;
    ui::ChartPanel* sectors_ = nullptr;
};

}  // namespace maillage::pat
