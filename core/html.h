#pragma once
// Text for HTML and XML documents the suite writes (reports, exports, maps, sites).
#include <string>
#include <string_view>

namespace maillage {

// The text with & < > " (and ' when `apostrophe`) as entities: safe in element text and
// in a quoted attribute.
inline std::string html_escape(std::string_view text, bool apostrophe = false) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'':
            if (apostrophe)
                out += "&#39;";
            else
                out += c;
            break;
        default: out += c;
        }
    }
    return out;
}

}  // namespace maillage
