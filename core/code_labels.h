#pragma once
// The translated label of a stored code ("request" -> "Demande") from a table of codes and
// N_() messages, instead of one `if (code == ...) return tr(...)` per code.
//
//   return code_label(phase, {{"request", N_("Request")}, {"closed", N_("Closed")}});
#include "core/i18n.h"

#include <initializer_list>
#include <string>

namespace maillage {

struct CodeLabel {
    const char* code;
    const char* msgid;  // marked with N_()
};

// An unknown code reads as `otherwise` (a msgid, translated) or, without one, as itself.
inline std::string code_label(const std::string& code, std::initializer_list<CodeLabel> labels,
                              const char* otherwise = nullptr) {
    for (const auto& l : labels)
        if (code == l.code) return tr(l.msgid);
    return otherwise ? tr(otherwise) : code;
}

}  // namespace maillage
