// A second library claiming the id of fixture_good: the loader keeps the first.
#include "core/plugin_api.h"

namespace {
class TwinPlugin : public maillage::Plugin {
public:
    maillage::PluginInfo info() const override { return {"fixture", "Fixture twin", "9.9.9", "Same id"}; }
};
}  // namespace

MAILLAGE_PLUGIN(TwinPlugin)
