// A window module built for window module API version 999 (exported by hand, as
// MAILLAGE_PLUGIN_UI would not compile with it): refused before anything else is read.
#include "shared-ui/plugin_ui.h"

#include <cstdlib>

namespace fixture_exports {
inline const int api_version = 999;
inline const maillage::PluginUiTarget target{"fixture", "1.2.3"};
inline std::unique_ptr<maillage::ui::UiContribution> create(maillage::Plugin&) { std::abort(); }
}  // namespace fixture_exports

BOOST_DLL_ALIAS(fixture_exports::api_version, maillage_plugin_ui_api_version)
BOOST_DLL_ALIAS(fixture_exports::target, maillage_plugin_ui_target_v1)
BOOST_DLL_ALIAS(fixture_exports::create, maillage_create_ui_v1)
