#include "ui/accompaniment_dialogs.h"
#include "ui/pat_dialog.h"

#include "accompaniments.h"
#include "pat_rules.h"

#include "core/database.h"
#include "core/error.h"
#include "core/i18n.h"
#include "core/locale_format.h"
#include "core/people.h"
#include "core/questionnaires.h"
#include "shared-ui/date_pickers.h"
#include "shared-ui/display.h"
#include "shared-ui/id_choice.h"
#include "shared-ui/messages.h"
#include "shared-ui/pickers.h"
#include "shared-ui/plugin_ui.h"
#include "shared-ui/questionnaire_form.h"

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/datetime.h>
#include <wx/dialog.h>
#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/spinctrl.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <algorithm>
#include <functional>

namespace maillage::pat {
namespace {

wxString u8(const std::string& s) { return wxString::FromUTF8(s); }
std::string s8(const wxString& s) { return s.Strip(wxString::both).utf8_string(); }

}  // namespace

bool record_intake_dialog(wxWindow* parent, ui::UiContext& context, int64_t id) {
    Database& db = context.database();
    AccompanimentRepository repo(db);
    const auto a = repo.get(id);
    const auto questionnaire = QuestionnaireRepository(db).find_by_code("pat_intake");
    if (!a || !questionnaire) return false;
    PatDialog d(parent, wxString::Format(_("Request analysis: %s"), u8(a->institution_name)), "intake-dialog");
    auto* date = date_field(d, _("Interview date:"), a->analysis_date);
    auto* form = new ui::QuestionnaireForm(&d, *questionnaire);
    form->SetName("intake-form");
    // Filled in again: the previous answers are there to correct.
    if (a->intake_response_id)
        for (const auto& r : QuestionnaireRepository(db).responses(questionnaire->id, "pat_accompaniment", id))
            if (r.id == *a->intake_response_id)
                for (const auto& [question, value] : r.answers) form->set_answer(question, value);
    form->SetMinSize(d.FromDIP(wxSize(620, 440)));
    d.note(_("The interview moves a request to the analysis phase."));
    d.finish(form);
    d.check = [form]() -> wxString {
        if (form->is_complete()) return {};
        form->show_errors();
        return _("Answer the required questions first.");
    };
    d.save = [&] {
        const std::string when = date_of(date, _("Interview date:"));
        auto response = form->response(std::nullopt, "pat_accompaniment", id);
        db.write(trf("Record the request analysis of {name}", fmt::arg("name", a->institution_name)),
                 [&] { repo.record_intake(id, response, when); });
    };
    return d.ShowModal() == wxID_OK;
}

bool decision_dialog(wxWindow* parent, ui::UiContext& context, int64_t id) {
    Database& db = context.database();
    AccompanimentRepository repo(db);
    const auto a = repo.get(id);
    if (!a) return false;
    PatDialog d(parent, wxString::Format(_("Decision on the request of %s"), u8(a->institution_name)),
                "decision-dialog");
    auto* decision = d.row(_("Decision:"), new wxChoice(&d, wxID_ANY), "decision");
    for (const auto& k : kDecisions) decision->Append(u8(decision_label(k)));
    const auto at = std::find(kDecisions.begin(), kDecisions.end(), a->decision);
    decision->SetSelection(at == kDecisions.end() ? 0 : int(at - kDecisions.begin()));
    auto* date = date_field(d, _("Decision date:"), a->decision_date);
    auto* reason = d.row(_("Reason:"),
                         new wxTextCtrl(&d, wxID_ANY, u8(a->decision_reason), wxDefaultPosition,
                                        d.FromDIP(wxSize(360, 60)), wxTE_MULTILINE),
                         "reason");
    d.finish();
    d.save = [&] {
        const std::string code = kDecisions[size_t(decision->GetSelection())];
        const std::string when = date_of(date, _("Decision date:"));
        db.write(trf("Record the decision on {name}", fmt::arg("name", a->institution_name)),
                 [&] { repo.decide(id, code, s8(reason->GetValue()), when); });
    };
    return d.ShowModal() == wxID_OK;
}

bool reopen_dialog(wxWindow* parent, ui::UiContext& context, int64_t id) {
    Database& db = context.database();
    AccompanimentRepository repo(db);
    const auto a = repo.get(id);
    if (!a || a->phase != "closed") return false;
    PatDialog d(parent, wxString::Format(_("Reopen the accompaniment of %s"), u8(a->institution_name)),
                "reopen-dialog");
    d.note(wxString::Format(_("Closed on %s: %s"), ui::display_date(a->closed_date), u8(a->closing_reason)));
    auto* date = date_field(d, _("Reopened on:"), {});
    auto* reason = d.row(_("Why reopen it?"),
                         new wxTextCtrl(&d, wxID_ANY, {}, wxDefaultPosition, d.FromDIP(wxSize(360, 60)), wxTE_MULTILINE),
                         "reason");
    d.finish();
    d.save = [&] {
        const std::string when = date_of(date, _("Reopened on:"));
        db.write(trf("Reopen the accompaniment of {name}", fmt::arg("name", a->institution_name)),
                 [&] { repo.reopen(id, s8(reason->GetValue()), when); });
    };
    return d.ShowModal() == wxID_OK;
}

bool change_phase_dialog(wxWindow* parent, ui::UiContext& context, int64_t id, const std::string& target) {
    Database& db = context.database();
    AccompanimentRepository repo(db);
    auto a = repo.get(id);
    if (!a || a->phase == target) return false;
    if (a->phase == "closed") return reopen_dialog(parent, context, id);
    // The questions the rules lead to, asked before the move rather than refusing it.
    if (target == "accompaniment" && a->decision != "accepted" && (a->phase == "request" || a->phase == "analysis")) {
        if (!ui::confirm(parent, _("The accompaniment starts once the request is accepted. Record the decision now?"),
                         _("Record the decision…")))
            return false;
        if (!decision_dialog(parent, context, id)) return false;
        a = repo.get(id);
        if (a->decision != "accepted") return true;  // recorded, but not an acceptance: the card stays
    }
    if (target == "hired" && repo.hires(id).empty() && a->phase == "accompaniment") {
        if (!ui::confirm(parent, _("An accompaniment moves to Hired once a hire is recorded. Record the hire now?"),
                         _("Record the hire…")))
            return false;
        return hire_dialog(parent, context, id);  // the hire dialog moves it to Hired
    }
    const auto next = PhaseRules::next(a->phase);
    PatDialog d(parent, wxString::Format(_("Change the phase of %s"), u8(a->institution_name)), "phase-dialog");
    d.note(wxString::Format(_("Now: %s"), u8(phase_label(a->phase))));
    auto* phase = d.row(_("Move to:"), new wxChoice(&d, wxID_ANY), "phase");
    std::vector<std::string> codes;
    // Every phase is listed: one the rules refuse shows why, as the user chooses it.
    for (const auto& p : kPhases) {
        if (p == a->phase) continue;
        codes.push_back(p);
        phase->Append(u8(phase_label(p)));
    }
    auto wanted = std::find(codes.begin(), codes.end(), target.empty() && !next.empty() ? next.front() : target);
    phase->SetSelection(wanted == codes.end() ? 0 : int(wanted - codes.begin()));
    auto* date = date_field(d, _("On:"), {});
    auto* reason = d.row(_("Reason for closing:"),
                         new wxTextCtrl(&d, wxID_ANY, {}, wxDefaultPosition, d.FromDIP(wxSize(360, 60)), wxTE_MULTILINE),
                         "reason");
    d.finish();
    const int hires = int(repo.hires(id).size());
    auto chosen = [&] { return codes[size_t(phase->GetSelection())]; };
    auto update = [&] {
        const bool closing = chosen() == "closed";
        reason->Enable(closing);
        d.set_problem(u8(PhaseRules::refuse_reason(a->phase, chosen(), a->decision, hires)));
        d.FindWindow(wxID_OK)->Enable(d.problem().empty());
    };
    phase->Bind(wxEVT_CHOICE, [&](wxCommandEvent&) { update(); });
    update();
    d.check = [&]() -> wxString {
        if (chosen() == "closed" && s8(reason->GetValue()).empty()) return _("Say why the accompaniment is closed.");
        return {};
    };
    d.save = [&] {
        const std::string when = date_of(date, _("On:"));
        db.write(trf("Move {name} to {phase}", fmt::arg("name", a->institution_name),
                     fmt::arg("phase", phase_label(chosen()))),
                 [&] { repo.set_phase(id, chosen(), when, chosen() == "closed" ? s8(reason->GetValue()) : ""); });
    };
    return d.ShowModal() == wxID_OK;
}

bool step_dialog(wxWindow* parent, ui::UiContext& context, int64_t id, const std::string& step_code) {
    Database& db = context.database();
    AccompanimentRepository repo(db);
    const auto states = repo.step_states(id, context.language());
    auto it = std::find_if(states.begin(), states.end(), [&](const StepState& s) { return s.code == step_code; });
    if (it == states.end()) return false;
    const StepState step = *it;
    PatDialog d(parent, wxString::Format(_("Step %d. %s"), step.position, u8(step.label)), "step-dialog");
    auto* state = d.row(_("State:"), new wxChoice(&d, wxID_ANY), "state");
    for (const auto& k : kStepStates) state->Append(u8(step_state_label(k)));
    const auto at = std::find(kStepStates.begin(), kStepStates.end(), step.state);
    state->SetSelection(at == kStepStates.end() ? 0 : int(at - kStepStates.begin()));
    auto* date = date_field(d, _("On:"), {});
    if (!step.started_on.empty())
        d.note(wxString::Format(_("Started on %s"), ui::display_date(step.started_on)) +
               (step.finished_on.empty() ? wxString() : ", " + wxString::Format(_("finished on %s"),
                                                                                ui::display_date(step.finished_on))));
    auto* notes = d.row(_("Notes:"),
                        new wxTextCtrl(&d, wxID_ANY, u8(step.notes), wxDefaultPosition, d.FromDIP(wxSize(360, 60)),
                                       wxTE_MULTILINE),
                        "notes");
    d.finish();
    d.save = [&] {
        const std::string code = kStepStates[size_t(state->GetSelection())];
        const std::string when = date_of(date, _("On:"));
        db.write(trf("Set step {step} to {state}", fmt::arg("step", step.label), fmt::arg("state", step_state_label(code))),
                 [&] { repo.set_step(id, step.code, code, when, s8(notes->GetValue())); });
    };
    return d.ShowModal() == wxID_OK;
}

bool session_dialog(wxWindow* parent, ui::UiContext& context, int64_t id, int64_t session_id) {
    Database& db = context.database();
    AccompanimentRepository repo(db);
    const auto a = repo.get(id);
    if (!a) return false;
    PatSession value;
    value.accompaniment_id = id;
    value.duration_minutes = 120;
    value.preparation_minutes = 30;
    if (session_id && !take_row(repo.sessions(id), session_id, &PatSession::session_id, value)) return false;
    PatDialog d(parent, session_id ? _("Edit the session") : wxString::Format(_("New session with %s"),
                                                                               u8(a->institution_name)),
                "session-dialog");
    auto* type = d.row(_("Type:"), new wxChoice(&d, wxID_ANY), "type");
    const auto types = repo.session_types();
    for (const auto& t : types) {
        type->Append(u8(t.label(context.language())));
        if (t.code == value.type) type->SetSelection(int(type->GetCount()) - 1);
    }
    if (type->GetSelection() == wxNOT_FOUND && !types.empty()) type->SetSelection(0);
    auto* date = date_field(d, _("Date:"), value.date);
    auto* duration = d.number_row(_("Duration (minutes):"), value.duration_minutes, 1440, "duration");
    auto* preparation = d.number_row(_("Preparation (minutes):"), value.preparation_minutes, 1440, "preparation");
    PersonRepository people(db);
    // Adds the people `ids` not in `list` yet, ticking those in `ticked`.
    auto add_people = [&](ui::IdCheckList* list, const std::vector<int64_t>& ids, const std::vector<int64_t>& ticked) {
        for (auto pid : ids) {
            if (list->has(pid)) continue;
            const auto p = people.get(pid);
            list->add(pid, p ? u8(p->display_name()) : wxString(),
                      std::find(ticked.begin(), ticked.end(), pid) != ticked.end());
        }
    };
    // The association's workers: people with the Staff role (and whoever ran it before).
    auto* staff = d.row(_("Staff:"), new ui::IdCheckList(&d, d.FromDIP(wxSize(360, 90))), "staff");
    std::vector<int64_t> staff_role;
    for (const auto& p : people.with_role("staff")) staff_role.push_back(p.id);
    add_people(staff, staff_role, value.staff);
    add_people(staff, value.staff, value.staff);
    if (staff->ids().empty())
        d.note(_("Nobody has the Staff role yet: give it to the team's members on the People page."));
    auto* warning = d.note(wxString());
    warning->SetName("staff-warning");
    warning->SetForegroundColour(wxColour(176, 80, 0));
    // The institution's people: those working there on the session's date, the contact.
    auto* attendees = d.row(_("Attendees:"), new ui::IdCheckList(&d, d.FromDIP(wxSize(360, 90))), "attendees");
    add_people(attendees, repo.people_at(a->institution_id, value.date.empty() ? today_iso() : value.date),
               value.attendees);
    if (a->contact_person_id) add_people(attendees, {*a->contact_person_id}, value.attendees);
    add_people(attendees, value.attendees, value.attendees);
    auto* notes = d.row(_("Notes:"),
                        new wxTextCtrl(&d, wxID_ANY, u8(value.notes), wxDefaultPosition, d.FromDIP(wxSize(360, 60)),
                                       wxTE_MULTILINE),
                        "notes");
    d.finish();
    auto update_warning = [&] {
        warning->SetLabel(u8(two_staff_warning(int(staff->ticked().size()))));
        warning->Wrap(d.FromDIP(360));
        d.Layout();
        d.Fit();
    };
    staff->Bind(wxEVT_CHECKLISTBOX, [&](wxCommandEvent&) { update_warning(); });
    if (session_id || !staff->ids().empty()) update_warning();
    d.save = [&] {
        PatSession s = value;
        s.type = types.at(size_t(type->GetSelection())).code;
        s.date = date_of(date, _("Date:"));
        s.duration_minutes = duration->GetValue();
        s.preparation_minutes = preparation->GetValue();
        s.phase.clear();  // follows the date
        s.staff = staff->ticked();
        s.attendees = attendees->ticked();
        s.notes = notes->GetValue().utf8_string();
        const std::string label = trf("{type} of {date} with {name}", fmt::arg("type", types.at(size_t(type->GetSelection())).label(context.language())),
                                      fmt::arg("date", locale::short_date(s.date)), fmt::arg("name", a->institution_name));
        db.write(session_id ? trf("Change the session: {what}", fmt::arg("what", label))
                            : trf("Add a session: {what}", fmt::arg("what", label)),
                 [&] {
                     if (session_id)
                         repo.update_session(s);
                     else
                         repo.add_session(s);
                 });
    };
    return d.ShowModal() == wxID_OK;
}

bool hire_dialog(wxWindow* parent, ui::UiContext& context, int64_t id, int64_t hire_id) {
    Database& db = context.database();
    AccompanimentRepository repo(db);
    const auto a = repo.get(id);
    if (!a) return false;
    Hire value;
    value.accompaniment_id = id;
    if (hire_id && !take_row(repo.hires(id), hire_id, &Hire::id, value)) return false;
    PatDialog d(parent, hire_id ? _("Edit the hire") : wxString::Format(_("Hire at %s"), u8(a->institution_name)),
                "hire-dialog");
    auto* status = d.row(_("Status:"), new wxChoice(&d, wxID_ANY), "status");
    status->Append(_("effective (the contract started)"));
    status->Append(_("announced (the institution will hire)"));
    status->SetSelection(value.status == "announced" ? 1 : 0);
    auto* date = date_field(d, _("Date:"), value.status == "announced" ? value.announced_date : value.hire_date);
    auto* job = d.text_row(_("Job title:"), value.job_title, "job-title");
    auto* time = d.number_row(_("Working time (%):"),
                              value.working_time_percent ? int(*value.working_time_percent) : 0, 100, "working-time");
    auto* contract = d.text_row(_("Contract:"), value.contract_type, "contract");
    auto* person = d.row(_("Peer worker hired:"), new ui::PersonPicker(&d, db), "person");
    if (value.person_id)
        if (auto p = PersonRepository(db).get(*value.person_id)) person->set_selection(p->id, u8(p->display_name()));
    auto* notes = d.row(_("Notes:"),
                        new wxTextCtrl(&d, wxID_ANY, u8(value.notes), wxDefaultPosition, d.FromDIP(wxSize(360, 60)),
                                       wxTE_MULTILINE),
                        "notes");
    wxCheckBox* move = nullptr;
    if (!hire_id && a->phase == "accompaniment") {
        move = new wxCheckBox(&d, wxID_ANY, _("Move the accompaniment to Hired on this date"));
        move->SetName("move-to-hired");
        move->SetValue(true);
        d.row(wxString(), move, "move-to-hired");
    }
    d.finish();
    status->Bind(wxEVT_CHOICE, [&](wxCommandEvent&) {
        if (move) move->SetValue(status->GetSelection() == 0);
    });
    d.save = [&] {
        Hire h = value;
        h.status = status->GetSelection() == 1 ? "announced" : "effective";
        const std::string when = date_of(date, _("Date:"));
        (h.status == "announced" ? h.announced_date : h.hire_date) = when;
        if (h.status == "announced") h.hire_date.clear();
        h.job_title = s8(job->GetValue());
        h.working_time_percent = time->GetValue() > 0 ? std::optional<double>(time->GetValue()) : std::nullopt;
        h.contract_type = s8(contract->GetValue());
        h.person_id = person->selection();
        h.notes = notes->GetValue().utf8_string();
        db.write(hire_id ? trf("Change the hire at {name}", fmt::arg("name", a->institution_name))
                         : trf("Record a hire at {name}", fmt::arg("name", a->institution_name)),
                 [&] {
                     if (hire_id) {
                         repo.update_hire(h);
                         return;
                     }
                     repo.add_hire(h);
                     if (move && move->GetValue()) repo.set_phase(id, "hired", when);
                 });
    };
    return d.ShowModal() == wxID_OK;
}

bool document_dialog(wxWindow* parent, ui::UiContext& context, int64_t id) {
    Database& db = context.database();
    AccompanimentRepository repo(db);
    const auto a = repo.get(id);
    if (!a) return false;
    PatDialog d(parent, wxString::Format(_("Attach a document to %s"), u8(a->institution_name)), "document-dialog");
    auto* title = d.row(_("Title:"), new wxTextCtrl(&d, wxID_ANY, {}, wxDefaultPosition, d.FromDIP(wxSize(360, -1))),
                        "title");
    auto* link = d.row(_("Link:"), new wxTextCtrl(&d, wxID_ANY), "link");
    d.note(_("The address of the document on the shared drive or the web (https://…)."));
    d.finish();
    d.save = [&] {
        Document doc;
        doc.accompaniment_id = id;
        doc.title = s8(title->GetValue());
        doc.link = s8(link->GetValue());
        db.write(trf("Attach {title} to {name}", fmt::arg("title", doc.title), fmt::arg("name", a->institution_name)),
                 [&] { repo.add_document(doc); });
    };
    return d.ShowModal() == wxID_OK;
}

}  // namespace maillage::pat
