// Journey "pat": the PAT team follows one institution from its request to the post-hire
// follow-up, from `maillage-cli init` without demo. Funders and programmes come from the
// first-start assistant, the two staff members from the People page; then, all in the
// PAT pages: a new request (a new institution and a new contact person made from the
// pickers), the request analysis with the intake questionnaire, the decision, the card
// dragged to Accompaniment, four sessions (one run by a single staff member: the
// two-staff warning shows as it is ticked), a hire, the card dragged to Follow-up, and the
// funder's figures. Screenshots: build/screenshots/journeys/pat/.
#include "first_start_assistant.h"
#include "journey.h"

#include "core/institutions.h"
#include "core/people.h"
#include "core/programmes.h"
#include "shared-ui/date_pickers.h"
#include "shared-ui/list_panel.h"
#include "shared-ui/messages.h"
#include "shared-ui/pickers.h"
#include "shared-ui/questionnaire_form.h"
#include "shared-ui/questionnaire_results.h"
#include "shared-ui/virtual_list.h"

#include <wx/checkbox.h>
#include <wx/checklst.h>
#include <wx/datetime.h>
#include <wx/dnd.h>
#include <wx/html/htmlwin.h>
#include <wx/intl.h>
#include <wx/listctrl.h>
#include <wx/menu.h>
#include <wx/notebook.h>
#include <wx/spinctrl.h>
#include <wx/stattext.h>

#include <fstream>
#include <iterator>

using namespace maillage;
using namespace maillage::journey;

namespace {

const wxString kInstitution = wxString::FromUTF8("Maison d'accueil Les Tilleuls");
const wxString kAviq = wxString::FromUTF8("Agence pour une Vie de Qualité");

void fill_assistant(Journey& j, wxDialog& d) {
    assistant_organisation(d, wxString::FromUTF8("Réseau Santé Mentale et Précarité"));
    add_programme(&d, "support", "Support");
    add_programme(&d, "pat", wxString::FromUTF8("PAT — pair-aidance"), "support");
    add_funder(&d, "COCOM", "Commission communautaire commune");
    add_funder(&d, "AVIQ", kAviq);
    j.snap("assistant-programmes-and-funders", &d);
    assistant_finish(d);
}

// People page > New…: a member of the PAT team (role Staff).
void create_staff(Journey& j, const wxString& first, const wxString& last, const wxString& email) {
    wxWindow* page = j.page("core.people");
    j.with_dialog({}, [&] { click(button(page, _("&New…"))); }, [&](wxDialog& person) {
        fill_person(&person, first, last, email, wxGETTEXT_IN_CONTEXT("role", "Staff"));
        click(button(&person, _("OK")));
    });
}

// The assistant filled in, then the PAT team: Nadia Haddad and Tom Claes.
void start_with_team(Journey& j) {
    j.start([&](wxDialog& d) { fill_assistant(j, d); });
    create_staff(j, "Nadia", "Haddad", "nadia.haddad@example.org");
    create_staff(j, "Tom", "Claes", "tom.claes@example.org");
}

void type_date(wxWindow* dialog, const wxString& date) {
    auto* picker = named<ui::DatePicker>(dialog, "date");
    ASSERT_NE(picker, nullptr);
    type(picker->text(), date);  // as a Belgian user types it
}

void spin(wxWindow* dialog, const std::string& name, int value) {
    auto* s = named<wxSpinCtrl>(dialog, name);
    ASSERT_NE(s, nullptr);
    s->SetValue(value);
    wxSpinEvent event(wxEVT_SPINCTRL, s->GetId());
    event.SetEventObject(s);
    event.SetPosition(value);
    s->ProcessWindowEvent(event);
}

void tick(wxCheckListBox* list, const wxString& item) { check(list, item); }

// How many accompaniments are in `phase` since `date` (ISO), and `also` when given: the
// date of each phase is in the column named after it (accompaniment_date, hired_date...).
int64_t in_phase_since(Journey& j, const std::string& phase, const std::string& date, const std::string& also = {}) {
    return j.count("pat_accompaniment WHERE phase = '" + phase + "' AND " + phase + "_date = '" + date + "'" +
                   (also.empty() ? "" : " AND " + also));
}

void show_tab(wxWindow* page, int n) {
    auto* tabs = named<wxNotebook>(page, "accompaniment-tabs");
    ASSERT_NE(tabs, nullptr);
    tabs->SetSelection(size_t(n));
    settle();
}

// The card of accompaniment `id` dragged onto the board's column of `phase`: the drop
// goes through the column's own drop target, as the mouse release of a drag does.
void drop_card(wxWindow* board, int64_t id, const std::string& phase) {
    auto* column = named<wxListCtrl>(board, "board-" + phase);
    ASSERT_NE(column, nullptr);
    auto* target = dynamic_cast<wxTextDropTarget*>(column->GetDropTarget());
    ASSERT_NE(target, nullptr) << "the column " << phase << " takes no drop";
    EXPECT_TRUE(target->OnDropText(10, 10, wxString::Format("maillage-pat-accompaniment:%lld", (long long)id)));
    settle();
}

// The rows of a board column as shown.
wxString column_text(wxWindow* board, const std::string& phase) {
    auto* column = named<wxListCtrl>(board, "board-" + phase);
    wxString out;
    for (long i = 0; column && i < column->GetItemCount(); ++i) out += column->GetItemText(i) + "\n";
    return out;
}

struct SessionInput {
    wxString type, date;
    int minutes, preparation;
    std::vector<wxString> staff;
    wxString notes;
};

void add_session(Journey& j, wxWindow* page, const SessionInput& in, int n) {
    j.with_dialog("session-dialog", [&] { click(named<wxButton>(page, "add-session")); }, [&](wxDialog& d) {
        choose(named<wxChoice>(&d, "type"), in.type);
        type_date(&d, in.date);
        spin(&d, "duration", in.minutes);
        spin(&d, "preparation", in.preparation);
        auto* staff = named<wxCheckListBox>(&d, "staff");
        auto* warning = named<wxStaticText>(&d, "staff-warning");
        ASSERT_NE(staff, nullptr);
        ASSERT_NE(warning, nullptr);
        // Nobody ticked yet: the rule already says so.
        EXPECT_FALSE(warning->GetLabel().empty());
        for (size_t k = 0; k < in.staff.size(); ++k) {
            tick(staff, in.staff[k]);
            // One staff member: the warning shows as it is ticked; two: it goes.
            if (k == 0) {
                EXPECT_FALSE(warning->GetLabel().empty());
            } else {
                EXPECT_TRUE(warning->GetLabel().empty()) << warning->GetLabel().utf8_string();
            }
        }
        // The institution's contact person attends, when the request named one.
        auto* attendees = named<wxCheckListBox>(&d, "attendees");
        if (attendees->FindString("Marie Dubois") != wxNOT_FOUND) tick(attendees, "Marie Dubois");
        type(&d, "notes", in.notes);
        if (in.staff.size() == 1) j.snap("session-with-one-staff-member-warning", &d);
        if (n == 1) j.snap("session-dialog", &d);
        click(button(&d, _("OK")));
    });
    j.snap("session-" + std::to_string(n) + "-recorded");
}

// The list of tab `n` of a notebook page, with the row `id` selected.
ui::ListPanel* tab_list(wxWindow* page, const std::string& tabs_name, int n) {
    auto* tabs = named<wxNotebook>(page, tabs_name);
    if (!tabs) return nullptr;
    tabs->SetSelection(size_t(n));
    settle();
    return dynamic_cast<ui::ListPanel*>(tabs->GetPage(size_t(n)));
}

// A deletion as the user confirms it: the dialog "confirm_delete", button Delete. The
// journey answers questions "no" by default; this step answers the one it expects.
void confirm_deletion(Journey& j, const std::function<void()>& ask) {
    ui::set_non_interactive(nullptr);
    j.with_dialog("confirm_delete", ask, [&](wxDialog& d) {
        j.snap("confirm-delete", &d);
        click(named<wxButton>(&d, "delete"));
    });
    ui::set_non_interactive([](const wxString& message) { ADD_FAILURE() << "error shown: " << message.utf8_string(); });
}

void undo(Journey& j) {
    wxCommandEvent event(wxEVT_MENU, wxID_UNDO);
    event.SetEventObject(&j.frame());
    j.frame().ProcessWindowEvent(event);
    settle();
}

}  // namespace

TEST(PatJourney, FromRequestToFollowUp) {
    Journey j("pat");
    start_with_team(j);
    ASSERT_TRUE(FunderRepository(j.db()).find_by_code("AVIQ"));

    // 1. The request, from the board: a new institution and a new contact person.
    wxWindow* board = j.page("pat.board");
    j.snap("board-empty");
    j.with_dialog("new-request-dialog", [&] { click(named<wxButton>(board, "board-new-request")); }, [&](wxDialog& d) {
        auto* institution = named<ui::InstitutionPicker>(&d, "institution");
        ASSERT_NE(institution, nullptr);
        institution->set_text(kInstitution);
        settle();
        ASSERT_TRUE(institution->matches().empty());
        j.with_dialog("new-institution-dialog", [&] { institution->choose(institution->matches().size()); },
                      [&](wxDialog& n) {
                          EXPECT_EQ(named<wxTextCtrl>(&n, "name")->GetValue(), kInstitution);
                          choose(named<wxChoice>(&n, "region"), _("Wallonia"));
                          type(&n, "municipality", wxString::FromUTF8("Liège"));
                          type(&n, "postcode", "4000");
                          auto* sector = named<ui::SectorPicker>(&n, "sector");
                          ASSERT_TRUE(choose_only_match(sector, "sans-abri"));
                          j.snap("new-institution", &n);
                          click(button(&n, _("OK")));
                      });
        ASSERT_TRUE(institution->selection());
        auto* contact = named<ui::PersonPicker>(&d, "contact");
        contact->set_text("Marie Dubois");
        settle();
        j.with_dialog("new-contact-dialog", [&] { contact->choose(contact->matches().size()); }, [&](wxDialog& n) {
            EXPECT_EQ(named<wxTextCtrl>(&n, "first-name")->GetValue(), "Marie");
            EXPECT_EQ(named<wxTextCtrl>(&n, "last-name")->GetValue(), "Dubois");
            type(&n, "email", "marie.dubois@example.org");
            type(&n, "job-title", wxString::FromUTF8("Directrice"));
            click(button(&n, _("OK")));
        });
        ASSERT_TRUE(contact->selection());
        type_date(&d, "1/9/2026");
        type(&d, "heard-from", wxString::FromUTF8("Une journée d'étude à Namur"));
        // The region followed the new institution.
        EXPECT_EQ(named<wxChoice>(&d, "region")->GetStringSelection(), _("Wallonia"));
        choose(named<wxChoice>(&d, "funder"), kAviq + " (AVIQ)");
        spin(&d, "planned", 6);
        type(&d, "notes", wxString::FromUTF8("Projet d'engager une pair-aidante à mi-temps."));
        j.snap("new-request", &d);
        click(button(&d, _("OK")));
    });
    j.snap("board-request-recorded");
    const auto institution = InstitutionRepository(j.db()).find_by_name(kInstitution.utf8_string());
    ASSERT_TRUE(institution);
    EXPECT_EQ(institution->region, "wallonia");
    const int64_t id = j.db().scalar_int("SELECT id FROM pat_accompaniment");
    EXPECT_EQ(j.count("pat_accompaniment WHERE phase = 'request' AND region = 'wallonia' AND planned_sessions = 6 AND "
                      "request_date = '2026-09-01' AND funder_id = (SELECT id FROM funder WHERE code = 'AVIQ') AND "
                      "contact_person_id = (SELECT id FROM person WHERE email = 'marie.dubois@example.org')"),
              1);
    EXPECT_TRUE(column_text(board, "request").Contains(kInstitution));

    // 2. The request analysis: the intake questionnaire, then its answers shown.
    wxWindow* page = j.page("pat.accompaniment");
    j.snap("accompaniment-request");
    j.with_dialog("intake-dialog", [&] { click(named<wxButton>(page, "intake")); }, [&](wxDialog& d) {
        type_date(&d, "8/9/2026");
        auto* form = named<ui::QuestionnaireForm>(&d, "intake-form");
        ASSERT_NE(form, nullptr);
        EXPECT_FALSE(form->is_complete());
        for (const auto& q : form->questionnaire().questions) {
            AnswerValue v;
            if (q.position == 1) v.text = "Renforcer le lien avec les résidents les plus isolés.";
            if (q.position == 2) v.number = 2;  // budget available
            if (q.position == 3) v.number = 0;  // yes
            if (q.position == 6) v.number = 4;
            if (q.position == 7) v.text = "Crainte d'une confusion des rôles dans l'équipe de nuit.";
            if (v.number || !v.text.empty()) form->set_answer(q.id, v);
        }
        EXPECT_TRUE(form->is_complete());
        j.snap("intake-questionnaire", &d);
        click(button(&d, _("OK")));
    });
    EXPECT_EQ(in_phase_since(j, "analysis", "2026-09-08", "intake_response_id IS NOT NULL"), 1);
    show_tab(page, 1);
    auto* results = named<ui::QuestionnaireResults>(page, "intake-results");
    ASSERT_NE(results, nullptr);
    EXPECT_FALSE(results->summary_line(0).empty());
    j.snap("intake-results");
    show_tab(page, 0);

    // 3. The decision.
    j.with_dialog("decision-dialog", [&] { click(named<wxButton>(page, "decide")); }, [&](wxDialog& d) {
        choose(named<wxChoice>(&d, "decision"), _("accepted"));
        type_date(&d, "15/9/2026");
        type(&d, "reason", wxString::FromUTF8("Direction et équipe prêtes, budget prévu."));
        j.snap("decision", &d);
        click(button(&d, _("OK")));
    });
    j.snap("accompaniment-accepted");
    EXPECT_EQ(j.count("pat_accompaniment WHERE decision = 'accepted' AND decision_date = '2026-09-15'"), 1);

    // 4. The card dragged to Accompaniment: the phase dialog, dated.
    board = j.page("pat.board");
    j.with_dialog("phase-dialog", [&] { drop_card(board, id, "accompaniment"); }, [&](wxDialog& d) {
        EXPECT_EQ(named<wxChoice>(&d, "phase")->GetStringSelection(), _("Accompaniment"));
        type_date(&d, "22/9/2026");
        j.snap("drag-to-accompaniment", &d);
        click(button(&d, _("OK")));
    });
    j.snap("board-accompaniment");
    EXPECT_EQ(in_phase_since(j, "accompaniment", "2026-09-22"), 1);
    EXPECT_TRUE(column_text(board, "accompaniment").Contains(kInstitution));

    // 5. Four sessions; the third run by one staff member only.
    page = j.page("pat.accompaniment");
    show_tab(page, 3);
    const wxString working_group = wxString::FromUTF8("groupe de travail");
    add_session(j, page, {working_group, "29/9/2026", 120, 60, {"Nadia Haddad", "Tom Claes"}, "Lancement"}, 1);
    add_session(j, page, {wxString::FromUTF8("réunion d'équipe"), "6/10/2026", 90, 30, {"Nadia Haddad", "Tom Claes"},
                          "Présentation à l'équipe"},
                2);
    add_session(j, page, {wxString::FromUTF8("journée de formation"), "13/10/2026", 360, 120, {"Nadia Haddad"},
                          "Tom malade"},
                3);
    add_session(j, page, {wxString::FromUTF8("entretien d'embauche"), "20/10/2026", 60, 15,
                          {"Nadia Haddad", "Tom Claes"}, "Deux candidates"},
                4);
    EXPECT_EQ(j.count("pat_session p JOIN session s ON s.id = p.session_id WHERE p.accompaniment_id = " +
                      std::to_string(id) + " AND p.phase = 'accompaniment' AND s.status = 'held'"),
              4);
    EXPECT_EQ(j.count("pat_session WHERE staff_warning IS NOT NULL"), 1);
    EXPECT_EQ(j.count("attendance WHERE role = 'staff'"), 7);
    EXPECT_EQ(j.count("attendance WHERE role = 'participant' AND institution_id = " + std::to_string(institution->id)),
              4);

    // 6. The hire, which moves the accompaniment to Hired.
    show_tab(page, 4);
    j.with_dialog("hire-dialog", [&] { click(named<wxButton>(page, "add-hire")); }, [&](wxDialog& d) {
        type_date(&d, "2/11/2026");
        type(&d, "job-title", wxString::FromUTF8("Pair-aidante"));
        spin(&d, "working-time", 50);
        type(&d, "contract", wxString::FromUTF8("CDI"));
        EXPECT_TRUE(named<wxCheckBox>(&d, "move-to-hired")->GetValue());
        j.snap("hire", &d);
        click(button(&d, _("OK")));
    });
    j.snap("hire-recorded");
    EXPECT_EQ(j.count("pat_hire WHERE status = 'effective' AND hire_date = '2026-11-02' AND working_time_percent = 50"),
              1);
    EXPECT_EQ(in_phase_since(j, "hired", "2026-11-02"), 1);

    // 7. The card dragged to Follow-up.
    board = j.page("pat.board");
    j.with_dialog("phase-dialog", [&] { drop_card(board, id, "follow_up"); }, [&](wxDialog& d) {
        type_date(&d, "16/11/2026");
        click(button(&d, _("OK")));
    });
    j.snap("board-follow-up");
    EXPECT_EQ(in_phase_since(j, "follow_up", "2026-11-16"), 1);
    EXPECT_TRUE(column_text(board, "follow_up").Contains(kInstitution));

    // 8. The funder's figures for the year.
    wxWindow* figures = j.page("pat.figures");
    spin(figures, "year", 2026);
    choose(named<wxChoice>(figures, "funder"), kAviq);
    j.snap("figures-for-the-funder");
    const wxString text = named<wxHtmlWindow>(figures, "figures")->ToText();
    EXPECT_TRUE(text.Contains(kInstitution)) << text.utf8_string();
    EXPECT_TRUE(text.Contains("AVIQ")) << text.utf8_string();
    // Staff time: Nadia ran four sessions, Tom three.
    auto* staff = first_of<ui::VirtualList>(figures);
    ASSERT_NE(staff, nullptr);
    ASSERT_EQ(staff->shown_count(), 2u);
    EXPECT_EQ(staff->text_at(0, 0), "Nadia Haddad");
    EXPECT_EQ(staff->text_at(0, 1), "4");
    EXPECT_EQ(staff->text_at(1, 1), "3");
}

// The rest of the team's week in the window: a request edited, a phase changed on a
// chosen date, a closed accompaniment reopened with a reason, a step of the guide with
// its dates and notes, a document attached and removed, a session edited, deleted and
// brought back by Edit > Undo, a training, an advocacy action, a workplace added, edited
// and ended, the session list exported, a session type defined and retired in Tools,
// and the figures since the start.
TEST(PatJourney, EditsReopensActivitiesAndReferenceData) {
    Journey j("pat-more");
    start_with_team(j);

    wxWindow* page = j.page("pat.accompaniment");
    j.snap("accompaniment-empty");
    j.with_dialog("new-request-dialog", [&] { click(named<wxButton>(page, "new-request")); }, [&](wxDialog& d) {
        auto* institution = named<ui::InstitutionPicker>(&d, "institution");
        institution->set_text("Hôpital Saint-Luc");
        settle();
        j.with_dialog("new-institution-dialog", [&] { institution->choose(institution->matches().size()); },
                      [&](wxDialog& n) {
                          choose(named<wxChoice>(&n, "region"), _("Brussels"));
                          type(&n, "postcode", "1200");
                          click(button(&n, _("OK")));
                      });
        type_date(&d, "1/9/2026");
        choose(named<wxChoice>(&d, "funder"), "Commission communautaire commune (COCOM)");
        click(button(&d, _("OK")));
    });
    ASSERT_EQ(j.count("pat_accompaniment"), 1);

    // The request edited later.
    j.with_dialog("new-request-dialog", [&] { click(named<wxButton>(page, "edit-request")); }, [&](wxDialog& d) {
        EXPECT_EQ(named<wxChoice>(&d, "region")->GetStringSelection(), _("Brussels"));
        type(&d, "heard-from", "Le site web");
        spin(&d, "planned", 8);
        j.snap("edit-request", &d);
        click(button(&d, _("OK")));
    });
    EXPECT_EQ(j.count("pat_accompaniment WHERE heard_from = 'Le site web' AND planned_sessions = 8"), 1);

    // Change phase on a chosen date, close with a reason, reopen with a reason.
    auto change_phase = [&](const wxString& phase, const wxString& date, const wxString& reason) {
        j.with_dialog("phase-dialog", [&] { click(named<wxButton>(page, "change-phase")); }, [&](wxDialog& d) {
            choose(named<wxChoice>(&d, "phase"), phase);
            type_date(&d, date);
            if (!reason.empty()) type(&d, "reason", reason);
            EXPECT_TRUE(d.FindWindow(wxID_OK)->IsEnabled());
            click(button(&d, _("OK")));
        });
    };
    change_phase(_("Analysis"), "10/9/2026", {});
    EXPECT_EQ(in_phase_since(j, "analysis", "2026-09-10"), 1);
    // The rules speak as the user chooses: the accompaniment cannot start before the decision.
    j.with_dialog("phase-dialog", [&] { click(named<wxButton>(page, "change-phase")); }, [&](wxDialog& d) {
        choose(named<wxChoice>(&d, "phase"), _("Hired"));
        EXPECT_FALSE(named<wxStaticText>(&d, "problem")->GetLabel().empty());
        EXPECT_FALSE(d.FindWindow(wxID_OK)->IsEnabled());
        j.snap("phase-refused", &d);
        click(button(&d, _("Cancel")));
    });
    change_phase(_("Closed"), "20/9/2026", wxString::FromUTF8("L'hôpital reporte le projet"));
    EXPECT_EQ(in_phase_since(j, "closed", "2026-09-20"), 1);
    j.snap("closed");
    j.with_dialog("reopen-dialog", [&] { click(named<wxButton>(page, "change-phase")); }, [&](wxDialog& d) {
        type_date(&d, "1/10/2026");
        type(&d, "reason", wxString::FromUTF8("Budget trouvé"));
        j.snap("reopen", &d);
        click(button(&d, _("OK")));
    });
    EXPECT_EQ(j.count("pat_accompaniment WHERE phase = 'analysis' AND closed_date IS NULL"), 1);
    j.with_dialog("decision-dialog", [&] { click(named<wxButton>(page, "decide")); }, [&](wxDialog& d) {
        choose(named<wxChoice>(&d, "decision"), _("accepted"));
        type_date(&d, "2/10/2026");
        click(button(&d, _("OK")));
    });
    change_phase(_("Accompaniment"), "5/10/2026", {});
    j.snap("reopened-and-started");

    // A step of the guide, with its dates and notes.
    auto* steps = tab_list(page, "accompaniment-tabs", 2);
    ASSERT_NE(steps, nullptr);
    steps->select_id(steps->list()->id_at(0));
    j.with_dialog("step-dialog", [&] { click(named<wxButton>(page, "update-step")); }, [&](wxDialog& d) {
        choose(named<wxChoice>(&d, "state"), _("done"));
        type_date(&d, "6/10/2026");
        type(&d, "notes", wxString::FromUTF8("Besoins écrits avec la direction"));
        click(button(&d, _("OK")));
    });
    j.snap("step-done");
    EXPECT_EQ(j.count("pat_step_state WHERE state = 'done' AND started_on = '2026-10-06' AND finished_on = "
                      "'2026-10-06' AND notes LIKE 'Besoins%'"),
              1);

    // A document attached, then removed (with a confirmation).
    auto* documents = tab_list(page, "accompaniment-tabs", 5);
    ASSERT_NE(documents, nullptr);
    j.with_dialog("document-dialog", [&] { click(named<wxButton>(page, "add-document")); }, [&](wxDialog& d) {
        type(&d, "title", "Convention d'accompagnement");
        type(&d, "link", "https://drive.example.org/pat/convention-saint-luc.pdf");
        click(button(&d, _("OK")));
    });
    j.snap("document-attached");
    EXPECT_EQ(documents->list()->shown_count(), 1u);
    documents->select_id(documents->list()->id_at(0));
    confirm_deletion(j, [&] { click(button(documents, _("&Remove"))); });
    EXPECT_EQ(j.count("pat_document"), 0);

    // A session: added, edited, deleted, and brought back by Edit > Undo.
    auto* sessions = tab_list(page, "accompaniment-tabs", 3);
    ASSERT_NE(sessions, nullptr);
    add_session(j, page, {wxString::FromUTF8("groupe de travail"), "12/10/2026", 120, 30, {"Nadia Haddad", "Tom Claes"},
                          "Premier groupe"},
                1);
    sessions->select_id(sessions->list()->id_at(0));
    j.with_dialog("session-dialog", [&] { click(button(sessions, _("&Edit…"))); }, [&](wxDialog& d) {
        EXPECT_TRUE(named<wxStaticText>(&d, "staff-warning")->GetLabel().empty());
        spin(&d, "duration", 150);
        choose(named<wxChoice>(&d, "type"), wxString::FromUTF8("immersion"));
        click(button(&d, _("OK")));
    });
    EXPECT_EQ(j.count("pat_session p JOIN pat_session_type t ON t.id = p.type_id WHERE p.duration_minutes = 150 AND "
                      "t.code = 'immersion'"),
              1);
    sessions->select_id(sessions->list()->id_at(0));
    confirm_deletion(j, [&] { click(button(sessions, _("&Delete"))); });
    EXPECT_EQ(j.count("pat_session"), 0);
    j.snap("session-deleted");
    undo(j);
    EXPECT_EQ(j.count("pat_session"), 1);
    EXPECT_EQ(j.count("attendance WHERE role = 'staff'"), 2);
    page = j.page("pat.accompaniment");
    EXPECT_EQ(tab_list(page, "accompaniment-tabs", 3)->list()->shown_count(), 1u);
    j.snap("session-back-after-undo");

    // Stand-alone training, advocacy, a workplace added, edited and ended.
    wxWindow* activities = j.page("pat.activities");
    tab_list(activities, "activities-tabs", 2);
    j.with_dialog("training-dialog", [&] { click(named<wxButton>(activities, "new-training")); }, [&](wxDialog& d) {
        type(&d, "title", wxString::FromUTF8("Pair-aidance : repères"));
        type(&d, "audience", wxString::FromUTF8("Équipe de liaison"));
        type_date(&d, "14/10/2026");
        spin(&d, "participants", 12);
        click(button(&d, _("OK")));
    });
    j.snap("training");
    tab_list(activities, "activities-tabs", 3);
    j.with_dialog("advocacy-dialog", [&] { click(named<wxButton>(activities, "new-advocacy")); }, [&](wxDialog& d) {
        choose(named<wxChoice>(&d, "kind"), _("podcast"));
        type_date(&d, "20/10/2026");
        type(&d, "title", "Les pairs au travail");
        spin(&d, "audience-size", 300);
        click(button(&d, _("OK")));
    });
    j.snap("advocacy");
    EXPECT_EQ(j.count("pat_training WHERE participants = 12 AND date = '2026-10-14'"), 1);
    EXPECT_EQ(j.count("pat_advocacy WHERE kind = 'podcast' AND audience_size = 300"), 1);
    auto* workplaces = tab_list(activities, "activities-tabs", 4);
    ASSERT_NE(workplaces, nullptr);
    j.with_dialog("workplace-dialog", [&] { click(named<wxButton>(activities, "new-workplace")); }, [&](wxDialog& d) {
        auto* institution = named<ui::InstitutionPicker>(&d, "institution");
        ASSERT_TRUE(choose_only_match(institution, "Saint-Luc"));
        type(named<ui::DatePicker>(&d, "date")->text(), "1/11/2026");
        spin(&d, "peer-workers", 1);
        click(button(&d, _("OK")));
    });
    workplaces->select_id(workplaces->list()->id_at(0));
    j.with_dialog("workplace-dialog", [&] { click(named<wxButton>(activities, "edit-workplace")); }, [&](wxDialog& d) {
        spin(&d, "peer-workers", 2);
        click(button(&d, _("OK")));
    });
    EXPECT_EQ(j.db().scalar_int("SELECT peer_workers FROM pat_workplace"), 2);
    j.snap("workplace");
    // The workplace on the map (1200 Woluwe-Saint-Lambert, in the Brussels inset), and the
    // map alone as the PNG a user would export.
    wxWindow* map_page = j.page("pat.map");
    j.snap("map-page");
    j.snap("map", named<wxWindow>(map_page, "pat.map"));
    activities = j.page("pat.activities");
    workplaces->select_id(workplaces->list()->id_at(0));
    j.with_dialog("end-workplace-dialog", [&] { click(named<wxButton>(activities, "end-workplace")); },
                  [&](wxDialog& d) {
                      type_date(&d, "25/11/2026");
                      click(button(&d, _("OK")));
                  });
    EXPECT_EQ(j.count("pat_workplace WHERE ended_on = '2026-11-25'"), 1);
    EXPECT_EQ(workplaces->list()->shown_count(), 0u);  // ended ones are hidden until asked for

    // The sessions exported as the list shows them.
    auto* all_sessions = tab_list(activities, "activities-tabs", 0);
    ASSERT_NE(all_sessions, nullptr);
    EXPECT_EQ(all_sessions->list()->shown_count(), 1u);
    j.snap("all-sessions");
    test::TempDir out;
    all_sessions->export_to(out / "sessions.csv");
    all_sessions->export_to(out / "sessions.xlsx");
    std::ifstream csv(out / "sessions.csv");
    const std::string text((std::istreambuf_iterator<char>(csv)), std::istreambuf_iterator<char>());
    EXPECT_NE(text.find("Hôpital Saint-Luc"), std::string::npos) << text;
    EXPECT_NE(text.find("12/10/2026"), std::string::npos) << text;
    EXPECT_GT(std::filesystem::file_size(out / "sessions.xlsx"), 1000u);

    // Tools > PAT reference data: a session type defined in three languages, then retired.
    j.with_dialog("pat-reference-data", [&] { j.menu(_("&Tools"), _("PAT &reference data…")); }, [&](wxDialog& d) {
        j.with_dialog("reference-dialog", [&] { click(named<wxButton>(&d, "define-type")); }, [&](wxDialog& r) {
            type(&r, "code", "peer_visit");
            type(&r, "fr", "visite entre pairs");
            type(&r, "nl", "bezoek onder ervaringsdeskundigen");
            type(&r, "en", "peer visit");
            type(&r, "fr-plural", "visites entre pairs");
            type(&r, "nl-plural", "bezoeken onder ervaringsdeskundigen");
            type(&r, "en-plural", "peer visits");
            j.snap("define-session-type", &r);
            click(button(&r, _("OK")));
        });
        auto* types = dynamic_cast<ui::ListPanel*>(named<wxNotebook>(&d, "reference-tabs")->GetPage(0));
        ASSERT_NE(types, nullptr);
        const int64_t type_id = j.db().scalar_int("SELECT id FROM pat_session_type WHERE code = 'peer_visit'");
        EXPECT_TRUE(types->select_id(type_id));
        click(named<wxButton>(&d, "retire-type"));
        j.snap("reference-data", &d);
        click(button(&d, _("Close")));
    });
    EXPECT_EQ(j.count("pat_session_type WHERE code = 'peer_visit' AND label_nl = 'bezoek onder ervaringsdeskundigen' "
                      "AND retired_at IS NOT NULL"),
              1);

    // A second request for the same institution, recorded by mistake: deleted, then
    // brought back by Edit > Undo.
    page = j.page("pat.accompaniment");
    j.with_dialog("new-request-dialog", [&] { click(named<wxButton>(page, "new-request")); }, [&](wxDialog& d) {
        auto* institution = named<ui::InstitutionPicker>(&d, "institution");
        ASSERT_TRUE(choose_only_match(institution, "Saint-Luc"));
        click(button(&d, _("OK")));
    });
    EXPECT_EQ(j.count("pat_accompaniment"), 2);
    show_tab(page, 0);
    confirm_deletion(j, [&] { click(named<wxButton>(page, "delete-request")); });
    EXPECT_EQ(j.count("pat_accompaniment"), 1);
    EXPECT_EQ(j.count("pat_session"), 1);  // the other one's session stays
    undo(j);
    EXPECT_EQ(j.count("pat_accompaniment"), 2);

    // The chooser is searched as you type; the second request is closed after all.
    page = j.page("pat.accompaniment");
    auto* chooser = named<ui::SearchPicker>(page, "accompaniment");
    ASSERT_NE(chooser, nullptr);
    chooser->set_text("Saint-Luc");
    settle();
    ASSERT_EQ(chooser->matches().size(), 2u);
    chooser->choose(0);  // the request (requests come first)
    settle();
    show_tab(page, 0);
    // The request above is dated the day the journey runs: it is closed that same day.
    change_phase(_("Closed"), wxDateTime::Today().Format("%d/%m/%Y"),
                 wxString::FromUTF8("Doublon de la demande de septembre"));
    EXPECT_EQ(j.count("pat_accompaniment WHERE phase = 'closed'"), 1);

    // The board: closed ones hidden until asked for, filters by region and funder.
    wxWindow* board = j.page("pat.board");
    auto* closed_column = named<wxListCtrl>(board, "board-closed");
    EXPECT_FALSE(closed_column->IsShownOnScreen());
    auto* show_closed = named<wxCheckBox>(board, "show-closed");
    show_closed->SetValue(true);
    wxCommandEvent toggled(wxEVT_CHECKBOX, show_closed->GetId());
    toggled.SetEventObject(show_closed);
    toggled.SetInt(1);
    show_closed->ProcessWindowEvent(toggled);
    settle();
    EXPECT_TRUE(closed_column->IsShownOnScreen());
    EXPECT_TRUE(column_text(board, "closed").Contains("Saint-Luc"));
    EXPECT_TRUE(column_text(board, "accompaniment").Contains("Saint-Luc"));
    choose(named<wxChoice>(board, "region"), _("Wallonia"));
    EXPECT_FALSE(column_text(board, "accompaniment").Contains("Saint-Luc"));
    choose(named<wxChoice>(board, "region"), _("Brussels"));
    choose(named<wxChoice>(board, "funder"), "Commission communautaire commune");
    EXPECT_TRUE(column_text(board, "accompaniment").Contains("Saint-Luc"));
    EXPECT_FALSE(column_text(board, "closed").Contains("Saint-Luc"));  // the closed request had no funder
    j.snap("board-filtered");

    // The figures since the start.
    wxWindow* figures = j.page("pat.figures");
    choose(named<wxChoice>(figures, "period"), _("Since the start"));
    j.snap("figures-since-the-start");
    EXPECT_FALSE(named<wxSpinCtrl>(figures, "year")->IsEnabled());
    EXPECT_TRUE(named<wxHtmlWindow>(figures, "figures")->ToText().Contains(wxString::FromUTF8("Hôpital Saint-Luc")));
}
