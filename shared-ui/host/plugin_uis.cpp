#include "plugin_uis.h"

#include "shared-ui/messages.h"
#include "shared-ui/plugin_ui.h"

#include <wx/intl.h>

#include <memory>
#include <string>

namespace maillage::ui {

void create_plugin_uis(PluginLoader& loader) {
    const std::string factory_symbol = "maillage_create_ui_v" + std::to_string(kPluginUiApiVersion);
    for (const auto& p : loader.loaded()) {
        if (p->ui_file.empty()) continue;
        std::string failure;
        try {
            auto& factory =
                p->ui_library.get_alias<std::unique_ptr<UiContribution>(Plugin&)>(factory_symbol);
            p->ui = factory(*p->plugin);
            if (!p->ui) failure = _("its factory returned nothing").utf8_string();
        } catch (...) {
            failure = current_exception_message().utf8_string();
        }
        if (!failure.empty())
            loader.refuse_ui(*p, wxString::Format(_("failed while starting: %s"), wxString::FromUTF8(failure))
                                     .utf8_string());
    }
}

}  // namespace maillage::ui
