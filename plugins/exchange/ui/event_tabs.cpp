// core/i18n.h first: its N_ must win over the one wx defines only when none exists.
#include "core/i18n.h"
#include "ui/event_tabs.h"

#include "events.h"
#include "exchange_figures.h"
#include "exchange_outputs.h"
#include "registration_import.h"
#include "registrations.h"
#include "table_assignment.h"
#include "exchange_evaluation.h"
#include "ui/exchange_dialogs.h"

#include "core/database.h"
#include "core/error.h"
#include "core/institutions.h"
#include "core/people.h"
#include "core/programmes.h"
#include "core/sessions.h"
#include "core/sectors.h"
#include "shared-ui/dialog_frame.h"
#include "shared-ui/chart.h"
#include "shared-ui/confirm_delete.h"
#include "shared-ui/progress.h"
#include "shared-ui/questionnaire_form.h"
#include "shared-ui/questionnaire_results.h"
#include "shared-ui/list_panel.h"
#include "shared-ui/display.h"
#include "shared-ui/messages.h"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/choicdlg.h>
#include <wx/dirdlg.h>
#include <wx/msgdlg.h>
#include <wx/panel.h>
#include <wx/sizer.h>
#include <wx/srchctrl.h>
#include <wx/statbox.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/textdlg.h>
#include <wx/wrapsizer.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>

namespace maillage::exchange {
namespace {

wxString U(const std::string& s) { return wxString::FromUTF8(s); }

// Runs a user action; a maillage::Error becomes a message box instead of an exception.
template <class F>
bool guarded(wxWindow* parent, F&& fn) {
    try {
        fn();
        return true;
    } catch (const std::exception& e) {
        ui::show_error(parent, U(e.what()));
        return false;
    }
}

// The record selected in `list`, as `get(id)` finds it (an optional); none when no row
// is selected or the record is gone.
template <class Get>
auto selected_record(const ui::ListPanel* list, Get&& get) -> decltype(get(int64_t{})) {
    if (const auto id = list->selected_id()) return get(*id);
    return std::nullopt;
}

// The registrations of an event in the shared list (sort, search, status filter,
// export); selected() gives the registration behind the selected row.
class RegistrationList : public ui::ListPanel {
public:
    RegistrationList(wxWindow* parent, ui::UiContext& context, const char* id, bool search)
        : ui::ListPanel(parent, &context,
                        {.id = id,
                         .title = _("Registrations"),
                         .columns = {{_("Name"), 180},
                                     {_("Institution"), 220},
                                     {_("Sector"), 150},
                                     {_("Role"), 90},
                                     {_("Status"), 110, ui::ColumnKind::Status},
                                     {_("Waiting list"), 70, ui::ColumnKind::Integer},
                                     {_("Table"), 60, ui::ColumnKind::Integer}},
                         .search = search,
                         .search_hint = _("Search name, institution, sector…"),
                         .statuses = status_choices()}) {}
    void set_rows(std::vector<Registration> rows, const std::map<int64_t, std::string>& sectors,
                  const std::map<int64_t, int>& tables) {
        rows_ = std::move(rows);
        auto source = std::make_shared<ui::TableRowSource>();
        source->reserve(rows_.size());
        for (const auto& r : rows_) {
            wxString sector, table;
            if (r.sector_id)
                if (auto it = sectors.find(*r.sector_id); it != sectors.end()) sector = U(it->second);
            if (r.table_id)
                if (auto it = tables.find(*r.table_id); it != tables.end()) table = wxString::Format("%d", it->second);
            source->add(r.id, {U(r.person_name), U(r.institution_name), sector, U(role_label(r.role)),
                               U(status_label(r.status)),
                               r.waiting_position
                                   ? wxString::Format("%lld", static_cast<long long>(*r.waiting_position))
                                   : wxString(),
                               table});
        }
        set_source(source);
    }
    const Registration* selected() const {
        const auto id = selected_id();
        if (!id) return nullptr;
        for (const auto& r : rows_)
            if (r.id == *id) return &r;
        return nullptr;
    }
    size_t size() const { return rows_.size(); }

private:
    static std::vector<wxString> status_choices() {
        std::vector<wxString> out;
        for (const auto& s : registration_statuses()) out.push_back(U(status_label(s)));
        return out;
    }
    std::vector<Registration> rows_;
};

std::map<int64_t, std::string> sector_labels(Database& db, const std::string& language) {
    std::map<int64_t, std::string> m;
    for (const auto& s : SectorRepository(db).list(true)) m[s.id] = s.label(language);
    return m;
}

std::map<int64_t, int> table_numbers(Database& db, int64_t event_id) {
    std::map<int64_t, int> m;
    for (const auto& t : EventRepository(db).tables(event_id)) m[t.id] = t.position;
    return m;
}

std::string institution_name(Database& db, int64_t id) {
    auto i = InstitutionRepository(db).get(id);
    return i ? i->name : std::string();
}

std::string person_name(Database& db, int64_t id) {
    auto p = PersonRepository(db).get(id);
    return p ? p->display_name() : std::string();
}

}  // namespace

// What every tab of an event shares: the page's context, the tabs (whose changed()
// reloads them all), and recording a change in one undoable step.
class EventTab : public wxPanel {
public:
    // `orient`: how sizer_, the tab's sizer, lays out its parts.
    EventTab(wxWindow* parent, ui::UiContext& context, EventTabs& owner, int orient = wxVERTICAL)
        : wxPanel(parent), context_(context), owner_(owner), sizer_(new wxBoxSizer(orient)) {
        SetSizer(sizer_);
    }

protected:
    // Records `fn` as one change named `label`; the tabs reload when it succeeded.
    template <class F>
    bool record(const std::string& label, F&& fn) {
        auto& db = context_.database();
        if (!guarded(this, [&] { db.write(label, fn); })) return false;
        changed();
        return true;
    }
    void changed() { owner_.changed(); }
    // Asks for an institution in `role`'s dialog and records `add(db, dialog)` as one change
    // named by `label` (N_("... {name} ..."), the institution's name); nothing without an
    // event or when cancelled.
    template <class F>
    void add_institution(InstitutionDialog::Role role, const char* label, F&& add) {
        if (!owner_.event_id()) return;
        auto& db = context_.database();
        InstitutionDialog d(this, db, role);
        if (d.ShowModal() != wxID_OK) return;
        record(trf(label, fmt::arg("name", institution_name(db, *d.institution()))), [&] { add(db, d); });
    }

    // Shows `Dialog(this, database, event, args...)` for the current event and saves it
    // when confirmed; the tabs reload when that succeeded.
    template <class Dialog, class... Args>
    void save_dialog(Args... args) {
        if (!owner_.event_id()) return;
        Dialog d(this, context_.database(), owner_.event_id(), args...);
        if (d.ShowModal() != wxID_OK) return;
        if (guarded(this, [&] { d.save(); })) changed();
    }

    ui::UiContext& context_;
    EventTabs& owner_;
    wxBoxSizer* sizer_;
};

// --- Event (what it is) ----------------------------------------------------------------
class OverviewTab : public EventTab {
public:
    OverviewTab(wxWindow* parent, ui::UiContext& context, EventTabs& owner)
        : EventTab(parent, context, owner, wxHORIZONTAL) {
        text_ = new wxTextCtrl(this, wxID_ANY, "", wxDefaultPosition, wxDefaultSize,
                               wxTE_MULTILINE | wxTE_READONLY | wxTE_WORDWRAP | wxBORDER_NONE);
        text_->SetName("event-details");
        sizer_->Add(text_, 3, wxEXPAND | wxALL, 8);
        // Working groups count their meetings and the services taking part.
        services_ = new ui::ListPanel(this, &context,
                                      {.id = "exchange.group_services",
                                       .name = "group-services",
                                       .title = _("Services taking part (working groups)"),
                                       .columns = {{_("Services taking part (working groups)"), 300}},
                                       .search = false,
                                       .buttons = {{_("Add..."), [this] { add_service(); }, "group-service-add"},
                                                   {_("Remove"), [this] { remove_service(); }, "group-service-remove"}}});
        sizer_->Add(services_, 2, wxEXPAND | wxALL, 4);
    }

private:
    void add_service() {
        add_institution(InstitutionDialog::Role::GroupService, N_("Add {name} to the working group"),
                        [this](Database& db, const InstitutionDialog& d) {
                            EventRepository(db).add_group_service(owner_.event_id(), *d.institution());
                        });
    }
    void remove_service() {
        const auto id = services_->selected_id();
        if (!id || !owner_.event_id()) return;
        auto& db = context_.database();
        const auto name = institution_name(db, *id);
        record(trf("Remove {name} from the working group", fmt::arg("name", name)),
               [&] { EventRepository(db).remove_group_service(owner_.event_id(), *id); });
    }

public:
    void load(int64_t event_id) {
        auto services = std::make_shared<ui::TableRowSource>();
        if (event_id)
            for (auto id : EventRepository(context_.database()).group_services(event_id))
                services->add(id, {U(institution_name(context_.database(), id))});
        services_->set_source(services);
        if (!event_id) {
            text_->SetValue(_("Choose an event in the list, or create one with \"New event...\"."));
            return;
        }
        auto& db = context_.database();
        EventRepository events(db);
        const auto e = events.get(event_id);
        if (!e) return;
        wxString t = U(e->title) + "\n";
        if (auto type = events.type(e->type_id)) t += U(type->label(context_.language()));
        if (!e->theme.empty()) t += wxString::FromUTF8(" · ") + U(e->theme);
        t += "\n\n";
        const auto days = events.days(event_id);
        t += days.size() == 1 ? _("Day:") : _("Days:");
        t += "\n";
        for (const auto& d : days) {
            t += wxString::FromUTF8("  • ") + ui::display_long_date(d.date);
            if (!d.start_time.empty()) t += ", " + U(d.start_time) + wxString::FromUTF8("–") + U(d.end_time);
            if (d.status == "cancelled") t += " (" + _("cancelled") + ")";
            t += "\n";
        }
        auto line = [&](const wxString& label, const std::string& value) {
            if (!value.empty()) t += label + " " + U(value) + "\n";
        };
        t += "\n";
        line(_("Venue:"), e->venue);
        t += _("Seats:") + " " +
             (e->capacity ? wxString::Format("%lld", static_cast<long long>(*e->capacity)) : _("unlimited")) + "\n";
        if (e->programme_id)
            if (auto p = ProgrammeRepository(db).get(*e->programme_id)) line(_("Programme:"), p->name + " (" + p->code + ")");
        if (e->funder_id)
            if (auto f = FunderRepository(db).get(*e->funder_id)) line(_("Funder:"), f->name + " (" + f->code + ")");
        line(_("Languages:"), e->languages);
        std::string partners;
        for (auto id : events.partners(event_id)) partners += (partners.empty() ? "" : ", ") + institution_name(db, id);
        line(_("Partners:"), partners);
        if (!e->objectives.empty()) t += "\n" + _("Objectives:") + "\n" + U(e->objectives) + "\n";
        text_->SetValue(t);
    }

private:
    wxTextCtrl* text_;
    ui::ListPanel* services_;
};

// --- Committee -------------------------------------------------------------------------
class CommitteeTab : public EventTab {
public:
    CommitteeTab(wxWindow* parent, ui::UiContext& context, EventTabs& owner)
        : EventTab(parent, context, owner) {
        members_ = new ui::ListPanel(this, &context,
                                     {.id = "exchange.committee",
                                      .title = _("Member institutions and their representatives"),
                                      .columns = {{_("Institution"), 280}, {_("Representative"), 200}},
                                      .search = false,
                                      .buttons = {{_("Add a member..."), [this] { add_member(); }, "committee-add-member"},
                                                  {_("Remove the member"), [this] { remove_member(); },
                                                   "committee-remove-member"}}});
        sizer_->Add(new wxStaticText(this, wxID_ANY, _("Member institutions and their representatives")), 0, wxALL, 6);
        sizer_->Add(members_, 1, wxEXPAND);
        meetings_ = new ui::ListPanel(this, &context,
                                      {.id = "exchange.committee_meetings",
                                       .title = _("Meetings and decisions"),
                                       .columns = {{_("Date"), 100, ui::ColumnKind::Date},
                                                   {_("Status"), 80, ui::ColumnKind::Status},
                                                   {_("Members present"), 165, ui::ColumnKind::Integer},
                                                   {_("Decisions"), 480}},
                                       .search = false,
                                       .buttons = {{_("Record a meeting..."), [this] { add_meeting(); },
                                                    "committee-add-meeting"},
                                                   {_("Remove the meeting"), [this] { remove_meeting(); },
                                                    "committee-remove-meeting"}}});
        sizer_->Add(new wxStaticText(this, wxID_ANY, _("Meetings and decisions")), 0, wxALL, 6);
        sizer_->Add(meetings_, 1, wxEXPAND);
    }

private:
    void add_member() {
        add_institution(InstitutionDialog::Role::CommitteeMember, N_("Add {name} to the steering committee"),
                        [this](Database& db, const InstitutionDialog& d) {
                            EventRepository(db).add_committee_member(owner_.event_id(), *d.institution(), d.person());
                        });
    }
    void remove_member() {
        const auto id = members_->selected_id();
        if (!id) return;
        auto& db = context_.database();
        std::string name;
        for (const auto& m : EventRepository(db).committee(owner_.event_id()))
            if (m.id == *id) name = institution_name(db, m.institution_id);
        if (!ui::confirm_delete(this, wxString::Format(_("%s from the steering committee"), U(name)), {})) return;
        record(trf("Remove {name} from the steering committee", fmt::arg("name", name)),
               [&] { EventRepository(db).remove_committee_member(*id); });
    }
    void add_meeting() { save_dialog<CommitteeMeetingDialog>(); }
    void remove_meeting() {
        auto& db = context_.database();
        const auto s = selected_record(meetings_, [&](int64_t id) { return SessionRepository(db).get(id); });
        if (!s) return;
        const auto decisions = EventRepository(db).decisions(s->id).size();
        if (!ui::confirm_delete(this, wxString::Format(_("the committee meeting of %s"), ui::display_date(s->date)),
                                decisions ? wxString::Format(_("Its %zu decisions and its attendance."), decisions)
                                          : _("Its attendance.")))
            return;
        record(trf("Remove the committee meeting of {date}", fmt::arg("date", s->date)),
               [&] { EventRepository(db).remove_session(s->id); });
    }

public:
    void load(int64_t event_id) {
        auto& db = context_.database();
        EventRepository events(db);
        auto members = std::make_shared<ui::TableRowSource>();
        auto meetings = std::make_shared<ui::TableRowSource>();
        if (event_id) {
            for (const auto& m : events.committee(event_id))
                members->add(m.id, {U(institution_name(db, m.institution_id)),
                                    m.person_id ? U(person_name(db, *m.person_id)) : wxString()});
            SessionRepository sessions(db);
            for (const auto& s : events.committee_meetings(event_id)) {
                int present = 0;
                for (const auto& a : sessions.attendance(s.id))
                    if (a.status == "present") ++present;
                std::string decisions;
                for (const auto& d : events.decisions(s.id)) decisions += (decisions.empty() ? "" : " · ") + d;
                meetings->add(s.id, {ui::display_date(s.date),
                                     U(s.status == "held" ? tr("held") : s.status == "cancelled" ? tr("cancelled") : tr("planned")),
                                     wxString::Format("%d", present), U(decisions)});
            }
        }
        members_->set_source(members);
        meetings_->set_source(meetings);
    }

private:
    ui::ListPanel* members_;
    ui::ListPanel* meetings_;
};

// --- Tables ----------------------------------------------------------------------------
class TablesTab : public EventTab {
public:
    TablesTab(wxWindow* parent, ui::UiContext& context, EventTabs& owner)
        : EventTab(parent, context, owner) {
        auto edit_selected = [this] {
            if (auto id = list_->selected_id()) open(*id);
        };
        list_ = new ui::ListPanel(
            this, &context,
            {.id = "exchange.tables",
             .title = _("Tables"),
             .columns = {{_("No."), 40, ui::ColumnKind::Integer},
                         {_("Title"), 180},
                         {_("Participants"), 135, ui::ColumnKind::Integer},
                         {_("Facilitators"), 200},
                         {_("Question"), 400}},
             .search = false,
             .buttons = {{_("Add a table..."), [this] { open(0); }, "table-add"},
                         {_("Edit..."), edit_selected, "table-edit"},
                         {_("Remove the table"), [this] { remove_table(); }, "table-remove"},
                         {_("Assign participants to tables"), [this] { assign_all(false); }, "table-assign",
                          _("Keeps each participant's choice, then spreads the others evenly with a balanced mix "
                            "of sectors.")},
                         {_("Reassign everyone"), [this] { assign_all(true); }, "table-reassign",
                          _("Clears every participant's table (facilitators keep theirs), then assigns again.")}},
             .on_activate = edit_selected});
        sizer_->Add(list_, 1, wxEXPAND);
    }
    void load(int64_t event_id) {
        auto rows = std::make_shared<ui::TableRowSource>();
        if (event_id) {
            auto& db = context_.database();
            const auto f = event_figures(db, event_id, context_.language());
            for (const auto& t : EventRepository(db).tables(event_id)) {
                std::string facilitators;
                for (auto p : t.facilitator_ids) facilitators += (facilitators.empty() ? "" : ", ") + person_name(db, p);
                int64_t seated = 0;
                for (const auto& tf : f.tables)
                    if (tf.table_id == t.id) seated = tf.participants;
                rows->add(t.id, {wxString::Format("%d", t.position), U(t.title),
                                 wxString::Format("%lld", static_cast<long long>(seated)), U(facilitators),
                                 U(t.question)});
            }
        }
        list_->set_source(rows);
    }

private:
    void open(int64_t table_id) { save_dialog<TableDialog>(table_id); }
    void remove_table() {
        auto& db = context_.database();
        const auto t = selected_record(list_, [&](int64_t id) { return EventRepository(db).table(id); });
        if (!t) return;
        const auto seated = db.scalar_int("SELECT count(*) FROM exchange_registration WHERE table_id = " +
                                          std::to_string(t->id));
        if (!ui::confirm_delete(this, wxString::Format(_("the table %s"), U(t->title)),
                                seated ? wxString::Format(_("The %lld people seated there lose their seat."),
                                                          static_cast<long long>(seated))
                                       : wxString()))
            return;
        record(trf("Remove the table {title}", fmt::arg("title", t->title)),
               [&] { EventRepository(db).remove_table(t->id); });
    }
    void assign_all(bool everyone) {
        if (!owner_.event_id()) return;
        if (everyone && !ui::confirm_destructive(this, _("Reassign everyone?"),
                                                 _("Every participant's table is cleared and assigned again; "
                                                   "Edit > Undo takes it back."),
                                                 _("Reassign everyone")))
            return;
        auto& db = context_.database();
        AssignmentResult r;
        if (guarded(this, [&] {
                r = db.write(everyone ? tr("Reassign everyone to the tables") : tr("Assign participants to tables"),
                             [&] { return assign_tables(db, owner_.event_id(), everyone); });
            })) {
            context_.set_status(wxString::Format(_("%lld seated by choice, %lld spread evenly."),
                                                 static_cast<long long>(r.by_choice), static_cast<long long>(r.spread)));
            changed();
        }
    }
    ui::ListPanel* list_;
};

// --- Registrations ---------------------------------------------------------------------
class RegistrationsTab : public EventTab {
public:
    RegistrationsTab(wxWindow* parent, ui::UiContext& context, EventTabs& owner)
        : EventTab(parent, context, owner) {
        summary_ = new wxStaticText(this, wxID_ANY, "");
        summary_->SetName("registrations-summary");
        sizer_->Add(summary_, 0, wxALL, 6);
        list_ = new RegistrationList(this, context, "exchange.registrations", true);
        list_->SetName("registrations");
        sizer_->Add(list_, 1, wxEXPAND);
        // Six buttons: they wrap to a second line rather than run out of the tab.
        auto* buttons = new wxWrapSizer(wxHORIZONTAL);
        auto button = [&](const wxString& label, const char* name) { return ui::bar_button(this, buttons, label, name); };
        auto* add = button(_("Register a person..."), "register-person");
        auto* status = button(_("Change status..."), "registration-status");
        auto* role = button(_("Change role..."), "registration-role");
        auto* table = button(_("Seat at a table..."), "registration-table");
        auto* import = button(_("Import from the web form (CSV)..."), "registration-import");
        auto* exp = button(_("Export (CSV or XLSX)..."), "registration-export");
        sizer_->Add(buttons, 0, wxEXPAND | wxALL, 6);
        add->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { register_person(); });
        status->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { change_status(); });
        role->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { change_role(); });
        table->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { seat(); });
        list_->on_activate([this] { change_status(); });
        import->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { import_csv(); });
        exp->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { export_file(false); });
    }
    void load(int64_t event_id) {
        if (!event_id) {
            list_->set_rows({}, {}, {});
            summary_->SetLabel("");
            return;
        }
        auto& db = context_.database();
        RegistrationService regs(db);
        auto rows = regs.list(event_id);
        std::map<std::string, int> by_status;
        for (const auto& r : rows) ++by_status[r.status];
        const auto free = regs.seats_free(event_id);
        wxString text = wxString::Format(_("%zu registrations: %d registered, %d attended, %d on the waiting list, "
                                           "%d cancelled, %d no-shows."),
                                         rows.size(), by_status["registered"], by_status["attended"],
                                         by_status["waiting"], by_status["cancelled"], by_status["no_show"]);
        if (free) text += " " + wxString::Format(_("Free seats: %lld."), static_cast<long long>(std::max<int64_t>(0, *free)));
        if (rows.empty()) text = _("Nobody is registered yet: register a person, or import the web form's file.");
        summary_->SetLabel(text);
        list_->set_rows(std::move(rows), sector_labels(db, context_.language()), table_numbers(db, event_id));
    }

private:
    void register_person() {
        if (!owner_.event_id()) return;
        RegisterDialog d(this, context_.database(), owner_.event_id());
        if (d.ShowModal() != wxID_OK) return;
        Registration r;
        if (guarded(this, [&] { r = d.save(); })) {
            context_.set_status(r.status == "waiting"
                                    ? wxString::Format(_("%s is on the waiting list."), U(r.person_name))
                                    : wxString::Format(_("%s is registered."), U(r.person_name)));
            changed();
        }
    }
    void change_status() {
        const auto* r = list_->selected();
        if (!r) return;
        wxArrayString labels;
        std::vector<std::string> codes;
        for (const auto& s : registration_statuses())
            if (transition_allowed(r->status, s)) {
                labels.Add(U(status_label(s)));
                codes.push_back(s);
            }
        if (codes.empty()) return;
        wxSingleChoiceDialog choice(this, wxString::Format(_("New status for %s:"), U(r->person_name)),
                                    _("Change status"), labels);
        if (choice.ShowModal() != wxID_OK) return;
        const auto to = codes[size_t(choice.GetSelection())];
        std::string reason;
        if (to == "cancelled") {
            wxTextEntryDialog why(this, _("Reason for the cancellation:"), _("Change status"));
            if (why.ShowModal() != wxID_OK) return;
            reason = why.GetValue().utf8_string();
        }
        const auto id = r->id;
        const auto name = r->person_name;
        auto& db = context_.database();
        record(trf("{name}: {status}", fmt::arg("name", name), fmt::arg("status", status_label(to))),
               [&] { RegistrationService(db).set_status(id, to, reason); });
    }
    void change_role() {
        const auto* r = list_->selected();
        if (!r) return;
        wxArrayString labels;
        for (const auto& role : registration_roles()) labels.Add(U(role_label(role)));
        wxSingleChoiceDialog choice(this, wxString::Format(_("Role of %s:"), U(r->person_name)), _("Change role"), labels);
        const auto& roles = registration_roles();
        for (size_t i = 0; i < roles.size(); ++i)
            if (roles[i] == r->role) choice.SetSelection(int(i));
        if (choice.ShowModal() != wxID_OK) return;
        const auto role = roles[size_t(choice.GetSelection())];
        const auto id = r->id;
        const auto name = r->person_name;
        auto& db = context_.database();
        record(trf("{name}: {role}", fmt::arg("name", name), fmt::arg("role", role_label(role))),
               [&] { RegistrationService(db).set_role(id, role); });
    }
    void seat() {
        const auto* r = list_->selected();
        if (!r) return;
        auto& db = context_.database();
        const auto tables = EventRepository(db).tables(owner_.event_id());
        if (tables.empty()) {
            ui::show_info(this, _("This event has no tables yet: add them in the Tables tab."));
            return;
        }
        wxArrayString labels;
        labels.Add(_("(no table)"));
        for (const auto& t : tables) labels.Add(wxString::Format("%d. ", t.position) + U(t.title));
        wxSingleChoiceDialog choice(this, wxString::Format(_("Table of %s:"), U(r->person_name)), _("Seat at a table"),
                                    labels);
        if (choice.ShowModal() != wxID_OK) return;
        const int n = choice.GetSelection();
        const auto table = n > 0 ? std::optional<int64_t>(tables[size_t(n - 1)].id) : std::nullopt;
        const auto id = r->id;
        const auto name = r->person_name;
        record(trf("Seat {name}", fmt::arg("name", name)), [&] { set_table(db, id, table); });
    }
    void import_csv() {
        if (!owner_.event_id()) return;
        ImportDialog d(this, context_, owner_.event_id());
        if (d.ShowModal() != wxID_OK) return;
        ImportResult r;
        if (guarded(this, [&] { r = d.save(); })) {
            context_.set_status(wxString::Format(_("%lld registrations imported, %lld rows skipped."),
                                                 static_cast<long long>(r.registrations),
                                                 static_cast<long long>(r.skipped)));
            changed();
        }
    }

public:
    // The registrations, or only the people who attended, as a CSV or XLSX file.
    void export_file(bool attended_only) {
        if (!owner_.event_id()) return;
        SaveFileDialog save(this, attended_only ? _("Export the attended list") : _("Export registrations"),
                            attended_only ? "participants" : "registrations",
                            {{_("Excel workbook"), "xlsx"}, {_("CSV"), "csv"}});
        if (save.ShowModal() != wxID_OK) return;
        guarded(this, [&] {
            const auto rows = registration_rows(context_.database(), owner_.event_id(), attended_only);
            const auto path = std::filesystem::u8path(save.path());
            if (save.extension() == "xlsx")
                write_xlsx(path, rows, attended_only ? tr("Participants") : tr("Registrations"));
            else
                write_csv(path, rows);
            context_.set_status(wxString::Format(_("Saved %s."), U(save.path())));
        });
    }

private:
    wxStaticText* summary_;
    RegistrationList* list_;
};

// --- Check-in --------------------------------------------------------------------------
class CheckInTab : public EventTab {
public:
    CheckInTab(wxWindow* parent, ui::UiContext& context, EventTabs& owner)
        : EventTab(parent, context, owner) {
        // The door: a search box that filters as one types (Enter checks in the first
        // match), the matches, and below the walk-in form.
        search_ = new wxSearchCtrl(this, wxID_ANY, "", wxDefaultPosition, wxDefaultSize, wxTE_PROCESS_ENTER);
        search_->SetName("checkin-search");
        search_->SetDescriptiveText(_("Type a name, an email or an institution"));
        sizer_->Add(search_, 0, wxEXPAND | wxALL, 6);
        list_ = new RegistrationList(this, context, "exchange.checkin", false);
        sizer_->Add(list_, 1, wxEXPAND);
        auto* check = new wxButton(this, wxID_ANY, _("Check in (Enter)"));
        check->SetName("checkin");
        sizer_->Add(check, 0, wxALL, 6);

        auto* title = new wxStaticText(this, wxID_ANY, _("Walk-in (not registered)"));
        title->SetFont(title->GetFont().Bold());
        title->SetMinSize(title->GetTextExtent(title->GetLabel()) + wxSize(FromDIP(16), 0));
        sizer_->Add(title, 0, wxLEFT | wxRIGHT | wxTOP, 6);
        auto* row = new wxBoxSizer(wxHORIZONTAL);
        auto field = [&](const wxString& hint, const char* name, int proportion) {
            auto* t = new wxTextCtrl(this, wxID_ANY);
            t->SetHint(hint);
            t->SetName(name);
            row->Add(t, proportion, wxRIGHT, 6);
            return t;
        };
        email_ = field(_("Email"), "walkin-email", 3);
        first_ = field(_("First name"), "walkin-first", 2);
        last_ = field(_("Last name"), "walkin-last", 2);
        institution_ = field(_("Institution"), "walkin-institution", 3);
        sizer_->Add(row, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, 6);
        auto* row2 = new wxBoxSizer(wxHORIZONTAL);
        row2->Add(new wxStaticText(this, wxID_ANY, _("Sector:")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 4);
        sector_ = new wxChoice(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(260, -1)));
        sector_->SetName("walkin-sector");
        row2->Add(sector_, 0, wxRIGHT, 12);
        row2->Add(new wxStaticText(this, wxID_ANY, _("Role:")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 4);
        role_ = role_choice(this);
        role_->SetName("walkin-role");
        row2->Add(role_, 0, wxRIGHT, 12);
        auto* add = new wxButton(this, wxID_ANY, _("Add and mark attended"));
        add->SetName("walkin-add");
        row2->Add(add, 0, wxRIGHT, 12);
        known_ = new wxStaticText(this, wxID_ANY, "");
        known_->SetName("walkin-known");
        row2->Add(known_, 1, wxALIGN_CENTER_VERTICAL);
        sizer_->Add(row2, 0, wxEXPAND | wxALL, 6);

        search_->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { search(); });
        search_->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) { check_in(); });
        list_->on_activate([this] { check_in(); });
        check->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { check_in(); });
        add->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { walk_in(); });
        email_->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { email_typed(); });
    }
    void load(int64_t) {
        // The sector chosen for a walk-in being typed stays chosen across reloads.
        auto& db = context_.database();
        const int chosen = sector_->GetSelection();
        const int64_t kept = chosen > 0 && size_t(chosen) < sector_ids_.size() ? sector_ids_[size_t(chosen)] : 0;
        sector_ids_ = {0};
        sector_->Clear();
        sector_->Append(_("(unknown)"));
        int select = 0;
        for (const auto& s : SectorRepository(db).list(false)) {
            sector_->Append(U(s.label(context_.language())));
            sector_ids_.push_back(s.id);
            if (s.id == kept) select = int(sector_ids_.size()) - 1;
        }
        sector_->SetSelection(select);
        search();
    }

private:
    void search() {
        if (!owner_.event_id()) {
            list_->set_rows({}, {}, {});
            return;
        }
        auto& db = context_.database();
        auto rows = RegistrationService(db).search(owner_.event_id(), search_->GetValue().utf8_string(), 50);
        list_->set_rows(std::move(rows), sector_labels(db, context_.language()), table_numbers(db, owner_.event_id()));
        if (list_->size() > 0) list_->select_id(list_->list()->id_at(0));
    }
    void check_in() {
        const auto* r = list_->selected();
        if (!r) return;
        const auto id = r->id;
        const auto name = U(r->person_name);
        auto& db = context_.database();
        if (guarded(this, [&] {
                db.write(trf("Check in {name}", fmt::arg("name", r->person_name)),
                         [&] { RegistrationService(db).check_in(id); });
            })) {
            context_.set_status(wxString::Format(_("%s checked in."), name));
            owner_.changed();
            search_->Clear();
            search_->SetFocus();
        }
    }
    // A known email fills the name: the walk-in is that person, not a new one.
    void email_typed() {
        const auto email = email_->GetValue().Strip(wxString::both).utf8_string();
        known_->SetLabel("");
        if (email.empty()) return;
        if (auto p = PersonRepository(context_.database()).find_by_email(email)) {
            first_->ChangeValue(U(p->first_name));
            last_->ChangeValue(U(p->last_name));
            known_->SetLabel(wxString::Format(_("Known: %s"), U(p->display_name())));
        }
    }
    void walk_in() {
        if (!owner_.event_id()) return;
        auto& db = context_.database();
        WalkIn w;
        w.first_name = first_->GetValue().Strip(wxString::both).utf8_string();
        w.last_name = last_->GetValue().Strip(wxString::both).utf8_string();
        w.email = email_->GetValue().Strip(wxString::both).utf8_string();
        w.role = chosen_role(role_);
        if (const auto s = sector_ids_.at(size_t(std::max(0, sector_->GetSelection())))) w.sector_id = s;
        const auto inst = institution_->GetValue().Strip(wxString::both).utf8_string();
        if (auto m = match_institution(db, inst); m && m->similarity == 1.0)
            w.institution_id = m->institution_id;
        else
            w.institution_text = inst;
        if (guarded(this, [&] {
                db.write(trf("Walk-in: {name}", fmt::arg("name", w.first_name + " " + w.last_name)),
                         [&] { RegistrationService(db).walk_in(owner_.event_id(), w); });
            })) {
            context_.set_status(wxString::Format(_("%s added and checked in."), U(w.first_name + " " + w.last_name)));
            for (auto* t : {first_, last_, email_, institution_}) t->Clear();
            known_->SetLabel("");
            sector_->SetSelection(0);
            role_->SetSelection(0);
            owner_.changed();
        }
    }

    wxSearchCtrl* search_;
    RegistrationList* list_;
    wxTextCtrl *first_, *last_, *email_, *institution_;
    wxChoice *sector_, *role_;
    wxStaticText* known_;
    std::vector<int64_t> sector_ids_;
};

// --- Evaluation ------------------------------------------------------------------------
class EvaluationTab : public EventTab {
public:
    EvaluationTab(wxWindow* parent, ui::UiContext& context, EventTabs& owner)
        : EventTab(parent, context, owner, wxHORIZONTAL) {
        left_ = new wxBoxSizer(wxVERTICAL);
        auto* who = new wxBoxSizer(wxHORIZONTAL);
        who->Add(new wxStaticText(this, wxID_ANY, _("Respondent:")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 6);
        person_ = new wxChoice(this, wxID_ANY);
        person_->SetName("evaluation-person");
        who->Add(person_, 1);
        left_->Add(who, 0, wxEXPAND | wxALL, 6);
        submit_ = new wxButton(this, wxID_ANY, _("Record this evaluation"));
        submit_->SetName("evaluation-submit");
        left_->Add(submit_, 0, wxALL, 6);
        sizer_->Add(left_, 1, wxEXPAND);
        results_ = new ui::QuestionnaireResults(this);
        results_->SetName("evaluation-results");
        sizer_->Add(results_, 1, wxEXPAND | wxALL, 6);
        submit_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { submit(); });
    }
    void load(int64_t event_id) {
        auto& db = context_.database();
        if (!form_) {
            // The form numbers its questions by position: the questionnaire is stored
            // (with its default questions) only when the first evaluation is recorded.
            auto q = evaluation_template(db);
            for (auto& question : q.questions) question.id = question.position;
            form_ = new ui::QuestionnaireForm(this, q);
            form_->SetName("evaluation-form");
            left_->Insert(1, form_, 1, wxEXPAND | wxALL, 6);
        }
        person_->Clear();
        people_ = {0};
        person_->Append(_("(anonymous)"));
        if (event_id)
            for (const auto& r : RegistrationService(db).list(event_id))
                if (r.status == "attended") {
                    person_->Append(U(r.person_name));
                    people_.push_back(r.person_id);
                }
        person_->SetSelection(0);
        form_->clear();
        const auto stored = QuestionnaireRepository(db).find_by_code(kEvaluationCode);
        if (event_id && stored)
            results_->load(db, stored->id, kEvaluationSubject, {event_id});
        else
            results_->show(_("Evaluations"), {});
        Layout();
    }

private:
    void submit() {
        if (!owner_.event_id() || !form_) return;
        if (!form_->is_complete()) {
            form_->show_errors();
            return;
        }
        auto& db = context_.database();
        const auto p = people_.at(size_t(std::max(0, person_->GetSelection())));
        const auto person = p ? std::optional<int64_t>(p) : std::nullopt;
        std::map<int, AnswerValue> by_position;
        for (const auto& [position, value] : form_->answers()) by_position[int(position)] = value;
        if (!guarded(this, [&] {
                db.write(tr("Record an evaluation"),
                         [&] { return submit_evaluation(db, owner_.event_id(), person, by_position); });
            }))
            return;
        context_.set_status(_("Evaluation recorded."));
        owner_.changed();  // the form is cleared for the next respondent
    }

    wxBoxSizer* left_;
    wxChoice* person_;
    wxButton* submit_;
    ui::QuestionnaireForm* form_ = nullptr;
    ui::QuestionnaireResults* results_;
    std::vector<int64_t> people_;
};

// --- Outputs ---------------------------------------------------------------------------
class OutputsTab : public EventTab {
public:
    OutputsTab(wxWindow* parent, ui::UiContext& context, EventTabs& owner, RegistrationsTab& registrations)
        : EventTab(parent, context, owner), registrations_(registrations) {
        auto* papers = new wxBoxSizer(wxHORIZONTAL);
        ui::bar_button(this, papers, _("Attendance certificates..."), "certificates", [this] { certificates(); });
        ui::bar_button(this, papers, _("Attended list (CSV or XLSX)..."), "attended-list",
                       [this] { registrations_.export_file(true); });
        ui::bar_button(this, papers, _("Sign-in sheet..."), "sign-in-sheet", [this] { sign_in_sheet(); });
        sizer_->Add(papers, 0, wxALL, 6);
        sizer_->Add(new wxStaticText(this, wxID_ANY, _("Publications from this event")), 0, wxALL, 6);
        auto edit_selected = [this] {
            if (auto id = list_->selected_id()) edit_publication(*id);
        };
        list_ = new ui::ListPanel(this, &context,
                                  {.id = "exchange.publications",
                                   .title = _("Publications from this event"),
                                   .columns = publication_columns(),
                                   .search = false,
                                   .buttons = {{_("Add a publication..."), [this] { edit_publication(0); },
                                                "publication-add"},
                                               {_("Link a publication..."), [this] { link_publication(); },
                                                "publication-link"},
                                               {_("Edit..."), edit_selected, "publication-edit"},
                                               {_("Remove from this event"), [this] { unlink_publication(); },
                                                "publication-unlink"}},
                                   .on_activate = edit_selected});
        sizer_->Add(list_, 1, wxEXPAND);
    }
    void load(int64_t event_id) {
        auto rows = std::make_shared<ui::TableRowSource>();
        if (event_id) {
            EventRepository events(context_.database());
            for (const auto& p : events.publications()) {
                const auto linked = events.publication_events(p.id);
                if (std::find(linked.begin(), linked.end(), event_id) == linked.end()) continue;
                rows->add(p.id, publication_cells(p));
            }
        }
        list_->set_source(rows);
    }

private:
    void edit_publication(int64_t id) {
        if (!owner_.event_id()) return;
        EventRepository events(context_.database());
        const auto edited = ask_publication(this, events, id);
        if (!edited) return;
        record(publication_change(*edited, id != 0), [&] {
            if (id)
                events.update_publication(*edited);
            else
                events.link_publication(events.add_publication(*edited), owner_.event_id());
        });
    }
    // A publication already recorded (from another event, or of a year) linked here too.
    void link_publication() {
        if (!owner_.event_id()) return;
        auto& db = context_.database();
        EventRepository events(db);
        std::vector<Publication> choices;
        wxArrayString labels;
        for (const auto& p : events.publications()) {
            const auto linked = events.publication_events(p.id);
            if (std::find(linked.begin(), linked.end(), owner_.event_id()) != linked.end()) continue;
            choices.push_back(p);
            labels.Add(U(p.title) + (p.date.empty() ? wxString() : " (" + ui::display_date(p.date) + ")"));
        }
        if (choices.empty()) {
            ui::show_info(this, _("Every publication recorded is already linked to this event."));
            return;
        }
        wxSingleChoiceDialog choice(this, _("Publication:"), _("Link a publication"), labels);
        if (choice.ShowModal() != wxID_OK) return;
        const auto& p = choices[size_t(choice.GetSelection())];
        record(trf("Link the publication {title}", fmt::arg("title", p.title)),
               [&] { events.link_publication(p.id, owner_.event_id()); });
    }
    void unlink_publication() {
        const auto id = list_->selected_id();
        if (!id || !owner_.event_id()) return;
        auto& db = context_.database();
        EventRepository events(db);
        if (!ui::confirm(this, _("Remove this publication from the event? It stays in the list of publications."),
                         _("Remove from this event")))
            return;
        record(tr("Remove a publication from an event"), [&] { events.unlink_publication(*id, owner_.event_id()); });
    }
    void certificates() {
        if (!owner_.event_id()) return;
        auto& db = context_.database();
        CertificatesDialog d(this, db, owner_.event_id());
        if (d.ShowModal() != wxID_OK) return;
        CertificateFiles files;
        const auto event_id = owner_.event_id();
        bool done = false;
        guarded(this, [&] {
            done = ui::run_with_progress(this, _("Attendance certificates"), [&](Progress& progress) {
                files = write_certificates(db, event_id, d.person(), std::filesystem::u8path(d.folder()), d.pdf(),
                                           &progress, !d.pdf());
            });
        });
        if (!done) return;
        const auto n = d.pdf() ? files.pdf.size() : files.html.size();
        context_.set_status(wxString::Format(_("%zu certificates written in %s."), n, U(d.folder())));
    }
    void sign_in_sheet() {
        if (!owner_.event_id()) return;
        SaveFileDialog save(this, _("Sign-in sheet"), "sign-in-sheet", {{_("PDF"), "pdf"}, {_("HTML page"), "html"}});
        if (save.ShowModal() != wxID_OK) return;
        guarded(this, [&] {
            const auto path = std::filesystem::u8path(save.path());
            if (save.extension() == "pdf")
                write_sign_in_sheet_pdf(context_.database(), owner_.event_id(), path);
            else
                std::ofstream(path, std::ios::binary) << sign_in_sheet_html(context_.database(), owner_.event_id());
            context_.set_status(wxString::Format(_("Saved %s."), U(save.path())));
        });
    }

    RegistrationsTab& registrations_;
    ui::ListPanel* list_;
};

// --- Figures ---------------------------------------------------------------------------
class FiguresTab : public wxPanel {
public:
    FiguresTab(wxWindow* parent, ui::UiContext& context) : wxPanel(parent), context_(context) {
        auto* sizer = new wxBoxSizer(wxVERTICAL);
        text_ = new wxTextCtrl(this, wxID_ANY, "", wxDefaultPosition, wxSize(-1, 150),
                               wxTE_MULTILINE | wxTE_READONLY | wxTE_WORDWRAP);
        text_->SetName("figures");
        sizer->Add(text_, 0, wxEXPAND | wxALL, 6);
        chart_ = new ui::ChartPanel(this, ui::ChartPanel::Kind::Bar);
        sizer->Add(chart_, 1, wxEXPAND | wxALL, 6);
        SetSizer(sizer);
    }
    void load(int64_t event_id) {
        if (!event_id) {
            text_->Clear();
            chart_->set_data(_("Participants by sector"), {});
            return;
        }
        const auto f = event_figures(context_.database(), event_id, context_.language());
        std::string text = event_sentence(f) + "\n";
        if (!f.institutions.rows.empty()) text += tr("Institutions: ") + join_with_counts(f.institutions) + "\n";
        for (const auto& t : f.tables)
            text += fmt::format(fmt::runtime(tr("Table {n} ({title}): {participants} participants, {facilitators} "
                                                "facilitators")),
                                fmt::arg("n", t.position), fmt::arg("title", t.title),
                                fmt::arg("participants", t.participants), fmt::arg("facilitators", t.facilitators)) +
                    "\n";
        text_->SetValue(U(text));
        chart_->set_chart(split_chart(f.sectors, tr("Participants by sector")));
    }

private:
    ui::UiContext& context_;
    wxTextCtrl* text_;
    ui::ChartPanel* chart_;
};

// --- The notebook ----------------------------------------------------------------------
EventTabs::EventTabs(wxWindow* parent, ui::UiContext& context) : wxNotebook(parent, wxID_ANY), context_(context) {
    SetName("event-tabs");
    overview_ = new OverviewTab(this, context, *this);
    committee_ = new CommitteeTab(this, context, *this);
    tables_ = new TablesTab(this, context, *this);
    registrations_ = new RegistrationsTab(this, context, *this);
    checkin_ = new CheckInTab(this, context, *this);
    evaluation_ = new EvaluationTab(this, context, *this);
    outputs_ = new OutputsTab(this, context, *this, *registrations_);
    figures_ = new FiguresTab(this, context);
    AddPage(overview_, _("Event"));
    AddPage(committee_, _("Committee"));
    AddPage(tables_, _("Tables"));
    AddPage(registrations_, _("Registrations"));
    AddPage(checkin_, _("Check-in"));
    AddPage(evaluation_, _("Evaluation"));
    AddPage(outputs_, _("Outputs"));
    AddPage(figures_, _("Figures"));
}

void EventTabs::set_event(int64_t event_id) {
    event_id_ = event_id;
    reload();
}

void EventTabs::changed() {
    context_.data_changed();
    reload();
    if (on_changed_) on_changed_();
}

void EventTabs::reload() {
    guarded(this, [&] {
        overview_->load(event_id_);
        committee_->load(event_id_);
        tables_->load(event_id_);
        registrations_->load(event_id_);
        checkin_->load(event_id_);
        evaluation_->load(event_id_);
        outputs_->load(event_id_);
        figures_->load(event_id_);
    });
}

}  // namespace maillage::exchange
