#include "ui/session_dialogs.h"

#include "ui/dialog_util.h"

#include "core/database.h"
#include "core/institutions.h"
#include "core/locale_format.h"
#include "core/validate.h"
#include "shared-ui/date_pickers.h"
#include "shared-ui/display.h"
#include "shared-ui/list_panel.h"
#include "shared-ui/pickers.h"

#include <wx/textctrl.h>

namespace maillage::intervision {
namespace {
bool is_hhmm(const std::string& t) {
    return t.size() == 5 && t[2] == ':' && isdigit(t[0]) && isdigit(t[1]) && isdigit(t[3]) && isdigit(t[4]) &&
           t.substr(0, 2) < "24" && t.substr(3, 2) < "60";
}
}  // namespace

GenerateDialog::GenerateDialog(wxWindow* parent, ui::UiContext* context, Database& db, int64_t cycle_id)
    : wxDialog(parent, wxID_ANY, _("Generate the sessions of the cycle"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER) {
    SetName("generate-dialog");
    plan_ = preview_cycle_sessions(db, cycle_id);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    ui::add_paragraph(
        this, sizer,
        wxString::Format(_("%zu sessions will be planned, one a month per group on its slot (none in July and August, "
                           "on public holidays or in closure periods); itinerant groups get their hosts in turn."),
                         plan_.sessions.size()),
        760);
    auto* preview = new ui::ListPanel(this, context,
                                      {.id = "intervision.generate",
                                       .title = _("Sessions to generate"),
                                       .columns = {{_("Group"), 130},
                                                   {_("Date"), 100, ui::ColumnKind::Date},
                                                   {_("Time"), 100},
                                                   {_("Host"), 200},
                                                   {_("Note"), 260}},
                                       .search_hint = _("Search group, date, host…")});
    preview->SetName("preview");
    auto rows = std::make_shared<ui::TableRowSource>();
    int64_t n = 0;
    for (const auto& s : plan_.sessions)
        rows->add(++n, {u8(s.group), ui::display_date(s.date),
                        u8(locale::time(s.start_time) + "–" + locale::time(s.end_time)), u8(s.host), u8(s.note)});
    preview->set_source(rows);
    preview->SetMinSize(FromDIP(wxSize(800, 320)));
    sizer->Add(preview, 1, wxEXPAND | wxLEFT | wxRIGHT, 10);
    // What goes: said before anything is written.
    wxString replaced;
    if (plan_.replaced.empty()) {
        replaced = _("No session is replaced.");
    } else {
        // Group by group: "Groupe lundi: 14/09/2026, 12/10/2026…".
        replaced = wxString::Format(_("%zu planned sessions without attendance are replaced:"), plan_.replaced.size());
        std::string group;
        for (const auto& r : plan_.replaced) {
            if (r.group != group) {
                replaced += "\n" + wxString::Format(_("%s: "), u8(r.group));
                group = r.group;
            } else {
                replaced += ", ";
            }
            replaced += ui::display_date(r.date);
        }
    }
    if (plan_.kept > 0)
        replaced += "\n" + wxString::Format(wxPLURAL("%d held, cancelled, attended or hand-set session stays as it is.",
                                                     "%d held, cancelled, attended or hand-set sessions stay as they are.",
                                                     plan_.kept),
                                            plan_.kept);
    ui::add_paragraph(this, sizer, replaced, 760)->SetName("replaced");
    if (!plan_.notes.empty()) {
        wxString notes;
        for (const auto& s : plan_.notes) notes += (notes.empty() ? "" : "\n") + u8(s);
        auto* notes_text = new wxStaticText(this, wxID_ANY, notes);
        notes_text->SetName("notes");
        notes_text->SetForegroundColour(wxColour(160, 90, 0));
        sizer->Add(notes_text, 0, wxLEFT | wxRIGHT | wxBOTTOM, 10);
    }
    sizer->Add(action_buttons(this, _("Generate")), 0, wxEXPAND | wxALL, 8);
    SetSizerAndFit(sizer);
    FindWindow(wxID_OK)->Enable(!plan_.sessions.empty() || !plan_.replaced.empty());
    CentreOnParent();
}

SessionDialog::SessionDialog(wxWindow* parent, const wxString& title, const std::string& date,
                             const std::string& start, const std::string& end, const std::string& place)
    : wxDialog(parent, wxID_ANY, title) {
    SetName("session-dialog");
    FieldGrid grid(this);
    date_ = grid.add(_("Date:"), new ui::DatePicker(this), "date");
    date_->set_iso(date);
    start_ = grid.add(wxGETTEXT_IN_CONTEXT("time", "From:"), new wxTextCtrl(this, wxID_ANY, u8(start)), "start");
    end_ = grid.add(wxGETTEXT_IN_CONTEXT("time", "To:"), new wxTextCtrl(this, wxID_ANY, u8(end)), "end");
    place_ = grid.add(_("Place:"), new wxTextCtrl(this, wxID_ANY, u8(place), wxDefaultPosition, FromDIP(wxSize(380, -1))),
                      "place");
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(grid.sizer(), 1, wxEXPAND | wxALL, 10);
    problem_ = end_layout(this, sizer, action_buttons(this, _("Save")), [this] { check(); });
}

void SessionDialog::check() {
    if (date_->iso().empty()) return show_problem(this, problem_, _("The date is not a date."));
    if (!is_hhmm(start()) || !is_hhmm(end()) || end() <= start())
        return show_problem(this, problem_, _("The times are HH:MM, the end after the start."));
    EndModal(wxID_OK);
}

std::string SessionDialog::date() const { return date_->iso(); }
std::string SessionDialog::start() const { return start_->GetValue().Strip(wxString::both).utf8_string(); }
std::string SessionDialog::end() const { return end_->GetValue().Strip(wxString::both).utf8_string(); }
std::string SessionDialog::place() const { return place_->GetValue().Strip(wxString::both).utf8_string(); }

ReasonDialog::ReasonDialog(wxWindow* parent, const wxString& question, const wxString& ok_label)
    : wxDialog(parent, wxID_ANY, ok_label) {
    SetName("reason-dialog");
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    ui::add_paragraph(this, sizer, question, 420);
    FieldGrid grid(this);
    reason_ = grid.add(_("Reason:"), new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, FromDIP(wxSize(340, -1))),
                       "reason");
    sizer->Add(grid.sizer(), 0, wxEXPAND | wxLEFT | wxRIGHT, 10);
    sizer->Add(action_buttons(this, ok_label), 0, wxEXPAND | wxALL, 8);
    SetSizerAndFit(sizer);
    auto* ok = FindWindow(wxID_OK);
    ok->Disable();
    reason_->Bind(wxEVT_TEXT, [this, ok](wxCommandEvent&) { ok->Enable(!reason().empty()); });
    CentreOnParent();
}

std::string ReasonDialog::reason() const { return reason_->GetValue().Strip(wxString::both).utf8_string(); }

NotesDialog::NotesDialog(wxWindow* parent, const std::string& presentation, const std::string& themes)
    : wxDialog(parent, wxID_ANY, _("Notes of the session"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER) {
    SetName("notes-dialog");
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    FieldGrid grid(this);
    presentation_ = grid.add(_("Host's presentation:"),
                             new wxTextCtrl(this, wxID_ANY, u8(presentation), wxDefaultPosition, FromDIP(wxSize(420, 90)),
                                            wxTE_MULTILINE),
                             "presentation");
    themes_ = grid.add(_("Themes of the vignettes:"),
                       new wxTextCtrl(this, wxID_ANY, u8(themes), wxDefaultPosition, FromDIP(wxSize(420, 90)), wxTE_MULTILINE),
                       "themes");
    sizer->Add(grid.sizer(), 1, wxEXPAND | wxALL, 10);
    auto* privacy = new wxStaticText(this, wxID_ANY, _("No detail that identifies the people discussed."));
    privacy->SetForegroundColour(wxColour(160, 90, 0));
    sizer->Add(privacy, 0, wxLEFT | wxRIGHT, 10);
    sizer->Add(action_buttons(this, _("Save")), 0, wxEXPAND | wxALL, 8);
    SetSizerAndFit(sizer);
    CentreOnParent();
}

std::string NotesDialog::presentation() const { return presentation_->GetValue().Strip(wxString::both).utf8_string(); }
std::string NotesDialog::themes() const { return themes_->GetValue().Strip(wxString::both).utf8_string(); }

HostDialog::HostDialog(wxWindow* parent, Database& db, std::optional<int64_t> host)
    : wxDialog(parent, wxID_ANY, _("Host of the session")) {
    SetName("host-dialog");
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    FieldGrid grid(this);
    host_ = grid.add(_("Hosted by:"), new ui::InstitutionPicker(this, db), "host");
    host_->SetMinSize(FromDIP(wxSize(340, -1)));
    if (host)
        if (auto i = InstitutionRepository(db).get(*host)) host_->set_selection(i->id, u8(i->name));
    sizer->Add(grid.sizer(), 0, wxEXPAND | wxALL, 10);
    auto* hint = new wxStaticText(this, wxID_ANY, _("The session's place becomes the host's address."));
    sizer->Add(hint, 0, wxLEFT | wxRIGHT, 10);
    sizer->Add(action_buttons(this, _("Save")), 0, wxEXPAND | wxALL, 8);
    SetSizerAndFit(sizer);
    CentreOnParent();
}

std::optional<int64_t> HostDialog::host() const { return host_->selection(); }

}  // namespace maillage::intervision
