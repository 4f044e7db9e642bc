// What maillage-cli loads, seen from outside: the built binary in a clean environment.
#include "test_support.h"

#include <gtest/gtest.h>

#include <sys/wait.h>

#include <cstdlib>

using namespace maillage;
namespace fs = std::filesystem;

namespace {
std::string quoted(const std::string& s) {
    std::string q = "'";
    for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return q + "'";
}

// Runs maillage-cli with `args` (and `env` before it); returns stdout and stderr together.
std::string run_cli(const test::TempDir& home, const std::string& args, const std::string& env = {}) {
    const auto out = home / "out.txt";
    const std::string cmd = "env -u MAILLAGE_PLUGIN_PATH -u MAILLAGE_DB LANGUAGE= LC_ALL=C.UTF-8 HOME=" +
                            quoted(home.path().string()) + " XDG_DATA_HOME=" + quoted((home / "data").string()) +
                            " XDG_CONFIG_HOME=" + quoted((home / "config").string()) + " " + env + " " +
                            quoted((test::build_bin_dir() / "maillage-cli").string()) + " " + args + " >" +
                            quoted(out.string()) + " 2>&1";
    [[maybe_unused]] const int status = std::system(cmd.c_str());
    return test::read_file(out);
}
}  // namespace

TEST(CliPluginScan, PluginDirAfterDoubleDashIsNotAnOption) {
    test::TempDir home;
    const std::string dir = quoted("--plugin-dir=" + test::test_plugin_dir().string());
    // Control: as an option, the fixture's command is there.
    EXPECT_NE(run_cli(home, dir + " --help").find("Fixture plugin commands"), std::string::npos);
    // After "--" it is data (a file name for a command), and nothing is loaded from it.
    const auto out = run_cli(home, "--help -- " + dir);
    EXPECT_EQ(out.find("Fixture plugin commands"), std::string::npos) << out;
}

TEST(CliPluginScan, PluginsListsAFolderOthersMayWriteToWithTheReason) {
    test::TempDir home;
    const auto folder = home / "shared-plugins";
    fs::create_directory(folder);
    fs::copy_file(test::test_plugin_dir() / "maillage_fixture_good.so", folder / "maillage_fixture_good.so");
    fs::permissions(folder, fs::perms::all);  // 0777: anyone may add a library
    const auto out = run_cli(home, "--plugin-dir " + quoted(folder.string()) + " plugins");
    EXPECT_NE(out.find(folder.string() + ": may be changed by other users than its owner"), std::string::npos) << out;
    EXPECT_EQ(out.find("fixture 1.2.3"), std::string::npos) << out;
}

TEST(CliPluginScan, RelativePluginPathIsRefusedWithTheReason) {
    test::TempDir home;
    fs::create_directory(home / "plugins");
    fs::copy_file(test::test_plugin_dir() / "maillage_fixture_good.so", home / "plugins" / "maillage_fixture_good.so");
    const auto out = run_cli(home, "plugins", "MAILLAGE_PLUGIN_PATH=plugins sh -c 'cd \"$HOME\" && exec \"$0\" \"$@\"'");
    EXPECT_NE(out.find("plugins: is a relative folder"), std::string::npos) << out;
    EXPECT_EQ(out.find("fixture 1.2.3"), std::string::npos) << out;
}

TEST(CliPluginScan, TheCommandLineToolNeverOpensAWindowModuleNorGtk) {
    // LD_DEBUG=files makes the dynamic loader name every library it opens; the test
    // plugin folder holds window modules (*_ui.so), the build tree the four real ones.
    test::TempDir home;
    const auto out = run_cli(home, "--plugin-dir " + quoted(test::test_plugin_dir().string()) + " plugins",
                             "LD_DEBUG=files");
    ASSERT_NE(out.find("maillage_fixture_good.so"), std::string::npos) << "LD_DEBUG gave nothing";
    ASSERT_NE(out.find("maillage_pat.so"), std::string::npos) << "the real plugins were not found";
    EXPECT_EQ(out.find("_ui.so"), std::string::npos) << out;
    EXPECT_EQ(out.find("libgtk"), std::string::npos);
    EXPECT_EQ(out.find("libwx_gtk"), std::string::npos);
}
