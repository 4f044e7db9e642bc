// maillage-crash: kills maillage-cli with SIGKILL at random moments during its
// operations (creating a database with demo content, a schema migration, a large CSV
// import, a GDPR erasure, a bulk retention erasure, a backup, a restore) and checks after each kill that the
// database passes integrity_check, foreign_key_check and the suite's invariants, and
// that the operation was all-or-nothing: the row counts are those before it or after it.
//
//   maillage-crash --cli PATH [--kills N] [--seed S] [--work DIR] [--verbose]
// Prints the number of kills and of violations; exits 1 when there is any violation.
#include "core/backup.h"
#include "core/core_schema.h"
#include "core/database.h"
#include "core/integrity.h"
#include "core/migration.h"
#include "tests/support/schema_v1.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <random>
#include <set>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace maillage;
using State = std::vector<int64_t>;

namespace {
struct Options {
    fs::path cli;
    long kills = 200;
    unsigned seed = 0;
    fs::path work;
    bool verbose = false;
};

// Counts that tell the states of every operation apart.
State state_of(const fs::path& file) {
    if (!fs::exists(file) || fs::file_size(file) == 0) return {-1};
    Database db(file);
    if (!db.table_exists("person")) return {-1};  // no schema yet: as good as no file
    auto count = [&](const char* sql) { return db.scalar_int(sql); };
    int64_t core = 0;
    if (db.table_exists("schema_version"))
        core = count("SELECT coalesce((SELECT version FROM schema_version WHERE namespace='core'),0)");
    return {1,
            core,
            count("SELECT count(*) FROM person"),
            count("SELECT count(*) FROM person WHERE erased_at IS NOT NULL"),
            count("SELECT count(*) FROM institution"),
            count("SELECT count(*) FROM attendance"),
            count("SELECT count(*) FROM employment"),
            count("SELECT count(*) FROM audit_log"),
            db.table_exists("erasure_ledger") ? count("SELECT count(*) FROM erasure_ledger") : -1};
}

std::string show(const State& s) {
    std::string out = "(";
    for (size_t i = 0; i < s.size(); ++i) out += (i ? "," : "") + std::to_string(s[i]);
    return out + ")";
}

struct Run {
    bool killed = false;
    int exit_code = 0;
    double seconds = 0;
};

// Runs the CLI; kills it after `delay` (never when delay < 0).
Run run_cli(const Options& o, const std::vector<std::string>& args, std::chrono::microseconds delay) {
    std::vector<std::string> all = {o.cli.string()};
    all.insert(all.end(), args.begin(), args.end());
    std::cout.flush();
    std::fflush(nullptr);  // or the child would print our buffered lines again
    const auto start = std::chrono::steady_clock::now();
    const pid_t pid = fork();
    if (pid == 0) {
        std::vector<char*> argv;
        for (auto& a : all) argv.push_back(a.data());
        argv.push_back(nullptr);
        if (!o.verbose) {
            freopen("/dev/null", "w", stdout);
            freopen("/dev/null", "w", stderr);
        }
        execv(argv[0], argv.data());
        _exit(127);
    }
    Run r;
    int status = 0;
    if (delay.count() >= 0) {
        const auto deadline = start + delay;
        // Poll so that a run that ends before the deadline is not "killed".
        while (std::chrono::steady_clock::now() < deadline) {
            if (waitpid(pid, &status, WNOHANG) == pid) {
                r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
                r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
                return r;
            }
            usleep(200);
        }
        kill(pid, SIGKILL);
    }
    waitpid(pid, &status, 0);
    r.killed = WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL;
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return r;
}

struct Scenario {
    std::string name;
    std::function<void(const fs::path& dir, const fs::path& db)> prepare;
    std::function<std::vector<std::string>(const fs::path& dir, const fs::path& db)> args;
    std::set<State> acceptable;
    double seconds = 0.1;  // an uninterrupted run, measured
    // Extra check after a kill (the backup's target...); returns a problem or "".
    std::function<std::string(const fs::path& dir)> extra;
};

void copy_db(const fs::path& from, const fs::path& to) {
    fs::copy_file(from, to, fs::copy_options::overwrite_existing);
}

void clean(const fs::path& dir) {
    std::error_code ec;
    fs::remove_all(dir, ec);
    fs::create_directories(dir);
}
}  // namespace

int main(int argc, char** argv) {
    Options o;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        auto next = [&]() -> std::string { return i + 1 < argc ? argv[++i] : ""; };
        if (a == "--cli") o.cli = next();
        else if (a == "--kills") o.kills = std::stol(next());
        else if (a == "--seed") o.seed = unsigned(std::stoul(next()));
        else if (a == "--work") o.work = next();
        else if (a == "--verbose") o.verbose = true;
        else {
            std::cerr << "usage: maillage-crash --cli PATH [--kills N] [--seed S] [--work DIR] [--verbose]\n";
            return 2;
        }
    }
    if (o.cli.empty() || !fs::exists(o.cli)) {
        std::cerr << "maillage-crash: --cli must name the maillage-cli program\n";
        return 2;
    }
    if (o.seed == 0) o.seed = std::random_device{}();
    if (o.work.empty()) o.work = fs::temp_directory_path() / ("maillage-crash-" + std::to_string(getpid()));
    clean(o.work);
    std::mt19937 rng(o.seed);
    std::cout << "maillage-crash: seed " << o.seed << ", work folder " << o.work << std::endl;

    // Templates: an empty file, a demo database at schema core v1 and the current one.
    const auto templates = o.work / "templates";
    fs::create_directories(templates);
    const auto demo = templates / "demo.sqlite";
    if (run_cli(o, {"--db", demo.string(), "init", "--demo", "--year", "2025"}, std::chrono::microseconds(-1)).exit_code)
        return std::cerr << "maillage-crash: init --demo failed\n", 2;
    const auto v1 = templates / "v1.sqlite";
    {
        Database db(v1);
        maillage::test::fill_core_v1(db, demo, true);  // same content as the demo
    }
    const auto saved = templates / "saved.sqlite";
    {
        Database db(demo);
        backup_to(db, saved);
        db.write([&] { db.sql().exec("INSERT INTO institution(name) VALUES ('Created after the backup')"); });
        db.write([&] { db.sql().exec("INSERT INTO setting(key, value) VALUES ('retention.people_inactive_years','1')"); });
        db.sql().exec("PRAGMA wal_checkpoint(TRUNCATE)");
    }

    // A large CSV import (people with their employer): one transaction, all rows or none.
    const auto people_csv = templates / "people.csv";
    {
        std::ofstream csv(people_csv, std::ios::binary);
        csv << "first_name;last_name;email;roles;institution;job_title;start_date\r\n";
        for (int i = 0; i < 1500; ++i)
            csv << "Prénom" << i << ";Nom" << i << ";import" << i << "@example.org;worker;Service importé " << i % 60
                << ";éducateur·rice;2024-09-01\r\n";
    }

    std::vector<Scenario> scenarios;
    scenarios.push_back({"init --demo", [](const fs::path&, const fs::path&) {},
                         [](const fs::path&, const fs::path& db) {
                             return std::vector<std::string>{"--db", db.string(), "init", "--demo", "--year", "2025"};
                         },
                         {}, 0, {}});
    scenarios.push_back({"migration", [&](const fs::path&, const fs::path& db) { copy_db(v1, db); },
                         [](const fs::path&, const fs::path& db) {
                             return std::vector<std::string>{"--db", db.string(), "check"};
                         },
                         {}, 0, {}});
    scenarios.push_back({"gdpr erase", [&](const fs::path&, const fs::path& db) { copy_db(demo, db); },
                         [](const fs::path&, const fs::path& db) {
                             return std::vector<std::string>{"--db", db.string(), "gdpr", "erase", "--person", "77",
                                                             "--yes"};
                         },
                         {}, 0, {}});
    scenarios.push_back({"retention apply", [&](const fs::path&, const fs::path& db) { copy_db(demo, db); },
                         [](const fs::path&, const fs::path& db) {
                             return std::vector<std::string>{"--db", db.string(), "retention", "apply", "--yes",
                                                             "--today", "2060-01-01"};
                         },
                         {}, 0, {}});
    scenarios.push_back({"backup", [&](const fs::path&, const fs::path& db) { copy_db(demo, db); },
                         [](const fs::path& dir, const fs::path& db) {
                             return std::vector<std::string>{"--db", db.string(), "backup", "--to",
                                                             (dir / "out.sqlite").string()};
                         },
                         {}, 0, [](const fs::path& dir) -> std::string {
                             if (!fs::exists(dir / "out.sqlite")) return "";
                             auto problem = check_file(dir / "out.sqlite", true);
                             return problem.empty() ? "" : "a backup file that fails its check: " + problem;
                         }});
    scenarios.push_back({"csv import", [&](const fs::path&, const fs::path& db) { copy_db(demo, db); },
                         [&](const fs::path&, const fs::path& db) {
                             return std::vector<std::string>{"--db", db.string(), "import", "people",
                                                             people_csv.string()};
                         },
                         {}, 0, {}});
    scenarios.push_back({"restore", [&](const fs::path&, const fs::path& db) { copy_db(demo, db); },
                         [&](const fs::path&, const fs::path& db) {
                             return std::vector<std::string>{"--db", db.string(), "restore", saved.string()};
                         },
                         {}, 0, {}});

    // Reference runs: the state before and after each operation, and how long it takes.
    for (auto& s : scenarios) {
        const auto dir = o.work / "ref";
        clean(dir);
        const auto db = dir / "maillage.sqlite";
        s.prepare(dir, db);
        s.acceptable.insert(state_of(db));
        const auto r = run_cli(o, s.args(dir, db), std::chrono::microseconds(-1));
        if (r.exit_code != 0) {
            std::cerr << "maillage-crash: the reference run of " << s.name << " failed (" << r.exit_code << ")\n";
            return 2;
        }
        s.seconds = r.seconds;
        s.acceptable.insert(state_of(db));
        if (s.name == "init --demo") {
            // Two transactions: the schema, then the demo content.
            clean(dir);
            run_cli(o, {"--db", db.string(), "init"}, std::chrono::microseconds(-1));
            s.acceptable.insert(state_of(db));
        }
        std::cout << "  " << s.name << ": " << int(s.seconds * 1000) << " ms, states";
        for (const auto& st : s.acceptable) std::cout << ' ' << show(st);
        std::cout << std::endl;
    }

    long kills = 0, runs = 0, violations = 0;
    std::map<std::string, long> kills_by;
    const long max_runs = o.kills * 4 + 20;
    while (kills < o.kills && runs < max_runs) {
        auto& s = scenarios[size_t(runs) % scenarios.size()];
        ++runs;
        const auto dir = o.work / "run";
        clean(dir);
        const auto db = dir / "maillage.sqlite";
        s.prepare(dir, db);
        std::uniform_real_distribution<double> when(0.0, s.seconds * 1.05);
        const auto delay = std::chrono::microseconds(long(when(rng) * 1e6));
        const auto r = run_cli(o, s.args(dir, db), delay);
        if (r.killed) {
            ++kills;
            ++kills_by[s.name];
        }
        std::vector<std::string> problems;
        try {
            const auto st = state_of(db);
            if (!s.acceptable.count(st)) problems.push_back("half-done: state " + show(st));
            if (fs::exists(db) && fs::file_size(db) > 0) {
                Database check(db);
                if (check.read_only()) problems.push_back("opened read-only: " + check.read_only_reason());
                for (auto& p : check_database(check)) problems.push_back(p);
            }
            if (s.extra)
                if (auto p = s.extra(dir); !p.empty()) problems.push_back(p);
        } catch (const std::exception& e) {
            problems.push_back(std::string("cannot open after the kill: ") + e.what());
        }
        if (!problems.empty()) {
            ++violations;
            if (violations <= 10) {
                std::cout << "VIOLATION after killing " << s.name << " at " << delay.count() << " us:\n";
                for (const auto& p : problems) std::cout << "    " << p << '\n';
                const auto keep = o.work / ("violation-" + std::to_string(violations));
                fs::create_directories(keep);
                for (auto& f : fs::directory_iterator(dir))
                    if (f.is_regular_file()) fs::copy_file(f.path(), keep / f.path().filename());
            }
        }
    }
    std::cout << "kills: " << kills << " (";
    bool first = true;
    for (const auto& [name, n] : kills_by) {
        std::cout << (first ? "" : ", ") << name << " " << n;
        first = false;
    }
    std::cout << "), runs: " << runs << ", violations: " << violations << std::endl;
    if (violations == 0) {
        std::error_code ec;
        fs::remove_all(o.work, ec);
    }
    if (kills < o.kills) {
        std::cout << "maillage-crash: only " << kills << " of " << o.kills << " runs were killed in time\n";
        return 1;
    }
    return violations == 0 ? 0 : 1;
}
