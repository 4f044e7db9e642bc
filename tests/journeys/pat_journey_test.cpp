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
#include "shared-ui/pickers.h"
#include "shared-ui/questionnaire_form.h"
#include "shared-ui/questionnaire_results.h"
#include "shared-ui/virtual_list.h"

#include <wx/checkbox.h>
#include <wx/checklst.h>
#include <wx/dnd.h>
#include <wx/html/htmlwin.h>
#include <wx/intl.h>
#include <wx/listctrl.h>
#include <wx/notebook.h>
#include <wx/spinctrl.h>
#include <wx/stattext.h>

using namespace maillage;
using namespace maillage::journey;

namespace {

const wxString kInstitution = wxString::FromUTF8("Maison d'accueil Les Tilleuls");
const wxString kAviq = wxString::FromUTF8("Agence pour une Vie de Qualité");

void fill_assistant(Journey& j, wxDialog& d) {
    type(&d, "organisation", wxString::FromUTF8("Réseau Santé Mentale et Précarité"));
    click(named<wxButton>(&d, "next"));
    type(&d, "programme-code", "support");
    type(&d, "programme-name", "Support");
    click(named<wxButton>(&d, "programme-add"));
    type(&d, "programme-code", "pat");
    type(&d, "programme-name", wxString::FromUTF8("PAT — pair-aidance"));
    choose(named<wxChoice>(&d, "programme-parent"), "support");
    click(named<wxButton>(&d, "programme-add"));
    type(&d, "funder-code", "COCOM");
    type(&d, "funder-name", "Commission communautaire commune");
    click(named<wxButton>(&d, "funder-add"));
    type(&d, "funder-code", "AVIQ");
    type(&d, "funder-name", kAviq);
    click(named<wxButton>(&d, "funder-add"));
    j.snap("assistant-programmes-and-funders", &d);
    click(named<wxButton>(&d, "next"));
    click(named<wxButton>(&d, "finish"));
}

// People page > New…: a member of the PAT team (role Staff).
void create_staff(Journey& j, const wxString& first, const wxString& last, const wxString& email) {
    wxWindow* page = j.page("core.people");
    j.with_dialog({}, [&] { click(button(page, _("&New…"))); }, [&](wxDialog& person) {
        type(field_as<wxTextCtrl>(&person, _("First name:")), first);
        type(field_as<wxTextCtrl>(&person, _("Last name:")), last);
        type(field_as<wxTextCtrl>(&person, _("Email:")), email);
        check(field_as<wxCheckListBox>(&person, _("Roles:")), _("Staff"));
        click(button(&person, _("OK")));
    });
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
        tick(named<wxCheckListBox>(&d, "attendees"), "Marie Dubois");
        type(&d, "notes", in.notes);
        if (in.staff.size() == 1) j.snap("session-with-one-staff-member-warning", &d);
        if (n == 1) j.snap("session-dialog", &d);
        click(button(&d, _("OK")));
    });
    j.snap("session-" + std::to_string(n) + "-recorded");
}

}  // namespace

TEST(PatJourney, FromRequestToFollowUp) {
    Journey j("pat");
    j.start([&](wxDialog& d) { fill_assistant(j, d); });
    ASSERT_TRUE(FunderRepository(j.db()).find_by_code("AVIQ"));
    create_staff(j, "Nadia", "Haddad", "nadia.haddad@example.org");
    create_staff(j, "Tom", "Claes", "tom.claes@example.org");

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
                          sector->set_text("sans-abri");
                          settle();
                          ASSERT_EQ(sector->matches().size(), 1u);
                          sector->choose(0);
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
    EXPECT_EQ(j.db().scalar_int("SELECT count(*) FROM pat_accompaniment WHERE phase = 'request' AND region = "
                                "'wallonia' AND planned_sessions = 6 AND request_date = '2026-09-01' AND funder_id = "
                                "(SELECT id FROM funder WHERE code = 'AVIQ') AND contact_person_id = (SELECT id FROM "
                                "person WHERE email = 'marie.dubois@example.org')"),
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
    EXPECT_EQ(j.db().scalar_int("SELECT count(*) FROM pat_accompaniment WHERE phase = 'analysis' AND analysis_date = "
                                "'2026-09-08' AND intake_response_id IS NOT NULL"),
              1);
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
    EXPECT_EQ(j.db().scalar_int("SELECT count(*) FROM pat_accompaniment WHERE decision = 'accepted' AND "
                                "decision_date = '2026-09-15'"),
              1);

    // 4. The card dragged to Accompaniment: the phase dialog, dated.
    board = j.page("pat.board");
    j.with_dialog("phase-dialog", [&] { drop_card(board, id, "accompaniment"); }, [&](wxDialog& d) {
        EXPECT_EQ(named<wxChoice>(&d, "phase")->GetStringSelection(), _("Accompaniment"));
        type_date(&d, "22/9/2026");
        j.snap("drag-to-accompaniment", &d);
        click(button(&d, _("OK")));
    });
    j.snap("board-accompaniment");
    EXPECT_EQ(j.db().scalar_int("SELECT count(*) FROM pat_accompaniment WHERE phase = 'accompaniment' AND "
                                "accompaniment_date = '2026-09-22'"),
              1);
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
    EXPECT_EQ(j.db().scalar_int("SELECT count(*) FROM pat_session p JOIN session s ON s.id = p.session_id WHERE "
                                "p.accompaniment_id = " + std::to_string(id) + " AND p.phase = 'accompaniment' AND "
                                "s.status = 'held'"),
              4);
    EXPECT_EQ(j.db().scalar_int("SELECT count(*) FROM pat_session WHERE staff_warning IS NOT NULL"), 1);
    EXPECT_EQ(j.db().scalar_int("SELECT count(*) FROM attendance WHERE role = 'staff'"), 7);
    EXPECT_EQ(j.db().scalar_int("SELECT count(*) FROM attendance WHERE role = 'participant' AND institution_id = " +
                                std::to_string(institution->id)),
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
    EXPECT_EQ(j.db().scalar_int("SELECT count(*) FROM pat_hire WHERE status = 'effective' AND hire_date = "
                                "'2026-11-02' AND working_time_percent = 50"),
              1);
    EXPECT_EQ(j.db().scalar_int("SELECT count(*) FROM pat_accompaniment WHERE phase = 'hired' AND hired_date = "
                                "'2026-11-02'"),
              1);

    // 7. The card dragged to Follow-up.
    board = j.page("pat.board");
    j.with_dialog("phase-dialog", [&] { drop_card(board, id, "follow_up"); }, [&](wxDialog& d) {
        type_date(&d, "16/11/2026");
        click(button(&d, _("OK")));
    });
    j.snap("board-follow-up");
    EXPECT_EQ(j.db().scalar_int("SELECT count(*) FROM pat_accompaniment WHERE phase = 'follow_up' AND "
                                "follow_up_date = '2026-11-16'"),
              1);
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
