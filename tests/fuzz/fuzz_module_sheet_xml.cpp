// libFuzzer target: the module-sheet XML importer (catalog/module_sheet_xml.h) on
// arbitrary bytes. It must return sheets or throw maillage::ParseError with a place —
// never crash, hang or exhaust memory (deep nesting, huge text, bad UTF-8, DOCTYPE).
#include "catalog/module_sheet_xml.h"
#include "core/error.h"

#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    maillage::catalog::XmlLimits limits;
    limits.max_bytes = 1u << 20;
    try {
        const auto sheets = maillage::catalog::modules_from_xml(text, "fuzz.xml", limits);
        // What was read can be written again and read back.
        const auto again = maillage::catalog::modules_from_xml(maillage::catalog::modules_to_xml(sheets), "again.xml");
        if (again.size() != sheets.size()) __builtin_trap();
    } catch (const maillage::ParseError& e) {
        if (e.line() < 1 || e.file().empty()) __builtin_trap();  // errors say where
    }
    return 0;
}
