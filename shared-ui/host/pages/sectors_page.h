#pragma once
// Sectors: the editable list with its labels in French, Dutch and English and its
// family; sectors are retired and restored, never deleted.
#include "shared-ui/page_base.h"

namespace maillage::ui {

PageBase* create_sectors_page(wxWindow* parent, UiContext& context);

}  // namespace maillage::ui
