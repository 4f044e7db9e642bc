// A window module built for version 0.9.0 of the plugin "fixture" (1.2.3 is loaded):
// refused before its factory runs (the factory aborts to prove it).
#include "shared-ui/plugin_ui.h"

#include <cstdlib>

namespace {
class OldUi : public maillage::ui::UiContribution {
public:
    OldUi() { std::abort(); }
    std::vector<maillage::ui::PageSpec> pages() override { return {}; }
};
}  // namespace

MAILLAGE_PLUGIN_UI(OldUi, "fixture", "0.9.0")
