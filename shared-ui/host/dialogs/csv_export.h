#pragma once
// File > Export > people / institutions as CSV: the same file as the command line's
// export (core/import_export.h), written whole then renamed, and recorded in the audit log.
#include <filesystem>

namespace maillage {
class Database;
}

namespace maillage::ui {

enum class CsvExportKind { People, Institutions };

// Throws maillage::Error when the file cannot be written.
void export_csv_file(Database& db, CsvExportKind kind, const std::filesystem::path& file);

}  // namespace maillage::ui
