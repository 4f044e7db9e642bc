#pragma once
// The cycle overview: each group a column of its participants (institution, sector),
// warnings in place; enrol by search-as-you-type.
#include "shared-ui/page_base.h"

#include <cstdint>
#include <vector>

class wxChoice;
class wxScrolledWindow;

namespace maillage::ui {
class ListPanel;
class PersonPicker;
}

namespace maillage::intervision {

class CycleOverviewPage : public ui::PageBase {
public:
    CycleOverviewPage(wxWindow* parent, ui::UiContext& context);
    void refresh() override;
    // Delete in a group's list: the selected participant leaves the group (asked first).
    bool delete_selection() override;

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
    // Each group's list of participants, with the group it shows.
    std::vector<std::pair<ui::ListPanel*, int64_t>> group_lists_;
};

}  // namespace maillage::intervision
