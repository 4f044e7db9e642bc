#pragma once
// What the catalogue's XML writers (module sheets, the edition feed) share.
#include "catalog/catalog_model.h"

#include <pugixml.hpp>

#include <sstream>
#include <string>
#include <utility>

namespace maillage::catalog {

// Starts `doc` with an XML declaration (1.0, UTF-8) and its root element in namespace `ns`.
inline pugi::xml_node start_xml_document(pugi::xml_document& doc, const char* root_name, const char* ns) {
    auto decl = doc.append_child(pugi::node_declaration);
    decl.append_attribute("version") = "1.0";
    decl.append_attribute("encoding") = "UTF-8";
    auto root = doc.append_child(root_name);
    root.append_attribute("xmlns") = ns;
    return root;
}

// One <name lang="..."> child per language the text has (fr, nl, en).
inline void add_local(pugi::xml_node parent, const char* name, const LocalText& text) {
    for (auto [lang, value] : {std::pair{"fr", &text.fr}, {"nl", &text.nl}, {"en", &text.en}}) {
        if (value->empty()) continue;
        auto e = parent.append_child(name);
        e.append_attribute("lang") = lang;
        e.text() = value->c_str();
    }
}

// The document as UTF-8 text, indented by two spaces.
inline std::string xml_text(const pugi::xml_document& doc) {
    std::ostringstream out;
    doc.save(out, "  ", pugi::format_default, pugi::encoding_utf8);
    return out.str();
}

}  // namespace maillage::catalog
