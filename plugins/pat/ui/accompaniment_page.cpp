#include "ui/accompaniment_page.h"

#include "accompaniments.h"
#include "pat_rules.h"
#include "ui/accompaniment_dialogs.h"
#include "ui/new_request_dialog.h"
#include "ui/record_buttons.h"

#include "core/database.h"
#include "core/error.h"
#include "core/i18n.h"
#include "core/locale_format.h"
#include "core/people.h"
#include "core/questionnaires.h"
#include "shared-ui/confirm_delete.h"
#include "shared-ui/display.h"
#include "shared-ui/list_panel.h"
#include "shared-ui/messages.h"
#include "shared-ui/pickers.h"
#include "shared-ui/questionnaire_results.h"

#include <wx/button.h>
#include <wx/html/htmlwin.h>
#include <wx/intl.h>
#include <wx/notebook.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/utils.h>

#include <algorithm>
#include <map>

namespace maillage::pat {
namespace {

wxString u8(const std::string& s) { return wxString::FromUTF8(s); }

wxString esc(const std::string& s) {
    wxString out = wxString::FromUTF8(s);
    out.Replace("&", "&amp;");
    out.Replace("<", "&lt;");
    out.Replace(">", "&gt;");
    return out;
}

wxString esc_date(const std::string& iso) { return esc(locale::short_date(iso)); }

wxString row(const wxString& label, const wxString& value) {
    return "<tr><td><b>" + label + "</b></td><td>" + (value.empty() ? wxString("—") : value) + "</td></tr>";
}

wxString region_name(const std::string& region) {
    if (region == "brussels") return _("Brussels");
    if (region == "wallonia") return _("Wallonia");
    if (region == "flanders") return _("Flanders");
    return {};
}

wxString minutes_text(int minutes) { return wxString::Format("%d", minutes); }

}  // namespace

AccompanimentPage::AccompanimentPage(wxWindow* parent, ui::UiContext& context) : PageBase(parent, context) {
    auto* top = new wxBoxSizer(wxVERTICAL);
    auto* bar = new wxBoxSizer(wxHORIZONTAL);
    bar->Add(new wxStaticText(this, wxID_ANY, _("Accompaniment:")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 6);
    // Searched as you type: institution, phase or funder.
    chooser_ = new ui::SearchPicker(
        this,
        [this](const std::string& text, int limit) {
            std::vector<ui::PickerItem> out;
            const wxString wanted = ui::fold_for_search(u8(text));
            for (const auto& a : AccompanimentRepository(database()).list()) {
                const wxString label = u8(a.institution_name);
                const wxString detail = u8(phase_label(a.phase)) + (a.funder_code.empty() ? "" : " · " + u8(a.funder_code)) +
                                        " · " + ui::display_date(a.request_date);
                if (!wanted.empty() && !ui::fold_for_search(label + " " + detail).Contains(wanted)) continue;
                out.push_back({a.id, label, detail});
                if (int(out.size()) >= limit) break;
            }
            return out;
        },
        _("Search an institution…"), 30);
    chooser_->SetName("accompaniment");
    chooser_->on_chosen([this](const ui::PickerItem& item) { choose(item.id); });
    bar->Add(chooser_, 1, wxRIGHT, 8);
    auto* request = new wxButton(this, wxID_ANY, _("&New request…"));
    request->SetName("new-request");
    bar->Add(request, 0);
    top->Add(bar, 0, wxEXPAND | wxALL, 8);

    tabs_ = new wxNotebook(this, wxID_ANY);
    tabs_->SetName("accompaniment-tabs");
    // Summary: the request, its analysis and decision, the phases.
    auto* summary = new wxPanel(tabs_);
    auto* summary_sizer = new wxBoxSizer(wxVERTICAL);
    auto* actions = new wxBoxSizer(wxHORIZONTAL);
    auto action = [&](const wxString& label, const char* name, std::function<void()> fn) {
        auto* b = new wxButton(summary, wxID_ANY, label);
        b->SetName(name);
        b->Bind(wxEVT_BUTTON, [fn](wxCommandEvent&) { fn(); });
        actions->Add(b, 0, wxRIGHT, 4);
        needs_one_.push_back(b);
    };
    action(_("Edit the request…"), "edit-request", [this] { edit_request(); });
    action(_("Request analysis…"), "intake", [this] {
        if (record_intake_dialog(this, this->context(), current_)) changed(_("Request analysis recorded."));
    });
    action(_("Decision…"), "decide", [this] {
        if (decision_dialog(this, this->context(), current_)) changed(_("Decision recorded."));
    });
    action(_("Change phase…"), "change-phase", [this] {
        if (change_phase_dialog(this, this->context(), current_)) changed(_("Phase changed."));
    });
    action(_("Delete…"), "delete-request", [this] { delete_request(); });
    summary_sizer->Add(actions, 0, wxALL, 6);
    html_ = new wxHtmlWindow(summary, wxID_ANY);
    html_->SetName("summary");
    summary_sizer->Add(html_, 1, wxEXPAND);
    summary->SetSizer(summary_sizer);
    tabs_->AddPage(summary, _("Request and phases"));

    // The intake questionnaire's answers, as the shared results view shows them.
    auto* intake = new wxPanel(tabs_);
    auto* intake_sizer = new wxBoxSizer(wxVERTICAL);
    intake_hint_ = new wxStaticText(intake, wxID_ANY, wxString());
    intake_sizer->Add(intake_hint_, 0, wxALL, 8);
    intake_ = new ui::QuestionnaireResults(intake);
    intake_->SetName("intake-results");
    intake_sizer->Add(intake_, 1, wxEXPAND);
    intake->SetSizer(intake_sizer);
    tabs_->AddPage(intake, _("Request analysis"));

    steps_ = new ui::ListPanel(tabs_, &context,
                               {.id = "pat.steps",
                                .title = _("Steps of the guide"),
                                .columns = {{"#", 40, ui::ColumnKind::Integer},
                                            {_("Step"), 300},
                                            {_("State"), 110, ui::ColumnKind::Status},
                                            {_("Started"), 100, ui::ColumnKind::Date},
                                            {_("Finished"), 100, ui::ColumnKind::Date},
                                            {_("Notes"), 260}},
                                .search = false});
    auto open_step = [this] {
        const auto sid = steps_->selected_or_say(_("Select a step first."));
        if (!sid) return;
        for (const auto& s : AccompanimentRepository(database()).step_states(current_, this->context().language()))
            if (s.step_id == *sid && step_dialog(this, this->context(), current_, s.code)) changed(_("Step updated."));
    };
    needs_one_.push_back(steps_->add_buttons({{_("Update the step…"), open_step, "update-step"}})[0]);
    steps_->on_activate(open_step);
    tabs_->AddPage(steps_, _("Steps"));

    sessions_ = new ui::ListPanel(tabs_, &context,
                                  {.id = "pat.sessions",
                                   .title = _("Accompaniment sessions"),
                                   .columns = {{_("Date"), 90, ui::ColumnKind::Date},
                                               {_("Type"), 150},
                                               {_("Phase"), 110, ui::ColumnKind::Status},
                                               {_("Minutes"), 70, ui::ColumnKind::Integer},
                                               {_("Preparation"), 90, ui::ColumnKind::Integer},
                                               {_("Staff"), 180},
                                               {_("Attendees"), 70, ui::ColumnKind::Integer},
                                               {_("Warning"), 220},
                                               {_("Notes"), 200}},
                                   .search_hint = _("Search type, staff, notes…"),
                                   .count_format = _("%zu of %zu sessions")});
    add_record_buttons(sessions_, {.add_label = _("&Add a session…"),
                                   .add_name = "add-session",
                                   .dialog = [this](int64_t id) { return session_dialog(this, this->context(), current_, id); },
                                   .added = _("Session recorded."),
                                   .edited = _("Session changed."),
                                   .select_first = _("Select a session first."),
                                   .remove = [this] { delete_session(); }});
    tabs_->AddPage(sessions_, _("Sessions"));

    hires_ = new ui::ListPanel(tabs_, &context,
                               {.id = "pat.hires",
                                .title = _("Hires"),
                                .columns = {{_("Status"), 100, ui::ColumnKind::Status},
                                            {_("Date"), 90, ui::ColumnKind::Date},
                                            {_("Job title"), 200},
                                            {_("Working time"), 100, ui::ColumnKind::Decimal},
                                            {_("Contract"), 120},
                                            {_("Peer worker"), 180},
                                            {_("Notes"), 200}},
                                .search = false});
    add_record_buttons(hires_, {.add_label = _("Record a &hire…"),
                                .add_name = "add-hire",
                                .dialog = [this](int64_t id) { return hire_dialog(this, this->context(), current_, id); },
                                .added = _("Hire recorded."),
                                .edited = _("Hire changed."),
                                .select_first = _("Select a hire first."),
                                .remove = [this] { delete_hire(); }});
    tabs_->AddPage(hires_, _("Hires and follow-up"));

    documents_ = new ui::ListPanel(tabs_, &context,
                                   {.id = "pat.documents",
                                    .title = _("Documents"),
                                    .columns = {{_("Title"), 260}, {_("Link"), 420}},
                                    .search = false});
    auto open_document = [this] {
        const auto did = documents_->selected_id();
        for (const auto& d : AccompanimentRepository(database()).documents(current_))
            if (did && d.id == *did) wxLaunchDefaultBrowser(u8(d.link));
    };
    for (auto* b : documents_->add_buttons(
             {{_("A&ttach…"),
               [this] {
                   if (document_dialog(this, this->context(), current_)) changed(_("Document attached."));
               },
               "add-document"},
              {_("&Open"), open_document},
              {_("&Remove"), [this] { remove_document(); }}}))
        needs_one_.push_back(b);
    documents_->on_activate(open_document);
    tabs_->AddPage(documents_, _("Documents"));

    top->Add(tabs_, 1, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, 8);
    SetSizer(top);
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

void AccompanimentPage::choose(int64_t id) {
    current_ = id;
    context().set_preference("pat.current", wxString::Format("%lld", static_cast<long long>(id)));
    show();
}

void AccompanimentPage::add_record_buttons(ui::ListPanel* list, RecordTab tab) {
    auto edit = [this, list, tab] {
        if (auto id = list->selected_or_say(tab.select_first))
            if (tab.dialog(*id)) changed(tab.edited);
    };
    auto add = [this, tab] {
        if (tab.dialog(0)) changed(tab.added);
    };
    for (auto* b : add_new_edit_delete(list, {tab.add_label, add, tab.add_name}, edit, tab.remove)) needs_one_.push_back(b);
}

void AccompanimentPage::refresh() {
    long long wanted = 0;
    context().preference("pat.current", "0").ToLongLong(&wanted);
    AccompanimentRepository repo(database());
    const auto all = repo.list();
    current_ = 0;
    for (const auto& a : all)
        if (a.id == wanted) current_ = a.id;
    if (!current_ && !all.empty()) {
        // Nothing chosen yet: open one under way rather than a bare request.
        current_ = all.front().id;
        for (const auto& a : all)
            if (a.phase == "accompaniment" || a.phase == "follow_up") current_ = a.id;
    }
    show();
}

void AccompanimentPage::changed(const wxString& status) {
    context().data_changed();
    show();
    context().set_status(status);
}

void AccompanimentPage::show() {
    AccompanimentRepository repo(database());
    const auto a = repo.get(current_);
    for (auto* b : needs_one_) b->Enable(bool(a));
    if (a)
        chooser_->set_selection(a->id, u8(a->institution_name));
    else
        chooser_->clear_selection();
    const std::string lang = context().language();
    if (!a) {
        html_->SetPage("<p>" + _("No accompaniment yet. When an institution asks PAT to help it hire a peer worker, "
                                 "record its request here; the analysis, the steps of the guide and the sessions "
                                 "follow from it.") +
                       "</p><p><a href=\"maillage:new-request\">" + _("Record the first request…") + "</a></p>");
        for (auto* l : {steps_, sessions_, hires_, documents_}) l->set_source(std::make_shared<ui::TableRowSource>());
        intake_hint_->SetLabel(wxString());
        intake_->show(wxString(), {});
        return;
    }
    PersonRepository people(database());
    // The phase is said once, in a sentence; the sections below are titled for what
    // they hold (a phase name as a title read as a second phase).
    wxString h = "<html><body><h2>" + esc(a->institution_name) + "</h2>";
    h += "<p>" + wxString::Format(_("Phase: <b>%s</b> since %s"), esc(phase_label(a->phase)),
                                  esc_date(a->phase == "request"       ? a->request_date
                                           : a->phase == "analysis"    ? a->analysis_date
                                           : a->phase == "accompaniment" ? a->accompaniment_date
                                           : a->phase == "hired"       ? a->hired_date
                                           : a->phase == "follow_up"   ? a->follow_up_date
                                                                       : a->closed_date)) +
         "</p>";
    h += "<h3>" + _("The request") + "</h3><table>";
    wxString contact = esc(a->contact_name);
    if (a->contact_person_id)
        if (auto p = people.get(*a->contact_person_id)) contact = esc(p->display_name());
    h += row(_("Received on"), esc_date(a->request_date)) + row(_("Contact person"), contact) +
         row(_("Heard of PAT through"), esc(a->heard_from)) + row(_("Region"), region_name(a->region)) +
         row(_("Funder"), esc(a->funder_code)) +
         row(_("Planned sessions"), a->planned_sessions ? wxString::Format("%d", *a->planned_sessions) : wxString()) +
         row(_("Notes"), esc(a->notes)) + "</table>";
    h += "<h3>" + _("Analysis and decision") + "</h3><table>";
    h += row(_("Interview"), esc_date(a->analysis_date)) +
         row(_("Decision"), a->decision.empty() ? wxString()
                                                : esc(decision_label(a->decision)) + " (" + esc_date(a->decision_date) + ")") +
         row(_("Reason"), esc(a->decision_reason)) +
         row(_("Intake questionnaire"), a->intake_response_id ? _("answered: see the tab Request analysis")
                                                              : _("not filled in yet")) +
         "</table>";
    const auto count = repo.session_count(current_);
    h += "<h3>" + _("Sessions") + "</h3><p>" +
         wxString::Format(_("Sessions: %d held / %d planned"), count.held, count.planned) +
         (count.follow_up ? wxString::Format(_(", %d follow-up"), count.follow_up) : wxString()) + "</p>";
    h += "<h3>" + _("Phase history") + "</h3><table>";
    for (const auto& c : repo.phase_history(current_))
        h += "<tr><td>" + esc_date(c.date) + "</td><td>" + esc(phase_label(c.to)) + "</td><td>" + esc(c.note) +
             "</td></tr>";
    h += "</table>";
    if (a->phase == "closed")
        h += "<h3>" + _("Closed") + "</h3><p>" + esc_date(a->closed_date) + " — " + esc(a->closing_reason) + "</p>";
    h += "</body></html>";
    html_->SetPage(h);

    if (a->intake_response_id) {
        intake_hint_->SetLabel(wxString::Format(_("Interview of %s"), ui::display_date(a->analysis_date)));
        if (auto q = QuestionnaireRepository(database()).find_by_code("pat_intake"))
            intake_->load(database(), q->id, "pat_accompaniment", {current_});
    } else {
        intake_hint_->SetLabel(_("The request analysis is not recorded yet: use Request analysis… on the first tab."));
        intake_->show(wxString(), {});
    }

    auto steps = std::make_shared<ui::TableRowSource>();
    for (const auto& s : repo.step_states(current_, lang))
        steps->add(s.step_id, {wxString::Format("%d", s.position), u8(s.label), u8(step_state_label(s.state)),
                               ui::display_date(s.started_on), ui::display_date(s.finished_on), u8(s.notes)});
    steps_->set_source(steps);

    std::map<std::string, std::string> types;
    for (const auto& t : repo.session_types(true)) types[t.code] = t.label(lang);
    auto sessions = std::make_shared<ui::TableRowSource>();
    for (const auto& s : repo.sessions(current_)) {
        wxString staff;
        for (auto pid : s.staff)
            if (auto p = people.get(pid)) staff += (staff.empty() ? "" : ", ") + u8(p->display_name());
        sessions->add(s.session_id, {ui::display_date(s.date), u8(types[s.type]),
                                     s.phase == "follow_up" ? _("follow-up") : _("accompaniment"),
                                     minutes_text(s.duration_minutes), minutes_text(s.preparation_minutes), staff,
                                     wxString::Format("%zu", s.attendees.size()), u8(s.staff_warning), u8(s.notes)});
    }
    sessions_->set_source(sessions);

    auto hires = std::make_shared<ui::TableRowSource>();
    for (const auto& x : repo.hires(current_)) {
        wxString who;
        if (x.person_id)
            if (auto p = people.get(*x.person_id)) who = u8(p->display_name());
        hires->add(x.id, {x.status == "effective" ? _("effective") : _("announced"),
                          ui::display_date(x.status == "effective" ? x.hire_date : x.announced_date), u8(x.job_title),
                          x.working_time_percent ? ui::display_percent(*x.working_time_percent, 0) : wxString(),
                          u8(x.contract_type), who, u8(x.notes)});
    }
    hires_->set_source(hires);

    auto docs = std::make_shared<ui::TableRowSource>();
    for (const auto& d : repo.documents(current_)) docs->add(d.id, {u8(d.title), u8(d.link)});
    documents_->set_source(docs);
    Layout();
}

void AccompanimentPage::new_request() {
    NewRequestDialog dialog(this, database(), today_iso());
    if (dialog.ShowModal() != wxID_OK) return;
    current_ = dialog.created_id();
    context().set_preference("pat.current", wxString::Format("%lld", static_cast<long long>(current_)));
    tabs_->SetSelection(0);
    changed(_("Request recorded."));
}

void AccompanimentPage::edit_request() {
    NewRequestDialog dialog(this, database(), today_iso(), current_);
    if (dialog.ShowModal() == wxID_OK) changed(_("Request changed."));
}

void AccompanimentPage::delete_request() {
    AccompanimentRepository repo(database());
    const auto a = repo.get(current_);
    if (!a) return;
    const auto c = repo.contents(current_);
    const wxString goes = wxString::Format(_("With it go %d sessions (and their attendance), %d hires, %d documents "
                                             "and the answers of the request analysis."),
                                           c.sessions, c.hires, c.documents);
    if (!ui::confirm_delete(this, wxString::Format(_("the accompaniment of %s"), u8(a->institution_name)), goes)) return;
    if (!ui::guarded(this, _("The accompaniment was not deleted"), [&] {
            database().write(trf("Delete the accompaniment of {name}", fmt::arg("name", a->institution_name)),
                             [&] { repo.remove(current_); });
        }))
        return;
    current_ = 0;
    context().set_preference("pat.current", "0");
    context().data_changed();
    refresh();
    context().set_status(_("Accompaniment deleted."));
}

bool AccompanimentPage::delete_selection() {
    ui::ListPanel* list = current_list();
    if (list == sessions_)
        delete_session();
    else if (list == hires_)
        delete_hire();
    else if (list == documents_)
        remove_document();
    else
        return false;
    return true;
}

void AccompanimentPage::remove_confirmed(const wxString& what, const wxString& consequence, const wxString& failure,
                                         const std::string& label, const std::function<void()>& remove,
                                         const wxString& done) {
    if (!ui::confirm_delete(this, what, consequence)) return;
    if (ui::guarded(this, failure, [&] { database().write(label, remove); })) changed(done);
}

void AccompanimentPage::delete_session() {
    const auto sid = sessions_->selected_or_say(_("Select a session first."));
    if (!sid) return;
    AccompanimentRepository repo(database());
    for (const auto& s : repo.sessions(current_)) {
        if (s.session_id != *sid) continue;
        const auto a = repo.get(current_);
        const wxString what = wxString::Format(_("the session of %s with %s"), ui::display_date(s.date),
                                               u8(a ? a->institution_name : std::string()));
        const wxString goes = wxString::Format(_("Its attendance goes with it: %zu staff, %zu attendees."),
                                               s.staff.size(), s.attendees.size());
        return remove_confirmed(what, goes, _("The session was not deleted"),
                                trf("Delete the session of {date}", fmt::arg("date", locale::short_date(s.date))),
                                [&] { repo.remove_session(s.session_id); }, _("Session deleted."));
    }
}

void AccompanimentPage::delete_hire() {
    const auto hid = hires_->selected_or_say(_("Select a hire first."));
    if (!hid) return;
    AccompanimentRepository repo(database());
    for (const auto& x : repo.hires(current_)) {
        if (x.id != *hid) continue;
        const wxString what = wxString::Format(_("the hire of %s"),
                                               ui::display_date(x.status == "effective" ? x.hire_date : x.announced_date));
        return remove_confirmed(what, wxString(), _("The hire was not deleted"), tr("Delete a hire"),
                                [&] { repo.remove_hire(x.id); }, _("Hire deleted."));
    }
}

void AccompanimentPage::remove_document() {
    const auto did = documents_->selected_or_say(_("Select a document first."));
    if (!did) return;
    AccompanimentRepository repo(database());
    for (const auto& d : repo.documents(current_)) {
        if (d.id != *did) continue;
        return remove_confirmed(wxString::Format(_("the link to %s"), u8(d.title)),
                                _("Only the link is removed: the document itself stays where it is."),
                                _("The document was not removed"),
                                trf("Remove the document {title}", fmt::arg("title", d.title)),
                                [&] { repo.remove_document(d.id); }, _("Document removed."));
    }
}

}  // namespace maillage::pat
