#include "ui/accompaniment_page.h"

#include "accompaniments.h"
#include "pat_rules.h"
#include "ui/new_request_dialog.h"

#include "core/error.h"
#include "core/locale_format.h"
#include "core/people.h"
#include "shared-ui/messages.h"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/choicdlg.h>
#include <wx/datetime.h>
#include <wx/html/htmlwin.h>
#include <wx/intl.h>
#include <wx/msgdlg.h>
#include <wx/sizer.h>
#include <wx/textdlg.h>
#include <wx/utils.h>

#include <map>

namespace maillage::pat {
namespace {

wxString esc(const std::string& s) {
    wxString out = wxString::FromUTF8(s);
    out.Replace("&", "&amp;");
    out.Replace("<", "&lt;");
    out.Replace(">", "&gt;");
    return out;
}

// A date of the record as the UI language writes it.
wxString esc_date(const std::string& iso) { return esc(locale::short_date(iso)); }

wxString row(const wxString& label, const wxString& value) {
    return "<tr><td><b>" + label + "</b></td><td>" + (value.empty() ? wxString("—") : value) + "</td></tr>";
}

std::string today() { return wxDateTime::Today().FormatISODate().utf8_string(); }

}  // namespace

AccompanimentPage::AccompanimentPage(wxWindow* parent, ui::UiContext& context) : PageBase(parent, context) {
    auto* top = new wxBoxSizer(wxVERTICAL);
    auto* bar = new wxBoxSizer(wxHORIZONTAL);
    choice_ = new wxChoice(this, wxID_ANY);
    bar->Add(choice_, 1, wxRIGHT, 8);
    auto* phase = new wxButton(this, wxID_ANY, _("Change phase…"));
    auto* step = new wxButton(this, wxID_ANY, _("Update a step…"));
    auto* request = new wxButton(this, wxID_ANY, _("&New request…"));
    request->SetName("new-request");
    bar->Add(phase, 0, wxRIGHT, 4);
    bar->Add(step, 0, wxRIGHT, 4);
    bar->Add(request, 0);
    top->Add(bar, 0, wxEXPAND | wxALL, 8);
    html_ = new wxHtmlWindow(this, wxID_ANY);
    top->Add(html_, 1, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, 8);
    SetSizer(top);
    choice_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) {
        this->context().set_preference("pat.current", wxString::Format("%lld", static_cast<long long>(current())));
        show();
    });
    phase->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { change_phase(); });
    step->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { change_step(); });
    request->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { new_request(); });

    // Document links open in the browser; the empty page's "record the first request"
    // opens the dialog (after the click: the dialog's outcome reloads this page).
    html_->Bind(wxEVT_HTML_LINK_CLICKED, [this](wxHtmlLinkEvent& e) {
        if (e.GetLinkInfo().GetHref() == "maillage:new-request")
            CallAfter([this] { new_request(); });
        else
            wxLaunchDefaultBrowser(e.GetLinkInfo().GetHref());
    });
    refresh();
}

int64_t AccompanimentPage::current() const {
    const int i = choice_->GetSelection();
    return i >= 0 && size_t(i) < ids_.size() ? ids_[size_t(i)] : 0;
}

void AccompanimentPage::refresh() {
    long long wanted = 0;
    context().preference("pat.current", "0").ToLongLong(&wanted);
    choice_->Clear();
    ids_.clear();
    for (const auto& a : AccompanimentRepository(database()).list()) {
        choice_->Append(wxString::Format("#%lld  %s — %s", static_cast<long long>(a.id),
                                         wxString::FromUTF8(a.institution_name), wxString::FromUTF8(phase_label(a.phase))));
        ids_.push_back(a.id);
        if (a.id == wanted) choice_->SetSelection(int(ids_.size()) - 1);
    }
    if (choice_->GetSelection() == wxNOT_FOUND && !ids_.empty()) {
        // Nothing chosen yet: open one under way rather than a bare request.
        int pick = 0;
        const auto all = AccompanimentRepository(database()).list();
        for (size_t i = 0; i < all.size(); ++i)
            if (all[i].phase == "follow_up" || (all[i].phase == "hired" && pick == 0)) pick = int(i);
        choice_->SetSelection(pick);
    }
    show();
}

void AccompanimentPage::show() {
    const auto id = current();
    AccompanimentRepository repo(database());
    const auto a = repo.get(id);
    if (!a) {
        html_->SetPage("<p>" + _("No accompaniment yet. When an institution asks PAT to help it hire a peer worker, "
                                 "record its request here; the analysis, the steps of the guide and the sessions "
                                 "follow from it.") +
                       "</p><p><a href=\"maillage:new-request\">" + _("Record the first request…") + "</a></p>");
        return;
    }
    const std::string lang = context().language();
    wxString h = "<html><body><h2>" + esc(a->institution_name) + "</h2>";
    h += "<p><b>" + wxString::FromUTF8(phase_label(a->phase)) + "</b></p>";
    h += "<h3>" + _("Request") + "</h3><table>";
    wxString contact = esc(a->contact_name);
    if (a->contact_person_id)
        if (auto p = PersonRepository(database()).get(*a->contact_person_id)) contact = esc(p->display_name());
    h += row(_("Date"), esc_date(a->request_date)) + row(_("Contact person"), contact) +
         row(_("Heard of PAT through"), esc(a->heard_from)) + row(_("Region"), a->region == "brussels"   ? _("Brussels")
                                       : a->region == "wallonia" ? _("Wallonia")
                                       : a->region == "flanders" ? _("Flanders")
                                                                 : wxString()) +
         row(_("Funder"), esc(a->funder_code)) + "</table>";
    h += "<h3>" + _("Analysis") + "</h3><table>";
    h += row(_("Analysis started"), esc_date(a->analysis_date)) +
         row(_("Decision"), esc(a->decision.empty() ? std::string() : decision_label(a->decision) + " (" + locale::short_date(a->decision_date) + ")")) +
         row(_("Reason"), esc(a->decision_reason)) +
         row(_("Intake questionnaire"), a->intake_response_id ? wxString::Format(_("response #%lld"),
                                                                                 static_cast<long long>(*a->intake_response_id))
                                                               : wxString()) +
         "</table>";
    h += "<h3>" + _("Steps of the guide") + "</h3><table border=0 cellpadding=2>";
    for (const auto& s : repo.step_states(id, lang)) {
        wxString dates = esc_date(s.started_on);
        if (!s.finished_on.empty()) dates += " → " + esc_date(s.finished_on);
        h += "<tr><td>" + wxString::Format("%d. ", s.position) + esc(s.label) + "</td><td><i>" +
             wxString::FromUTF8(step_state_label(s.state)) + "</i></td><td>" + dates + "</td><td>" + esc(s.notes) + "</td></tr>";
    }
    h += "</table>";
    const auto count = repo.session_count(id);
    std::map<std::string, std::string> types;
    for (const auto& t : repo.session_types(true)) types[t.code] = t.label(lang);
    for (const char* phase : {"accompaniment", "follow_up"}) {
        const std::string p = phase;
        h += "<h3>" + (p == "accompaniment" ? wxString::Format(_("Sessions: %d held / %d planned"), count.held, count.planned)
                                            : wxString::Format(_("Post-hire follow-up: %d sessions held"), count.follow_up)) +
             "</h3><table border=0 cellpadding=2>";
        for (const auto& s : repo.sessions(id)) {
            if (s.phase != p) continue;
            h += "<tr><td>" + esc_date(s.date) + "</td><td>" + esc(types[s.type]) + "</td><td>" +
                 wxString::Format(_("%d min + %d min preparation"), s.duration_minutes, s.preparation_minutes) +
                 "</td><td>" + wxString::Format(_("%zu staff, %zu attendees"), s.staff.size(), s.attendees.size()) +
                 "</td><td>" + esc(locale::session_status_name(s.status)) + "</td><td><font color=#b05000>" + esc(s.staff_warning) + "</font></td></tr>";
        }
        h += "</table>";
    }
    h += "<h3>" + _("Hires") + "</h3><ul>";
    for (const auto& hire : repo.hires(id)) {
        h += "<li>" + (hire.status == "effective" ? wxString::Format(_("Hired on %s"), esc_date(hire.hire_date))
                                                  : wxString::Format(_("Announced on %s"), esc_date(hire.announced_date)));
        if (!hire.job_title.empty()) h += ", " + esc(hire.job_title);
        if (hire.working_time_percent) h += ", " + wxString::FromUTF8(locale::percent(*hire.working_time_percent, 0));
        if (!hire.contract_type.empty()) h += ", " + esc(hire.contract_type);
        h += "</li>";
    }
    h += "</ul>";
    if (a->phase == "closed")
        h += "<h3>" + _("Closed") + "</h3><p>" + esc_date(a->closed_date) + " — " + esc(a->closing_reason) + "</p>";
    h += "<h3>" + _("Documents") + "</h3><ul>";
    for (const auto& d : repo.documents(id)) h += "<li><a href=\"" + esc(d.link) + "\">" + esc(d.title) + "</a></li>";
    h += "</ul></body></html>";
    html_->SetPage(h);
}

void AccompanimentPage::new_request() {
    NewRequestDialog dialog(this, database(), today());
    if (dialog.ShowModal() != wxID_OK) return;
    context().set_preference("pat.current", wxString::Format("%lld", static_cast<long long>(dialog.created_id())));
    context().data_changed();
    refresh();
    context().set_status(_("Request recorded."));
}

void AccompanimentPage::change_phase() {
    const auto id = current();
    auto a = AccompanimentRepository(database()).get(id);
    if (!a) return;
    const auto next = PhaseRules::next(a->phase);
    if (next.empty()) {
        wxMessageBox(_("A closed accompaniment stays closed."), _("Change phase"), wxOK | wxICON_INFORMATION, this);
        return;
    }
    wxArrayString labels;
    for (const auto& p : next) labels.Add(wxString::FromUTF8(phase_label(p)));
    const int pick = wxGetSingleChoiceIndex(_("Move the accompaniment to:"), _("Change phase"), labels, this);
    if (pick < 0) return;
    wxString reason;
    if (next[size_t(pick)] == "closed") {
        // Closing is for good: the accompaniment cannot be reopened from the window.
        if (!ui::confirm_destructive(this,
                                     wxString::Format(_("Close the accompaniment of %s?"),
                                                      wxString::FromUTF8(a->institution_name)),
                                     _("A closed accompaniment stays closed: no phase can follow."),
                                     _("Close the accompaniment")))
            return;
        reason = wxGetTextFromUser(_("Why is the accompaniment closed?"), _("Change phase"), wxString(), this);
        if (reason.empty()) return;
    }
    try {
        AccompanimentRepository(database()).set_phase(id, next[size_t(pick)], today(), reason.utf8_string());
        context().data_changed();
        refresh();
    } catch (const Error& e) {
        wxMessageBox(wxString::FromUTF8(e.what()), _("Change phase"), wxOK | wxICON_WARNING, this);
    }
}

void AccompanimentPage::change_step() {
    const auto id = current();
    if (!id) return;
    AccompanimentRepository repo(database());
    const auto steps = repo.step_states(id, context().language());
    wxArrayString labels;
    for (const auto& s : steps)
        labels.Add(wxString::Format("%d. %s (%s)", s.position, wxString::FromUTF8(s.label),
                                    wxString::FromUTF8(step_state_label(s.state))));
    const int step = wxGetSingleChoiceIndex(_("Which step?"), _("Update a step"), labels, this);
    if (step < 0) return;
    wxArrayString states;
    for (const auto& s : kStepStates) states.Add(wxString::FromUTF8(step_state_label(s)));
    const int state = wxGetSingleChoiceIndex(_("New state (dated today):"), _("Update a step"), states, this);
    if (state < 0) return;
    try {
        repo.set_step(id, steps[size_t(step)].code, kStepStates[size_t(state)], today());
        context().data_changed();
        show();
    } catch (const Error& e) {
        wxMessageBox(wxString::FromUTF8(e.what()), _("Update a step"), wxOK | wxICON_WARNING, this);
    }
}

}  // namespace maillage::pat
