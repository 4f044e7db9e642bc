#pragma once
// Runs the built maillage-cli in a clean environment (temporary data and config folders)
// and captures its exit code and output: the CLI end-to-end tests' one helper.
#include "test_support.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include <sys/wait.h>

#include <cstdlib>
#include <string>
#include <vector>

namespace maillage::test {

struct Result {
    int code = -1;
    std::string out, err;
};

inline std::string quoted(const std::string& s) {
    std::string q = "'";
    for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return q + "'";
}

// Runs maillage-cli with the arguments in a clean environment whose data and config
// folders are inside `home`; captures the exit code, stdout and stderr.
class Cli {
public:
    Cli() = default;
    const test::TempDir& dir() const { return home_; }
    std::filesystem::path db() const { return home_ / "maillage.sqlite"; }

    Result run(const std::vector<std::string>& args, bool with_db = true) const {
        const auto out = home_ / "stdout.txt", err = home_ / "stderr.txt";
        std::string cmd = "env -u MAILLAGE_PLUGIN_PATH -u MAILLAGE_DB LANGUAGE= LC_ALL=C.UTF-8 LANG=C.UTF-8 HOME=" +
                          quoted(home_.path().string()) + " XDG_DATA_HOME=" + quoted((home_ / "data").string()) +
                          " XDG_CONFIG_HOME=" + quoted((home_ / "config").string()) + " " +
                          quoted((test::build_bin_dir() / "maillage-cli").string());
        if (with_db) cmd += " --db " + quoted(db().string());
        for (const auto& a : args) cmd += " " + quoted(a);
        cmd += " >" + quoted(out.string()) + " 2>" + quoted(err.string());
        const int status = std::system(cmd.c_str());
        Result r;
        r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
        r.out = test::read_file(out);
        r.err = test::read_file(err);
        return r;
    }

    int64_t count(const std::string& table) const {
        SQLite::Database file(db().string(), SQLite::OPEN_READONLY);
        return file.execAndGet("SELECT count(*) FROM " + table).getInt64();
    }

private:
    test::TempDir home_;
};

#define EXPECT_OK(r) EXPECT_EQ((r).code, 0) << "stdout:\n" << (r).out << "\nstderr:\n" << (r).err

}  // namespace maillage::test
