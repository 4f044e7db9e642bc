#pragma once
// Module sheets as XML (docs/catalogue-module-sheet.md, schema/module-sheet.xsd):
// export for exchange with partners and import with validation by code, so that a
// faulty file is refused with the element and the line of the fault.
#include "catalog/catalog_model.h"

#include <cstddef>
#include <string>
#include <vector>

namespace maillage::catalog {

// Limits that make a hostile file fail fast instead of exhausting memory or time.
struct XmlLimits {
    std::size_t max_bytes = 8 * 1024 * 1024;  // whole file
    int max_depth = 12;                       // element nesting
    std::size_t max_text = 64 * 1024;         // one element's text
    std::size_t max_modules = 5000;
};

inline constexpr const char* kModuleSheetNamespace = "urn:maillage:catalogue:module-sheet:1";

// The sheets as an XML document (UTF-8).
std::string modules_to_xml(const std::vector<ModuleSheet>& modules);

// Reads sheets from an XML document. `file` names the source in error messages.
// Throws maillage::ParseError (file, line, column, element, reason) when the text is
// not well-formed UTF-8 XML, exceeds a limit, has a DOCTYPE, or does not follow the
// format (unknown or missing element, bad value).
std::vector<ModuleSheet> modules_from_xml(const std::string& text, const std::string& file,
                                          const XmlLimits& limits = {});

// 1-based line and column of a byte offset in text.
std::pair<int, int> line_column(const std::string& text, std::ptrdiff_t offset);

// The byte offset of the first invalid UTF-8 sequence, or -1 when the text is valid.
std::ptrdiff_t invalid_utf8_offset(const std::string& text);

}  // namespace maillage::catalog
