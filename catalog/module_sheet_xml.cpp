#include "catalog/module_sheet_xml.h"
#include "catalog/xml_writing.h"

#include "core/error.h"
#include "core/i18n.h"

#include <pugixml.hpp>

#include <algorithm>
#include <set>
#include <vector>

namespace maillage::catalog {
namespace {

const char* kTextElements[] = {"objectives", "content", "methods", "audience", "prerequisites"};

std::string& text_field(ModuleSheet& m, const std::string& name) {
    if (name == "objectives") return m.objectives;
    if (name == "content") return m.content;
    if (name == "methods") return m.methods;
    if (name == "audience") return m.audience;
    return m.prerequisites;
}

class Reader {
public:
    Reader(const std::string& text, const std::string& file, const XmlLimits& limits)
        : text_(text), file_(file), limits_(limits) {}

    [[noreturn]] void fail_at(std::ptrdiff_t offset, const std::string& field, const std::string& reason) const {
        auto [line, column] = line_column(text_, offset);
        throw ParseError(file_, line, column, field, reason);
    }
    [[noreturn]] void fail(pugi::xml_node node, const std::string& reason) const {
        fail_at(node.offset_debug(), node.name(), reason);
    }

    std::vector<ModuleSheet> read() {
        if (text_.size() > limits_.max_bytes)
            fail_at(0, {}, trf("the file is larger than {max} bytes", fmt::arg("max", limits_.max_bytes)));
        if (auto bad = invalid_utf8_offset(text_); bad >= 0)
            fail_at(bad, {}, tr("the file is not valid UTF-8 text"));
        if (text_.find("<!DOCTYPE") != std::string::npos || text_.find("<!ENTITY") != std::string::npos)
            fail_at(static_cast<std::ptrdiff_t>(std::min(text_.find("<!DOCTYPE"), text_.find("<!ENTITY"))), {},
                    tr("document type declarations are not accepted"));

        pugi::xml_document doc;
        auto result = doc.load_buffer(text_.data(), text_.size(),
                                      pugi::parse_default | pugi::parse_declaration, pugi::encoding_utf8);
        if (!result) fail_at(result.offset, {}, result.description());
        if (auto decl = doc.child("xml"); decl.type() == pugi::node_declaration) {
            std::string enc = decl.attribute("encoding").as_string("UTF-8");
            std::transform(enc.begin(), enc.end(), enc.begin(), ::toupper);
            if (enc != "UTF-8") fail(decl, trf("the encoding must be UTF-8, not {enc}", fmt::arg("enc", enc)));
        }
        check_limits(doc);

        auto root = doc.document_element();
        if (std::string(root.name()) != "modules")
            fail(root, tr("the root element must be <modules>"));
        std::vector<ModuleSheet> out;
        std::set<std::string> codes;
        for (auto child : root.children()) {
            if (child.type() != pugi::node_element) continue;
            if (std::string(child.name()) != "module") fail(child, tr("unknown element, expected <module>"));
            if (out.size() >= limits_.max_modules) fail(child, tr("too many modules in one file"));
            auto m = read_module(child);
            if (!codes.insert(m.code).second)
                fail(child, trf("the code {code} appears twice", fmt::arg("code", m.code)));
            out.push_back(std::move(m));
        }
        return out;
    }

private:
    // pugixml parses without recursion, so depth and size are checked on the tree.
    void check_limits(const pugi::xml_document& doc) const {
        std::vector<std::pair<pugi::xml_node, int>> stack{{doc.document_element(), 1}};
        while (!stack.empty()) {
            auto [node, depth] = stack.back();
            stack.pop_back();
            if (depth > limits_.max_depth)
                fail(node, trf("elements are nested deeper than {max} levels", fmt::arg("max", limits_.max_depth)));
            for (auto c : node.children()) {
                if (c.type() == pugi::node_element)
                    stack.push_back({c, depth + 1});
                else if ((c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) &&
                         std::char_traits<char>::length(c.value()) > limits_.max_text)
                    fail(node, trf("the text is longer than {max} characters", fmt::arg("max", limits_.max_text)));
            }
        }
    }

    std::string local_lang(pugi::xml_node e) const {
        std::string lang = e.attribute("lang").as_string();
        if (lang != "fr" && lang != "nl" && lang != "en")
            fail(e, tr("the attribute lang must be fr, nl or en"));
        return lang;
    }

    ModuleSheet read_module(pugi::xml_node node) const {
        ModuleSheet m;
        m.code = node.attribute("code").as_string();
        if (m.code.empty()) fail(node, tr("the attribute code is missing"));
        if (auto v = node.attribute("version")) {
            m.version = v.as_int(0);
            if (m.version < 1) fail(node, tr("the attribute version must be a positive number"));
        }
        bool has_duration = false;
        for (auto e : node.children()) {
            if (e.type() != pugi::node_element) continue;
            std::string name = e.name();
            if (name == "theme") {
                m.theme_code = e.text().as_string();
            } else if (name == "title" || name == "description") {
                (name == "title" ? m.title : m.description).at(local_lang(e)) = e.text().as_string();
            } else if (name == "duration") {
                std::string v = e.attribute("minutes").as_string();
                if (v.empty() || v.find_first_not_of("0123456789") != std::string::npos || v.size() > 5 ||
                    std::stoi(v) <= 0 || std::stoi(v) > 5 * 24 * 60)
                    fail(e, tr("the attribute minutes must be a number of minutes between 1 and 7200"));
                m.duration_minutes = std::stoi(v);
                has_duration = true;
            } else if (std::find_if(std::begin(kTextElements), std::end(kTextElements),
                                    [&](const char* t) { return name == t; }) != std::end(kTextElements)) {
                text_field(m, name) = e.text().as_string();
            } else if (name == "trainers") {
                for (auto t : e.children()) {
                    if (t.type() != pugi::node_element) continue;
                    if (std::string(t.name()) != "trainer") fail(t, tr("unknown element, expected <trainer>"));
                    std::string email = t.attribute("email").as_string();
                    if (email.find('@') == std::string::npos) fail(t, tr("the attribute email is missing or invalid"));
                    m.trainer_emails.push_back(email);
                    m.trainer_names.push_back(t.text().as_string());
                }
            } else {
                fail(e, tr("unknown element in <module>"));
            }
        }
        if (m.theme_code.empty()) fail(node, trf("the element <{name}> is missing", fmt::arg("name", "theme")));
        if (m.title.fr.empty() || m.title.nl.empty())
            fail(node, tr("a module needs a title in French and in Dutch (<title lang=\"fr\"> and <title lang=\"nl\">)"));
        if (!has_duration) fail(node, trf("the element <{name}> is missing", fmt::arg("name", "duration")));
        return m;
    }

    const std::string& text_;
    const std::string& file_;
    const XmlLimits& limits_;
};

}  // namespace

std::string modules_to_xml(const std::vector<ModuleSheet>& modules) {
    pugi::xml_document doc;
    auto root = start_xml_document(doc, "modules", kModuleSheetNamespace);
    for (const auto& m : modules) {
        auto e = root.append_child("module");
        e.append_attribute("code") = m.code.c_str();
        e.append_attribute("version") = m.version;
        e.append_child("theme").text() = m.theme_code.c_str();
        add_local(e, "title", m.title);
        add_local(e, "description", m.description);
        e.append_child("duration").append_attribute("minutes") = m.duration_minutes;
        for (const char* name : kTextElements) {
            const std::string& v = text_field(const_cast<ModuleSheet&>(m), name);
            if (!v.empty()) e.append_child(name).text() = v.c_str();
        }
        if (!m.trainer_emails.empty()) {
            auto ts = e.append_child("trainers");
            for (std::size_t i = 0; i < m.trainer_emails.size(); ++i) {
                auto t = ts.append_child("trainer");
                t.append_attribute("email") = m.trainer_emails[i].c_str();
                if (i < m.trainer_names.size()) t.text() = m.trainer_names[i].c_str();
            }
        }
    }
    return xml_text(doc);
}

std::vector<ModuleSheet> modules_from_xml(const std::string& text, const std::string& file,
                                          const XmlLimits& limits) {
    return Reader(text, file, limits).read();
}

std::pair<int, int> line_column(const std::string& text, std::ptrdiff_t offset) {
    int line = 1, column = 1;
    auto end = std::min<std::ptrdiff_t>(std::max<std::ptrdiff_t>(offset, 0), static_cast<std::ptrdiff_t>(text.size()));
    for (std::ptrdiff_t i = 0; i < end; ++i) {
        if (text[i] == '\n') {
            ++line;
            column = 1;
        } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
            ++column;  // count characters, not UTF-8 continuation bytes
        }
    }
    return {line, column};
}

std::ptrdiff_t invalid_utf8_offset(const std::string& text) {
    const auto* s = reinterpret_cast<const unsigned char*>(text.data());
    std::size_t n = text.size(), i = 0;
    while (i < n) {
        unsigned char c = s[i];
        std::size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
        if (len == 0 || i + len > n) return static_cast<std::ptrdiff_t>(i);
        for (std::size_t k = 1; k < len; ++k)
            if ((s[i + k] & 0xC0) != 0x80) return static_cast<std::ptrdiff_t>(i);
        if (len == 2 && c < 0xC2) return static_cast<std::ptrdiff_t>(i);  // overlong
        i += len;
    }
    return -1;
}

}  // namespace maillage::catalog
