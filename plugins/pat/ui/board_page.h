#pragma once
// The board: one column per phase, a card per accompaniment (institution, step
// reached, sessions held against planned, funder). Double-click opens it.
#include "shared-ui/page_base.h"

#include <vector>

class wxListCtrl;
class wxChoice;

namespace maillage::pat {

class BoardPage : public ui::PageBase {
public:
    BoardPage(wxWindow* parent, ui::UiContext& context);
    void refresh() override;

private:
    std::vector<wxListCtrl*> columns_;
    wxChoice* funder_ = nullptr;
};

}  // namespace maillage::pat
