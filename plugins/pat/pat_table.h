#pragma once
// A plain table written as CSV (through core/csv.h's writer) or as an XLSX sheet.
#include <filesystem>
#include <string>
#include <vector>

namespace maillage::pat {

struct Table {
    std::vector<std::string> columns;
    std::vector<std::vector<std::string>> rows;
};

// For spreadsheets by default (';' and a BOM, as Belgian Excel expects); the map
// website gets ',' without a BOM.
std::string to_csv(const Table& table, char separator = ';', bool bom = true);
// Writes the CSV text to a file (throws maillage::Error when it cannot).
void write_csv(const Table& table, const std::filesystem::path& file);
// One sheet named `sheet`; numbers stay numbers (throws maillage::Error on failure).
void write_xlsx(const Table& table, const std::filesystem::path& file, const std::string& sheet);

}  // namespace maillage::pat
