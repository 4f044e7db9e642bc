#include "shared-ui/list_page.h"

#include <wx/sizer.h>

namespace maillage::ui {

ListPage::ListPage(wxWindow* parent, UiContext& context, ListOptions options) : PageBase(parent, context) {
    list_ = new ListPanel(this, &context, std::move(options));
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(list_, 1, wxEXPAND);
    SetSizer(sizer);
    set_main_list(list_);
}

}  // namespace maillage::ui
