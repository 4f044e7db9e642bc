#include "core/xlsx_read.h"

#include "core/error.h"
#include "core/i18n.h"

#include <pugixml.hpp>
#include <zlib.h>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

namespace maillage::xlsx {
namespace {

constexpr std::size_t kMaxPartBytes = 64u << 20;

[[noreturn]] void bad(const std::string& file, const std::string& why) {
    throw ParseError(file, 1, 1, "",
                     trf("not a readable XLSX workbook ({why}); save it again from the spreadsheet as .xlsx or as CSV",
                         fmt::arg("why", why)));
}

uint32_t u16(std::string_view b, std::size_t at) {
    return uint32_t(uint8_t(b[at])) | uint32_t(uint8_t(b[at + 1])) << 8;
}
uint32_t u32(std::string_view b, std::size_t at) { return u16(b, at) | u16(b, at + 2) << 16; }

// The parts of a ZIP archive by name (stored or deflated), read on demand.
class Zip {
public:
    Zip(std::string_view bytes, std::string file) : b_(bytes), file_(std::move(file)) {
        if (b_.size() < 22) bad(file_, "too short");
        std::size_t eocd = std::string_view::npos;
        const std::size_t lowest = b_.size() > 65557 ? b_.size() - 65557 : 0;
        for (std::size_t i = b_.size() - 22 + 1; i-- > lowest;)
            if (u32(b_, i) == 0x06054b50) {
                eocd = i;
                break;
            }
        if (eocd == std::string_view::npos) bad(file_, "no ZIP directory");
        const std::size_t count = u16(b_, eocd + 10);
        std::size_t at = u32(b_, eocd + 16);
        for (std::size_t n = 0; n < count; ++n) {
            if (at + 46 > b_.size() || u32(b_, at) != 0x02014b50) bad(file_, "damaged ZIP directory");
            Entry e;
            e.method = u16(b_, at + 10);
            e.compressed = u32(b_, at + 20);
            e.size = u32(b_, at + 24);
            const std::size_t name_len = u16(b_, at + 28), extra = u16(b_, at + 30), comment = u16(b_, at + 32);
            e.local = u32(b_, at + 42);
            if (at + 46 + name_len > b_.size()) bad(file_, "damaged ZIP directory");
            entries_[std::string(b_.substr(at + 46, name_len))] = e;
            at += 46 + name_len + extra + comment;
        }
    }

    bool has(const std::string& name) const { return entries_.count(name) > 0; }

    std::string read(const std::string& name) const {
        auto it = entries_.find(name);
        if (it == entries_.end()) bad(file_, "no part " + name);
        const auto& e = it->second;
        if (e.local + 30 > b_.size() || u32(b_, e.local) != 0x04034b50) bad(file_, "damaged part " + name);
        const std::size_t data = e.local + 30 + u16(b_, e.local + 26) + u16(b_, e.local + 28);
        if (data + e.compressed > b_.size()) bad(file_, "truncated part " + name);
        const auto in = b_.substr(data, e.compressed);
        if (e.method == 0) return std::string(in);
        if (e.method != 8) bad(file_, "unknown compression of " + name);
        z_stream z{};
        if (inflateInit2(&z, -MAX_WBITS) != Z_OK) bad(file_, "zlib");
        z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
        z.avail_in = uInt(in.size());
        std::string out;
        char buf[1 << 15];
        int rc = Z_OK;
        while (rc == Z_OK) {
            z.next_out = reinterpret_cast<Bytef*>(buf);
            z.avail_out = sizeof buf;
            rc = inflate(&z, Z_NO_FLUSH);
            out.append(buf, sizeof buf - z.avail_out);
            if (out.size() > kMaxPartBytes) {
                inflateEnd(&z);
                bad(file_, trf("{part} is larger than {max} MiB once uncompressed", fmt::arg("part", name),
                               fmt::arg("max", kMaxPartBytes >> 20)));
            }
            if (rc == Z_BUF_ERROR && z.avail_in == 0) break;
        }
        inflateEnd(&z);
        if (rc != Z_STREAM_END) bad(file_, "damaged part " + name);
        return out;
    }

private:
    struct Entry {
        uint32_t method = 0, compressed = 0, size = 0, local = 0;
    };
    std::string_view b_;
    std::string file_;
    std::map<std::string, Entry> entries_;
};

pugi::xml_document xml(const Zip& zip, const std::string& part, const std::string& file) {
    pugi::xml_document doc;
    const auto text = zip.read(part);
    if (!doc.load_buffer(text.data(), text.size(), pugi::parse_default))
        bad(file, "damaged XML in " + part);
    return doc;
}

// Local names: files written by other tools may prefix the main namespace ("x:row").
const char* local(const pugi::xml_node& n) {
    const char* name = n.name();
    const char* colon = std::strrchr(name, ':');
    return colon ? colon + 1 : name;
}
template <class F>
void each(const pugi::xml_node& parent, const char* name, F&& f) {
    for (auto c : parent.children())
        if (std::strcmp(local(c), name) == 0) f(c);
}
pugi::xml_node child(const pugi::xml_node& parent, const char* name) {
    for (auto c : parent.children())
        if (std::strcmp(local(c), name) == 0) return c;
    return {};
}

std::string text_of(const pugi::xml_node& n) {  // <si> or <is>: <t> or runs <r><t>
    std::string out;
    if (auto t = child(n, "t")) out += t.text().get();
    each(n, "r", [&](const pugi::xml_node& r) {
        if (auto t = child(r, "t")) out += t.text().get();
    });
    return out;
}

// Which cell styles show dates, times or both (built-in formats and custom codes).
enum class Kind { Number, Date, Time, DateTime };
std::vector<Kind> style_kinds(const Zip& zip, const std::string& file) {
    std::vector<Kind> kinds;
    if (!zip.has("xl/styles.xml")) return kinds;
    auto doc = xml(zip, "xl/styles.xml", file);
    auto sheet = doc.first_child();
    std::map<int, Kind> custom;
    if (auto fmts = child(sheet, "numFmts"))
        each(fmts, "numFmt", [&](const pugi::xml_node& f) {
            std::string code = f.attribute("formatCode").value();
            // Ignore quoted text and [colours]; then look for date and time letters.
            std::string bare;
            bool quoted = false, bracket = false;
            for (char c : code) {
                if (c == '"') quoted = !quoted;
                else if (c == '[') bracket = true;
                else if (c == ']') bracket = false;
                else if (!quoted && !bracket) bare += char(std::tolower(static_cast<unsigned char>(c)));
            }
            const bool date = bare.find_first_of("dy") != std::string::npos;
            const bool time = bare.find('h') != std::string::npos || bare.find('s') != std::string::npos;
            custom[f.attribute("numFmtId").as_int()] = date && time ? Kind::DateTime : date ? Kind::Date
                                                       : time                             ? Kind::Time
                                                                                          : Kind::Number;
        });
    if (auto xfs = child(sheet, "cellXfs"))
        each(xfs, "xf", [&](const pugi::xml_node& xf) {
            const int id = xf.attribute("numFmtId").as_int();
            Kind k = Kind::Number;
            if ((id >= 14 && id <= 17) || id == 22) k = id == 22 ? Kind::DateTime : Kind::Date;
            else if ((id >= 18 && id <= 21) || (id >= 45 && id <= 47)) k = Kind::Time;
            else if (auto it = custom.find(id); it != custom.end()) k = it->second;
            kinds.push_back(k);
        });
    return kinds;
}

std::string iso_from_serial(double serial) {
    // 1900 date system: day 1 = 1900-01-01, with Lotus's phantom 29 February 1900.
    long days = long(std::floor(serial));
    if (days >= 60) --days;
    // Civil date from days since 1899-12-31 (Howard Hinnant's algorithm on 1970 epoch).
    long z = days - 25568 + 719468;
    const long era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = unsigned(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const long y = long(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    return fmt::format("{:04}-{:02}-{:02}", y + (m <= 2), m, d);
}

std::string time_from_fraction(double value) {
    long minutes = std::lround((value - std::floor(value)) * 24 * 60);
    if (minutes >= 24 * 60) minutes = 24 * 60 - 1;
    return fmt::format("{:02}:{:02}", minutes / 60, minutes % 60);
}

std::string number_text(const std::string& v) {
    char* end = nullptr;
    const double d = std::strtod(v.c_str(), &end);
    if (end == v.c_str() || !std::isfinite(d)) return v;
    if (d == std::floor(d) && std::fabs(d) < 1e15) return fmt::format("{}", static_cast<long long>(d));
    return fmt::format("{}", d);
}

// "BC12" -> column 55 (1-based); 0 when the reference is not a cell reference.
int column_of(const char* ref) {
    int col = 0;
    for (; *ref >= 'A' && *ref <= 'Z'; ++ref) col = col * 26 + (*ref - 'A' + 1);
    return col;
}
int row_of(const char* ref) {
    while (*ref >= 'A' && *ref <= 'Z') ++ref;
    return std::atoi(ref);
}

// The cells of one sheet, turned into CSV text and read back by the CSV reader (one
// record per spreadsheet row, so the reader's line numbers are the rows').
csv::Table sheet_table(const Zip& zip, const std::string& part, const std::string& name,
                       const std::vector<std::string>& shared, const std::vector<Kind>& kinds,
                       const std::string& file, const csv::Limits& limits) {
    auto doc = xml(zip, part, file);
    auto data = child(doc.first_child(), "sheetData");
    std::map<int, std::map<int, std::string>> rows;
    int max_col = 0;
    int next_row = 1;
    each(data, "row", [&](const pugi::xml_node& row) {
        int r = row.attribute("r").as_int(next_row);
        next_row = r + 1;
        if (r < 1 || std::size_t(r) > limits.max_rows + 1) bad(file, "too many rows in " + name);
        int next_col = 1;
        each(row, "c", [&](const pugi::xml_node& c) {
            const char* ref = c.attribute("r").value();
            int col = *ref ? column_of(ref) : next_col;
            if (*ref && row_of(ref) != r) col = next_col;
            next_col = col + 1;
            if (col < 1 || std::size_t(col) > limits.max_columns) bad(file, "too many columns in " + name);
            const std::string type = c.attribute("t").value();
            std::string v = child(c, "v").text().get();
            std::string value;
            if (type == "s") {
                const auto i = std::size_t(std::atol(v.c_str()));
                if (v.empty() || i >= shared.size()) bad(file, "a shared string out of range in " + name);
                value = shared[i];
            } else if (type == "inlineStr") {
                value = text_of(child(c, "is"));
            } else if (type == "str" || type == "e") {
                value = v;
            } else if (type == "b") {
                value = v == "1" ? "1" : "0";
            } else if (!v.empty()) {
                const auto s = std::size_t(c.attribute("s").as_int());
                const Kind k = s < kinds.size() ? kinds[s] : Kind::Number;
                const double d = std::strtod(v.c_str(), nullptr);
                if (k == Kind::Date && d >= 1) value = iso_from_serial(d);
                else if (k == Kind::DateTime && d >= 1)
                    value = d == std::floor(d) ? iso_from_serial(d) : iso_from_serial(d) + " " + time_from_fraction(d);
                else if (k == Kind::Time) value = time_from_fraction(d);
                else value = number_text(v);
            }
            if (value.size() > limits.max_field_bytes) bad(file, "a cell larger than the limit in " + name);
            if (!value.empty()) {
                rows[r][col] = std::move(value);
                max_col = std::max(max_col, col);
            }
        });
    });
    const std::string label = file + " [" + name + "]";
    if (rows.empty()) {
        csv::Table empty;
        empty.file = label;
        return empty;
    }
    // One CSV record per row from 1 to the last, so that record N starts on line N + the
    // line breaks of the cells before it; those are mapped back below.
    std::string text;
    std::vector<int> row_of_line{0};  // physical CSV line -> spreadsheet row
    const int last = rows.rbegin()->first;
    for (int r = 1; r <= last; ++r) {
        const auto it = rows.find(r);
        std::string record;
        for (int c = 1; c <= max_col; ++c) {
            if (c > 1) record += ';';
            if (it != rows.end())
                if (auto cell = it->second.find(c); cell != it->second.end())
                    record += csv::Writer::quote(cell->second, ';');
        }
        const auto breaks = std::count(record.begin(), record.end(), '\n');
        for (long i = 0; i <= breaks; ++i) row_of_line.push_back(r);
        text += record + "\n";
    }
    auto table = csv::parse(text, label, csv::Limits{std::max(limits.max_file_bytes, text.size()), limits.max_field_bytes,
                                                     limits.max_rows, limits.max_columns});
    table.file = label;
    auto map = [&](int line) { return line >= 0 && std::size_t(line) < row_of_line.size() ? row_of_line[line] : line; };
    for (auto& row : table.rows) {
        row.line = map(row.line);
        for (auto& l : row.field_lines) l = map(l);
    }
    return table;
}

}  // namespace

bool looks_like_xlsx(std::string_view bytes) { return bytes.size() >= 4 && bytes.substr(0, 4) == "PK\x03\x04"; }

std::vector<Sheet> parse_workbook(std::string_view bytes, const std::string& file, const csv::Limits& limits) {
    if (bytes.size() > limits.max_file_bytes)
        throw Error(trf("{file}: the file is larger than the limit of {max} MiB.", fmt::arg("file", file),
                        fmt::arg("max", limits.max_file_bytes >> 20)));
    if (!looks_like_xlsx(bytes)) bad(file, "not a ZIP archive");
    Zip zip(bytes, file);
    std::vector<std::string> shared;
    if (zip.has("xl/sharedStrings.xml")) {
        auto doc = xml(zip, "xl/sharedStrings.xml", file);
        each(doc.first_child(), "si", [&](const pugi::xml_node& si) { shared.push_back(text_of(si)); });
    }
    const auto kinds = style_kinds(zip, file);
    std::map<std::string, std::string> targets;  // relationship id -> part
    if (zip.has("xl/_rels/workbook.xml.rels")) {
        auto rels = xml(zip, "xl/_rels/workbook.xml.rels", file);
        each(rels.first_child(), "Relationship", [&](const pugi::xml_node& r) {
            std::string target = r.attribute("Target").value();
            if (!target.empty() && target[0] == '/') target = target.substr(1);
            else target = "xl/" + target;
            targets[r.attribute("Id").value()] = target;
        });
    }
    auto book = xml(zip, "xl/workbook.xml", file);
    std::vector<Sheet> sheets;
    std::set<std::string> names;
    each(child(book.first_child(), "sheets"), "sheet", [&](const pugi::xml_node& s) {
        std::string rid;
        for (auto a : s.attributes()) {
            std::string n = a.name();
            if (n == "r:id" || (n.size() > 3 && n.compare(n.size() - 3, 3, ":id") == 0)) rid = a.value();
        }
        auto it = targets.find(rid);
        if (it == targets.end() || !zip.has(it->second)) return;  // a chart sheet, or a dangling entry
        Sheet sheet;
        sheet.name = s.attribute("name").value();
        if (!sheet.name.empty() && sheet.name[0] == '_') return;  // notes and lists (the template's), never data
        sheet.table = sheet_table(zip, it->second, sheet.name, shared, kinds, file, limits);
        sheets.push_back(std::move(sheet));
    });
    if (sheets.empty()) bad(file, "no worksheet");
    return sheets;
}

std::vector<Sheet> read_workbook(const std::filesystem::path& path, const csv::Limits& limits) {
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    if (ec) throw Error(trf("Cannot read {file}.", fmt::arg("file", path.string())));
    if (size > limits.max_file_bytes)
        throw Error(trf("{file}: the file is larger than the limit of {max} MiB.", fmt::arg("file", path.filename().string()),
                        fmt::arg("max", limits.max_file_bytes >> 20)));
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    if (!in) throw Error(trf("Cannot read {file}.", fmt::arg("file", path.string())));
    return parse_workbook(s.str(), path.filename().string(), limits);
}

csv::Table read_table(const std::filesystem::path& path, const csv::Limits& limits) {
    std::ifstream in(path, std::ios::binary);
    char head[4] = {};
    in.read(head, 4);
    if (in.gcount() == 4 && looks_like_xlsx(std::string_view(head, 4))) {
        auto sheets = read_workbook(path, limits);
        return std::move(sheets.front().table);
    }
    return csv::read_file(path, limits);
}

}  // namespace maillage::xlsx
