// libFuzzer target: the CSV reader (core/csv.h) on arbitrary bytes. It must return a
// table or throw maillage::ParseError with a place — never crash, hang or exhaust memory.
#include "core/csv.h"
#include "core/error.h"

#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    maillage::csv::Limits limits;
    limits.max_file_bytes = 1u << 20;
    limits.max_field_bytes = 4096;
    limits.max_rows = 10000;
    limits.max_columns = 256;
    try {
        const auto table = maillage::csv::parse(bytes, "fuzz.csv", limits);
        // Use what was read the way the importers do.
        const auto name = table.find({"name", "nom", "first_name"});
        for (const auto& row : table.rows) {
            if (row.fields.size() != table.header.size()) __builtin_trap();  // the documented promise
            (void)table.value(row, name);
        }
        for (const auto& h : table.header) (void)maillage::csv::normalize_header(h);
    } catch (const maillage::ParseError& e) {
        if (e.line() < 1 || e.file() != "fuzz.csv") __builtin_trap();  // errors say where
    }
    return 0;
}
