#include "test_support.h"

#include "core/core_schema.h"
#include "core/sectors.h"

#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>

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

int64_t add_institution(Database& db, Institution institution, const std::vector<std::string>& sector_codes) {
    SectorRepository sectors(db);
    for (const auto& code : sector_codes) {
        const auto sector = sectors.find_by_code(code);
        if (!sector) throw std::invalid_argument("no sector " + code);
        institution.sector_ids.push_back(sector->id);
    }
    return InstitutionRepository(db).create(institution);
}

int64_t add_person(Database& db, const Person& person, std::optional<int64_t> works_at) {
    PersonRepository people(db);
    const auto id = people.create(person);
    if (works_at) people.add_employment({.person_id = id, .institution_id = *works_at, .start_date = "2020-01-01"});
    return id;
}

std::string sqlite_dump(const std::filesystem::path& file) {
    const std::string command = "sqlite3 '" + file.string() + "' .dump";
    std::string out;
    if (FILE* p = popen(command.c_str(), "r")) {
        std::array<char, 65536> buffer;
        size_t n;
        while ((n = fread(buffer.data(), 1, buffer.size(), p)) > 0) out.append(buffer.data(), n);
        EXPECT_EQ(pclose(p), 0);
    }
    return out;
}

std::vector<std::string> utf16_variants(const std::string& text) {
    std::string le, be;
    for (char c : text) {
        le += c;
        le += '\0';
        be += '\0';
        be += c;
    }
    return {std::string("\xFF\xFE") + le, std::string("\xFE\xFF") + be, le, be};
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
