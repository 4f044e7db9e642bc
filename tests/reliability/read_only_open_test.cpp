// Issue 16 item 8: a database in a folder (or a file) that cannot be written opens
// read-only with a notice, with or without Access::ReadOnly (--read-only), and is never
// written. As root, permissions do not stop anything: the opening then runs in a child
// process that has become the unprivileged user "nobody".
#include "core/database.h"
#include "core/demo_data.h"
#include "core/error.h"
#include "test_support.h"

#include <gtest/gtest.h>

#include <grp.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <functional>
#include <iostream>

using namespace maillage;

namespace {
// Runs check() as an unprivileged user; returns its failure message ("" = passed).
std::string as_unprivileged(const std::function<std::string()>& check) {
    if (geteuid() != 0) return check();
    int pipe_fds[2];
    if (pipe(pipe_fds) != 0) return "pipe failed";
    const pid_t pid = fork();
    if (pid == 0) {
        ::close(pipe_fds[0]);
        std::string message;
        if (setgroups(0, nullptr) != 0 || setresgid(65534, 65534, 65534) != 0 || setresuid(65534, 65534, 65534) != 0)
            message = "cannot become nobody";
        else
            try {
                message = check();
            } catch (const std::exception& e) {
                message = std::string("exception: ") + e.what();
            }
        [[maybe_unused]] auto n = ::write(pipe_fds[1], message.data(), message.size());
        _exit(0);
    }
    ::close(pipe_fds[1]);
    std::string message;
    char buffer[512];
    for (ssize_t n; (n = ::read(pipe_fds[0], buffer, sizeof buffer)) > 0;) message.append(buffer, std::size_t(n));
    ::close(pipe_fds[0]);
    int status = 0;
    waitpid(pid, &status, 0);
    if (!WIFEXITED(status)) return "the child process crashed";
    return message;
}

// A database with content, checkpointed (no -wal, -shm left), in dir/sub.
std::filesystem::path make_database(const test::TempDir& dir) {
    const auto folder = dir / "sub";
    std::filesystem::create_directories(folder);
    const auto file = folder / "maillage.sqlite";
    {
        auto db = test::file_db(file);
        db->write([&] { seed_core_demo(*db, 2025); });
    }
    std::filesystem::remove(file.string() + ".lock");
    // Readable by everyone (the unprivileged child too), written by nobody.
    chmod(dir.path().c_str(), 0755);
    chmod(file.c_str(), 0444);
    chmod(folder.c_str(), 0555);
    return file;
}

std::string open_and_read(const std::filesystem::path& file, Database::Access access) {
    Database db(file, access);
    if (!db.read_only()) return "not read-only";
    if (access == Database::Access::ReadWrite && db.read_only_reason().find(file.string()) == std::string::npos)
        return "no notice naming the file: " + db.read_only_reason();
    if (db.scalar_int("SELECT count(*) FROM person") == 0) return "the people cannot be read";
    try {
        db.write([&] { db.sql().exec("DELETE FROM person"); });
        return "a write went through";
    } catch (const ReadOnlyError&) {
    }
    return {};
}
}  // namespace

TEST(ReadOnlyOpen, ADatabaseInAReadOnlyFolderOpensReadOnlyWithANotice) {
    test::TempDir dir;
    const auto file = make_database(dir);
    const auto before = test::read_file(file);
    EXPECT_EQ(as_unprivileged([&] { return open_and_read(file, Database::Access::ReadWrite); }), "");
    EXPECT_EQ(as_unprivileged([&] { return open_and_read(file, Database::Access::ReadOnly); }), "");
    EXPECT_EQ(test::read_file(file), before);
    for (const char* suffix : {"-wal", "-shm", ".lock"})
        EXPECT_FALSE(std::filesystem::exists(file.string() + suffix)) << suffix;
    chmod((dir / "sub").c_str(), 0755);
}

TEST(ReadOnlyOpen, AReadOnlyFileInAWritableFolderOpensReadOnlyWithANotice) {
    test::TempDir dir;
    const auto file = make_database(dir);
    chmod((dir / "sub").c_str(), 0777);
    const auto before = test::read_file(file);
    EXPECT_EQ(as_unprivileged([&] { return open_and_read(file, Database::Access::ReadWrite); }), "");
    EXPECT_EQ(test::read_file(file), before);
    chmod((dir / "sub").c_str(), 0755);
}
