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
#include <sys/stat.h>
#include <unistd.h>
#include <fstream>
#include <set>

namespace maillage {
namespace fs = std::filesystem;

namespace {
constexpr const char* kVersionSymbol = "maillage_plugin_api_version";
const std::string kFactorySymbol = "maillage_create_plugin_v" + std::to_string(kPluginApiVersion);
constexpr const char* kUiVersionSymbol = "maillage_plugin_ui_api_version";
const std::string kUiTargetSymbol = "maillage_plugin_ui_target_v" + std::to_string(kPluginUiApiVersion);
const std::string kUiFactorySymbol = "maillage_create_ui_v" + std::to_string(kPluginUiApiVersion);
static_assert(MAILLAGE_PLUGIN_UI_API_VERSION_TOKEN == kPluginUiApiVersion);

bool looks_like_plugin(const fs::path& p) {
    const auto name = p.filename().string();
    return p.extension() == ".so" && name.rfind("maillage_", 0) == 0;
}

boost::dll::shared_library open_library(const fs::path& file) {
    boost::dll::shared_library library(boost::dll::fs::path(file.string()),
                                       boost::dll::load_mode::rtld_lazy | boost::dll::load_mode::rtld_local);
    // Libraries are never unloaded while the program runs (refused ones included, with
    // the libraries they pulled in): code a plugin left behind — callbacks, type
    // registrations of the toolkits it links — stays valid, and leak checkers can still
    // name it at exit.
    ::dlopen(file.c_str(), RTLD_LAZY | RTLD_NOLOAD | RTLD_NODELETE);
    return library;
}
}  // namespace

bool is_ui_module(const fs::path& file) {
    const auto name = file.filename().string();
    return looks_like_plugin(file) && name.size() > 6 && name.compare(name.size() - 6, 6, "_ui.so") == 0;
}

std::string untrusted_reason(const fs::path& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) return tr("cannot be examined");
    const uid_t me = ::geteuid();
    if (st.st_uid != me && st.st_uid != 0)
        return trf("is owned by another user (uid {uid}): it is not loaded", fmt::arg("uid", st.st_uid));
    // Group or others may write: anyone of them could put code into this program.
    if (st.st_mode & (S_IWGRP | S_IWOTH)) return tr("may be changed by other users than its owner: it is not loaded");
    return {};
}

PluginLoader::~PluginLoader() {
    // Objects first (each window part before its plugin), libraries after (LoadedPlugin's
    // member order does it per plugin).
    for (auto* list : {&loaded_, &disabled_})
        for (auto& p : *list) {
            p->ui.reset();
            p->plugin.reset();
        }
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

// One sentinel file for all the libraries of a start, opened with the first: it is
// rewritten in place with each library's name and emptied once that library loaded (an
// empty sentinel accuses nobody). It stays, empty, for the next start: creating and
// removing a file (an inode allocated and freed) cost as much as loading a small module
// (issue 17).
class Sentinel {
public:
    explicit Sentinel(fs::path file) : file_(std::move(file)) {}
    ~Sentinel() {
        if (fd_ >= 0) ::close(fd_);
    }
    Sentinel(const Sentinel&) = delete;
    Sentinel& operator=(const Sentinel&) = delete;

    // The open file, created the first time (-1 without a sentinel or when it cannot be).
    int fd() {
        if (fd_ < 0 && !file_.empty() && !tried_) {
            tried_ = true;
            std::error_code ec;
            fs::create_directories(file_.parent_path(), ec);
            fd_ = ::open(file_.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
        }
        return fd_;
    }

private:
    fs::path file_;
    int fd_ = -1;
    bool tried_ = false;
};

class SentinelGuard {
public:
    SentinelGuard(Sentinel& sentinel, const fs::path& library) : fd_(sentinel.fd()) {
        if (fd_ < 0) return;
        const auto line = library.string() + "\n";
        ::lseek(fd_, 0, SEEK_SET);
        [[maybe_unused]] auto n = ::write(fd_, line.data(), line.size());  // the mark follows it
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
        [[maybe_unused]] auto r = ::ftruncate(fd_, 0);  // loaded: nobody to accuse
    }
    SentinelGuard(const SentinelGuard&) = delete;
    SentinelGuard& operator=(const SentinelGuard&) = delete;

private:
    int fd_ = -1;
    struct sigaction previous_[std::size(kFatalSignals)] {};
};

// The library that crashed the previous start, read from (and clearing) the sentinel.
fs::path crashed_library(const fs::path& sentinel) {
    std::error_code ec;
    if (sentinel.empty() || fs::file_size(sentinel, ec) == 0 || ec) return {};
    std::ifstream in(sentinel);
    std::string library, mark;
    std::getline(in, library);
    std::getline(in, mark);
    in.close();
    fs::resize_file(sentinel, 0, ec);  // accused once
    return mark == "crashed" ? fs::path(library) : fs::path();
}
}  // namespace

void PluginLoader::load_folders(const std::vector<fs::path>& folders, const CrashedPluginQuestion& skip_crashed,
                                PluginModules modules) {
    const fs::path crashed = crashed_library(sentinel_);
    const bool skip = !crashed.empty() && (!skip_crashed || skip_crashed(crashed));
    // Logic modules of every folder first: a UI module pairs with its logic module
    // wherever that was found.
    std::vector<fs::path> ui_files;
    Sentinel sentinel(sentinel_);
    auto load_guarded = [&](const fs::path& f, bool ui) {
        std::error_code ec;
        if (const auto why = untrusted_reason(f); !why.empty()) {
            refuse(f, why);  // never opened: its constructors must not run
            return;
        }
        if (skip && fs::equivalent(f, crashed, ec)) {
            refuse(f, tr("was skipped: it crashed the program while starting last time"));
            return;
        }
        SentinelGuard guard(sentinel, f);
        if (ui)
            load_ui_file(f);
        else
            load_file(f);
    };
    for (const auto& folder : folders) {
        if (folder.is_relative()) {
            refuse(folder, tr("is a relative folder: plugin folders must be absolute paths"));
            continue;
        }
        std::error_code ec;
        if (!fs::is_directory(folder, ec)) continue;
        if (const auto why = untrusted_reason(folder); !why.empty()) {
            refuse(folder, why);
            continue;
        }
        std::vector<fs::path> files;
        for (const auto& entry : fs::directory_iterator(folder, ec))
            if (entry.is_regular_file(ec) && looks_like_plugin(entry.path())) files.push_back(entry.path());
        std::sort(files.begin(), files.end());
        for (const auto& f : files) {
            if (is_ui_module(f)) {
                // maillage-cli never opens a window module: it would map GTK.
                if (modules == PluginModules::LogicAndUi) ui_files.push_back(f);
                continue;
            }
            load_guarded(f, false);
        }
    }
    for (const auto& f : ui_files) load_guarded(f, true);
}

bool PluginLoader::load_file(const fs::path& file) {
    auto loaded = std::make_unique<LoadedPlugin>();
    loaded->file = file;
    try {
        loaded->library = open_library(file);
    } catch (const std::exception& e) {
        refuse(file, trf("cannot be loaded: {reason}", fmt::arg("reason", e.what())));
        return false;
    }
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

bool PluginLoader::load_ui_file(const fs::path& file) {
    boost::dll::shared_library library;
    try {
        library = open_library(file);
    } catch (const std::exception& e) {
        refuse(file, trf("cannot be loaded: {reason}", fmt::arg("reason", e.what())));
        return false;
    }
    auto keep_refused = [&](std::string reason) {
        refused_ui_libraries_.push_back(std::move(library));
        refuse(file, std::move(reason));
        return false;
    };
    if (!library.has(kUiVersionSymbol)) return keep_refused(tr("is not a Maillage window module: it exports no API version"));
    const int version = library.get_alias<const int>(kUiVersionSymbol);
    if (version != kPluginUiApiVersion)
        return keep_refused(trf("was built for window module API version {found}; this program needs version {needed}",
                                fmt::arg("found", version), fmt::arg("needed", kPluginUiApiVersion)));
    if (!library.has(kUiTargetSymbol) || !library.has(kUiFactorySymbol))
        return keep_refused(trf("exports no factory ({symbol})", fmt::arg("symbol", kUiFactorySymbol)));
    const auto& target = library.get_alias<const PluginUiTarget>(kUiTargetSymbol);
    const std::string id = target.plugin_id ? target.plugin_id : "";
    const std::string wanted = target.plugin_version ? target.plugin_version : "";
    auto it = std::find_if(loaded_.begin(), loaded_.end(), [&](const auto& p) { return p->info.id == id; });
    if (it == loaded_.end())
        return keep_refused(trf("is the window part of the plugin \"{id}\", whose logic module is not loaded",
                                fmt::arg("id", id)));
    LoadedPlugin& logic = **it;
    if (logic.info.version != wanted)
        return keep_refused(trf("was built for version {wanted} of the plugin \"{id}\", but version {found} is "
                                "loaded",
                                fmt::arg("wanted", wanted), fmt::arg("id", id), fmt::arg("found", logic.info.version)));
    if (!logic.ui_file.empty())
        return keep_refused(trf("is a second window part of the plugin \"{id}\" (the first: {file})",
                                fmt::arg("id", id), fmt::arg("file", logic.ui_file.string())));
    logic.ui_library = std::move(library);
    logic.ui_file = file;
    return true;
}

void PluginLoader::refuse_ui(LoadedPlugin& plugin, const std::string& reason) {
    plugin.ui.reset();
    refused_ui_libraries_.push_back(std::move(plugin.ui_library));
    refuse(plugin.ui_file, reason);
    plugin.ui_file.clear();
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
