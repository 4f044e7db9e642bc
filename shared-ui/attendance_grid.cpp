#include "shared-ui/attendance_grid.h"

#include "shared-ui/messages.h"

#include "core/database.h"
#include "core/people.h"
#include "core/sessions.h"

#include <wx/datetime.h>
#include <wx/intl.h>
#include <wx/textdlg.h>

#include <algorithm>
#include <set>

namespace maillage::ui {

std::string status_code(AttendanceStatus status) {
    switch (status) {
        case AttendanceStatus::Registered: return "registered";
        case AttendanceStatus::Present: return "present";
        case AttendanceStatus::Excused: return "excused";
        case AttendanceStatus::Absent: return "absent";
        case AttendanceStatus::None: break;
    }
    return {};
}

AttendanceStatus status_from_code(const std::string& code) {
    if (code == "registered") return AttendanceStatus::Registered;
    if (code == "present") return AttendanceStatus::Present;
    if (code == "excused") return AttendanceStatus::Excused;
    if (code == "absent") return AttendanceStatus::Absent;
    return AttendanceStatus::None;
}

wxString status_label(AttendanceStatus status) {
    // Looked up in this module's catalog only: a plugin's catalog may translate the same
    // English word as a column header ("Present" → "Présent·e·s"), not one person's state.
    const auto of_one_person = [](const char* msgid) { return wxGetTranslation(msgid, "maillage-ui"); };
    switch (status) {
        case AttendanceStatus::Registered: return of_one_person(wxTRANSLATE("Registered"));
        case AttendanceStatus::Present: return of_one_person(wxTRANSLATE("Present"));
        case AttendanceStatus::Excused: return of_one_person(wxTRANSLATE("Excused"));
        case AttendanceStatus::Absent: return of_one_person(wxTRANSLATE("Absent"));
        case AttendanceStatus::None: break;
    }
    return {};
}

// ---------------------------------------------------------------------------------------
// The core adapter.

SessionAttendanceData::SessionAttendanceData(Database& db, std::vector<int64_t> session_ids)
    : db_(db), session_ids_(std::move(session_ids)) {
    load();
}

void SessionAttendanceData::load() {
    cells_.clear();
    std::set<int64_t> seen;
    SessionRepository sessions(db_);
    for (int64_t s : session_ids_)
        for (const auto& a : sessions.attendance(s)) {
            cells_[{a.person_id, s}] = {status_from_code(a.status), a.reason, a.role};
            seen.insert(a.person_id);
        }
    for (const auto& [p, role] : extra_) seen.insert(p);
    // Alphabetical, as on a paper attendance sheet.
    PersonRepository people(db_);
    std::vector<std::pair<std::string, int64_t>> named;
    for (int64_t p : seen) {
        auto person = people.get(p);
        named.emplace_back(person ? person->last_name + " " + person->first_name : std::string(), p);
    }
    std::sort(named.begin(), named.end());
    people_.clear();
    for (const auto& [name, id] : named) people_.push_back(id);
}

std::vector<AttendanceColumn> SessionAttendanceData::columns() {
    std::vector<AttendanceColumn> out;
    SessionRepository sessions(db_);
    for (int64_t id : session_ids_) {
        auto s = sessions.get(id);
        if (!s) continue;
        wxDateTime date;
        wxString label = wxString::FromUTF8(s->date);
        if (date.ParseISODate(label)) label = date.Format("%d/%m/%Y");
        if (!s->title.empty()) label += "\n" + wxString::FromUTF8(s->title);
        out.push_back({id, label});
    }
    return out;
}

std::vector<AttendanceRow> SessionAttendanceData::rows() {
    std::vector<AttendanceRow> out;
    PersonRepository people(db_);
    for (int64_t p : people_) {
        bool facilitator = false;
        for (const auto& [key, cell] : cells_)
            if (key.first == p && cell.role != "participant") facilitator = true;
        for (const auto& [id, role] : extra_)
            if (id == p && role != "participant") facilitator = true;
        auto person = people.get(p);
        out.push_back({p, person ? wxString::FromUTF8(person->display_name()) : wxString(), facilitator});
    }
    return out;
}

AttendanceStatus SessionAttendanceData::status(int64_t person_id, int64_t session_id) {
    auto it = cells_.find({person_id, session_id});
    return it == cells_.end() ? AttendanceStatus::None : it->second.status;
}

std::string SessionAttendanceData::reason(int64_t person_id, int64_t session_id) {
    auto it = cells_.find({person_id, session_id});
    return it == cells_.end() ? std::string() : it->second.reason;
}

void SessionAttendanceData::set_status(int64_t person_id, int64_t session_id, AttendanceStatus status,
                                       const std::string& reason) {
    SessionRepository sessions(db_);
    if (status == AttendanceStatus::None) {
        sessions.remove_attendance(session_id, person_id);
        cells_.erase({person_id, session_id});
        return;
    }
    // A new cell takes the role the person has in the other sessions of the grid.
    std::string role = "participant";
    auto it = cells_.find({person_id, session_id});
    if (it != cells_.end()) {
        role = it->second.role;
    } else {
        for (const auto& [key, cell] : cells_)
            if (key.first == person_id) role = cell.role;
        for (const auto& [id, r] : extra_)
            if (id == person_id) role = r;
    }
    Attendance a;
    a.session_id = session_id;
    a.person_id = person_id;
    a.status = status_code(status);
    a.role = role;
    a.reason = status == AttendanceStatus::Excused ? reason : std::string();
    sessions.record(a);
    cells_[{person_id, session_id}] = {status, a.reason, role};
}

void SessionAttendanceData::add_person(int64_t person_id, const std::string& role) {
    extra_.emplace_back(person_id, role);
    load();
}

// ---------------------------------------------------------------------------------------
// The table behind the grid: heading rows, person rows and a totals row.

class AttendanceTable : public wxGridTableBase {
public:
    enum class Kind { Heading, Person, Totals };
    struct Line {
        Kind kind;
        wxString text;
        size_t person = 0;  // index in rows
    };

    explicit AttendanceTable(std::shared_ptr<AttendanceData> data) : data_(std::move(data)) { load(); }

    void load() {
        columns_ = data_->columns();
        rows_ = data_->rows();
        lines_.clear();
        const bool any_facilitator =
            std::any_of(rows_.begin(), rows_.end(), [](const AttendanceRow& r) { return r.facilitator; });
        if (any_facilitator) {
            lines_.push_back({Kind::Heading, _("Facilitators").Upper()});
            for (size_t i = 0; i < rows_.size(); ++i)
                if (rows_[i].facilitator) lines_.push_back({Kind::Person, rows_[i].name, i});
            lines_.push_back({Kind::Heading, _("Participants").Upper()});
        }
        for (size_t i = 0; i < rows_.size(); ++i)
            if (!rows_[i].facilitator) lines_.push_back({Kind::Person, rows_[i].name, i});
        lines_.push_back({Kind::Totals, _("Participants present / registered")});
    }

    int GetNumberRows() override { return int(lines_.size()); }
    int GetNumberCols() override { return int(columns_.size()) + 1; }
    bool IsEmptyCell(int row, int col) override { return GetValue(row, col).empty(); }

    wxString GetValue(int row, int col) override {
        if (row < 0 || row >= int(lines_.size())) return {};
        const Line& line = lines_[row];
        const bool total_col = col == int(columns_.size());
        switch (line.kind) {
            case Kind::Heading: return {};
            case Kind::Totals: return total_col ? wxString() : session_total(col);
            case Kind::Person: {
                if (total_col) return person_total(row);
                const auto status = cell(row, col);
                wxString text = status_label(status);
                if (status == AttendanceStatus::Excused) {
                    const auto why = data_->reason(rows_[line.person].id, columns_[col].id);
                    if (!why.empty()) text += ": " + wxString::FromUTF8(why);
                }
                return text;
            }
        }
        return {};
    }
    void SetValue(int, int, const wxString&) override {}  // changed through set_cell only

    wxString GetRowLabelValue(int row) override { return row < int(lines_.size()) ? lines_[row].text : wxString(); }
    wxString GetColLabelValue(int col) override {
        return col < int(columns_.size()) ? columns_[col].label : _("Present / registered");
    }

    bool CanHaveAttributes() override { return true; }
    wxGridCellAttr* GetAttr(int row, int col, wxGridCellAttr::wxAttrKind) override {
        auto* attr = new wxGridCellAttr;
        attr->SetReadOnly(true);
        attr->SetAlignment(wxALIGN_CENTRE, wxALIGN_CENTRE);
        if (row < 0 || row >= int(lines_.size())) return attr;
        const Line& line = lines_[row];
        if (line.kind == Kind::Heading) {
            attr->SetBackgroundColour(wxColour(225, 228, 232));
        } else if (line.kind == Kind::Totals || col == int(columns_.size())) {
            attr->SetBackgroundColour(wxColour(240, 240, 240));
            attr->SetFont(wxNORMAL_FONT->Bold());
        } else {
            switch (cell(row, col)) {
                case AttendanceStatus::Present: attr->SetBackgroundColour(wxColour(198, 239, 206)); break;
                case AttendanceStatus::Excused: attr->SetBackgroundColour(wxColour(255, 235, 156)); break;
                case AttendanceStatus::Absent: attr->SetBackgroundColour(wxColour(255, 199, 206)); break;
                case AttendanceStatus::Registered: attr->SetBackgroundColour(wxColour(221, 235, 247)); break;
                case AttendanceStatus::None: break;
            }
        }
        return attr;
    }

    const Line* line(int row) const { return row >= 0 && row < int(lines_.size()) ? &lines_[row] : nullptr; }
    const AttendanceRow* person(int row) const {
        const Line* l = line(row);
        return l && l->kind == Kind::Person ? &rows_[l->person] : nullptr;
    }
    const AttendanceColumn* column(int col) const {
        return col >= 0 && col < int(columns_.size()) ? &columns_[col] : nullptr;
    }
    AttendanceStatus cell(int row, int col) {
        const AttendanceRow* p = person(row);
        const AttendanceColumn* c = column(col);
        return p && c ? data_->status(p->id, c->id) : AttendanceStatus::None;
    }
    AttendanceData& data() { return *data_; }

    int row_of(int64_t id) const {
        for (size_t r = 0; r < lines_.size(); ++r)
            if (lines_[r].kind == Kind::Person && rows_[lines_[r].person].id == id) return int(r);
        return -1;
    }
    int col_of(int64_t id) const {
        for (size_t c = 0; c < columns_.size(); ++c)
            if (columns_[c].id == id) return int(c);
        return -1;
    }

    // Participants only: the reports count facilitators apart.
    wxString session_total(int col) {
        int present = 0, registered = 0;
        for (size_t r = 0; r < lines_.size(); ++r) {
            if (lines_[r].kind != Kind::Person || rows_[lines_[r].person].facilitator) continue;
            const auto s = cell(int(r), col);
            if (s == AttendanceStatus::None) continue;
            ++registered;
            if (s == AttendanceStatus::Present) ++present;
        }
        return wxString::Format("%d / %d", present, registered);
    }
    wxString person_total(int row) {
        int present = 0, registered = 0;
        for (size_t c = 0; c < columns_.size(); ++c) {
            const auto s = cell(row, int(c));
            if (s == AttendanceStatus::None) continue;
            ++registered;
            if (s == AttendanceStatus::Present) ++present;
        }
        return wxString::Format("%d / %d", present, registered);
    }

private:
    std::shared_ptr<AttendanceData> data_;
    std::vector<AttendanceColumn> columns_;
    std::vector<AttendanceRow> rows_;
    std::vector<Line> lines_;
};

// ---------------------------------------------------------------------------------------

AttendanceGrid::AttendanceGrid(wxWindow* parent, std::shared_ptr<AttendanceData> data, wxWindowID id)
    : wxGrid(parent, id), data_(std::move(data)), table_(new AttendanceTable(data_)) {
    SetTable(table_, true, wxGridSelectCells);
    EnableEditing(false);
    EnableDragRowSize(false);
    DisableDragGridSize();
    SetDefaultCellAlignment(wxALIGN_CENTRE, wxALIGN_CENTRE);
    SetColLabelSize(GetCharHeight() * 3);
    SetRowLabelAlignment(wxALIGN_LEFT, wxALIGN_CENTRE);
    SetLabelFont(GetFont());
    SetToolTip(_("Click a cell to change it, or type P (present), E (excused), A (absent), R (registered); "
                 "Delete clears it."));
    prompt_ = [this](const AttendanceRow& row, const AttendanceColumn&) -> std::optional<std::string> {
        wxTextEntryDialog dialog(this, wxString::Format(_("Why is %s excused?"), row.name), _("Excused"));
        if (dialog.ShowModal() != wxID_OK) return std::nullopt;
        return dialog.GetValue().Strip(wxString::both).utf8_string();
    };
    Bind(wxEVT_GRID_CELL_LEFT_CLICK, &AttendanceGrid::on_click, this);
    Bind(wxEVT_KEY_DOWN, &AttendanceGrid::on_key, this);
    reload();
}

AttendanceGrid::~AttendanceGrid() = default;

void AttendanceGrid::reload() {
    const int old_rows = GetNumberRows(), old_cols = GetNumberCols();
    table_->load();
    BeginBatch();
    // Tell the grid how the shape changed (wxGridTableMessage, as virtual tables must).
    const int rows = table_->GetNumberRows(), cols = table_->GetNumberCols();
    auto notify = [this](int now, int before, int appended, int deleted) {
        if (now > before) {
            wxGridTableMessage m(table_, appended, now - before);
            ProcessTableMessage(m);
        } else if (now < before) {
            wxGridTableMessage m(table_, deleted, now, before - now);
            ProcessTableMessage(m);
        }
    };
    notify(rows, old_rows, wxGRIDTABLE_NOTIFY_ROWS_APPENDED, wxGRIDTABLE_NOTIFY_ROWS_DELETED);
    notify(cols, old_cols, wxGRIDTABLE_NOTIFY_COLS_APPENDED, wxGRIDTABLE_NOTIFY_COLS_DELETED);
    SetRowLabelSize(wxGRID_AUTOSIZE);
    SetDefaultColSize(FromDIP(100));
    AutoSizeColumns(false);
    for (int c = 0; c < GetNumberCols(); ++c) SetColSize(c, std::max(GetColSize(c), FromDIP(100)));
    EndBatch();
    ForceRefresh();
}

void AttendanceGrid::cycle(int row, int col) {
    if (!table_->person(row) || !table_->column(col)) return;
    AttendanceStatus next = AttendanceStatus::Registered;
    switch (table_->cell(row, col)) {
        case AttendanceStatus::None: next = AttendanceStatus::Registered; break;
        case AttendanceStatus::Registered: next = AttendanceStatus::Present; break;
        case AttendanceStatus::Present: next = AttendanceStatus::Excused; break;
        case AttendanceStatus::Excused: next = AttendanceStatus::Absent; break;
        case AttendanceStatus::Absent: next = AttendanceStatus::Registered; break;
    }
    set_cell(row, col, next);
}

bool AttendanceGrid::set_cell(int row, int col, AttendanceStatus status) {
    const AttendanceRow* person = table_->person(row);
    const AttendanceColumn* column = table_->column(col);
    if (!person || !column) return false;
    std::string reason;
    if (status == AttendanceStatus::Excused) {
        auto answer = prompt_(*person, *column);
        if (!answer) return false;
        reason = *answer;
    }
    const bool stored = guarded(this, _("Could not record the attendance"),
                                [&] { table_->data().set_status(person->id, column->id, status, reason); });
    if (!stored) return false;
    ForceRefresh();  // the cell, its row total and the session total
    return true;
}

bool AttendanceGrid::handle_key(int key_code) {
    const int row = GetGridCursorRow(), col = GetGridCursorCol();
    switch (key_code) {
        case 'P': return set_cell(row, col, AttendanceStatus::Present);
        case 'E': return set_cell(row, col, AttendanceStatus::Excused);
        case 'A': return set_cell(row, col, AttendanceStatus::Absent);
        case 'R': return set_cell(row, col, AttendanceStatus::Registered);
        case ' ': cycle(row, col); return true;
        case WXK_DELETE:
        case WXK_BACK: return set_cell(row, col, AttendanceStatus::None);
        default: return false;
    }
}

void AttendanceGrid::on_click(wxGridEvent& event) {
    event.Skip();  // the cursor moves there too
    const int row = event.GetRow(), col = event.GetCol();
    const AttendanceRow* person = table_->person(row);
    const AttendanceColumn* column = table_->column(col);
    if (!person || !column) return;
    // Taking attendance (registered → present) goes by clicks; a stray click must not
    // change a presence, excuse or absence already recorded, so that asks first.
    const AttendanceStatus now = table_->cell(row, col);
    if (now == AttendanceStatus::Present || now == AttendanceStatus::Excused || now == AttendanceStatus::Absent) {
        const AttendanceStatus next = now == AttendanceStatus::Present   ? AttendanceStatus::Excused
                                      : now == AttendanceStatus::Excused ? AttendanceStatus::Absent
                                                                         : AttendanceStatus::Registered;
        if (!confirm_destructive(this,
                                 wxString::Format(_("Change the attendance of %s on %s from %s to %s?"),
                                                  person->name, column->label, status_label(now), status_label(next)),
                                 _("The keys P, E, A and R set a status without this question."), _("Change")))
            return;
    }
    cycle(row, col);
}

void AttendanceGrid::on_key(wxKeyEvent& event) {
    if (event.HasAnyModifiers() || !handle_key(event.GetKeyCode())) event.Skip();
}

int AttendanceGrid::row_of(int64_t row_id) const { return table_->row_of(row_id); }
int AttendanceGrid::col_of(int64_t column_id) const { return table_->col_of(column_id); }
wxString AttendanceGrid::session_total(int col) const { return table_->session_total(col); }
wxString AttendanceGrid::person_total(int row) const { return table_->person_total(row); }

}  // namespace maillage::ui
