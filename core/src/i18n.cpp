#include "core/i18n.h"

#include <mutex>

namespace maillage {
namespace {
std::mutex translator_mutex;
Translator& current() {
    static Translator translator;
    return translator;
}
PluralTranslator& current_plural() {
    static PluralTranslator translator;
    return translator;
}
}  // namespace

void set_translator(Translator translator) {
    std::lock_guard lock(translator_mutex);
    current() = std::move(translator);
}

std::string tr(const char* msgid) {
    std::string text;
    {
        std::lock_guard lock(translator_mutex);
        text = current() ? current()(msgid) : std::string(msgid);
    }
    // Not translated, a msgid in a context (NC_) comes back with its context in front.
    if (const auto end_of_context = text.find('\004'); end_of_context != std::string::npos)
        text.erase(0, end_of_context + 1);
    return text;
}

void set_plural_translator(PluralTranslator translator) {
    std::lock_guard lock(translator_mutex);
    current_plural() = std::move(translator);
}

std::string trn(const char* singular, const char* plural, unsigned long n) {
    std::lock_guard lock(translator_mutex);
    if (current_plural()) return current_plural()(singular, plural, n);
    return n == 1 ? singular : plural;
}
}  // namespace maillage
