// The window module of the good fixture (plugin "fixture", version 1.2.3): paired with
// maillage_fixture_good.so by id and version.
#include "shared-ui/plugin_ui.h"

namespace {
class FixtureUi : public maillage::ui::UiContribution {
public:
    explicit FixtureUi(maillage::Plugin& logic) : logic_(logic) {}
    std::vector<maillage::ui::PageSpec> pages() override { return {}; }
    std::vector<maillage::ui::MenuItemSpec> menu_items() override {
        return {{"help", wxString::FromUTF8(logic_.info().name), {}, [](maillage::ui::UiContext&) {}}};
    }

private:
    maillage::Plugin& logic_;
};
}  // namespace

MAILLAGE_PLUGIN_UI(FixtureUi, "fixture", "1.2.3")
