#pragma once
// What the GUI test programs under tests/gui share: letting the event loop run, saving a
// window's pixels as a PNG, and a main() that starts wxWidgets under Xvfb, turns wx
// assertions and error messages into test failures, and runs the tests.
#include "shared-ui/messages.h"
#include "shared-ui/plugin_ui.h"

#include <gtest/gtest.h>
#include <wx/app.h>
#include <wx/bitmap.h>
#include <wx/dcclient.h>
#include <wx/dcmemory.h>
#include <wx/image.h>
#include <wx/init.h>
#include <wx/utils.h>
#include <wx/window.h>

#include <clocale>
#include <cstdio>
#include <filesystem>
#include <map>
#include <string>

namespace maillage::test {

// Lets pending events, paints and timers run (rounds × 20 ms).
inline void settle_gui(int rounds = 10) {
    for (int i = 0; i < rounds; ++i) {
        wxTheApp->Yield(true);
        wxWakeUpIdle();
        wxMilliSleep(20);
    }
}

// The window's client area, as shown, into `file` (its folder is made); true when written.
inline bool save_client_png(wxWindow* window, const std::filesystem::path& file) {
    window->Update();
    const wxSize size = window->GetClientSize();
    wxBitmap bitmap(size, 24);
    {
        wxMemoryDC memory(bitmap);
        wxClientDC source(window);
        memory.Blit(0, 0, size.x, size.y, &source, 0, 0);
    }
    std::filesystem::create_directories(file.parent_path());
    return bitmap.ConvertToImage().SaveFile(wxString(file.string()), wxBITMAP_TYPE_PNG);
}

// Lets the window settle (`rounds`), then saves its client area as `<dir>/<name>.png`;
// a failed test when it cannot be written. Returns the file.
inline std::filesystem::path snap_client(wxWindow* window, const std::filesystem::path& dir, const std::string& name,
                                         int rounds = 10) {
    settle_gui(rounds);
    const auto file = dir / (name + ".png");
    EXPECT_TRUE(save_client_png(window, file)) << file;
    return file;
}

// The window's side of a page or dialog under test: the database and frame given, the
// changes announced counted, the last status kept, preferences kept in memory.
struct TestContext : ui::UiContext {
    Database* db = nullptr;
    wxWindow* frame = nullptr;
    int changes = 0;
    wxString status;
    std::map<std::string, wxString> prefs;
    Database& database() override { return *db; }
    wxWindow* main_window() override { return frame; }
    void data_changed() override { ++changes; }
    void set_status(const wxString& text) override { status = text; }
    void show_page(const std::string&) override {}
    wxString preference(const std::string& key, const wxString& fallback) override {
        auto it = prefs.find(key);
        return it == prefs.end() ? fallback : it->second;
    }
    void set_preference(const std::string& key, const wxString& value) override { prefs[key] = value; }
    std::string language() override { return "en"; }
};

struct GuiTestOptions {
    bool utf8_locale = false;     // draw in C.UTF-8, as the window runs ("…" in labels)
    bool fail_on_errors = false;  // an error message shown to the user fails the test
};

// main() of a GUI test program.
inline int run_gui_tests(int argc, char** argv, GuiTestOptions options) {
    testing::InitGoogleTest(&argc, argv);
    if (options.utf8_locale) std::setlocale(LC_ALL, "C.UTF-8");
    wxApp::SetInstance(new wxApp);
    if (!wxEntryStart(argc, argv) || !wxTheApp->CallOnInit()) {
        std::fprintf(stderr, "cannot start wxWidgets (is there a display? run under xvfb-run -a)\n");
        return 2;
    }
    wxInitAllImageHandlers();
    wxSetAssertHandler([](const wxString& file, int line, const wxString& func, const wxString& cond,
                          const wxString& msg) {
        ADD_FAILURE() << "wx assertion " << cond << " in " << func << " (" << file << ":" << line << "): " << msg;
    });
    if (options.fail_on_errors)
        ui::set_non_interactive([](const wxString& message) { ADD_FAILURE() << "error shown: " << message; });
    const int result = RUN_ALL_TESTS();
    if (options.fail_on_errors) ui::set_non_interactive(nullptr);
    wxTheApp->OnExit();
    wxEntryCleanup();
    return result;
}

}  // namespace maillage::test
