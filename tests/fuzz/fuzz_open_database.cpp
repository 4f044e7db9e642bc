// libFuzzer target: opening a damaged or hostile database file. The bytes become a file
// that is opened read-only, then for writing (defensive mode, trusted_schema off), and
// checked like `maillage-cli check` does. Nothing may crash, hang or leak; every failure
// must be a maillage::Error or an SQLite::Exception.
#include "core/database.h"
#include "core/error.h"
#include "core/integrity.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <unistd.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>

namespace fs = std::filesystem;

namespace {
fs::path work_file() {
    static const fs::path file = fs::temp_directory_path() / ("maillage-fuzz-" + std::to_string(getpid())) / "db.sqlite";
    return file;
}

void clean(const fs::path& file) {
    std::error_code ec;
    for (const char* suffix : {"", "-wal", "-shm", "-journal", ".lock"}) fs::remove(file.string() + suffix, ec);
}

void exercise(maillage::Database& db) {
    try {
        (void)maillage::check_database(db);
    } catch (const SQLite::Exception&) {
    } catch (const maillage::Error&) {
    }
    for (const char* sql : {"SELECT count(*) FROM person", "SELECT * FROM audit_log ORDER BY id",
                            "SELECT name, sql FROM sqlite_master"}) {
        try {
            SQLite::Statement q(db.sql(), sql);
            while (q.executeStep()) {
            }
        } catch (const SQLite::Exception&) {
        }
    }
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size > (1u << 20)) return 0;
    const auto file = work_file();
    fs::create_directories(file.parent_path());
    clean(file);
    {
        std::ofstream out(file, std::ios::binary);
        out.write(reinterpret_cast<const char*>(data), std::streamsize(size));
    }
    for (auto access : {maillage::Database::Access::ReadOnly, maillage::Database::Access::ReadWrite}) {
        try {
            maillage::Database db(file, access);
            exercise(db);
            if (!db.read_only()) {
                // A write through the normal path: refused or done, never a crash.
                try {
                    db.write([&] { db.sql().exec("CREATE TABLE IF NOT EXISTS fuzz_probe(x)"); });
                } catch (const std::exception&) {
                }
            }
        } catch (const maillage::Error&) {
        } catch (const SQLite::Exception&) {
        }
    }
    clean(file);
    return 0;
}
