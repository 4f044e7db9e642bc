#pragma once
// PAT's work as lists: every accompaniment session and every accompaniment (to export
// as CSV or XLSX), the stand-alone trainings, the advocacy actions and the peer-support
// workplaces, each with its add, edit and delete (a workplace is ended, not deleted,
// when peer workers stop working there).
#include "shared-ui/page_base.h"
#include "shared-ui/fwd.h"

#include <functional>

namespace maillage::pat {

class ActivitiesPage : public ui::PageBase {
public:
    ActivitiesPage(wxWindow* parent, ui::UiContext& context);
    void refresh() override;
    bool delete_selection() override;

private:
    void edit_training(bool create);
    void edit_advocacy(bool create);
    void edit_workplace(bool create);
    void end_workplace();
    void remove(ui::ListPanel* list);
    // New (`new_label`, named `new_name`), Edit and Delete buttons; a double-click edits.
    void add_record_buttons(ui::ListPanel* list, const wxString& new_label, const char* new_name,
                            std::function<void(bool create)> edit);
    // After a record was saved: the page reloads and selects it.
    void saved(ui::ListPanel* list, int64_t id);
    void open_accompaniment(ui::ListPanel* list);

    wxNotebook* tabs_ = nullptr;
    ui::ListPanel* sessions_ = nullptr;
    ui::ListPanel* accompaniments_ = nullptr;
    ui::ListPanel* trainings_ = nullptr;
    ui::ListPanel* advocacy_ = nullptr;
    ui::ListPanel* workplaces_ = nullptr;
    wxCheckBox* ended_ = nullptr;
};

}  // namespace maillage::pat
