#pragma once
// Lists printed by maillage-cli, the core's commands and the plugins' alike: an aligned
// table for people, CSV (';', the core's writer, so the core's reader reads it back) or
// JSON for programs. Every list carries the id and the key users type (code, name, email).
// In maillage_cli_support, the GUI-free library the program and the plugins link.
#include <CLI/CLI.hpp>

#include <memory>
#include <ostream>
#include <string>
#include <vector>

namespace maillage::cli {

struct CliTable {
    std::vector<std::string> keys;     // JSON keys and CSV header: "id", "code", "name"...
    std::vector<std::string> headers;  // translated column titles of the table format (default: the keys)
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> numbers;  // more keys whose cells JSON gives as numbers (counts, years)
};

// Adds --format table|csv|json (default table) to a list command.
void add_format_option(CLI::App& command, std::string& format);

// The same, the format kept for the command's callback (the callback keeps the pointer).
inline std::shared_ptr<std::string> add_format_option(CLI::App& command) {
    auto format = std::make_shared<std::string>("table");
    add_format_option(command, *format);
    return format;
}

// A "list" subcommand of `parent` whose own options options(command) declares, then
// --format; when it runs, list(format) prints.
template <class Options, class List>
CLI::App* add_list_command(CLI::App& parent, const std::string& help, Options options, List list) {
    auto* command = parent.add_subcommand("list", help);
    options(command);
    auto format = add_format_option(*command);
    command->callback([format, list] { list(*format); });
    return command;
}

// The same for a list with no option but --format.
template <class List>
CLI::App* add_list_command(CLI::App& parent, const std::string& help, List list) {
    return add_list_command(parent, help, [](CLI::App*) {}, list);
}

// Prints the rows in the format. JSON: an array of objects; "id" and "..._id" columns are
// numbers (and the `numbers` columns), empty cells null. CSV: a header of keys, then the rows.
void print_table(std::ostream& out, const CliTable& table, const std::string& format);

// The same for a list whose table format is the command's own text: csv or json.
void print_rows(std::ostream& out, const std::vector<std::string>& keys,
                const std::vector<std::vector<std::string>>& rows, const std::string& format,
                const std::vector<std::string>& numbers = {});

// A list command's output from one pass over its items: the table format writes
// line(out, item) for each, csv and json print the cells row(item) gives under `keys`.
template <class Items, class Row, class Line>
void print_list(std::ostream& out, const std::string& format, const Items& items, const std::vector<std::string>& keys,
                Row row, Line line, const std::vector<std::string>& numbers = {}) {
    if (format == "table") {
        for (const auto& item : items) line(out, item);
        return;
    }
    std::vector<std::vector<std::string>> rows;
    for (const auto& item : items) rows.push_back(row(item));
    print_rows(out, keys, rows, format, numbers);
}

// The usual list command: when it runs, print_list(out, format, items(), keys, row, line,
// numbers) prints what items() returns.
template <class Items, class Row, class Line>
CLI::App* add_list_command(CLI::App& parent, const std::string& help, std::ostream& out, Items items,
                           const std::vector<std::string>& keys, Row row, Line line,
                           const std::vector<std::string>& numbers = {}) {
    return add_list_command(parent, help, [&out, items, keys, row, line, numbers](const std::string& format) {
        print_list(out, format, items(), keys, row, line, numbers);
    });
}

}  // namespace maillage::cli
