#pragma once
// A page that is one list: the ListPanel (search box, status choice, count, buttons,
// rows) fills the page and the window's keys act on it. Pages add their buttons with
// list()->add_button() and fill the rows in refresh().
#include "shared-ui/list_panel.h"
#include "shared-ui/page_base.h"

namespace maillage::ui {

class ListPage : public PageBase {
public:
    ListPage(wxWindow* parent, UiContext& context, ListOptions options);

    ListPanel* list() { return list_; }

private:
    ListPanel* list_ = nullptr;
};

}  // namespace maillage::ui
