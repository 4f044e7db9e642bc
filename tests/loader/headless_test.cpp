// Issue 17: the logic of every plugin runs without a display. Every logic module of the
// build tree is loaded in this process (which links no wxWidgets) and does real work; the
// process must then map no GUI library. Forbidden: GTK and GDK (libgtk-*, libgdk-*) and
// the GUI parts of wxWidgets (libwx_gtk3u_*). Allowed: libwx_baseu (maillage-cli reads
// its catalogs with it), which no logic module needs anyway.
#include "core/plugin_loader.h"
#include "core/report.h"
#include "core/suite.h"
#include "test_support.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>

using namespace maillage;
namespace fs = std::filesystem;

namespace {
std::vector<std::string> mapped_files() {
    std::ifstream maps("/proc/self/maps");
    std::vector<std::string> files;
    std::string line;
    while (std::getline(maps, line))
        if (auto slash = line.find('/'); slash != std::string::npos) files.push_back(line.substr(slash));
    return files;
}
}  // namespace

TEST(Headless, EveryLogicModuleWorksWithoutMappingGtkOrWxGui) {
    size_t logic_modules = 0;
    for (const auto& entry : fs::directory_iterator(test::build_plugin_dir()))
        if (entry.path().extension() == ".so" && !is_ui_module(entry.path())) ++logic_modules;
    ASSERT_GE(logic_modules, 4u) << "the four plugins are built into " << test::build_plugin_dir();

    Suite suite({test::build_plugin_dir()});
    EXPECT_TRUE(suite.plugins().refused().empty()) << suite.plugins().refused().front().reason;
    ASSERT_EQ(suite.plugins().loaded().size(), logic_modules);
    // Their schema, demo content and report sections: the logic, exercised.
    suite.open_in_memory();
    suite.seed_demo(2026);
    ReportScope scope;
    scope.year = 2026;
    const auto report = suite.report(scope);
    for (const auto& p : suite.plugins().loaded()) {
        const auto& id = p->info.id;
        EXPECT_TRUE(std::any_of(report.sections.begin(), report.sections.end(),
                                [&](const ReportSection& s) { return s.id.rfind(id + ".", 0) == 0; }))
            << "no report section from " << id;
    }

    const auto files = mapped_files();
    ASSERT_TRUE(std::any_of(files.begin(), files.end(),
                            [](const std::string& f) { return f.find("maillage_pat.so") != std::string::npos; }))
        << "/proc/self/maps does not show the loaded modules";
    for (const auto& f : files) {
        const auto name = fs::path(f).filename().string();
        EXPECT_NE(name.rfind("libgtk", 0), 0u) << f;
        EXPECT_NE(name.rfind("libgdk", 0), 0u) << f;
        EXPECT_NE(name.rfind("libwx_gtk", 0), 0u) << f;
        EXPECT_FALSE(is_ui_module(f)) << f;
    }
}
