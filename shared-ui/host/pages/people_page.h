#pragma once
// People: list and search, create/edit with roles and the employment history, and the
// person's participations with the institution and sector they counted for.
#include "shared-ui/page_base.h"

namespace maillage::ui {

PageBase* create_people_page(wxWindow* parent, UiContext& context);

}  // namespace maillage::ui
