#pragma once
// Trainers: the pool (people with the trainer role), the modules each may give, their
// hours this year, and the periods they are not available.
#include "shared-ui/page_base.h"

#include <cstdint>
#include <vector>


namespace maillage::catalogue {

class TrainersPage : public ui::PageBase {
public:
    TrainersPage(wxWindow* parent, ui::UiContext& context);
    void refresh() override;

private:
    void show_selected();
    void add_unavailability();

    ui::ListPanel* trainers_;
    ui::ListPanel* modules_;
    ui::ListPanel* unavailable_;
    std::vector<int64_t> ids_;
};

}  // namespace maillage::catalogue
