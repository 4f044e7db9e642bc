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
    std::lock_guard lock(translator_mutex);
    if (current()) return current()(msgid);
    return msgid;
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
