#pragma once
// Institutions: the list with search-as-you-type, create/edit with validation as the
// user types, and merging a duplicate into the record that stays.
#include "shared-ui/page_base.h"

namespace maillage::ui {

PageBase* create_institutions_page(wxWindow* parent, UiContext& context);

}  // namespace maillage::ui
