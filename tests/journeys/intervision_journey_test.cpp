// Journey "intervision": the Connect project officer's year, from `maillage-cli init`
// without demo. The programme (first-start assistant), the institutions and people the
// groups need (core pages' dialogs), then a cycle, two groups with their facilitators
// (the pair rule's warning), twelve enrolments (one refused by the one-worker-per-
// institution rule then accepted with a reason, one on the waiting list), the sessions of
// the whole cycle generated after a preview, one session moved, attendance for two
// sessions, two evaluations, and the figures page, which must say what
// `maillage-cli intervision figures` prints on the same file.
// Screenshots: build/screenshots/journeys/intervision/.
#include "journey.h"

#include "core/database.h"
#include "core/people.h"
#include "core/questionnaires.h"
#include "shared-ui/attendance_grid.h"
#include "shared-ui/date_pickers.h"
#include "shared-ui/list_panel.h"
#include "shared-ui/messages.h"
#include "shared-ui/pickers.h"
#include "shared-ui/questionnaire_form.h"
#include "shared-ui/report_view.h"
#include "shared-ui/virtual_list.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <wx/checkbox.h>
#include <wx/checklst.h>
#include <wx/dataview.h>
#include <wx/datetime.h>
#include <wx/intl.h>
#include <wx/stattext.h>

#include <cstdio>
#include <fstream>
#include <sstream>

using namespace maillage;
using namespace maillage::journey;

namespace {

// The stored date of the session `id`, "" when there is no such session.
std::string session_date(Journey& j, int64_t id) {
    SQLite::Statement q(j.db().sql(), "SELECT date FROM session WHERE id = ?");
    q.bind(1, id);
    return q.executeStep() ? q.getColumn(0).getString() : std::string();
}

struct Place {
    const char* name;
    const char* municipality;
    const char* postcode;
    const char* sector;  // French label, as the sectors list shows it
};
const Place kPlaces[] = {
    {"Centre de santé mentale Le Méridien", "Saint-Gilles", "1060", "santé mentale"},
    {"CPAS de Saint-Gilles", "Saint-Gilles", "1060", "aide sociale générale"},
    {"Abri de nuit Pierre d'Angle", "Bruxelles", "1000", "aide aux personnes sans-abri"},
    {"Projet Lama", "Anderlecht", "1070", "drogues et addictions"},
    {"Logement pour tous", "Schaerbeek", "1030", "logement"},
    {"Hôpital psychiatrique Sanatia", "Saint-Josse-ten-Noode", "1210", "santé mentale"},
};

struct Someone {
    const char* first;
    const char* last;
    int place;  // index in kPlaces
    bool facilitator;
};
// Three facilitators (mental health, social, addiction), then twelve participants.
const Someone kPeople[] = {
    {"Marie", "Dubois", 0, true},      {"Karim", "Haddad", 1, true},     {"Els", "Vermeulen", 3, true},
    {"Leila", "Benali", 0, false},     {"Jan", "Peeters", 1, false},     {"Sofia", "Lambert", 2, false},
    {"Hugo", "Martin", 3, false},      {"Inès", "Moreau", 4, false},     {"Tom", "Claes", 0, false},
    {"Nadia", "Bensaïd", 5, false},    {"Lucas", "Renard", 1, false},    {"Amélie", "Fontaine", 2, false},
    {"Pieter", "Janssens", 3, false},  {"Chloé", "Dupont", 4, false},    {"Youssef", "El Amrani", 5, false},
};

wxString u8(const char* s) { return wxString::FromUTF8(s); }
std::string email_of(const Someone& p) {
    std::string e = std::string(p.first) + "." + p.last + "@example.org";
    for (auto& c : e) c = c == ' ' ? '-' : char(std::tolower(static_cast<unsigned char>(c)));
    return e;
}

// The cycle the "New cycle" dialog proposes today: September to June.
int cycle_start_year() {
    const wxDateTime today = wxDateTime::Today();
    return today.GetMonth() >= wxDateTime::Jul ? today.GetYear() : today.GetYear() - 1;
}

int64_t person_id(Journey& j, const Someone& p) {
    const auto found = PersonRepository(j.db()).find_by_email(email_of(p));
    EXPECT_TRUE(found) << email_of(p);
    return found ? found->id : 0;
}

std::string quoted(const std::string& s) {
    std::string q = "'";
    for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return q + "'";
}

// The item of a choice that starts with `prefix` ("Groupe lundi — …").
void choose_starting(wxChoice* choice, const wxString& prefix) {
    ASSERT_NE(choice, nullptr);
    for (unsigned i = 0; i < choice->GetCount(); ++i)
        if (choice->GetString(i).StartsWith(prefix)) return choose(choice, choice->GetString(i));
    FAIL() << "no item starting with " << prefix.utf8_string();
}

// Typing part of a name in a search picker, then the only match.
void pick(ui::SearchPicker* picker, const wxString& typed) {
    ASSERT_NE(picker, nullptr);
    ASSERT_TRUE(choose_only_match(picker, typed));
    settle(2);
}

// The row of a list whose first column is `text`, or -1.
int row_with(ui::VirtualList* list, const wxString& text) {
    for (size_t i = 0; i < list->shown_count(); ++i)
        if (list->text_at(i, 0) == text) return int(i);
    return -1;
}

void assistant(wxDialog& d) {
    assistant_organisation(d, wxString::FromUTF8("Réseau Santé Mentale et Précarité"), wxString::FromUTF8("Français"));
    add_programme(&d, "connect", "Connect");
    add_funder(&d, "COCOM", "Commission communautaire commune");
    assistant_finish(d);
}

void create_institution(Journey& j, const Place& place) {
    wxWindow* page = j.page("core.institutions");
    j.with_dialog({}, [&] { click(button(page, _("&New…"))); }, [&](wxDialog& d) {
        type(field_as<wxTextCtrl>(&d, _("Name:")), u8(place.name));
        choose(field_as<wxChoice>(&d, _("Region:")), _("Brussels"));
        type(field_as<wxTextCtrl>(&d, _("Municipality:")), u8(place.municipality));
        type(field_as<wxTextCtrl>(&d, _("Postcode:")), place.postcode);
        choose(field_as<wxChoice>(&d, _("Language:")), _("French"));
        check(field_as<wxCheckListBox>(&d, _("Sectors:")), u8(place.sector));
        click(button(&d, _("OK")));
    });
}

// People page > New…: name, email, role, and a job at their institution since January.
void create_person(Journey& j, const Someone& p, int year) {
    wxWindow* page = j.page("core.people");
    j.with_dialog({}, [&] { click(button(page, _("&New…"))); }, [&](wxDialog& person) {
        fill_person(&person, u8(p.first), u8(p.last), u8(email_of(p).c_str()),
                    p.facilitator ? _("Facilitator") : _("Front-line worker"));
        j.with_dialog({}, [&] { click(button(&person, _("Add a job…"))); }, [&](wxDialog& job) {
            j.with_dialog({}, [&] { click(button(&job, _("Choose…"))); }, [&](wxDialog& choose_dialog) {
                auto* list = first_of<ui::VirtualList>(&choose_dialog);
                ASSERT_NE(list, nullptr);
                const int row = row_with(list, u8(kPlaces[p.place].name));
                ASSERT_GE(row, 0) << kPlaces[p.place].name;
                double_click(list, list->id_at(size_t(row)));
            });
            type(field_as<wxTextCtrl>(&job, _("Job title:")), p.facilitator ? wxString::FromUTF8("Psychologue")
                                                                             : wxString::FromUTF8("Assistant·e social·e"));
            type(field_as<wxTextCtrl>(&job, _("From:")), wxString::Format("1/1/%d", year));
            click(button(&job, _("OK")));
        });
        click(button(&person, _("OK")));
    });
}

// Cycles page > New group…: the dialog filled in; `wrong_second` is first chosen as
// second facilitator, so that the pair rule's warning shows, then replaced.
void create_group(Journey& j, const wxString& name, const wxString& language, int weekday, const wxString& half_day,
                  const wxString& week, const Someone& first, const Someone& second, const Someone* wrong_second) {
    wxWindow* page = j.page("intervision.cycles");
    j.with_dialog("group-dialog", [&] { click(named<wxButton>(page, "new-group")); }, [&](wxDialog& d) {
        type(&d, "name", name);
        choose(named<wxChoice>(&d, "language"), language);
        // The shared slot picker: its weekday, then its half-day.
        auto* slot = named<ui::TimeSlotPicker>(&d, "slot");
        ASSERT_NE(slot, nullptr);
        std::vector<wxChoice*> choices;
        for (wxWindow* child : slot->GetChildren())
            if (auto* c = dynamic_cast<wxChoice*>(child)) choices.push_back(c);
        ASSERT_GE(choices.size(), 2u);
        choose(choices[0], ui::weekday_name(weekday));
        choose(choices[1], half_day);
        choose(named<wxChoice>(&d, "week"), week);
        type(&d, "capacity", "6");
        pick(named<ui::PersonPicker>(&d, "facilitator1"), u8(first.last));
        auto* warning = named<wxStaticText>(&d, "pair-warning");
        if (wrong_second) {
            pick(named<ui::PersonPicker>(&d, "facilitator2"), u8(wrong_second->last));
            // Two facilitators from mental health: the rule warns in the dialog.
            EXPECT_TRUE(warning->GetLabel().Contains(u8(wrong_second->last))) << warning->GetLabel().utf8_string();
            j.snap("group-pair-warning", &d);
        }
        pick(named<ui::PersonPicker>(&d, "facilitator2"), u8(second.last));
        EXPECT_EQ(warning->GetLabel(), wxString());
        if (!wrong_second) j.snap("new-group", &d);
        click(button(&d, _("Create the group")));
    });
}

// Cycles page > Enrol…: the person, the group, the date typed; the institution they count
// for is proposed from their job. With `reason`, the rule asks for it in the same dialog.
void enrol(Journey& j, const Someone& p, const wxString& group, const wxString& date, const char* reason = nullptr) {
    wxWindow* page = j.page("intervision.cycles");
    j.with_dialog("enrol-dialog", [&] { click(named<wxButton>(page, "enrol")); }, [&](wxDialog& d) {
        pick(named<ui::PersonPicker>(&d, "person"), u8(p.last));
        choose_starting(named<wxChoice>(&d, "group"), group);
        auto* when = named<ui::DatePicker>(&d, "date");
        type(when->text(), date);
        EXPECT_EQ(named<ui::InstitutionPicker>(&d, "institution")->text(), u8(kPlaces[p.place].name));
        click(button(&d, _("Enrol")));
        if (reason) {
            // Refused until a reason is given: the warning and the reason field, in place.
            ASSERT_TRUE(d.IsModal());
            auto* warning = named<wxStaticText>(&d, "warning");
            EXPECT_TRUE(warning->GetLabel().Contains(u8(kPlaces[p.place].name))) << warning->GetLabel().utf8_string();
            auto* why = named<wxTextCtrl>(&d, "reason");
            ASSERT_TRUE(why->IsShownOnScreen());
            j.snap("enrol-rule-asks-a-reason", &d);
            type(why, u8(reason));
            click(button(&d, _("Enrol")));
        }
    });
}

std::string run_cli(const std::string& args) {
    char out_name[] = "/tmp/maillage-journey-cli-XXXXXX";
    const int fd = mkstemp(out_name);
    EXPECT_GE(fd, 0);
    close(fd);
    const std::string cmd = "env LANGUAGE=fr LC_ALL=C.UTF-8 " + quoted((test::build_bin_dir() / "maillage-cli").string()) +
                            " " + args + " > " + quoted(out_name);
    EXPECT_EQ(std::system(cmd.c_str()), 0) << cmd;
    std::ifstream in(out_name, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    std::remove(out_name);
    return text.str();
}

}  // namespace

TEST(IntervisionJourney, TheProjectOfficersYear) {
    Journey j("intervision");
    j.start([&](wxDialog& d) { assistant(d); });
    j.snap("main-window");
    const int year = cycle_start_year();
    const wxString cycle_name = wxString::Format("%d-%d", year, year + 1);

    // What the groups need: the services and the people, through the core pages.
    for (const auto& place : kPlaces) create_institution(j, place);
    for (const auto& p : kPeople) create_person(j, p, year);
    j.snap("people");
    ASSERT_EQ(j.count("person"), 15);

    // The cycle: September to June by default, counting for COCOM, a winter closure.
    wxWindow* cycles = j.page("intervision.cycles");
    j.snap("cycles-empty");
    j.with_dialog("new-cycle-dialog", [&] { click(named<wxButton>(cycles, "create-first-cycle")); }, [&](wxDialog& d) {
        EXPECT_EQ(named<wxTextCtrl>(&d, "name")->GetValue(), cycle_name);
        choose(named<wxChoice>(&d, "funder"), "Commission communautaire commune (COCOM)");
        j.with_dialog("closure-dialog", [&] { click(named<wxButton>(&d, "add-closure")); }, [&](wxDialog& c) {
            type(named<ui::DatePicker>(&c, "from")->text(), wxString::Format("22/12/%d", year));
            type(named<ui::DatePicker>(&c, "to")->text(), wxString::Format("2/1/%d", year + 1));
            type(&c, "label", wxString::FromUTF8("Congé d'hiver"));
            click(button(&c, _("Add")));
        });
        j.snap("new-cycle", &d);
        click(button(&d, _("OK")));
    });
    cycles = j.page("intervision.cycles");
    j.snap("cycle-created");
    EXPECT_EQ(
        j.count("intervision_cycle WHERE start_date = '" + std::to_string(year) + "-09-01' AND end_date = '" +
                std::to_string(year + 1) + "-06-30' AND funder_id = (SELECT id FROM funder WHERE code = 'COCOM')"),
        1);
    EXPECT_EQ(j.count("intervision_closure"), 1);
    EXPECT_TRUE(named<wxStaticText>(cycles, "cycle-info")->GetLabel().Contains(wxString::FromUTF8("Congé d'hiver")));

    // Two groups, each led by a pair: one from mental health, one from the social sector.
    const Someone &dubois = kPeople[0], &haddad = kPeople[1], &vermeulen = kPeople[2];
    const wxString monday = wxString::FromUTF8("Groupe lundi"), thursday = "Groep donderdag";
    create_group(j, monday, _("French"), 1, _("Morning"), _("2nd"), dubois, haddad, nullptr);
    create_group(j, thursday, _("Dutch"), 4, _("Afternoon"), _("3rd"), vermeulen, haddad, &dubois);
    j.snap("two-groups");
    EXPECT_EQ(j.count("intervision_group WHERE name = 'Groupe lundi' AND weekday = 1 AND week_of_month = 2 AND "
                      "half_day = 'morning' AND capacity = 6 AND language = 'fr'"),
              1);
    EXPECT_EQ(j.count("intervision_group WHERE name = 'Groep donderdag' AND weekday = 4 AND week_of_month = 3 AND "
                      "half_day = 'afternoon' AND language = 'nl'"),
              1);

    // Twelve enrolments from the cycle's first day. Tom Claes is the second worker of Le
    // Méridien in the Monday group (the rule asks why); Nadia Bensaïd comes seventh for
    // six places: the waiting list.
    const wxString first_day = wxString::Format("1/9/%d", year);
    for (int i = 3; i <= 9; ++i)
        enrol(j, kPeople[i], monday, first_day, i == 8 ? "Binôme en formation, demandé par la direction" : nullptr);
    for (int i = 10; i <= 14; ++i) enrol(j, kPeople[i], thursday, first_day);
    cycles = j.page("intervision.cycles");
    j.snap("twelve-enrolments");
    EXPECT_EQ(j.count("intervision_enrolment"), 12);
    EXPECT_EQ(j.count("intervision_enrolment WHERE status = 'enrolled'"), 11);
    EXPECT_EQ(j.count("intervision_enrolment WHERE reason LIKE 'Binôme%'"), 1);
    {
        auto* monday_list = named<ui::ListPanel>(cycles, ("participants-" + monday).utf8_string());
        ASSERT_NE(monday_list, nullptr);
        const int row = row_with(monday_list->list(), u8("Nadia Bensaïd"));
        ASSERT_GE(row, 0);
        EXPECT_EQ(monday_list->list()->text_at(size_t(row), 4), wxString::Format(_("waiting %d"), 1));
    }

    // The whole cycle's sessions: a preview first, that says nothing is replaced.
    wxWindow* sessions = j.page("intervision.sessions");
    j.snap("sessions-empty");
    size_t previewed = 0;
    j.with_dialog("generate-dialog", [&] { click(named<wxButton>(sessions, "generate")); }, [&](wxDialog& d) {
        auto* preview = named<ui::ListPanel>(&d, "preview");
        ASSERT_NE(preview, nullptr);
        previewed = preview->list()->shown_count();
        EXPECT_GE(previewed, 14u);  // two groups, about eight months each
        EXPECT_EQ(named<wxStaticText>(&d, "replaced")->GetLabel(), _("No session is replaced."));
        j.snap("generate-preview", &d);
        click(button(&d, _("Generate")));
    });
    j.snap("sessions-generated");
    EXPECT_EQ(size_t(j.count("intervision_session")), previewed);
    // No session in the winter closure, nor in July and August.
    EXPECT_EQ(j.count("session WHERE kind = 'intervision' AND (date BETWEEN '" + std::to_string(year) +
                      "-12-22' AND '" + std::to_string(year + 1) + "-01-02' OR substr(date, 6, 2) IN ('07', '08'))"),
              0);

    // The Monday group's third session moves: another day of the month, the afternoon,
    // a room of the town hall.
    auto* list = named<ui::ListPanel>(sessions, "sessions");
    ASSERT_NE(list, nullptr);
    ASSERT_GE(list->list()->shown_count(), 3u);
    list->sort_by(0);
    const int64_t moved = list->list()->id_at(2);
    const std::string old_date = session_date(j, moved);
    ASSERT_FALSE(old_date.empty());
    wxDateTime new_date;
    new_date.ParseISODate(old_date);
    new_date += wxDateSpan::Days(1);
    list->select_id(moved);
    settle(2);
    const wxString place = wxString::FromUTF8("Maison communale, salle du conseil, 1060 Saint-Gilles");
    j.with_dialog("session-dialog", [&] { click(named<wxButton>(sessions, "move-session")); }, [&](wxDialog& d) {
        type(named<ui::DatePicker>(&d, "date")->text(), new_date.Format("%d/%m/%Y"));
        type(&d, "start", "13:30");
        type(&d, "end", "16:00");
        type(&d, "place", place);
        j.snap("move-session", &d);
        click(button(&d, _("Save")));
    });
    j.snap("session-moved");
    {
        SQLite::Statement q(j.db().sql(), "SELECT date, start_time, end_time, place FROM session WHERE id = ?");
        q.bind(1, moved);
        ASSERT_TRUE(q.executeStep());
        EXPECT_EQ(q.getColumn(0).getString(), new_date.FormatISODate().utf8_string());
        EXPECT_EQ(q.getColumn(1).getString(), "13:30");
        EXPECT_EQ(q.getColumn(2).getString(), "16:00");
        EXPECT_EQ(wxString::FromUTF8(q.getColumn(3).getString()), place);
    }
    // Generating again would keep it: the preview says what would be replaced and what stays.
    j.with_dialog("generate-dialog", [&] { click(named<wxButton>(sessions, "generate")); }, [&](wxDialog& d) {
        const auto replaced = named<wxStaticText>(&d, "replaced")->GetLabel();
        EXPECT_TRUE(replaced.Contains(wxString::Format(_("%zu planned sessions without attendance are replaced:"),
                                                       previewed - 1)))
            << replaced.utf8_string();
        EXPECT_TRUE(replaced.Contains(
            wxString::Format(wxPLURAL("%d held, cancelled, attended or hand-set session stays as it is.",
                                      "%d held, cancelled, attended or hand-set sessions stay as they are.", 1),
                             1)))
            << replaced.utf8_string();
        j.snap("generate-again-says-what-is-replaced", &d);
        click(button(&d, _("Cancel")));
    });

    // The Monday group's last session deleted after its confirmation, then brought back
    // with Edit > Undo, which names the change.
    {
        const int64_t last = list->list()->id_at(list->list()->shown_count() - 1);
        const std::string last_date = session_date(j, last);
        ASSERT_FALSE(last_date.empty());
        wxDateTime d;
        d.ParseISODate(last_date);
        const wxString what = wxString::Format(_("the session of %s (%s)"), d.Format("%d/%m/%Y"), monday);
        list->select_id(last);
        settle(2);
        // The harness answers questions "no" without a user: here the confirmation is
        // shown and clicked.
        ui::set_non_interactive(nullptr);
        j.with_dialog("confirm_delete", [&] { click(named<wxButton>(sessions, "delete-session")); }, [&](wxDialog& c) {
            j.snap("delete-session", &c);
            click(named<wxButton>(&c, "delete"));
        });
        ui::set_non_interactive(
            [](const wxString& message) { ADD_FAILURE() << "error shown: " << message.utf8_string(); });
        EXPECT_EQ(size_t(j.count("intervision_session")), previewed - 1);
        EXPECT_EQ(list->list()->shown_count(), previewed / 2 - 1);
        j.menu(_("&Edit"), wxString::Format(_("&Undo: %s"), wxString::Format(_("delete %s"), what)));
        EXPECT_EQ(size_t(j.count("intervision_session")), previewed);
        list = named<ui::ListPanel>(j.page("intervision.sessions"), "sessions");
        EXPECT_EQ(list->list()->shown_count(), previewed / 2);
        j.snap("session-deletion-undone");
    }

    // Attendance of the Monday group's first two sessions (September, October): everyone
    // present but Sofia Lambert, absent the second time; then both marked held.
    auto* grid = named<ui::AttendanceGrid>(sessions, "attendance");
    ASSERT_NE(grid, nullptr);
    const int64_t first = list->list()->id_at(0), second = list->list()->id_at(1);
    const Someone* monday_people[] = {&kPeople[0], &kPeople[1], &kPeople[3], &kPeople[4], &kPeople[5],
                                      &kPeople[6], &kPeople[7], &kPeople[8]};
    for (const int64_t session : {first, second})
        for (const Someone* p : monday_people) {
            const int row = grid->row_of(person_id(j, *p)), col = grid->col_of(session);
            ASSERT_GE(row, 0) << p->last;
            ASSERT_GE(col, 0);
            const bool absent = session == second && p == &kPeople[5];
            EXPECT_TRUE(grid->set_cell(row, col, absent ? ui::AttendanceStatus::Absent : ui::AttendanceStatus::Present));
        }
    EXPECT_EQ(grid->session_total(grid->col_of(first)), "6 / 6");
    EXPECT_EQ(grid->session_total(grid->col_of(second)), "5 / 6");
    for (const int64_t session : {first, second}) {
        list->select_id(session);
        settle(2);
        click(named<wxButton>(sessions, "held"));
    }
    j.snap("attendance-two-sessions");
    EXPECT_EQ(j.count("attendance WHERE status = 'present'"), 15);
    EXPECT_EQ(j.count("session WHERE status = 'held'"), 2);

    // Two evaluations with the shared questionnaire form: Leila Benali's, and an anonymous one.
    wxWindow* evaluation = j.page("intervision.evaluation");
    j.snap("evaluation-empty");
    // The questionnaire gets one more question before anyone answers.
    j.with_dialog("template-dialog", [&] { click(named<wxButton>(evaluation, "edit-template")); }, [&](wxDialog& d) {
        j.with_dialog("question-dialog", [&] { click(button(&d, _("Add…"))); }, [&](wxDialog& q) {
            type(&q, "text", wxString::FromUTF8("Recommanderiez-vous le groupe à un·e collègue ?"));
            choose(named<wxChoice>(&q, "kind"), _("yes / partly / no"));
            click(button(&q, _("OK")));
        });
        j.snap("evaluation-questionnaire", &d);
        click(button(&d, _("Save")));
    });
    EXPECT_EQ(j.count("question WHERE text LIKE 'Recommanderiez-vous%'"), 1);
    for (int n = 0; n < 2; ++n)
        j.with_dialog("evaluation-dialog", [&] { click(named<wxButton>(evaluation, "enter-evaluation")); },
                      [&](wxDialog& d) {
                          choose(named<wxChoice>(&d, "group"), monday);
                          choose(named<wxChoice>(&d, "respondent"), n == 0 ? u8("Leila Benali") : _("(anonymous)"));
                          auto* form = named<ui::QuestionnaireForm>(&d, "questionnaire");
                          ASSERT_NE(form, nullptr);
                          for (const auto& q : form->questionnaire().questions) {
                              AnswerValue a;
                              if (q.kind == "rating")
                                  a.number = n == 0 ? 5 : 4;
                              else if (q.kind == "text")
                                  a.text = n == 0 ? "Connaître les services du quartier." : "Plus de vignettes.";
                              else
                                  a.number = 0;
                              form->set_answer(q.id, a);
                          }
                          if (n == 0) j.snap("evaluation-form", &d);
                          click(button(&d, wxGETTEXT_IN_CONTEXT("verb", "Record")));
                      });
    j.snap("evaluations");
    EXPECT_EQ(j.count("response"), 2);
    EXPECT_EQ(named<wxStaticText>(evaluation, "responses")->GetLabel(),
              wxString::Format(wxPLURAL("%zu response", "%zu responses", 2), size_t(2)));

    // The figures page says what the command line says, on the same file.
    wxWindow* figures = j.page("intervision.report");
    auto* view = first_of<ui::ReportView>(figures);
    ASSERT_NE(view, nullptr);
    for (int i = 0; i < 200 && view->loading(); ++i) settle(2);  // the web engine draws the page
    j.snap("figures");
    const std::string cli = run_cli("--db " + quoted(j.database_file().string()) + " --lang fr intervision figures --cycle " +
                                    cycle_name.utf8_string() + " --programme connect --lang fr --format html");
    const std::string shown = ui::html_visible_text(view->html()), printed = ui::html_visible_text(cli);
    EXPECT_FALSE(printed.empty());
    EXPECT_EQ(shown, printed);
    // And they are this year's: eleven participants in two groups.
    EXPECT_NE(shown.find("Groupe lundi"), std::string::npos) << shown;
    EXPECT_NE(shown.find("11"), std::string::npos) << shown;

    // ---- The rest of the year ------------------------------------------------------
    // Nadia Bensaïd is taken from the waiting list by hand: the group is over-full until
    // Leila Benali leaves at the end of January.
    cycles = j.page("intervision.cycles");
    auto select_in = [&](const wxString& group, const wxString& who) {
        auto* panel = named<ui::ListPanel>(j.page("intervision.cycles"), ("participants-" + group).utf8_string());
        ASSERT_NE(panel, nullptr);
        const int row = row_with(panel->list(), who);
        ASSERT_GE(row, 0) << who.utf8_string();
        panel->select_id(panel->list()->id_at(size_t(row)));
        settle(2);
    };
    select_in(monday, u8("Nadia Bensaïd"));
    click(named<wxButton>(cycles, "promote"));
    EXPECT_EQ(j.count("intervision_enrolment WHERE status = 'waiting'"), 0);
    select_in(monday, u8("Leila Benali"));
    j.with_dialog("leave-dialog", [&] { click(named<wxButton>(cycles, "leave")); }, [&](wxDialog& d) {
        type(named<ui::DatePicker>(&d, "date")->text(), wxString::Format("31/1/%d", year + 1));
        j.snap("leave", &d);
        click(button(&d, _("Leave the group")));
    });
    EXPECT_EQ(
        j.count("intervision_enrolment WHERE status = 'left' AND left_on = '" + std::to_string(year + 1) + "-01-31'"),
        1);
    // Hugo Martin moves to the Thursday group, where Projet Lama already has a worker.
    select_in(monday, u8("Hugo Martin"));
    j.with_dialog("move-dialog", [&] { click(named<wxButton>(cycles, "move")); },
                  [&](wxDialog& d) {
                      choose_starting(named<wxChoice>(&d, "group"), thursday);
                      type(named<ui::DatePicker>(&d, "date")->text(), wxString::Format("1/2/%d", year + 1));
                      click(button(&d, _("Move")));
                      ASSERT_TRUE(d.IsModal());  // the rule asks why
                      EXPECT_TRUE(named<wxStaticText>(&d, "warning")->GetLabel().Contains("Projet Lama"));
                      type(&d, "reason", wxString::FromUTF8("Horaire du lundi incompatible"));
                      j.snap("move-to-another-group", &d);
                      click(button(&d, _("Move")));
                  });
    EXPECT_EQ(j.count("intervision_enrolment e JOIN intervision_group g ON g.id = e.group_id WHERE "
                      "g.name = 'Groep donderdag' AND e.status = 'enrolled' AND "
                      "e.reason = 'Horaire du lundi incompatible'"),
              1);
    EXPECT_EQ(j.count("intervision_enrolment e JOIN intervision_group g ON g.id = e.group_id WHERE "
                      "g.name = 'Groupe lundi' AND e.status = 'left'"),
              2);  // Leila Benali and Hugo Martin, both kept in the history
    j.snap("participants-after-changes");

    // A group edited; an empty one created by mistake and removed.
    cycles = j.page("intervision.cycles");
    j.with_dialog("group-dialog", [&] { click(named<wxButton>(cycles, ("edit-group-" + thursday).utf8_string())); },
                  [&](wxDialog& d) {
                      type(&d, "capacity", "8");
                      click(button(&d, _("Save")));
                  });
    EXPECT_EQ(j.db().scalar_int("SELECT capacity FROM intervision_group WHERE name = 'Groep donderdag'"), 8);
    cycles = j.page("intervision.cycles");
    j.with_dialog("group-dialog", [&] { click(named<wxButton>(cycles, "new-group")); },
                  [&](wxDialog& d) {
                      type(&d, "name", "Groupe test");
                      pick(named<ui::PersonPicker>(&d, "facilitator1"), u8(vermeulen.last));
                      pick(named<ui::PersonPicker>(&d, "facilitator2"), u8(haddad.last));
                      click(button(&d, _("Create the group")));
                  });
    cycles = j.page("intervision.cycles");
    ui::set_non_interactive(nullptr);
    j.with_dialog("confirm_delete", [&] { click(named<wxButton>(cycles, "remove-group-Groupe test")); },
                  [&](wxDialog& c) { click(named<wxButton>(&c, "delete")); });
    ui::set_non_interactive([](const wxString& message) { ADD_FAILURE() << "error shown: " << message.utf8_string(); });
    EXPECT_EQ(j.count("intervision_group"), 2);

    // Sessions: January cancelled and put back; December cancelled for a strike and
    // replaced two days later at a host chosen by hand; two hosts swapped; notes.
    sessions = j.page("intervision.sessions");
    list = named<ui::ListPanel>(sessions, "sessions");
    list->sort_by(0);
    auto session_on = [&](const std::string& month) -> int64_t {
        return j.db().scalar_int("SELECT s.id FROM session s JOIN intervision_session i ON i.session_id = s.id JOIN "
                                 "intervision_group g ON g.id = i.group_id WHERE g.name = 'Groupe lundi' AND "
                                 "s.status <> 'cancelled' AND substr(s.date, 1, 7) = '" + month + "'");
    };
    const std::string y0 = std::to_string(year), y1 = std::to_string(year + 1);
    const int64_t january = session_on(y1 + "-01"), december = session_on(y0 + "-12");
    auto cancel = [&](int64_t id, const char* why) {
        list->select_id(id);
        settle(2);
        j.with_dialog("reason-dialog", [&] { click(named<wxButton>(sessions, "cancel-session")); }, [&](wxDialog& d) {
            type(&d, "reason", u8(why));
            if (id == december) j.snap("cancel-session", &d);
            click(button(&d, _("Cancel the session")));
        });
    };
    cancel(january, "Animatrice malade");
    EXPECT_EQ(j.count("session WHERE status = 'cancelled'"), 1);
    list->select_id(january);
    settle(2);
    click(named<wxButton>(sessions, "put-back"));
    EXPECT_EQ(j.count("session WHERE status = 'cancelled'"), 0);
    cancel(december, "Grève des transports");
    j.with_dialog("session-dialog", [&] { click(named<wxButton>(sessions, "add-session")); }, [&](wxDialog& d) {
        type(named<ui::DatePicker>(&d, "date")->text(), wxString::Format("16/12/%d", year));
        click(button(&d, _("Save")));
    });
    const int64_t replacement = j.db().scalar_int("SELECT s.id FROM session s WHERE s.date = '" + y0 + "-12-16'");
    ASSERT_GT(replacement, 0);
    list->select_id(replacement);
    settle(2);
    j.with_dialog("host-dialog", [&] { click(named<wxButton>(sessions, "host")); }, [&](wxDialog& d) {
        pick(named<ui::InstitutionPicker>(&d, "host"), "Sanatia");
        click(button(&d, _("Save")));
    });
    EXPECT_EQ(j.count("session s JOIN institution i ON i.id = s.host_institution_id WHERE s.id = " +
                      std::to_string(replacement) + " AND i.name LIKE '%Sanatia'"),
              1);
    const int64_t february = session_on(y1 + "-02"), march = session_on(y1 + "-03");
    auto host_of = [&](int64_t id) {
        return j.db().scalar_int("SELECT coalesce(host_institution_id, 0) FROM session WHERE id = " + std::to_string(id));
    };
    const auto host_feb = host_of(february), host_mar = host_of(march);
    ASSERT_NE(host_feb, host_mar);
    {
        // Two rows selected, as with Ctrl+click.
        auto* vl = list->list();
        auto* model = static_cast<wxDataViewVirtualListModel*>(vl->GetModel());
        vl->UnselectAll();
        for (size_t r = 0; r < vl->shown_count(); ++r)
            if (vl->id_at(r) == february || vl->id_at(r) == march) vl->Select(model->GetItem(unsigned(r)));
        settle(2);
        click(named<wxButton>(sessions, "swap-hosts"));
    }
    EXPECT_EQ(host_of(february), host_mar);
    EXPECT_EQ(host_of(march), host_feb);
    // A session to come cannot be marked held: the window says why.
    wxString refused;
    ui::set_non_interactive([&](const wxString& message) { refused = message; });
    list->select_id(march);
    settle(2);
    click(named<wxButton>(sessions, "held"));
    ui::set_non_interactive([](const wxString& message) { ADD_FAILURE() << "error shown: " << message.utf8_string(); });
    EXPECT_FALSE(refused.empty());
    EXPECT_EQ(j.count("session WHERE status = 'held'"), 2);
    list->select_id(first);
    settle(2);
    j.with_dialog("notes-dialog", [&] { click(named<wxButton>(sessions, "notes")); }, [&](wxDialog& d) {
        type(&d, "presentation", wxString::FromUTF8("Le Méridien : consultations, groupe d'entendeurs de voix."));
        type(&d, "themes", wxString::FromUTF8("Premier contact ; secret professionnel partagé."));
        click(button(&d, _("Save")));
    });
    EXPECT_TRUE(named<wxStaticText>(sessions, "session-notes")->GetLabel().Contains("secret professionnel"));
    j.snap("sessions-after-changes");

    // The cycle: regional holiday added, copied to next year (groups, slots,
    // facilitators, capacities; no participant), then closed.
    cycles = j.page("intervision.cycles");
    j.with_dialog("edit-cycle-dialog", [&] { click(named<wxButton>(cycles, "edit-cycle")); }, [&](wxDialog& d) {
        auto* cocof = named<wxCheckBox>(&d, "cocof");
        cocof->SetValue(true);
        click(button(&d, _("OK")));
    });
    EXPECT_EQ(j.count("intervision_cycle WHERE regional_holidays = 'cocof'"), 1);
    EXPECT_EQ(j.count("intervision_closure"), 1);  // kept by the edit
    cycles = j.page("intervision.cycles");
    j.with_dialog("copy-cycle-dialog", [&] { click(named<wxButton>(cycles, "copy-cycle")); },
                  [&](wxDialog& d) {
                      EXPECT_EQ(named<wxTextCtrl>(&d, "name")->GetValue(),
                                wxString::Format("%d-%d", year + 1, year + 2));
                      j.snap("copy-to-next-year", &d);
                      click(button(&d, _("Copy")));
                  });
    const std::string next = std::to_string(year + 1) + "-" + std::to_string(year + 2);
    EXPECT_EQ(j.count("intervision_group g JOIN intervision_cycle c ON c.id = g.cycle_id WHERE c.name = '" + next +
                      "' AND g.facilitator1_id IS NOT NULL AND g.facilitator2_id IS NOT NULL"),
              2);
    EXPECT_EQ(j.count("intervision_enrolment e JOIN intervision_group g ON g.id = e.group_id JOIN intervision_cycle c "
                      "ON c.id = g.cycle_id WHERE c.name = '" + next + "'"),
              0);
    j.snap("next-year-copied");
    cycles = j.page("intervision.cycles");
    choose_starting(named<wxChoice>(cycles, "cycle"), cycle_name);
    ui::set_confirm_hook([](const wxString&) { return true; });
    click(named<wxButton>(cycles, "close-cycle"));
    ui::set_confirm_hook(nullptr);
    EXPECT_EQ(j.count("intervision_cycle WHERE closed_on IS NOT NULL AND name = '" + cycle_name.utf8_string() + "'"),
              1);
    j.snap("cycle-closed");
}
