#pragma once
// The board: one column per phase, a card per accompaniment (institution, step
// reached, sessions held of planned, funder). Drag a card to another column to
// change its phase (the same rules and questions as "Change phase…"); double-click
// opens it. Filters: funder, region, closed ones (hidden by default).
#include "shared-ui/page_base.h"
#include "shared-ui/fwd.h"

#include <cstdint>
#include <string>
#include <vector>

namespace maillage::pat {

class BoardPage : public ui::PageBase {
public:
    BoardPage(wxWindow* parent, ui::UiContext& context);
    void refresh() override;

    // A card (accompaniment `id`) dropped on the column of `phase`.
    void dropped(int64_t id, const std::string& phase);

private:
    void new_request();
    // Shares the width among the columns shown (sideways scrolling only below a minimum).
    void fit_columns();
    wxWindow* scroller_ = nullptr;
    std::vector<wxListCtrl*> columns_;
    std::vector<wxWindow*> column_panels_;
    wxChoice* funder_ = nullptr;
    wxChoice* region_ = nullptr;
    wxCheckBox* closed_ = nullptr;
};

}  // namespace maillage::pat
