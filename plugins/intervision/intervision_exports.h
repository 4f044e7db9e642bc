#pragma once
// Files for the officer: the participant list (CSV, XLSX), an attendance sheet to print
// per session (HTML), and attendance recorded in the grid or imported from CSV.
#include "core/pdf.h"

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace maillage {
class Database;
}

namespace maillage::intervision {

struct ParticipantRow {
    std::string group, name, email, institution, sector, status, enrolled_on, left_on, reason;
    int waiting_position = 0;
};

// Every enrolment of the cycle's groups (or of one group when group_id != 0).
std::vector<ParticipantRow> participant_rows(Database& db, int64_t cycle_id, int64_t group_id = 0);
std::string participants_csv(const std::vector<ParticipantRow>& rows);
// Throws maillage::Error when the file cannot be written.
void write_participants_xlsx(const std::vector<ParticipantRow>& rows, const std::filesystem::path& file);

// A printable page: the group, date, place, host, then one line per enrolled
// participant (institution, signature) and the facilitators apart.
std::string attendance_sheet_html(Database& db, int64_t session_id);
// The same sheet drawn as a PDF (core/pdf.h: cairo and pango), facilitators first.
pdf::Sheet attendance_sheet(Database& db, int64_t session_id);
void write_attendance_sheet_pdf(Database& db, int64_t session_id, const std::filesystem::path& file);

// Records one person's attendance at a group session (status present | excused |
// absent | registered; role participant or facilitator). Throws maillage::Error when the
// session is not an intervision session.
void set_attendance(Database& db, int64_t session_id, int64_t person_id, const std::string& status,
                    const std::string& reason = {}, const std::string& role = "participant");

// Imports attendance for a group from CSV with a header line: date, email, status, and
// optionally reason and role, read by the core CSV reader (core/csv.h). All or nothing;
// throws maillage::ParseError (file, line, column, field) on the first fault.
// Returns the number of rows recorded.
int import_attendance_csv(Database& db, int64_t group_id, const std::filesystem::path& file);

}  // namespace maillage::intervision
