#pragma once
// Reading the first sheet of an XLSX workbook (the web site's registrations exported for
// a spreadsheet) as CSV text for the registrations import: the zip with libzip, the
// sheet and the shared strings with pugixml. Cells keep their text; numbers as written.
#include <filesystem>
#include <string>

namespace maillage::catalogue {

// The first worksheet as ';'-separated CSV (fields quoted), one line per row, empty rows
// kept so that line numbers are the sheet's row numbers. Throws maillage::Error naming
// the file when it is not a workbook or cannot be read.
std::string xlsx_first_sheet_as_csv(const std::filesystem::path& file);

// The text the registrations import reads: the file itself, or its first sheet as CSV
// when it is an XLSX workbook (by its .xlsx extension). Throws maillage::Error when the
// file cannot be read.
std::string registrations_file_text(const std::filesystem::path& file);

}  // namespace maillage::catalogue
