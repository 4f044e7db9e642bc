#pragma once
// The "Events" page: the events of a year (filtered by month) on the left, and the selected event
// in tabs on the right (committee, tables, registrations, check-in, outputs, figures).
#include "events.h"
#include "shared-ui/page_base.h"
#include "shared-ui/fwd.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
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
    // The event the tabs show, if any.
    std::optional<Event> shown_event();
    // One undoable change named `label`; the page reloads, or says what failed.
    void record(const std::string& label, const std::function<void(EventRepository&)>& change,
                const std::function<void()>& before_reload = {});
    // Reloads the list only; returns the event to show (0: none).
    int64_t refresh_list();
    void on_selected();

    wxSpinCtrl* year_ = nullptr;
    ui::ListPanel* list_ = nullptr;
    EventTabs* tabs_ = nullptr;
};

}  // namespace maillage::exchange
