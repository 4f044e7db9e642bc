#pragma once
// The cycle overview: the cycle's dates, audience, funder and closures; each group a
// column (slot, facilitators, its participants in a shared list, warnings in place).
// New/edit/close/copy a cycle; new/edit/remove a group; enrol, leave, move to another
// group, promote from the waiting list — each in a dialog that names the change for
// Edit > Undo.
#include "cycles.h"
#include "shared-ui/page_base.h"
#include "shared-ui/fwd.h"
#include "shared-ui/id_choice.h"

#include <cstdint>
#include <optional>
#include <vector>

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
    int64_t cycle_id() const;
    // The enrolment selected in a group's list (the focused list first).
    std::optional<int64_t> selected_enrolment();
    // The enrolment selected, if it is on a waiting list (`waiting`) or not left; else
    // tells the user `hint`.
    std::optional<Enrolment> selected_enrolment_if(bool waiting, const wxString& hint);
    // Leave or Move (the dialog) for the participant selected.
    template <class Dialog>
    void participant_dialog();
    // After a cycle was created (new or copied): the page shows it.
    void show_created(int64_t cycle_id);
    void after_change(const wxString& status);
    void new_cycle();
    void edit_cycle();
    void copy_cycle();
    void close_cycle();
    void edit_group(int64_t group_id);
    void remove_group(int64_t group_id);
    void enrol();
    void leave();
    void move();
    void promote();

    ui::IdChoice* cycle_ = nullptr;
    wxStaticText* info_ = nullptr;
    wxButton* close_ = nullptr;
    std::vector<wxButton*> cycle_buttons_;
    wxScrolledWindow* columns_ = nullptr;
    // Each group's list of participants (rows are enrolments), with the group it shows.
    std::vector<std::pair<ui::ListPanel*, int64_t>> group_lists_;
};

}  // namespace maillage::intervision
