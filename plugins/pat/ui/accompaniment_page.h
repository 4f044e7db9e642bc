#pragma once
// One accompaniment, chosen by searching its institution: the request and its
// analysis (with the intake questionnaire's answers), the decision and the phases, the
// guide's steps, the sessions, the hires and the documents, each list with its actions.
#include "shared-ui/page_base.h"
#include "shared-ui/fwd.h"

#include <cstdint>
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
