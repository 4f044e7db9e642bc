#include "screenshots.h"

#include "about_dialog.h"
#include "main_frame.h"
#include "preferences_dialog.h"
#include "retention_dialog.h"

#include <wx/app.h>
#include <wx/bitmap.h>
#include <wx/dcclient.h>
#include <wx/dcmemory.h>
#include <wx/dcscreen.h>
#include <wx/image.h>
#include <wx/utils.h>

#include <fstream>
#include <iostream>

namespace maillage::ui {
namespace {

// Lets GTK lay out and paint what was just shown.
void settle(wxWindow* window) {
    for (int i = 0; i < 15; ++i) {
        window->Update();
        wxTheApp->Yield(true);
        wxMilliSleep(20);
    }
}

bool all_one_colour(const wxImage& image) {
    if (!image.IsOk() || image.GetWidth() == 0) return true;
    const unsigned char* d = image.GetData();
    const size_t n = static_cast<size_t>(image.GetWidth()) * image.GetHeight() * 3;
    for (size_t i = 3; i < n; i += 3)
        if (d[i] != d[0] || d[i + 1] != d[1] || d[i + 2] != d[2]) return false;
    return true;
}

}  // namespace

bool save_window_png(wxWindow* window, const std::filesystem::path& file) {
    const wxSize size = window->GetClientSize();
    if (size.x <= 0 || size.y <= 0) return false;
    wxBitmap bitmap(size);
    {
        wxMemoryDC memory(bitmap);
        wxClientDC client(window);
        memory.Blit(0, 0, size.x, size.y, &client, 0, 0);
    }
    wxImage image = bitmap.ConvertToImage();
    if (all_one_colour(image)) {
        // Some GTK back-ends cannot read a window back: read the screen instead (X11).
        const wxPoint origin = window->ClientToScreen(wxPoint(0, 0));
        wxBitmap screen_bitmap(size);
        {
            wxMemoryDC memory(screen_bitmap);
            wxScreenDC screen;
            memory.Blit(0, 0, size.x, size.y, &screen, origin.x, origin.y);
        }
        image = screen_bitmap.ConvertToImage();
    }
    return image.SaveFile(wxString::FromUTF8(file.string()), wxBITMAP_TYPE_PNG);
}

int take_screenshots(MainFrame& frame, const std::filesystem::path& dir) {
    int failed = 0;
    std::ofstream manifest(dir / "pages.txt");
    frame.Raise();
    settle(&frame);
    for (const auto& id : frame.page_ids()) {
        manifest << id << '\n';
        if (!frame.show_page_now(id)) {
            std::cerr << "page " << id << " could not be shown\n";
            ++failed;
        }
        settle(&frame);
        if (!save_window_png(&frame, dir / (id + ".png"))) {
            std::cerr << "page " << id << ": screenshot failed\n";
            ++failed;
        }
    }
    AboutDialog about(&frame, frame);
    about.Show();
    settle(&about);
    if (!save_window_png(&about, dir / "about.png")) ++failed;
    about.Hide();
    PreferencesDialog preferences(&frame, frame, frame.suite());
    preferences.Show();
    settle(&preferences);
    if (!save_window_png(&preferences, dir / "preferences.png")) ++failed;
    preferences.Hide();
    RetentionDialog retention(&frame, frame.suite().database());
    retention.Show();
    settle(&retention);
    if (!save_window_png(&retention, dir / "retention.png")) ++failed;
    retention.Hide();
    return failed;
}

}  // namespace maillage::ui
