#include "core/plugin_loader.h"

#include "core/core_report.h"
#include "core/core_schema.h"
#include "core/i18n.h"
#include "core/paths.h"

#include <boost/dll/import.hpp>
#include <boost/dll/runtime_symbol_info.hpp>

#include <algorithm>
#include <csignal>
#include <cstdlib>
#include <dlfcn.h>
#include <fcntl.h>
#include <unistd.h>
#include <fstream>
#include <set>

namespace maillage {
namespace fs = std::filesystem;

namespace {
constexpr const char* kVersionSymbol = "maillage_plugin_api_version";
const std::string kFactorySymbol = "maillage_create_plugin_v" + std::to_string(kPluginApiVersion);

bool looks_like_plugin(const fs::path& p) {
    const auto name = p.filename().string();
    return p.extension() == ".so" && name.rfind("maillage_", 0) == 0;
}
}  // namespace

PluginLoader::~PluginLoader() {
    // Objects first, libraries after (LoadedPlugin's member order does it per plugin).
    for (auto& p : loaded_) p->plugin.reset();
    for (auto& p : disabled_) p->plugin.reset();
}

void PluginLoader::refuse(const fs::path& file, std::string reason) {
    refused_.push_back(RefusedPlugin{file, std::move(reason)});
}

namespace {
// While a library loads, the sentinel file names it. If the library crashes the
// program (a fatal signal), the handler adds the line "crashed" before the program dies;
// a sentinel without that line (the program was killed, or the power went out) accuses
// nobody.
constexpr char kCrashedMark[] = "crashed\n";
volatile int sentinel_fd = -1;
constexpr int kFatalSignals[] = {SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT};

extern "C" void on_fatal_signal(int sig) {
    if (sentinel_fd >= 0) {
        [[maybe_unused]] auto n = ::write(sentinel_fd, kCrashedMark, sizeof kCrashedMark - 1);
    }
    ::signal(sig, SIG_DFL);
    ::raise(sig);
}

class SentinelGuard {
public:
    SentinelGuard(const fs::path& sentinel, const fs::path& library) : sentinel_(sentinel) {
        if (sentinel_.empty()) return;
        std::error_code ec;
        fs::create_directories(sentinel_.parent_path(), ec);
        fd_ = ::open(sentinel_.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
        if (fd_ < 0) return;
        const auto line = library.string() + "\n";
        [[maybe_unused]] auto n = ::write(fd_, line.data(), line.size());
        sentinel_fd = fd_;
        struct sigaction action {};
        action.sa_handler = on_fatal_signal;
        sigemptyset(&action.sa_mask);
        for (size_t i = 0; i < std::size(kFatalSignals); ++i) ::sigaction(kFatalSignals[i], &action, &previous_[i]);
    }
    ~SentinelGuard() {
        if (fd_ < 0) return;
        for (size_t i = 0; i < std::size(kFatalSignals); ++i) ::sigaction(kFatalSignals[i], &previous_[i], nullptr);
        sentinel_fd = -1;
        ::close(fd_);
        std::error_code ec;
        fs::remove(sentinel_, ec);
    }
    SentinelGuard(const SentinelGuard&) = delete;
    SentinelGuard& operator=(const SentinelGuard&) = delete;

private:
    fs::path sentinel_;
    int fd_ = -1;
    struct sigaction previous_[std::size(kFatalSignals)] {};
};

// The library that crashed the previous start, read from (and clearing) the sentinel.
fs::path crashed_library(const fs::path& sentinel) {
    std::error_code ec;
    if (sentinel.empty() || !fs::exists(sentinel, ec)) return {};
    std::ifstream in(sentinel);
    std::string library, mark;
    std::getline(in, library);
    std::getline(in, mark);
    in.close();
    fs::remove(sentinel, ec);
    return mark == "crashed" ? fs::path(library) : fs::path();
}
}  // namespace

void PluginLoader::load_folders(const std::vector<fs::path>& folders, const CrashedPluginQuestion& skip_crashed) {
    const fs::path crashed = crashed_library(sentinel_);
    const bool skip = !crashed.empty() && (!skip_crashed || skip_crashed(crashed));
    for (const auto& folder : folders) {
        std::error_code ec;
        if (!fs::is_directory(folder, ec)) continue;
        std::vector<fs::path> files;
        for (const auto& entry : fs::directory_iterator(folder, ec))
            if (entry.is_regular_file(ec) && looks_like_plugin(entry.path())) files.push_back(entry.path());
        std::sort(files.begin(), files.end());
        for (const auto& f : files) {
            if (skip && fs::equivalent(f, crashed, ec)) {
                refuse(f, tr("was skipped: it crashed the program while starting last time"));
                continue;
            }
            SentinelGuard guard(sentinel_, f);
            load_file(f);
        }
    }
}

bool PluginLoader::load_file(const fs::path& file) {
    auto loaded = std::make_unique<LoadedPlugin>();
    loaded->file = file;
    try {
        loaded->library.load(boost::dll::fs::path(file.string()), boost::dll::load_mode::rtld_lazy |
                                                                       boost::dll::load_mode::rtld_local);
    } catch (const std::exception& e) {
        refuse(file, trf("cannot be loaded: {reason}", fmt::arg("reason", e.what())));
        return false;
    }
    // Libraries are never unloaded while the program runs (refused ones included, with
    // the libraries they pulled in): code a plugin left behind — callbacks, type
    // registrations of the toolkits it links — stays valid, and leak checkers can still
    // name it at exit.
    ::dlopen(file.c_str(), RTLD_LAZY | RTLD_NOLOAD | RTLD_NODELETE);
    if (!loaded->library.has(kVersionSymbol)) {
        refuse(file, tr("is not a Maillage plugin: it exports no API version"));
        return false;
    }
    const int version = loaded->library.get_alias<const int>(kVersionSymbol);
    if (version != kPluginApiVersion) {
        refuse(file, trf("was built for plugin API version {found}; this program needs version {needed}",
                         fmt::arg("found", version), fmt::arg("needed", kPluginApiVersion)));
        return false;
    }
    if (!loaded->library.has(kFactorySymbol)) {
        refuse(file, trf("exports no factory ({symbol})", fmt::arg("symbol", kFactorySymbol)));
        return false;
    }
    try {
        auto& factory = loaded->library.get_alias<std::unique_ptr<Plugin>()>(kFactorySymbol);
        loaded->plugin = factory();
        if (!loaded->plugin) throw std::runtime_error(tr("the factory returned nothing"));
        loaded->info = loaded->plugin->info();
        if (loaded->info.id.empty()) throw std::runtime_error(tr("the plugin has no id"));
    } catch (const std::exception& e) {
        loaded->plugin.reset();
        refuse(file, trf("failed while starting: {reason}", fmt::arg("reason", e.what())));
        return false;
    } catch (...) {
        loaded->plugin.reset();
        refuse(file, tr("failed while starting with an unknown error"));
        return false;
    }
    const auto& id = loaded->info.id;
    if (id == "core" || std::any_of(loaded_.begin(), loaded_.end(),
                                    [&](const auto& p) { return p->info.id == id; })) {
        loaded->plugin.reset();
        refuse(file, trf("has the id \"{id}\" of a plugin already loaded", fmt::arg("id", id)));
        return false;
    }
    loaded_.push_back(std::move(loaded));
    return true;
}

void PluginLoader::disable(const std::string& id, const std::string& reason) {
    auto it = std::find_if(loaded_.begin(), loaded_.end(), [&](const auto& p) { return p->info.id == id; });
    if (it == loaded_.end()) return;
    refuse((*it)->file, reason);
    disabled_.push_back(std::move(*it));
    loaded_.erase(it);
}

void PluginLoader::for_each(const std::string& what, const std::function<void(LoadedPlugin&)>& fn) {
    std::vector<std::pair<std::string, std::string>> failed;
    for (auto& p : loaded_) {
        try {
            fn(*p);
        } catch (const std::exception& e) {
            failed.emplace_back(p->info.id, trf("{id}: {what} failed ({reason}); the plugin is disabled until the "
                                                "program restarts",
                                                fmt::arg("id", p->info.id), fmt::arg("what", what),
                                                fmt::arg("reason", e.what())));
        } catch (...) {
            failed.emplace_back(p->info.id, trf("{id}: {what} failed; the plugin is disabled until the program "
                                                "restarts",
                                                fmt::arg("id", p->info.id), fmt::arg("what", what)));
        }
    }
    for (const auto& [id, reason] : failed) disable(id, reason);
}

void PluginLoader::refresh_info() {
    for_each(tr("describing itself"), [](LoadedPlugin& p) {
        auto info = p.plugin->info();
        info.id = p.info.id;  // the id is fixed once loaded: it names the schema
        p.info = std::move(info);
    });
}

std::vector<MigrationSet> PluginLoader::migration_sets() {
    std::vector<MigrationSet> sets{core_migrations()};
    for_each(tr("declaring its schema"),
             [&](LoadedPlugin& p) { sets.push_back(MigrationSet{p.info.id, p.plugin->migrations()}); });
    return sets;
}

std::vector<std::shared_ptr<const ReportSectionProvider>> PluginLoader::report_sections() {
    std::map<std::string, std::string> kind_labels;
    for_each(tr("naming its session kinds"), [&](LoadedPlugin& p) { kind_labels.merge(p.plugin->session_kind_labels()); });
    auto sections = core_report_sections(std::move(kind_labels));
    for_each(tr("declaring its report sections"), [&](LoadedPlugin& p) {
        for (auto& s : p.plugin->report_sections()) sections.push_back(std::move(s));
    });
    return sections;
}

std::vector<fs::path> default_plugin_folders() {
    std::vector<fs::path> folders;
    if (const char* env = std::getenv("MAILLAGE_PLUGIN_PATH"); env && *env) {
        std::string all = env;
        size_t start = 0;
        while (start <= all.size()) {
            auto end = all.find(':', start);
            if (end == std::string::npos) end = all.size();
            if (end > start) folders.emplace_back(all.substr(start, end - start));
            start = end + 1;
        }
    }
    folders.push_back(installed_plugin_folder());
    return folders;
}

}  // namespace maillage
