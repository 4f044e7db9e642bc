// The shared widgets, each built on an in-memory database, driven the way a user would
// (typing, keys, clicks through the widgets' own entry points), with the outcome checked
// in the database. Each test saves a screenshot under build/screenshots/widgets/.
// Runs under Xvfb (CTest wraps it in xvfb-run); wx is initialised once in main().
#include "shared-ui/attendance_grid.h"
#include "shared-ui/chart.h"
#include "shared-ui/date_pickers.h"
#include "shared-ui/form.h"
#include "shared-ui/messages.h"
#include "shared-ui/pickers.h"
#include "shared-ui/questionnaire_form.h"
#include "shared-ui/questionnaire_results.h"

#include "core/error.h"
#include "core/figures.h"
#include "core/institutions.h"
#include "core/people.h"
#include "core/questionnaires.h"
#include "core/sectors.h"
#include "core/sessions.h"
#include "test_support.h"
#include "tests/gui/gui_test_support.h"

#include <gtest/gtest.h>
#include <wx/app.h>
#include <wx/button.h>
#include <wx/dcclient.h>
#include <wx/dcmemory.h>
#include <wx/frame.h>
#include <wx/image.h>
#include <wx/init.h>
#include <wx/popupwin.h>
#include <wx/sizer.h>
#include <wx/textctrl.h>
#include <wx/utils.h>

#include <filesystem>

using namespace maillage;
using namespace maillage::ui;

namespace {

std::filesystem::path screenshot_dir() {
    std::filesystem::path dir = MAILLAGE_WIDGET_SCREENSHOT_DIR;
    std::filesystem::create_directories(dir);
    return dir;
}

// Lets GTK map, lay out and paint what was shown.
void settle() { maillage::test::settle_gui(10); }

// Copies a window's client area into `memory` at `at`.
void blit_window(wxMemoryDC& memory, wxWindow* window, wxPoint at) {
    window->Update();
    const wxSize size = window->GetClientSize();
    wxClientDC source(window);
    memory.Blit(at.x, at.y, size.x, size.y, &source, 0, 0);
}

// The window's own pixels (its client area) into a PNG, with the dropdowns shown over
// it (`overlays`, top-level windows of their own) pasted where they are on screen.
wxImage snap(wxWindow* window, const std::string& name, const std::vector<wxWindow*>& overlays = {}) {
    settle();
    const wxSize size = window->GetClientSize();
    const wxPoint origin = window->ClientToScreen(wxPoint(0, 0));
    wxBitmap bitmap(size, 24);
    {
        wxMemoryDC memory(bitmap);
        blit_window(memory, window, {0, 0});
        for (wxWindow* overlay : overlays)
            if (overlay->IsShown()) blit_window(memory, overlay, overlay->ClientToScreen(wxPoint(0, 0)) - origin);
    }
    wxImage image = bitmap.ConvertToImage();
    const auto file = screenshot_dir() / (name + ".png");
    EXPECT_TRUE(image.SaveFile(wxString(file.string()), wxBITMAP_TYPE_PNG)) << file;
    return image;
}

// The dropdown of a picker (its popup child window).
std::vector<wxWindow*> popups_of(wxWindow* picker) {
    std::vector<wxWindow*> out;
    for (wxWindow* child : picker->GetChildren())
        if (dynamic_cast<wxPopupWindow*>(child)) out.push_back(child);
    return out;
}

// True when some pixel of the image has (nearly) this colour: the widget drew it.
bool has_colour(const wxImage& image, const wxColour& colour) {
    const unsigned char* p = image.GetData();
    const size_t n = size_t(image.GetWidth()) * image.GetHeight();
    for (size_t i = 0; i < n; ++i, p += 3)
        if (std::abs(p[0] - colour.Red()) < 8 && std::abs(p[1] - colour.Green()) < 8 &&
            std::abs(p[2] - colour.Blue()) < 8)
            return true;
    return false;
}

// A frame holding the widget under test, shown at a fixed place and size.
struct Frame {
    wxFrame* frame;
    wxPanel* panel;
    wxBoxSizer* sizer;
    explicit Frame(const wxString& title, wxSize size = wxSize(640, 420)) {
        frame = new wxFrame(nullptr, wxID_ANY, title, wxPoint(0, 0), size);
        panel = new wxPanel(frame);
        sizer = new wxBoxSizer(wxVERTICAL);
        panel->SetSizer(sizer);
    }
    void show() {
        panel->Layout();
        frame->Show();
        frame->Raise();
        settle();
    }
    ~Frame() {
        delete frame;
        settle();
    }
};

// A few institutions, people with jobs, three intervision sessions with attendance.
struct Fixture {
    std::unique_ptr<Database> db = test::memory_db();
    int64_t cpas = 0, hospital = 0, shelter = 0;
    int64_t marie = 0, jan = 0, sofia = 0, ahmed = 0, lucie = 0, pieter = 0, nadia = 0;  // participants
    int64_t anne = 0, bram = 0;                                                       // facilitators
    std::vector<int64_t> sessions;

    int64_t institution(const std::string& name, const std::string& town, const std::string& sector) {
        return test::add_institution(*db, {.name = name, .region = "brussels", .municipality = town, .language = "fr"},
                                     {sector});
    }
    int64_t person(const std::string& first, const std::string& last, int64_t at,
                   std::vector<std::string> roles = {"worker"}) {
        const auto email = first + "." + last.substr(last.rfind(' ') + 1) + "@example.org";
        return test::add_person(
            *db, {.first_name = first, .last_name = last, .email = email, .roles = std::move(roles)}, at);
    }

    Fixture() {
        cpas = institution("CPAS de Saint-Gilles", "Saint-Gilles", "social_aid");
        hospital = institution("Hôpital psychiatrique Le Domaine", "Braine-l'Alleud", "mental_health");
        shelter = institution("Asbl Pierre d'Angle", "Bruxelles", "homeless");
        marie = person("Marie", "Dupont", cpas);
        jan = person("Jan", "Peeters", hospital);
        sofia = person("Sofia", "Lambert", shelter);
        ahmed = person("Ahmed", "Benali", cpas);
        lucie = person("Lucie", "Dubois", hospital);
        pieter = person("Pieter", "Janssens", shelter);
        nadia = person("Nadia", "El Amrani", hospital);
        anne = person("Anne", "Dewulf", cpas, {"facilitator", "worker"});
        bram = person("Bram", "Verhoeven", hospital, {"facilitator", "worker"});
        SessionRepository repo(*db);
        for (const char* date : {"2025-09-15", "2025-10-13", "2025-11-17"}) {
            Session s;
            s.kind = "intervision";
            s.title = "Groupe A";
            s.date = date;
            s.start_time = "09:30";
            s.end_time = "12:00";
            const auto id = repo.create(s);
            sessions.push_back(id);
            for (int64_t p : {marie, jan, sofia, ahmed, lucie}) repo.record({.session_id = id, .person_id = p});
            for (int64_t f : {anne, bram})
                repo.record({.session_id = id, .person_id = f, .status = "present", .role = "facilitator"});
        }
    }

    std::optional<Attendance> attendance(int64_t session, int64_t person) {
        for (const auto& a : SessionRepository(*db).attendance(session))
            if (a.person_id == person) return a;
        return std::nullopt;
    }
};

// ---------------------------------------------------------------------------------------

TEST(PickerTest, PersonPickerSearchesAsYouTypeShowsInstitutionAndChoosesWithKeys) {
    Fixture fx;
    Frame f("Pickers");
    // As a page uses them: in a form, with labels.
    auto* form = new Form(f.panel);
    auto* sector = new SectorPicker(form, *fx.db, "fr");
    auto* institution = new InstitutionPicker(form, *fx.db);
    auto* person = new PersonPicker(form, *fx.db, {}, "2025-09-15");
    form->add_control("sector", _("Sector"), sector);
    form->add_control("institution", _("Institution"), institution);
    form->add_control("person", _("Person"), person);
    f.sizer->Add(form, 1, wxEXPAND);
    int64_t chosen = 0, event_id = 0;
    person->on_chosen([&](const PickerItem& item) { chosen = item.id; });
    f.panel->Bind(EVT_PICKER_CHOSEN, [&](wxCommandEvent& e) { event_id = e.GetExtraLong(); });
    f.show();

    // "du" matches Dupont and Dubois, listed by last name with their institution.
    person->set_text("du");
    ASSERT_EQ(person->matches().size(), 2u);
    EXPECT_EQ(person->matches()[0].label, "Lucie Dubois");
    EXPECT_EQ(person->matches()[0].detail, wxString::FromUTF8("Hôpital psychiatrique Le Domaine"));
    EXPECT_EQ(person->matches()[1].label, "Marie Dupont");
    EXPECT_EQ(person->matches()[1].detail, "CPAS de Saint-Gilles");
    EXPECT_TRUE(person->popup_shown());
    EXPECT_EQ(person->highlighted(), 0);
    EXPECT_FALSE(person->selection());

    // Down, Enter: the second match is chosen; the field names her.
    EXPECT_TRUE(person->handle_key(WXK_DOWN));
    EXPECT_EQ(person->highlighted(), 1);
    snap(f.frame, "pickers", popups_of(person));
    EXPECT_TRUE(person->handle_key(WXK_RETURN));
    EXPECT_EQ(person->selection(), fx.marie);
    EXPECT_EQ(chosen, fx.marie);
    EXPECT_EQ(event_id, fx.marie);
    EXPECT_EQ(person->text(), "Marie Dupont");
    EXPECT_FALSE(person->popup_shown());

    // Typing again forgets the choice; Escape closes the list without choosing.
    person->set_text("Peet");
    EXPECT_FALSE(person->selection());
    ASSERT_EQ(person->matches().size(), 1u);
    EXPECT_TRUE(person->handle_key(WXK_ESCAPE));
    EXPECT_FALSE(person->popup_shown());
    EXPECT_FALSE(person->selection());

    // Sectors match without accents, in the UI language.
    sector->set_text("sante");
    ASSERT_EQ(sector->matches().size(), 2u);
    sector->choose(0);
    const auto picked = SectorRepository(*fx.db).get(*sector->selection());
    ASSERT_TRUE(picked);
    EXPECT_NE(picked->label_fr.find("santé"), std::string::npos);

    // Institutions by municipality.
    institution->set_text("Braine");
    ASSERT_EQ(institution->matches().size(), 1u);
    institution->choose(0);
    EXPECT_EQ(institution->selection(), fx.hospital);
}

TEST(PickerTest, CreateNewEntryCreatesTheRecordAndSelectsIt) {
    Fixture fx;
    Frame f("Create new");
    auto* institution = new InstitutionPicker(f.panel, *fx.db);
    f.sizer->Add(institution, 0, wxEXPAND | wxALL, 8);
    institution->set_create_new(wxString::FromUTF8("Create a new institution…"), [&](const wxString& typed) {
        Institution i;
        i.name = typed.utf8_string();
        institution->set_selection(InstitutionRepository(*fx.db).create(i), typed);
    });
    f.show();
    institution->set_text("Samusocial");
    EXPECT_TRUE(institution->matches().empty());
    ASSERT_TRUE(institution->popup_shown());  // the "create" entry is there
    EXPECT_EQ(institution->highlighted(), wxNOT_FOUND);
    institution->handle_key(WXK_DOWN);
    EXPECT_EQ(institution->highlighted(), 0);
    institution->handle_key(WXK_RETURN);
    const auto created = InstitutionRepository(*fx.db).find_by_name("Samusocial");
    ASSERT_TRUE(created);
    EXPECT_EQ(institution->selection(), created->id);
}

TEST(PickerTest, QueriesStayLimitedOnTenThousandPeopleAndRoleFilters) {
    Fixture fx;
    fx.db->write([&] {
        SQLite::Statement ins(fx.db->sql(), "INSERT INTO person(first_name, last_name, email) VALUES (?,?,?)");
        for (int i = 0; i < 10000; ++i) {
            ins.bind(1, "Worker");
            ins.bind(2, "Number " + std::to_string(i));
            ins.bind(3, "worker" + std::to_string(i) + "@example.org");
            ins.exec();
            ins.reset();
        }
    });
    Frame f("Many");
    auto* everyone = new PersonPicker(f.panel, *fx.db, {}, {}, 15);
    auto* facilitators = new PersonPicker(f.panel, *fx.db, "facilitator");
    f.sizer->Add(everyone, 0, wxEXPAND);
    f.sizer->Add(facilitators, 0, wxEXPAND);
    f.show();
    everyone->set_text("number 1");
    EXPECT_EQ(everyone->matches().size(), 15u);
    facilitators->set_text("");
    facilitators->handle_key(WXK_DOWN);  // Down on an empty field lists the first ones
    ASSERT_EQ(facilitators->matches().size(), 2u);
    EXPECT_EQ(facilitators->matches()[0].id, fx.anne);
    EXPECT_EQ(facilitators->matches()[1].id, fx.bram);
}

// ---------------------------------------------------------------------------------------

TEST(AttendanceGridTest, ClicksAndKeysRecordStatusesWithReasonsAndTotals) {
    Fixture fx;
    Frame f("Attendance", wxSize(760, 420));
    auto data = std::make_shared<SessionAttendanceData>(*fx.db, fx.sessions);
    auto* grid = new AttendanceGrid(f.panel, data);
    f.sizer->Add(grid, 1, wxEXPAND | wxALL, 4);
    std::optional<std::string> reason = "ill";
    grid->set_reason_prompt([&](const AttendanceRow&, const AttendanceColumn&) { return reason; });
    f.show();

    // Facilitators above, participants below, a totals row last.
    ASSERT_EQ(grid->GetNumberRows(), 1 + 2 + 1 + 5 + 1);
    EXPECT_EQ(grid->GetRowLabelValue(0), _("Facilitators").Upper());
    EXPECT_LT(grid->row_of(fx.anne), grid->row_of(fx.marie));
    EXPECT_EQ(grid->GetNumberCols(), 4);
    EXPECT_EQ(grid->session_total(0), "0 / 5");

    const int s1 = grid->col_of(fx.sessions[0]), s2 = grid->col_of(fx.sessions[1]);
    // A click moves registered to present.
    grid->cycle(grid->row_of(fx.marie), s1);
    EXPECT_EQ(fx.attendance(fx.sessions[0], fx.marie)->status, "present");
    // Keys on the cursor cell.
    grid->SetGridCursor(grid->row_of(fx.jan), s1);
    EXPECT_TRUE(grid->handle_key('P'));
    grid->SetGridCursor(grid->row_of(fx.sofia), s1);
    EXPECT_TRUE(grid->handle_key('E'));
    grid->SetGridCursor(grid->row_of(fx.ahmed), s1);
    EXPECT_TRUE(grid->handle_key('A'));
    grid->SetGridCursor(grid->row_of(fx.marie), s2);
    EXPECT_TRUE(grid->handle_key('P'));
    // Excused asks for a reason; cancelling leaves the cell as it was.
    reason.reset();
    grid->SetGridCursor(grid->row_of(fx.lucie), s1);
    EXPECT_FALSE(grid->handle_key('E'));

    EXPECT_EQ(fx.attendance(fx.sessions[0], fx.jan)->status, "present");
    const auto sofia = fx.attendance(fx.sessions[0], fx.sofia);
    EXPECT_EQ(sofia->status, "excused");
    EXPECT_EQ(sofia->reason, "ill");
    EXPECT_EQ(sofia->institution_id, fx.shelter);  // the snapshot stays
    EXPECT_EQ(fx.attendance(fx.sessions[0], fx.ahmed)->status, "absent");
    EXPECT_EQ(fx.attendance(fx.sessions[0], fx.lucie)->status, "registered");
    EXPECT_EQ(fx.attendance(fx.sessions[0], fx.anne)->role, "facilitator");

    // Totals: participants only per session; each person over their sessions.
    EXPECT_EQ(grid->session_total(s1), "2 / 5");
    EXPECT_EQ(grid->person_total(grid->row_of(fx.marie)), "2 / 3");
    EXPECT_EQ(grid->GetCellValue(grid->row_of(fx.sofia), s1), _("Excused") + ": ill");

    // Delete removes the registration; the grid reloads from the database the same.
    grid->SetGridCursor(grid->row_of(fx.lucie), s2);
    EXPECT_TRUE(grid->handle_key(WXK_DELETE));
    EXPECT_FALSE(fx.attendance(fx.sessions[1], fx.lucie));
    grid->reload();
    EXPECT_EQ(grid->session_total(s2), "1 / 4");
    // A click on a recorded status asks before changing it; "Go back" keeps it.
    std::vector<wxString> asked;
    bool answer = false;
    set_confirm_hook([&](const wxString& question) {
        asked.push_back(question);
        return answer;
    });
    auto click = [&](int64_t person, int col) {
        wxGridEvent event(grid->GetId(), wxEVT_GRID_CELL_LEFT_CLICK, grid, grid->row_of(person), col);
        grid->ProcessWindowEvent(event);
    };
    click(fx.jan, s1);
    ASSERT_EQ(asked.size(), 1u);
    EXPECT_TRUE(asked[0].Contains(status_label(AttendanceStatus::Present))) << asked[0].utf8_string();
    EXPECT_EQ(fx.attendance(fx.sessions[0], fx.jan)->status, "present");
    answer = true;
    reason = "train strike";
    click(fx.jan, s1);
    EXPECT_EQ(fx.attendance(fx.sessions[0], fx.jan)->status, "excused");
    // Registered to present, the usual click, is not asked.
    click(fx.lucie, s1);
    EXPECT_EQ(asked.size(), 2u);
    EXPECT_EQ(fx.attendance(fx.sessions[0], fx.lucie)->status, "present");
    set_confirm_hook(nullptr);
    grid->SetGridCursor(grid->row_of(fx.jan), s2);
    snap(f.frame, "attendance_grid");
}

// A plugin's own adapter: the grid only sees the interface. A refused change is shown
// as an error and the cell keeps its value.
class FakeData : public AttendanceData {
public:
    std::vector<AttendanceColumn> columns() override { return {{10, "Table 1"}, {11, "Table 2"}}; }
    std::vector<AttendanceRow> rows() override { return {{1, "Speaker", true}, {2, "Guest", false}}; }
    AttendanceStatus status(int64_t row, int64_t col) override { return cells[{row, col}]; }
    std::string reason(int64_t, int64_t) override { return {}; }
    void set_status(int64_t row, int64_t col, AttendanceStatus s, const std::string&) override {
        if (col == 11) throw maillage::Error("Table 2 is closed.");
        cells[{row, col}] = s;
    }
    std::map<std::pair<int64_t, int64_t>, AttendanceStatus> cells;
};

TEST(AttendanceGridTest, WorksOnAnyAdapterAndShowsRefusals) {
    Frame f("Adapter");
    auto data = std::make_shared<FakeData>();
    auto* grid = new AttendanceGrid(f.panel, data);
    f.sizer->Add(grid, 1, wxEXPAND);
    f.show();
    wxString shown;
    set_non_interactive([&](const wxString& message) { shown = message; });
    EXPECT_TRUE(grid->set_cell(grid->row_of(2), grid->col_of(10), AttendanceStatus::Present));
    EXPECT_EQ(data->status(2, 10), AttendanceStatus::Present);
    EXPECT_EQ(grid->session_total(grid->col_of(10)), "1 / 1");
    EXPECT_FALSE(grid->set_cell(grid->row_of(2), grid->col_of(11), AttendanceStatus::Present));
    EXPECT_NE(shown.Find("Table 2 is closed."), wxNOT_FOUND);
    EXPECT_EQ(data->status(2, 11), AttendanceStatus::None);
    set_non_interactive([](const wxString& message) { ADD_FAILURE() << "error shown: " << message; });
    // Heading, speaker, heading, guest, totals.
    EXPECT_EQ(grid->GetNumberRows(), 5);
}

// ---------------------------------------------------------------------------------------

Questionnaire evaluation(Database& db) {
    Questionnaire q;
    q.code = "intervision_eval";
    q.title = "Évaluation de l'intervision";
    q.description = "Votre avis sur le cycle 2025-2026.";
    q.questions = {
        {.kind = "rating", .text = "Satisfaction générale", .scale_min = 1, .scale_max = 5, .required = true},
        {.kind = "choice", .text = "Fréquence des séances", .options = {"Trop rares", "Justes", "Trop fréquentes"},
         .required = true},
        {.kind = "multi_choice", .text = "Ce qui vous a aidé", .options = {"Les vignettes", "L'itinérance", "Le groupe"}},
        {.kind = "yes_partly_no", .text = "Vos attentes ont-elles été rencontrées ?", .required = true},
        {.kind = "text", .text = "Suggestions"},
    };
    const auto id = QuestionnaireRepository(db).save(q);
    return *QuestionnaireRepository(db).get(id);
}

TEST(QuestionnaireTest, FormValidatesRequiredAnswersAndSubmitsAResponse) {
    Fixture fx;
    const Questionnaire q = evaluation(*fx.db);
    Frame f("Questionnaire", wxSize(640, 720));
    auto* form = new QuestionnaireForm(f.panel, q);
    auto* submit = new wxButton(f.panel, wxID_OK, _("Submit"));
    f.sizer->Add(form, 1, wxEXPAND);
    f.sizer->Add(submit, 0, wxALL | wxALIGN_RIGHT, 8);
    bool complete = false;
    form->on_change([&complete, submit](bool c) {
        complete = c;
        submit->Enable(c);
    });
    f.show();

    EXPECT_EQ(form->missing().size(), 3u);
    EXPECT_FALSE(form->submit(*fx.db, fx.marie, "intervision_cycle", 1));
    EXPECT_FALSE(form->error().empty());
    EXPECT_TRUE(QuestionnaireRepository(*fx.db).responses(q.id, "intervision_cycle").empty());

    const auto& qs = q.questions;
    form->set_answer(qs[0].id, {.number = 4});
    form->set_answer(qs[1].id, {.number = 1});
    form->set_answer(qs[2].id, {.text = "0,2"});
    EXPECT_FALSE(complete);
    snap(f.frame, "questionnaire_form_partial");
    form->set_answer(qs[3].id, {.number = 1});
    form->set_answer(qs[4].id, {.text = "Plus de temps pour les vignettes."});
    EXPECT_TRUE(complete);
    EXPECT_TRUE(submit->IsEnabled());
    snap(f.frame, "questionnaire_form");

    const auto id = form->submit(*fx.db, fx.marie, "intervision_cycle", 1);
    ASSERT_TRUE(id) << form->error();
    const auto stored = QuestionnaireRepository(*fx.db).responses(q.id, "intervision_cycle", 1);
    ASSERT_EQ(stored.size(), 1u);
    EXPECT_EQ(stored[0].person_id, fx.marie);
    EXPECT_EQ(*stored[0].answers.at(qs[0].id).number, 4);
    EXPECT_EQ(*stored[0].answers.at(qs[1].id).number, 1);
    EXPECT_EQ(stored[0].answers.at(qs[2].id).text, "0,2");
    EXPECT_EQ(*stored[0].answers.at(qs[3].id).number, 1);
    EXPECT_EQ(stored[0].answers.at(qs[4].id).text, "Plus de temps pour les vignettes.");

    // The next respondent starts from an empty form.
    form->clear();
    EXPECT_FALSE(complete);
    EXPECT_TRUE(form->answers().empty());
}

TEST(QuestionnaireTest, ResultsShowMeansDistributionsAndTexts) {
    Fixture fx;
    const Questionnaire q = evaluation(*fx.db);
    QuestionnaireRepository repo(*fx.db);
    const auto& qs = q.questions;
    const int ratings[] = {5, 4, 4, 3};
    for (int i = 0; i < 4; ++i) {
        Response r{.questionnaire_id = q.id, .subject_kind = "intervision_cycle", .subject_id = 1};
        r.answers[qs[0].id] = {.number = double(ratings[i])};
        r.answers[qs[1].id] = {.number = double(i % 2)};
        r.answers[qs[2].id] = {.text = i % 2 ? "1" : "0,1"};
        r.answers[qs[3].id] = {.number = double(i == 3 ? 2 : 0)};
        if (i < 2) r.answers[qs[4].id] = {.text = i ? "Un cadre rassurant." : "Plus de séances en néerlandais."};
        repo.submit(r);
    }
    // Another cycle's answer is not counted.
    Response other{.questionnaire_id = q.id, .subject_kind = "intervision_cycle", .subject_id = 2};
    other.answers = {{qs[0].id, {.number = 1}}, {qs[1].id, {.number = 2}}, {qs[3].id, {.number = 2}}};
    repo.submit(other);

    Frame f("Results", wxSize(640, 900));
    auto* results = new QuestionnaireResults(f.panel);
    f.sizer->Add(results, 1, wxEXPAND);
    results->load(*fx.db, q.id, "intervision_cycle", {1});
    f.show();
    EXPECT_EQ(results->summary_line(0), wxString::Format(_("Mean %.2f / %d (%s)"), 4.0, 5,
                                                          wxString::Format(_("%d answers"), 4)));
    EXPECT_EQ(results->summary_line(4), wxString::Format(_("%d answers"), 2));
    snap(f.frame, "questionnaire_results");
}

// ---------------------------------------------------------------------------------------

TEST(ChartTest, BarAndPieOfParticipantsBySectorRenderToPng) {
    Fixture fx;
    // Participants by sector at the first session, as a report would count them.
    std::vector<std::optional<int64_t>> sectors;
    for (const auto& a : SessionRepository(*fx.db).attendance(fx.sessions[0]))
        if (a.role == "participant") sectors.push_back(a.sector_id);
    const CountSplit split = count_sectors(*fx.db, sectors, "fr");
    ASSERT_EQ(split.known, 5);

    Frame f("Charts", wxSize(900, 300));
    auto* bars = new ChartPanel(f.panel, ChartPanel::Kind::Bar);
    auto* pie = new ChartPanel(f.panel, ChartPanel::Kind::Pie);
    bars->set_chart(split_chart(split, "Participants par secteur"));
    pie->set_chart(split_chart(split, "Participants par secteur", ReportChart::Kind::Pie));
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    row->Add(bars, 1, wxEXPAND | wxALL, 4);
    row->Add(pie, 1, wxEXPAND | wxALL, 4);
    f.sizer->Add(row, 1, wxEXPAND);
    f.show();

    EXPECT_EQ(pie->kind(), ChartPanel::Kind::Pie);
    ASSERT_EQ(bars->values().size(), 3u);
    EXPECT_EQ(bars->values()[0].value, 2);  // largest first, as split_chart orders them

    const auto bar_file = screenshot_dir() / "chart_bar.png";
    const auto pie_file = screenshot_dir() / "chart_pie.png";
    ASSERT_TRUE(bars->save_png(wxString(bar_file.string()), wxSize(480, 160)));
    ASSERT_TRUE(pie->save_png(wxString(pie_file.string()), wxSize(480, 200)));
    wxImage bar_image(wxString(bar_file.string()), wxBITMAP_TYPE_PNG);
    wxImage pie_image(wxString(pie_file.string()), wxBITMAP_TYPE_PNG);
    ASSERT_TRUE(bar_image.IsOk());
    EXPECT_EQ(bar_image.GetSize(), wxSize(480, 160));
    EXPECT_TRUE(has_colour(bar_image, chart_colour(0)));
    // One colour per slice.
    for (size_t i = 0; i < 3; ++i) EXPECT_TRUE(has_colour(pie_image, chart_colour(i))) << i;
    EXPECT_FALSE(has_colour(pie_image, chart_colour(3)));
    // Small, as in a dashboard corner: still drawn (labels shortened, values whole).
    const auto small_file = screenshot_dir() / "chart_bar_small.png";
    ASSERT_TRUE(bars->save_png(wxString(small_file.string()), wxSize(260, 110)));
    EXPECT_TRUE(has_colour(wxImage(wxString(small_file.string()), wxBITMAP_TYPE_PNG), chart_colour(0)));
    snap(f.frame, "charts");
}

// ---------------------------------------------------------------------------------------

TEST(FormTest, FieldsCheckAsTheUserTypesAndOkFollowsValidity) {
    Fixture fx;
    Frame f("Form", wxSize(640, 460));
    auto* form = new Form(f.panel);
    form->add_text("name", _("Name"), {checks::required()});
    form->add_text("email", _("Email"), {checks::email()});
    form->add_text("date", _("Date"), {checks::required(), checks::iso_date()}, "2025-09-15");
    form->add_text("start", _("Start"), {checks::time()});
    form->add_text("seats", _("Seats"), {checks::integer(1, 250)});
    auto* date = new DatePicker(f.panel, true);
    form->add_control("day", _("Day"), date, [date] { return date->iso().empty() ? _("Choose a day.") : wxString(); });
    auto* slot = new TimeSlotPicker(f.panel);
    form->add_control("slot", _("Slot"), slot, [slot] { return slot->problem(); });
    slot->on_change([form](const TimeSlot&) { form->changed("slot"); });
    date->on_change([form](const std::string&) { form->changed("day"); });
    auto* ok = new wxButton(f.panel, wxID_OK);
    form->bind_ok(ok);
    f.sizer->Add(form, 1, wxEXPAND);
    f.sizer->Add(ok, 0, wxALL | wxALIGN_RIGHT, 8);
    f.show();

    // Empty: OK is off, but nothing is shown in red before the user types.
    EXPECT_FALSE(ok->IsEnabled());
    EXPECT_TRUE(form->error("name").empty());

    form->set_value("name", "Groupe A");
    form->set_value("email", "marie@");
    EXPECT_EQ(form->error("email"), _("Enter an email address, e.g. name@example.org."));
    form->set_value("date", "15/09/2025");
    EXPECT_EQ(form->error("date"), _("Enter a date as YYYY-MM-DD, e.g. 2025-09-15."));
    form->set_value("date", "2025-02-30");
    EXPECT_EQ(form->error("date"), _("There is no such date."));
    form->set_value("seats", "300");
    EXPECT_FALSE(form->error("seats").empty());
    form->set_value("start", "9h30");
    EXPECT_FALSE(form->error("start").empty());
    EXPECT_FALSE(ok->IsEnabled());
    snap(f.frame, "form_errors");

    form->set_value("email", "marie@example.org");
    form->set_value("date", "2025-09-15");
    form->set_value("seats", "12");
    form->set_value("start", "09:30");
    EXPECT_TRUE(form->error("email").empty());
    EXPECT_FALSE(ok->IsEnabled());  // the day is still missing
    EXPECT_TRUE(date->set_iso("2025-09-18"));
    EXPECT_EQ(date->iso(), "2025-09-18");
    EXPECT_FALSE(date->set_iso("18/09/2025"));
    slot->set_slot({.weekday = 4, .half_day = TimeSlot::HalfDay::Afternoon, .start = "13:30", .end = "16:00"});
    EXPECT_TRUE(ok->IsEnabled());
    EXPECT_EQ(form->value("name"), "Groupe A");

    // Morning proposes the usual morning; an end before the start blocks OK.
    slot->set_half_day(TimeSlot::HalfDay::Morning);
    EXPECT_EQ(slot->slot(), (TimeSlot{.weekday = 4, .start = "09:30", .end = "12:00"}));
    snap(f.frame, "form_valid");
    slot->set_slot({.weekday = 1, .start = "12:00", .end = "09:30"});
    EXPECT_FALSE(ok->IsEnabled());
    EXPECT_FALSE(form->error("slot").empty());
}

}  // namespace

// A failed wx assertion or an error a widget shows is a failed test unless the test expects it.
int main(int argc, char** argv) { return maillage::test::run_gui_tests(argc, argv, {.fail_on_errors = true}); }

TEST(DatePickerTest, ShowsTheLocaleFormAndAcceptsWhatBelgiansType) {
    Fixture fx;
    Frame f("Date", wxSize(420, 160));
    auto* date = new DatePicker(f.panel);
    auto* optional = new DatePicker(f.panel, true);
    f.sizer->Add(date, 0, wxALL, 8);
    f.sizer->Add(optional, 0, wxALL, 8);
    f.show();
    std::vector<std::string> changes;
    date->on_change([&](const std::string& iso) { changes.push_back(iso); });

    EXPECT_TRUE(date->set_iso("2026-09-14"));
    EXPECT_EQ(date->text()->GetValue(), "14/09/2026");
    for (const char* typed : {"14/9/2026", "14.09.2026", "14-09-2026", "2026-09-14"}) {
        date->text()->SetValue(typed);  // as if typed: the text event runs
        EXPECT_EQ(date->iso(), "2026-09-14") << typed;
        EXPECT_TRUE(date->problem().empty()) << typed;
    }
    date->text()->SetValue("31/02/2026");
    EXPECT_EQ(date->iso(), "");
    EXPECT_EQ(date->problem(), "\"31/02/2026\" is not a date: February 2026 has 28 days.");
    EXPECT_EQ(changes.back(), "");
    date->text()->SetValue("");
    EXPECT_FALSE(date->problem().empty());  // a required date
    EXPECT_EQ(optional->iso(), "");
    EXPECT_TRUE(optional->problem().empty());  // an optional one may stay empty
    EXPECT_FALSE(optional->set_iso("2026-02-30"));
}
