// Exports the right API version but no factory.
#include "core/plugin_api.h"

namespace fixture_exports {
inline const int api_version = maillage::kPluginApiVersion;
}  // namespace fixture_exports

BOOST_DLL_ALIAS(fixture_exports::api_version, maillage_plugin_api_version)
