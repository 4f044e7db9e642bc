#pragma once
#include "shared-ui/page_base.h"

namespace maillage::exchange {

class EventListPage : public ui::PageBase {
public:
    EventListPage(wxWindow* parent, ui::UiContext& context);
    void refresh() override;
};

}  // namespace maillage::exchange
