// Journey "exchange": a whole exchange table in the window, from `maillage-cli init`
// without demo (issue 12). The assistant sets up the programmes and funders; the
// institutions and people are made on their pages; then the event with two days, its
// programme and funder; the steering committee with two members and a meeting; two
// tables with facilitators; ten known people registered with the person picker and
// twenty imported from the web form's CSV (after the preview); 25 check-ins and a
// walk-in with a known email; tables assigned; two evaluations; one person's
// certificate; the figures; and the event in the report filtered by its programme and
// by its funder. Screenshots: build/screenshots/journeys/exchange/.
#include "journey.h"

#include "core/people.h"
#include "core/programmes.h"
#include "core/undo.h"
#include "shared-ui/messages.h"
#include "shared-ui/date_pickers.h"
#include "shared-ui/list_panel.h"
#include "shared-ui/pickers.h"
#include "shared-ui/questionnaire_form.h"
#include "shared-ui/report_view.h"
#include "shared-ui/virtual_list.h"

#include <wx/choicdlg.h>
#include <wx/datetime.h>
#include <wx/filepicker.h>
#include <wx/listbox.h>
#include <wx/intl.h>
#include <wx/notebook.h>
#include <wx/spinctrl.h>
#include <wx/srchctrl.h>
#include <wx/stattext.h>

#include <fstream>
#include <iterator>

using namespace maillage;
using namespace maillage::journey;

namespace {

const wxString kTitle = wxString::FromUTF8("Table d'échanges « Logement d'abord »");
const char* const kMeridien = "Centre de santé mentale Le Méridien";
const char* const kTilleuls = "Maison d'accueil Les Tilleuls";

struct Someone {
    const char* first;
    const char* last;
    const char* email;
};
// Ten participants, two facilitators (also the committee's representatives), and one
// person known to the database who walks in without registering.
const Someone kKnown[] = {
    {"Leila", "Benali", "leila.benali@example.org"},     {"Jan", "Peeters", "jan.peeters@example.org"},
    {"Sofia", "Lambert", "sofia.lambert@example.org"},   {"Youssef", "Amrani", "youssef.amrani@example.org"},
    {"Marie", "Dubois", "marie.dubois@example.org"},     {"Koen", "Janssens", "koen.janssens@example.org"},
    {"Fatou", "Diallo", "fatou.diallo@example.org"},     {"Pierre", "Lemaire", "pierre.lemaire@example.org"},
    {"Inès", "Carvalho", "ines.carvalho@example.org"},  {"Tom", "Verhoeven", "tom.verhoeven@example.org"},
};
const Someone kFacilitators[] = {{"Nadia", "Haddad", "nadia.haddad@example.org"},
                                 {"Luc", "Vandamme", "luc.vandamme@example.org"}};
const Someone kWalkIn = {"Amélie", "Renard", "amelie.renard@example.org"};

// A date `days` from today as a Belgian user types it, and in ISO.
wxString typed_date(int days) { return (wxDateTime::Today() + wxDateSpan::Days(days)).Format("%d/%m/%Y"); }
std::string iso_date(int days) { return (wxDateTime::Today() + wxDateSpan::Days(days)).FormatISODate().utf8_string(); }
// A day of this year, typed: the events of one year are listed together.
wxString this_year(int day, int month) { return wxString::Format("%02d/%02d/%d", day, month, wxDateTime::Today().GetYear()); }

void fill_assistant(Journey& j, wxDialog& d) {
    assistant_organisation(d, wxString::FromUTF8("Réseau Santé Mentale et Précarité"), wxString::FromUTF8("Français"));
    add_programme(&d, "connect", "Connect");
    add_programme(&d, "support", "Support");
    add_funder(&d, "COCOM", "Commission communautaire commune");
    add_funder(&d, "COCOF", wxString::FromUTF8("Commission communautaire française"));
    j.snap("assistant-programmes-and-funders", &d);
    assistant_finish(d);
}

void create_institution(Journey& j, const char* name, const char* municipality, const char* postcode,
                        const char* sector) {
    wxWindow* page = j.page("core.institutions");
    j.with_dialog({}, [&] { click(button(page, _("&New…"))); }, [&](wxDialog& d) {
        type(field_as<wxTextCtrl>(&d, _("Name:")), wxString::FromUTF8(name));
        choose(field_as<wxChoice>(&d, _("Region:")), _("Brussels"));
        type(field_as<wxTextCtrl>(&d, _("Municipality:")), municipality);
        type(field_as<wxTextCtrl>(&d, _("Postcode:")), postcode);
        choose(field_as<wxChoice>(&d, _("Language:")), _("Bilingual"));
        check(field_as<wxCheckListBox>(&d, _("Sectors:")), wxString::FromUTF8(sector));
        click(button(&d, _("OK")));
    });
}

void create_person(Journey& j, const Someone& p) {
    wxWindow* page = j.page("core.people");
    j.with_dialog({}, [&] { click(button(page, _("&New…"))); }, [&](wxDialog& d) {
        fill_person(&d, wxString::FromUTF8(p.first), wxString::FromUTF8(p.last), p.email);
        click(button(&d, _("OK")));
    });
}

// Typing part of a name or an email in a picker, then the first match.
void pick(ui::SearchPicker* picker, const wxString& typed) {
    ASSERT_NE(picker, nullptr);
    picker->set_text(typed);
    settle();
    ASSERT_FALSE(picker->matches().empty()) << typed.utf8_string();
    picker->choose(0);
    settle(2);
}

void show_tab(Journey& j, const wxString& label) {
    auto* tabs = named<wxNotebook>(&j.frame(), "event-tabs");
    ASSERT_NE(tabs, nullptr);
    for (size_t i = 0; i < tabs->GetPageCount(); ++i)
        if (tabs->GetPageText(i) == label) {
            tabs->SetSelection(i);
            settle();
            return;
        }
    ADD_FAILURE() << "no tab " << label.utf8_string();
}

int64_t count(Journey& j, const std::string& sql) { return j.db().scalar_int(sql); }

// The journeys run without a user: confirm_delete() then says no without asking. Here the
// confirmation is shown, for the journey to read and answer it.
void with_confirmation(Journey& j, const std::function<void()>& open, const std::function<void(wxDialog&)>& drive) {
    ui::set_non_interactive(nullptr);
    j.with_dialog("confirm_delete", open, drive);
    ui::set_non_interactive([](const wxString& message) { ADD_FAILURE() << "error shown: " << message.utf8_string(); });
}

// The web form's export: twenty people, some of them choosing a table.
std::filesystem::path write_web_form(const std::filesystem::path& dir) {
    const char* const first[] = {"Alice", "Bruno", "Chloé", "David", "Emma", "Farid", "Gaëlle", "Hugo", "Iris", "Jonas",
                                 "Karim", "Lina", "Mehdi", "Nora", "Oscar", "Paula", "Quentin", "Rania", "Simon", "Tess"};
    const char* const sectors[] = {"santé mentale", "aide aux personnes sans-abri", "logement",
                                   "aide sociale générale"};
    auto file = dir / "inscriptions.csv";
    std::ofstream out(file, std::ios::binary);
    out << "Prénom;Nom;Email;Institution;Secteur;Table\n";
    for (int i = 0; i < 20; ++i)
        out << first[i] << ";Participant" << char('A' + i) << ";" << "p" << i << "@form.example.org;"
            << (i % 2 ? kTilleuls : "Service Logement Bruxelles") << ";" << sectors[i % 4] << ";"
            << (i % 5 == 0 ? "1" : "") << "\n";
    return file;
}

}  // namespace

TEST(ExchangeJourney, AWholeEventFromIdeaToCertificates) {
    Journey j("exchange");
    j.start([&](wxDialog& d) { fill_assistant(j, d); });
    ASSERT_TRUE(ProgrammeRepository(j.db()).find_by_code("connect"));

    // What the event builds on: two institutions and the people the organisers know.
    create_institution(j, kMeridien, "Saint-Gilles", "1060", "santé mentale");
    create_institution(j, kTilleuls, "Schaerbeek", "1030", "aide aux personnes sans-abri");
    for (const auto& p : kKnown) create_person(j, p);
    for (const auto& p : kFacilitators) create_person(j, p);
    create_person(j, kWalkIn);
    j.snap("people");
    ASSERT_EQ(count(j, "SELECT count(*) FROM institution"), 2);
    ASSERT_EQ(count(j, "SELECT count(*) FROM person"), 13);

    // 1. The event: two days with their times, programme, funder, partner, languages.
    wxWindow* page = j.page("exchange.events");
    j.snap("events-empty");
    j.with_dialog("event-dialog", [&] { click(named<wxButton>(page, "event-new")); }, [&](wxDialog& d) {
        choose(named<wxChoice>(&d, "type"), wxString::FromUTF8("table d'échanges"));
        type(&d, "title", kTitle);
        type(&d, "theme", wxString::FromUTF8("L'accès au logement des personnes en souffrance psychique"));
        type(&d, "venue", wxString::FromUTF8("Maison des associations, Saint-Gilles"));
        named<wxSpinCtrl>(&d, "capacity")->SetValue(40);
        choose(named<wxChoice>(&d, "programme"), "Connect (connect)");
        choose(named<wxChoice>(&d, "funder"), "Commission communautaire commune (COCOM)");
        check(named<wxCheckListBox>(&d, "languages"), wxString::FromUTF8("Français"));
        check(named<wxCheckListBox>(&d, "languages"), "Nederlands");
        type(&d, "objectives", wxString::FromUTF8("Croiser les pratiques du logement et de la santé mentale."));
        pick(named<ui::InstitutionPicker>(&d, "partner"), wxString::FromUTF8("Méridien"));
        auto* date = named<ui::DatePicker>(&d, "day-date");
        type(date->text(), typed_date(-14));
        type(&d, "day-start", "09:00");
        type(&d, "day-end", "16:30");
        click(named<wxButton>(&d, "day-add"));
        type(date->text(), typed_date(-13));
        type(&d, "day-start", "09:30");
        type(&d, "day-end", "12:30");
        click(named<wxButton>(&d, "day-add"));
        EXPECT_EQ(named<wxListBox>(&d, "days")->GetCount(), 2u);
        j.snap("new-event", &d);
        click(button(&d, _("OK")));
    });
    j.snap("event-created");
    const auto event = count(j, "SELECT id FROM exchange_event");
    ASSERT_GT(event, 0);
    const auto ev = std::to_string(event);
    EXPECT_EQ(count(j, "SELECT count(*) FROM exchange_event e JOIN programme p ON p.id = e.programme_id JOIN funder f "
                       "ON f.id = e.funder_id WHERE p.code = 'connect' AND f.code = 'COCOM' AND e.capacity = 40 AND "
                       "e.languages = 'fr,nl'"),
              1);
    EXPECT_EQ(count(j, "SELECT count(*) FROM exchange_event_session l JOIN session s ON s.id = l.session_id WHERE "
                       "l.event_id = " + ev + " AND s.programme_id IS NOT NULL AND s.funder_id IS NOT NULL"),
              2);
    EXPECT_EQ(count(j, "SELECT count(*) FROM session WHERE date = '" + iso_date(-13) +
                           "' AND start_time = '09:30' AND end_time = '12:30'"),
              1);
    EXPECT_EQ(count(j, "SELECT count(*) FROM exchange_event_partner"), 1);
    const auto details = named<wxTextCtrl>(&j.frame(), "event-details")->GetValue();
    EXPECT_TRUE(details.Contains("Connect")) << details.utf8_string();
    EXPECT_TRUE(details.Contains("COCOM")) << details.utf8_string();
    EXPECT_TRUE(details.Contains(wxString::FromUTF8(kMeridien))) << details.utf8_string();

    // 2. The steering committee: two member institutions with their representatives,
    // and one meeting with who was there and what was decided.
    show_tab(j, _("Committee"));
    const std::pair<const char*, const Someone*> members[] = {{"Méridien", &kFacilitators[0]},
                                                              {"Tilleuls", &kFacilitators[1]}};
    for (const auto& [institution, person] : members)
        j.with_dialog("committee-member-dialog", [&] { click(named<wxButton>(&j.frame(), "committee-add-member")); },
                      [&](wxDialog& d) {
                          pick(named<ui::InstitutionPicker>(&d, "institution"), wxString::FromUTF8(institution));
                          pick(named<ui::PersonPicker>(&d, "representative"), person->email);
                          click(button(&d, _("OK")));
                      });
    j.with_dialog("committee-meeting-dialog", [&] { click(named<wxButton>(&j.frame(), "committee-add-meeting")); },
                  [&](wxDialog& d) {
                      type(named<ui::DatePicker>(&d, "date")->text(), typed_date(-60));
                      auto* present = named<wxCheckListBox>(&d, "present");
                      ASSERT_EQ(present->GetCount(), 2u);
                      present->Check(0);
                      present->Check(1);
                      type(&d, "decisions", wxString::FromUTF8("Deux tables de quinze personnes\nInviter les services "
                                                               "de logement"));
                      j.snap("committee-meeting", &d);
                      click(button(&d, _("OK")));
                  });
    j.snap("committee");
    EXPECT_EQ(count(j, "SELECT count(*) FROM exchange_committee_member WHERE person_id IS NOT NULL"), 2);
    EXPECT_EQ(count(j, "SELECT count(*) FROM exchange_committee_decision"), 2);
    EXPECT_EQ(count(j, "SELECT count(*) FROM attendance a JOIN exchange_committee_meeting m ON m.session_id = "
                       "a.session_id WHERE a.status = 'present'"),
              2);

    // 3. Two tables, each with its facilitator.
    show_tab(j, _("Tables"));
    const std::pair<const char*, const Someone*> tables[] = {
        {"Trouver un logement", &kFacilitators[0]}, {"Garder son logement", &kFacilitators[1]}};
    for (const auto& [title, facilitator] : tables)
        j.with_dialog("table-dialog", [&] { click(named<wxButton>(&j.frame(), "table-add")); }, [&](wxDialog& d) {
            type(&d, "title", wxString::FromUTF8(title));
            type(&d, "question", wxString::FromUTF8("Qu'est-ce qui aide, qu'est-ce qui freine ?"));
            pick(named<ui::PersonPicker>(&d, "facilitator"), facilitator->email);
            EXPECT_EQ(named<wxListBox>(&d, "facilitators")->GetCount(), 1u);
            click(button(&d, _("OK")));
        });
    j.snap("tables");
    EXPECT_EQ(count(j, "SELECT count(*) FROM exchange_table_facilitator"), 2);
    EXPECT_EQ(count(j, "SELECT count(*) FROM exchange_registration WHERE role = 'facilitator'"), 2);

    // 4. Ten known people registered with the person picker (three chose table 2).
    show_tab(j, _("Registrations"));
    int n = 0;
    for (const auto& p : kKnown) {
        j.with_dialog("register-dialog", [&] { click(named<wxButton>(&j.frame(), "register-person")); },
                      [&](wxDialog& d) {
                          pick(named<ui::PersonPicker>(&d, "person"), p.email);
                          if (n < 3) choose(named<wxChoice>(&d, "table"), wxString::FromUTF8("2. Garder son logement"));
                          if (n == 0) j.snap("register-known-person", &d);
                          click(button(&d, _("OK")));
                      });
        ++n;
    }
    j.snap("registered-known-people");
    EXPECT_EQ(count(j, "SELECT count(*) FROM exchange_registration WHERE role = 'participant' AND source = 'manual'"),
              10);
    EXPECT_EQ(count(j, "SELECT count(*) FROM exchange_registration WHERE table_choice_id IS NOT NULL"), 3);

    // 5. Twenty more from the web form's CSV: the preview says what will happen first.
    test::TempDir files;
    const auto csv = write_web_form(files.path());
    j.with_dialog("import-dialog", [&] { click(named<wxButton>(&j.frame(), "registration-import")); },
                  [&](wxDialog& d) {
                      EXPECT_FALSE(d.FindWindow(wxID_OK)->IsEnabled());  // nothing to import yet
                      type(&d, "file", wxString::FromUTF8(csv.string()));
                      EXPECT_EQ(named<ui::ListPanel>(&d, "preview")->list()->shown_count(), 20u);
                      EXPECT_EQ(count(j, "SELECT count(*) FROM exchange_registration"), 12);  // nothing yet
                      j.snap("import-preview", &d);
                      click(button(&d, _("Import")));
                  });
    j.snap("imported");
    EXPECT_EQ(count(j, "SELECT count(*) FROM exchange_registration WHERE source = 'import'"), 20);
    EXPECT_EQ(count(j, "SELECT count(*) FROM person"), 33);

    // 6. The day: 25 people checked in at the door, and a walk-in known by email.
    show_tab(j, _("Check-in"));
    auto* search = named<wxSearchCtrl>(&j.frame(), "checkin-search");
    std::vector<std::string> arriving;
    for (const auto& p : kKnown) arriving.push_back(p.email);
    for (int i = 0; i < 15; ++i) arriving.push_back("p" + std::to_string(i) + "@form.example.org");
    for (const auto& email : arriving) {
        search->SetValue(wxString::FromUTF8(email));
        settle(2);
        click(named<wxButton>(&j.frame(), "checkin"));
    }
    EXPECT_EQ(count(j, "SELECT count(*) FROM exchange_registration WHERE status = 'attended'"), 25);
    const auto people_before = count(j, "SELECT count(*) FROM person");
    type(&j.frame(), "walkin-email", kWalkIn.email);
    EXPECT_EQ(named<wxTextCtrl>(&j.frame(), "walkin-last")->GetValue(), "Renard");  // the known person's name
    type(&j.frame(), "walkin-institution", wxString::FromUTF8(kTilleuls));
    choose(named<wxChoice>(&j.frame(), "walkin-sector"), wxString::FromUTF8("logement"));
    choose(named<wxChoice>(&j.frame(), "walkin-role"), _("participant"));
    j.snap("walk-in");
    click(named<wxButton>(&j.frame(), "walkin-add"));
    j.snap("checked-in");
    EXPECT_EQ(count(j, "SELECT count(*) FROM person"), people_before);  // no duplicate
    EXPECT_EQ(count(j, "SELECT count(*) FROM exchange_registration r JOIN person p ON p.id = r.person_id WHERE "
                       "p.email = 'amelie.renard@example.org' AND r.status = 'attended' AND r.source = 'walk_in' AND "
                       "r.sector_id = (SELECT id FROM sector WHERE code = 'housing')"),
              1);
    EXPECT_EQ(count(j, "SELECT count(*) FROM exchange_registration WHERE status = 'attended'"), 26);

    // 7. Tables assigned: choices kept, everyone else spread.
    show_tab(j, _("Tables"));
    click(named<wxButton>(&j.frame(), "table-assign"));
    j.snap("tables-assigned");
    EXPECT_EQ(count(j, "SELECT count(*) FROM exchange_registration WHERE role = 'participant' AND status IN "
                       "('registered', 'attended') AND table_id IS NULL"),
              0);
    EXPECT_EQ(count(j, "SELECT count(*) FROM exchange_registration WHERE table_choice_id IS NOT NULL AND table_id <> "
                       "table_choice_id"),
              0);

    // 8. Two evaluations with the shared questionnaire form: one named, one anonymous.
    show_tab(j, _("Evaluation"));
    auto* form = named<ui::QuestionnaireForm>(&j.frame(), "evaluation-form");
    ASSERT_NE(form, nullptr);
    const auto& questions = form->questionnaire().questions;
    ASSERT_GE(questions.size(), 4u);
    for (int k = 0; k < 2; ++k) {
        if (k == 0) choose(named<wxChoice>(&j.frame(), "evaluation-person"), "Leila Benali");
        form->set_answer(questions[0].id, AnswerValue{0.0, {}});
        form->set_answer(questions[1].id, AnswerValue{k == 0 ? 5.0 : 4.0, {}});
        form->set_answer(questions[2].id, AnswerValue{4.0, {}});
        form->set_answer(questions[3].id, AnswerValue{3.0, {}});
        settle(2);
        if (k == 0) j.snap("evaluation-form");
        click(named<wxButton>(&j.frame(), "evaluation-submit"));
    }
    j.snap("evaluations");
    EXPECT_EQ(count(j, "SELECT count(*) FROM response WHERE subject_kind = 'exchange_event' AND subject_id = " + ev), 2);
    EXPECT_EQ(count(j, "SELECT count(*) FROM response WHERE subject_kind = 'exchange_event' AND person_id IS NULL"), 1);

    // 9. Leila's certificate, as a PDF, written off the window's thread.
    show_tab(j, _("Outputs"));
    test::TempDir certificates;
    j.with_dialog("certificates-dialog", [&] { click(named<wxButton>(&j.frame(), "certificates")); },
                  [&](wxDialog& d) {
                      choose(named<wxChoice>(&d, "who"), "Leila Benali");
                      choose(named<wxChoice>(&d, "format"), _("PDF (to send or print)"));
                      type(&d, "folder", wxString::FromUTF8(certificates.path().string()));
                      j.snap("certificates", &d);
                      click(button(&d, _("OK")));
                  });
    settle();
    j.snap("certificate-written");
    std::vector<std::filesystem::path> written;
    for (const auto& f : std::filesystem::directory_iterator(certificates.path())) written.push_back(f.path());
    ASSERT_EQ(written.size(), 1u);
    EXPECT_EQ(written[0].extension(), ".pdf");
    EXPECT_NE(written[0].filename().string().find("benali"), std::string::npos);
    EXPECT_GT(std::filesystem::file_size(written[0]), 1000u);

    // 10. The figures of the event.
    show_tab(j, _("Figures"));
    j.snap("figures");
    const auto figures = named<wxTextCtrl>(&j.frame(), "figures")->GetValue();
    EXPECT_TRUE(figures.Contains("26 participant")) << figures.utf8_string();  // 25 checked in and the walk-in
    EXPECT_TRUE(figures.Contains("Table 2")) << figures.utf8_string();

    // 11. The report, filtered by the event's programme, then by its funder: the event is
    // in it, and not under another programme or funder.
    wxWindow* reports = j.page("core.reports");
    std::vector<wxChoice*> choices;
    std::function<void(wxWindow*)> collect = [&](wxWindow* w) {
        for (wxWindow* c : w->GetChildren()) {
            if (auto* ch = dynamic_cast<wxChoice*>(c)) choices.push_back(ch);
            collect(c);
        }
    };
    collect(reports);
    ASSERT_GE(choices.size(), 3u);  // year, programme, funder, language
    wxChoice *year = choices[0], *programme = choices[1], *funder = choices[2];
    auto* view = first_of<ui::ReportView>(reports);
    ASSERT_NE(view, nullptr);
    const auto title = kTitle.utf8_string();
    auto report_has_event = [&](const wxString& programme_name, const wxString& funder_name) {
        choose(year, _("(any)"));
        choose(programme, programme_name);
        choose(funder, funder_name);
        click(button(reports, _("&Build")));
        settle();
        return view->html().find(title) != std::string::npos;
    };
    EXPECT_TRUE(report_has_event("Connect", _("(all)")));
    j.snap("report-by-programme");
    EXPECT_FALSE(report_has_event("Support", _("(all)")));
    EXPECT_TRUE(report_has_event(_("(all)"), "Commission communautaire commune"));
    j.snap("report-by-funder");
    EXPECT_FALSE(report_has_event(_("(all)"), wxString::FromUTF8("Commission communautaire française")));
}

// The rest of an event's life in the window: edit it (a second day, another funder),
// tables edited and removed, a person seated by hand and their role changed, the
// registrations filtered by status, a working group's service, a publication listed
// with the year's; then the event duplicated for next time, the copy cancelled, and the
// original deleted after a confirmation that names what goes with it — and brought back
// by Edit > Undo. Screenshots: build/screenshots/journeys/exchange-editing/.
TEST(ExchangeJourney, AnEventIsEditedDuplicatedCancelledDeletedAndBroughtBack) {
    Journey j("exchange-editing");
    j.start([&](wxDialog& d) {
        assistant_organisation(d, "Relais social");
        add_programme(&d, "connect", "Connect");
        add_funder(&d, "COCOM", "Commission communautaire commune");
        add_funder(&d, "COCOF", wxString::FromUTF8("Commission communautaire française"));
        assistant_finish(d);
    });
    create_institution(j, kMeridien, "Saint-Gilles", "1060", "santé mentale");
    for (int i = 0; i < 3; ++i) create_person(j, kKnown[i]);
    // Answers the window's yes/no questions (cancel the event...) and keeps them.
    std::vector<wxString> asked;
    ui::set_confirm_hook([&](const wxString& question) {
        asked.push_back(question);
        return true;
    });

    wxWindow* page = j.page("exchange.events");
    j.with_dialog("event-dialog", [&] { click(named<wxButton>(page, "event-new")); }, [&](wxDialog& d) {
        type(&d, "title", "Groupe de travail logement");
        choose(named<wxChoice>(&d, "type"), "groupe de travail");
        choose(named<wxChoice>(&d, "programme"), "Connect (connect)");
        choose(named<wxChoice>(&d, "funder"), "Commission communautaire commune (COCOM)");
        pick(named<ui::InstitutionPicker>(&d, "partner"), wxString::FromUTF8("Méridien"));
        type(named<ui::DatePicker>(&d, "day-date")->text(), this_year(10, 3));
        click(button(&d, _("OK")));  // a typed day is added with OK
    });
    const auto event = count(j, "SELECT id FROM exchange_event");
    const auto ev = std::to_string(event);
    ASSERT_EQ(count(j, "SELECT count(*) FROM exchange_event_session WHERE event_id = " + ev), 1);

    // Edit: the venue, another funder, a second day; the days follow the new funder.
    j.with_dialog("event-dialog", [&] { click(named<wxButton>(page, "event-edit")); }, [&](wxDialog& d) {
        EXPECT_EQ(named<wxTextCtrl>(&d, "title")->GetValue(), "Groupe de travail logement");
        EXPECT_EQ(named<wxListBox>(&d, "days")->GetCount(), 1u);
        type(&d, "venue", "Rue de la Victoire 26");
        choose(named<wxChoice>(&d, "funder"), wxString::FromUTF8("Commission communautaire française (COCOF)"));
        type(named<ui::DatePicker>(&d, "day-date")->text(), this_year(17, 3));
        click(named<wxButton>(&d, "day-add"));
        j.snap("edit-event", &d);
        click(button(&d, _("OK")));
    });
    EXPECT_EQ(count(j, "SELECT count(*) FROM exchange_event WHERE venue = 'Rue de la Victoire 26' AND funder_id = "
                       "(SELECT id FROM funder WHERE code = 'COCOF')"),
              1);
    EXPECT_EQ(count(j, "SELECT count(*) FROM exchange_event_session l JOIN session s ON s.id = l.session_id WHERE "
                       "s.funder_id = (SELECT id FROM funder WHERE code = 'COCOF')"),
              2);
    j.snap("event-edited");

    // A service taking part in the working group.
    j.with_dialog("group-service-dialog", [&] { click(named<wxButton>(&j.frame(), "group-service-add")); },
                  [&](wxDialog& d) {
                      pick(named<ui::InstitutionPicker>(&d, "institution"), wxString::FromUTF8("Méridien"));
                      click(button(&d, _("OK")));
                  });
    EXPECT_EQ(count(j, "SELECT count(*) FROM exchange_group_service WHERE event_id = " + ev), 1);

    // Tables: two added, the first renamed, the second removed after its confirmation.
    show_tab(j, _("Tables"));
    for (const char* title : {"Table A", "Table B"})
        j.with_dialog("table-dialog", [&] { click(named<wxButton>(&j.frame(), "table-add")); }, [&](wxDialog& d) {
            type(&d, "title", title);
            click(button(&d, _("OK")));
        });
    auto* tables = first_of<ui::ListPanel>(named<wxNotebook>(&j.frame(), "event-tabs")->GetCurrentPage());
    ASSERT_NE(tables, nullptr);
    tables->select_id(count(j, "SELECT id FROM exchange_table WHERE title = 'Table A'"));
    j.with_dialog("table-dialog", [&] { click(named<wxButton>(&j.frame(), "table-edit")); }, [&](wxDialog& d) {
        EXPECT_EQ(named<wxTextCtrl>(&d, "title")->GetValue(), "Table A");
        type(&d, "title", wxString::FromUTF8("Accès au logement"));
        pick(named<ui::PersonPicker>(&d, "facilitator"), kKnown[0].email);
        click(button(&d, _("OK")));
    });
    tables->select_id(count(j, "SELECT id FROM exchange_table WHERE title = 'Table B'"));
    with_confirmation(j, [&] { click(named<wxButton>(&j.frame(), "table-remove")); }, [&](wxDialog& d) {
        j.snap("remove-table", &d);
        click(named<wxButton>(&d, "delete"));
    });
    j.snap("tables");
    EXPECT_EQ(count(j, "SELECT count(*) FROM exchange_table WHERE event_id = " + ev), 1);
    EXPECT_EQ(count(j, "SELECT count(*) FROM exchange_table WHERE title = 'Accès au logement'"), 1);

    // Registrations: two people; one changes role, the other is seated by hand.
    show_tab(j, _("Registrations"));
    for (int i = 1; i < 3; ++i)
        j.with_dialog("register-dialog", [&] { click(named<wxButton>(&j.frame(), "register-person")); },
                      [&](wxDialog& d) {
                          pick(named<ui::PersonPicker>(&d, "person"), kKnown[i].email);
                          click(button(&d, _("OK")));
                      });
    auto* registrations = named<ui::ListPanel>(&j.frame(), "registrations");
    const auto jan = count(j, "SELECT r.id FROM exchange_registration r JOIN person p ON p.id = r.person_id WHERE "
                              "p.email = 'jan.peeters@example.org'");
    const auto sofia = count(j, "SELECT r.id FROM exchange_registration r JOIN person p ON p.id = r.person_id WHERE "
                                "p.email = 'sofia.lambert@example.org'");
    auto answer_choice = [&](int n) {
        return [&j, n](wxDialog& d) {
            auto* choice = dynamic_cast<wxSingleChoiceDialog*>(&d);
            ASSERT_NE(choice, nullptr);
            choice->SetSelection(n);
            j.snap("choice", &d);
            click(dynamic_cast<wxButton*>(d.FindWindow(wxID_OK)));
        };
    };
    registrations->select_id(jan);
    j.with_dialog({}, [&] { click(named<wxButton>(&j.frame(), "registration-role")); }, answer_choice(2));  // speaker
    registrations->select_id(sofia);
    j.with_dialog({}, [&] { click(named<wxButton>(&j.frame(), "registration-table")); }, answer_choice(1));
    EXPECT_EQ(count(j, "SELECT count(*) FROM exchange_registration WHERE role = 'speaker' AND id = " +
                           std::to_string(jan)),
              1);
    EXPECT_EQ(count(j, "SELECT count(*) FROM exchange_registration WHERE table_id IS NOT NULL AND id = " +
                           std::to_string(sofia)),
              1);
    // Filtered by status: the facilitator and the two registered, none cancelled.
    ASSERT_GE(registrations->options().statuses.size(), 3u);  // registered, waiting, cancelled...
    registrations->set_status(registrations->options().statuses[0]);
    settle();
    EXPECT_EQ(registrations->list()->shown_count(), 3u);
    j.snap("registrations-registered");
    // Every button of the tab is within the window, none over the summary line.
    const auto summary = named<wxStaticText>(&j.frame(), "registrations-summary")->GetScreenRect();
    for (const char* name : {"register-person", "registration-status", "registration-role", "registration-table",
                             "registration-import", "registration-export"}) {
        const auto at = named<wxButton>(&j.frame(), name)->GetScreenRect();
        EXPECT_LE(at.GetRight(), j.frame().GetScreenRect().GetRight()) << name;
        EXPECT_GE(at.GetLeft(), j.frame().GetScreenRect().GetLeft()) << name;
        EXPECT_FALSE(at.Intersects(summary)) << name;
    }
    registrations->set_status(registrations->options().statuses[2]);
    settle();
    EXPECT_EQ(registrations->list()->shown_count(), 0u);
    registrations->set_status({});

    // Someone not yet known is registered from the picker's "New person…".
    j.with_dialog("register-dialog", [&] { click(named<wxButton>(&j.frame(), "register-person")); },
                  [&](wxDialog& d) {
                      auto* picker = named<ui::PersonPicker>(&d, "person");
                      picker->set_text("Olivia Mertens");
                      settle();
                      j.with_dialog("new-person-dialog", [&] { picker->choose(picker->matches().size()); },
                                    [&](wxDialog& person) {
                                        EXPECT_EQ(named<wxTextCtrl>(&person, "last")->GetValue(), "Mertens");
                                        type(&person, "email", "olivia.mertens@example.org");
                                        click(button(&person, _("OK")));
                                    });
                      choose(named<wxChoice>(&d, "role"), _("speaker"));
                      click(button(&d, _("OK")));
                  });
    EXPECT_EQ(count(j, "SELECT count(*) FROM exchange_registration r JOIN person p ON p.id = r.person_id WHERE "
                       "p.email = 'olivia.mertens@example.org' AND r.role = 'speaker'"),
              1);

    // Everyone reassigned to the tables, after the question.
    show_tab(j, _("Tables"));
    click(named<wxButton>(&j.frame(), "table-reassign"));
    ASSERT_EQ(asked.size(), 1u);
    asked.clear();
    EXPECT_EQ(count(j, "SELECT count(*) FROM exchange_registration WHERE role = 'participant' AND table_id IS NULL "
                       "AND event_id = " + ev),
              0);

    // A committee member added, then removed after the confirmation.
    show_tab(j, _("Committee"));
    j.with_dialog("committee-member-dialog", [&] { click(named<wxButton>(&j.frame(), "committee-add-member")); },
                  [&](wxDialog& d) {
                      pick(named<ui::InstitutionPicker>(&d, "institution"), wxString::FromUTF8("Méridien"));
                      click(button(&d, _("OK")));
                  });
    ASSERT_EQ(count(j, "SELECT count(*) FROM exchange_committee_member WHERE event_id = " + ev), 1);
    auto* members = first_of<ui::ListPanel>(named<wxNotebook>(&j.frame(), "event-tabs")->GetCurrentPage());
    ASSERT_NE(members, nullptr);
    members->select_id(count(j, "SELECT id FROM exchange_committee_member WHERE event_id = " + ev));
    with_confirmation(j, [&] { click(named<wxButton>(&j.frame(), "committee-remove-member")); },
                      [&](wxDialog& d) { click(named<wxButton>(&d, "delete")); });
    EXPECT_EQ(count(j, "SELECT count(*) FROM exchange_committee_member WHERE event_id = " + ev), 0);

    // The attended list, the sign-in sheet and the year's calendar, saved where the user says.
    test::TempDir saved;
    auto save_as = [&](const std::string& button_name, wxWindow* root, const std::filesystem::path& file) {
        j.with_dialog("save-file-dialog", [&] { click(named<wxButton>(root, button_name)); }, [&](wxDialog& d) {
            named<wxFilePickerCtrl>(&d, "file")->SetPath(wxString::FromUTF8(file.string()));
            click(dynamic_cast<wxButton*>(d.FindWindow(wxID_OK)));
        });
        EXPECT_TRUE(std::filesystem::exists(file)) << file;
    };
    show_tab(j, _("Outputs"));
    save_as("attended-list", &j.frame(), saved / "presents.csv");
    save_as("sign-in-sheet", &j.frame(), saved / "feuille.pdf");
    save_as("event-ical", page, saved / "agenda.ics");
    std::ifstream ics(saved / "agenda.ics");
    const std::string calendar((std::istreambuf_iterator<char>(ics)), std::istreambuf_iterator<char>());
    EXPECT_NE(calendar.find("BEGIN:VCALENDAR"), std::string::npos);
    EXPECT_NE(calendar.find("Groupe de travail logement"), std::string::npos);

    // A publication of the group, then the year's publications.
    show_tab(j, _("Outputs"));
    j.with_dialog("publication-dialog", [&] { click(named<wxButton>(&j.frame(), "publication-add")); },
                  [&](wxDialog& d) {
                      type(&d, "title", wxString::FromUTF8("Se loger quand on va mal"));
                      type(&d, "collection", "Cahiers du réseau");
                      type(&d, "number", "7");
                      type(&d, "copies", "200");
                      type(named<ui::DatePicker>(&d, "date")->text(), this_year(1, 4));
                      click(button(&d, _("OK")));
                  });
    EXPECT_EQ(count(j, "SELECT count(*) FROM exchange_publication p JOIN exchange_publication_source s ON "
                       "s.publication_id = p.id WHERE p.copies = 200 AND s.event_id = " + ev),
              1);
    j.with_dialog("publications-dialog", [&] { click(named<wxButton>(page, "publications")); }, [&](wxDialog& d) {
        named<wxSpinCtrl>(&d, "year")->SetValue(wxDateTime::Today().GetYear());
        wxSpinEvent changed(wxEVT_SPINCTRL, named<wxSpinCtrl>(&d, "year")->GetId());
        named<wxSpinCtrl>(&d, "year")->ProcessWindowEvent(changed);
        settle();
        EXPECT_EQ(named<ui::ListPanel>(&d, "publications")->list()->shown_count(), 1u);
        j.snap("publications-of-the-year", &d);
        d.EndModal(wxID_CANCEL);
    });

    // Duplicated for the next edition: the copy starts with its partner, services and
    // table, and its own day; then it is cancelled.
    j.with_dialog("event-dialog", [&] { click(named<wxButton>(page, "event-duplicate")); }, [&](wxDialog& d) {
        EXPECT_TRUE(named<wxTextCtrl>(&d, "title")->GetValue().Contains("(copie)"));
        EXPECT_EQ(named<wxListBox>(&d, "days")->GetCount(), 0u);
        type(&d, "title", "Groupe de travail logement (suite)");
        type(named<ui::DatePicker>(&d, "day-date")->text(), this_year(15, 9));
        click(button(&d, _("OK")));
    });
    const auto copy = count(j, "SELECT id FROM exchange_event WHERE title = 'Groupe de travail logement (suite)'");
    ASSERT_GT(copy, 0);
    const auto cp = std::to_string(copy);
    EXPECT_EQ(count(j, "SELECT count(*) FROM exchange_table WHERE event_id = " + cp), 1);
    EXPECT_EQ(count(j, "SELECT count(*) FROM exchange_event_partner WHERE event_id = " + cp), 1);
    EXPECT_EQ(count(j, "SELECT count(*) FROM exchange_group_service WHERE event_id = " + cp), 1);
    click(named<wxButton>(page, "event-cancel"));
    ASSERT_EQ(asked.size(), 1u);
    EXPECT_TRUE(asked[0].Contains("(suite)")) << asked[0].utf8_string();
    EXPECT_EQ(count(j, "SELECT count(*) FROM exchange_event_session l JOIN session s ON s.id = l.session_id WHERE "
                       "s.status = 'cancelled' AND l.event_id = " + cp),
              1);
    j.snap("copy-cancelled");

    // The original deleted: the confirmation names what goes with it; Undo brings it back.
    auto* events = first_of<ui::ListPanel>(page);
    ASSERT_NE(events, nullptr);
    events->select_id(event);
    wxDataViewEvent selected(wxEVT_DATAVIEW_SELECTION_CHANGED, events->list(), events->list()->GetSelection());
    events->list()->ProcessWindowEvent(selected);
    settle();
    with_confirmation(j, [&] { click(named<wxButton>(page, "event-delete")); }, [&](wxDialog& d) {
        wxString words;
        std::function<void(wxWindow*)> read = [&](wxWindow* w) {
            for (wxWindow* c : w->GetChildren()) {
                if (auto* t = dynamic_cast<wxStaticText*>(c)) words += t->GetLabel() + "\n";
                read(c);
            }
        };
        read(&d);
        EXPECT_TRUE(words.Contains("Groupe de travail logement")) << words.utf8_string();
        EXPECT_TRUE(words.Contains(wxString::FromUTF8("2 journées"))) << words.utf8_string();
        EXPECT_TRUE(words.Contains("4 inscriptions")) << words.utf8_string();
        j.snap("delete-event", &d);
        click(named<wxButton>(&d, "delete"));
    });
    EXPECT_EQ(count(j, "SELECT count(*) FROM exchange_event WHERE id = " + ev), 0);
    EXPECT_EQ(count(j, "SELECT count(*) FROM exchange_registration WHERE event_id = " + ev), 0);
    const auto label = j.db().undo_stack().undo_label();
    EXPECT_NE(label.find("Groupe de travail logement"), std::string::npos) << label;
    j.menu(_("&Edit"), wxString::Format(_("&Undo: %s"), wxString::FromUTF8(label)));
    EXPECT_EQ(count(j, "SELECT count(*) FROM exchange_event WHERE id = " + ev), 1);
    EXPECT_EQ(count(j, "SELECT count(*) FROM exchange_registration WHERE event_id = " + ev), 4);
    EXPECT_EQ(count(j, "SELECT count(*) FROM exchange_event_session WHERE event_id = " + ev), 2);
    j.snap("deletion-undone");
    ui::set_confirm_hook(nullptr);
}
