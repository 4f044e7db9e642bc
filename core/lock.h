#pragma once
// One writer per database file. A process that opens a database for writing holds an
// exclusive flock() on "<database>.lock", a small file beside it that names the holder
// (pid and host) so that a second program can say who has it. The kernel drops the
// flock when the holder dies, so a lock file left by a crashed process is recognised
// (the flock is free) and taken over.
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

namespace maillage {

struct LockHolder {
    long pid = 0;
    std::string host;
};

class DatabaseLock {
public:
    // Tries to take the lock for `database`. Returns nullptr when another process holds
    // it; `holder` then names it (when the lock file says). Within one process, the lock
    // is shared (counted) so that a program may open the same file twice.
    static std::unique_ptr<DatabaseLock> try_acquire(const std::filesystem::path& database,
                                                     std::optional<LockHolder>* holder = nullptr);
    ~DatabaseLock();
    DatabaseLock(const DatabaseLock&) = delete;
    DatabaseLock& operator=(const DatabaseLock&) = delete;

    // True when the lock file named a process that is gone (its lock was recovered).
    bool recovered_stale() const { return recovered_stale_; }
    const std::optional<LockHolder>& previous_holder() const { return previous_; }

    static std::filesystem::path lock_file(const std::filesystem::path& database);

private:
    explicit DatabaseLock(std::string key) : key_(std::move(key)) {}
    std::string key_;
    bool recovered_stale_ = false;
    std::optional<LockHolder> previous_;
};

// The sentence a second writer sees.
std::string locked_message(const std::filesystem::path& database, const std::optional<LockHolder>& holder);

}  // namespace maillage
