#include "ui/event_list_page.h"

namespace maillage::exchange {

EventListPage::EventListPage(wxWindow* parent, ui::UiContext& context) : PageBase(parent, context) {}
void EventListPage::refresh() {}

}  // namespace maillage::exchange
