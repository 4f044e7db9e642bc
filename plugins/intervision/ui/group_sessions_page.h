#pragma once
// A group's session calendar (generate, cancel, mark held, export iCalendar), its
// conflicts, and the attendance grid (participants x sessions; facilitators apart).
#include "shared-ui/page_base.h"

#include <cstdint>
#include <functional>
#include <vector>

class wxChoice;
class wxBoxSizer;
class wxStaticText;

namespace maillage::ui {
class AttendanceGrid;
class ListPanel;
}

namespace maillage::intervision {

class GroupSessionsPage : public ui::PageBase {
public:
    GroupSessionsPage(wxWindow* parent, ui::UiContext& context);
    void refresh() override;
    // Delete in the sessions list: cancels the selected session (asked first).
    bool delete_selection() override;

private:
    void cancel_selected();
    void load_groups();
    void load_sessions();
    int64_t selected_session() const;
    void run(const std::function<void()>& action);
    void export_ical();

    wxChoice* cycle_ = nullptr;
    wxChoice* group_ = nullptr;
    ui::ListPanel* sessions_ = nullptr;
    wxStaticText* conflicts_ = nullptr;
    wxBoxSizer* grid_sizer_ = nullptr;
    ui::AttendanceGrid* grid_ = nullptr;
    std::vector<int64_t> cycle_ids_, group_ids_, session_ids_;
};

}  // namespace maillage::intervision
