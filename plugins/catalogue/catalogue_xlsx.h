#pragma once
// An XLSX workbook of a year's trainings for the admin/finance team: the figures, the
// training days and the participations (libxlsxwriter).
#include "core/report.h"

#include <filesystem>

namespace maillage {
class Database;
}

namespace maillage::catalogue {

// Throws maillage::Error when the file cannot be written.
void export_xlsx(Database& db, const ReportScope& scope, const std::filesystem::path& file);

}  // namespace maillage::catalogue
