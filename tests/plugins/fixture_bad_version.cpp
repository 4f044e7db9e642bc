// Built "for another API": exports version 999 (by hand, as MAILLAGE_PLUGIN would not
// compile with it) and a factory that must never be called.
#include "core/plugin_api.h"

#include <cstdlib>

namespace fixture_exports {
inline const int api_version = 999;
inline std::unique_ptr<maillage::Plugin> create() { std::abort(); }
}  // namespace fixture_exports

BOOST_DLL_ALIAS(fixture_exports::api_version, maillage_plugin_api_version)
BOOST_DLL_ALIAS(fixture_exports::create, maillage_create_plugin_v1)
