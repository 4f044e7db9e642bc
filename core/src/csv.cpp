#include "core/csv.h"

#include "core/error.h"
#include "core/i18n.h"
#include "core/single_line.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <fstream>
#include <unordered_map>

namespace maillage::csv {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

// Windows-1252's 0x80-0x9F block (the rest of the byte range is Latin-1 = U+00xx);
// 0 marks the five bytes the code page leaves undefined.
constexpr std::array<char32_t, 32> kCp1252High = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

void append_utf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += char(cp);
    } else if (cp < 0x800) {
        out += char(0xC0 | (cp >> 6));
        out += char(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += char(0xE0 | (cp >> 12));
        out += char(0x80 | ((cp >> 6) & 0x3F));
        out += char(0x80 | (cp & 0x3F));
    } else {
        out += char(0xF0 | (cp >> 18));
        out += char(0x80 | ((cp >> 12) & 0x3F));
        out += char(0x80 | ((cp >> 6) & 0x3F));
        out += char(0x80 | (cp & 0x3F));
    }
}

// Decodes one UTF-8 sequence at s[i]; returns its length, 0 when malformed.
std::size_t utf8_sequence(std::string_view s, std::size_t i, char32_t* cp) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    if (b0 < 0x80) {
        *cp = b0;
        return 1;
    }
    std::size_t len;
    char32_t value, min;
    if ((b0 & 0xE0) == 0xC0) {
        len = 2, value = b0 & 0x1F, min = 0x80;
    } else if ((b0 & 0xF0) == 0xE0) {
        len = 3, value = b0 & 0x0F, min = 0x800;
    } else if ((b0 & 0xF8) == 0xF0) {
        len = 4, value = b0 & 0x07, min = 0x10000;
    } else {
        return 0;
    }
    if (i + len > s.size()) return 0;
    for (std::size_t k = 1; k < len; ++k) {
        const auto b = static_cast<unsigned char>(s[i + k]);
        if ((b & 0xC0) != 0x80) return 0;
        value = (value << 6) | (b & 0x3F);
    }
    if (value < min || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) return 0;
    *cp = value;
    return len;
}

// A record as cut from the raw bytes, before decoding.
struct RawRecord {
    int line = 0;
    std::vector<std::string> fields;
    std::vector<int> lines;
};

char detect_separator(std::string_view s) {
    std::size_t semicolons = 0, commas = 0, tabs = 0;
    bool quoted = false;
    for (char c : s) {
        if (c == '"') quoted = !quoted;
        if (quoted) continue;
        if (c == '\n' || c == '\r') break;
        if (c == ';') ++semicolons;
        if (c == ',') ++commas;
        if (c == '\t') ++tabs;
    }
    if (semicolons == 0 && commas == 0 && tabs > 0) return '\t';
    return semicolons >= commas && semicolons > 0 ? ';' : ',';
}

class Tokenizer {
public:
    Tokenizer(std::string_view s, char sep, const std::string& file, const Limits& limits)
        : s_(s), sep_(sep), file_(file), limits_(limits) {}

    // The next record, or false at the end of the input.
    bool next(RawRecord& rec, const std::vector<std::string>& header) {
        rec.fields.clear();
        rec.lines.clear();
        if (i_ >= s_.size()) return false;
        rec.line = line_;
        while (true) {
            if (rec.fields.size() >= limits_.max_columns)
                throw ParseError(file_, line_, int(rec.fields.size()) + 1, "",
                                 trf("more than {max} columns", fmt::arg("max", limits_.max_columns)));
            const int column = int(rec.fields.size()) + 1;
            const std::string field_name =
                rec.fields.size() < header.size() ? header[rec.fields.size()] : std::string();
            rec.lines.push_back(line_);
            std::string field;
            auto add = [&](char c) {
                if (c == '\0')
                    throw ParseError(file_, line_, column, field_name,
                                     tr("NUL byte in the data: this is not a text file"));
                if (field.size() >= limits_.max_field_bytes)
                    throw ParseError(file_, rec.lines.back(), column, field_name,
                                     trf("field longer than {max} bytes", fmt::arg("max", limits_.max_field_bytes)));
                field += c;
            };
            if (i_ < s_.size() && s_[i_] == '"') {
                const int start_line = line_;
                ++i_;
                bool closed = false;
                while (i_ < s_.size()) {
                    const char c = s_[i_++];
                    if (c == '"') {
                        if (i_ < s_.size() && s_[i_] == '"') {
                            add('"');
                            ++i_;
                            continue;
                        }
                        closed = true;
                        break;
                    }
                    if (c == '\n') ++line_;
                    if (c == '\r' && (i_ >= s_.size() || s_[i_] != '\n')) ++line_;
                    add(c);
                }
                if (!closed)
                    throw ParseError(file_, start_line, column, field_name,
                                     tr("unterminated quote: the quoted field starting here never ends"));
                while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\t') && s_[i_] != sep_) ++i_;
                if (i_ < s_.size() && s_[i_] != sep_ && s_[i_] != '\n' && s_[i_] != '\r')
                    throw ParseError(file_, line_, column, field_name,
                                     tr("unexpected text after a closing quote (a quote inside a quoted field "
                                        "must be doubled)"));
            } else {
                while (i_ < s_.size() && s_[i_] != sep_ && s_[i_] != '\n' && s_[i_] != '\r') add(s_[i_++]);
            }
            rec.fields.push_back(std::move(field));
            if (i_ >= s_.size()) return true;
            const char c = s_[i_++];
            if (c == sep_) {
                continue;
            }
            // End of line: CRLF, LF or a lone CR.
            if (c == '\r' && i_ < s_.size() && s_[i_] == '\n') ++i_;
            ++line_;
            return true;
        }
    }

private:
    std::string_view s_;
    char sep_;
    const std::string& file_;
    const Limits& limits_;
    std::size_t i_ = 0;
    int line_ = 1;
};

// The raw field as UTF-8 in the file's encoding; ParseError when it cannot be decoded.
std::string decode(const std::string& raw, Encoding encoding, const std::string& file, int line, int column,
                   const std::string& field) {
    if (encoding != Encoding::Windows1252) {
        if (!is_valid_utf8(raw))
            throw ParseError(file, line, column, field,
                             tr("invalid UTF-8: the file starts with a UTF-8 mark but holds other bytes"));
        return raw;
    }
    std::string out;
    out.reserve(raw.size() + raw.size() / 4);
    for (unsigned char b : raw) {
        if (b < 0x80) {
            out += char(b);
        } else if (b < 0xA0) {
            const char32_t cp = kCp1252High[b - 0x80];
            if (cp == 0)
                throw ParseError(file, line, column, field,
                                 trf("byte 0x{byte:02X} is neither UTF-8 nor Windows-1252 text",
                                     fmt::arg("byte", unsigned(b))));
            append_utf8(out, cp);
        } else {
            append_utf8(out, b);
        }
    }
    return out;
}

std::string trim(std::string_view s) {
    const auto first = s.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) return {};
    const auto last = s.find_last_not_of(" \t\r\n");
    return std::string(s.substr(first, last - first + 1));
}

}  // namespace

namespace {
// UTF-16 with a byte-order mark, or without one: text whose every other byte is NUL
// (ASCII characters in UTF-16LE or BE). Checked on the first KiB; a text CSV has no NUL.
bool looks_like_utf16(std::string_view bytes) {
    if (bytes.size() >= 2 && ((bytes[0] == '\xFF' && bytes[1] == '\xFE') || (bytes[0] == '\xFE' && bytes[1] == '\xFF')))
        return true;
    const std::size_t n = std::min<std::size_t>(bytes.size(), 1024) & ~std::size_t(1);
    if (n < 4) return false;
    std::size_t nul_even = 0, nul_odd = 0;
    for (std::size_t i = 0; i < n; ++i)
        if (bytes[i] == '\0') ++(i % 2 ? nul_odd : nul_even);
    const std::size_t pairs = n / 2;
    return (nul_odd * 2 >= pairs && nul_even * 8 <= nul_odd) || (nul_even * 2 >= pairs && nul_odd * 8 <= nul_even);
}
}  // namespace

bool is_valid_utf8(std::string_view bytes) {
    for (std::size_t i = 0; i < bytes.size();) {
        char32_t cp;
        const auto n = utf8_sequence(bytes, i, &cp);
        if (n == 0) return false;
        i += n;
    }
    return true;
}

std::string normalize_header(std::string_view header) {
    // Base letters for U+00C0..U+00FF; nullptr keeps the character (× and ÷).
    static constexpr const char* kLatin1[64] = {
        "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i",     "i",
        "d", "n", "o", "o", "o", "o", "o",  nullptr, "o", "u", "u", "u", "u", "y", "th", "ss",
        "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i",     "i",
        "d", "n", "o", "o", "o", "o", "o",  nullptr, "o", "u", "u", "u", "u", "y", "th", "y"};
    std::string out;
    bool space = false;
    for (std::size_t i = 0; i < header.size();) {
        char32_t cp;
        std::size_t n = utf8_sequence(header, i, &cp);
        if (n == 0) {  // not UTF-8: keep the byte, headers are compared as given
            cp = static_cast<unsigned char>(header[i]);
            n = 1;
        }
        std::string piece;
        if (cp == '_' || cp == '-' || cp == ' ' || cp == '\t' || cp == 0xA0) {
            space = true;
            i += n;
            continue;
        }
        if (cp < 0x80) {
            piece = char(std::tolower(int(cp)));
        } else if (cp >= 0xC0 && cp <= 0xFF && kLatin1[cp - 0xC0]) {
            piece = kLatin1[cp - 0xC0];
        } else if (cp == 0x152 || cp == 0x153) {
            piece = "oe";
        } else if (cp >= 0x100 && cp <= 0x17F) {
            // Latin Extended-A: pairs of upper/lower case; a few base letters suffice here.
            static constexpr const char kBase[] =
                "aaaaaa" "cccccccc" "dddd" "eeeeeeeeee" "gggggggg" "hhhh" "iiiiiiiiii" "ii" "jj" "kkk"
                "llllllllll" "nnnnnnnnn" "oooooo" "oo" "rrrrrr" "ssssssss" "tttttt" "uuuuuuuuuuuu" "ww" "yyy"
                "zzzzzz" "s";
            static_assert(sizeof(kBase) == 129);
            piece = std::string(1, kBase[cp - 0x100]);
        } else {
            append_utf8(piece, cp);
        }
        if (space && !out.empty()) out += ' ';
        space = false;
        out += piece;
        i += n;
    }
    return out;
}

std::optional<std::size_t> Table::find(std::initializer_list<std::string_view> names) const {
    for (auto name : names) {
        const auto key = normalize_header(name);
        for (std::size_t i = 0; i < header.size(); ++i)
            if (normalize_header(header[i]) == key) return i;
    }
    return std::nullopt;
}

std::size_t Table::require(std::initializer_list<std::string_view> names) const {
    if (auto i = find(names)) return *i;
    const std::string wanted = names.size() ? std::string(*names.begin()) : std::string();
    throw ParseError(file, 1, int(header.size()) + 1, wanted,
                     trf("unknown required column: the header line has no column \"{name}\"",
                         fmt::arg("name", wanted)));
}

std::string Table::value(const Row& row, std::optional<std::size_t> column) const {
    if (!column || *column >= row.fields.size()) return {};
    return trim(row.fields[*column]);
}

void Table::require_single_line(const Row& row, std::optional<std::size_t> column) const {
    if (!column) return;
    if (auto problem = single_line_problem(value(row, column)); !problem.empty()) fail(row, *column, problem);
}

void Table::fail(const Row& row, std::size_t column, const std::string& reason) const {
    const int line = column < row.field_lines.size() ? row.field_lines[column] : row.line;
    throw ParseError(file, line, int(column) + 1, column < header.size() ? header[column] : std::string(), reason);
}

void Table::fail(const Row& row, const std::string& reason) const {
    throw ParseError(file, row.line, 1, "", reason);
}

Table parse(std::string_view bytes, const std::string& file, const Limits& limits) {
    if (bytes.size() > limits.max_file_bytes)
        throw Error(trf("{file}: the file is larger than the limit of {max} MiB.", fmt::arg("file", file),
                        fmt::arg("max", limits.max_file_bytes >> 20)));
    if (looks_like_utf16(bytes))
        throw ParseError(file, 1, 1, "",
                         tr("the file is encoded in UTF-16 (\"Unicode text\" in some spreadsheets); save it as "
                            "\"CSV UTF-8\" and import it again"));
    Table table;
    table.file = file;
    if (bytes.substr(0, kBom.size()) == kBom) {
        bytes.remove_prefix(kBom.size());
        table.encoding = Encoding::Utf8WithBom;
    } else {
        table.encoding = is_valid_utf8(bytes) ? Encoding::Utf8 : Encoding::Windows1252;
    }
    if (trim(bytes).empty()) throw ParseError(file, 1, 1, "", tr("the file is empty: a header line is expected"));
    // Blank lines before the header do not decide the separator.
    table.separator = detect_separator(bytes.substr(bytes.find_first_not_of(" \t\r\n")));

    Tokenizer tokens(bytes, table.separator, file, limits);
    RawRecord rec;
    // Blank lines before the header are skipped like blank rows.
    const std::vector<std::string> no_header;
    while (tokens.next(rec, no_header)) {
        if (std::all_of(rec.fields.begin(), rec.fields.end(), [](auto& f) { return trim(f).empty(); })) continue;
        break;
    }
    std::unordered_map<std::string, std::size_t> seen;
    for (std::size_t i = 0; i < rec.fields.size(); ++i) {
        auto name = trim(decode(rec.fields[i], table.encoding, file, rec.lines[i], int(i) + 1, ""));
        const auto key = normalize_header(name);
        if (!key.empty()) {
            auto [it, inserted] = seen.emplace(key, i);
            if (!inserted)
                throw ParseError(file, rec.lines[i], int(i) + 1, name,
                                 trf("duplicate column: \"{name}\" is also column {other}", fmt::arg("name", name),
                                     fmt::arg("other", it->second + 1)));
        }
        table.header.push_back(std::move(name));
    }
    if (seen.empty()) throw ParseError(file, rec.line, 1, "", tr("the header line has no column names"));

    const auto width = table.header.size();
    while (tokens.next(rec, table.header)) {
        if (std::all_of(rec.fields.begin(), rec.fields.end(), [](auto& f) { return f.empty(); })) continue;
        // Extra empty fields at the end of a row (a trailing separator) are harmless.
        while (rec.fields.size() > width && rec.fields.back().empty()) {
            rec.fields.pop_back();
            rec.lines.pop_back();
        }
        if (rec.fields.size() != width) {
            const auto at = std::min(rec.fields.size(), width);
            const int line = at < rec.lines.size() ? rec.lines[at] : rec.lines.back();
            throw ParseError(file, line, int(at) + 1, at < width ? table.header[at] : std::string(),
                             trf("wrong number of fields: {expected} expected (as in the header line), {found} found",
                                 fmt::arg("expected", width), fmt::arg("found", rec.fields.size())));
        }
        if (table.rows.size() >= limits.max_rows)
            throw ParseError(file, rec.line, 1, "",
                             trf("more than {max} rows: split the file", fmt::arg("max", limits.max_rows)));
        Row row;
        row.line = rec.line;
        row.field_lines = rec.lines;
        row.fields.reserve(width);
        for (std::size_t i = 0; i < width; ++i)
            row.fields.push_back(unguard_formula(
                decode(rec.fields[i], table.encoding, file, rec.lines[i], int(i) + 1, table.header[i])));
        table.rows.push_back(std::move(row));
    }
    return table;
}

Table read_file(const std::filesystem::path& path, const Limits& limits) {
    const auto name = path.string();
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    if (ec) throw Error(trf("{file}: cannot read the file ({reason}).", fmt::arg("file", name),
                            fmt::arg("reason", ec.message())));
    if (size > limits.max_file_bytes)
        throw Error(trf("{file}: the file is larger than the limit of {max} MiB.", fmt::arg("file", name),
                        fmt::arg("max", limits.max_file_bytes >> 20)));
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(trf("{file}: cannot open the file.", fmt::arg("file", name)));
    std::string bytes(size, '\0');
    in.read(bytes.data(), std::streamsize(size));
    bytes.resize(std::size_t(in.gcount()));
    return parse(bytes, name, limits);
}

Writer::Writer(std::ostream& out, char separator, bool bom) : out_(out), separator_(separator) {
    if (bom) out_ << kBom;
}

bool is_formula_risk(std::string_view cell) {
    const auto start = cell.find_first_not_of(' ');
    if (start == std::string_view::npos) return false;
    const char first = cell[start];
    if (first == '\t' || first == '\r' || first == '=' || first == '@') return true;
    if (first != '+' && first != '-') return false;
    // A sign followed by digits, spaces, decimal marks and brackets cannot call a function
    // or reach another cell: a number or a phone number, kept as it is.
    const auto rest = cell.substr(start + 1);
    return rest.find_first_not_of("0123456789 .,()") != std::string_view::npos;
}

namespace {
// Apostrophes followed by a risky cell: what guard_formula guards and unguard_formula undoes.
bool guarded_shape(std::string_view cell) {
    const auto n = cell.find_first_not_of('\'');
    return n != 0 && n != std::string_view::npos && is_formula_risk(cell.substr(n));
}
}  // namespace

std::string guard_formula(std::string_view cell) {
    if (is_formula_risk(cell) || guarded_shape(cell)) return "'" + std::string(cell);
    return std::string(cell);
}

std::string unguard_formula(std::string_view cell) {
    if (guarded_shape(cell)) return std::string(cell.substr(1));
    return std::string(cell);
}

void Writer::row(const std::vector<std::string>& fields) {
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i) out_ << separator_;
        out_ << quote(guard_formula(fields[i]), separator_);
    }
    out_ << "\r\n";
}

std::string Writer::quote(std::string_view field, char separator) {
    const bool needs = field.find_first_of(std::string{separator, '"', '\r', '\n'}) != std::string_view::npos ||
                       (!field.empty() && (field.front() == ' ' || field.front() == '\t' || field.back() == ' ' ||
                                           field.back() == '\t'));
    if (!needs) return std::string(field);
    std::string out = "\"";
    for (char c : field) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
    return out;
}

}  // namespace maillage::csv
