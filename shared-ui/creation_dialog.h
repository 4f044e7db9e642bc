#pragma once
// A dialog that creates (or changes) one record on OK and tells its caller which, so the
// page can show it: the change is one step for Edit > Undo; a refusal shows in the
// dialog's problem line and the dialog stays open with the input kept.
#include "core/database.h"
#include "shared-ui/dialog_frame.h"

#include <cstdint>
#include <functional>
#include <string>

namespace maillage::ui {

class CreationDialog : public wxDialog {
public:
    // The record created or changed on OK; 0 before.
    int64_t created_id() const { return created_; }

protected:
    CreationDialog(wxWindow* parent, Database& db, const wxString& title) : wxDialog(parent, wxID_ANY, title), db_(db) {}

    // Runs `change` (it returns the record's id) as one change named `label`, then
    // closes with OK; what it throws is shown in problem_ instead.
    void record(const std::string& label, const std::function<int64_t()>& change) {
        record_or_show(this, problem_, [&] { created_ = db_.write(label, change); });
    }

    Database& db_;
    // The problem line; the dialog's layout creates it.
    wxStaticText* problem_ = nullptr;

private:
    int64_t created_ = 0;
};

}  // namespace maillage::ui
