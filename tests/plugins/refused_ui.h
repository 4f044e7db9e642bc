#pragma once
// The window contribution of a fixture module the window must refuse before its factory
// runs: constructing it aborts the program, to prove the refusal comes first.
#include "shared-ui/plugin_ui.h"

#include <cstdlib>

namespace maillage::test {

class RefusedUi : public maillage::ui::UiContribution {
public:
    RefusedUi() { std::abort(); }
    std::vector<maillage::ui::PageSpec> pages() override { return {}; }
};

}  // namespace maillage::test
