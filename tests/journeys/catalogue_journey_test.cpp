// Journey "catalogue": the training coordinator's year, from `maillage-cli init` without
// demo, all in the window: the trainers, the 2027 edition, three module sheets imported
// from XML, an open two-day training with a trainer pair (the checks shown as the
// trainers are ticked), twenty registrations (fifteen in the window, five from the web
// site's CSV with one duplicate resolved), the attendance on both days in the shared
// grid, expectations, certificates for one person, reminders sent to a local SMTP server
// and the catalogue published. Screenshots: build/screenshots/journeys/catalogue/.
#include "journey.h"
#include "smtp_sink.h"

#include "core/database.h"
#include "shared-ui/attendance_grid.h"
#include "shared-ui/date_pickers.h"
#include "shared-ui/list_panel.h"
#include "shared-ui/messages.h"
#include "shared-ui/pickers.h"
#include "shared-ui/questionnaire_form.h"
#include "shared-ui/questionnaire_results.h"

#include <wx/checkbox.h>
#include <wx/intl.h>
#include <wx/notebook.h>
#include <wx/spinctrl.h>
#include <wx/stattext.h>

#include <chrono>
#include <csignal>
#include <fstream>
#include <sstream>
#include <thread>

using namespace maillage;
using namespace maillage::journey;

namespace {

const wxString kTrainingCode = "SM-2027-01";

std::string read(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

void write(const std::filesystem::path& file, const std::string& text) {
    std::ofstream out(file, std::ios::binary);
    out << text;
}

// Ticks or unticks item n of a check list as a click does.
void tick(wxCheckListBox* list, const wxString& item, bool on = true) {
    ASSERT_NE(list, nullptr);
    const int n = list->FindString(item);
    ASSERT_NE(n, wxNOT_FOUND) << "no item " << item.utf8_string();
    list->Check(static_cast<unsigned>(n), on);
    wxCommandEvent event(wxEVT_CHECKLISTBOX, list->GetId());
    event.SetEventObject(list);
    event.SetInt(n);
    list->ProcessWindowEvent(event);
    settle(2);
}

void show_tab(wxWindow* page, int n) {
    auto* tabs = named<wxNotebook>(page, "training-tabs");
    ASSERT_NE(tabs, nullptr);
    tabs->SetSelection(static_cast<size_t>(n));
    settle();
}

// Selects a row as a click does (the page follows the selection event).
void select_row(ui::ListPanel* list, int64_t id) {
    ASSERT_NE(list, nullptr);
    ASSERT_TRUE(list->select_id(id));
    wxDataViewEvent event(wxEVT_DATAVIEW_SELECTION_CHANGED, list->list(), list->list()->GetSelection());
    list->list()->ProcessWindowEvent(event);
    settle();
}

int64_t person_id(Journey& j, const std::string& email) {
    return j.db().scalar_int("SELECT coalesce((SELECT id FROM person WHERE email = '" + email + "'), 0)");
}

// People page > New…: a trainer or a worker, without a job.
void create_person(Journey& j, const wxString& first, const wxString& last, const std::string& email, const wxString& role) {
    wxWindow* page = j.page("core.people");
    j.with_dialog({}, [&] { click(button(page, _("&New…"))); }, [&](wxDialog& person) {
        fill_person(&person, first, last, wxString::FromUTF8(email), role);
        click(button(&person, _("OK")));
    });
}

const char* kModules = R"XML(<?xml version="1.0" encoding="UTF-8"?>
<modules xmlns="urn:maillage:catalogue:module-sheet:1">
  <module code="SM-REP">
    <theme>mental_health</theme>
    <title lang="fr">Repères en santé mentale</title>
    <title lang="nl">Houvast in geestelijke gezondheid</title>
    <duration minutes="180"/>
    <objectives>Reconnaître les signes d'une souffrance psychique et orienter.</objectives>
    <trainers><trainer email="amina.diallo@rsmp.be">Amina Diallo</trainer><trainer email="marc.dubois@rsmp.be">Marc Dubois</trainer></trainers>
  </module>
  <module code="CRISE">
    <theme>crisis</theme>
    <title lang="fr">Faire face à la crise</title>
    <title lang="nl">Omgaan met een crisis</title>
    <duration minutes="180"/>
    <trainers><trainer email="amina.diallo@rsmp.be">Amina Diallo</trainer><trainer email="marc.dubois@rsmp.be">Marc Dubois</trainer></trainers>
  </module>
  <module code="ACCUEIL">
    <theme>reception</theme>
    <title lang="fr">Accueil et écoute</title>
    <title lang="nl">Onthaal en luisteren</title>
    <duration minutes="150"/>
    <trainers><trainer email="amina.diallo@rsmp.be">Amina Diallo</trainer><trainer email="marc.dubois@rsmp.be">Marc Dubois</trainer></trainers>
  </module>
</modules>
)XML";

// The fourteen people registered in the window as new people (Jan Peeters is known).
const std::pair<const char*, const char*> kNewPeople[] = {
    {"Leila Benali", "leila.benali@example.org"},   {"Sofia Lambert", "sofia.lambert@example.org"},
    {"Tom Janssens", "tom.janssens@example.org"},   {"Fatima El Amrani", "fatima.elamrani@example.org"},
    {"Pierre Lejeune", "pierre.lejeune@example.org"}, {"Anke Vermeulen", "anke.vermeulen@example.org"},
    {"Youssef Bakkali", "youssef.bakkali@example.org"}, {"Claire Dumont", "claire.dumont@example.org"},
    {"Koen De Smet", "koen.desmet@example.org"},    {"Nadia Haddad", "nadia.haddad@example.org"},
    {"Lucas Moreau", "lucas.moreau@example.org"},   {"Inès Dubois", "ines.dubois@example.org"},
    {"Bram Willems", "bram.willems@example.org"},   {"Sarah Cohen", "sarah.cohen@example.org"}};

}  // namespace

TEST(CatalogueJourney, ATrainingFromItsModulesToItsCertificates) {
    // No desktop keyring under the test: the window says so and asks for the password.
    setenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/maillage-journey-bus", 1);
    test::TempDir work;
    Journey j("catalogue");
    j.start([&](wxDialog& d) {
        assistant_organisation(d, wxString::FromUTF8("Réseau Santé Mentale et Précarité"));
        type_programme(&d, "support", "Support");
        assistant_finish(d);
    });
    // Errors that would be dialogs are collected: each step must leave none.
    std::vector<wxString> errors;
    ui::set_non_interactive([&](const wxString& message) { errors.push_back(message); });
    auto no_errors = [&](const char* step) {
        for (const auto& e : errors) ADD_FAILURE() << step << ": " << e.utf8_string();
        errors.clear();
    };

    // The trainers and one participant already known, on the People page.
    create_person(j, "Amina", "Diallo", "amina.diallo@rsmp.be", _("Trainer"));
    create_person(j, "Marc", "Dubois", "marc.dubois@rsmp.be", _("Trainer"));
    create_person(j, "Sophie", "Martin", "sophie.martin@rsmp.be", _("Trainer"));
    create_person(j, "Jan", "Peeters", "jan.peeters@example.org", _("Front-line worker"));
    no_errors("people");

    // 1. The edition.
    wxWindow* editions = j.page("catalogue.editions");
    j.with_dialog("catalogue-edition-dialog", [&] { click(named<wxButton>(editions, "new-edition")); }, [&](wxDialog& d) {
        type(&d, "code", "2027");
        named<wxSpinCtrl>(&d, "year")->SetValue(2027);
        type(&d, "title", "Formations 2027");
        click(button(&d, _("OK")));
    });
    j.snap("edition");
    ASSERT_EQ(j.count("catalogue_edition WHERE code = '2027' AND year = 2027"), 1);

    // 2. Three module sheets from XML (Modules page > Import XML…: the file, its preview).
    const auto xml = work / "modules.xml";
    write(xml, kModules);
    wxWindow* modules = j.page("catalogue.modules");
    j.with_dialog("import-modules-dialog", [&] { click(named<wxButton>(modules, "import-modules")); }, [&](wxDialog& d) {
        type(&d, "file", wxString::FromUTF8(xml.string()));
        j.snap("modules-import-preview", &d);
        click(button(&d, _("Import")));
    });
    j.snap("modules-imported");
    no_errors("modules");
    EXPECT_EQ(j.count("catalogue_module"), 3);
    EXPECT_EQ(j.count("catalogue_trainer_module"), 6) << "Amina and Marc for each module";
    j.page("catalogue.trainers");
    j.snap("trainers-qualified");

    // 3. The open training: modules (durations summed), seats, price, venue, languages, URL.
    wxWindow* page = j.page("catalogue.trainings");
    choose(named<wxChoice>(page, "edition"), "2027");
    j.with_dialog("training-dialog", [&] { click(named<wxButton>(page, "new-training")); }, [&](wxDialog& d) {
        type(&d, "code", kTrainingCode);
        type(&d, "title-fr", wxString::FromUTF8("Santé mentale et précarité : repères pour le terrain"));
        type(&d, "title-nl", "Geestelijke gezondheid en kwetsbaarheid: houvast voor het werkveld");
        auto* list = named<wxCheckListBox>(&d, "modules");
        ASSERT_EQ(list->GetCount(), 3u);
        for (unsigned i = 0; i < list->GetCount(); ++i) tick(list, list->GetString(i));
        const wxString duration = named<wxStaticText>(&d, "duration")->GetLabel();
        EXPECT_TRUE(duration.Contains("8 h 30") || duration.Contains("8h30")) << duration.utf8_string();
        EXPECT_TRUE(duration.Contains("2")) << duration.utf8_string();
        named<wxSpinCtrl>(&d, "seats")->SetValue(18);
        type(&d, "price", "45");
        type(&d, "venue", wxString::FromUTF8("Maison des associations, rue du Chêne 12, Bruxelles"));
        auto* languages = named<wxCheckListBox>(&d, "languages");
        for (unsigned i = 0; i < 2; ++i) tick(languages, languages->GetString(i));  // French and Dutch
        type(&d, "registration-url", "https://rsmp.be/formations/sm-2027-01");
        j.snap("new-training", &d);
        click(button(&d, _("OK")));
    });
    no_errors("training");
    const auto training = j.db().scalar_int("SELECT coalesce((SELECT id FROM catalogue_training WHERE code = 'SM-2027-01' "
                                            "AND seats = 18 AND price_cents = 4500 AND languages = 'fr,nl'), 0)");
    ASSERT_GT(training, 0);
    EXPECT_EQ(j.count("catalogue_training_module WHERE training_id = " + std::to_string(training)), 3);

    // 4. Two days with the trainer pair: the checks are shown as the trainers are ticked.
    show_tab(page, 0);
    j.with_dialog("day-dialog", [&] { click(named<wxButton>(page, "add-day")); }, [&](wxDialog& d) {
        type(named<ui::DatePicker>(&d, "date")->text(), "15/03/2027");
        auto* trainers = named<wxCheckListBox>(&d, "trainers");
        tick(trainers, "Sophie Martin");
        const wxString alone = named<wxStaticText>(&d, "flags")->GetLabel();
        EXPECT_TRUE(alone.Contains("Sophie Martin")) << "not qualified: " << alone.utf8_string();
        j.snap("day-1-sophie-not-qualified", &d);
        tick(trainers, "Sophie Martin", false);
        tick(trainers, "Amina Diallo");
        tick(trainers, "Marc Dubois");
        EXPECT_TRUE(named<wxStaticText>(&d, "flags")->GetLabel().StartsWith(wxString::FromUTF8("✓")))
            << named<wxStaticText>(&d, "flags")->GetLabel().utf8_string();
        j.snap("day-1-pair", &d);
        click(button(&d, _("OK")));
    });
    j.with_dialog("day-dialog", [&] { click(named<wxButton>(page, "add-day")); }, [&](wxDialog& d) {
        type(named<ui::DatePicker>(&d, "date")->text(), "15/03/2027");  // the same day by mistake
        auto* trainers = named<wxCheckListBox>(&d, "trainers");
        tick(trainers, "Amina Diallo");
        tick(trainers, "Marc Dubois");
        EXPECT_TRUE(named<wxStaticText>(&d, "flags")->GetLabel().Contains("Amina Diallo"))
            << "double booking: " << named<wxStaticText>(&d, "flags")->GetLabel().utf8_string();
        j.snap("day-2-double-booked", &d);
        type(named<ui::DatePicker>(&d, "date")->text(), "22/03/2027");
        EXPECT_TRUE(named<wxStaticText>(&d, "flags")->GetLabel().StartsWith(wxString::FromUTF8("✓")));
        click(button(&d, _("OK")));
    });
    j.snap("training-with-two-days");
    no_errors("days");
    const std::string days_sql = "SELECT session_id FROM catalogue_training_day WHERE training_id = " + std::to_string(training);
    ASSERT_EQ(j.count("(" + days_sql + ")"), 2);
    EXPECT_EQ(j.count("catalogue_day_trainer WHERE session_id IN (" + days_sql + ")"), 4);
    const int64_t day1 = j.db().scalar_int("SELECT s.id FROM session s WHERE s.id IN (" + days_sql + ") AND s.date = '2027-03-15'");
    const int64_t day2 = j.db().scalar_int("SELECT s.id FROM session s WHERE s.id IN (" + days_sql + ") AND s.date = '2027-03-22'");

    // 5. Fifteen registrations in the window: Jan Peeters found by the picker, fourteen new people.
    show_tab(page, 1);
    j.with_dialog("register-dialog", [&] { click(named<wxButton>(page, "register")); }, [&](wxDialog& d) {
        auto* picker = named<ui::PersonPicker>(&d, "person");
        ASSERT_TRUE(choose_only_match(picker, "Peeters"));
        j.snap("register-known-person", &d);
        click(button(&d, _("OK")));
    });
    int n = 0;
    for (const auto& [name, email] : kNewPeople) {
        j.with_dialog("register-dialog", [&] { click(named<wxButton>(page, "register")); }, [&](wxDialog& d) {
            auto* picker = named<ui::PersonPicker>(&d, "person");
            picker->set_text(wxString::FromUTF8(name));
            settle(3);
            j.with_dialog("new-person-dialog", [&] { picker->choose(picker->matches().size()); }, [&](wxDialog& np) {
                type(&np, "email", email);
                if (n == 0) j.snap("register-new-person", &np);
                click(button(&np, _("OK")));
            });
            click(button(&d, _("OK")));
        });
        ++n;
    }
    no_errors("registrations");
    j.snap("fifteen-registrations");
    const std::string regs_sql = "SELECT count(*) FROM catalogue_registration WHERE training_id = " + std::to_string(training);
    EXPECT_EQ(j.db().scalar_int(regs_sql + " AND status = 'registered'"), 15);

    // 6. Five more from the site's CSV: the preview, and the duplicate question for Jan Peeters.
    const auto csv = work / "inscriptions-site.csv";
    write(csv, "prenom;nom;email;institution;formation\n"
               "Camille;Renard;camille.renard@example.org;Abri de nuit Bruxelles;SM-2027-01\n"
               "Hugo;Lefèvre;hugo.lefevre@example.org;Abri de nuit Bruxelles;SM-2027-01\n"
               "Eva;Claes;eva.claes@example.org;CAW Brussel;SM-2027-01\n"
               "Jan;Peeters;jan.peeters@gmail.com;CAW Brussel;SM-2027-01\n"
               "Mehdi;Ziani;mehdi.ziani@example.org;Relais social;SM-2027-01\n"
               "Julie;Martin;julie.martin@example.org;Relais social;SM-2027-01\n");
    j.with_dialog("import-registrations-dialog", [&] { click(named<wxButton>(page, "import-registrations")); },
                  [&](wxDialog& d) {
                      j.with_dialog("duplicate-question", [&] { type(&d, "file", wxString::FromUTF8(csv.string())); },
                                    [&](wxDialog& q) {
                                        j.snap("import-duplicate-question", &q);
                                        click(named<wxButton>(&q, "same"));
                                    });
                      const wxString summary = named<wxStaticText>(&d, "summary")->GetLabel();
                      EXPECT_TRUE(summary.Contains("6")) << summary.utf8_string();
                      j.snap("import-preview", &d);
                      click(button(&d, _("Import")));
                  });
    no_errors("import");
    j.snap("twenty-registrations");
    EXPECT_EQ(j.db().scalar_int(regs_sql + " AND status = 'registered'"), 18);
    EXPECT_EQ(j.db().scalar_int(regs_sql + " AND status = 'waiting'"), 2);
    EXPECT_EQ(j.db().scalar_int(regs_sql + " AND status = 'waiting' AND waiting_position IN (1, 2)"), 2);
    EXPECT_EQ(j.count("person WHERE first_name = 'Jan'"), 1) << "the duplicate resolved";

    // 6b. A second session of the training (Duplicate), and Julie Martin moved there from
    // the waiting list.
    j.with_dialog("training-dialog", [&] { click(button(page, _("D&uplicate"))); }, [&](wxDialog& d) {
        EXPECT_EQ(named<wxTextCtrl>(&d, "code")->GetValue(), kTrainingCode + "-2");
        type(&d, "code", "SM-2027-02");
        click(button(&d, _("OK")));
    });
    const auto second = j.db().scalar_int("SELECT coalesce((SELECT id FROM catalogue_training WHERE code = 'SM-2027-02' "
                                          "AND status = 'proposed' AND seats = 18), 0)");
    ASSERT_GT(second, 0);
    select_row(named<ui::ListPanel>(page, "trainings"), training);
    show_tab(page, 1);
    const auto julie = person_id(j, "julie.martin@example.org");
    select_row(named<ui::ListPanel>(page, "registrations"), julie);
    j.with_dialog("move-registration", [&] { click(button(page, _("&Move…"))); }, [&](wxDialog& d) {
        j.snap("move-registration", &d);
        click(dynamic_cast<wxButton*>(d.FindWindow(wxID_OK)));
    });
    no_errors("move");
    EXPECT_EQ(j.count("catalogue_registration WHERE training_id = " + std::to_string(second) +
                      " AND person_id = " + std::to_string(julie) + " AND status = 'registered'"),
              1);
    EXPECT_EQ(j.db().scalar_int(regs_sql + " AND status = 'waiting' AND waiting_position = 1"), 1) << "Mehdi moves up";
    EXPECT_EQ(j.db().scalar_int(regs_sql + " AND status = 'cancelled' AND person_id = " + std::to_string(julie)), 1);
    j.snap("registration-moved");

    // 7. Attendance on both days in the shared grid (people × days), a reason for the excused.
    show_tab(page, 2);
    auto* grid = named<ui::AttendanceGrid>(page, "attendance");
    ASSERT_NE(grid, nullptr);
    grid->set_reason_prompt([](const ui::AttendanceRow&, const ui::AttendanceColumn&) {
        return std::optional<std::string>("rendez-vous médical");
    });
    const auto excused = person_id(j, "tom.janssens@example.org"), absent = person_id(j, "pierre.lejeune@example.org");
    for (int64_t day : {day1, day2}) {
        const int col = grid->col_of(day);
        ASSERT_GE(col, 0);
        for (const char* email : {"jan.peeters@example.org", "camille.renard@example.org", "hugo.lefevre@example.org",
                                  "eva.claes@example.org"}) {
            const int row = grid->row_of(person_id(j, email));
            ASSERT_GE(row, 0) << email;
            EXPECT_TRUE(grid->set_cell(row, col, ui::AttendanceStatus::Present));
        }
        for (const auto& [name, email] : kNewPeople) {
            const auto id = person_id(j, email);
            const auto status = id == excused && day == day2 ? ui::AttendanceStatus::Excused
                                : id == absent && day == day1 ? ui::AttendanceStatus::Absent
                                                              : ui::AttendanceStatus::Present;
            EXPECT_TRUE(grid->set_cell(grid->row_of(id), col, status)) << name;
        }
    }
    settle();
    j.snap("attendance-both-days");
    no_errors("attendance");
    const std::string att = "SELECT count(*) FROM attendance WHERE session_id IN (" + days_sql + ")";
    EXPECT_EQ(j.db().scalar_int(att + " AND status = 'present'"), 34);
    EXPECT_EQ(j.db().scalar_int(att + " AND status = 'excused' AND reason = 'rendez-vous médical'"), 1);
    EXPECT_EQ(j.db().scalar_int(att + " AND status = 'absent'"), 1);
    // The grid fits the page: its columns are not cut at 1200×760.
    EXPECT_LE(grid->GetScreenRect().GetRight(), j.frame().GetScreenRect().GetRight());
    // A cell names one person's state, whatever the plugins' catalogs call their columns.
    EXPECT_EQ(ui::status_label(ui::AttendanceStatus::Present), wxString::FromUTF8("Présent·e"));
    EXPECT_EQ(ui::status_label(ui::AttendanceStatus::Registered), wxString::FromUTF8("Inscrit·e"));

    // 8. Expectations at the start; whether they were met at the end.
    show_tab(page, 3);
    const std::pair<const char*, const char*> expectations[] = {
        {"Leila Benali", "Savoir orienter une personne en crise vers un service adapté."},
        {"Sofia Lambert", "Mieux comprendre les troubles psychiques des personnes sans abri."},
        {"Tom Janssens", "Des outils pour l'accueil de personnes sous influence."}};
    for (const auto& [name, text] : expectations)
        j.with_dialog("expectation-dialog", [&] { click(named<wxButton>(page, "add-expectation")); }, [&](wxDialog& d) {
            choose(named<wxChoice>(&d, "person"), wxString::FromUTF8(name));
            type(&d, "text", wxString::FromUTF8(text));
            click(button(&d, _("OK")));
        });
    auto* expect_list = named<ui::ListPanel>(page, "expectations");
    const char* verdicts[] = {"met-yes", "met-partly", "met-yes"};
    for (size_t i = 0; i < 3; ++i) {
        expect_list->sort_by(0);
        ASSERT_TRUE(expect_list->select_id(expect_list->list()->id_at(i)));
        click(named<wxButton>(page, verdicts[i]));
    }
    j.snap("expectations");
    no_errors("expectations");
    EXPECT_EQ(j.count("catalogue_expectation WHERE met = 'yes'"), 2);
    EXPECT_EQ(j.count("catalogue_expectation WHERE met = 'partly'"), 1);

    // 8b. Evaluations with the shared questionnaire form; results per training and per module.
    show_tab(page, 5);
    const std::pair<const char*, double> evaluations[] = {{"Leila Benali", 5}, {nullptr, 4}};
    for (const auto& [who, rating] : evaluations)
        j.with_dialog("evaluation-dialog", [&] { click(named<wxButton>(page, "add-evaluation")); }, [&](wxDialog& d) {
            if (who) choose(named<wxChoice>(&d, "person"), wxString::FromUTF8(who));
            auto* form = named<ui::QuestionnaireForm>(&d, "form");
            ASSERT_NE(form, nullptr);
            const auto& questions = form->questionnaire().questions;
            ASSERT_GE(questions.size(), 2u);
            form->set_answer(questions[0].id, AnswerValue{rating, {}});
            form->set_answer(questions[1].id, AnswerValue{rating - 1, {}});
            if (who) j.snap("evaluation-form", &d);
            click(button(&d, _("OK")));
        });
    no_errors("evaluations");
    EXPECT_EQ(
        j.count("response WHERE subject_kind = 'catalogue_training' AND subject_id = " + std::to_string(training)), 2);
    auto* results = named<ui::QuestionnaireResults>(page, "evaluation-results");
    ASSERT_NE(results, nullptr);
    EXPECT_TRUE(results->summary_line(0).Contains("4,5") || results->summary_line(0).Contains("4.5"))
        << results->summary_line(0).utf8_string();
    auto* results_of = named<wxChoice>(page, "results-of");
    ASSERT_EQ(results_of->GetCount(), 4u) << "this training and each of its three modules";
    choose(results_of, results_of->GetString(1));
    EXPECT_TRUE(results->summary_line(0).Contains("4,5") || results->summary_line(0).Contains("4.5"));
    j.snap("evaluation-results");

    // 9. The certificate of one person (written off the UI thread, with progress).
    show_tab(page, 4);
    const auto certificates = work / "attestations";
    j.with_dialog("certificates-dialog", [&] { click(named<wxButton>(page, "certificates")); }, [&](wxDialog& d) {
        choose(named<wxChoice>(&d, "who"), "Leila Benali");
        type(&d, "folder", wxString::FromUTF8(certificates.string()));
        j.snap("certificates-one-person", &d);
        click(button(&d, _("OK")));
    });
    no_errors("certificates");
    int html = 0, pdf = 0;
    for (const auto& entry : std::filesystem::directory_iterator(certificates)) {
        html += entry.path().extension() == ".html";
        pdf += entry.path().extension() == ".pdf";
        if (entry.path().extension() == ".html") {
            const auto text = read(entry.path());
            EXPECT_NE(text.find("Leila Benali"), std::string::npos);
            EXPECT_EQ(text.find("Sofia Lambert"), std::string::npos) << "one person's certificate only";
            EXPECT_NE(text.find(": 13 h"), std::string::npos) << "two days of 6 h 30 attended";
        }
    }
    EXPECT_EQ(html, 1);
    EXPECT_EQ(pdf, 1);

    // 10. Reminders through the organisation's SMTP server (a local one): settings in
    // Preferences, the password typed (no keyring here), then a dry run sends nothing more.
    // Confirmations as .eml files first (any mail program opens them).
    const auto eml = work / "eml";
    j.with_dialog("messages-dialog", [&] { click(named<wxButton>(page, "messages")); }, [&](wxDialog& d) {
        type(&d, "folder", wxString::FromUTF8(eml.string()));
        j.snap("confirmations-eml", &d);
        click(button(&d, _("OK")));
    });
    no_errors("confirmations");
    int eml_files = 0;
    for (const auto& entry : std::filesystem::directory_iterator(eml)) eml_files += entry.path().extension() == ".eml";
    EXPECT_EQ(eml_files, 19) << "18 seats and Mehdi Ziani on the waiting list";

    test::SmtpSink server(work / "smtp", "coordination", "s3cret");
    j.with_dialog({}, [&] { j.menu(_("&File"), _("&Preferences…")); }, [&](wxDialog& d) {
        type(field_as<wxTextCtrl>(&d, _("SMTP server (e.g. smtp.example.org):")), "127.0.0.1");
        field_as<wxSpinCtrl>(&d, _("SMTP port:"))->SetValue(server.port());
        choose(field_as<wxChoice>(&d, _("SMTP security:")), wxGETTEXT_IN_CONTEXT("security", "none"));
        type(field_as<wxTextCtrl>(&d, _("SMTP user name:")), "coordination");
        type(field_as<wxTextCtrl>(&d, _("Sender's address:")), "formations@rsmp.be");
        type(field_as<wxTextCtrl>(&d, _("Sender's name:")), wxString::FromUTF8("RSMP — formations"));
        j.snap("preferences-smtp", &d);
        click(button(&d, _("OK")));
    });
    j.with_dialog("messages-dialog", [&] { click(named<wxButton>(page, "messages")); }, [&](wxDialog& d) {
        auto* kind = named<wxChoice>(&d, "kind");
        choose(kind, kind->GetString(1));
        auto* channel = named<wxChoice>(&d, "channel");
        choose(channel, channel->GetString(1));
        EXPECT_FALSE(named<wxStaticText>(&d, "keyring")->GetLabel().empty()) << "says that no keyring answers";
        type(&d, "password", "s3cret");
        j.snap("reminders-smtp", &d);
        click(button(&d, _("OK")));
    });
    no_errors("reminders");
    EXPECT_EQ(server.received().size(), 18u) << "one reminder per registered person";
    EXPECT_EQ(j.count("catalogue_mail_log WHERE kind = 'reminder' AND channel = 'smtp'"), 18);
    j.with_dialog("messages-dialog", [&] { click(named<wxButton>(page, "messages")); }, [&](wxDialog& d) {
        auto* kind = named<wxChoice>(&d, "kind");
        choose(kind, kind->GetString(1));
        auto* channel = named<wxChoice>(&d, "channel");
        choose(channel, channel->GetString(1));
        type(&d, "password", "s3cret");
        named<wxCheckBox>(&d, "dry-run")->SetValue(true);
        click(button(&d, _("OK")));
    });
    EXPECT_EQ(server.received().size(), 18u) << "never sent twice";
    j.snap("messages-log");
    no_errors("dry run");

    // 11. Publish the catalogue (site, feed), with progress.
    const auto site = work / "site";
    j.with_dialog("publish-dialog", [&] { click(named<wxButton>(page, "publish")); }, [&](wxDialog& d) {
        type(&d, "folder", wxString::FromUTF8(site.string()));
        named<wxCheckBox>(&d, "pdf")->SetValue(false);
        j.snap("publish", &d);
        click(button(&d, _("Publish")));
    });
    no_errors("publish");
    EXPECT_TRUE(std::filesystem::exists(site / "index.html"));
    EXPECT_GT(j.count("catalogue_edition WHERE code = '2027' AND published_at IS NOT NULL"), 0);
    j.snap("published");
    auto* figures = j.page("catalogue.figures");
    auto* year = first_of<wxSpinCtrl>(figures);
    ASSERT_NE(year, nullptr);
    year->SetValue(2027);
    wxSpinEvent spun(wxEVT_SPINCTRL, year->GetId());
    spun.SetEventObject(year);
    spun.SetPosition(2027);
    year->ProcessWindowEvent(spun);
    settle();
    j.snap("figures");

    // 12. Next year's catalogue: the edition copied, its training proposed without dates.
    editions = j.page("catalogue.editions");
    auto* edition_list = first_of<ui::ListPanel>(editions);
    ASSERT_NE(edition_list, nullptr);
    ASSERT_TRUE(edition_list->select_id(edition_list->list()->id_at(0)));
    j.with_dialog("catalogue-edition-dialog", [&] { click(named<wxButton>(editions, "copy-edition")); }, [&](wxDialog& d) {
        EXPECT_EQ(named<wxTextCtrl>(&d, "code")->GetValue(), "2028");
        EXPECT_EQ(named<wxTextCtrl>(&d, "title")->GetValue(), "Formations 2028");
        j.snap("copy-edition", &d);
        click(button(&d, _("OK")));
    });
    no_errors("copy");
    EXPECT_EQ(j.count("catalogue_training t JOIN catalogue_edition e ON e.id = t.edition_id WHERE e.code = '2028' AND "
                      "t.code = 'SM-2028-01' AND t.status = 'proposed' AND t.seats = 18 AND NOT EXISTS (SELECT 1 FROM "
                      "catalogue_training_day d WHERE d.training_id = t.id)"),
              1);

    // 13. Deleting it asks first, says what goes with it; Edit > Undo brings it back.
    ui::set_non_interactive(nullptr);
    page = j.page("catalogue.trainings");
    choose(named<wxChoice>(page, "edition"), "2028");
    j.with_dialog("confirm_delete", [&] { click(button(page, _("&Delete…"))); }, [&](wxDialog& d) {
        j.snap("delete-training-confirmation", &d);
        click(named<wxButton>(&d, "delete"));
    });
    EXPECT_EQ(j.count("catalogue_training WHERE code = 'SM-2028-01'"), 0);
    wxCommandEvent undo(wxEVT_MENU, wxID_UNDO);
    undo.SetEventObject(&j.frame());
    j.frame().ProcessWindowEvent(undo);
    settle();
    EXPECT_EQ(j.count("catalogue_training WHERE code = 'SM-2028-01'"), 1) << "undone";
    j.snap("delete-undone");

    // 14. A day added by mistake to next year's training, removed after the confirmation.
    select_row(named<ui::ListPanel>(page, "trainings"),
               j.db().scalar_int("SELECT id FROM catalogue_training WHERE code = 'SM-2028-01'"));
    show_tab(page, 0);
    j.with_dialog("day-dialog", [&] { click(named<wxButton>(page, "add-day")); }, [&](wxDialog& d) {
        type(named<ui::DatePicker>(&d, "date")->text(), "13/03/2028");
        click(button(&d, _("OK")));
    });
    const std::string next_days = "SELECT count(*) FROM catalogue_training_day d JOIN catalogue_training t ON t.id = "
                                  "d.training_id WHERE t.code = 'SM-2028-01'";
    EXPECT_EQ(j.db().scalar_int(next_days), 1);
    auto* days = named<ui::ListPanel>(page, "days");
    ASSERT_TRUE(days->select_id(days->list()->id_at(0)));
    j.with_dialog("confirm_delete", [&] { click(button(page, _("Remove the day…"))); }, [&](wxDialog& d) {
        j.snap("remove-day-confirmation", &d);
        click(named<wxButton>(&d, "delete"));
    });
    EXPECT_EQ(j.db().scalar_int(next_days), 0);
    j.snap("day-removed");

    // 15. A module retired: its trainings keep its sheet, new trainings no longer offer it.
    modules = j.page("catalogue.modules");
    auto* module_list = first_of<ui::ListPanel>(modules);
    ASSERT_NE(module_list, nullptr);
    ASSERT_EQ(module_list->list()->shown_count(), 3u);
    select_row(module_list, module_list->list()->id_at(0));
    const wxString retired = module_list->list()->text_at(0, 0);
    wxString asked;
    ui::set_confirm_hook([&](const wxString& question) {
        asked = question;
        return true;
    });
    click(named<wxButton>(modules, "retire-module"));
    ui::set_confirm_hook(nullptr);
    EXPECT_TRUE(asked.Contains(retired)) << asked.utf8_string();
    EXPECT_EQ(j.count("catalogue_module WHERE retired_at IS NOT NULL AND code = '" + retired.utf8_string() + "'"), 1);
    EXPECT_EQ(module_list->list()->shown_count(), 2u);
    EXPECT_EQ(j.count("catalogue_training_module tm JOIN catalogue_training t ON t.id = tm.training_id WHERE t.code = "
                      "'SM-2027-01'"),
              3)
        << "the training keeps its three modules";
    j.snap("module-retired");
}
