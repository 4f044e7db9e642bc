#pragma once
// "New cycle" and "Edit the cycle": name, programme, start and end (September to June
// by default), audience, funder, the regional holidays also skipped and the closure
// periods. Saved on OK through CycleRepository (one transaction, named for undo); a
// refusal is shown in the dialog, which stays open with the input kept. Also "Copy to
// next year": groups, slots, facilitators and capacities carried over.
#include "cycles.h"
#include "shared-ui/creation_dialog.h"
#include "shared-ui/fwd.h"

#include <cstdint>
#include <vector>

namespace maillage::intervision {

class NewCycleDialog : public ui::CreationDialog {
public:
    // `today` (YYYY-MM-DD) chooses the default period: the cycle running then, or the
    // one starting next September. With `cycle_id`, edits that cycle.
    NewCycleDialog(wxWindow* parent, Database& db, const std::string& today, int64_t cycle_id = 0);

private:
    void create();
    void add_closure();
    void show_closures();

    Cycle cycle_;
    wxTextCtrl* name_;
    wxChoice* audience_;
    ui::RecordChoice *programme_, *funder_;
    ui::DatePicker *start_, *end_;
    wxCheckBox *cocof_, *flemish_;
    ui::ListPanel* closures_;
};

class CopyCycleDialog : public ui::CreationDialog {
public:
    CopyCycleDialog(wxWindow* parent, Database& db, int64_t cycle_id);

private:
    void copy();
    Cycle cycle_;
    wxTextCtrl* name_;
    ui::DatePicker *start_, *end_;
    wxCheckBox* participants_;
};

}  // namespace maillage::intervision
