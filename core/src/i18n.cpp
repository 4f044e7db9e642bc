#include "core/i18n.h"

#include <mutex>

namespace maillage {
namespace {
std::mutex translator_mutex;
Translator& current() {
    static Translator translator;
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
}  // namespace maillage
