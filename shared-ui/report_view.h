#pragma once
// A report as it is saved: the standalone HTML page of the core's to_html() (CSS, inline
// SVG charts) drawn by a real web engine (wxWebView: WebKitGTK), so that the preview
// and the saved file are the same page; printing goes through the engine too.
#include <wx/panel.h>

#include <string>

class wxHtmlWindow;
class wxWebView;

namespace maillage::ui {

class ReportView : public wxPanel {
public:
    explicit ReportView(wxWindow* parent, wxWindowID id = wxID_ANY);

    // Shows `html`, a whole page (core/report.h to_html()).
    void set_html(const std::string& html);
    const std::string& html() const { return html_; }
    // Opens the print dialog of the engine (a printer, or a PDF file). False when no
    // engine is available.
    bool print();
    // The words the page shows, without markup, one block per line (the screenshot mode
    // writes them out).
    wxString text() const;
    // True while the engine is still loading the last page.
    bool loading() const;
    // Scrolls the page down by about one screen; false when it was already at the end
    // (the screenshot mode captures long reports screen by screen).
    bool scroll_one_screen();
    // False when the web engine could not be created (the preview then falls back to
    // wxHtmlWindow, which draws neither CSS nor SVG).
    bool has_engine() const { return web_ != nullptr; }

private:
    wxWebView* web_ = nullptr;
    wxHtmlWindow* fallback_ = nullptr;
    std::string html_;
};

// The visible text of an HTML page: head, style and script dropped, tags turned into
// line breaks, the usual entities decoded.
std::string html_visible_text(const std::string& html);

}  // namespace maillage::ui
