#include "ui/catalogue_dialogs.h"

#include "catalogue_import_preview.h"
#include "catalogue_registrations.h"
#include "catalogue_rules.h"
#include "catalogue_xlsx_read.h"
#include "core/database.h"
#include "core/error.h"
#include "core/institutions.h"
#include "core/people.h"
#include "core/sessions.h"
#include "shared-ui/date_pickers.h"
#include "shared-ui/dialog_frame.h"
#include "shared-ui/display.h"
#include "shared-ui/id_choice.h"
#include "shared-ui/list_panel.h"
#include "shared-ui/messages.h"
#include "shared-ui/pickers.h"
#include "shared-ui/plugin_ui.h"
#include "ui/keyring.h"

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/checklst.h>
#include <wx/choice.h>
#include <wx/dirdlg.h>
#include <wx/filedlg.h>
#include <wx/sizer.h>
#include <wx/spinctrl.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/utils.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace maillage::catalogue {
namespace {

wxString u8(const std::string& s) { return wxString::FromUTF8(s); }
std::string s8(const wxString& s) { return s.Strip(wxString::both).utf8_string(); }

wxStaticText* label(wxWindow* parent, const wxString& text) { return new wxStaticText(parent, wxID_ANY, text); }

wxTextCtrl* text_field(wxWindow* parent, const char* name, const wxString& value = {}, int width = 260, long style = 0) {
    auto* t = new wxTextCtrl(parent, wxID_ANY, value, wxDefaultPosition, parent->FromDIP(wxSize(width, -1)), style);
    t->SetName(name);
    return t;
}

wxStaticText* problem_line(wxWindow* parent) {
    auto* p = new wxStaticText(parent, wxID_ANY, wxString());
    p->SetForegroundColour(wxColour(170, 0, 0));
    return p;
}

using ui::folder_row;

const char* kStatuses[] = {"proposed", "planned", "requested", "cancelled"};

const char* kLanguages[] = {"fr", "nl", "en"};
wxString language_label(const std::string& code) {
    if (code == "fr") return _("French");
    if (code == "nl") return _("Dutch");
    return _("English");
}

std::optional<int> price_cents(const wxString& typed) {
    std::string text = s8(typed);
    if (text.empty()) return std::nullopt;
    for (auto& c : text)
        if (c == ',') c = '.';
    char* end = nullptr;
    const double value = std::strtod(text.c_str(), &end);
    if (end == text.c_str() || *end != 0 || value < 0) return -1;
    return static_cast<int>(value * 100 + 0.5);
}

std::string default_folder(const std::string& leaf) {
    const char* home = std::getenv("HOME");
    return (std::filesystem::path(home ? home : "/tmp") / leaf).string();
}

}  // namespace

wxString status_label(const std::string& s) {
    static const std::pair<const char*, const char*> labels[] = {
        {"registered", N_("registered")}, {"waiting", N_("waiting list")}, {"cancelled", N_("cancelled")},
        {"planned", N_("planned")},       {"held", N_("held")},           {"proposed", N_("proposed")},
        {"requested", N_("requested")}};
    return ui::label_of(labels, s, u8(s));
}

// ---- TrainingDialog -----------------------------------------------------------------

TrainingDialog::TrainingDialog(wxWindow* parent, ui::UiContext& context, const std::string& edition, int64_t existing,
                               const std::optional<TrainingInput>& start)
    : wxDialog(parent, wxID_ANY, existing ? _("Edit the training") : _("New training"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      context_(context), edition_(edition), existing_(existing) {
    SetName("training-dialog");
    auto& db = context.database();
    CatalogueStore store(db);
    TrainingInput in;
    if (start) in = *start;
    else if (existing) in = store.training(existing)->input;
    else in.edition = edition;

    auto* left = new wxFlexGridSizer(2, FromDIP(wxSize(8, 6)));
    left->AddGrowableCol(1);
    auto row = [&](wxFlexGridSizer* g, const wxString& text, wxWindow* control) {
        g->Add(label(this, text), 0, wxALIGN_CENTER_VERTICAL);
        g->Add(control, 1, wxEXPAND);
    };
    code_ = text_field(this, "code", u8(in.code), 140);
    row(left, _("Code:"), code_);
    title_fr_ = text_field(this, "title-fr", u8(in.title.fr), 300);
    row(left, _("Title (French):"), title_fr_);
    title_nl_ = text_field(this, "title-nl", u8(in.title.nl), 300);
    row(left, _("Title (Dutch):"), title_nl_);
    kind_ = new wxChoice(this, wxID_ANY);
    kind_->SetName("kind");
    kind_->Append(wxString::Format(_("open (catalogue %s)"), u8(in.edition.empty() ? edition : in.edition)));
    kind_->Append(_("custom, for one institution"));
    kind_->SetSelection(in.kind == "custom" ? 1 : 0);
    if (edition.empty() && in.edition.empty()) {
        kind_->SetSelection(1);
        kind_->Disable();
    }
    row(left, _("Kind:"), kind_);
    institution_ = new ui::InstitutionPicker(this, db);
    institution_->SetName("institution");
    if (in.institution_id)
        if (auto i = InstitutionRepository(db).get(*in.institution_id)) institution_->set_selection(i->id, u8(i->name));
    row(left, _("Institution:"), institution_);
    status_ = new wxChoice(this, wxID_ANY);
    status_->SetName("status");
    for (const char* s : kStatuses) status_->Append(status_label(s));
    status_->SetSelection(1);
    for (int i = 0; i < 4; ++i)
        if (in.status == kStatuses[i]) status_->SetSelection(i);
    row(left, _("Status:"), status_);
    seats_ = new wxSpinCtrl(this, wxID_ANY, {}, wxDefaultPosition, wxDefaultSize, wxSP_ARROW_KEYS, 0, 500, in.seats);
    seats_->SetName("seats");
    row(left, _("Seats (0: no limit):"), seats_);
    price_ = text_field(this, "price", in.price_cents ? wxString::Format("%.2f", *in.price_cents / 100.0) : wxString(), 100);
    row(left, _("Price (€, empty: free):"), price_);
    venue_ = text_field(this, "venue", u8(in.venue), 300);
    row(left, _("Venue:"), venue_);
    url_ = text_field(this, "registration-url", u8(in.registration_url), 300);
    row(left, _("Registration URL:"), url_);
    deadline_ = new ui::DatePicker(this, true);
    deadline_->SetName("deadline");
    deadline_->set_iso(in.registration_deadline);
    row(left, _("Registration deadline:"), deadline_);

    auto* right = new wxBoxSizer(wxVERTICAL);
    right->Add(label(this, _("Modules:")), 0, wxBOTTOM, 4);
    modules_ = new wxCheckListBox(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(380, 200)));
    modules_->SetName("modules");
    const std::string lang = context.language();
    for (const auto& m : store.modules()) {
        modules_->Append(u8(m.sheet.code + " — " + m.sheet.title.get(lang) + " (" +
                            catalog::format_duration(m.sheet.duration_minutes) + ")"));
        module_codes_.push_back(m.sheet.code);
        module_minutes_.push_back(m.sheet.duration_minutes);
    }
    for (std::size_t i = 0; i < module_codes_.size(); ++i)
        for (const auto& c : in.module_codes)
            if (c == module_codes_[i]) modules_->Check(static_cast<unsigned>(i));
    right->Add(modules_, 1, wxEXPAND);
    duration_ = new wxStaticText(this, wxID_ANY, wxString());
    duration_->SetName("duration");
    right->Add(duration_, 0, wxTOP | wxBOTTOM, 4);
    right->Add(label(this, _("Languages:")), 0, wxTOP | wxBOTTOM, 4);
    languages_ = new wxCheckListBox(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(380, 70)));
    languages_->SetName("languages");
    for (const char* l : kLanguages) {
        languages_->Append(language_label(l));
        for (const auto& chosen : in.languages)
            if (chosen == l) languages_->Check(languages_->GetCount() - 1);
    }
    right->Add(languages_, 0, wxEXPAND);

    auto* columns = new wxBoxSizer(wxHORIZONTAL);
    columns->Add(left, 1, wxEXPAND | wxALL, 10);
    columns->Add(right, 1, wxEXPAND | wxALL, 10);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(columns, 1, wxEXPAND);
    problem_ = problem_line(this);
    sizer->Add(problem_, 0, wxEXPAND | wxLEFT | wxRIGHT, 10);
    sizer->Add(ui::ok_cancel_buttons(this), 0, wxEXPAND | wxALL, 8);
    SetSizerAndFit(sizer);

    for (wxTextCtrl* t : {code_, title_fr_, price_, url_}) t->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { update(); });
    modules_->Bind(wxEVT_CHECKLISTBOX, [this](wxCommandEvent&) { update(); });
    languages_->Bind(wxEVT_CHECKLISTBOX, [this](wxCommandEvent&) { update(); });
    kind_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { update(); });
    institution_->on_chosen([this](const ui::PickerItem&) { update(); });
    update();
    CentreOnParent();
}

TrainingInput TrainingDialog::value() const {
    TrainingInput in;
    if (existing_) in = CatalogueStore(context_.database()).training(existing_)->input;
    in.kind = kind_->GetSelection() == 1 ? "custom" : "open";
    if (in.kind == "open" && in.edition.empty()) in.edition = edition_;
    if (in.kind == "custom") in.edition.clear();
    in.code = s8(code_->GetValue());
    in.title.fr = s8(title_fr_->GetValue());
    in.title.nl = s8(title_nl_->GetValue());
    in.venue = s8(venue_->GetValue());
    in.seats = seats_->GetValue();
    in.price_cents = price_cents(price_->GetValue());
    in.registration_url = s8(url_->GetValue());
    in.registration_deadline = deadline_->iso();
    in.status = kStatuses[std::max(0, status_->GetSelection())];
    in.institution_id = in.kind == "custom" ? institution_->selection() : std::nullopt;
    in.module_codes.clear();
    for (unsigned i = 0; i < modules_->GetCount(); ++i)
        if (modules_->IsChecked(i)) in.module_codes.push_back(module_codes_[i]);
    in.languages.clear();
    for (unsigned i = 0; i < languages_->GetCount(); ++i)
        if (languages_->IsChecked(i)) in.languages.push_back(kLanguages[i]);
    return in;
}

void TrainingDialog::update() {
    std::vector<int> minutes;
    int count = 0;
    for (unsigned i = 0; i < modules_->GetCount(); ++i)
        if (modules_->IsChecked(i)) {
            minutes.push_back(module_minutes_[i]);
            ++count;
        }
    const auto d = compose_duration(minutes);
    duration_->SetLabel(count == 0 ? _("Tick the modules the training is made of.")
                                   : wxString::Format(_("%d module(s), %s in all: %d day(s) of 6 h."), count,
                                                      u8(catalog::format_duration(d.minutes)), d.days_needed()));
    institution_->Enable(kind_->GetSelection() == 1);
    wxString problem;
    const auto in = value();
    if (in.code.empty()) problem = _("The code is required (users know trainings by code).");
    else if (auto other = CatalogueStore(context_.database()).training(in.code); other && other->id != existing_)
        problem = _("This code is already used by another training.");
    else if (in.title.fr.empty()) problem = _("The French title is required.");
    else if (in.module_codes.empty()) problem = _("Tick at least one module.");
    else if (in.languages.empty()) problem = _("Tick at least one language.");
    else if (in.price_cents && *in.price_cents < 0) problem = _("The price is an amount in euros, such as 45 or 45,50.");
    else if (in.kind == "custom" && !in.institution_id) problem = _("Choose the institution of a custom training.");
    problem_->SetLabel(problem);
    FindWindow(wxID_OK)->Enable(problem.empty());
    Layout();
}

// ---- DayDialog ------------------------------------------------------------------------

DayDialog::DayDialog(wxWindow* parent, ui::UiContext& context, int64_t training_id, int64_t session_id)
    : wxDialog(parent, wxID_ANY, session_id ? _("Change the training day") : _("Add a training day")), context_(context),
      training_id_(training_id), session_id_(session_id) {
    SetName("day-dialog");
    auto& db = context.database();
    CatalogueStore store(db);
    const auto training = store.training(training_id);
    Session day;
    day.start_time = "09:30";
    day.end_time = "16:00";
    day.place = training ? training->input.venue : "";
    std::vector<int64_t> chosen;
    if (session_id) {
        day = *SessionRepository(db).get(session_id);
        chosen = store.day_trainers(session_id);
    }
    auto* g = new wxFlexGridSizer(2, FromDIP(wxSize(8, 6)));
    g->AddGrowableCol(1);
    date_ = new ui::DatePicker(this);
    date_->SetName("date");
    if (!day.date.empty()) date_->set_iso(day.date);
    g->Add(label(this, _("Date:")), 0, wxALIGN_CENTER_VERTICAL);
    g->Add(date_, 0);
    start_ = text_field(this, "start", u8(day.start_time), 80);
    g->Add(label(this, wxGETTEXT_IN_CONTEXT("time", "From:")), 0, wxALIGN_CENTER_VERTICAL);
    g->Add(start_, 0);
    end_ = text_field(this, "end", u8(day.end_time), 80);
    g->Add(label(this, wxGETTEXT_IN_CONTEXT("time", "To:")), 0, wxALIGN_CENTER_VERTICAL);
    g->Add(end_, 0);
    venue_ = text_field(this, "venue", u8(day.place), 300);
    g->Add(label(this, _("Venue:")), 0, wxALIGN_CENTER_VERTICAL);
    g->Add(venue_, 1, wxEXPAND);
    trainers_ = new ui::IdCheckList(this, FromDIP(wxSize(300, 150)));
    trainers_->SetName("trainers");
    for (const auto& p : PersonRepository(db).with_role("trainer"))
        trainers_->add(p.id, u8(p.display_name()), std::find(chosen.begin(), chosen.end(), p.id) != chosen.end());
    g->Add(label(this, _("Trainers:")), 0, wxALIGN_TOP | wxTOP, 4);
    g->Add(trainers_, 1, wxEXPAND);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(g, 1, wxEXPAND | wxALL, 10);
    flags_ = new wxStaticText(this, wxID_ANY, wxString(), wxDefaultPosition, FromDIP(wxSize(420, 70)));
    flags_->SetName("flags");
    sizer->Add(flags_, 0, wxEXPAND | wxLEFT | wxRIGHT, 10);
    problem_ = problem_line(this);
    sizer->Add(problem_, 0, wxEXPAND | wxLEFT | wxRIGHT, 10);
    sizer->Add(ui::ok_cancel_buttons(this), 0, wxEXPAND | wxALL, 8);
    SetSizerAndFit(sizer);
    date_->on_change([this](const std::string&) { update(); });
    for (wxTextCtrl* t : {start_, end_}) t->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { update(); });
    trainers_->Bind(wxEVT_CHECKLISTBOX, [this](wxCommandEvent&) { update(); });
    update();
    CentreOnParent();
}

DayInput DayDialog::value() const {
    DayInput d;
    d.date = date_->iso();
    d.start_time = s8(start_->GetValue());
    d.end_time = s8(end_->GetValue());
    d.venue = s8(venue_->GetValue());
    d.trainer_ids = trainers_->ticked();
    return d;
}

void DayDialog::update() {
    const auto d = value();
    auto time_ok = [](const std::string& t) {
        return t.size() == 5 && t[2] == ':' && std::isdigit(static_cast<unsigned char>(t[0])) && t.substr(0, 2) <= "23" &&
               t.substr(3) <= "59";
    };
    wxString problem;
    if (d.date.empty()) problem = date_->problem().empty() ? _("The date is required.") : date_->problem();
    else if (!time_ok(d.start_time) || !time_ok(d.end_time)) problem = _("The times are HH:MM, such as 09:30.");
    else if (d.end_time <= d.start_time) problem = _("The day ends after it starts.");
    problem_->SetLabel(problem);
    FindWindow(wxID_OK)->Enable(problem.empty());
    wxString flags;
    if (problem.empty()) {
        DayPlan plan{training_id_, session_id_, d.date, d.start_time, d.end_time, d.trainer_ids};
        for (const auto& f : check_day_plan(context_.database(), plan)) flags += "⚠ " + u8(f.message) + "\n";
        if (flags.empty()) flags = _("✓ A pair of trainers, both qualified for every module, available and free that day.");
    }
    flags_->SetLabel(flags.Strip(wxString::trailing));
    flags_->Wrap(FromDIP(420));
    Layout();
}

// ---- RegisterDialog and NewPersonDialog ---------------------------------------------------

RegisterDialog::RegisterDialog(wxWindow* parent, ui::UiContext& context)
    : wxDialog(parent, wxID_ANY, _("Register a person")), context_(context) {
    SetName("register-dialog");
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(label(this, _("Type part of the name or e-mail, then choose the person (or create a new one):")), 0,
               wxALL, 10);
    picker_ = new ui::PersonPicker(this, context.database());
    picker_->SetName("person");
    picker_->SetMinSize(FromDIP(wxSize(420, -1)));
    sizer->Add(picker_, 0, wxEXPAND | wxLEFT | wxRIGHT, 10);
    sizer->Add(ui::ok_cancel_buttons(this), 0, wxEXPAND | wxALL, 8);
    SetSizerAndFit(sizer);
    FindWindow(wxID_OK)->Disable();
    picker_->on_chosen([this](const ui::PickerItem&) { FindWindow(wxID_OK)->Enable(); });
    picker_->set_create_new(_("New person…"), [this](const wxString& typed) {
        NewPersonDialog dialog(this, context_, typed);
        while (dialog.ShowModal() == wxID_OK) {
            if (auto id = dialog.create()) {
                auto p = PersonRepository(context_.database()).get(*id);
                picker_->set_selection(*id, u8(p->display_name()));
                FindWindow(wxID_OK)->Enable();
                context_.data_changed();
                return;
            }
        }
    });
    CentreOnParent();
}

std::optional<int64_t> RegisterDialog::person() const { return picker_->selection(); }

NewPersonDialog::NewPersonDialog(wxWindow* parent, ui::UiContext& context, const wxString& typed)
    : wxDialog(parent, wxID_ANY, _("New person")), context_(context) {
    SetName("new-person-dialog");
    wxString first = typed.BeforeFirst(' '), last = typed.AfterFirst(' ');
    if (typed.Contains("@")) first = last = wxString();
    auto* g = new wxFlexGridSizer(2, FromDIP(wxSize(8, 6)));
    g->AddGrowableCol(1);
    first_ = text_field(this, "first-name", first);
    last_ = text_field(this, "last-name", last);
    email_ = text_field(this, "email", typed.Contains("@") ? typed : wxString());
    institution_ = new ui::InstitutionPicker(this, context.database());
    institution_->SetName("institution");
    g->Add(label(this, _("First name:")), 0, wxALIGN_CENTER_VERTICAL);
    g->Add(first_, 1, wxEXPAND);
    g->Add(label(this, _("Last name:")), 0, wxALIGN_CENTER_VERTICAL);
    g->Add(last_, 1, wxEXPAND);
    g->Add(label(this, _("Email:")), 0, wxALIGN_CENTER_VERTICAL);
    g->Add(email_, 1, wxEXPAND);
    g->Add(label(this, _("Works at:")), 0, wxALIGN_CENTER_VERTICAL);
    g->Add(institution_, 1, wxEXPAND);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(g, 1, wxEXPAND | wxALL, 10);
    sizer->Add(ui::ok_cancel_buttons(this), 0, wxEXPAND | wxALL, 8);
    SetSizerAndFit(sizer);
    CentreOnParent();
}

std::optional<int64_t> NewPersonDialog::create() {
    auto& db = context_.database();
    Person p;
    p.first_name = s8(first_->GetValue());
    p.last_name = s8(last_->GetValue());
    p.email = s8(email_->GetValue()).empty() ? std::string() : wxString(s8(email_->GetValue())).Lower().utf8_string();
    p.roles = {"worker"};
    if (p.first_name.empty() && p.last_name.empty()) {
        ui::show_error(this, _("A person needs a first or a last name."));
        return std::nullopt;
    }
    if (!p.email.empty())
        if (auto known = PersonRepository(db).find_by_email(p.email)) {
            ui::show_error(this, wxString::Format(_("%s already has this e-mail address: choose them in the list instead."),
                                                  u8(known->display_name())));
            return std::nullopt;
        }
    std::optional<int64_t> id;
    ui::guarded(this, _("Could not create the person"), [&] {
        id = db.write(wxString::Format(_("Create %s"), u8(p.first_name + " " + p.last_name)).utf8_string(), [&] {
            PersonRepository people(db);
            const auto person = people.create(p);
            if (auto inst = institution_->selection()) {
                Employment e;
                e.person_id = person;
                e.institution_id = *inst;
                people.add_employment(e);
            }
            return person;
        });
    });
    return id;
}

// ---- ImportRegistrationsDialog ------------------------------------------------------------

ImportRegistrationsDialog::ImportRegistrationsDialog(wxWindow* parent, ui::UiContext& context,
                                                     const std::string& training_code)
    : ImportFileDialog(parent, context,
                       {.title = wxString::Format(_("Registrations from the web site for %s"), u8(training_code)),
                        .name = "import-registrations-dialog",
                        .intro = _("The CSV or XLSX file exported by the site (columns first_name, last_name, email, "
                                   "institution; training when it holds several):"),
                        .choose_title = _("Registrations exported by the web site"),
                        .wildcard = _("CSV or XLSX files (*.csv;*.xlsx)|*.csv;*.xlsx"),
                        .field_width = 480,
                        .preview_size = wxSize(680, 260),
                        .summary = _("Choose the file to see what the import will do.")},
                       {.id = "catalogue.import_preview",
                        .title = _("What the import will do"),
                        .columns = {{_("Line"), 50, ui::ColumnKind::Integer},
                                    {_("Person"), 200},
                                    {_("Outcome"), 150, ui::ColumnKind::Status},
                                    {_("Note"), 260}},
                        .search = false}),
      context_(context), training_(training_code) {}

void ImportRegistrationsDialog::load() {
    FindWindow(wxID_OK)->Disable();
    same_person_.clear();
    text_.clear();
    preview_->set_source(std::make_shared<ui::TableRowSource>());
    const std::string path = s8(path_->GetValue());
    std::error_code ec;
    if (path.empty() || !std::filesystem::is_regular_file(path, ec)) {
        summary_->SetLabel(_("Choose the file to see what the import will do."));
        return;
    }
    file_ = std::filesystem::path(path).filename().string();
    auto& db = context_.database();
    try {
        text_ = registrations_file_text(path);
        // The duplicate question: a line with a known person's name under another address.
        for (const auto& d : possible_duplicates(db, text_, file_)) {
            const wxString question = wxString::Format(
                _("Line %d: %s (%s) has the name of %s (%s), who is known already.\n\nIs it the same person?"), d.line,
                u8(d.typed_name), d.typed_email.empty() ? _("no e-mail") : u8(d.typed_email), u8(d.known_name),
                d.known_email.empty() ? _("no e-mail") : u8(d.known_email));
            wxDialog ask(this, wxID_ANY, _("The same person?"));
            ask.SetName("duplicate-question");
            auto* s = new wxBoxSizer(wxVERTICAL);
            s->Add(new wxStaticText(&ask, wxID_ANY, question), 0, wxALL, 12);
            auto* buttons = new wxBoxSizer(wxHORIZONTAL);
            auto* same = new wxButton(&ask, wxID_YES, wxString::Format(_("Yes, register %s"), u8(d.known_name)));
            same->SetName("same");
            auto* other = new wxButton(&ask, wxID_NO, _("No, another person"));
            other->SetName("different");
            buttons->Add(same, 0, wxRIGHT, 8);
            buttons->Add(other, 0);
            s->Add(buttons, 0, wxALIGN_RIGHT | wxALL, 8);
            ask.SetSizerAndFit(s);
            same->Bind(wxEVT_BUTTON, [&ask](wxCommandEvent&) { ask.EndModal(wxID_YES); });
            other->Bind(wxEVT_BUTTON, [&ask](wxCommandEvent&) { ask.EndModal(wxID_NO); });
            ask.CentreOnParent();
            if (ask.ShowModal() == wxID_YES) same_person_[d.line] = d.known_person_id;
        }
        const auto report = preview_registrations(db, text_, file_, training_, same_person_);
        auto rows = std::make_shared<ui::TableRowSource>();
        for (const auto& l : report.lines) {
            wxString outcome = l.outcome == "registered" ? _("registered")
                               : l.outcome == "waiting" ? _("waiting list")
                               : l.outcome == "already" ? _("already registered")
                               : l.outcome == "duplicate_in_file" ? _("twice in the file")
                                                                  : u8(l.outcome);
            wxString note = l.new_person ? _("new person") : l.matched_by_email ? _("known by e-mail") : _("known person");
            if (same_person_.count(l.line)) note = _("the same person, as you said");
            if (!l.message.empty()) note += " — " + u8(l.message);
            rows->add(l.line, {wxString::Format("%d", l.line), u8(l.person), outcome, note});
        }
        preview_->set_source(rows);
        summary_->SetLabel(wxString::Format(_("%d line(s): %d will be registered, %d put on the waiting list, %d already "
                                              "registered, %d twice in the file; %d new people."),
                                            report.rows, report.registered, report.waiting, report.already,
                                            report.duplicates_in_file, report.new_people));
        FindWindow(wxID_OK)->Enable(report.registered + report.waiting > 0);
    } catch (const Error& e) {
        summary_->SetLabel(wxString::Format(_("The file cannot be imported: %s"), u8(e.what())));
    }
    summary_->Wrap(FromDIP(680));
    Layout();
}

wxString ImportRegistrationsDialog::import() {
    auto& db = context_.database();
    wxString summary;
    ui::guarded(this, _("The registrations were not imported"), [&] {
        const auto report = db.write(
            wxString::Format(_("Import the site's registrations for %s"), u8(training_)).utf8_string(),
            [&] { return import_registrations(db, text_, file_, training_, same_person_); });
        summary = wxString::Format(_("%d registered, %d on the waiting list, %d already registered."), report.registered,
                                   report.waiting, report.already);
    });
    return summary;
}

// ---- ExpectationDialog --------------------------------------------------------------------

ExpectationDialog::ExpectationDialog(wxWindow* parent, ui::UiContext& context, int64_t training_id)
    : wxDialog(parent, wxID_ANY, _("An expectation at the start")) {
    SetName("expectation-dialog");
    auto& db = context.database();
    PersonRepository people(db);
    auto* g = new wxFlexGridSizer(2, FromDIP(wxSize(8, 6)));
    g->AddGrowableCol(1);
    person_ = new wxChoice(this, wxID_ANY);
    person_->SetName("person");
    for (const auto& r : RegistrationService(db).list(training_id)) {
        if (r.status != "registered") continue;
        if (auto p = people.get(r.person_id)) {
            person_->Append(u8(p->display_name()));
            people_.push_back(p->id);
        }
    }
    g->Add(label(this, _("Participant:")), 0, wxALIGN_CENTER_VERTICAL);
    g->Add(person_, 1, wxEXPAND);
    text_ = text_field(this, "text", {}, 380, wxTE_MULTILINE);
    text_->SetMinSize(FromDIP(wxSize(380, 70)));
    g->Add(label(this, _("Expectation:")), 0, wxALIGN_TOP | wxTOP, 4);
    g->Add(text_, 1, wxEXPAND);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(g, 1, wxEXPAND | wxALL, 10);
    sizer->Add(ui::ok_cancel_buttons(this), 0, wxEXPAND | wxALL, 8);
    SetSizerAndFit(sizer);
    auto check = [this] { FindWindow(wxID_OK)->Enable(person_->GetSelection() >= 0 && !text().empty()); };
    person_->Bind(wxEVT_CHOICE, [check](wxCommandEvent&) { check(); });
    text_->Bind(wxEVT_TEXT, [check](wxCommandEvent&) { check(); });
    check();
    CentreOnParent();
}

std::optional<int64_t> ExpectationDialog::person() const {
    const int n = person_->GetSelection();
    if (n < 0) return std::nullopt;
    return people_[static_cast<std::size_t>(n)];
}
std::string ExpectationDialog::text() const { return s8(text_->GetValue()); }

// ---- CertificatesDialog -------------------------------------------------------------------

CertificatesDialog::CertificatesDialog(wxWindow* parent, ui::UiContext& context, int64_t training_id)
    : wxDialog(parent, wxID_ANY, _("Certificates of attendance")) {
    SetName("certificates-dialog");
    auto& db = context.database();
    PersonRepository people(db);
    RegistrationService regs(db);
    auto* g = new wxFlexGridSizer(2, FromDIP(wxSize(8, 6)));
    g->AddGrowableCol(1);
    who_ = new wxChoice(this, wxID_ANY);
    who_->SetName("who");
    who_->Append(_("Every participant present at least once"));
    for (const auto& r : regs.list(training_id)) {
        const double hours = regs.hours_attended(training_id, r.person_id);
        if (hours <= 0) continue;
        if (auto p = people.get(r.person_id)) {
            who_->Append(u8(p->display_name()));
            people_.push_back(p->id);
        }
    }
    who_->SetSelection(0);
    g->Add(label(this, _("For:")), 0, wxALIGN_CENTER_VERTICAL);
    g->Add(who_, 1, wxEXPAND);
    pdf_ = new wxCheckBox(this, wxID_ANY, _("Also as PDF (one page each)"));
    pdf_->SetName("pdf");
    pdf_->SetValue(true);
    g->AddSpacer(0);
    g->Add(pdf_, 0);
    folder_ = text_field(this, "folder", u8(default_folder("Certificates")), 320);
    g->Add(label(this, _("Folder:")), 0, wxALIGN_CENTER_VERTICAL);
    g->Add(folder_row(this, folder_), 1, wxEXPAND);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    if (people_.empty())
        sizer->Add(label(this, _("Nobody has been marked present yet: take the attendance first.")), 0, wxALL, 10);
    sizer->Add(g, 1, wxEXPAND | wxALL, 10);
    sizer->Add(ui::ok_cancel_buttons(this), 0, wxEXPAND | wxALL, 8);
    SetSizerAndFit(sizer);
    FindWindow(wxID_OK)->Enable(!people_.empty());
    CentreOnParent();
}

std::optional<int64_t> CertificatesDialog::person() const {
    const int n = who_->GetSelection();
    if (n <= 0) return std::nullopt;
    return people_[static_cast<std::size_t>(n - 1)];
}
bool CertificatesDialog::pdf() const { return pdf_->GetValue(); }
std::string CertificatesDialog::folder() const { return s8(folder_->GetValue()); }

// ---- MessagesDialog -----------------------------------------------------------------------

MessagesDialog::MessagesDialog(wxWindow* parent, ui::UiContext& context)
    : wxDialog(parent, wxID_ANY, _("Messages to the participants")), context_(context) {
    SetName("messages-dialog");
    ui::FieldGrid grid(this);
    auto* g = grid.sizer();
    kind_ = grid.add(_("Message:"),
                     ui::choice(this, {_("Confirmation of the registration (or of the place on the waiting list)"),
                                       _("Reminder before the training")}),
                     "kind");
    channel_ = grid.add(_("How:"),
                        ui::choice(this, {_("Write .eml files (opened by any mail program)"),
                                          _("Send through the SMTP server")}),
                        "channel");
    folder_ = text_field(this, "folder", u8(default_folder("Messages")), 320);
    g->Add(label(this, _("Folder:")), 0, wxALIGN_CENTER_VERTICAL);
    g->Add(folder_row(this, folder_), 1, wxEXPAND);
    server_ = grid.add(_("Server:"), new wxStaticText(this, wxID_ANY, wxString()), "server");
    password_ = text_field(this, "password", {}, 200, wxTE_PASSWORD);
    g->Add(label(this, _("Password:")), 0, wxALIGN_CENTER_VERTICAL);
    g->Add(password_, 0);
    remember_ = new wxCheckBox(this, wxID_ANY, _("Remember the password in the desktop keyring"));
    remember_->SetName("remember");
    g->AddSpacer(0);
    g->Add(remember_, 0);
    keyring_ = new wxStaticText(this, wxID_ANY, wxString());
    keyring_->SetName("keyring");
    g->AddSpacer(0);
    g->Add(keyring_, 0);
    dry_run_ = new wxCheckBox(this, wxID_ANY, _("Dry run: show who would get what, write and send nothing"));
    dry_run_->SetName("dry-run");
    g->AddSpacer(0);
    g->Add(dry_run_, 0);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(g, 1, wxEXPAND | wxALL, 10);
    sizer->Add(label(this, _("A message already written or sent to a person is never sent again; the log is on the "
                             "Certificates and messages tab.")),
               0, wxLEFT | wxRIGHT, 10);
    sizer->Add(ui::ok_cancel_buttons(this), 0, wxEXPAND | wxALL, 8);
    SetSizerAndFit(sizer);
    channel_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { update(); });
    dry_run_->Bind(wxEVT_CHECKBOX, [this](wxCommandEvent&) { update(); });
    update();
    CentreOnParent();
}

void MessagesDialog::update() {
    const bool smtp = this->smtp();
    const std::string host = context_.preference("catalogue.smtp_host").utf8_string();
    const std::string user = context_.preference("catalogue.smtp_user").utf8_string();
    const wxString port = context_.preference("catalogue.smtp_port", "587");
    server_->SetLabel(host.empty() ? _("none set: File > Preferences, Training catalogue")
                                   : wxString::Format(_("%s, port %s, user %s (File > Preferences)"), u8(host), port,
                                                      user.empty() ? _("none") : u8(user)));
    folder_->Enable(!smtp);
    password_->Enable(smtp && !user.empty());
    remember_->Enable(smtp && !user.empty());
    if (smtp && !user.empty() && password_->GetValue().empty()) {
        std::string error;
        if (auto stored = keyring_password(host, user, &error)) {
            password_->ChangeValue(u8(*stored));
            keyring_->SetLabel(_("The password comes from the desktop keyring."));
        } else if (!error.empty()) {
            keyring_->SetLabel(_("No desktop keyring answers: type the password, it is used for this sending only."));
            remember_->SetValue(false);
            remember_->Disable();
        }
    }
    bool ok = true;
    if (smtp && host.empty()) ok = false;
    if (!smtp && folder().empty()) ok = false;
    FindWindow(wxID_OK)->Enable(ok || dry_run());
    Layout();
    Fit();
}

std::string MessagesDialog::kind() const { return kind_->GetSelection() == 1 ? "reminder" : "confirmation"; }
bool MessagesDialog::smtp() const { return channel_->GetSelection() == 1; }
bool MessagesDialog::dry_run() const { return dry_run_->GetValue(); }
std::string MessagesDialog::folder() const { return s8(folder_->GetValue()); }
std::string MessagesDialog::password() const { return password_->GetValue().utf8_string(); }
bool MessagesDialog::remember() const { return remember_->IsEnabled() && remember_->GetValue(); }

// ---- PublishDialog ------------------------------------------------------------------------

PublishDialog::PublishDialog(wxWindow* parent, ui::UiContext&, const std::string& edition)
    : wxDialog(parent, wxID_ANY, wxString::Format(_("Publish the catalogue %s"), u8(edition))) {
    SetName("publish-dialog");
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(label(this, _("The web site (French and Dutch), the printable booklet and the XML feed are written into "
                             "this folder, ready to be put on the association's site:")),
               0, wxALL, 10);
    folder_ = text_field(this, "folder", u8(default_folder("Catalogue-" + edition)), 420);
    sizer->Add(folder_row(this, folder_), 0, wxEXPAND | wxLEFT | wxRIGHT, 10);
    pdf_ = new wxCheckBox(this, wxID_ANY, _("Print the booklet as PDF too (takes a little longer)"));
    pdf_->SetName("pdf");
    pdf_->SetValue(true);
    sizer->Add(pdf_, 0, wxALL, 10);
    sizer->Add(ui::ok_cancel_buttons(this), 0, wxEXPAND | wxALL, 8);
    SetSizerAndFit(sizer);
    if (auto* ok = dynamic_cast<wxButton*>(FindWindow(wxID_OK))) ok->SetLabel(_("Publish"));
    CentreOnParent();
}

std::string PublishDialog::folder() const { return s8(folder_->GetValue()); }
bool PublishDialog::pdf() const { return pdf_->GetValue(); }

}  // namespace maillage::catalogue
