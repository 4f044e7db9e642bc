// Journey "core": a new organisation's first hour, from `maillage-cli init` without demo.
// The assistant (organisation, language, programmes and funders with a parent), then one
// institution and three people who work there, all through the window's own dialogs.
// Screenshots: build/screenshots/journeys/core/.
#include "first_start_assistant.h"
#include "journey.h"

#include "core/institutions.h"
#include "core/people.h"
#include "core/programmes.h"
#include "shared-ui/pickers.h"
#include "shared-ui/virtual_list.h"

#include <wx/checklst.h>
#include <wx/dataview.h>
#include <wx/intl.h>

using namespace maillage;
using namespace maillage::journey;

namespace {

const wxString kInstitution = wxString::FromUTF8("Centre de santé mentale Le Méridien");

// The assistant as a new user fills it in.
void fill_assistant(Journey& j, wxDialog& d) {
    j.snap("assistant-organisation", &d);
    type(&d, "organisation", wxString::FromUTF8("Réseau Santé Mentale et Précarité"));
    choose(named<wxChoice>(&d, "language"), wxString::FromUTF8("Français"));
    click(named<wxButton>(&d, "next"));

    const std::pair<const char*, const char*> programmes[] = {{"connect", "Connect"}, {"support", "Support"}};
    for (auto [code, name] : programmes) {
        type(&d, "programme-code", code);
        type(&d, "programme-name", name);
        click(named<wxButton>(&d, "programme-add"));
    }
    // PAT sits under Support.
    type(&d, "programme-code", "pat");
    type(&d, "programme-name", wxString::FromUTF8("PAT — pair-aidance"));
    choose(named<wxChoice>(&d, "programme-parent"), "support");
    click(named<wxButton>(&d, "programme-add"));
    type(&d, "funder-code", "COCOM");
    type(&d, "funder-name", "Commission communautaire commune");
    click(named<wxButton>(&d, "funder-add"));
    type(&d, "funder-code", "COCOF");
    type(&d, "funder-name", wxString::FromUTF8("Commission communautaire française"));
    click(named<wxButton>(&d, "funder-add"));
    j.snap("assistant-programmes-and-funders", &d);
    click(named<wxButton>(&d, "next"));

    j.snap("assistant-import", &d);
    click(named<wxButton>(&d, "finish"));
}

// Institutions page > New…: the form, filled and saved.
void create_institution(Journey& j) {
    wxWindow* page = j.page("core.institutions");
    j.with_dialog({}, [&] { click(button(page, _("&New…"))); }, [&](wxDialog& d) {
        type(field_as<wxTextCtrl>(&d, _("Name:")), kInstitution);
        choose(field_as<wxChoice>(&d, _("Region:")), _("Brussels"));
        type(field_as<wxTextCtrl>(&d, _("Municipality:")), "Saint-Gilles");
        type(field_as<wxTextCtrl>(&d, _("Postcode:")), "1060");
        choose(field_as<wxChoice>(&d, _("Language:")), _("Bilingual"));
        check(field_as<wxCheckListBox>(&d, _("Sectors:")), wxString::FromUTF8("santé mentale"));
        j.snap("new-institution", &d);
        click(button(&d, _("OK")));
    });
    j.snap("institution-created");
}

// People page > New…: name, email, role, and a job at the institution (Add a job… >
// Choose… > the institution in the list).
void create_person(Journey& j, const wxString& first, const wxString& last, const wxString& email, int n) {
    wxWindow* page = j.page("core.people");
    j.with_dialog({}, [&] { click(button(page, _("&New…"))); }, [&](wxDialog& person) {
        type(field_as<wxTextCtrl>(&person, _("First name:")), first);
        type(field_as<wxTextCtrl>(&person, _("Last name:")), last);
        type(field_as<wxTextCtrl>(&person, _("Email:")), email);
        check(field_as<wxCheckListBox>(&person, _("Roles:")), _("Front-line worker"));
        j.with_dialog({}, [&] { click(button(&person, _("Add a job…"))); }, [&](wxDialog& job) {
            j.with_dialog({}, [&] { click(button(&job, _("Choose…"))); }, [&](wxDialog& choose_dialog) {
                auto* list = first_of<ui::VirtualList>(&choose_dialog);
                ASSERT_NE(list, nullptr);
                ASSERT_EQ(list->shown_count(), 1u);
                // A double click on the institution's row.
                list->select_id(list->id_at(0));
                wxDataViewEvent activated(wxEVT_DATAVIEW_ITEM_ACTIVATED, list, list->GetSelection());
                list->ProcessWindowEvent(activated);
            });
            type(field_as<wxTextCtrl>(&job, _("Job title:")), wxString::FromUTF8("Travailleur·euse social·e"));
            // The date as a Belgian user types it (the field shows the locale's dd/mm/yyyy).
            type(field_as<wxTextCtrl>(&job, _("From:")), "1/9/2024");
            if (n == 1) j.snap("new-job", &job);
            click(button(&job, _("OK")));
        });
        if (n == 1) j.snap("new-person", &person);
        click(button(&person, _("OK")));
    });
    j.snap("person-" + std::to_string(n) + "-created");
}

}  // namespace

TEST(CoreJourney, FirstHourOfANewOrganisation) {
    Journey j("core");
    ASSERT_TRUE(needs_first_start(j.db()));

    j.start([&](wxDialog& d) { fill_assistant(j, d); });
    EXPECT_EQ(organisation_name(j.db()), "Réseau Santé Mentale et Précarité");
    ProgrammeRepository programmes(j.db());
    ASSERT_TRUE(programmes.find_by_code("pat"));
    EXPECT_EQ(programmes.find_by_code("pat")->parent_id, programmes.find_by_code("support")->id);
    EXPECT_EQ(FunderRepository(j.db()).list().size(), 2u);
    j.snap("main-window");

    create_institution(j);
    const auto institution = InstitutionRepository(j.db()).find_by_name(kInstitution.utf8_string());
    ASSERT_TRUE(institution);
    EXPECT_EQ(institution->postcode, "1060");
    EXPECT_EQ(institution->region, "brussels");

    create_person(j, "Leila", "Benali", "leila.benali@example.org", 1);
    create_person(j, "Jan", "Peeters", "jan.peeters@example.org", 2);
    create_person(j, "Sofia", "Lambert", "sofia.lambert@example.org", 3);
    PersonRepository people(j.db());
    for (const char* email : {"leila.benali@example.org", "jan.peeters@example.org", "sofia.lambert@example.org"}) {
        const auto p = people.find_by_email(email);
        ASSERT_TRUE(p) << email;
        const auto jobs = people.employments(p->id);
        ASSERT_EQ(jobs.size(), 1u) << email;
        EXPECT_EQ(jobs[0].institution_id, institution->id);
        EXPECT_EQ(jobs[0].start_date, "2024-09-01");
    }

    // The journey goes on with the steps that build on these people: merging two
    // duplicates, deleting one with its confirmation, undo and redo, exporting the
    // people list. Each is added here as a function like create_person(), driving the
    // window the same way, with its own screenshot.
}

// The pages that start empty say what to do and lead to it: a new intervision cycle
// (September to June by default) and a first PAT request; a funder under another and a
// catalogue edition are made in the window; the demo opens beside the user's own
// database, which stays as it was.
TEST(CoreJourney, EmptyPagesLeadToTheirFirstRecordAndTheDemoStaysApart) {
    Journey j("core-empty-pages");
    j.start([&](wxDialog& d) {
        type(&d, "organisation", "Relais social");
        click(named<wxButton>(&d, "next"));
        type(&d, "programme-code", "connect");
        type(&d, "programme-name", "Connect");
        type(&d, "funder-code", "COCOM");  // typed, not added: Next adds it
        type(&d, "funder-name", "Commission communautaire commune");
        click(named<wxButton>(&d, "next"));
        click(named<wxButton>(&d, "finish"));
    });
    EXPECT_TRUE(FunderRepository(j.db()).find_by_code("COCOM"));

    wxWindow* cycles = j.page("intervision.cycles");
    j.snap("intervision-empty");
    j.with_dialog("new-cycle-dialog", [&] { click(named<wxButton>(cycles, "create-first-cycle")); }, [&](wxDialog& d) {
        const auto name = named<wxTextCtrl>(&d, "name")->GetValue();
        EXPECT_TRUE(name.Matches("20*-20*") && name.length() == 9) << name.utf8_string();  // "2026-2027"
        choose(named<wxChoice>(&d, "funder"), "Commission communautaire commune (COCOM)");
        j.snap("new-cycle", &d);
        click(button(&d, _("OK")));
    });
    j.snap("intervision-cycle-created");
    const auto cycles_in_db = j.db().scalar_int(
        "SELECT count(*) FROM intervision_cycle WHERE substr(start_date, 6) = '09-01' AND substr(end_date, 6) = "
        "'06-30' AND programme_id = (SELECT id FROM programme WHERE code = 'connect') AND funder_id = (SELECT id "
        "FROM funder WHERE code = 'COCOM')");
    EXPECT_EQ(cycles_in_db, 1);

    create_institution(j);
    wxWindow* pat = j.page("pat.accompaniment");
    j.snap("pat-empty");
    j.with_dialog("new-request-dialog", [&] { click(named<wxButton>(pat, "new-request")); }, [&](wxDialog& d) {
        auto* institution = named<ui::InstitutionPicker>(&d, "institution");
        ASSERT_NE(institution, nullptr);
        institution->set_text(wxString::FromUTF8("Méridien"));  // typing part of the name
        settle();
        ASSERT_EQ(institution->matches().size(), 1u);
        institution->choose(0);
        type(&d, "heard-from", wxString::FromUTF8("Table d'échanges 2025"));
        j.snap("new-request", &d);
        click(button(&d, _("OK")));
    });
    j.snap("pat-request-recorded");
    EXPECT_EQ(j.db().scalar_int("SELECT count(*) FROM pat_accompaniment WHERE phase = 'request'"), 1);

    // Funders and programmes are kept up in the window too: a fund under its funder.
    wxWindow* funders = j.page("core.funders");
    j.with_dialog("code-name-dialog", [&] { click(button(funders, _("&New…"))); }, [&](wxDialog& d) {
        type(&d, "code", "COCOM-PSY");
        type(&d, "name", wxString::FromUTF8("COCOM — santé mentale"));
        choose(named<wxChoice>(&d, "parent"), wxString::FromUTF8("COCOM — Commission communautaire commune"));
        j.snap("new-funder-with-parent", &d);
        click(button(&d, _("OK")));
    });
    j.snap("funders");
    FunderRepository funder_repo(j.db());
    ASSERT_TRUE(funder_repo.find_by_code("COCOM-PSY"));
    EXPECT_EQ(funder_repo.find_by_code("COCOM-PSY")->parent_id, funder_repo.find_by_code("COCOM")->id);

    // The training coordinator's first step: next year's catalogue edition.
    wxWindow* editions = j.page("catalogue.editions");
    j.with_dialog("catalogue-edition-dialog", [&] { click(named<wxButton>(editions, "new-edition")); },
                  [&](wxDialog& d) {
                      type(&d, "code", "2027");
                      type(&d, "title", "Formations 2027");
                      j.snap("new-catalogue-edition", &d);
                      click(button(&d, _("OK")));
                  });
    j.snap("catalogue-editions");
    EXPECT_EQ(j.db().scalar_int("SELECT count(*) FROM catalogue_edition WHERE code = '2027' AND retired_at IS NULL"),
              1);

    const auto own_size = std::filesystem::file_size(j.database_file());
    j.menu(_("&File"), _("Open the &demo"));
    j.snap("demo-opened");
    EXPECT_EQ(j.db().path(), ui::demo_database_path());
    EXPECT_GT(j.db().scalar_int("SELECT count(*) FROM institution"), 5);
    EXPECT_EQ(std::filesystem::file_size(j.database_file()), own_size);
}
