// maillage: the suite's window. Installs the translations, loads the plugins, opens the
// database (the demo with --demo), runs the first-start assistant on a database nobody
// has set up yet, and shows the main frame.
#include "about_dialog.h"
#include "first_start_assistant.h"
#include "main_frame.h"
#include "plugin_uis.h"
#include "screenshots.h"

#include "shared-ui/messages.h"
#include "shared-ui/plugin_ui.h"

#include "core/error.h"
#include "core/i18n.h"
#include "core/locale_format.h"
#include "core/paths.h"
#include "core/suite.h"

#include <wx/app.h>
#include <wx/cmdline.h>
#include <wx/fileconf.h>
#include <wx/image.h>
#include <wx/msgdlg.h>
#include <wx/intl.h>
#include <wx/translation.h>
#include <wx/uilocale.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <iostream>
#include <memory>

namespace maillage::ui {
namespace {

int current_year() {
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    return local.tm_year + 1900;
}

std::vector<std::filesystem::path> split_folders(const wxString& text) {
    std::vector<std::filesystem::path> out;
    for (auto& f : wxSplit(text, ';', 0)) {
        f.Trim().Trim(false);
        if (!f.empty()) out.emplace_back(f.utf8_string());
    }
    return out;
}

}  // namespace

class App : public wxApp {
public:
    bool OnInit() override;
    int OnExit() override;
    int OnRun() override {
        const int rc = wxApp::OnRun();
        return exit_code_ != 0 ? exit_code_ : rc;
    }
    void OnInitCmdLine(wxCmdLineParser& parser) override;
    bool OnCmdLineParsed(wxCmdLineParser& parser) override;

private:
    void install_translations();
    void add_plugin_catalogs();
    void run_screenshots();
    // MAILLAGE_EXIT_WHEN_SHOWN=1 (scripts/bench times "window visible"): quit as soon as
    // the first page is on screen, without asking anything.
    static bool exit_when_shown() {
        const char* v = std::getenv("MAILLAGE_EXIT_WHEN_SHOWN");
        return v && std::string(v) == "1";
    }
    bool closing_ = false;

    wxString db_option_, lang_option_, screenshots_option_;
    std::vector<std::filesystem::path> plugin_dirs_;
    std::string language_;
    bool demo_ = false;
    std::unique_ptr<Suite> suite_;
    MainFrame* frame_ = nullptr;
    int exit_code_ = 0;
    int errors_ = 0;
};

void App::OnInitCmdLine(wxCmdLineParser& parser) {
    wxApp::OnInitCmdLine(parser);
    parser.AddOption({}, "db", _("The database file (default: the user's default database)"));
    parser.AddOption({}, "plugin-dir", _("Also load plugins from this folder (repeatable)"), wxCMD_LINE_VAL_STRING,
                     wxCMD_LINE_PARAM_MULTIPLE);
    parser.AddOption({}, "lang", _("Language of the interface: fr, nl or en"));
    parser.AddOption({}, "screenshots", _("Visit every page, save one PNG per page into this folder, then quit"));
    parser.AddSwitch({}, "demo",
                     _("Open the demo database (created with demo content in the user's data folder; with --db, "
                       "demo content is added to that file when it is empty)"));
}

bool App::OnCmdLineParsed(wxCmdLineParser& parser) {
    if (!wxApp::OnCmdLineParsed(parser)) return false;
    parser.Found("db", &db_option_);
    parser.Found("lang", &lang_option_);
    parser.Found("screenshots", &screenshots_option_);
    demo_ = parser.Found("demo");
    // Repeated options: wxCmdLineParser returns each occurrence through GetArguments().
    for (const auto& arg : parser.GetArguments())
        if (arg.GetKind() == wxCMD_LINE_OPTION && arg.GetLongName() == "plugin-dir")
            plugin_dirs_.push_back(std::filesystem::absolute(arg.GetStrVal().utf8_string()));
    if (!lang_option_.empty() && lang_option_ != "fr" && lang_option_ != "nl" && lang_option_ != "en") {
        std::cerr << "--lang: fr, nl or en\n";
        return false;
    }
    return true;
}

void App::install_translations() {
    // The chosen language: --lang, else the preference, else the system's.
    wxString lang = lang_option_;
    if (lang.empty()) lang = wxConfigBase::Get()->Read("ui.language", "");
    auto* translations = new wxTranslations();
    wxTranslations::Set(translations);
    wxFileTranslationsLoader::AddCatalogLookupPathPrefix(wxString::FromUTF8(locale_folder().string()));
    if (!lang.empty()) translations->SetLanguage(lang);
    translations->AddStdCatalog();
    translations->AddCatalog("maillage-ui");
    translations->AddCatalog("maillage-core");
    if (lang.empty()) {
        // Follow the system locale when it is one of ours, else French-speaking users'
        // fallback is English (the msgid language).
        const wxString best = translations->GetBestTranslation("maillage-ui", wxLANGUAGE_ENGLISH);
        lang = best.Left(2);
        if (lang != "fr" && lang != "nl") lang = "en";
    }
    language_ = lang.utf8_string();
    set_language(language_);
    set_translator([](const char* msgid) {
        return wxGetTranslation(wxString::FromUTF8(msgid)).utf8_string();
    });
    set_plural_translator([](const char* singular, const char* plural, unsigned long n) {
        return wxGetTranslation(wxString::FromUTF8(singular), wxString::FromUTF8(plural), unsigned(n)).utf8_string();
    });
}

bool App::OnInit() {
    if (!wxApp::OnInit()) return false;
    SetAppName("maillage");
    SetAppDisplayName("Maillage");
    wxInitAllImageHandlers();
    wxUILocale::UseDefault();

    // Settings live in the XDG config folder (~/.config/maillage/settings.ini).
    std::filesystem::create_directories(config_folder());
    wxConfigBase::Set(new wxFileConfig("maillage", {}, wxString::FromUTF8((config_folder() / "settings.ini").string()),
                                       {}, wxCONFIG_USE_LOCAL_FILE));
    install_translations();

    if (!screenshots_option_.empty())
        set_non_interactive([this](const wxString& message) {
            ++errors_;
            std::cerr << "error: " << message.utf8_string() << '\n';
        });

    // Plugins: --plugin-dir, then the folders from the preferences, then the defaults.
    std::vector<std::filesystem::path> folders = plugin_dirs_;
    for (auto& f : split_folders(wxConfigBase::Get()->Read("plugins.folders", ""))) folders.push_back(f);
    // Logic and window modules: each maillage_<id>_ui.so is paired with maillage_<id>.so.
    for (auto& f : default_plugin_folders()) folders.push_back(f);
    // The same folder named twice (--plugin-dir of the build tree) is searched once, so
    // its plugins are not refused as duplicates of themselves. A relative folder (only
    // $MAILLAGE_PLUGIN_PATH can bring one: --plugin-dir was made absolute) stays relative,
    // and the loader refuses it.
    std::vector<std::filesystem::path> unique;
    for (const auto& f : folders) {
        std::error_code ec;
        const auto canonical = f.is_relative() ? f : std::filesystem::weakly_canonical(f, ec);
        if (std::find(unique.begin(), unique.end(), canonical) == unique.end()) unique.push_back(canonical);
    }
    folders = unique;
    // A plugin that crashed the previous start: the user chooses whether to start
    // without it (in screenshot mode, without asking: it is skipped).
    const bool interactive = screenshots_option_.empty() && !exit_when_shown();
    suite_ = std::make_unique<Suite>(
        folders, config_folder() / "plugin-loading.sentinel", [interactive](const std::filesystem::path& library) {
            if (!interactive) return true;
            return wxMessageBox(wxString::Format(_("The plugin %s crashed Maillage while it was starting last "
                                                   "time.\n\nStart without it this time?"),
                                                 wxString::FromUTF8(library.filename().string())),
                                _("Maillage"), wxYES_NO | wxICON_WARNING) == wxYES;
        },
        PluginModules::LogicAndUi);
    add_plugin_catalogs();
    create_plugin_uis(suite_->plugins());

    // The user's own database, or with --demo the demo one (never the user's file).
    std::filesystem::path db_file;
    try {
        db_file = !db_option_.empty() ? std::filesystem::path(db_option_.utf8_string())
                  : demo_             ? demo_database_path()
                                      : default_database_path();
    } catch (...) {
        show_error(nullptr, _("Maillage cannot find where to keep its database"), current_exception_message());
        return false;
    }
    // Only the default database is created on first start: a --db that names no file is
    // a mistake, not a wish for an empty database.
    if (!db_option_.empty() && !std::filesystem::exists(db_file)) {
        show_error(nullptr, wxString::Format(_("There is no database at %s"), wxString::FromUTF8(db_file.string())),
                   _("Check the file name, or create a database with File > New database."));
        return false;
    }
    try {
        std::filesystem::create_directories(db_file.parent_path().empty() ? "." : db_file.parent_path());
        suite_->open(db_file);
        if (demo_ && !suite_->database().read_only() && suite_->is_empty()) suite_->seed_demo(current_year());
        // First start: the window is built after the assistant, in the language chosen.
        if (!demo_ && interactive)
            if (auto chosen = run_first_start(nullptr, suite_->database(), language_, true);
                chosen && *chosen != language_) {
                lang_option_ = wxString::FromUTF8(*chosen);
                install_translations();
                add_plugin_catalogs();
            }
    } catch (...) {
        const wxString message = current_exception_message();
        show_error(nullptr, wxString::Format(_("Could not open the database %s"), wxString::FromUTF8(db_file.string())),
                   message);
        if (!suite_->is_open()) return false;
    }

    frame_ = new MainFrame(*suite_, language_);
    frame_->Show();
    frame_->database_opened();
    if (!screenshots_option_.empty()) CallAfter([this] { run_screenshots(); });
    if (exit_when_shown())  // once the first page has been painted
        Bind(wxEVT_IDLE, [this](wxIdleEvent&) {
            if (!frame_ || closing_) return;
            closing_ = true;
            frame_->Update();
            frame_->Close(true);
        });
    return true;
}

void App::add_plugin_catalogs() {
    for (const auto& p : suite_->plugins().loaded()) {
        const auto domain = p->plugin->translation_domain();
        if (!domain.empty()) wxTranslations::Get()->AddCatalog(wxString::FromUTF8(domain));
    }
    suite_->plugins().refresh_info();
}

void App::run_screenshots() {
    const std::filesystem::path dir(screenshots_option_.utf8_string());
    std::filesystem::create_directories(dir);
    const int failed = take_screenshots(*frame_, dir);
    if (failed > 0 || errors_ > 0) {
        std::cerr << "screenshots: " << failed << " page(s) failed, " << errors_ << " error(s) shown\n";
        exit_code_ = 1;
    }
    frame_->Close(true);
}

int App::OnExit() {
    set_translator(nullptr);
    set_plural_translator(nullptr);
    set_non_interactive(nullptr);
    delete wxConfigBase::Set(nullptr);
    return wxApp::OnExit();
}

}  // namespace maillage::ui

wxIMPLEMENT_APP(maillage::ui::App);
