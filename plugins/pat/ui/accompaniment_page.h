#pragma once
// One accompaniment, chosen by searching its institution: the request and its
// analysis (with the intake questionnaire's answers), the decision and the phases, the
// guide's steps, the sessions, the hires and the documents, each list with its actions.
#include "shared-ui/page_base.h"
#include "shared-ui/fwd.h"

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace maillage::pat {

class AccompanimentPage : public ui::PageBase {
public:
    AccompanimentPage(wxWindow* parent, ui::UiContext& context);
    void refresh() override;
    bool delete_selection() override;

private:
    int64_t current() const { return current_; }
    void choose(int64_t id);
    void show();
    void changed(const wxString& status);
    // A tab of records of the accompaniment: its Add, Edit and Delete buttons (enabled
    // once an accompaniment is shown); a double-click edits. `dialog(0)` adds.
    struct RecordTab {
        wxString add_label;
        const char* add_name;
        std::function<bool(int64_t id)> dialog;
        wxString added, edited, select_first;
        std::function<void()> remove;
    };
    void add_record_buttons(ui::ListPanel* list, RecordTab tab);
    // Asks before removing `what` (with `consequence`), then records the removal as one
    // change named `label`; the page says `done`, or what failed after `failure`.
    void remove_confirmed(const wxString& what, const wxString& consequence, const wxString& failure,
                          const std::string& label, const std::function<void()>& remove, const wxString& done);
    void new_request();
    void edit_request();
    void delete_request();
    void delete_session();
    void delete_hire();
    void remove_document();

    int64_t current_ = 0;
    ui::SearchPicker* chooser_ = nullptr;
    wxNotebook* tabs_ = nullptr;
    wxHtmlWindow* html_ = nullptr;
    wxStaticText* intake_hint_ = nullptr;
    ui::QuestionnaireResults* intake_ = nullptr;
    ui::ListPanel* steps_ = nullptr;
    ui::ListPanel* sessions_ = nullptr;
    ui::ListPanel* hires_ = nullptr;
    ui::ListPanel* documents_ = nullptr;
    std::vector<wxButton*> needs_one_;  // enabled once an accompaniment is shown
    std::vector<std::string> step_codes_;
};

}  // namespace maillage::pat
