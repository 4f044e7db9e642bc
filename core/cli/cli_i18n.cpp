#include "cli_i18n.h"

#include "core/i18n.h"
#include "core/locale_format.h"
#include "core/paths.h"

#include <wx/init.h>
#include <wx/intl.h>
#include <wx/translation.h>

#include <cstdlib>

namespace maillage::cli {
namespace {
// The language from the environment the way gettext reads it: LANGUAGE, LC_ALL,
// LC_MESSAGES, LANG; "" when none names fr, nl or en.
std::string environment_language() {
    for (const char* var : {"LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"}) {
        const char* v = std::getenv(var);
        if (!v || !*v) continue;
        const std::string s(v);
        for (const char* code : {"fr", "nl", "en"})
            if (s.rfind(code, 0) == 0) return code;
        if (s != "C" && s != "POSIX" && s.rfind("C.", 0) != 0) return {};
    }
    return {};
}
}  // namespace

struct CliTranslations::Impl {
    wxInitializer initializer;
    wxTranslations* translations = nullptr;  // owned by wxWidgets once Set()
};

CliTranslations::CliTranslations(const std::string& requested) : impl_(std::make_unique<Impl>()) {
    // English when the environment names none of ours: left unset, wxWidgets would look
    // for the best language by examining every folder of /usr/share/locale, once per
    // catalog (a thousand stat calls per plugin on `maillage-cli --help`).
    std::string language = requested.empty() ? environment_language() : requested;
    if (language.empty()) language = "en";
    set_language(language);
    // The msgids are English and the English catalogs repeat them: in English no catalog
    // is read and tr() answers the msgid itself (a tenth of `maillage-cli --help`).
    if (language == "en") return;
    impl_->translations = new wxTranslations();
    wxTranslations::Set(impl_->translations);
    wxFileTranslationsLoader::AddCatalogLookupPathPrefix(wxString::FromUTF8(locale_folder().string()));
    impl_->translations->SetLanguage(wxString::FromUTF8(language));
    impl_->translations->AddCatalog("maillage-core");
    set_translator([](const char* msgid) {
        return std::string(wxGetTranslation(wxString::FromUTF8(msgid)).utf8_str());
    });
    set_plural_translator([](const char* singular, const char* plural, unsigned long n) {
        return std::string(
            wxGetTranslation(wxString::FromUTF8(singular), wxString::FromUTF8(plural), unsigned(n)).utf8_str());
    });
}

CliTranslations::~CliTranslations() {
    set_translator(nullptr);
    set_plural_translator(nullptr);
    wxTranslations::Set(nullptr);
}

void CliTranslations::load_plugin_catalogs(PluginLoader& plugins) {
    for (const auto& p : plugins.loaded()) {
        if (!impl_->translations) break;
        const auto domain = p->plugin->translation_domain();
        if (!domain.empty()) impl_->translations->AddCatalog(wxString::FromUTF8(domain));
    }
    plugins.refresh_info();
}

}  // namespace maillage::cli
