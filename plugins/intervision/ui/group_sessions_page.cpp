#include "ui/group_sessions_page.h"

#include "cycles.h"
#include "intervision_exports.h"
#include "intervision_ical.h"
#include "session_scheduler.h"

#include "core/database.h"
#include "core/institutions.h"
#include "core/people.h"
#include "core/sessions.h"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/filedlg.h>
#include <wx/grid.h>
#include <wx/listctrl.h>
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
const char* kStatuses[] = {"", "present", "excused", "absent"};
wxArrayString status_labels() {
    wxArrayString a;
    a.Add(wxString());
    a.Add(_("present"));
    a.Add(_("excused"));
    a.Add(_("absent"));
    return a;
}
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
    for (auto* b : {generate, held, cancel, hosts, ical}) bar->Add(b, 0, wxRIGHT, 4);
    top->Add(bar, 0, wxALL, 8);

    sessions_ = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxSize(-1, 200), wxLC_REPORT | wxLC_SINGLE_SEL);
    sessions_->AppendColumn(_("Date"), wxLIST_FORMAT_LEFT, 100);
    sessions_->AppendColumn(_("Time"), wxLIST_FORMAT_LEFT, 100);
    sessions_->AppendColumn(_("Status"), wxLIST_FORMAT_LEFT, 90);
    sessions_->AppendColumn(_("Host"), wxLIST_FORMAT_LEFT, 220);
    sessions_->AppendColumn(_("Place"), wxLIST_FORMAT_LEFT, 360);
    top->Add(sessions_, 0, wxEXPAND | wxLEFT | wxRIGHT, 8);
    conflicts_ = new wxStaticText(this, wxID_ANY, wxString());
    conflicts_->SetForegroundColour(*wxRED);
    top->Add(conflicts_, 0, wxALL, 8);
    top->Add(new wxStaticText(this, wxID_ANY, _("Attendance (facilitators at the bottom, recorded apart):")), 0,
             wxLEFT, 8);
    grid_ = new wxGrid(this, wxID_ANY);
    grid_->CreateGrid(0, 0);
    grid_->SetRowLabelSize(220);
    top->Add(grid_, 1, wxEXPAND | wxALL, 8);
    SetSizer(top);

    cycle_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { load_groups(); });
    group_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { load_sessions(); });
    generate->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        run([this] {
            const int g = group_->GetSelection();
            if (g == wxNOT_FOUND) return;
            SessionScheduler(database()).generate(group_ids_[size_t(g)], true);
        });
    });
    held->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        run([this] {
            if (auto s = selected_session()) SessionScheduler(database()).set_status(s, "held");
        });
    });
    cancel->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        run([this] {
            if (auto s = selected_session()) SessionScheduler(database()).cancel_session(s);
        });
    });
    hosts->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        run([this] {
            const int g = group_->GetSelection();
            if (g != wxNOT_FOUND) SessionScheduler(database()).assign_hosts(group_ids_[size_t(g)]);
        });
    });
    ical->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { export_ical(); });
    grid_->Bind(wxEVT_GRID_CELL_CHANGED, &GroupSessionsPage::on_cell_changed, this);
    refresh();
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
    sessions_->DeleteAllItems();
    session_ids_.clear();
    row_people_.clear();
    row_is_facilitator_.clear();
    if (grid_->GetNumberRows()) grid_->DeleteRows(0, grid_->GetNumberRows());
    if (grid_->GetNumberCols()) grid_->DeleteCols(0, grid_->GetNumberCols());
    const int g = group_->GetSelection();
    if (g == wxNOT_FOUND) return;
    auto& db = database();
    CycleRepository repo(db);
    InstitutionRepository institutions(db);
    PersonRepository people(db);
    SessionRepository core(db);
    const auto group = repo.group(group_ids_[size_t(g)]);
    const auto sessions = repo.sessions(group->id);
    long i = 0;
    for (const auto& s : sessions) {
        sessions_->InsertItem(i, u8(s.date));
        sessions_->SetItem(i, 1, u8(s.start_time + "–" + s.end_time));
        sessions_->SetItem(i, 2, s.status == "held" ? _("held") : s.status == "cancelled" ? _("cancelled") : _("planned"));
        const auto h = s.host_institution_id ? institutions.get(*s.host_institution_id) : std::nullopt;
        sessions_->SetItem(i, 3, h ? u8(h->name) : wxString());
        sessions_->SetItem(i, 4, u8(s.place));
        if (s.status == "cancelled") sessions_->SetItemTextColour(i, *wxLIGHT_GREY);
        session_ids_.push_back(s.session_id);
        ++i;
    }
    wxString conflicts;
    for (const auto& c : SessionScheduler(db).conflicts(group->cycle_id))
        if (std::find(session_ids_.begin(), session_ids_.end(), c.session_id) != session_ids_.end())
            conflicts += _("Conflict: ") + u8(c.message) + "\n";
    conflicts_->SetLabel(conflicts);

    // Grid: participants then facilitators, one column per session.
    for (const auto& e : repo.enrolments(group->id))
        if (e.status != "waiting") {
            row_people_.push_back(e.person_id);
            row_is_facilitator_.push_back(false);
        }
    for (auto f : group->facilitators()) {
        row_people_.push_back(f);
        row_is_facilitator_.push_back(true);
    }
    grid_->AppendCols(int(sessions.size()));
    grid_->AppendRows(int(row_people_.size()));
    for (size_t c = 0; c < sessions.size(); ++c) grid_->SetColLabelValue(int(c), u8(sessions[c].date.substr(5)));
    for (size_t r = 0; r < row_people_.size(); ++r) {
        const auto p = people.get(row_people_[r]);
        wxString label = p ? u8(p->display_name()) : wxString();
        if (row_is_facilitator_[r]) label = wxString::Format(_("%s (facilitator)"), label);
        grid_->SetRowLabelValue(int(r), label);
    }
    for (size_t c = 0; c < sessions.size(); ++c) {
        std::map<int64_t, std::string> status;
        for (const auto& a : core.attendance(sessions[c].session_id)) status[a.person_id] = a.status;
        for (size_t r = 0; r < row_people_.size(); ++r) {
            const auto it = status.find(row_people_[r]);
            const std::string st = it == status.end() ? "" : it->second;
            grid_->SetCellValue(int(r), int(c),
                                st == "present" ? _("present") : st == "excused" ? _("excused")
                                                : st == "absent" ? _("absent") : wxString());
            grid_->SetCellEditor(int(r), int(c), new wxGridCellChoiceEditor(status_labels()));
            if (st == "present") grid_->SetCellBackgroundColour(int(r), int(c), wxColour(210, 240, 210));
            if (sessions[c].status == "cancelled") grid_->SetReadOnly(int(r), int(c));
        }
    }
    grid_->AutoSizeColumns(false);
    Layout();
}

int64_t GroupSessionsPage::selected_session() const {
    const long i = sessions_->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    return i < 0 ? 0 : session_ids_[size_t(i)];
}

void GroupSessionsPage::run(const std::function<void()>& action) {
    try {
        action();
        context().data_changed();
        // Not from inside the grid's own event: reload once it returns.
        CallAfter([this] { load_sessions(); });
    } catch (const std::exception& e) {
        wxMessageBox(u8(e.what()), _("Intervision sessions"), wxOK | wxICON_ERROR, this);
    }
}

void GroupSessionsPage::on_cell_changed(wxGridEvent& event) {
    const int r = event.GetRow(), c = event.GetCol();
    const auto labels = status_labels();
    const int index = labels.Index(grid_->GetCellValue(r, c));
    if (index <= 0) return;
    run([&] {
        set_attendance(database(), session_ids_[size_t(c)], row_people_[size_t(r)], kStatuses[index], "",
                       row_is_facilitator_[size_t(r)] ? "facilitator" : "participant");
    });
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
