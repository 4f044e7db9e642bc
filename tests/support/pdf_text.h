#pragma once
// Reads PDFs back with poppler's command-line tools (an independent reader): the page
// count (pdfinfo) and the text of one page or of all (pdftotext, layout kept loose).
#include "test_support.h"

#include <cstdlib>
#include <filesystem>
#include <sstream>
#include <string>

namespace maillage::test {

inline std::string run_capture(const std::string& command) {
    TempDir dir;
    const auto out = dir / "out.txt";
    if (std::system((command + " > '" + out.string() + "' 2>/dev/null").c_str()) != 0) return {};
    return read_file(out);
}

inline int pdf_pages(const std::filesystem::path& pdf) {
    std::istringstream in(run_capture("pdfinfo '" + pdf.string() + "'"));
    std::string line;
    while (std::getline(in, line))
        if (line.rfind("Pages:", 0) == 0) return std::stoi(line.substr(6));
    return -1;
}

// page 0: the whole document. Runs of white space (line wraps, page breaks) become one
// space, so a title wrapped over two lines is found as written.
inline std::string pdf_text(const std::filesystem::path& pdf, int page = 0) {
    std::string range = page > 0 ? " -f " + std::to_string(page) + " -l " + std::to_string(page) : "";
    const auto raw = run_capture("pdftotext -enc UTF-8" + range + " '" + pdf.string() + "' -");
    std::string text;
    for (char c : raw) {
        const bool space = c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f';
        if (!space)
            text += c;
        else if (!text.empty() && text.back() != ' ')
            text += ' ';
    }
    return text;
}

}  // namespace maillage::test
