// Journey "core": a new organisation's first hour, from `maillage-cli init` without demo.
// The assistant (organisation, language, programmes and funders with a parent), then one
// institution and three people who work there, all through the window's own dialogs;
// then a duplicate typed by a colleague is merged, a person is deleted after the
// confirmation, Edit > Undo brings them back and Edit > Redo deletes them again, and the
// people list is exported (Ctrl+E). Screenshots: build/screenshots/journeys/core/.
#include "first_start_assistant.h"
#include "journey.h"

#include "core/institutions.h"
#include "core/people.h"
#include "core/programmes.h"
#include "shared-ui/list_panel.h"
#include "shared-ui/pickers.h"
#include "shared-ui/virtual_list.h"

#include <wx/app.h>
#include <wx/checklst.h>
#include <wx/dataview.h>
#include <wx/filedlg.h>
#include <wx/intl.h>
#include <wx/stattext.h>
#include <wx/statusbr.h>

#include <algorithm>
#include <fstream>
#include <sstream>

using namespace maillage;
using namespace maillage::journey;

namespace {

const wxString kInstitution = wxString::FromUTF8("Centre de santé mentale Le Méridien");

// The assistant as a new user fills it in.
void fill_assistant(Journey& j, wxDialog& d) {
    j.snap("assistant-organisation", &d);
    assistant_organisation(d, wxString::FromUTF8("Réseau Santé Mentale et Précarité"), wxString::FromUTF8("Français"));

    add_programme(&d, "connect", "Connect");
    add_programme(&d, "support", "Support");
    add_programme(&d, "pat", wxString::FromUTF8("PAT — pair-aidance"), "support");  // PAT sits under Support
    add_funder(&d, "COCOM", "Commission communautaire commune");
    add_funder(&d, "COCOF", wxString::FromUTF8("Commission communautaire française"));
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
        fill_person(&person, first, last, email, _("Front-line worker"));
        j.with_dialog({}, [&] { click(button(&person, _("Add a job…"))); }, [&](wxDialog& job) {
            j.with_dialog({}, [&] { click(button(&job, _("Choose…"))); }, [&](wxDialog& choose_dialog) {
                auto* list = first_of<ui::VirtualList>(&choose_dialog);
                ASSERT_NE(list, nullptr);
                ASSERT_EQ(list->shown_count(), 1u);
                double_click(list, list->id_at(0));  // the institution's row
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

// The people list of the People page.
ui::ListPanel* people_list(wxWindow* page) {
    auto* panel = first_of<ui::ListPanel>(page);  // above the history of participations
    EXPECT_TRUE(panel && panel->options().id == "core.people") << "the People page has no people list";
    return panel && panel->options().id == "core.people" ? panel : nullptr;
}

// The People page with the person of `email` selected in its list; nullptr (a failed
// test) when the page has no people list.
wxWindow* people_page_selecting(Journey& j, const char* email) {
    wxWindow* page = j.page("core.people");
    auto* people = people_list(page);
    if (!people) return nullptr;
    select_row(people->list(), 1, email);
    return page;
}

// The emails the people list shows, in its order.
std::vector<std::string> shown_emails(ui::ListPanel* panel) {
    std::vector<std::string> out;
    for (size_t row = 0; row < panel->list()->shown_count(); ++row)
        out.push_back(panel->list()->text_at(row, 1).utf8_string());
    return out;
}

// A colleague types Leila in again from a sign-in sheet: another email, a phone, no job.
void create_duplicate(Journey& j) {
    wxWindow* page = j.page("core.people");
    j.with_dialog({}, [&] { click(button(page, _("&New…"))); }, [&](wxDialog& person) {
        type(field_as<wxTextCtrl>(&person, _("First name:")), "Leila");
        type(field_as<wxTextCtrl>(&person, _("Last name:")), "Benali");
        type(field_as<wxTextCtrl>(&person, _("Email:")), "l.benali@example.net");
        type(field_as<wxTextCtrl>(&person, _("Phone:")), "+32 2 555 01 23");
        click(button(&person, _("OK")));
    });
    j.snap("duplicate-created");
}

// People > select Leila > Merge…: the duplicate is found by its email in the picker and
// folded into the record kept.
void merge_duplicate(Journey& j) {
    wxWindow* page = people_page_selecting(j, "leila.benali@example.org");
    ASSERT_NE(page, nullptr);
    j.with_dialog("merge_people", [&] { click(named<wxButton>(page, "merge_person")); }, [&](wxDialog& d) {
        auto* picker = named<ui::PersonPicker>(&d, "merge_picker");
        ASSERT_NE(picker, nullptr);
        ASSERT_TRUE(choose_only_match(picker, "l.benali@example"));
        settle();
        const wxString summary = named<wxStaticText>(&d, "merge_summary")->GetLabel();
        EXPECT_TRUE(summary.Contains("Benali")) << summary.utf8_string();
        j.snap("merge-dialog", &d);
        click(named<wxButton>(&d, "merge"));
    });
    j.snap("duplicate-merged");
}

// People > select Jan > Delete…: the confirmation names him and what goes with him.
void delete_person(Journey& j) {
    wxWindow* page = people_page_selecting(j, "jan.peeters@example.org");
    ASSERT_NE(page, nullptr);
    j.asking([&] {
        j.with_dialog("confirm_delete", [&] { click(named<wxButton>(page, "delete_person")); }, [&](wxDialog& d) {
            const wxString text = named<wxStaticText>(&d, "message")->GetLabel();
            EXPECT_TRUE(text.Contains(_("Edit > Undo brings it back."))) << text.utf8_string();
            j.snap("confirm-delete", &d);
            click(named<wxButton>(&d, "delete"));
        });
    });
    j.snap("person-deleted");
}

// Ctrl+E on the People page: asked where to save, the rows shown written as CSV.
std::filesystem::path export_people(Journey& j) {
    j.page("core.people");
    const auto file = j.database_file().parent_path() / "personnes.csv";
    wxString title;
    EXPECT_EQ(j.save_as(file, [&] { j.press('E', wxMOD_CONTROL); }, &title).utf8_string(), file.string());
    EXPECT_TRUE(title.Contains("2")) << title.utf8_string();  // "Exporter 2 lignes"
    j.snap("people-exported");
    const wxString status = j.frame().GetStatusBar()->GetStatusText(0);
    EXPECT_TRUE(status.Contains("personnes.csv")) << status.utf8_string();
    return file;
}

std::string read_file(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
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

    // A duplicate, merged into the record kept: its phone comes along, it is gone.
    create_duplicate(j);
    ASSERT_TRUE(people.find_by_email("l.benali@example.net"));
    EXPECT_EQ(people.count(), 4);
    merge_duplicate(j);
    EXPECT_FALSE(people.find_by_email("l.benali@example.net"));
    const auto leila = people.find_by_email("leila.benali@example.org");
    ASSERT_TRUE(leila);
    EXPECT_EQ(leila->phone, "+32 2 555 01 23");
    EXPECT_EQ(people.employments(leila->id).size(), 1u);
    auto* list = people_list(j.page("core.people"));
    ASSERT_NE(list, nullptr);
    EXPECT_EQ(list->list()->shown_count(), 3u);

    // Jan is deleted after the confirmation; Edit > Undo brings him back, Redo deletes him again.
    delete_person(j);
    EXPECT_FALSE(people.find_by_email("jan.peeters@example.org"));
    const auto has = [&](const std::string& email) {
        const auto shown = shown_emails(list);
        return std::find(shown.begin(), shown.end(), email) != shown.end();
    };
    EXPECT_FALSE(has("jan.peeters@example.org"));
    const wxString undo = j.menu_label(wxID_UNDO);
    EXPECT_TRUE(undo.Contains("Jan Peeters")) << undo.utf8_string();  // "Annuler : Supprimer Jan Peeters"
    j.menu(_("&Edit"), undo);
    j.snap("delete-undone");
    EXPECT_TRUE(people.find_by_email("jan.peeters@example.org"));
    EXPECT_TRUE(has("jan.peeters@example.org"));
    EXPECT_EQ(people.employments(people.find_by_email("jan.peeters@example.org")->id).size(), 1u);
    const wxString redo = j.menu_label(wxID_REDO);
    EXPECT_TRUE(redo.Contains("Jan Peeters")) << redo.utf8_string();
    j.menu(_("&Edit"), redo);
    j.snap("delete-redone");
    EXPECT_FALSE(people.find_by_email("jan.peeters@example.org"));
    EXPECT_FALSE(has("jan.peeters@example.org"));

    // The people list as a spreadsheet: one line per person shown, under the titles.
    const auto file = export_people(j);
    ASSERT_TRUE(std::filesystem::exists(file));
    const std::string csv = read_file(file);
    const auto shown = shown_emails(list);
    ASSERT_EQ(shown.size(), 2u);
    for (const auto& email : shown) EXPECT_NE(csv.find(email), std::string::npos) << email << "\n" << csv;
    EXPECT_EQ(csv.find("jan.peeters"), std::string::npos) << csv;
    EXPECT_NE(csv.find("Benali, Leila"), std::string::npos) << csv;
    EXPECT_EQ(static_cast<size_t>(std::count(csv.begin(), csv.end(), '\n')), shown.size() + 1) << csv;
}

// The pages that start empty say what to do and lead to it: a new intervision cycle
// (September to June by default) and a first PAT request; a funder under another and a
// catalogue edition are made in the window; the demo opens beside the user's own
// database, which stays as it was.
TEST(CoreJourney, EmptyPagesLeadToTheirFirstRecordAndTheDemoStaysApart) {
    Journey j("core-empty-pages");
    j.start([&](wxDialog& d) {
        assistant_organisation(d, "Relais social");
        type_programme(&d, "connect", "Connect");
        type_funder(&d, "COCOM", "Commission communautaire commune");  // typed, not added: Next adds it
        assistant_finish(d);
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
        ASSERT_TRUE(choose_only_match(institution, wxString::FromUTF8("Méridien")));  // typing part of the name
        type(&d, "heard-from", wxString::FromUTF8("Table d'échanges 2025"));
        j.snap("new-request", &d);
        click(button(&d, _("OK")));
    });
    j.snap("pat-request-recorded");
    EXPECT_EQ(j.count("pat_accompaniment WHERE phase = 'request'"), 1);

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
    // The fund sits right under its funder, indented.
    auto* funder_list = first_of<ui::ListPanel>(funders);  // above the programmes
    ASSERT_TRUE(funder_list && funder_list->options().id == "core.funders");
    std::vector<std::string> codes;
    for (size_t row = 0; row < funder_list->list()->shown_count(); ++row)
        codes.push_back(funder_list->list()->text_at(row, 0).utf8_string());
    ASSERT_EQ(codes, (std::vector<std::string>{"COCOM", "COCOM-PSY"}));
    EXPECT_TRUE(funder_list->list()->text_at(1, 1).StartsWith(wxString::FromUTF8("\u2514 ")))
        << funder_list->list()->text_at(1, 1).utf8_string();
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
    EXPECT_EQ(j.count("catalogue_edition WHERE code = '2027' AND retired_at IS NULL"), 1);

    const auto own_size = std::filesystem::file_size(j.database_file());
    j.menu(_("&File"), _("Open the &demo"));
    j.snap("demo-opened");
    EXPECT_EQ(j.db().path(), ui::demo_database_path());
    EXPECT_GT(j.count("institution"), 5);
    EXPECT_EQ(std::filesystem::file_size(j.database_file()), own_size);
}
