#pragma once
// The screenshot mode used by the GUI smoke test and the documentation: every page in
// navigation order, then the About dialog, each saved as a PNG.
#include <filesystem>
#include <string>
#include <vector>

class wxWindow;

namespace maillage::ui {

class MainFrame;

// Saves <dir>/<page-id>.png for every page and <dir>/about.png, and writes
// <dir>/preferences.png, and <dir>/pages.txt (one page id per line). Beside each PNG,
// <name>.txt holds the texts a person reads there (labels, fields, list cells, HTML),
// one per line. Returns the number of pages that failed.
int take_screenshots(MainFrame& frame, const std::filesystem::path& dir);

// Saves what `window` shows (its client area) as a PNG; false when it could not.
bool save_window_png(wxWindow* window, const std::filesystem::path& file);

// The texts `window` shows: its title, labels, buttons, field values, the chosen item of
// a choice, list headers and cells (the first rows), HTML and web page text, charts.
std::vector<std::string> visible_texts(wxWindow* window);
bool save_window_texts(wxWindow* window, const std::filesystem::path& file);

}  // namespace maillage::ui
