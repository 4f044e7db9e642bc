#include "text_match.h"

#include <algorithm>
#include <sstream>
#include <vector>

namespace maillage::exchange {
namespace {

// Decodes one UTF-8 code point at s[i], advancing i; invalid bytes become '?'.
char32_t next_code_point(const std::string& s, size_t& i) {
    const auto c = static_cast<unsigned char>(s[i]);
    int extra = c < 0x80 ? 0 : (c >> 5) == 6 ? 1 : (c >> 4) == 14 ? 2 : (c >> 3) == 30 ? 3 : -1;
    if (extra < 0 || i + extra >= s.size() + (extra == 0 ? 1 : 0)) {
        ++i;
        return U'?';
    }
    char32_t cp = extra == 0 ? c : extra == 1 ? (c & 0x1F) : extra == 2 ? (c & 0x0F) : (c & 0x07);
    for (int k = 1; k <= extra; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    i += extra + 1;
    return cp;
}

// The ASCII letters a Latin-1 / Latin Extended-A letter stands for, lower case.
const char* fold(char32_t cp) {
    if (cp >= 0xC0 && cp <= 0xC5) return "a";
    if (cp >= 0xE0 && cp <= 0xE5) return "a";
    if (cp == 0xC6 || cp == 0xE6) return "ae";
    if (cp == 0xC7 || cp == 0xE7) return "c";
    if ((cp >= 0xC8 && cp <= 0xCB) || (cp >= 0xE8 && cp <= 0xEB)) return "e";
    if ((cp >= 0xCC && cp <= 0xCF) || (cp >= 0xEC && cp <= 0xEF)) return "i";
    if (cp == 0xD1 || cp == 0xF1) return "n";
    if ((cp >= 0xD2 && cp <= 0xD6) || cp == 0xD8 || (cp >= 0xF2 && cp <= 0xF6) || cp == 0xF8) return "o";
    if ((cp >= 0xD9 && cp <= 0xDC) || (cp >= 0xF9 && cp <= 0xFC)) return "u";
    if (cp == 0xDD || cp == 0xFD || cp == 0xFF) return "y";
    if (cp == 0xDF) return "ss";
    if (cp == 0x152 || cp == 0x153) return "oe";
    return nullptr;
}

size_t edit_distance(const std::string& a, const std::string& b) {
    std::vector<size_t> prev(b.size() + 1), cur(b.size() + 1);
    for (size_t j = 0; j <= b.size(); ++j) prev[j] = j;
    for (size_t i = 1; i <= a.size(); ++i) {
        cur[0] = i;
        for (size_t j = 1; j <= b.size(); ++j)
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
        std::swap(prev, cur);
    }
    return prev[b.size()];
}

std::string sorted_words(const std::string& normalised) {
    std::istringstream in(normalised);
    std::vector<std::string> words;
    for (std::string w; in >> w;) words.push_back(w);
    std::sort(words.begin(), words.end());
    std::string out;
    for (const auto& w : words) out += (out.empty() ? "" : " ") + w;
    return out;
}

}  // namespace

std::string normalise_name(const std::string& text) {
    std::string out;
    bool space = true;  // no leading space
    auto put_space = [&] {
        if (!space) out += ' ';
        space = true;
    };
    for (size_t i = 0; i < text.size();) {
        const char32_t cp = next_code_point(text, i);
        if (cp < 0x80) {
            const char c = static_cast<char>(cp);
            if (c >= 'A' && c <= 'Z') {
                out += static_cast<char>(c - 'A' + 'a');
                space = false;
            } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                out += c;
                space = false;
            } else if (c == '\'') {
                // "d'Anderlecht" and "d Anderlecht" and "dAnderlecht": drop apostrophes
            } else {
                put_space();
            }
        } else if (cp == 0x2019) {
            // typographic apostrophe, dropped like the ASCII one
        } else if (const char* f = fold(cp)) {
            out += f;
            space = false;
        } else {
            put_space();
        }
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

double name_similarity(const std::string& a, const std::string& b) {
    const auto sa = sorted_words(a), sb = sorted_words(b);
    if (sa.empty() && sb.empty()) return 1.0;
    const size_t longer = std::max(sa.size(), sb.size());
    return 1.0 - double(edit_distance(sa, sb)) / double(longer);
}

}  // namespace maillage::exchange
