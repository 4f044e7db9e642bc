// Issue 17: `maillage-cli --help` with the four plugins against the same program with no
// plugin at all (a copy of it in a folder without a plugin folder beside it). The goal is
// a ratio of at most 2 (cpu_plugins_over_none; wall_plugins_over_none too); reported,
// never asserted. ctest runs a
// one-iteration smoke pass only.
#include "test_support.h"

#include <benchmark/benchmark.h>

#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <stdexcept>
#include <string>
#include <vector>

extern char** environ;

namespace {
namespace fs = std::filesystem;
using maillage::test::TempDir;

// The built maillage-cli, and a copy beside a lib/ holding the core but no plugin folder.
struct Programs {
    TempDir home;
    fs::path with_plugins = maillage::test::build_bin_dir() / "maillage-cli";
    fs::path without_plugins = home / "bin" / "maillage-cli";
    Programs() {
        fs::create_directories(home / "bin");
        fs::create_directories(home / "lib");
        fs::copy_file(with_plugins, without_plugins);
        const auto lib = maillage::test::build_bin_dir().parent_path() / "lib";
        for (const auto& entry : fs::directory_iterator(lib))
            if (entry.path().filename().string().rfind("libmaillage_core.so", 0) == 0)
                fs::create_symlink(entry.path(), home / "lib" / entry.path().filename());
        ::unsetenv("MAILLAGE_PLUGIN_PATH");
        ::setenv("XDG_CONFIG_HOME", (home / "config").c_str(), 1);
        ::setenv("XDG_DATA_HOME", (home / "data").c_str(), 1);
    }
};

Programs& programs() {
    static Programs p;
    return p;
}

struct Times {
    double wall = 0;  // seconds
    double cpu = 0;   // user + system seconds of the child: steady on a loaded machine
};

// Runs `program --help` with its output thrown away.
Times run_help(const fs::path& program) {
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
    std::string path = program.string(), help = "--help";
    char* argv[] = {path.data(), help.data(), nullptr};
    const auto start = std::chrono::steady_clock::now();
    pid_t pid = 0;
    const int rc = posix_spawn(&pid, path.c_str(), &actions, nullptr, argv, environ);
    posix_spawn_file_actions_destroy(&actions);
    int status = 0;
    rusage usage{};
    if (rc != 0 || ::wait4(pid, &status, 0, &usage) != pid || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
        throw std::runtime_error(path + " --help failed");
    auto seconds = [](const timeval& t) { return double(t.tv_sec) + double(t.tv_usec) / 1e6; };
    return {std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(),
            seconds(usage.ru_utime) + seconds(usage.ru_stime)};
}

// The iteration time is the child's CPU time; its wall time is a counter.
void BM_CliHelp(benchmark::State& state) {
    const auto& program = state.range(0) ? programs().with_plugins : programs().without_plugins;
    double wall = 0;
    for (auto _ : state) {
        const auto t = run_help(program);
        wall += t.wall;
        state.SetIterationTime(t.cpu);
    }
    state.counters["wall_ms"] = benchmark::Counter(wall * 1000, benchmark::Counter::kAvgIterations);
    state.SetLabel(state.range(0) ? "four plugins" : "no plugin");
}
BENCHMARK(BM_CliHelp)->Arg(0)->Arg(1)->UseManualTime()->Unit(benchmark::kMillisecond);

// Both in turn, so that the load of the machine weighs on each alike.
void BM_CliHelpRatio(benchmark::State& state) {
    Times with, without;
    for (auto _ : state) {
        const auto a = run_help(programs().without_plugins);
        const auto b = run_help(programs().with_plugins);
        without.cpu += a.cpu, without.wall += a.wall, with.cpu += b.cpu, with.wall += b.wall;
        state.SetIterationTime(b.cpu);
    }
    state.counters["cpu_plugins_over_none"] = without.cpu > 0 ? with.cpu / without.cpu : 0;
    state.counters["wall_plugins_over_none"] = without.wall > 0 ? with.wall / without.wall : 0;
}
BENCHMARK(BM_CliHelpRatio)->UseManualTime()->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
