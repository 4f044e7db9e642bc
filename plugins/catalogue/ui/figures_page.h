#pragma once
// The year's training figures with charts (sector split, hours by theme), drawn with
// the shared ChartPanel from the report section's own charts.
#include "shared-ui/page_base.h"
#include "shared-ui/fwd.h"

namespace maillage::catalogue {

class FiguresPage : public ui::PageBase {
public:
    FiguresPage(wxWindow* parent, ui::UiContext& context);
    void refresh() override;

private:
    wxSpinCtrl* year_;
    wxStaticText* summary_;
    ui::ChartPanel* sectors_;
    ui::ChartPanel* themes_;
    ui::ListPanel* trainers_;
};

}  // namespace maillage::catalogue
