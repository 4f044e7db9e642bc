#pragma once
// "New request": an institution asks PAT for an accompaniment. Institution (searched as
// you type), date (today by default), contact person, how they heard of PAT, funder,
// notes. Recorded on OK through AccompanimentRepository::create_request; a refusal is
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
class InstitutionPicker;
class PersonPicker;
}  // namespace maillage::ui

namespace maillage::pat {

class NewRequestDialog : public wxDialog {
public:
    NewRequestDialog(wxWindow* parent, Database& db, const std::string& today);
    int64_t created_id() const { return created_; }

private:
    void create();

    Database& db_;
    ui::InstitutionPicker* institution_;
    ui::DatePicker* date_;
    ui::PersonPicker* contact_;
    wxTextCtrl *heard_, *notes_;
    wxChoice* funder_;
    wxStaticText* problem_;
    std::vector<int64_t> funder_ids_;
    int64_t created_ = 0;
};

}  // namespace maillage::pat
