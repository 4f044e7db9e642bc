#pragma once
// A request for an accompaniment, new or edited: the institution (searched as you type,
// or a new one), the request date, the contact person (or a new one working there), how
// they heard of PAT, the region, the funder, the planned sessions and notes. Recorded on
// OK in one undoable change; a refusal is shown in the dialog, which keeps the input.
#include <cstdint>
#include <string>
#include <vector>
#include "shared-ui/creation_dialog.h"
#include "shared-ui/fwd.h"

namespace maillage::pat {

class NewRequestDialog : public ui::CreationDialog {
public:
    // `id` 0 records a new request; otherwise edits that accompaniment's request.
    NewRequestDialog(wxWindow* parent, Database& db, const std::string& today, int64_t id = 0);

private:
    void create();
    void new_institution(const wxString& typed);
    void new_contact(const wxString& typed);

    int64_t id_ = 0;
    ui::InstitutionPicker* institution_;
    ui::DatePicker* date_;
    ui::PersonPicker* contact_;
    wxTextCtrl *heard_, *notes_;
    wxChoice* region_;
    ui::RecordChoice* funder_;
    wxSpinCtrl* planned_;
};

}  // namespace maillage::pat
