// A plugin whose constructor throws: refused, the host goes on.
#include "core/plugin_api.h"

#include <stdexcept>

namespace {
class ThrowingPlugin : public maillage::Plugin {
public:
    ThrowingPlugin() { throw std::runtime_error("fixture refuses to start"); }
    maillage::PluginInfo info() const override { return {"fixture_throws", "Throws", "0", ""}; }
};
}  // namespace

MAILLAGE_PLUGIN(ThrowingPlugin)
