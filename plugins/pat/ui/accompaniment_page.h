#pragma once
// One accompaniment: request, analysis and decision, the guide's steps, sessions,
// hires, follow-up and documents (links), with the phase and step changes.
#include "shared-ui/page_base.h"

#include <cstdint>
#include <vector>

class wxButton;
class wxChoice;
class wxHtmlWindow;

namespace maillage::pat {

class AccompanimentPage : public ui::PageBase {
public:
    AccompanimentPage(wxWindow* parent, ui::UiContext& context);
    void refresh() override;

private:
    int64_t current() const;
    void show();
    void change_phase();
    void change_step();
    void new_request();

    wxChoice* choice_ = nullptr;
    wxHtmlWindow* html_ = nullptr;
    std::vector<int64_t> ids_;
};

}  // namespace maillage::pat
