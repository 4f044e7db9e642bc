#pragma once
// Printable documents drawn natively with cairo and pango (no browser, no toolkit):
// certificates of attendance and sign-in / attendance sheets, A4, text laid out by
// pango (any script, hyphenation-free wrapping, DejaVu fonts from fontconfig).
// Built as the small static library maillage_pdf, linked by the plugins' logic
// libraries that print; maillage_core itself does not depend on pango.
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace maillage::pdf {

// The words of one certificate, already translated by the caller.
struct Certificate {
    std::string organisation;      // top line
    std::string title;             // "Certificate of attendance"
    std::string certify;           // "We certify that"
    std::string name;              // the person, large
    std::string institution;       // may be empty
    std::string took_part;         // "took part in"
    std::string event;             // the event or training, large
    std::vector<std::string> details;  // "Date(s): ...", "Duration: 7 h 30", "Role: ..."
    std::string place_and_date;    // "Brussels, 30 November 2026"
    std::string signature;         // caption under the signature line
};

// A table to print and sign: a heading, lines under it, columns with relative widths,
// rows, then empty rows for people who come unannounced. The header row is repeated on
// every page and every page is numbered.
struct Sheet {
    std::string title;
    std::vector<std::string> subtitle;  // date, place...
    std::vector<std::string> columns;
    std::vector<double> widths;         // relative; the last column is usually the signature
    std::vector<std::vector<std::string>> rows;
    int blank_rows = 0;
    std::string footer;                 // "12 registrations."
    std::string page_label = "Page";    // translated "Page" for "Page 2 / 3"
};

// An A4 PDF being written. Throws maillage::Error when the file cannot be written.
class Document {
public:
    explicit Document(const std::filesystem::path& file);
    ~Document();
    Document(const Document&) = delete;
    Document& operator=(const Document&) = delete;

    // One page per certificate.
    void add_certificate(const Certificate& certificate);
    // As many pages as the sheet needs.
    void add_sheet(const Sheet& sheet);
    int pages() const;
    // Finishes the file (also done by the destructor, which cannot report errors).
    void close();

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// Convenience: a whole file of certificates, one page each.
void write_certificates(const std::filesystem::path& file, const std::vector<Certificate>& certificates);
void write_sheet(const std::filesystem::path& file, const Sheet& sheet);

}  // namespace maillage::pdf
