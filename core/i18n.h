#pragma once
// Translation in the GUI-free core. Strings are marked with tr("...") so that xgettext
// finds them; the program (window or CLI) installs the translator that looks them up
// in the loaded gettext catalogs. Without one, strings stay in English.
#include <fmt/format.h>

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace maillage {

using Translator = std::function<std::string(const char* msgid)>;

// Installs the function that translates; called once at start by the program.
void set_translator(Translator translator);

// The translation of msgid in the current UI language. A msgid made with NC_() carries
// its context; untranslated, it gives the text without the context.
std::string tr(const char* msgid);

// tr() then fmt-style named substitution: trf("line {line}", fmt::arg("line", 3)).
template <class... Args>
std::string trf(const char* msgid, Args&&... args) {
    return fmt::format(fmt::runtime(tr(msgid)), std::forward<Args>(args)...);
}

// A count's sentence: the translation of `singular` or `plural` that the UI language's
// plural rule picks for n (French says "0 formation", English "0 trainings"). The program
// installs the function with set_plural_translator(); without one, English's rule.
using PluralTranslator = std::function<std::string(const char* singular, const char* plural, unsigned long n)>;
void set_plural_translator(PluralTranslator translator);
std::string trn(const char* singular, const char* plural, unsigned long n);

// trn() then named substitution: trfn("{n} training", "{n} trainings", n, fmt::arg("n", n)).
template <class... Args>
std::string trfn(const char* singular, const char* plural, unsigned long n, Args&&... args) {
    return fmt::format(fmt::runtime(trn(singular, plural, n)), std::forward<Args>(args)...);
}

// The translation of the label paired with `key` in a table of {key, N_("label")};
// std::nullopt when the key is not in it.
template <std::size_t N>
std::optional<std::string> tr_label(const std::pair<const char*, const char*> (&labels)[N], std::string_view key) {
    for (const auto& [k, label] : labels)
        if (key == k) return tr(label);
    return std::nullopt;
}

// Marks a string for extraction without translating it here (tables of labels).
// wxWidgets defines the same macro when its headers come first.
#ifndef N_
#define N_(s) s
#endif

// A string in a context, for the words one language says two ways where English says
// one ("cancelled": une séance annulée, un événement annulé): tr(NC_("event", "cancelled")).
// The catalogs hold it with msgctxt "event"; gettext joins the two with '\004'.
#define NC_(c, s) c "\004" s

}  // namespace maillage
