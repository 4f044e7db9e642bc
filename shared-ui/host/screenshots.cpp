#include "screenshots.h"

#include "about_dialog.h"
#include "main_frame.h"
#include "preferences_dialog.h"
#include "retention_dialog.h"

#include "shared-ui/chart.h"
#include "shared-ui/report_view.h"

#include <wx/app.h>
#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/checklst.h>
#include <wx/choice.h>
#include <wx/combobox.h>
#include <wx/dataview.h>
#include <wx/grid.h>
#include <wx/html/htmlwin.h>
#include <wx/listbox.h>
#include <wx/listctrl.h>
#include <wx/notebook.h>
#include <wx/radiobut.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/treectrl.h>
#include <wx/bitmap.h>
#include <wx/dcclient.h>
#include <wx/dcmemory.h>
#include <wx/dcscreen.h>
#include <wx/image.h>
#include <wx/utils.h>

#include <algorithm>
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

// The report views `window` shows.
std::vector<ReportView*> report_views(wxWindow* window) {
    std::vector<ReportView*> views;
    std::vector<wxWindow*> todo{window};
    while (!todo.empty()) {
        wxWindow* w = todo.back();
        todo.pop_back();
        if (auto* view = dynamic_cast<ReportView*>(w); view && view->IsShownOnScreen()) views.push_back(view);
        for (auto* child : w->GetChildren()) todo.push_back(child);
    }
    return views;
}

// Waits (up to a few seconds) for the web views of `window` to finish their pages.
void wait_for_web_views(wxWindow* window) {
    const std::vector<ReportView*> views = report_views(window);
    for (int i = 0; i < 250; ++i) {
        const bool busy = std::any_of(views.begin(), views.end(), [](ReportView* v) { return v->loading(); });
        if (!busy) break;
        wxTheApp->Yield(true);
        wxMilliSleep(20);
    }
    // The engine paints in its own process: give it time to show the page.
    if (!views.empty())
        for (int i = 0; i < 50; ++i) {
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

// Enough rows of a list to see how it writes its values, without dumping a whole table.
constexpr unsigned max_rows = 300;

void add(std::vector<std::string>& out, const wxString& text) {
    wxString t = text;
    t.Replace("\n", " ");
    t.Trim().Trim(false);
    if (!t.empty()) out.push_back(t.utf8_string());
}

void tree_texts(const wxTreeCtrl* tree, wxTreeItemId item, std::vector<std::string>& out) {
    if (!item.IsOk()) return;
    if (item != tree->GetRootItem() || !tree->HasFlag(wxTR_HIDE_ROOT)) add(out, tree->GetItemText(item));
    wxTreeItemIdValue cookie;
    for (auto child = tree->GetFirstChild(item, cookie); child.IsOk(); child = tree->GetNextChild(item, cookie))
        tree_texts(tree, child, out);
}

void window_texts(wxWindow* w, std::vector<std::string>& out) {
    if (!w->IsShownOnScreen()) return;
    if (auto* html = dynamic_cast<wxHtmlWindow*>(w)) {
        for (const auto& line : wxSplit(html->ToText(), '\n', 0)) add(out, line);
        return;
    }
    if (auto* report = dynamic_cast<ReportView*>(w)) {
        wxString text = report->text();
        for (const auto& line : wxSplit(text, '\n', 0)) add(out, line);
        return;
    }
    if (auto* chart = dynamic_cast<ChartPanel*>(w)) {
        for (const auto& t : chart->texts()) add(out, t);
        return;
    }
    if (auto* list = dynamic_cast<wxListCtrl*>(w)) {
        const int columns = std::max(1, list->GetColumnCount());
        for (int c = 0; c < list->GetColumnCount(); ++c) {
            wxListItem column;
            column.SetMask(wxLIST_MASK_TEXT);
            if (list->GetColumn(c, column)) add(out, column.GetText());
        }
        const long rows = std::min<long>(list->GetItemCount(), max_rows);
        for (long r = 0; r < rows; ++r)
            for (int c = 0; c < columns; ++c) add(out, list->GetItemText(r, c));
        return;
    }
    if (auto* view = dynamic_cast<wxDataViewCtrl*>(w)) {
        for (unsigned c = 0; c < view->GetColumnCount(); ++c) add(out, view->GetColumn(c)->GetTitle());
        if (auto* model = dynamic_cast<wxDataViewListModel*>(view->GetModel())) {
            const unsigned rows = std::min(model->GetCount(), max_rows);
            for (unsigned r = 0; r < rows; ++r)
                for (unsigned c = 0; c < view->GetColumnCount(); ++c) {
                    wxVariant value;
                    model->GetValueByRow(value, r, view->GetColumn(c)->GetModelColumn());
                    if (value.GetType() == "wxDataViewIconText") {
                        wxDataViewIconText icon_text;
                        icon_text << value;
                        add(out, icon_text.GetText());
                    } else if (value.GetType() == "string") {
                        add(out, value.GetString());
                    }
                }
        }
        return;
    }
    if (auto* grid = dynamic_cast<wxGrid*>(w)) {
        for (int c = 0; c < grid->GetNumberCols(); ++c) add(out, grid->GetColLabelValue(c));
        for (int r = 0; r < std::min(grid->GetNumberRows(), int(max_rows)); ++r) {
            add(out, grid->GetRowLabelValue(r));
            for (int c = 0; c < grid->GetNumberCols(); ++c) add(out, grid->GetCellValue(r, c));
        }
        return;
    }
    if (auto* tree = dynamic_cast<wxTreeCtrl*>(w)) {
        tree_texts(tree, tree->GetRootItem(), out);
        return;
    }
    if (auto* text = dynamic_cast<wxTextCtrl*>(w)) {
        add(out, text->GetValue());
    } else if (auto* combo = dynamic_cast<wxComboBox*>(w)) {
        add(out, combo->GetValue());
    } else if (auto* items = dynamic_cast<wxListBox*>(w)) {  // wxCheckListBox too
        for (unsigned i = 0; i < std::min(items->GetCount(), max_rows); ++i) add(out, items->GetString(i));
    } else if (auto* choice = dynamic_cast<wxChoice*>(w)) {
        add(out, choice->GetStringSelection());
    } else if (auto* notebook = dynamic_cast<wxNotebook*>(w)) {
        for (size_t i = 0; i < notebook->GetPageCount(); ++i) add(out, notebook->GetPageText(i));
    } else if (dynamic_cast<wxStaticText*>(w) || dynamic_cast<wxButton*>(w) || dynamic_cast<wxCheckBox*>(w) ||
               dynamic_cast<wxRadioButton*>(w)) {
        add(out, w->GetLabel());
    }
    for (auto* child : w->GetChildren()) window_texts(child, out);
}

}  // namespace

std::vector<std::string> visible_texts(wxWindow* window) {
    std::vector<std::string> out;
    if (auto* top = dynamic_cast<wxTopLevelWindow*>(window)) add(out, top->GetTitle());
    window_texts(window, out);
    return out;
}

bool save_window_texts(wxWindow* window, const std::filesystem::path& file) {
    std::ofstream f(file, std::ios::binary | std::ios::trunc);
    for (const auto& line : visible_texts(window)) f << line << '\n';
    f.close();
    return bool(f);
}

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
        wait_for_web_views(&frame);
        if (!save_window_png(&frame, dir / (id + ".png"))) {
            std::cerr << "page " << id << ": screenshot failed\n";
            ++failed;
        }
        if (!save_window_texts(&frame, dir / (id + ".txt"))) ++failed;
        // A report preview: the rest of the report, screen by screen (<page>.2.png...).
        for (auto* view : report_views(&frame))
            for (int screen = 2; screen <= 12 && view->scroll_one_screen(); ++screen) {
                settle(&frame);
                save_window_png(&frame, dir / (id + "." + std::to_string(screen) + ".png"));
            }
    }
    AboutDialog about(&frame, frame);
    about.Show();
    settle(&about);
    if (!save_window_png(&about, dir / "about.png")) ++failed;
    if (!save_window_texts(&about, dir / "about.txt")) ++failed;
    about.Hide();
    PreferencesDialog preferences(&frame, frame, frame.suite());
    preferences.Show();
    settle(&preferences);
    if (!save_window_png(&preferences, dir / "preferences.png")) ++failed;
    if (!save_window_texts(&preferences, dir / "preferences.txt")) ++failed;
    preferences.Hide();
    RetentionDialog retention(&frame, frame.suite().database());
    retention.Show();
    settle(&retention);
    if (!save_window_png(&retention, dir / "retention.png")) ++failed;
    if (!save_window_texts(&retention, dir / "retention.txt")) ++failed;
    retention.Hide();
    return failed;
}

}  // namespace maillage::ui
