#pragma once
// Files the commands read and write whole (a calendar, a sheet, an export), the core's and
// the plugins' alike: a failure is an Error naming the file, never a silent short file.
// In maillage_cli_support.
#include <filesystem>
#include <ostream>
#include <string>

namespace maillage::cli {

// The whole file, as bytes; throws maillage::Error "Cannot read FILE.".
std::string read_text_file(const std::filesystem::path& file);

// Writes `text` as it is (no newline conversion); throws maillage::Error "Cannot write
// FILE." when the file cannot be opened or written.
void write_text_file(const std::filesystem::path& file, const std::string& text);

// `text` on `out` when `file` is empty or "-"; otherwise into the file, then
// "Written: FILE" on `out`.
void write_or_print(std::ostream& out, const std::string& file, const std::string& text);

}  // namespace maillage::cli
