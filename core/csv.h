#pragma once
// CSV as Belgian spreadsheets write it, read and written by the core and the plugins.
//
// Reading accepts UTF-8 (with or without BOM) and Windows-1252 (used when the file is
// not valid UTF-8), a comma or semicolon separator (whichever the header line uses
// outside quotes), quoted fields with doubled quotes, separators and line breaks
// (CRLF or LF) inside. Columns are found by header name, ignoring case, accents,
// surrounding spaces and the difference between "_", "-" and a space.
// Every fault is a maillage::ParseError naming the file, the 1-based line where the
// field starts, the 1-based column (field number, as a spreadsheet counts columns), the
// header of that column, and the reason. Limits keep a hostile file from exhausting
// memory.
//
// Writing produces UTF-8 with a BOM (so Excel recognises the encoding), ';' by default
// (Belgian Excel's list separator), CRLF line ends, and quotes only where needed.
//
// Formula injection (OWASP "CSV injection"): a cell that a spreadsheet would run as a
// formula is written with a leading apostrophe, and reading takes that apostrophe off
// again, so an export read back is what was exported (see guard_formula).
#include <cstddef>
#include <filesystem>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace maillage::csv {

struct Limits {
    std::size_t max_file_bytes = 64u << 20;   // 64 MiB
    std::size_t max_field_bytes = 64u << 10;  // 64 KiB per field
    std::size_t max_rows = 1'000'000;         // data rows, header excluded
    std::size_t max_columns = 1024;
};

enum class Encoding { Utf8, Utf8WithBom, Windows1252 };

struct Row {
    int line = 0;                     // line where the row starts
    std::vector<std::string> fields;  // UTF-8, one per header column
    std::vector<int> field_lines;     // line where each field starts (quoted fields may span lines)
};

class Table {
public:
    std::string file;                 // the name used in error messages
    char separator = ';';
    Encoding encoding = Encoding::Utf8;
    std::vector<std::string> header;  // as written in the file (trimmed)
    std::vector<Row> rows;            // data rows; rows where every field is empty are skipped

    // The index of the first column whose header matches one of the names (see
    // normalize_header), or nullopt.
    std::optional<std::size_t> find(std::initializer_list<std::string_view> names) const;
    // Same, but a missing column is a ParseError on line 1 ("unknown required column").
    std::size_t require(std::initializer_list<std::string_view> names) const;

    // The field of row at column, trimmed of surrounding spaces; "" when column is nullopt.
    std::string value(const Row& row, std::optional<std::size_t> column) const;

    // Throws the ParseError for this row's field at column when the field holds a line
    // break or another control character (core/single_line.h): for names, titles, emails
    // and every other one-line column. Nothing is checked when column is nullopt.
    void require_single_line(const Row& row, std::optional<std::size_t> column) const;

    // Throws the ParseError for this row's field at column (line of the field, its
    // header as the field name).
    [[noreturn]] void fail(const Row& row, std::size_t column, const std::string& reason) const;
    [[noreturn]] void fail(const Row& row, const std::string& reason) const;  // whole row
};

// Parses the bytes of a file. `file` names it in error messages. Data fields are
// returned with a formula guard taken off (unguard_formula). Throws maillage::ParseError.
Table parse(std::string_view bytes, const std::string& file, const Limits& limits = {});

// Reads and parses a file, refusing one larger than limits.max_file_bytes before
// reading it. Throws maillage::ParseError, or maillage::Error when it cannot be read.
Table read_file(const std::filesystem::path& path, const Limits& limits = {});

// The comparison key of a header: trimmed, lowercase, accents removed (Latin-1 and
// Latin Extended-A letters, œ -> oe), "_" and "-" as spaces, runs of spaces as one.
std::string normalize_header(std::string_view header);

// True when the bytes are well-formed UTF-8 (no overlong forms, no surrogates).
bool is_valid_utf8(std::string_view bytes);

// True when a spreadsheet would read the cell as a formula: it starts (after spaces)
// with '=', '+', '-', '@', a tab or a carriage return, and is not a plain signed number
// or phone number ("-3", "-1 234,5", "+32 2 123 45 67", "+32 (0)2 123 45 67").
bool is_formula_risk(std::string_view cell);
// The cell as it is safe to write in a spreadsheet: an apostrophe before a risky cell,
// and before a cell that is apostrophes followed by a risky cell (so that reading it
// back is exact); any other cell unchanged. Every CSV writer and every XLSX text cell
// goes through this.
std::string guard_formula(std::string_view cell);
// The inverse of guard_formula: applied by parse() to every data field.
std::string unguard_formula(std::string_view cell);

// Writes CSV rows to a stream. The BOM is written by the constructor. Every field goes
// through guard_formula.
class Writer {
public:
    explicit Writer(std::ostream& out, char separator = ';', bool bom = true);
    void row(const std::vector<std::string>& fields);

    // The field as written: quoted when it holds the separator, a quote, a line break,
    // or leading/trailing spaces.
    static std::string quote(std::string_view field, char separator);

private:
    std::ostream& out_;
    char separator_;
};

}  // namespace maillage::csv
