// The exchange plugin's window module (maillage_exchange_ui.so): its pages.
#include "exchange_plugin.h"

#include "ui/event_list_page.h"

#include "shared-ui/plugin_ui.h"

#include <wx/intl.h>

namespace maillage::exchange {
namespace {

class ExchangeUi : public ui::UiContribution {
public:
    std::vector<ui::PageSpec> pages() override {
        return {ui::PageSpec{"exchange.events", _("Events"), 10,
                             [](wxWindow* parent, ui::UiContext& context) -> ui::PageBase* {
                                 return new EventListPage(parent, context);
                             }}};
    }
};

}  // namespace
}  // namespace maillage::exchange

MAILLAGE_PLUGIN_UI(maillage::exchange::ExchangeUi, maillage::exchange::kPluginId, maillage::exchange::kPluginVersion)
