#pragma once
// The tabs of one event: what it is, committee, tables, registrations, check-in, evaluation, outputs, figures.
// Thin views over the logic classes (events.h, registrations.h, exchange_figures.h...).
#include "shared-ui/plugin_ui.h"

#include <wx/notebook.h>

#include <cstdint>
#include <functional>

namespace maillage::exchange {

class OverviewTab;
class CommitteeTab;
class TablesTab;
class RegistrationsTab;
class CheckInTab;
class EvaluationTab;
class OutputsTab;
class FiguresTab;

class EventTabs : public wxNotebook {
public:
    EventTabs(wxWindow* parent, ui::UiContext& context);
    // Shows an event (0: none) and reloads every tab.
    void set_event(int64_t event_id);
    void reload();
    // After a change made in a tab: tells the window, reloads the tabs, then calls the
    // page's callback (the list's counts).
    void changed();
    void on_changed(std::function<void()> callback) { on_changed_ = std::move(callback); }
    int64_t event_id() const { return event_id_; }

    enum Tab { Overview, Committee, Tables, Registrations, CheckIn, Evaluation, Outputs, Figures };

private:
    ui::UiContext& context_;
    int64_t event_id_ = 0;
    std::function<void()> on_changed_;
    OverviewTab* overview_;
    CommitteeTab* committee_;
    TablesTab* tables_;
    RegistrationsTab* registrations_;
    CheckInTab* checkin_;
    EvaluationTab* evaluation_;
    OutputsTab* outputs_;
    FiguresTab* figures_;
};

}  // namespace maillage::exchange
