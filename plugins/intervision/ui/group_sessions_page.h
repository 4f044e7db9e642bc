#pragma once
// The sessions of a cycle's groups: generate the whole cycle (with a preview), move a
// session (date, times, place), add a replacement, set or swap hosts, cancel with a
// reason and put back, mark held, notes, the printable attendance sheet (preview or
// PDF), iCalendar for a group, the cycle or a facilitator, attendance imported from CSV,
// delete (Edit > Undo brings it back); conflicts; the attendance grid (participants x sessions, facilitators apart).
#include "shared-ui/page_base.h"
#include "shared-ui/fwd.h"
#include "shared-ui/id_choice.h"

#include <cstdint>
#include <functional>

namespace maillage::intervision {

class GroupSessionsPage : public ui::PageBase {
public:
    GroupSessionsPage(wxWindow* parent, ui::UiContext& context);
    void refresh() override;
    // Delete in the sessions list: deletes the selected session (asked first).
    bool delete_selection() override;
    ui::AttendanceGrid* attendance_grid() { return grid_; }

private:
    void load_groups();
    void load_sessions();
    int64_t group_id() const;
    int64_t cycle_id() const;
    int64_t selected_session() const;
    // The selected session's notes, under the list.
    void show_notes();
    // Runs a change named `label` for Edit > Undo, then reloads; errors are shown.
    void change(const wxString& label, const std::function<void()>& action, const wxString& done = {});
    void generate();
    void move_session();
    void add_session();
    void set_host();
    void swap_hosts();
    void cancel_session();
    void put_back();
    void mark_held();
    void notes();
    void delete_session();
    void sheet_preview();
    void sheet_pdf();
    void export_ical();
    void import_attendance();

    ui::IdChoice* cycle_ = nullptr;
    ui::IdChoice* group_ = nullptr;
    ui::ListPanel* sessions_ = nullptr;
    wxStaticText* conflicts_ = nullptr;
    wxStaticText* notes_ = nullptr;
    wxBoxSizer* grid_sizer_ = nullptr;
    ui::AttendanceGrid* grid_ = nullptr;
};

}  // namespace maillage::intervision
