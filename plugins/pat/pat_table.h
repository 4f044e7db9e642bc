#pragma once
// A plain table written as CSV (RFC 4180, UTF-8, comma) or as an XLSX sheet. A local
// writer: core/csv.h had not landed on main when this was written.
#include <filesystem>
#include <string>
#include <vector>

namespace maillage::pat {

struct Table {
    std::vector<std::string> columns;
    std::vector<std::vector<std::string>> rows;
};

std::string to_csv(const Table& table);
// Writes the CSV text to a file (throws maillage::Error when it cannot).
void write_csv(const Table& table, const std::filesystem::path& file);
// One sheet named `sheet`; numbers stay numbers (throws maillage::Error on failure).
void write_xlsx(const Table& table, const std::filesystem::path& file, const std::string& sheet);

}  // namespace maillage::pat
