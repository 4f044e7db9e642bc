#pragma once
// maillage-cli's translations: the same gettext catalogs as the window, read with
// wxWidgets' base library (no GUI), and installed as the core's translator.
#include "core/plugin_loader.h"

#include <memory>
#include <string>

class wxTranslations;

namespace maillage::cli {

class CliTranslations {
public:
    // language: "fr", "nl", "en", or "" for the environment's (LANGUAGE, LC_ALL, LANG).
    explicit CliTranslations(const std::string& language);
    ~CliTranslations();
    void load_plugin_catalogs(PluginLoader& plugins);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace maillage::cli
