#pragma once
// The "Events" page: the events of a year (filtered by month) on the left, and the selected event
// in tabs on the right (committee, tables, registrations, check-in, outputs, figures).
#include "shared-ui/page_base.h"
#include "shared-ui/fwd.h"

#include <cstdint>
#include <vector>

namespace maillage::exchange {

class EventTabs;

class EventListPage : public ui::PageBase {
public:
    EventListPage(wxWindow* parent, ui::UiContext& context);
    void refresh() override;
    // Selects an event (used by screenshots and after creating one).
    void select_event(int64_t event_id);

    bool delete_selection() override;

private:
    void on_new_event();
    void on_edit_event();
    void on_duplicate_event();
    void on_cancel_event();
    void on_delete_event();
    void on_icalendar();
    void open_dialog(int mode, int64_t event_id);
    // Reloads the list only; returns the event to show (0: none).
    int64_t refresh_list();
    void on_selected();

    wxSpinCtrl* year_ = nullptr;
    ui::ListPanel* list_ = nullptr;
    EventTabs* tabs_ = nullptr;
};

}  // namespace maillage::exchange
