#include "ui/group_sessions_page.h"

#include "cycle_planning.h"
#include "cycles.h"
#include "intervision_exports.h"
#include "intervision_figures.h"
#include "intervision_ical.h"
#include "session_scheduler.h"
#include "ui/dialog_util.h"
#include "ui/session_dialogs.h"

#include "core/database.h"
#include "core/institutions.h"
#include "core/people.h"
#include "core/sessions.h"
#include "shared-ui/attendance_grid.h"
#include "shared-ui/confirm_delete.h"
#include "shared-ui/display.h"
#include "shared-ui/list_panel.h"
#include "shared-ui/messages.h"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/dataview.h>
#include <wx/filedlg.h>
#include <wx/html/htmprint.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/wrapsizer.h>

#include <algorithm>
#include <fstream>
#include <functional>

namespace maillage::intervision {
namespace {

wxString session_label(Database& db, int64_t session_id) {
    const auto s = CycleRepository(db).session(session_id);
    if (!s) return {};
    const auto g = CycleRepository(db).group(s->group_id);
    return wxString::Format(_("the session of %s (%s)"), ui::display_date(s->date), g ? u8(g->name) : wxString());
}

// The group's attendance for the shared grid: enrolled participants (not the waiting
// list) and the two facilitators apart, one column per session not cancelled.
class GroupAttendanceData : public ui::AttendanceData {
public:
    GroupAttendanceData(Database& db, int64_t group_id) : db_(db), group_id_(group_id) {}
    std::vector<ui::AttendanceColumn> columns() override {
        std::vector<ui::AttendanceColumn> out;
        for (const auto& s : CycleRepository(db_).sessions(group_id_))
            if (s.status != "cancelled")
                out.push_back({s.session_id, u8(s.date.substr(8, 2) + "/" + s.date.substr(5, 2))});
        return out;
    }
    std::vector<ui::AttendanceRow> rows() override {
        CycleRepository repo(db_);
        PersonRepository people(db_);
        std::vector<ui::AttendanceRow> out;
        const auto g = repo.group(group_id_);
        for (auto f : g->facilitators())
            if (auto p = people.get(f)) out.push_back({f, u8(p->display_name()), true});
        for (const auto& e : repo.enrolments(group_id_))
            if (e.status != "waiting")
                if (auto p = people.get(e.person_id)) out.push_back({e.person_id, u8(p->display_name()), false});
        return out;
    }
    ui::AttendanceStatus status(int64_t person, int64_t session) override {
        for (const auto& a : SessionRepository(db_).attendance(session))
            if (a.person_id == person) return ui::status_from_code(a.status);
        return ui::AttendanceStatus::None;
    }
    std::string reason(int64_t person, int64_t session) override {
        for (const auto& a : SessionRepository(db_).attendance(session))
            if (a.person_id == person) return a.reason;
        return {};
    }
    void set_status(int64_t person, int64_t session, ui::AttendanceStatus status, const std::string& reason) override {
        const auto p = PersonRepository(db_).get(person);
        const auto s = CycleRepository(db_).session(session);
        const auto label = wxString::Format(_("attendance of %s on %s"), p ? u8(p->display_name()) : wxString(),
                                            s ? ui::display_date(s->date) : wxString());
        if (status == ui::AttendanceStatus::None) {
            db_.write(label.utf8_string(), [&] { SessionRepository(db_).remove_attendance(session, person); });
            return;
        }
        const auto g = CycleRepository(db_).group(group_id_);
        const auto f = g->facilitators();
        const bool facilitator = std::find(f.begin(), f.end(), person) != f.end();
        db_.write(label.utf8_string(), [&] {
            set_attendance(db_, session, person, ui::status_code(status), reason,
                           facilitator ? "facilitator" : "participant");
        });
    }

private:
    Database& db_;
    int64_t group_id_;
};

// Which sessions go into a calendar file: the group's, the cycle's, or one facilitator's.
class CalendarDialog : public wxDialog {
public:
    CalendarDialog(wxWindow* parent, Database& db, int64_t cycle_id, int64_t group_id)
        : wxDialog(parent, wxID_ANY, _("Export iCalendar")) {
        SetName("ical-dialog");
        CycleRepository repo(db);
        const auto c = repo.cycle(cycle_id);
        const auto g = repo.group(group_id);
        FieldGrid grid(this);
        what_ = grid.add(_("Sessions of:"), new wxChoice(this, wxID_ANY), "what");
        if (g) add(wxString::Format(_("the group %s"), u8(g->name)), group_session_ids(db, g->id), g->name);
        add(wxString::Format(_("the whole cycle %s"), u8(c->name)), cycle_session_ids(db, cycle_id), c->name);
        PersonRepository people(db);
        std::vector<int64_t> seen;
        for (const auto& group : repo.groups(cycle_id))
            for (auto f : group.facilitators())
                if (std::find(seen.begin(), seen.end(), f) == seen.end()) {
                    seen.push_back(f);
                    if (auto p = people.get(f))
                        add(wxString::Format(_("the facilitator %s"), u8(p->display_name())),
                            facilitator_session_ids(db, f, cycle_id), c->name + " — " + p->display_name());
                }
        what_->SetSelection(0);
        auto* sizer = new wxBoxSizer(wxVERTICAL);
        sizer->Add(grid.sizer(), 0, wxEXPAND | wxALL, 10);
        sizer->Add(action_buttons(this, _("Export…")), 0, wxEXPAND | wxALL, 8);
        SetSizerAndFit(sizer);
        CentreOnParent();
    }
    const std::vector<int64_t>& ids() const { return ids_[size_t(what_->GetSelection())]; }
    const std::string& name() const { return names_[size_t(what_->GetSelection())]; }

private:
    void add(const wxString& label, std::vector<int64_t> ids, const std::string& name) {
        what_->Append(label);
        ids_.push_back(std::move(ids));
        names_.push_back(_("Intervision").utf8_string() + " " + name);
    }
    wxChoice* what_;
    std::vector<std::vector<int64_t>> ids_;
    std::vector<std::string> names_;
};

}  // namespace

GroupSessionsPage::GroupSessionsPage(wxWindow* parent, ui::UiContext& context) : PageBase(parent, context) {
    auto* top = new wxBoxSizer(wxVERTICAL);
    auto* bar = new wxBoxSizer(wxHORIZONTAL);
    add_cycle_and_group(this, bar, cycle_, group_);
    auto button = [this](wxSizer* to, const wxString& label, const char* name, void (GroupSessionsPage::*fn)()) {
        ui::bar_button(this, to, label, name, [this, fn] { (this->*fn)(); }, wxRIGHT | wxBOTTOM, 4);
    };
    button(bar, _("&Generate the sessions…"), "generate", &GroupSessionsPage::generate);
    button(bar, _("&Add a session…"), "add-session", &GroupSessionsPage::add_session);
    button(bar, _("Export &iCalendar..."), "ical", &GroupSessionsPage::export_ical);
    button(bar, _("Import attendance…"), "import-attendance", &GroupSessionsPage::import_attendance);
    top->Add(bar, 0, wxLEFT | wxRIGHT | wxTOP, 8);
    // What can be done with the session selected in the list.
    auto* actions = new wxWrapSizer(wxHORIZONTAL);
    button(actions, _("&Move…"), "move-session", &GroupSessionsPage::move_session);
    button(actions, _("&Host…"), "host", &GroupSessionsPage::set_host);
    button(actions, _("S&wap hosts"), "swap-hosts", &GroupSessionsPage::swap_hosts);
    button(actions, _("&Cancel…"), "cancel-session", &GroupSessionsPage::cancel_session);
    button(actions, _("&Put back"), "put-back", &GroupSessionsPage::put_back);
    button(actions, _("Mark h&eld"), "held", &GroupSessionsPage::mark_held);
    button(actions, _("&Notes…"), "notes", &GroupSessionsPage::notes);
    button(actions, _("Attendance &sheet…"), "sheet", &GroupSessionsPage::sheet_preview);
    button(actions, _("Sheet as P&DF…"), "sheet-pdf", &GroupSessionsPage::sheet_pdf);
    button(actions, _("De&lete…"), "delete-session", &GroupSessionsPage::delete_session);
    top->Add(actions, 0, wxALL, 8);

    sessions_ = new ui::ListPanel(this, &context,
                                  {.id = "intervision.sessions",
                                   .title = _("Sessions"),
                                   .columns = {{_("Date"), 100, ui::ColumnKind::Date},
                                               {_("Time"), 100},
                                               {_("Status"), 90, ui::ColumnKind::Status},
                                               {_("Host"), 200},
                                               {_("Place"), 300},
                                               {_("Notes"), 240}},
                                   .multiple = true,
                                   .search_hint = _("Search date, host, place…"),
                                   .statuses = {_("planned"), _("held"), _("cancelled")}});
    sessions_->SetName("sessions");
    sessions_->SetMinSize(FromDIP(wxSize(-1, 240)));
    top->Add(sessions_, 0, wxEXPAND);
    set_main_list(sessions_);
    notes_ = new wxStaticText(this, wxID_ANY, wxString());
    notes_->SetName("session-notes");
    top->Add(notes_, 0, wxLEFT | wxRIGHT | wxTOP, 8);
    conflicts_ = new wxStaticText(this, wxID_ANY, wxString());
    conflicts_->SetForegroundColour(*wxRED);
    top->Add(conflicts_, 0, wxLEFT | wxRIGHT | wxTOP, 8);
    top->Add(new wxStaticText(this, wxID_ANY, _("Attendance (facilitators on top, recorded apart; keys P, E, A):")), 0,
             wxLEFT | wxTOP, 8);
    grid_sizer_ = new wxBoxSizer(wxVERTICAL);
    top->Add(grid_sizer_, 1, wxEXPAND | wxALL, 8);
    SetSizer(top);

    cycle_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { load_groups(); });
    group_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { load_sessions(); });
    // The selected session's notes, shown under the list.
    sessions_->list()->Bind(wxEVT_DATAVIEW_SELECTION_CHANGED, [this](wxDataViewEvent& event) {
        event.Skip();
        show_notes();
    });
    refresh();
}

void GroupSessionsPage::show_notes() {
    wxString text;
    if (const auto s = CycleRepository(database()).session(selected_session())) {
        if (!s->host_presentation.empty()) text += _("Host's presentation: ") + u8(s->host_presentation);
        if (!s->vignette_themes.empty())
            text += (text.empty() ? "" : "\n") + _("Themes of the vignettes: ") + u8(s->vignette_themes);
    }
    notes_->SetLabel(text);
    Layout();
}

int64_t GroupSessionsPage::cycle_id() const {
    return cycle_->id();
}

int64_t GroupSessionsPage::group_id() const {
    return group_->id();
}

void GroupSessionsPage::refresh() {
    cycle_->refill(cycle_items(database()));
    load_groups();
}

void GroupSessionsPage::load_groups() {
    group_->refill(group_items(database(), cycle_id()));
    load_sessions();
}

void GroupSessionsPage::load_sessions() {
    const auto keep = sessions_->selected_ids();
    if (grid_) grid_->Destroy();
    grid_ = nullptr;
    if (!group_id()) {
        sessions_->set_source(std::make_shared<ui::TableRowSource>());
        conflicts_->SetLabel(cycle_id() ? _("This cycle has no group yet: create them on the cycles page.")
                                        : _("No intervision cycle yet: create one on the cycles page."));
        Layout();
        return;
    }
    auto& db = database();
    CycleRepository repo(db);
    InstitutionRepository institutions(db);
    const auto group = repo.group(group_id());
    auto rows = std::make_shared<ui::TableRowSource>();
    std::vector<int64_t> ids;
    for (const auto& s : repo.sessions(group->id)) {
        const auto h = s.host_institution_id ? institutions.get(*s.host_institution_id) : std::nullopt;
        wxString notes = s.status == "cancelled" ? u8(cancel_reason(db, s.session_id)) : u8(s.vignette_themes);
        if (s.manual && s.status == "planned") notes = _("set by hand") + (notes.empty() ? wxString() : "; " + notes);
        rows->add(s.session_id,
                  {ui::display_date(s.date), u8(locale::time(s.start_time) + "–" + locale::time(s.end_time)),
                   s.status == "held" ? _("held") : s.status == "cancelled" ? _("cancelled") : _("planned"),
                   h ? u8(h->name) : wxString(), u8(s.place), notes});
        ids.push_back(s.session_id);
    }
    sessions_->set_source(rows);
    for (auto id : keep) sessions_->select_id(id);
    show_notes();
    wxString conflicts;
    if (ids.empty()) conflicts = _("No session yet: \"Generate the sessions…\" plans the whole cycle.");
    for (const auto& c : SessionScheduler(db).conflicts(group->cycle_id))
        if (std::find(ids.begin(), ids.end(), c.session_id) != ids.end())
            conflicts += _("Conflict: ") + u8(c.message) + "\n";
    conflicts_->SetLabel(conflicts);

    // The attendance grid is rebuilt for the chosen group.
    grid_ = new ui::AttendanceGrid(this, std::make_shared<GroupAttendanceData>(db, group->id));
    grid_->SetName("attendance");
    grid_sizer_->Add(grid_, 1, wxEXPAND);
    Layout();
}

int64_t GroupSessionsPage::selected_session() const {
    const auto ids = sessions_->selected_ids();
    return ids.empty() ? 0 : ids.front();
}

void GroupSessionsPage::change(const wxString& label, const std::function<void()>& action, const wxString& done) {
    if (ui::guarded(this, _("Intervision sessions"), [&] { database().write(label.utf8_string(), action); })) {
        context().data_changed();
        load_sessions();
        if (!done.empty()) context().set_status(done);
    }
}

void GroupSessionsPage::generate() {
    if (!cycle_id()) return;
    if (!cycle_closed_on(database(), cycle_id()).empty()) {
        ui::show_info(this, _("This cycle is closed: reopen it to plan sessions."));
        return;
    }
    GenerateDialog dialog(this, &context(), database(), cycle_id());
    if (dialog.ShowModal() != wxID_OK) return;
    const auto c = CycleRepository(database()).cycle(cycle_id());
    int n = 0;
    change(wxString::Format(_("generate the sessions of %s"), u8(c->name)),
           [&] { n = generate_cycle_sessions(database(), cycle_id()); });
    context().set_status(wxString::Format(_("%d sessions planned."), n));
}

void GroupSessionsPage::move_session() {
    const auto id = selected_session();
    const auto s = id ? SessionRepository(database()).get(id) : std::nullopt;
    if (!s) return ui::show_info(this, _("Select a session first."));
    SessionDialog dialog(this, _("Move the session"), s->date, s->start_time, s->end_time, s->place);
    if (dialog.ShowModal() != wxID_OK) return;
    change(wxString::Format(_("move %s"), session_label(database(), id)), [&] {
        SessionScheduler(database()).move_session(id, dialog.date(), dialog.start(), dialog.end());
        if (dialog.place() != s->place) set_session_place(database(), id, dialog.place());
    });
}

void GroupSessionsPage::add_session() {
    const auto g = CycleRepository(database()).group(group_id());
    if (!g) return;
    const auto c = CycleRepository(database()).cycle(g->cycle_id);
    SessionDialog dialog(this, _("Add a session"), std::clamp(today_iso(), c->start_date, c->end_date), g->start_time,
                         g->end_time, g->fixed_place);
    if (dialog.ShowModal() != wxID_OK) return;
    change(wxString::Format(_("add a session to %s"), u8(g->name)), [&] {
        const auto id = SessionScheduler(database()).add_session(g->id, dialog.date(), dialog.start(), dialog.end());
        if (!dialog.place().empty()) set_session_place(database(), id, dialog.place());
    });
}

void GroupSessionsPage::set_host() {
    const auto id = selected_session();
    const auto s = id ? SessionRepository(database()).get(id) : std::nullopt;
    if (!s) return ui::show_info(this, _("Select a session first."));
    HostDialog dialog(this, database(), s->host_institution_id);
    if (dialog.ShowModal() != wxID_OK) return;
    change(wxString::Format(_("set the host of %s"), session_label(database(), id)),
           [&] { SessionScheduler(database()).set_host(id, dialog.host()); });
}

void GroupSessionsPage::swap_hosts() {
    const auto ids = sessions_->selected_ids();
    if (ids.size() != 2) return ui::show_info(this, _("Select the two sessions whose hosts change places."));
    change(_("swap the hosts of two sessions"), [&] { SessionScheduler(database()).swap_hosts(ids[0], ids[1]); });
}

void GroupSessionsPage::cancel_session() {
    const auto id = selected_session();
    if (!id) return ui::show_info(this, _("Select a session first."));
    ReasonDialog dialog(this,
                        wxString::Format(_("Cancel %s? The group does not meet that day; the session stays in the "
                                           "list as cancelled, with the reason, and can be put back."),
                                         session_label(database(), id)),
                        _("Cancel the session"));
    if (dialog.ShowModal() != wxID_OK) return;
    change(wxString::Format(_("cancel %s"), session_label(database(), id)),
           [&] { intervision::cancel_session(database(), id, dialog.reason()); });
}

void GroupSessionsPage::put_back() {
    const auto id = selected_session();
    if (!id) return ui::show_info(this, _("Select a session first."));
    change(wxString::Format(_("put back %s"), session_label(database(), id)),
           [&] { put_back_session(database(), id); });
}

void GroupSessionsPage::mark_held() {
    const auto ids = sessions_->selected_ids();
    if (ids.empty()) return ui::show_info(this, _("Select a session first."));
    change(_("mark sessions held"), [&] {
        for (auto id : ids) mark_session_held(database(), id, today_iso());
    });
}

void GroupSessionsPage::notes() {
    const auto id = selected_session();
    const auto s = id ? CycleRepository(database()).session(id) : std::nullopt;
    if (!s) return ui::show_info(this, _("Select a session first."));
    NotesDialog dialog(this, s->host_presentation, s->vignette_themes);
    if (dialog.ShowModal() != wxID_OK) return;
    change(wxString::Format(_("notes of %s"), session_label(database(), id)),
           [&] { CycleRepository(database()).set_notes(id, dialog.presentation(), dialog.themes()); });
}

bool GroupSessionsPage::delete_selection() {
    if (current_list() != sessions_ || !selected_session()) return false;
    delete_session();
    return true;
}

void GroupSessionsPage::delete_session() {
    const auto id = selected_session();
    if (!id) return ui::show_info(this, _("Select a session first."));
    const int n = attendance_count(database(), id);
    const auto what = session_label(database(), id);
    if (!ui::confirm_delete(this, what,
                            n ? wxString::Format(wxPLURAL("its %d attendance record", "its %d attendance records", n), n)
                              : wxString()))
        return;
    change(wxString::Format(_("delete %s"), what), [&] { intervision::delete_session(database(), id); },
           _("Session deleted."));
}

void GroupSessionsPage::sheet_preview() {
    const auto id = selected_session();
    if (!id) return ui::show_info(this, _("Select a session first."));
    ui::guarded(this, _("Attendance sheet"), [&] {
        wxHtmlEasyPrinting printing(_("Attendance sheet"), this);
        printing.PreviewText(u8(attendance_sheet_html(database(), id)));
    });
}

void GroupSessionsPage::sheet_pdf() {
    const auto id = selected_session();
    const auto s = id ? CycleRepository(database()).session(id) : std::nullopt;
    if (!s) return ui::show_info(this, _("Select a session first."));
    wxFileDialog dlg(this, _("Attendance sheet as PDF"), wxEmptyString, u8("presences-" + s->date + ".pdf"),
                     _("PDF files (*.pdf)|*.pdf"), wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
    if (dlg.ShowModal() != wxID_OK) return;
    if (ui::guarded(this, _("Attendance sheet"),
                    [&] { write_attendance_sheet_pdf(database(), id, dlg.GetPath().utf8_string()); }))
        context().set_status(_("Attendance sheet saved."));
}

// A CSV of date, email, status (and reason, role) for the group: all or nothing, the
// first fault named with its line and column.
void GroupSessionsPage::import_attendance() {
    const auto g = CycleRepository(database()).group(group_id());
    if (!g) return;
    wxFileDialog dlg(this, _("Import attendance"), wxEmptyString, wxEmptyString,
                     _("CSV files (*.csv)|*.csv|All files|*"), wxFD_OPEN | wxFD_FILE_MUST_EXIST);
    if (dlg.ShowModal() != wxID_OK) return;
    int n = 0;
    change(wxString::Format(_("import the attendance of %s"), u8(g->name)),
           [&] { n = import_attendance_csv(database(), g->id, dlg.GetPath().utf8_string()); });
    if (n > 0) context().set_status(wxString::Format(_("%d attendance rows imported."), n));
}

void GroupSessionsPage::export_ical() {
    if (!cycle_id()) return;
    CalendarDialog choice(this, database(), cycle_id(), group_id());
    if (choice.ShowModal() != wxID_OK) return;
    wxFileDialog dlg(this, _("Export iCalendar"), wxEmptyString, "intervision.ics", _("iCalendar files (*.ics)|*.ics"),
                     wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
    if (dlg.ShowModal() != wxID_OK) return;
    if (ui::guarded(this, _("Export iCalendar"), [&] {
            const auto text = sessions_to_ical(database(), choice.ids(), choice.name());
            std::ofstream out(dlg.GetPath().utf8_string(), std::ios::binary);
            if (!(out << text)) throw std::runtime_error(_("The file could not be written.").utf8_string());
        }))
        context().set_status(_("Calendar exported."));
}

}  // namespace maillage::intervision
