#pragma once
// Reading the sheets of an XLSX workbook (Excel, LibreOffice "Excel 2007-365") as the
// CSV reader's tables, so that every importer reads a CSV file and a sheet alike: columns
// by header name, the first non-blank row is the header, blank rows skipped, errors
// naming "file [sheet]", the row (as "line") and the column.
//
// Cells are read as text: shared and inline strings, numbers in machine form ("12",
// "2.5"), booleans "1"/"0", a number in a date-formatted cell as an ISO date
// (2025-03-10) and in a time-formatted one as "09:30". Formulas give their cached value.
// Limits keep a hostile file (a "zip bomb", a million columns) from exhausting memory:
// csv::Limits, and 64 MiB uncompressed per part.
#include "core/csv.h"

#include <filesystem>
#include <string>
#include <vector>

namespace maillage::xlsx {

struct Sheet {
    std::string name;  // as the workbook's tab shows it
    csv::Table table;  // table.file = "<file name> [<sheet name>]"
};

// True when the bytes start like a ZIP archive (an XLSX file), whatever the file's name.
bool looks_like_xlsx(std::string_view bytes);

// Every sheet, in the workbook's order, but those whose name starts with "_" (notes and
// the template's lists). A sheet with no non-blank row has an empty
// header and no rows. Throws maillage::ParseError (file, 1, 1) when the file is not a
// readable workbook.
std::vector<Sheet> read_workbook(const std::filesystem::path& path, const csv::Limits& limits = {});
std::vector<Sheet> parse_workbook(std::string_view bytes, const std::string& file, const csv::Limits& limits = {});

// A CSV file or the first sheet of an XLSX workbook, chosen by content.
csv::Table read_table(const std::filesystem::path& path, const csv::Limits& limits = {});

}  // namespace maillage::xlsx
