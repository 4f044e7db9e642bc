#pragma once
// A local SMTP server for the mail tests: plugins/catalogue/tests/smtp_sink.py (over
// python3-aiosmtpd) run in the background, asking for `user` and `password`, writing each
// message it receives into a folder; stopped when the object goes.
#include "test_support.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <chrono>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

namespace maillage::test {

class SmtpSink {
public:
    SmtpSink(const std::filesystem::path& dir, const std::string& user, const std::string& password) : dir_(dir) {
        const auto script = source_dir() / "plugins" / "catalogue" / "tests" / "smtp_sink.py";
        const std::string cmd = "/usr/bin/python3 '" + script.string() + "' '" + dir.string() + "' " + user + " " +
                                password + " 2>/dev/null & echo $! > '" + dir.string() + ".pid'";
        EXPECT_EQ(std::system(cmd.c_str()), 0);
        for (int i = 0; i < 200 && !std::filesystem::exists(dir / "port"); ++i)
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        port_ = std::atoi(read_file(dir / "port").c_str());
        EXPECT_GT(port_, 0) << "the local SMTP server (python3-aiosmtpd) did not start";
    }
    ~SmtpSink() {
        const int pid = std::atoi(read_file(dir_.string() + ".pid").c_str());
        if (pid > 0) kill(pid, SIGTERM);
    }
    SmtpSink(const SmtpSink&) = delete;
    SmtpSink& operator=(const SmtpSink&) = delete;

    int port() const { return port_; }
    // Each message received so far, in order: its text, "\n--envelope--\n", then the
    // envelope (sender, then one recipient a line).
    std::vector<std::string> received() const {
        std::vector<std::string> out;
        for (int n = 1; std::filesystem::exists(dir_ / (fmt::format("{:03d}", n) + ".eml")); ++n)
            out.push_back(read_file(dir_ / (fmt::format("{:03d}", n) + ".eml")) + "\n--envelope--\n" +
                          read_file(dir_ / (fmt::format("{:03d}", n) + ".rcpt")));
        return out;
    }

private:
    std::filesystem::path dir_;
    int port_ = 0;
};

}  // namespace maillage::test
