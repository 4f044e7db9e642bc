#include "shared-ui/report_view.h"

#include <wx/html/htmlwin.h>
#include <wx/sizer.h>
#if MAILLAGE_WITH_WEBKIT
#include <wx/webview.h>
#endif

namespace maillage::ui {

ReportView::ReportView(wxWindow* parent, wxWindowID id) : wxPanel(parent, id) {
    auto* sizer = new wxBoxSizer(wxVERTICAL);
#if MAILLAGE_WITH_WEBKIT
    if (wxWebView::IsBackendAvailable(wxWebViewBackendDefault))
        web_ = wxWebView::New(this, wxID_ANY, wxWebViewDefaultURLStr, wxDefaultPosition, wxDefaultSize);
    if (web_) {
        web_->EnableContextMenu(false);
        web_->EnableHistory(false);
        sizer->Add(web_, 1, wxEXPAND);
    }
#endif
    if (!web_) {
        fallback_ = new wxHtmlWindow(this, wxID_ANY);
        sizer->Add(fallback_, 1, wxEXPAND);
    }
    SetSizer(sizer);
}

void ReportView::set_html(const std::string& html) {
    html_ = html;
#if MAILLAGE_WITH_WEBKIT
    if (web_) {
        web_->SetPage(wxString::FromUTF8(html), "about:blank");
        return;
    }
#endif
    fallback_->SetPage(wxString::FromUTF8(html));
}

bool ReportView::print() {
#if MAILLAGE_WITH_WEBKIT
    if (!web_) return false;
    web_->Print();
    return true;
#else
    return false;
#endif
}

wxString ReportView::text() const { return wxString::FromUTF8(html_visible_text(html_)); }

bool ReportView::scroll_one_screen() {
#if !MAILLAGE_WITH_WEBKIT
    return false;
#else
    if (!web_) return false;
    wxString moved;
    const bool ran = web_->RunScript("(function(){var y=window.scrollY;window.scrollBy(0,window.innerHeight*0.9);"
                                     "return window.scrollY>y;})()",
                                     &moved);
    return ran && moved == "true";
#endif
}

bool ReportView::loading() const {
#if MAILLAGE_WITH_WEBKIT
    return web_ && web_->IsBusy();
#else
    return false;
#endif
}

std::string html_visible_text(const std::string& html) {
    std::string out;
    size_t i = 0;
    auto skip_element = [&](const char* name) {
        const std::string close = std::string("</") + name;
        const auto end = html.find(close, i);
        i = end == std::string::npos ? html.size() : html.find('>', end) + 1;
    };
    while (i < html.size()) {
        if (html[i] == '<') {
            const auto tag_end = html.find('>', i);
            if (tag_end == std::string::npos) break;
            const std::string tag = html.substr(i + 1, tag_end - i - 1);
            i = tag_end + 1;
            for (const char* hidden : {"head", "style", "script"})
                if (tag.rfind(hidden, 0) == 0) skip_element(hidden);
            if (!out.empty() && out.back() != '\n') out += '\n';
            continue;
        }
        if (html[i] == '&') {
            static const std::pair<const char*, const char*> entities[] = {
                {"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&#39;", "'"}, {"&nbsp;", "\u00A0"}};
            bool done = false;
            for (const auto& [entity, text] : entities)
                if (html.compare(i, std::char_traits<char>::length(entity), entity) == 0) {
                    out += text;
                    i += std::char_traits<char>::length(entity);
                    done = true;
                    break;
                }
            if (done) continue;
        }
        out += html[i++];
    }
    // One block per line, no blank lines.
    std::string lines;
    size_t start = 0;
    while (start <= out.size()) {
        auto end = out.find('\n', start);
        if (end == std::string::npos) end = out.size();
        std::string line = out.substr(start, end - start);
        const auto first = line.find_first_not_of(" \t\r");
        if (first != std::string::npos) lines += line.substr(first) + '\n';
        start = end + 1;
    }
    return lines;
}

}  // namespace maillage::ui
