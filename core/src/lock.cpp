#include "core/lock.h"

#include "core/i18n.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <map>
#include <mutex>
#include <sstream>

namespace maillage {
namespace {
struct Held {
    int fd = -1;
    int count = 0;
    pid_t owner = 0;  // a forked child inherits the table but not the right to the lock
};
std::mutex g_mutex;
std::map<std::string, Held>& held() {
    static std::map<std::string, Held> map;
    return map;
}

std::string this_host() {
    char name[256] = {};
    if (gethostname(name, sizeof name - 1) != 0) return "unknown";
    return name;
}

std::optional<LockHolder> read_holder(int fd) {
    char buf[512] = {};
    const auto n = pread(fd, buf, sizeof buf - 1, 0);
    if (n <= 0) return std::nullopt;
    std::istringstream in(std::string(buf, size_t(n)));
    LockHolder h;
    if (!(in >> h.pid >> h.host)) return std::nullopt;
    return h;
}

std::string key_of(const std::filesystem::path& database) {
    std::error_code ec;
    auto canonical = std::filesystem::weakly_canonical(database, ec);
    return (ec ? std::filesystem::absolute(database) : canonical).string();
}
}  // namespace

std::filesystem::path DatabaseLock::lock_file(const std::filesystem::path& database) {
    auto f = database;
    f += ".lock";
    return f;
}

std::unique_ptr<DatabaseLock> DatabaseLock::try_acquire(const std::filesystem::path& database,
                                                        std::optional<LockHolder>* holder) {
    std::lock_guard guard(g_mutex);
    const auto key = key_of(database);
    if (auto it = held().find(key); it != held().end()) {
        if (it->second.owner == getpid()) {
            ++it->second.count;
            return std::unique_ptr<DatabaseLock>(new DatabaseLock(key));
        }
        if (it->second.fd >= 0) ::close(it->second.fd);  // the parent's lock stays with the parent
        held().erase(it);
    }
    const auto file = lock_file(database);
    const int fd = ::open(file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0) {
        // A folder where no lock file can be made (read-only media): nobody else can
        // write there either, so there is nothing to protect against.
        held()[key] = Held{-1, 1, getpid()};
        return std::unique_ptr<DatabaseLock>(new DatabaseLock(key));
    }
    if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
        if (holder) *holder = read_holder(fd);
        ::close(fd);
        return nullptr;
    }
    auto lock = std::unique_ptr<DatabaseLock>(new DatabaseLock(key));
    // The flock is ours, so whoever the file still names is gone: a crashed process.
    lock->previous_ = read_holder(fd);
    lock->recovered_stale_ = lock->previous_.has_value();
    const auto text = std::to_string(long(getpid())) + " " + this_host() + "\n";
    if (ftruncate(fd, 0) == 0) {
        [[maybe_unused]] auto written = pwrite(fd, text.data(), text.size(), 0);
    }
    held()[key] = Held{fd, 1, getpid()};
    return lock;
}

DatabaseLock::~DatabaseLock() {
    std::lock_guard guard(g_mutex);
    auto it = held().find(key_);
    if (it == held().end() || it->second.owner != getpid()) return;
    if (--it->second.count > 0) return;
    if (it->second.fd >= 0) {
        // Emptied before release: an empty lock file means "closed cleanly".
        if (ftruncate(it->second.fd, 0) != 0) {
        }
        flock(it->second.fd, LOCK_UN);
        ::close(it->second.fd);
    }
    held().erase(it);
}

std::string locked_message(const std::filesystem::path& database, const std::optional<LockHolder>& holder) {
    if (holder)
        return trf("The database {file} is already open for writing by another Maillage program (process {pid} "
                   "on {host}). It is open read-only here; close the other program to make changes.",
                   fmt::arg("file", database.string()), fmt::arg("pid", holder->pid), fmt::arg("host", holder->host));
    return trf("The database {file} is already open for writing by another Maillage program. It is open "
               "read-only here; close the other program to make changes.",
               fmt::arg("file", database.string()));
}

}  // namespace maillage
