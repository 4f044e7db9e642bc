#include "cli_table.h"

#include "core/csv.h"
#include "core/i18n.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <charconv>
#include <optional>

namespace maillage::cli {
namespace {

// Display width of UTF-8 text: code points, not bytes ("Bruxelles-Capitale, région").
size_t width(const std::string& s) {
    return static_cast<size_t>(std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

bool is_number(const CliTable& table, const std::string& key, const std::string& value) {
    const bool column = key == "id" || key.ends_with("_id") ||
                        std::find(table.numbers.begin(), table.numbers.end(), key) != table.numbers.end();
    const auto digits = value.starts_with('-') ? value.substr(1) : value;
    return column && !digits.empty() && digits.size() < 19 && digits.find_first_not_of("0123456789") == std::string::npos;
}

// A `numbers` column's cell such as "12.5" (a working time): a JSON number too.
std::optional<double> decimal(const CliTable& table, const std::string& key, const std::string& value) {
    if (value.empty() || std::find(table.numbers.begin(), table.numbers.end(), key) == table.numbers.end())
        return std::nullopt;
    double d = 0;
    const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), d);
    if (error != std::errc() || end != value.data() + value.size()) return std::nullopt;
    return d;
}

}  // namespace

void add_format_option(CLI::App& command, std::string& format) {
    command.add_option("--format", format, tr("table (default), csv or json"))
        ->check(CLI::IsMember({"table", "csv", "json"}));
}

void print_table(std::ostream& out, const CliTable& table, const std::string& format) {
    if (format == "json") {
        nlohmann::ordered_json all = nlohmann::ordered_json::array();
        for (const auto& row : table.rows) {
            nlohmann::ordered_json o = nlohmann::ordered_json::object();
            for (size_t c = 0; c < table.keys.size() && c < row.size(); ++c) {
                if (is_number(table, table.keys[c], row[c]))
                    o[table.keys[c]] = std::stoll(row[c]);
                else if (const auto d = decimal(table, table.keys[c], row[c]))
                    o[table.keys[c]] = *d;
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
        csv::Writer w(out, ';', false);
        w.row(table.keys);
        for (const auto& row : table.rows) w.row(row);
        return;
    }
    const auto& headers = table.headers.empty() ? table.keys : table.headers;
    std::vector<size_t> widths;
    for (const auto& h : headers) widths.push_back(width(h));
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
    line(headers);
    for (const auto& row : table.rows) line(row);
    if (table.rows.empty()) out << tr("(none)") << '\n';
}

void print_rows(std::ostream& out, const std::vector<std::string>& keys,
                const std::vector<std::vector<std::string>>& rows, const std::string& format,
                const std::vector<std::string>& numbers) {
    print_table(out, CliTable{keys, {}, rows, numbers}, format);
}

}  // namespace maillage::cli
