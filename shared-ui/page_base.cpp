#include "shared-ui/page_base.h"

namespace maillage::ui {

PageBase::PageBase(wxWindow* parent, UiContext& context) : wxPanel(parent, wxID_ANY), context_(context) {}

}  // namespace maillage::ui
