#pragma once
// New and edit group: name, language, the slot (the shared TimeSlotPicker: weekday,
// morning or afternoon, hours) with the week of the month, capacity, and the two
// facilitators, with the pair rule's warning shown as they are chosen (one from the
// social sector, one from mental health). A facilitator booked elsewhere at the same
// time is refused in the dialog, which stays open.
#include "cycles.h"
#include "shared-ui/fwd.h"

#include <wx/dialog.h>

#include <cstdint>

namespace maillage::intervision {

class GroupDialog : public wxDialog {
public:
    // A new group of `cycle_id` when `group_id` is 0, else that group.
    GroupDialog(wxWindow* parent, Database& db, int64_t cycle_id, int64_t group_id = 0);
    int64_t group_id() const { return group_.id; }

private:
    Group read() const;
    void update_warning();
    void save();

    Database& db_;
    Group group_;
    wxTextCtrl* name_;
    wxChoice* language_;
    ui::TimeSlotPicker* slot_;
    wxChoice* week_;
    wxTextCtrl* capacity_;
    ui::PersonPicker *facilitator1_, *facilitator2_;
    wxStaticText* warning_;
    wxStaticText* problem_;
};

}  // namespace maillage::intervision
