// A plugin whose constructor crashes the program: the loader must name it at the next start.
#include "core/plugin_api.h"

#include <cstdlib>

namespace {
class CrashingPlugin : public maillage::Plugin {
public:
    CrashingPlugin() { std::abort(); }
    maillage::PluginInfo info() const override { return {"fixture_crashes", "Crashes", "1.0.0", ""}; }
};
}  // namespace

MAILLAGE_PLUGIN(CrashingPlugin)
