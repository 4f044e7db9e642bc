#pragma once
// Funders and programmes: the reference lists activities count for; add, edit, retire.
#include "shared-ui/page_base.h"

namespace maillage::ui {

PageBase* create_funders_page(wxWindow* parent, UiContext& context);

}  // namespace maillage::ui
