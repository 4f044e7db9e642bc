#include "cli_table.h"

#include "core/i18n.h"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace maillage::cli {
namespace {

// Display width of UTF-8 text: code points, not bytes ("Bruxelles-Capitale, région").
size_t width(const std::string& s) {
    return static_cast<size_t>(std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

std::string csv_field(const std::string& s) {
    if (s.find_first_of(";\"\n\r") == std::string::npos) return s;
    std::string q = "\"";
    for (char c : s) q += c == '"' ? std::string("\"\"") : std::string(1, c);
    return q + "\"";
}

}  // namespace

void add_format_option(CLI::App& command, std::string& format) {
    command.add_option("--format", format, tr("table (default), csv or json"))
        ->check(CLI::IsMember({"table", "csv", "json"}));
}

void print_table(std::ostream& out, const CliTable& table, const std::string& format) {
    if (format == "json") {
        nlohmann::json all = nlohmann::json::array();
        for (const auto& row : table.rows) {
            nlohmann::json o = nlohmann::json::object();
            for (size_t c = 0; c < table.keys.size() && c < row.size(); ++c) {
                if ((table.keys[c] == "id" || table.keys[c].ends_with("_id")) && !row[c].empty())
                    o[table.keys[c]] = std::stoll(row[c]);
                else if (row[c].empty())
                    o[table.keys[c]] = nullptr;
                else
                    o[table.keys[c]] = row[c];
            }
            all.push_back(o);
        }
        out << all.dump(2) << '\n';
        return;
    }
    if (format == "csv") {
        for (size_t c = 0; c < table.keys.size(); ++c) out << (c ? ";" : "") << csv_field(table.keys[c]);
        out << '\n';
        for (const auto& row : table.rows) {
            for (size_t c = 0; c < row.size(); ++c) out << (c ? ";" : "") << csv_field(row[c]);
            out << '\n';
        }
        return;
    }
    std::vector<size_t> widths;
    for (const auto& h : table.headers) widths.push_back(width(h));
    for (const auto& row : table.rows)
        for (size_t c = 0; c < row.size() && c < widths.size(); ++c) widths[c] = std::max(widths[c], width(row[c]));
    auto line = [&](const std::vector<std::string>& cells) {
        std::string text;
        for (size_t c = 0; c < cells.size() && c < widths.size(); ++c) {
            text += cells[c];
            if (c + 1 < cells.size()) text += std::string(widths[c] - width(cells[c]) + 2, ' ');
        }
        out << text << '\n';
    };
    line(table.headers);
    for (const auto& row : table.rows) line(row);
    if (table.rows.empty()) out << tr("(none)") << '\n';
}

}  // namespace maillage::cli
