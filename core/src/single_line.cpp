#include "core/single_line.h"

#include "core/error.h"
#include "core/i18n.h"

namespace maillage {
namespace {
// Length of the control character at text[i], 0 when there is none.
std::size_t control_length(std::string_view text, std::size_t i) {
    const auto b = static_cast<unsigned char>(text[i]);
    if (b < 0x20 || b == 0x7F) return 1;
    const auto next = [&](std::size_t k) { return i + k < text.size() ? static_cast<unsigned char>(text[i + k]) : 0; };
    if (b == 0xC2 && next(1) >= 0x80 && next(1) <= 0x9F) return 2;  // C1
    if (b == 0xE2 && next(1) == 0x80 && (next(2) == 0xA8 || next(2) == 0xA9)) return 3;  // U+2028, U+2029
    return 0;
}
}  // namespace

std::size_t control_character_at(std::string_view text) {
    for (std::size_t i = 0; i < text.size(); ++i)
        if (control_length(text, i)) return i;
    return std::string_view::npos;
}

std::string single_line_problem(std::string_view text) {
    const auto at = control_character_at(text);
    if (at == std::string_view::npos) return {};
    std::size_t character = 1;  // 1-based, counting UTF-8 characters, not bytes
    for (std::size_t i = 0; i < at; ++i)
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++character;
    const char c = text[at];
    const auto what = c == '\n' || c == '\r' ? tr("a line break") : c == '\t' ? tr("a tab") : tr("a control character");
    return trf("{what} (at character {n}) is not allowed in a one-line text such as a name, a title or an email",
               fmt::arg("what", what), fmt::arg("n", character));
}

void require_single_line(std::string_view field, std::string_view text) {
    if (auto problem = single_line_problem(text); !problem.empty())
        throw Error(fmt::format("{}: {}.", field, problem));
}

std::string header_text(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    bool in_run = false;
    for (std::size_t i = 0; i < text.size();) {
        if (const auto n = control_length(text, i)) {
            if (!in_run) out += ' ';
            in_run = true;
            i += n;
        } else {
            out += text[i++];
            in_run = false;
        }
    }
    return out;
}

}  // namespace maillage
