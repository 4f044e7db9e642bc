#pragma once
// Codes stored in the database and the labels users read for them: a table of
// {code, N_("label")} instead of a chain of ifs, translated when it is read.
#include "core/i18n.h"

#include <cstddef>
#include <string>

namespace maillage {

struct CodeLabel {
    const char* code;
    const char* label;  // marked with N_(), translated by label_of
};

// The translated label of `code`, or the code itself when the table does not know it.
template <std::size_t N>
std::string label_of(const CodeLabel (&labels)[N], const std::string& code) {
    for (const auto& l : labels)
        if (code == l.code) return tr(l.label);
    return code;
}

}  // namespace maillage
