#include "first_start_assistant.h"

#include "import_dialog.h"

#include "shared-ui/dialog_frame.h"
#include "shared-ui/messages.h"

#include "core/database.h"
#include "core/error.h"
#include "core/paths.h"
#include "core/programmes.h"
#include "core/suite.h"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/config.h>
#include <wx/intl.h>
#include <wx/listbox.h>
#include <wx/panel.h>
#include <wx/simplebook.h>
#include <wx/sizer.h>
#include <wx/statbox.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <array>

namespace maillage::ui {
namespace {

wxString u8(const std::string& s) { return wxString::FromUTF8(s); }
std::string s8(const wxString& s) { return s.Strip(wxString::both).utf8_string(); }

constexpr std::array<const char*, 3> kLanguages{"fr", "nl", "en"};

wxStaticText* heading(wxWindow* parent, const wxString& text) {
    auto* t = new wxStaticText(parent, wxID_ANY, text);
    t->SetFont(t->GetFont().Bold().Larger());
    return t;
}

// The start of a page: its heading, then its introduction `width` DIPs wide and `gap`
// pixels above what the caller adds to the returned sizer.
wxBoxSizer* page_start(wxWindow* page, const wxString& title, const wxString& intro, int width, int gap) {
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(heading(page, title), 0, wxBOTTOM, 8);
    add_paragraph(page, sizer, intro, width, wxBOTTOM, gap);
    return sizer;
}

}  // namespace

FirstStartAssistant::FirstStartAssistant(wxWindow* parent, Database& db, const std::string& language,
                                         bool language_applies_now)
    : wxDialog(parent, wxID_ANY, _("Welcome to Maillage"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      db_(db), language_applies_now_(language_applies_now) {
    SetName("first-start");
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    book_ = new wxSimplebook(this);
    book_->AddPage(organisation_page(), {});
    book_->AddPage(reference_page(), {});
    book_->AddPage(import_page(), {});
    sizer->Add(book_, 1, wxEXPAND | wxALL, 12);
    problem_ = new wxStaticText(this, wxID_ANY, wxString());
    problem_->SetForegroundColour(wxColour(170, 0, 0));
    sizer->Add(problem_, 0, wxEXPAND | wxLEFT | wxRIGHT, 12);

    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    auto* later = new wxButton(this, wxID_CANCEL, _("Not now"));
    later->SetName("not-now");
    later->SetToolTip(_("Close the assistant; it comes back while the database stays empty"));
    back_ = new wxButton(this, wxID_ANY, _("< &Back"));
    back_->SetName("back");
    next_ = new wxButton(this, wxID_ANY, _("&Next >"));
    next_->SetName("next");
    next_->SetDefault();
    buttons->Add(later, 0);
    buttons->AddStretchSpacer();
    buttons->Add(back_, 0, wxRIGHT, 6);
    buttons->Add(next_, 0);
    sizer->Add(buttons, 0, wxEXPAND | wxALL, 12);
    SetSizerAndFit(sizer);
    SetSize(FromDIP(wxSize(720, 560)));

    for (size_t i = 0; i < kLanguages.size(); ++i)
        if (language == kLanguages[i]) language_->SetSelection(int(i));
    back_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { go(book_->GetSelection() - 1); });
    next_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { go(book_->GetSelection() + 1); });
    go(0);
    CentreOnParent();
}

wxWindow* FirstStartAssistant::organisation_page() {
    auto* page = new wxPanel(book_);
    auto* sizer = page_start(page, _("Your organisation"),
                             _("Maillage keeps your institutions, people, activities and their figures in one "
                                "database. Three short steps set it up; everything can be changed later."),
                             640, 12);
    auto* grid = new wxFlexGridSizer(2, FromDIP(wxSize(8, 8)));
    grid->AddGrowableCol(1);
    grid->Add(new wxStaticText(page, wxID_ANY, _("Name of your organisation:")), 0, wxALIGN_CENTER_VERTICAL);
    organisation_ = new wxTextCtrl(page, wxID_ANY, u8(organisation_name(db_)));
    organisation_->SetName("organisation");
    organisation_->SetHint(_("e.g. Réseau santé mentale et précarité"));
    grid->Add(organisation_, 1, wxEXPAND);
    grid->Add(new wxStaticText(page, wxID_ANY, _("Language of the window:")), 0, wxALIGN_CENTER_VERTICAL);
    language_ = new wxChoice(page, wxID_ANY);
    language_->SetName("language");
    language_->Append(wxString::FromUTF8("Français"));
    language_->Append("Nederlands");
    language_->Append("English");
    language_->SetSelection(0);
    grid->Add(language_, 0);
    sizer->Add(grid, 0, wxEXPAND);
    if (!language_applies_now_)
        add_paragraph(page, sizer, _("A new language applies the next time Maillage starts."), 640, wxTOP, 8);
    page->SetSizer(sizer);
    return page;
}

void FirstStartAssistant::add_reference_box(wxWindow* page, wxSizer* into, ReferenceBox& box, const wxString& title,
                                            const wxString& example_code, const wxString& example_name,
                                            const char* prefix) {
    const std::string p = prefix;
    auto* frame = new wxStaticBoxSizer(wxVERTICAL, page, title);
    wxWindow* inside = frame->GetStaticBox();
    box.list = new wxListBox(inside, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(-1, 90)));
    box.list->SetName(p + "-list");
    frame->Add(box.list, 1, wxEXPAND | wxALL, 4);
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    box.code = new wxTextCtrl(inside, wxID_ANY, {}, wxDefaultPosition, FromDIP(wxSize(90, -1)));
    box.code->SetName(p + "-code");
    box.code->SetHint(example_code);
    box.name = new wxTextCtrl(inside, wxID_ANY, {}, wxDefaultPosition, FromDIP(wxSize(220, -1)), wxTE_PROCESS_ENTER);
    box.name->SetName(p + "-name");
    box.name->SetHint(example_name);
    box.parent = new wxChoice(inside, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(150, -1)));
    box.parent->SetName(p + "-parent");
    auto* add = new wxButton(inside, wxID_ANY, _("Add"));
    add->SetName(p + "-add");
    auto* remove = new wxButton(inside, wxID_ANY, _("Remove"));
    remove->SetName(p + "-remove");
    row->Add(new wxStaticText(inside, wxID_ANY, _("Code:")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 4);
    row->Add(box.code, 0, wxRIGHT, 6);
    row->Add(new wxStaticText(inside, wxID_ANY, _("Name:")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 4);
    row->Add(box.name, 1, wxRIGHT, 6);
    row->Add(new wxStaticText(inside, wxID_ANY, _("Part of:")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 4);
    row->Add(box.parent, 0, wxRIGHT, 6);
    row->Add(add, 0, wxRIGHT, 4);
    row->Add(remove, 0);
    frame->Add(row, 0, wxEXPAND | wxALL, 4);
    into->Add(frame, 1, wxEXPAND | wxBOTTOM, 8);
    refill(box);
    add->Bind(wxEVT_BUTTON, [this, &box](wxCommandEvent&) { add_reference(box); });
    box.name->Bind(wxEVT_TEXT_ENTER, [this, &box](wxCommandEvent&) { add_reference(box); });
    remove->Bind(wxEVT_BUTTON, [this, &box](wxCommandEvent&) { remove_reference(box); });
}

wxWindow* FirstStartAssistant::reference_page() {
    auto* page = new wxPanel(book_);
    auto* sizer = page_start(page, _("Programmes and funders"),
                             _("Each activity belongs to a programme and counts for a funder, and the reports can be "
                                "made per programme and per funder. A programme can be part of another one (PAT "
                                "within Support); so can a funder. The code is the short name you will type and see "
                                "in reports."),
                             660, 10);
    add_reference_box(page, sizer, programmes_, _("Programmes"), _("e.g. pat"), _("e.g. PAT peer support"),
                      "programme");
    add_reference_box(page, sizer, funders_, _("Funders"), _("e.g. COCOM"),
                      _("e.g. Commission communautaire commune"), "funder");
    page->SetSizer(sizer);
    return page;
}

wxWindow* FirstStartAssistant::import_page() {
    auto* page = new wxPanel(book_);
    auto* sizer = page_start(page, _("Your existing spreadsheets"),
                             _("Your organisation, programmes and funders are saved. If you keep your institutions or "
                                "the people you work with in a spreadsheet, save it as CSV and import it now: you see "
                                "what will be created before anything is written. You can also do it later from the "
                                "File menu, or type them in on the Institutions and People pages."),
                             660, 12);
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    auto* institutions = new wxButton(page, wxID_ANY, _("Import institutions…"));
    institutions->SetName("import-institutions");
    auto* people = new wxButton(page, wxID_ANY, _("Import people…"));
    people->SetName("import-people");
    row->Add(institutions, 0, wxRIGHT, 8);
    row->Add(people, 0);
    sizer->Add(row, 0, wxBOTTOM, 8);
    imported_ = new wxStaticText(page, wxID_ANY, wxString());
    sizer->Add(imported_, 0, wxEXPAND);
    page->SetSizer(sizer);
    for (auto [button, kind] : {std::pair{institutions, ImportKind::Institutions}, std::pair{people, ImportKind::People}})
        button->Bind(wxEVT_BUTTON, [this, kind = kind](wxCommandEvent&) {
            if (!run_import(this, db_, kind)) return;
            imported_->SetLabel(wxString::Format(_("The database now holds %lld institutions and %lld people."),
                                                 static_cast<long long>(db_.scalar_int("SELECT count(*) FROM institution "
                                                                                       "WHERE merged_into IS NULL")),
                                                 static_cast<long long>(db_.scalar_int("SELECT count(*) FROM person"))));
        });
    return page;
}

void FirstStartAssistant::refill(ReferenceBox& box) {
    box.list->Clear();
    for (size_t i = 0; i < box.codes.size(); ++i)
        box.list->Append(box.parents[i].empty()
                             ? u8(box.names[i] + " (" + box.codes[i] + ")")
                             : wxString::Format(_("%s (%s), part of %s"), u8(box.names[i]), u8(box.codes[i]),
                                                u8(box.parents[i])));
    const wxString keep = box.parent->GetStringSelection();
    box.parent->Clear();
    box.parent->Append(_("(none)"));
    for (const auto& code : box.codes) box.parent->Append(u8(code));
    if (box.parent->FindString(keep) != wxNOT_FOUND)
        box.parent->SetStringSelection(keep);
    else
        box.parent->SetSelection(0);
}

void FirstStartAssistant::add_reference(ReferenceBox& box) {
    const std::string code = s8(box.code->GetValue()), name = s8(box.name->GetValue());
    if (code.empty() || name.empty()) {
        problem_->SetLabel(_("Give a code and a name, then choose Add."));
        return;
    }
    for (const auto& c : box.codes)
        if (wxString(u8(c)).IsSameAs(u8(code), false)) {
            problem_->SetLabel(wxString::Format(_("The code %s is already in the list."), u8(code)));
            return;
        }
    box.codes.push_back(code);
    box.names.push_back(name);
    box.parents.push_back(box.parent->GetSelection() >= 1 ? s8(box.parent->GetStringSelection()) : std::string());
    problem_->SetLabel(wxString());
    box.code->Clear();
    box.name->Clear();
    refill(box);
    box.parent->SetSelection(0);
    box.code->SetFocus();
}

void FirstStartAssistant::remove_reference(ReferenceBox& box) {
    const int k = box.list->GetSelection();
    if (k == wxNOT_FOUND) return;
    const std::string code = box.codes[size_t(k)];
    for (const auto& parent : box.parents)
        if (parent == code) {
            problem_->SetLabel(wxString::Format(_("%s has parts in the list: remove them first."), u8(code)));
            return;
        }
    box.codes.erase(box.codes.begin() + k);
    box.names.erase(box.names.begin() + k);
    box.parents.erase(box.parents.begin() + k);
    problem_->SetLabel(wxString());
    refill(box);
}

bool FirstStartAssistant::save() {
    if (saved_) return true;
    FirstStartSetup setup;
    setup.organisation = s8(organisation_->GetValue());
    for (auto [box, out] : {std::pair{&programmes_, &setup.programmes}, std::pair{&funders_, &setup.funders}})
        for (size_t i = 0; i < box->codes.size(); ++i) out->push_back({box->codes[i], box->names[i], box->parents[i]});
    try {
        apply_first_start(db_, setup);
    } catch (const std::exception& e) {
        problem_->SetLabel(u8(e.what()));
        return false;
    }
    saved_ = true;
    return true;
}

void FirstStartAssistant::go(int page) {
    const int last = int(book_->GetPageCount()) - 1;
    const int from = book_->GetSelection();
    if (page > last) {
        EndModal(wxID_OK);
        return;
    }
    if (page < 0) return;
    if (from == 0 && page == 1 && organisation_->GetValue().Strip(wxString::both).empty()) {
        problem_->SetLabel(_("Type the name of your organisation: it heads the reports."));
        organisation_->SetFocus();
        return;
    }
    // Leaving the programmes and funders: they are written now, in one transaction, so
    // that imports on the last page find them.
    if (from == 1 && page == 2) {
        // A line typed but not added yet is what the user means: add it, or say what is missing.
        for (ReferenceBox* box : {&programmes_, &funders_}) {
            if (box->code->IsEmpty() && box->name->IsEmpty()) continue;
            add_reference(*box);
            if (!problem_->GetLabel().empty()) return;
        }
        if (!save()) return;
    }
    problem_->SetLabel(wxString());
    book_->ChangeSelection(size_t(page));
    // Once saved, going back would suggest the choices can still be undone here.
    back_->Enable(page > 0 && !(saved_ && page == last));
    next_->SetLabel(page == last ? _("&Finish") : _("&Next >"));
    next_->SetName(page == last ? "finish" : "next");
    Layout();
}

std::string FirstStartAssistant::language() const {
    return kLanguages[size_t(std::max(0, language_->GetSelection()))];
}

std::filesystem::path demo_database_path() { return data_folder() / "demo.sqlite"; }

void open_demo(Suite& suite, int year) {
    const auto file = demo_database_path();
    std::filesystem::create_directories(file.parent_path());
    suite.open(file);
    if (!suite.database().read_only() && suite.is_empty()) suite.seed_demo(year);
}

std::optional<std::string> run_first_start(wxWindow* parent, Database& db, const std::string& language,
                                           bool language_applies_now) {
    if (db.read_only() || !needs_first_start(db)) return std::nullopt;
    FirstStartAssistant assistant(parent, db, language, language_applies_now);
    if (assistant.ShowModal() != wxID_OK) return std::nullopt;
    const std::string chosen = assistant.language();
    if (auto* config = wxConfigBase::Get(false)) {
        config->Write("ui.language", u8(chosen));
        config->Flush();
    }
    return chosen;
}

}  // namespace maillage::ui
