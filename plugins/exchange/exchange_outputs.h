#pragma once
// What leaves the plugin as files: attendance certificates (HTML, PDF through
// chromium when installed), registration lists (CSV, XLSX) and an iCalendar of events.
#include "core/pdf.h"
#include "core/progress.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace maillage {
class Database;
}

namespace maillage::exchange {

// One certificate as a standalone HTML page: the person's name, the event, its dates and
// hours. Throws maillage::Error unless the registration attended.
std::string certificate_html(Database& db, int64_t registration_id);
// The same words for the native PDF (core/pdf.h).
pdf::Certificate certificate_text(Database& db, int64_t registration_id);

struct CertificateFiles {
    std::vector<std::filesystem::path> html, pdf;
    std::filesystem::path all_pdf;  // every certificate, one page each (not for one person)
    bool pdf_tool_found = false;    // PDFs are drawn natively: true whenever asked for
};

// Writes the certificates of the event's attended registrations (of one person when
// given) into `dir`, one HTML file each ("certificate-<event>-<last>-<first>.html"),
// plus, when `pdf`, a PDF each and "certificates-<event>.pdf" with one page per person,
// drawn with cairo and pango (no browser).
// `progress` (the window's dialog) hears of each certificate and may stop the run
// (Cancelled is thrown; the files already written stay). Without `html`, PDFs only.
CertificateFiles write_certificates(Database& db, int64_t event_id, std::optional<int64_t> person_id,
                                    const std::filesystem::path& dir, bool pdf, Progress* progress = nullptr,
                                    bool html = true);

// The chromium executable, if installed ("" otherwise).
std::string find_chromium();

// Registrations as rows: header first. `attended_only` gives the participants list.
std::vector<std::vector<std::string>> registration_rows(Database& db, int64_t event_id, bool attended_only);
// Writes rows as CSV (';' separated, UTF-8 with BOM so spreadsheets open it right).
void write_csv(const std::filesystem::path& file, const std::vector<std::vector<std::string>>& rows);
// Writes rows as an XLSX sheet (libxlsxwriter). Throws maillage::Error on failure.
void write_xlsx(const std::filesystem::path& file, const std::vector<std::vector<std::string>>& rows,
                const std::string& sheet_name);

// An iCalendar (RFC 5545) of the events' days between two ISO dates, with committee
// meetings when asked. UIDs are stable: "exchange-<event>-day-<session>@maillage" and
// "exchange-<event>-committee-<session>@maillage".
std::string events_icalendar(Database& db, const std::string& from, const std::string& to,
                             bool include_committee = false);

// A printable sign-in sheet: the registrations (not cancelled) by name, with a column to
// sign, for paper check-in entered afterwards.
std::string sign_in_sheet_html(Database& db, int64_t event_id);
// The same sheet as data, and as a PDF file (one table over as many pages as needed).
pdf::Sheet sign_in_sheet(Database& db, int64_t event_id);
void write_sign_in_sheet_pdf(Database& db, int64_t event_id, const std::filesystem::path& file);

}  // namespace maillage::exchange
