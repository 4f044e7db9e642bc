#pragma once
// An attendance grid: people down, sessions across. A click or the keys P, E, A, R set
// a cell to present, excused (asking for a reason), absent or registered; Delete clears
// it. Facilitators are shown in their own block above the participants; the last row
// gives each session's participants present / registered, the last column each
// person's sessions present / registered.
//
// The grid works on an AttendanceData, which each plugin adapts to its sessions;
// SessionAttendanceData is the adapter over the core's session attendance.
#include <wx/grid.h>

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace maillage {
class Database;
}

namespace maillage::ui {

enum class AttendanceStatus { None, Registered, Present, Excused, Absent };

// "registered", "present"... (the core's codes; "" for None) and back.
std::string status_code(AttendanceStatus status);
AttendanceStatus status_from_code(const std::string& code);
// The translated name shown in a cell.
wxString status_label(AttendanceStatus status);

struct AttendanceColumn {
    int64_t id = 0;
    wxString label;  // "12/09 Connect" (the header: keep it short)
};

struct AttendanceRow {
    int64_t id = 0;
    wxString name;
    bool facilitator = false;  // shown in the facilitators' block, not in the totals
};

class AttendanceData {
public:
    virtual ~AttendanceData() = default;
    virtual std::vector<AttendanceColumn> columns() = 0;
    virtual std::vector<AttendanceRow> rows() = 0;
    virtual AttendanceStatus status(int64_t row_id, int64_t column_id) = 0;
    virtual std::string reason(int64_t row_id, int64_t column_id) = 0;
    // Stores a change; throws maillage::Error when it cannot (the grid shows it).
    virtual void set_status(int64_t row_id, int64_t column_id, AttendanceStatus status,
                            const std::string& reason) = 0;
};

// Attendance of the core's sessions `session_ids` (in that order): every person with an
// attendance record in one of them is a row; someone whose role is other than
// participant in any of them is a facilitator. New cells are recorded with the role the
// person has elsewhere in these sessions.
class SessionAttendanceData : public AttendanceData {
public:
    SessionAttendanceData(Database& db, std::vector<int64_t> session_ids);
    std::vector<AttendanceColumn> columns() override;
    std::vector<AttendanceRow> rows() override;
    AttendanceStatus status(int64_t person_id, int64_t session_id) override;
    std::string reason(int64_t person_id, int64_t session_id) override;
    void set_status(int64_t person_id, int64_t session_id, AttendanceStatus status,
                    const std::string& reason) override;
    // Adds a person as a row (before they have any cell), with a role.
    void add_person(int64_t person_id, const std::string& role = "participant");

private:
    void load();
    struct Cell {
        AttendanceStatus status = AttendanceStatus::None;
        std::string reason, role;
    };
    Database& db_;
    std::vector<int64_t> session_ids_;
    std::vector<int64_t> people_;                  // in display order
    std::vector<std::pair<int64_t, std::string>> extra_;  // added, not yet recorded
    std::map<std::pair<int64_t, int64_t>, Cell> cells_;  // (person, session)
};

class AttendanceTable;

class AttendanceGrid : public wxGrid {
public:
    AttendanceGrid(wxWindow* parent, std::shared_ptr<AttendanceData> data, wxWindowID id = wxID_ANY);
    ~AttendanceGrid() override;

    // Reloads rows, columns and cells from the data.
    void reload();

    // What the user does, also for tests: grid coordinates, not ids.
    void cycle(int row, int col);  // registered → present → excused → absent → registered
    bool set_cell(int row, int col, AttendanceStatus status);
    bool handle_key(int key_code);  // P, E, A, R, Delete on the cursor cell

    // Asked for a reason when a cell becomes excused; nullopt cancels the change.
    // By default a text dialog.
    using ReasonPrompt = std::function<std::optional<std::string>(const AttendanceRow&, const AttendanceColumn&)>;
    void set_reason_prompt(ReasonPrompt prompt) { prompt_ = std::move(prompt); }

    // Where a person and a session are, -1 when not shown.
    int row_of(int64_t row_id) const;
    int col_of(int64_t column_id) const;
    // A totals cell's text ("3 / 5").
    wxString session_total(int col) const;
    wxString person_total(int row) const;

private:
    void on_click(wxGridEvent& event);
    void on_key(wxKeyEvent& event);
    std::shared_ptr<AttendanceData> data_;
    AttendanceTable* table_;
    ReasonPrompt prompt_;
};

}  // namespace maillage::ui
