#pragma once
// The pages the window shows before any plugin's: Institutions, People, Sectors,
// Funders and programmes, Reports.
#include "shared-ui/plugin_ui.h"

#include <vector>

namespace maillage {
class Suite;
}

namespace maillage::ui {

std::vector<PageSpec> core_page_specs(Suite& suite);

}  // namespace maillage::ui
