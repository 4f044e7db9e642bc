#pragma once
// The cycle overview: each group a column of its participants (institution, sector),
// warnings in place; enrol by search-as-you-type.
#include "shared-ui/page_base.h"

#include <cstdint>
#include <vector>

class wxChoice;
class wxScrolledWindow;

namespace maillage::ui {
class PersonPicker;
}

namespace maillage::intervision {

class CycleOverviewPage : public ui::PageBase {
public:
    CycleOverviewPage(wxWindow* parent, ui::UiContext& context);
    void refresh() override;

private:
    void load_cycles();
    void load_groups();
    void enrol();
    void leave();
    void new_cycle();

    wxChoice* cycle_ = nullptr;
    wxChoice* group_ = nullptr;
    ui::PersonPicker* person_ = nullptr;
    wxScrolledWindow* columns_ = nullptr;
    std::vector<int64_t> cycle_ids_, group_ids_;
};

}  // namespace maillage::intervision
