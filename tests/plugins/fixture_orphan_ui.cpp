// A window module whose logic module ("orphan") is nowhere: refused before its factory
// runs (the factory aborts to prove it).
#include "shared-ui/plugin_ui.h"

#include <cstdlib>

namespace {
class OrphanUi : public maillage::ui::UiContribution {
public:
    OrphanUi() { std::abort(); }
    std::vector<maillage::ui::PageSpec> pages() override { return {}; }
};
}  // namespace

MAILLAGE_PLUGIN_UI(OrphanUi, "orphan", "1.0.0")
