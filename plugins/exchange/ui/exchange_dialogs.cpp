// core/i18n.h first: its N_ must win over the one wx defines only when none exists.
#include "core/i18n.h"
#include "ui/exchange_dialogs.h"

#include "core/database.h"
#include "core/error.h"
#include "core/institutions.h"
#include "core/people.h"
#include "core/programmes.h"
#include "shared-ui/dialog_frame.h"
#include "shared-ui/record_choice.h"
#include "shared-ui/date_pickers.h"
#include "shared-ui/display.h"
#include "shared-ui/id_choice.h"
#include "shared-ui/list_panel.h"
#include "shared-ui/messages.h"
#include "shared-ui/pickers.h"
#include "shared-ui/plugin_ui.h"

#include <wx/button.h>
#include <wx/checklst.h>
#include <wx/choice.h>
#include <wx/dirdlg.h>
#include <wx/filedlg.h>
#include <wx/filepicker.h>
#include <wx/stdpaths.h>
#include <wx/listbox.h>
#include <wx/msgdlg.h>
#include <wx/sizer.h>
#include <wx/spinctrl.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <cctype>
#include <filesystem>

namespace maillage::exchange {
namespace {

wxString U(const std::string& s) { return wxString::FromUTF8(s); }
std::string S(const wxString& s) { return s.Strip(wxString::both).utf8_string(); }

template <class T>
T* named(T* control, const char* name) {
    control->SetName(name);
    return control;
}

// A two-column form: label, control.
class Grid {
public:
    explicit Grid(wxWindow* parent) : parent_(parent), sizer_(new wxFlexGridSizer(2, 6, 8)) {
        sizer_->AddGrowableCol(1);
    }
    template <class T>
    T* add(const wxString& label, T* control, int flag = wxEXPAND) {
        sizer_->Add(new wxStaticText(parent_, wxID_ANY, label), 0, wxALIGN_CENTER_VERTICAL | wxALIGN_LEFT);
        sizer_->Add(control, 1, flag);
        return control;
    }
    void add_sizer(const wxString& label, wxSizer* sizer) {
        sizer_->Add(new wxStaticText(parent_, wxID_ANY, label), 0, wxALIGN_TOP | wxTOP, 4);
        sizer_->Add(sizer, 1, wxEXPAND);
    }
    wxFlexGridSizer* sizer() { return sizer_; }

private:
    wxWindow* parent_;
    wxFlexGridSizer* sizer_;
};

wxTextCtrl* text(wxWindow* parent, const char* name, const wxString& value = {}, long style = 0, int height = -1) {
    return named(new wxTextCtrl(parent, wxID_ANY, value, wxDefaultPosition, wxSize(-1, height), style), name);
}

void finish(wxDialog* dialog, wxSizer* content) {
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(content, 1, wxEXPAND | wxALL, 12);
    sizer->Add(ui::ok_cancel_buttons(dialog), 0, wxEXPAND | wxALL, 8);
    dialog->SetSizerAndFit(sizer);
    dialog->CentreOnParent();
}

// OK runs `ok`: false keeps the dialog open (it said why).
void on_ok(wxDialog* dialog, std::function<bool()> ok) {
    dialog->Bind(wxEVT_BUTTON, [ok = std::move(ok)](wxCommandEvent& e) {
        if (ok()) e.Skip();
    }, wxID_OK);
}

// A picker that adds what is chosen to `items` (once), a list showing them and a button
// removing the one selected; `show` fills the list again.
void bind_picked_list(ui::SearchPicker* picker, wxListBox* list, wxButton* remove,
                      std::vector<std::pair<int64_t, std::string>>& items, std::function<void()> show) {
    picker->on_chosen([picker, &items, show](const ui::PickerItem& item) {
        for (const auto& i : items)
            if (i.first == item.id) return;
        items.push_back({item.id, S(item.label)});
        show();
        picker->CallAfter([picker] { picker->clear_selection(); });
    });
    remove->Bind(wxEVT_BUTTON, [list, &items, show](wxCommandEvent&) {
        const int n = list->GetSelection();
        if (n == wxNOT_FOUND) return;
        items.erase(items.begin() + n);
        show();
    });
}

bool warn(wxWindow* parent, const wxString& title, const wxString& message) {
    static_cast<void>(title);
    ui::show_error(parent, message);
    return false;
}

std::string person_name(Database& db, int64_t id) {
    auto p = PersonRepository(db).get(id);
    return p ? p->display_name() : std::string();
}

std::string institution_name(Database& db, int64_t id) {
    auto i = InstitutionRepository(db).get(id);
    return i ? i->name : std::string();
}

const char* const kLanguages[] = {"fr", "nl", "en"};

wxString language_name(const char* code) {
    const std::string c = code;
    return c == "fr" ? wxString::FromUTF8("Français") : c == "nl" ? wxString("Nederlands") : wxString("English");
}

// "09:00–16:30 · 16/10/2026"
wxString describe_day(const Session& s) {
    wxString text = ui::display_date(s.date);
    if (!s.start_time.empty() || !s.end_time.empty()) text += wxString::FromUTF8(", ") + U(s.start_time) + wxString::FromUTF8("–") + U(s.end_time);
    if (s.status == "cancelled") text += " (" + _("cancelled") + ")";
    return text;
}

bool is_time_or_empty(const std::string& t) { return t.empty() || is_time(t); }

}  // namespace

wxChoice* role_choice(wxWindow* parent, const std::string& selected) {
    auto* choice = new wxChoice(parent, wxID_ANY);
    const auto& roles = registration_roles();
    for (size_t i = 0; i < roles.size(); ++i) {
        choice->Append(U(role_label(roles[i])));
        if (roles[i] == selected) choice->SetSelection(int(i));
    }
    if (choice->GetSelection() == wxNOT_FOUND) choice->SetSelection(0);
    return choice;
}

std::string chosen_role(const wxChoice* choice) {
    const auto& roles = registration_roles();
    const int n = choice->GetSelection();
    return n >= 0 && size_t(n) < roles.size() ? roles[size_t(n)] : std::string("participant");
}

// ---- Event ---------------------------------------------------------------------------
EventDialog::EventDialog(wxWindow* parent, Database& db, const std::string& language, Mode mode, int64_t event_id)
    : wxDialog(parent, wxID_ANY,
               mode == Mode::Edit        ? _("Edit the event")
               : mode == Mode::Duplicate ? _("Duplicate the event")
                                         : _("New event"),
               wxDefaultPosition, wxDefaultSize, wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      db_(db), mode_(mode), event_id_(event_id) {
    SetName("event-dialog");
    EventRepository events(db);
    types_ = events.types();
    if (event_id)
        if (auto e = events.get(event_id)) loaded_ = *e;
    if (mode == Mode::Duplicate) loaded_.title += " " + tr("(copy)");

    auto* columns = new wxBoxSizer(wxHORIZONTAL);
    Grid left(this);
    type_ = left.add(_("Type:"), named(new wxChoice(this, wxID_ANY), "type"));
    for (const auto& t : types_) {
        type_->Append(U(t.label(language)));
        if (t.id == loaded_.type_id) type_->SetSelection(type_->GetCount() - 1);
    }
    if (type_->GetSelection() == wxNOT_FOUND) type_->SetSelection(0);
    title_ = left.add(_("Title:"), text(this, "title", U(loaded_.title)));
    title_->SetMinSize(wxSize(320, -1));
    theme_ = left.add(_("Theme:"), text(this, "theme", U(loaded_.theme)));
    venue_ = left.add(_("Venue:"), text(this, "venue", U(loaded_.venue)));
    capacity_ = left.add(_("Seats (0: unlimited):"),
                         named(new wxSpinCtrl(this, wxID_ANY, "", wxDefaultPosition, wxDefaultSize, wxSP_ARROW_KEYS, 0,
                                              100000, int(loaded_.capacity.value_or(0))),
                               "capacity"),
                         0);
    role_ = left.add(_("Our role:"), named(new wxChoice(this, wxID_ANY), "role"));
    const char* const roles[] = {"organiser", "co_organiser", "facilitator", "participant"};
    const char* const role_names[] = {N_("organiser"), N_("co-organiser"), N_("facilitator"), N_("participant")};
    for (int i = 0; i < 4; ++i) {
        role_->Append(wxGetTranslation(role_names[i]));
        if (loaded_.role == roles[i]) role_->SetSelection(i);
    }
    if (role_->GetSelection() == wxNOT_FOUND) role_->SetSelection(0);
    programme_ = left.add(_("Programme:"),
                          named(ui::programme_choice(this, db, _("(none)"), loaded_.programme_id), "programme"));
    funder_ = left.add(_("Funder:"), named(ui::funder_choice(this, db, _("(none)"), loaded_.funder_id), "funder"));
    languages_ = left.add(_("Languages:"), named(new wxCheckListBox(this, wxID_ANY), "languages"));
    for (const char* code : kLanguages) {
        languages_->Append(language_name(code));
        if (("," + loaded_.languages + ",").find(std::string(",") + code + ",") != std::string::npos)
            languages_->Check(languages_->GetCount() - 1);
    }
    objectives_ = left.add(_("Objectives:"), text(this, "objectives", U(loaded_.objectives), wxTE_MULTILINE, 70));
    columns->Add(left.sizer(), 1, wxEXPAND | wxRIGHT, 16);

    // Days and partners.
    auto* right = new wxBoxSizer(wxVERTICAL);
    auto* days_title = new wxStaticText(this, wxID_ANY, _("Days (each with its times)"));
    days_title->SetFont(days_title->GetFont().Bold());
    right->Add(days_title, 0, wxBOTTOM, 4);
    auto* day_row = new wxBoxSizer(wxHORIZONTAL);
    date_ = named(new ui::DatePicker(this, true), "day-date");
    day_row->Add(date_, 0, wxRIGHT, 6);
    start_ = text(this, "day-start", "09:00");
    start_->SetMinSize(wxSize(70, -1));
    end_ = text(this, "day-end", "16:30");
    end_->SetMinSize(wxSize(70, -1));
    day_row->Add(start_, 0, wxRIGHT, 4);
    day_row->Add(new wxStaticText(this, wxID_ANY, wxString::FromUTF8("–")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 4);
    day_row->Add(end_, 0, wxRIGHT, 6);
    auto* add = named(new wxButton(this, wxID_ANY, _("Add the day")), "day-add");
    day_row->Add(add, 0);
    right->Add(day_row, 0, wxBOTTOM, 4);
    days_list_ = named(new wxListBox(this, wxID_ANY, wxDefaultPosition, wxSize(360, 90)), "days");
    right->Add(days_list_, 1, wxEXPAND | wxBOTTOM, 4);
    auto* remove_day = named(new wxButton(this, wxID_ANY, _("Remove the day")), "day-remove");
    right->Add(remove_day, 0, wxBOTTOM, 12);

    auto* partners_title = new wxStaticText(this, wxID_ANY, _("Partners"));
    partners_title->SetFont(partners_title->GetFont().Bold());
    right->Add(partners_title, 0, wxBOTTOM, 4);
    partner_ = named(new ui::InstitutionPicker(this, db), "partner");
    right->Add(partner_, 0, wxEXPAND | wxBOTTOM, 4);
    partners_list_ = named(new wxListBox(this, wxID_ANY, wxDefaultPosition, wxSize(360, 70)), "partners");
    right->Add(partners_list_, 1, wxEXPAND | wxBOTTOM, 4);
    auto* remove_partner = named(new wxButton(this, wxID_ANY, _("Remove the partner")), "partner-remove");
    right->Add(remove_partner, 0);
    columns->Add(right, 1, wxEXPAND);
    finish(this, columns);

    if (event_id) {
        for (auto id : events.partners(event_id)) partners_.push_back({id, institution_name(db, id)});
        if (mode == Mode::Edit)
            for (const auto& d : events.days(event_id)) days_.push_back({d, true});
    }
    show_days();
    show_partners();

    add->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { add_day(); });
    remove_day->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        const int n = days_list_->GetSelection();
        if (n == wxNOT_FOUND) return;
        if (days_[size_t(n)].existing) removed_days_.push_back(days_[size_t(n)].session.id);
        days_.erase(days_.begin() + n);
        show_days();
    });
    bind_picked_list(partner_, partners_list_, remove_partner, partners_, [this] { show_partners(); });
    on_ok(this, [this] { return check(); });
}

void EventDialog::add_day() {
    if (!date_->problem().empty()) {
        warn(this, GetTitle(), date_->problem());
        return;
    }
    if (date_->iso().empty()) {
        warn(this, GetTitle(), _("Choose the day's date first."));
        return;
    }
    Session s;
    s.date = date_->iso();
    s.start_time = S(start_->GetValue());
    s.end_time = S(end_->GetValue());
    if (!is_time_or_empty(s.start_time) || !is_time_or_empty(s.end_time)) {
        warn(this, GetTitle(), _("Write the times as HH:MM, for example 09:30."));
        return;
    }
    if (!s.start_time.empty() && !s.end_time.empty() && s.end_time <= s.start_time) {
        warn(this, GetTitle(), _("The day must end after it starts."));
        return;
    }
    days_.push_back({s, false});
    std::stable_sort(days_.begin(), days_.end(), [](const Day& a, const Day& b) {
        return a.session.date + a.session.start_time < b.session.date + b.session.start_time;
    });
    date_->set_iso("");
    show_days();
}

void EventDialog::show_days() {
    days_list_->Clear();
    for (const auto& d : days_) days_list_->Append(describe_day(d.session));
}

void EventDialog::show_partners() {
    partners_list_->Clear();
    for (const auto& p : partners_) partners_list_->Append(U(p.second));
}

bool EventDialog::check() {
    // A date typed but not added is the day the user meant.
    if (!date_->iso().empty()) add_day();
    if (!date_->problem().empty()) return warn(this, GetTitle(), date_->problem());
    if (S(title_->GetValue()).empty()) return warn(this, GetTitle(), _("An event needs a title."));
    if (days_.empty()) return warn(this, GetTitle(), _("Add at least one day: its date and times."));
    return true;
}

int64_t EventDialog::save() {
    EventRepository events(db_);
    Event e = loaded_;
    e.type_id = types_.at(size_t(std::max(0, type_->GetSelection()))).id;
    e.title = S(title_->GetValue());
    e.theme = S(theme_->GetValue());
    e.venue = S(venue_->GetValue());
    e.capacity = capacity_->GetValue() > 0 ? std::optional<int64_t>(capacity_->GetValue()) : std::nullopt;
    const char* const roles[] = {"organiser", "co_organiser", "facilitator", "participant"};
    e.role = roles[std::clamp(role_->GetSelection(), 0, 3)];
    e.programme_id = programme_->chosen();
    e.funder_id = funder_->chosen();
    std::string languages;
    for (unsigned i = 0; i < languages_->GetCount(); ++i)
        if (languages_->IsChecked(i)) languages += (languages.empty() ? "" : ",") + std::string(kLanguages[i]);
    e.languages = languages;
    e.objectives = S(objectives_->GetValue());
    const std::string label =
        mode_ == Mode::Edit ? trf("Edit the event {title}", fmt::arg("title", e.title))
                            : trf("Create the event {title}", fmt::arg("title", e.title));
    return db_.write(label, [&] {
        int64_t id = 0;
        if (mode_ == Mode::Edit) {
            e.id = event_id_;
            events.update(e);
            id = event_id_;
        } else {
            e.id = 0;
            id = events.create(e);
            if (mode_ == Mode::Duplicate) events.copy_structure(event_id_, id);
        }
        for (auto sid : removed_days_) events.remove_session(sid);
        SessionRepository sessions(db_);
        for (auto& d : days_) {
            if (!d.existing) {
                d.session.programme_id = e.programme_id;
                d.session.funder_id = e.funder_id;
                events.add_day(id, d.session);
            } else if (auto s = sessions.get(d.session.id)) {
                // The days follow the event's programme and funder (reports count them).
                s->programme_id = e.programme_id;
                s->funder_id = e.funder_id;
                s->title = e.title;
                sessions.update(*s);
            }
        }
        std::vector<int64_t> partner_ids;
        for (const auto& p : partners_) partner_ids.push_back(p.first);
        events.set_partners(id, partner_ids);
        return id;
    });
}

// ---- Committee -----------------------------------------------------------------------
InstitutionDialog::InstitutionDialog(wxWindow* parent, Database& db, Role role)
    : wxDialog(parent, wxID_ANY,
               role == Role::CommitteeMember ? _("Add a committee member") : _("Add a service to the working group")) {
    const bool member = role == Role::CommitteeMember;
    SetName(member ? "committee-member-dialog" : "group-service-dialog");
    Grid grid(this);
    institution_ = grid.add(member ? _("Institution:") : _("Service:"),
                            named(new ui::InstitutionPicker(this, db), "institution"));
    institution_->SetMinSize(wxSize(360, -1));
    if (member) person_ = grid.add(_("Representative:"), named(new ui::PersonPicker(this, db), "representative"));
    finish(this, grid.sizer());
    on_ok(this, [this, member] {
        if (!institution_->selection())
            return warn(this, GetTitle(), member ? _("Choose the member institution.") : _("Choose the service."));
        return true;
    });
}

std::optional<int64_t> InstitutionDialog::institution() const { return institution_->selection(); }
std::optional<int64_t> InstitutionDialog::person() const { return person_ ? person_->selection() : std::nullopt; }

CommitteeMeetingDialog::CommitteeMeetingDialog(wxWindow* parent, Database& db, int64_t event_id)
    : EventPartDialog(parent, _("Record a committee meeting"), "committee-meeting-dialog", db, event_id) {
    Grid grid(this);
    date_ = grid.add(_("Date:"), named(new ui::DatePicker(this), "date"), 0);
    auto* times = new wxBoxSizer(wxHORIZONTAL);
    start_ = text(this, "start", "10:00");
    end_ = text(this, "end", "12:00");
    times->Add(start_, 0, wxRIGHT, 4);
    times->Add(new wxStaticText(this, wxID_ANY, wxString::FromUTF8("–")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 4);
    times->Add(end_, 0);
    grid.add_sizer(_("Times:"), times);
    status_ = grid.add(_("Status:"), named(ui::choice(this, {_("planned"), _("held"), _("cancelled")}, 1), "status"),
                       0);
    present_ = grid.add(_("Present:"), named(new ui::IdCheckList(this, wxSize(360, 90)), "present"));
    for (const auto& m : EventRepository(db).committee(event_id))
        if (m.person_id && !present_->has(*m.person_id))
            present_->add(*m.person_id,
                          U(person_name(db, *m.person_id) + " (" + institution_name(db, m.institution_id) + ")"));
    decisions_ = grid.add(_("Decisions (one a line):"), text(this, "decisions", "", wxTE_MULTILINE, 90));
    finish(this, grid.sizer());
    on_ok(this, [this] {
        if (date_->iso().empty())
            return warn(this, GetTitle(), date_->problem().empty() ? _("Choose the meeting's date.") : date_->problem());
        if (!is_time_or_empty(S(start_->GetValue())) || !is_time_or_empty(S(end_->GetValue())))
            return warn(this, GetTitle(), _("Write the times as HH:MM, for example 09:30."));
        return true;
    });
}

int64_t CommitteeMeetingDialog::save() {
    const char* const statuses[] = {"planned", "held", "cancelled"};
    Session s;
    s.date = date_->iso();
    s.start_time = S(start_->GetValue());
    s.end_time = S(end_->GetValue());
    s.status = statuses[std::clamp(status_->GetSelection(), 0, 2)];
    EventRepository events(db_);
    return db_.write(trf("Record the committee meeting of {date}", fmt::arg("date", s.date)), [&] {
        const auto sid = events.add_committee_meeting(event_id_, s);
        SessionRepository sessions(db_);
        for (const int64_t person : present_->ticked()) {
            Attendance a;
            a.session_id = sid;
            a.person_id = person;
            a.status = "present";
            sessions.record(a);
        }
        wxString all = decisions_->GetValue();
        for (const auto& line : wxSplit(all, '\n', 0))
            if (!S(line).empty()) events.add_decision(sid, S(line));
        return sid;
    });
}

// ---- Tables --------------------------------------------------------------------------
TableDialog::TableDialog(wxWindow* parent, Database& db, int64_t event_id, int64_t table_id)
    : EventPartDialog(parent, table_id ? _("Edit the table") : _("Add a table"), "table-dialog", db, event_id),
      table_id_(table_id) {
    std::optional<Table> t;
    if (table_id) t = EventRepository(db).table(table_id);
    Grid grid(this);
    title_ = grid.add(_("Title:"), text(this, "title", t ? U(t->title) : wxString()));
    title_->SetMinSize(wxSize(360, -1));
    question_ = grid.add(_("Question:"), text(this, "question", t ? U(t->question) : wxString(), wxTE_MULTILINE, 60));
    picker_ = grid.add(_("Add a facilitator:"), named(new ui::PersonPicker(this, db), "facilitator"));
    list_ = grid.add(_("Facilitators:"), named(new wxListBox(this, wxID_ANY, wxDefaultPosition, wxSize(-1, 70)), "facilitators"));
    auto* remove = named(new wxButton(this, wxID_ANY, _("Remove the facilitator")), "facilitator-remove");
    grid.sizer()->AddSpacer(0);
    grid.sizer()->Add(remove, 0);
    finish(this, grid.sizer());
    if (t)
        for (auto p : t->facilitator_ids) {
            facilitators_.push_back({p, person_name(db, p)});
            initial_.push_back(p);
        }
    show_facilitators();
    bind_picked_list(picker_, list_, remove, facilitators_, [this] { show_facilitators(); });
    on_ok(this, [this] {
        if (S(title_->GetValue()).empty()) return warn(this, GetTitle(), _("A table needs a title."));
        return true;
    });
}

void TableDialog::show_facilitators() {
    list_->Clear();
    for (const auto& f : facilitators_) list_->Append(U(f.second));
}

int64_t TableDialog::save() {
    EventRepository events(db_);
    const auto title = S(title_->GetValue());
    const auto question = S(question_->GetValue());
    return db_.write(table_id_ ? trf("Edit the table {title}", fmt::arg("title", title))
                               : trf("Add the table {title}", fmt::arg("title", title)),
                     [&] {
                         int64_t id = table_id_;
                         if (id)
                             events.update_table(id, title, question);
                         else
                             id = events.add_table(event_id_, title, question);
                         for (auto p : initial_) {
                             bool kept = false;
                             for (const auto& f : facilitators_) kept = kept || f.first == p;
                             if (!kept) events.remove_table_facilitator(id, p);
                         }
                         for (const auto& f : facilitators_) events.add_table_facilitator(id, f.first);
                         return id;
                     });
}

// ---- Registration --------------------------------------------------------------------
namespace {

// A new person typed in the registration dialog: first name, last name, email.
class NewPersonDialog : public wxDialog {
public:
    NewPersonDialog(wxWindow* parent, const wxString& typed) : wxDialog(parent, wxID_ANY, _("New person")) {
        SetName("new-person-dialog");
        Grid grid(this);
        const auto space = typed.Find(' ');
        first_ = grid.add(_("First name:"), text(this, "first", space == wxNOT_FOUND ? typed : typed.Left(size_t(space))));
        first_->SetMinSize(wxSize(280, -1));
        last_ = grid.add(_("Last name:"), text(this, "last", space == wxNOT_FOUND ? wxString() : typed.Mid(size_t(space) + 1)));
        email_ = grid.add(_("Email:"), text(this, "email"));
        finish(this, grid.sizer());
        on_ok(this, [this] {
            if (S(last_->GetValue()).empty() && S(first_->GetValue()).empty())
                return warn(this, GetTitle(), _("A person needs a name."));
            return true;
        });
    }
    Person person() const {
        Person p;
        p.first_name = S(first_->GetValue());
        p.last_name = S(last_->GetValue());
        p.email = S(email_->GetValue());
        p.roles = {"worker"};
        return p;
    }

private:
    wxTextCtrl *first_, *last_, *email_;
};

}  // namespace

RegisterDialog::RegisterDialog(wxWindow* parent, Database& db, int64_t event_id)
    : EventPartDialog(parent, _("Register a person"), "register-dialog", db, event_id) {
    Grid grid(this);
    person_ = grid.add(_("Person:"), named(new ui::PersonPicker(this, db, {}, EventRepository(db).first_date(event_id)), "person"));
    person_->SetMinSize(wxSize(380, -1));
    person_->set_create_new(_("New person…"), [this](const wxString& typed) {
        NewPersonDialog d(this, typed);
        if (d.ShowModal() != wxID_OK) return;
        try {
            const auto p = d.person();
            const auto id = PersonRepository(db_).create(p);
            person_->set_selection(id, U(p.display_name()));
        } catch (const std::exception& e) {
            warn(this, GetTitle(), U(e.what()));
        }
    });
    role_ = grid.add(_("Role:"), named(role_choice(this), "role"), 0);
    table_ = grid.add(_("Table chosen:"), named(new ui::RecordChoice(this, _("(no choice)")), "table"), 0);
    std::vector<std::pair<int64_t, wxString>> tables;
    for (const auto& t : EventRepository(db).tables(event_id))
        tables.emplace_back(t.id, wxString::Format("%d. ", t.position) + U(t.title));
    table_->set_records(tables, std::nullopt);
    finish(this, grid.sizer());
    on_ok(this, [this] {
        if (!person_->selection()) return warn(this, GetTitle(), _("Choose the person (or create a new one)."));
        if (RegistrationService(db_).find(event_id_, *person_->selection()))
            return warn(this, GetTitle(), _("This person is already registered for this event."));
        return true;
    });
}

Registration RegisterDialog::save() {
    RegistrationRequest r;
    r.event_id = event_id_;
    r.person_id = *person_->selection();
    r.role = chosen_role(role_);
    r.table_choice_id = table_->chosen();
    return db_.write(trf("Register {name}", fmt::arg("name", person_name(db_, r.person_id))),
                     [&] { return RegistrationService(db_).register_person(r); });
}

// ---- Import --------------------------------------------------------------------------
ImportDialog::ImportDialog(wxWindow* parent, ui::UiContext& context, int64_t event_id)
    : wxDialog(parent, wxID_ANY, _("Import registrations from the web form"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      context_(context), event_id_(event_id) {
    SetName("import-dialog");
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    row->Add(new wxStaticText(this, wxID_ANY, _("File:")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 6);
    file_ = text(this, "file");
    file_->SetHint(_("The CSV file the web form exported"));
    row->Add(file_, 1, wxRIGHT, 6);
    auto* choose = named(new wxButton(this, wxID_ANY, _("Choose…")), "choose-file");
    row->Add(choose, 0);
    sizer->Add(row, 0, wxEXPAND | wxBOTTOM, 6);
    problem_ = named(new wxStaticText(this, wxID_ANY, _("Choose the file to see what will be imported.")), "problem");
    sizer->Add(problem_, 0, wxEXPAND | wxBOTTOM, 6);
    preview_ = new ui::ListPanel(this, &context,
                                 {.id = "exchange.import_preview",
                                  .name = "preview",
                                  .title = _("Import preview"),
                                  .columns = {{_("Line"), 50, ui::ColumnKind::Integer},
                                              {_("Name"), 170},
                                              {_("Email"), 200},
                                              {_("Institution"), 180},
                                              {_("Sector"), 130},
                                              {_("What happens"), 300}},
                                  .search = false});
    preview_->SetMinSize(wxSize(1060, 320));
    sizer->Add(preview_, 1, wxEXPAND | wxBOTTOM, 6);
    auto* merge_row = new wxBoxSizer(wxHORIZONTAL);
    merge_row->Add(new wxStaticText(this, wxID_ANY, _("Rows that look like known records:")), 0,
                   wxALIGN_CENTER_VERTICAL | wxRIGHT, 6);
    merge_ = named(ui::choice(this, {_("Merge with the known records"), _("Create new records")}), "merge");
    merge_row->Add(merge_, 0);
    sizer->Add(merge_row, 0, wxBOTTOM, 6);
    auto* outer = new wxBoxSizer(wxVERTICAL);
    outer->Add(sizer, 1, wxEXPAND | wxALL, 12);
    auto* buttons = ui::ok_cancel_buttons(this);
    outer->Add(buttons, 0, wxEXPAND | wxALL, 8);
    SetSizerAndFit(outer);
    if (auto* ok = FindWindow(wxID_OK)) {
        ok->SetLabel(_("Import"));
        ok->Disable();
    }
    merge_->Disable();
    CentreOnParent();

    file_->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { load(); });
    choose->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        wxFileDialog open(this, _("Registrations exported by the web form"), "", "", _("CSV files (*.csv)|*.csv"),
                          wxFD_OPEN | wxFD_FILE_MUST_EXIST);
        if (open.ShowModal() == wxID_OK) file_->SetValue(open.GetPath());
    });
}

void ImportDialog::load() {
    ready_ = false;
    plan_ = {};
    auto rows = std::make_shared<ui::TableRowSource>();
    const auto path = S(file_->GetValue());
    std::error_code ec;
    if (path.empty() || !std::filesystem::is_regular_file(std::filesystem::u8path(path), ec)) {
        problem_->SetLabel(path.empty() ? _("Choose the file to see what will be imported.") : _("No such file."));
    } else {
        try {
            plan_ = plan_import(context_.database(), event_id_, read_registrations_csv(std::filesystem::u8path(path)));
            int64_t n = 0;
            for (const auto& p : plan_.rows) {
                wxString what;
                if (p.duplicate_of_line)
                    what = wxString::Format(_("Skipped: the same person as line %d"), p.duplicate_of_line);
                else if (p.already_registered)
                    what = _("Skipped: already registered");
                else if (p.person)
                    what = wxString::Format(_("Known person? %s (%s)"), U(p.person->name), U(p.person->reason));
                else
                    what = _("New person");
                if (p.institution && !p.institution->exact && !p.duplicate_of_line && !p.already_registered)
                    what += wxString::FromUTF8(" · ") +
                            wxString::Format(_("institution \"%s\"?"), U(p.institution->name));
                rows->add(++n, {wxString::Format("%d", p.row.line), U(p.row.first_name + " " + p.row.last_name),
                                U(p.row.email), U(p.row.institution), U(p.row.sector), what});
            }
            problem_->SetLabel(wxString::Format(_("%zu rows read; nothing is written before you press Import."),
                                                plan_.rows.size()));
            ready_ = !plan_.rows.empty();
        } catch (const std::exception& e) {
            problem_->SetLabel(U(e.what()));
        }
    }
    preview_->set_source(rows);
    merge_->Enable(ready_ && plan_.needs_confirmation());
    if (auto* ok = FindWindow(wxID_OK)) ok->Enable(ready_);
    Layout();
}

ImportResult ImportDialog::save() {
    ImportOptions options;
    if (plan_.needs_confirmation()) {
        options.confirm_merges = merge_->GetSelection() == 0;
        options.create_new = !options.confirm_merges;
    }
    auto& db = context_.database();
    return db.write(trf("Import {n} registrations", fmt::arg("n", plan_.rows.size())),
                    [&] { return apply_import(db, event_id_, plan_, options); });
}

// ---- Certificates --------------------------------------------------------------------
CertificatesDialog::CertificatesDialog(wxWindow* parent, Database& db, int64_t event_id)
    : wxDialog(parent, wxID_ANY, _("Attendance certificates")) {
    SetName("certificates-dialog");
    Grid grid(this);
    who_ = grid.add(_("For:"), named(new wxChoice(this, wxID_ANY), "who"));
    who_->Append(_("Everyone who attended"));
    for (const auto& r : RegistrationService(db).list(event_id))
        if (r.status == "attended") {
            who_->Append(U(r.person_name));
            people_.push_back(r.person_id);
        }
    who_->SetSelection(0);
    format_ = grid.add(_("Format:"), named(ui::choice(this, {_("PDF (to send or print)"), _("HTML pages")}), "format"),
                       0);
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    folder_ = text(this, "folder");
    folder_->SetMinSize(wxSize(320, -1));
    row->Add(folder_, 1, wxRIGHT, 6);
    auto* choose = named(new wxButton(this, wxID_ANY, _("Choose…")), "choose-folder");
    row->Add(choose, 0);
    grid.add_sizer(_("Folder:"), row);
    finish(this, grid.sizer());
    choose->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        wxDirDialog dir(this, _("Folder for the certificates"), folder_->GetValue());
        if (dir.ShowModal() == wxID_OK) folder_->SetValue(dir.GetPath());
    });
    on_ok(this, [this] {
        if (people_.empty()) return warn(this, GetTitle(), _("Nobody is marked as attended yet: check people in first."));
        if (S(folder_->GetValue()).empty()) return warn(this, GetTitle(), _("Choose the folder to write them into."));
        return true;
    });
}

std::optional<int64_t> CertificatesDialog::person() const {
    const int n = who_->GetSelection();
    if (n <= 0) return std::nullopt;
    return people_.at(size_t(n - 1));
}
bool CertificatesDialog::pdf() const { return format_->GetSelection() == 0; }
std::string CertificatesDialog::folder() const { return S(folder_->GetValue()); }

// ---- Publication ---------------------------------------------------------------------
PublicationDialog::PublicationDialog(wxWindow* parent, const Publication& publication)
    : wxDialog(parent, wxID_ANY, publication.id ? _("Edit the publication") : _("Add a publication")), p_(publication) {
    SetName("publication-dialog");
    Grid grid(this);
    title_ = grid.add(_("Title:"), text(this, "title", U(p_.title)));
    title_->SetMinSize(wxSize(360, -1));
    collection_ = grid.add(_("Collection:"), text(this, "collection", U(p_.collection)));
    number_ = grid.add(_("Number:"), text(this, "number", U(p_.number)));
    languages_ = grid.add(_("Languages:"), text(this, "languages", U(p_.languages)));
    languages_->SetHint("fr,nl");
    copies_ = grid.add(_("Copies:"), text(this, "copies", p_.copies ? wxString::Format("%lld", (long long)*p_.copies) : wxString()));
    date_ = grid.add(_("Date:"), named(new ui::DatePicker(this, true), "date"), 0);
    date_->set_iso(p_.date);
    link_ = grid.add(_("Link:"), text(this, "link", U(p_.link)));
    notes_ = grid.add(_("Notes:"), text(this, "notes", U(p_.notes), wxTE_MULTILINE, 60));
    finish(this, grid.sizer());
    on_ok(this, [this] {
        if (S(title_->GetValue()).empty()) return warn(this, GetTitle(), _("A publication needs a title."));
        if (!date_->problem().empty()) return warn(this, GetTitle(), date_->problem());
        long copies = 0;
        if (!S(copies_->GetValue()).empty() && (!copies_->GetValue().Strip(wxString::both).ToLong(&copies) || copies < 0))
            return warn(this, GetTitle(), _("Copies: a whole number, 0 or more."));
        return true;
    });
}

Publication PublicationDialog::publication() const {
    Publication p = p_;
    p.title = S(title_->GetValue());
    p.collection = S(collection_->GetValue());
    p.number = S(number_->GetValue());
    p.languages = S(languages_->GetValue());
    long copies = 0;
    p.copies = S(copies_->GetValue()).empty() || !copies_->GetValue().Strip(wxString::both).ToLong(&copies)
                   ? std::nullopt
                   : std::optional<int64_t>(copies);
    p.date = date_->iso();
    p.link = S(link_->GetValue());
    p.notes = S(notes_->GetValue());
    return p;
}

std::vector<ui::ListColumn> publication_columns() {
    return {{_("Title"), 300},
            {_("Collection"), 160},
            {_("Number"), 60},
            {_("Date"), 100, ui::ColumnKind::Date},
            {_("Copies"), 70, ui::ColumnKind::Integer}};
}

std::vector<wxString> publication_cells(const Publication& p) {
    return {U(p.title), U(p.collection), U(p.number), ui::display_date(p.date),
            p.copies ? wxString::Format("%lld", static_cast<long long>(*p.copies)) : wxString()};
}

std::optional<Publication> ask_publication(wxWindow* parent, EventRepository& events, int64_t id,
                                           const std::string& new_date) {
    Publication p;
    if (id)
        for (const auto& x : events.publications())
            if (x.id == id) p = x;
    if (!id && !new_date.empty()) p.date = new_date;
    PublicationDialog d(parent, p);
    if (d.ShowModal() != wxID_OK) return std::nullopt;
    return d.publication();
}

std::string publication_change(const Publication& edited, bool existing) {
    return existing ? trf("Edit the publication {title}", fmt::arg("title", edited.title))
                    : trf("Add the publication {title}", fmt::arg("title", edited.title));
}

// ---- Publications of a year ----------------------------------------------------------
PublicationsDialog::PublicationsDialog(wxWindow* parent, ui::UiContext& context, int year)
    : wxDialog(parent, wxID_ANY, _("Publications"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      context_(context) {
    SetName("publications-dialog");
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    auto* bar = new wxBoxSizer(wxHORIZONTAL);
    year_ = ui::add_labelled(bar, _("Year"), ui::year_spin(this, year), "year", 0);
    sizer->Add(bar, 0, wxALL, 8);
    auto columns = publication_columns();
    columns.push_back({_("Events"), 300});
    auto edit_selected = [this] {
        if (auto id = list_->selected_id()) edit(*id);
    };
    list_ = new ui::ListPanel(this, &context,
                              {.id = "exchange.publications_year",
                               .name = "publications",
                               .title = _("Publications"),
                               .columns = columns,
                               .buttons = {{_("Add..."), [this] { edit(0); }, "publication-add"},
                                           {_("Edit..."), edit_selected, "publication-edit"}},
                               .on_activate = edit_selected});
    list_->SetMinSize(wxSize(1010, 320));
    sizer->Add(list_, 1, wxEXPAND | wxLEFT | wxRIGHT, 8);
    auto* close = new wxButton(this, wxID_CANCEL, _("Close"));
    sizer->Add(close, 0, wxALIGN_RIGHT | wxALL, 8);
    SetSizerAndFit(sizer);
    CentreOnParent();
    year_->Bind(wxEVT_SPINCTRL, [this](wxSpinEvent&) { load(); });
    load();
}

void PublicationsDialog::load() {
    auto& db = context_.database();
    EventRepository events(db);
    const auto y = std::to_string(year_->GetValue());
    auto rows = std::make_shared<ui::TableRowSource>();
    for (const auto& p : events.publications(y + "-01-01", y + "-12-31")) {
        std::string from;
        for (auto e : events.publication_events(p.id))
            if (auto ev = events.get(e)) from += (from.empty() ? "" : ", ") + ev->title;
        auto cells = publication_cells(p);
        cells.push_back(U(from));
        rows->add(p.id, std::move(cells));
    }
    list_->set_source(rows);
}

void PublicationsDialog::edit(int64_t id) {
    auto& db = context_.database();
    EventRepository events(db);
    const auto edited = ask_publication(this, events, id, std::to_string(year_->GetValue()) + "-01-01");
    if (!edited) return;
    try {
        db.write(publication_change(*edited, id != 0), [&] {
            if (id)
                events.update_publication(*edited);
            else
                events.add_publication(*edited);
        });
        context_.data_changed();
        load();
    } catch (const std::exception& e) {
        warn(this, GetTitle(), U(e.what()));
    }
}

// ---- Saving a file -------------------------------------------------------------------
SaveFileDialog::SaveFileDialog(wxWindow* parent, const wxString& title, const std::string& base_name,
                               const std::vector<std::pair<wxString, std::string>>& formats)
    : wxDialog(parent, wxID_ANY, title) {
    SetName("save-file-dialog");
    wxString wildcard;
    for (const auto& [label, ext] : formats)
        wildcard += (wildcard.empty() ? "" : "|") + label + " (*." + U(ext) + ")|*." + U(ext);
    const auto first = formats.empty() ? std::string("csv") : formats.front().second;
    const wxString folder = wxStandardPaths::Get().GetDocumentsDir();
    Grid grid(this);
    file_ = grid.add(_("File:"), named(new wxFilePickerCtrl(this, wxID_ANY,
                                                            folder + wxFILE_SEP_PATH + U(base_name + "." + first),
                                                            title, wildcard, wxDefaultPosition, wxDefaultSize,
                                                            wxFLP_SAVE | wxFLP_OVERWRITE_PROMPT | wxFLP_USE_TEXTCTRL),
                                       "file"));
    file_->SetMinSize(wxSize(460, -1));
    finish(this, grid.sizer());
    if (auto* ok = FindWindow(wxID_OK)) ok->SetLabel(_("Save"));
    on_ok(this, [this, formats] {
        if (S(file_->GetPath()).empty()) return warn(this, GetTitle(), _("Choose where to save the file."));
        for (const auto& f : formats)
            if (extension() == f.second) return true;
        wxString names;
        for (const auto& f : formats) names += (names.empty() ? "." : ", .") + U(f.second);
        return warn(this, GetTitle(), wxString::Format(_("The file name must end with %s."), names));
    });
}

std::string SaveFileDialog::path() const { return S(file_->GetPath()); }

std::string SaveFileDialog::extension() const {
    auto ext = std::filesystem::u8path(path()).extension().string();
    if (!ext.empty() && ext[0] == '.') ext.erase(0, 1);
    for (auto& c : ext) c = char(std::tolower(static_cast<unsigned char>(c)));
    return ext;
}

}  // namespace maillage::exchange
