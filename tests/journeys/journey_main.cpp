// The journey tests' main: wxWidgets starts once for all journeys (under xvfb-run).
#include "shared-ui/messages.h"

#include <gtest/gtest.h>
#include <wx/app.h>
#include <wx/image.h>
#include <wx/init.h>

#include <clocale>
#include <cstdio>

int main(int argc, char** argv) {
    testing::InitGoogleTest(&argc, argv);
    // As the window does (wxUILocale::UseDefault), but UTF-8 whatever the environment:
    // source strings with "…" or "é" convert to wxString through the C library.
    std::setlocale(LC_ALL, "C.UTF-8");
    wxApp::SetInstance(new wxApp);
    if (!wxEntryStart(argc, argv) || !wxTheApp->CallOnInit()) {
        std::fprintf(stderr, "cannot start wxWidgets (is there a display? run under xvfb-run -a)\n");
        return 2;
    }
    wxTheApp->SetAppName("maillage");
    wxInitAllImageHandlers();
    // A failed wx assertion is a failed journey, not a dialog waiting for a click.
    wxSetAssertHandler([](const wxString& file, int line, const wxString& func, const wxString& cond,
                          const wxString& msg) {
        ADD_FAILURE() << "wx assertion " << cond << " in " << func << " (" << file << ":" << line << "): " << msg;
    });
    // An error the window shows is a failed journey; questions (confirm()) are answered
    // "no" without a user.
    maillage::ui::set_non_interactive(
        [](const wxString& message) { ADD_FAILURE() << "error shown: " << message.utf8_string(); });
    const int result = RUN_ALL_TESTS();
    maillage::ui::set_non_interactive(nullptr);
    wxTheApp->OnExit();
    wxEntryCleanup();
    return result;
}
