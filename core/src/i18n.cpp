#include "core/i18n.h"

#include <mutex>

namespace maillage {
namespace {
// What the program installed, with the lock that guards it.
struct Installed {
    std::mutex mutex;
    Translator translator;
    PluralTranslator plural;
};
Installed& installed() {
    static Installed state;
    return state;
}
}  // namespace

void set_translator(Translator translator) {
    auto& s = installed();
    std::lock_guard lock(s.mutex);
    s.translator = std::move(translator);
}

std::string tr(const char* msgid) {
    std::string text;
    {
        auto& s = installed();
        std::lock_guard lock(s.mutex);
        text = s.translator ? s.translator(msgid) : std::string(msgid);
    }
    // Not translated, a msgid in a context (NC_) comes back with its context in front.
    if (const auto end_of_context = text.find('\004'); end_of_context != std::string::npos)
        text.erase(0, end_of_context + 1);
    return text;
}

void set_plural_translator(PluralTranslator translator) {
    auto& s = installed();
    std::lock_guard lock(s.mutex);
    s.plural = std::move(translator);
}

std::string trn(const char* singular, const char* plural, unsigned long n) {
    auto& s = installed();
    std::lock_guard lock(s.mutex);
    if (s.plural) return s.plural(singular, plural, n);
    return n == 1 ? singular : plural;
}
}  // namespace maillage
