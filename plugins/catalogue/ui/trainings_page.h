#pragma once
// Editions and trainings: days with their trainer pair and flags, registrations with the
// waiting list, attendance per day, and the Publish button (preview first).
#include "shared-ui/page_base.h"

#include <cstdint>
#include <vector>

class wxChoice;
class wxListView;
class wxTextCtrl;
class wxStaticText;

namespace maillage::catalogue {

class TrainingsPage : public ui::PageBase {
public:
    TrainingsPage(wxWindow* parent, ui::UiContext& context);
    void refresh() override;

private:
    void show_training();
    void show_attendance();
    void set_attendance(const char* status);
    void cancel_registration();
    void publish();

    wxChoice* edition_;
    wxListView* trainings_;
    wxListView* days_;
    wxListView* registrations_;
    wxListView* attendance_;
    wxTextCtrl* flags_;
    wxStaticText* details_;
    std::vector<int64_t> training_ids_, day_ids_, registration_people_, attendance_people_;
};

}  // namespace maillage::catalogue
