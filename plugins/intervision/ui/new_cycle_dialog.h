#pragma once
// "New cycle": name, programme, start and end (September to June by default),
// audience, funder. The cycle is created on OK through CycleRepository; a refusal is
// shown in the dialog, which stays open with the input kept.
#include <wx/dialog.h>

#include <cstdint>
#include <vector>

class wxChoice;
class wxStaticText;
class wxTextCtrl;

namespace maillage {
class Database;
}
namespace maillage::ui {
class DatePicker;
}

namespace maillage::intervision {

class NewCycleDialog : public wxDialog {
public:
    // `today` (YYYY-MM-DD) chooses the default period: the cycle running then, or the
    // one starting next September.
    NewCycleDialog(wxWindow* parent, Database& db, const std::string& today);
    int64_t created_id() const { return created_; }

private:
    void create();

    Database& db_;
    wxTextCtrl* name_;
    wxChoice *programme_, *audience_, *funder_;
    ui::DatePicker *start_, *end_;
    wxStaticText* problem_;
    std::vector<int64_t> programme_ids_, funder_ids_;
    int64_t created_ = 0;
};

}  // namespace maillage::intervision
