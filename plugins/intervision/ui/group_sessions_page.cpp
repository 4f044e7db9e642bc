#include "ui/group_sessions_page.h"

#include "cycles.h"
#include "intervision_exports.h"
#include "intervision_ical.h"
#include "session_scheduler.h"

#include "core/database.h"
#include "core/institutions.h"
#include "core/people.h"
#include "core/sessions.h"
#include "shared-ui/attendance_grid.h"
#include "shared-ui/list_panel.h"
#include "shared-ui/messages.h"
#include "shared-ui/display.h"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/filedlg.h>
#include <wx/grid.h>
#include <wx/msgdlg.h>
#include <wx/sizer.h>
#include <wx/splitter.h>
#include <wx/stattext.h>

#include <algorithm>
#include <fstream>
#include <functional>
#include <map>

namespace maillage::intervision {
namespace {
wxString u8(const std::string& s) { return wxString::FromUTF8(s); }

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
        if (status == ui::AttendanceStatus::None) {
            db_.write(_("Clear an attendance").utf8_string(), [&] { SessionRepository(db_).remove_attendance(session, person); });
            return;
        }
        const auto g = CycleRepository(db_).group(group_id_);
        const auto f = g->facilitators();
        const bool facilitator = std::find(f.begin(), f.end(), person) != f.end();
        set_attendance(db_, session, person, ui::status_code(status), reason, facilitator ? "facilitator" : "participant");
    }

private:
    Database& db_;
    int64_t group_id_;
};
}  // namespace

GroupSessionsPage::GroupSessionsPage(wxWindow* parent, ui::UiContext& context) : PageBase(parent, context) {
    auto* top = new wxBoxSizer(wxVERTICAL);
    auto* bar = new wxBoxSizer(wxHORIZONTAL);
    bar->Add(new wxStaticText(this, wxID_ANY, _("Cycle:")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 4);
    cycle_ = new wxChoice(this, wxID_ANY);
    bar->Add(cycle_, 0, wxRIGHT, 8);
    bar->Add(new wxStaticText(this, wxID_ANY, _("Group:")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 4);
    group_ = new wxChoice(this, wxID_ANY);
    bar->Add(group_, 0, wxRIGHT, 12);
    auto* generate = new wxButton(this, wxID_ANY, _("&Generate sessions"));
    auto* held = new wxButton(this, wxID_ANY, _("Mark &held"));
    auto* cancel = new wxButton(this, wxID_ANY, _("&Cancel session"));
    auto* hosts = new wxButton(this, wxID_ANY, _("Assign &hosts"));
    auto* ical = new wxButton(this, wxID_ANY, _("Export &iCalendar..."));
    top->Add(bar, 0, wxLEFT | wxRIGHT | wxTOP, 8);
    auto* actions = new wxBoxSizer(wxHORIZONTAL);
    for (auto* b : {generate, held, cancel, hosts, ical}) actions->Add(b, 0, wxRIGHT, 4);
    top->Add(actions, 0, wxALL, 8);

    sessions_ = new ui::ListPanel(this, &context,
                                  {.id = "intervision.sessions",
                                   .title = _("Sessions"),
                                   .columns = {{_("Date"), 100, ui::ColumnKind::Date},
                                               {_("Time"), 100},
                                               {_("Status"), 90, ui::ColumnKind::Status},
                                               {_("Host"), 220},
                                               {_("Place"), 360}},
                                   .search_hint = _("Search date, host, place…"),
                                   .statuses = {_("planned"), _("held"), _("cancelled")}});
    sessions_->SetMinSize(FromDIP(wxSize(-1, 240)));
    top->Add(sessions_, 0, wxEXPAND);
    set_main_list(sessions_);
    conflicts_ = new wxStaticText(this, wxID_ANY, wxString());
    conflicts_->SetForegroundColour(*wxRED);
    top->Add(conflicts_, 0, wxALL, 8);
    top->Add(new wxStaticText(this, wxID_ANY, _("Attendance (facilitators on top, recorded apart; keys P, E, A):")), 0,
             wxLEFT, 8);
    grid_sizer_ = new wxBoxSizer(wxVERTICAL);
    top->Add(grid_sizer_, 1, wxEXPAND | wxALL, 8);
    SetSizer(top);

    cycle_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { load_groups(); });
    group_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { load_sessions(); });
    generate->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        const int g = group_->GetSelection();
        if (g == wxNOT_FOUND) return;
        // Regenerating replaces the planned sessions nobody changed by hand: ask first.
        const auto existing = CycleRepository(database()).sessions(group_ids_[size_t(g)]);
        if (!existing.empty() &&
            !ui::confirm_destructive(
                this, wxString::Format(_("Regenerate the sessions of %s?"), group_->GetString(unsigned(g))),
                _("Planned sessions without attendance that were not set by hand are removed and planned again; held, "
                  "cancelled and hand-set sessions stay."),
                _("Regenerate")))
            return;
        run([this, g] { SessionScheduler(database()).generate(group_ids_[size_t(g)], true); });
    });
    held->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        run([this] {
            if (auto s = selected_session()) SessionScheduler(database()).set_status(s, "held");
        });
    });
    cancel->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { cancel_selected(); });
    hosts->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        run([this] {
            const int g = group_->GetSelection();
            if (g != wxNOT_FOUND) SessionScheduler(database()).assign_hosts(group_ids_[size_t(g)]);
        });
    });
    ical->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { export_ical(); });
    refresh();
}

bool GroupSessionsPage::delete_selection() {
    if (current_list() != sessions_ || !selected_session()) return false;
    cancel_selected();
    return true;
}

void GroupSessionsPage::cancel_selected() {
    const auto s = selected_session();
    if (!s) return;
    const auto session = SessionRepository(database()).get(s);
    if (!ui::confirm_destructive(
            this, wxString::Format(_("Cancel the session of %s?"), session ? u8(session->date) : wxString()),
            _("The group does not meet that day; the session stays in the list as cancelled."),
            _("Cancel the session")))
        return;
    run([this, s] { SessionScheduler(database()).cancel_session(s); });
}

void GroupSessionsPage::refresh() {
    const int keep = cycle_->GetSelection();
    cycle_->Clear();
    cycle_ids_.clear();
    for (const auto& c : CycleRepository(database()).cycles()) {
        cycle_->Append(u8(c.name));
        cycle_ids_.push_back(c.id);
    }
    if (!cycle_ids_.empty()) cycle_->SetSelection(keep >= 0 && keep < int(cycle_ids_.size()) ? keep : 0);
    load_groups();
}

void GroupSessionsPage::load_groups() {
    const int keep = group_->GetSelection();
    group_->Clear();
    group_ids_.clear();
    const int c = cycle_->GetSelection();
    if (c != wxNOT_FOUND)
        for (const auto& g : CycleRepository(database()).groups(cycle_ids_[size_t(c)])) {
            group_->Append(u8(g.name));
            group_ids_.push_back(g.id);
        }
    if (!group_ids_.empty()) group_->SetSelection(keep >= 0 && keep < int(group_ids_.size()) ? keep : 0);
    load_sessions();
}

void GroupSessionsPage::load_sessions() {
    session_ids_.clear();
    const int g = group_->GetSelection();
    if (g == wxNOT_FOUND) {
        sessions_->set_source(std::make_shared<ui::TableRowSource>());
        if (grid_) grid_->Destroy();
        grid_ = nullptr;
        return;
    }
    auto& db = database();
    CycleRepository repo(db);
    InstitutionRepository institutions(db);
    PersonRepository people(db);
    SessionRepository core(db);
    const auto group = repo.group(group_ids_[size_t(g)]);
    const auto sessions = repo.sessions(group->id);
    auto rows = std::make_shared<ui::TableRowSource>();
    for (const auto& s : sessions) {
        const auto h = s.host_institution_id ? institutions.get(*s.host_institution_id) : std::nullopt;
        rows->add(s.session_id,
                  {ui::display_date(s.date), u8(locale::time(s.start_time) + "–" + locale::time(s.end_time)),
                   s.status == "held" ? _("held") : s.status == "cancelled" ? _("cancelled") : _("planned"),
                   h ? u8(h->name) : wxString(), u8(s.place)});
        session_ids_.push_back(s.session_id);
    }
    sessions_->set_source(rows);
    wxString conflicts;
    for (const auto& c : SessionScheduler(db).conflicts(group->cycle_id))
        if (std::find(session_ids_.begin(), session_ids_.end(), c.session_id) != session_ids_.end())
            conflicts += _("Conflict: ") + u8(c.message) + "\n";
    conflicts_->SetLabel(conflicts);

    // The attendance grid is rebuilt for the chosen group.
    if (grid_) grid_->Destroy();
    grid_ = new ui::AttendanceGrid(this, std::make_shared<GroupAttendanceData>(db, group->id));
    grid_sizer_->Add(grid_, 1, wxEXPAND);
    Layout();
}

int64_t GroupSessionsPage::selected_session() const {
    return sessions_->selected_id().value_or(0);
}

void GroupSessionsPage::run(const std::function<void()>& action) {
    try {
        action();
        context().data_changed();
        load_sessions();
    } catch (const std::exception& e) {
        wxMessageBox(u8(e.what()), _("Intervision sessions"), wxOK | wxICON_ERROR, this);
    }
}

void GroupSessionsPage::export_ical() {
    const int g = group_->GetSelection();
    if (g == wxNOT_FOUND) return;
    wxFileDialog dlg(this, _("Export iCalendar"), wxEmptyString, "intervision.ics", _("iCalendar files (*.ics)|*.ics"),
                     wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
    if (dlg.ShowModal() != wxID_OK) return;
    try {
        const auto text = sessions_to_ical(database(), group_session_ids(database(), group_ids_[size_t(g)]),
                                           group_->GetStringSelection().utf8_string());
        std::ofstream out(dlg.GetPath().utf8_string(), std::ios::binary);
        out << text;
        context().set_status(_("Calendar exported."));
    } catch (const std::exception& e) {
        wxMessageBox(u8(e.what()), _("Export iCalendar"), wxOK | wxICON_ERROR, this);
    }
}

}  // namespace maillage::intervision
