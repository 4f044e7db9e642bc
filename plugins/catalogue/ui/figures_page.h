#pragma once
// The year's training figures with charts (sector split, hours by theme).
#include "shared-ui/page_base.h"

class wxSpinCtrl;
class wxStaticText;
class wxListView;

namespace maillage::catalogue {

class BarChart;

class FiguresPage : public ui::PageBase {
public:
    FiguresPage(wxWindow* parent, ui::UiContext& context);
    void refresh() override;

private:
    wxSpinCtrl* year_;
    wxStaticText* summary_;
    BarChart* sectors_;
    BarChart* themes_;
    wxListView* trainers_;
};

}  // namespace maillage::catalogue
