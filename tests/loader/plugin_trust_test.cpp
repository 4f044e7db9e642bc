// Issue 16 item 9: a plugin that another user could have written is refused before it is
// opened, so none of its code (constructors included) runs. The loader pins every library
// it opens (RTLD_NODELETE), so "never opened" is checked in /proc/self/maps.
#include "core/plugin_loader.h"
#include "test_support.h"

#include <gtest/gtest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>

using namespace maillage;
namespace fs = std::filesystem;

namespace {
bool mapped(const fs::path& file) {
    std::ifstream maps("/proc/self/maps");
    std::string line;
    while (std::getline(maps, line))
        if (line.find(file.string()) != std::string::npos) return true;
    return false;
}

// A copy of the good fixture in its own folder (0700, owned by us): loadable as it is.
struct PluginCopy {
    test::TempDir dir;
    fs::path folder = dir / "plugins";
    fs::path file = folder / "maillage_fixture_good.so";
    PluginCopy() {
        fs::create_directory(folder);
        fs::permissions(folder, fs::perms::owner_all);
        fs::copy_file(test::test_plugin_dir() / "maillage_fixture_good.so", file);
        fs::permissions(file, fs::perms::owner_all);
    }
};

std::string only_reason(const PluginLoader& loader) {
    EXPECT_EQ(loader.refused().size(), 1u);
    return loader.refused().empty() ? std::string() : loader.refused().front().reason;
}

// Loading the copy's folder loads nothing, refuses once saying `why`, and never opens the file.
void expect_refused_unopened(const PluginCopy& copy, const std::string& why) {
    PluginLoader loader;
    loader.load_folders({copy.folder});
    EXPECT_TRUE(loader.loaded().empty());
    EXPECT_NE(only_reason(loader).find(why), std::string::npos);
    EXPECT_FALSE(mapped(copy.file));
}
}  // namespace

TEST(PluginTrust, AFolderOthersMayWriteToIsRefusedWithoutOpeningItsFiles) {
    for (auto extra : {fs::perms::group_write, fs::perms::others_write}) {
        PluginCopy copy;
        fs::permissions(copy.folder, extra, fs::perm_options::add);
        PluginLoader loader;
        loader.load_folders({copy.folder});
        EXPECT_TRUE(loader.loaded().empty());
        EXPECT_NE(only_reason(loader).find("other users"), std::string::npos);
        EXPECT_EQ(loader.refused().front().file, copy.folder);
        EXPECT_FALSE(mapped(copy.file)) << "a refused plugin was opened";
    }
}

TEST(PluginTrust, AFileOthersMayWriteToIsRefusedWithoutBeingOpened) {
    PluginCopy copy;
    fs::permissions(copy.file, fs::perms::group_write, fs::perm_options::add);
    expect_refused_unopened(copy, "other users");
}

TEST(PluginTrust, AFileOwnedByAnotherUserIsRefusedWithoutBeingOpened) {
    PluginCopy copy;
    // Another user than us and root: only root can give a file to uid 65534 (nobody).
    if (::geteuid() != 0) GTEST_SKIP() << "only root can give a file to another user";
    ASSERT_EQ(::chown(copy.file.c_str(), 65534, 65534), 0);
    expect_refused_unopened(copy, "another user (uid 65534)");
}

TEST(PluginTrust, ATrustedCopyStillLoads) {
    PluginCopy copy;
    PluginLoader loader;
    loader.load_folders({copy.folder});
    ASSERT_EQ(loader.loaded().size(), 1u) << (loader.refused().empty() ? "" : loader.refused().front().reason);
    EXPECT_TRUE(mapped(copy.file));
}

TEST(PluginTrust, RelativePluginPathEntriesAreRefused) {
    // A folder named "plugins" in the current folder holds a loadable plugin; a relative
    // MAILLAGE_PLUGIN_PATH entry must not make the program load it from wherever it runs.
    PluginCopy copy;
    const fs::path before = fs::current_path();
    fs::current_path(copy.dir.path());
    ::setenv("MAILLAGE_PLUGIN_PATH", "plugins", 1);
    const auto folders = default_plugin_folders();
    PluginLoader loader;
    loader.load_folders(folders);
    ::unsetenv("MAILLAGE_PLUGIN_PATH");
    fs::current_path(before);
    ASSERT_FALSE(folders.empty());
    EXPECT_EQ(folders.front(), fs::path("plugins"));
    for (const auto& p : loader.loaded()) EXPECT_NE(p->info.id, "fixture");
    const auto it = std::find_if(loader.refused().begin(), loader.refused().end(),
                                 [](const RefusedPlugin& r) { return r.file == fs::path("plugins"); });
    ASSERT_NE(it, loader.refused().end());
    EXPECT_NE(it->reason.find("relative"), std::string::npos) << it->reason;
    EXPECT_FALSE(mapped(copy.file));
}
