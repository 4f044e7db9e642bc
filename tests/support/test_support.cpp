#include "test_support.h"

#include "core/core_schema.h"

#include <fstream>
#include <random>
#include <sstream>

namespace maillage::test {

TempDir::TempDir() {
    std::random_device rd;
    path_ = std::filesystem::temp_directory_path() / ("maillage-test-" + std::to_string(rd()) + std::to_string(rd()));
    std::filesystem::create_directories(path_);
}

TempDir::~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
}

namespace {
std::vector<MigrationSet> all_sets(const std::vector<MigrationSet>& extra) {
    std::vector<MigrationSet> sets{core_migrations()};
    sets.insert(sets.end(), extra.begin(), extra.end());
    return sets;
}
}  // namespace

std::unique_ptr<Database> memory_db(const std::vector<MigrationSet>& extra) {
    auto db = Database::in_memory();
    migrate(*db, all_sets(extra));
    return db;
}

std::unique_ptr<Database> file_db(const std::filesystem::path& file, const std::vector<MigrationSet>& extra) {
    auto db = std::make_unique<Database>(file);
    migrate(*db, all_sets(extra));
    return db;
}

void write_file(const std::filesystem::path& file, const std::string& text) {
    std::ofstream out(file, std::ios::binary);
    out << text;
}

std::string read_file(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

std::filesystem::path build_bin_dir() { return MAILLAGE_TEST_BIN_DIR; }
std::filesystem::path build_plugin_dir() { return MAILLAGE_TEST_PLUGIN_DIR; }
std::filesystem::path test_plugin_dir() { return MAILLAGE_TEST_FIXTURE_PLUGIN_DIR; }
std::filesystem::path source_dir() { return MAILLAGE_TEST_SOURCE_DIR; }

}  // namespace maillage::test
