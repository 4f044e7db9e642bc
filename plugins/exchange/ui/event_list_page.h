#pragma once
// The "Events" page: the events of a year by month on the left, and the selected event
// in tabs on the right (committee, tables, registrations, check-in, outputs, figures).
#include "shared-ui/page_base.h"

#include <cstdint>
#include <vector>

class wxListView;
class wxNotebook;
class wxSpinCtrl;
class wxStaticText;

namespace maillage::exchange {

class EventTabs;

class EventListPage : public ui::PageBase {
public:
    EventListPage(wxWindow* parent, ui::UiContext& context);
    void refresh() override;
    // Selects an event (used by screenshots and after creating one).
    void select_event(int64_t event_id);

private:
    void on_new_event();
    void on_selected();

    wxSpinCtrl* year_ = nullptr;
    wxListView* list_ = nullptr;
    EventTabs* tabs_ = nullptr;
    std::vector<int64_t> row_event_;  // row -> event id (0 for a month heading)
};

}  // namespace maillage::exchange
