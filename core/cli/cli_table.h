#pragma once
// Lists printed by the core's commands: an aligned table for people, CSV (';') or JSON
// for programs. Every list carries the id and the key users type (code, name, email).
#include <CLI/CLI.hpp>

#include <ostream>
#include <string>
#include <vector>

namespace maillage::cli {

struct CliTable {
    std::vector<std::string> keys;     // JSON keys and CSV header: "id", "code", "name"...
    std::vector<std::string> headers;  // translated column titles of the table format
    std::vector<std::vector<std::string>> rows;
};

// Adds --format table|csv|json (default table) to a list command.
void add_format_option(CLI::App& command, std::string& format);

// Prints the rows in the format; numbers stay numbers in JSON when the column is "id".
void print_table(std::ostream& out, const CliTable& table, const std::string& format);

}  // namespace maillage::cli
