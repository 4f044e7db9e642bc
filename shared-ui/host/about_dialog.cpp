#include "about_dialog.h"

#include "main_frame.h"

#include "core/database.h"

#include <wx/button.h>
#include <wx/html/htmlwin.h>
#include <wx/intl.h>
#include <wx/sizer.h>

namespace maillage::ui {
namespace {
wxString esc(const wxString& s) {
    wxString out = s;
    out.Replace("&", "&amp;");
    out.Replace("<", "&lt;");
    out.Replace(">", "&gt;");
    return out;
}
wxString u8(const std::string& s) { return esc(wxString::FromUTF8(s)); }
}  // namespace

AboutDialog::AboutDialog(wxWindow* parent, MainFrame& frame)
    : wxDialog(parent, wxID_ANY, _("About Maillage"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER) {
    Suite& suite = frame.suite();
    wxString html = "<html><body>";
    html << "<h2>Maillage " << MAILLAGE_VERSION << "</h2><p>"
         << esc(_("Networks, intervisions, peer support and training for the social-health sector.")) << "</p>";
    if (suite.is_open())
        html << "<p><b>" << esc(_("Database:")) << "</b> " << u8(suite.database().path().string()) << "</p>";

    html << "<h3>" << esc(_("Loaded plugins")) << "</h3>";
    if (suite.plugins().loaded().empty()) {
        html << "<p>" << esc(_("No plugin is loaded.")) << "</p>";
    } else {
        html << "<table border=1 cellpadding=3 cellspacing=0><tr><th>" << esc(_("Plugin")) << "</th><th>"
             << esc(_("Version")) << "</th><th>" << esc(_("Description")) << "</th><th>" << esc(_("File"))
             << "</th></tr>";
        for (const auto& p : suite.plugins().loaded())
            html << "<tr><td>" << u8(p->info.name) << " (" << u8(p->info.id) << ")</td><td>" << u8(p->info.version)
                 << "</td><td>" << u8(p->info.description) << "</td><td>" << u8(p->file.filename().string())
                 << (p->ui_file.empty() ? wxString() : "<br>" + u8(p->ui_file.filename().string())) << "</td></tr>";
        html << "</table>";
    }
    html << "<h3>" << esc(_("Refused plugins")) << "</h3>";
    if (suite.plugins().refused().empty()) {
        html << "<p>" << esc(_("None.")) << "</p>";
    } else {
        html << "<table border=1 cellpadding=3 cellspacing=0><tr><th>" << esc(_("File")) << "</th><th>"
             << esc(_("Reason")) << "</th></tr>";
        for (const auto& r : suite.plugins().refused())
            html << "<tr><td>" << u8(r.file.string()) << "</td><td>" << u8(r.reason) << "</td></tr>";
        html << "</table>";
    }
    html << "</body></html>";

    auto* sizer = new wxBoxSizer(wxVERTICAL);
    auto* view = new wxHtmlWindow(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(640, 420)));
    view->SetPage(html);
    sizer->Add(view, 1, wxEXPAND | wxALL, 8);
    auto* buttons = new wxStdDialogButtonSizer();
    buttons->AddButton(new wxButton(this, wxID_OK, _("Close")));
    buttons->Realize();
    sizer->Add(buttons, 0, wxEXPAND | wxALL, 8);
    SetSizerAndFit(sizer);
    CentreOnParent();
}

}  // namespace maillage::ui
