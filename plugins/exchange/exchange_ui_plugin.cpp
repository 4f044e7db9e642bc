// The exchange plugin's window module (maillage_exchange_ui.so): its pages.
#include "exchange_plugin.h"

#include "ui/event_list_page.h"

#include "shared-ui/declared_ui.h"

#include <wx/intl.h>

namespace maillage::exchange {
namespace {

ui::UiDeclaration declare() { return {.pages = {ui::page<EventListPage>("exchange.events", _("Events"), 10)}}; }

}  // namespace
}  // namespace maillage::exchange

MAILLAGE_DECLARED_UI(maillage::exchange::declare, maillage::exchange::kPluginId, maillage::exchange::kPluginVersion)
