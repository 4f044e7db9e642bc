// A plugin that starts but throws from the calls the host makes later: it must be
// disabled with its name and the reason, and the rest of the suite goes on.
#include "core/plugin_api.h"

#include <stdexcept>

namespace {
class FaultyPlugin : public maillage::Plugin {
public:
    maillage::PluginInfo info() const override { return {"fixture_faulty", "Faulty", "1.0.0", ""}; }
    std::vector<maillage::Migration> migrations() const override { throw std::runtime_error("schema is broken"); }
    void seed_demo(maillage::Database&, const maillage::DemoContext&) override {
        throw std::runtime_error("demo is broken");
    }
};
}  // namespace

MAILLAGE_PLUGIN(FaultyPlugin)
