#pragma once
// The tabs of one event: committee, tables, registrations, check-in, outputs, figures.
// Thin views over the logic classes (events.h, registrations.h, exchange_figures.h...).
#include "shared-ui/plugin_ui.h"

#include <wx/notebook.h>

#include <cstdint>

namespace maillage::exchange {

class CommitteeTab;
class TablesTab;
class RegistrationsTab;
class CheckInTab;
class OutputsTab;
class FiguresTab;

class EventTabs : public wxNotebook {
public:
    EventTabs(wxWindow* parent, ui::UiContext& context);
    // Shows an event (0: none) and reloads every tab.
    void set_event(int64_t event_id);
    void reload();
    int64_t event_id() const { return event_id_; }

    enum Tab { Committee, Tables, Registrations, CheckIn, Outputs, Figures };

private:
    ui::UiContext& context_;
    int64_t event_id_ = 0;
    CommitteeTab* committee_;
    TablesTab* tables_;
    RegistrationsTab* registrations_;
    CheckInTab* checkin_;
    OutputsTab* outputs_;
    FiguresTab* figures_;
};

}  // namespace maillage::exchange
