#pragma once
// Editions and trainings: days with their trainer pair and flags, registrations with the
// waiting list, attendance per day, and the Publish button (preview first).
#include "shared-ui/page_base.h"

#include <cstdint>
#include <vector>

class wxChoice;
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
    ui::ListPanel* trainings_;
    ui::ListPanel* days_;
    ui::ListPanel* registrations_;
    ui::ListPanel* attendance_;
    wxTextCtrl* flags_;
    wxStaticText* details_;
};

}  // namespace maillage::catalogue
