#pragma once
// Codes stored in the database and the labels users read for them: a table of
// {code, N_("label")} instead of a chain of `if (code == ...) return tr(...)`,
// translated when it is read.
//
//   return code_label(phase, {{"request", N_("Request")}, {"closed", N_("Closed")}});
#include "core/i18n.h"

#include <cstddef>
#include <initializer_list>
#include <string>

namespace maillage {

struct CodeLabel {
    const char* code;
    const char* label;  // marked with N_(), translated when read
};

// The translated label of `code`; an unknown code reads as `otherwise` (a msgid,
// translated) or, without one, as itself.
inline std::string code_label(const std::string& code, std::initializer_list<CodeLabel> labels,
                              const char* otherwise = nullptr) {
    for (const auto& l : labels)
        if (code == l.code) return tr(l.label);
    return otherwise ? tr(otherwise) : code;
}

// The same over a table kept in an array.
template <std::size_t N>
std::string label_of(const CodeLabel (&labels)[N], const std::string& code) {
    for (const auto& l : labels)
        if (code == l.code) return tr(l.label);
    return code;
}

}  // namespace maillage
