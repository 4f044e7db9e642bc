#pragma once
// The training coordinator's page: the trainings of an edition (and the custom ones) on
// top; below, the selected training's tabs: days and trainers, registrations (with the
// waiting list and the web site's import), attendance (the shared grid, people × days),
// expectations, and documents and messages (certificates, .eml or SMTP, the log).
#include "shared-ui/page_base.h"
#include "shared-ui/fwd.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace maillage::catalogue {

class TrainingAttendance;

class TrainingsPage : public ui::PageBase {
public:
    TrainingsPage(wxWindow* parent, ui::UiContext& context);
    void refresh() override;
    bool delete_selection() override;

private:
    void show_training();
    std::optional<int64_t> training_id() const;
    void changed(const wxString& status);

    void new_training();
    void edit_training();
    void duplicate_training();
    void delete_training();
    void add_day();
    void edit_day();
    void remove_day();
    void register_person();
    void import_registrations();
    void cancel_registration();
    void move_registration();
    void add_expectation();
    void set_met(const char* met);
    void certificates();
    void messages();
    void publish();
    void add_evaluation();
    void show_results();

    wxChoice* edition_;
    ui::ListPanel* trainings_;
    wxStaticText* details_;
    wxNotebook* tabs_;
    ui::ListPanel* days_;
    wxStaticText* flags_;
    ui::ListPanel* registrations_;
    std::shared_ptr<TrainingAttendance> attendance_;
    ui::AttendanceGrid* grid_;
    ui::ListPanel* expectations_;
    ui::ListPanel* log_;
    wxChoice* results_of_;
    std::vector<std::string> result_modules_;
    ui::QuestionnaireResults* results_;
};

}  // namespace maillage::catalogue
