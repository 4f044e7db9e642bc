#pragma once
// Small helpers to write the site's pages: escaping and the page frame every page shares
// (language, landmarks, skip link, language switch). Pages are well-formed XHTML-style
// HTML5 so that the tests can parse them with an XML parser and follow every link.
#include <string>
#include <vector>

namespace maillage::catalog {

// Escapes &, <, >, " and ' for text and attribute values.
std::string html_escape(const std::string& text);
// A file name made of letters, digits, '-' and '_' only (others become '-').
std::string safe_file_name(const std::string& code);

struct PageFrame {
    std::string language;        // "fr" or "nl"
    std::string title;           // <title> and <h1>
    std::string root;            // relative path from the page to the site root: "../../"
    std::string other_language_href;  // the same page in the other language
    std::string organisation;
    std::string edition;
    std::string description;     // meta description
};

// The whole page: head, header with navigation, <main> holding body, footer.
std::string html_page(const PageFrame& frame, const std::string& body, const std::string& extra_head = {});

}  // namespace maillage::catalog
