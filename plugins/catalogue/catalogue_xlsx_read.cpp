#include "catalogue_xlsx_read.h"

#include "core/error.h"
#include "core/i18n.h"

#include <pugixml.hpp>
#include <zip.h>

#include <cctype>
#include <fstream>
#include <algorithm>
#include <map>
#include <sstream>
#include <memory>
#include <vector>

namespace maillage::catalogue {
namespace {

struct ZipCloser {
    void operator()(zip_t* z) const { zip_discard(z); }
};

// The text of one member of the archive; empty when it is not there.
std::string member(zip_t* archive, const char* name) {
    zip_stat_t st;
    if (zip_stat(archive, name, 0, &st) != 0) return {};
    std::unique_ptr<zip_file_t, decltype(&zip_fclose)> f(zip_fopen(archive, name, 0), &zip_fclose);
    if (!f) return {};
    std::string out(st.size, '\0');
    const auto n = zip_fread(f.get(), out.data(), st.size);
    if (n < 0) return {};
    out.resize(static_cast<std::size_t>(n));
    return out;
}

// "C12" -> column index 2 (0-based).
int column_of(const std::string& ref) {
    int col = 0;
    for (char c : ref) {
        if (c < 'A' || c > 'Z') break;
        col = col * 26 + (c - 'A' + 1);
    }
    return col - 1;
}

int row_of(const std::string& ref) {
    const auto digits = ref.find_first_of("0123456789");
    return digits == std::string::npos ? 0 : std::atoi(ref.c_str() + digits);
}

// The text of an <si> or <is>: its <t>, or its runs' <t> joined.
std::string rich_text(pugi::xml_node node) {
    std::string out;
    for (auto t : node.select_nodes(".//*[local-name()='t']")) out += t.node().text().as_string();
    return out;
}

std::string csv_field(const std::string& value) {
    std::string out = "\"";
    for (char c : value) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

}  // namespace

std::string xlsx_first_sheet_as_csv(const std::filesystem::path& file) {
    int error = 0;
    std::unique_ptr<zip_t, ZipCloser> archive(zip_open(file.c_str(), ZIP_RDONLY, &error));
    const std::string name = file.filename().string();
    if (!archive) throw Error(trf("{file}: not an XLSX workbook (it cannot be opened as one).", fmt::arg("file", name)));
    // The first sheet of the workbook, through its relationship; sheet1.xml otherwise.
    std::string sheet_path = "xl/worksheets/sheet1.xml";
    {
        pugi::xml_document workbook, rels;
        const auto wb = member(archive.get(), "xl/workbook.xml");
        const auto rl = member(archive.get(), "xl/_rels/workbook.xml.rels");
        if (workbook.load_buffer(wb.data(), wb.size()) && rels.load_buffer(rl.data(), rl.size())) {
            auto sheet = workbook.select_node("//*[local-name()='sheet']").node();
            std::string rid;
            for (auto a : sheet.attributes())
                if (std::string(a.name()).find(":id") != std::string::npos) rid = a.value();
            for (auto r : rels.select_nodes("//*[local-name()='Relationship']"))
                if (rid == r.node().attribute("Id").value()) {
                    std::string target = r.node().attribute("Target").value();
                    sheet_path = target.rfind("/", 0) == 0 ? target.substr(1) : "xl/" + target;
                }
        }
    }
    const std::string sheet_xml = member(archive.get(), sheet_path.c_str());
    if (sheet_xml.empty())
        throw Error(trf("{file}: not an XLSX workbook (no worksheet in it).", fmt::arg("file", name)));
    std::vector<std::string> shared;
    {
        const auto text = member(archive.get(), "xl/sharedStrings.xml");
        pugi::xml_document doc;
        if (!text.empty() && doc.load_buffer(text.data(), text.size()))
            for (auto si : doc.select_nodes("//*[local-name()='si']")) shared.push_back(rich_text(si.node()));
    }
    pugi::xml_document doc;
    if (!doc.load_buffer(sheet_xml.data(), sheet_xml.size()))
        throw Error(trf("{file}: the worksheet cannot be read.", fmt::arg("file", name)));
    std::map<int, std::map<int, std::string>> rows;
    int last_row = 0;
    for (auto c : doc.select_nodes("//*[local-name()='sheetData']/*[local-name()='row']/*[local-name()='c']")) {
        const auto cell = c.node();
        const std::string ref = cell.attribute("r").value();
        const std::string type = cell.attribute("t").value();
        const int row = row_of(ref), col = column_of(ref);
        if (row <= 0 || col < 0) continue;
        std::string value;
        auto v = cell.select_node("*[local-name()='v']").node();
        if (type == "s") {
            const auto index = static_cast<std::size_t>(v.text().as_ullong(shared.size()));
            if (index < shared.size()) value = shared[index];
        } else if (type == "inlineStr") {
            value = rich_text(cell.select_node("*[local-name()='is']").node());
        } else {
            value = v.text().as_string();
        }
        rows[row][col] = value;
        last_row = std::max(last_row, row);
    }
    // Every row as wide as the widest: a spreadsheet leaves trailing cells out.
    int width = 0;
    for (const auto& [r, cells] : rows)
        if (!cells.empty()) width = std::max(width, cells.rbegin()->first + 1);
    std::string out;
    for (int r = 1; r <= last_row; ++r) {
        const auto it = rows.find(r);
        if (it != rows.end() && !it->second.empty()) {
            for (int c = 0; c < width; ++c) {
                const auto cell = it->second.find(c);
                out += (c ? ";" : "") + csv_field(cell == it->second.end() ? std::string() : cell->second);
            }
        }
        out += "\n";
    }
    return out;
}

std::string registrations_file_text(const std::filesystem::path& file) {
    std::string ext = file.extension().string();
    for (auto& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (ext == ".xlsx") return xlsx_first_sheet_as_csv(file);
    std::ifstream in(file, std::ios::binary);
    if (!in) throw Error(trf("Cannot read {file}.", fmt::arg("file", file.string())));
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

}  // namespace maillage::catalogue
