#pragma once
// The dialogs of the sessions page: generating a whole cycle (a preview of every
// session with its host and why a date moved, and what will be replaced, before
// anything is written); a session's date, times and place (move, or add a
// replacement); the reason of a cancellation; the meeting's notes; the host.
#include "cycle_planning.h"
#include "shared-ui/fwd.h"

#include <wx/dialog.h>

#include <cstdint>
#include <optional>
#include <string>

namespace maillage::intervision {

class GenerateDialog : public wxDialog {
public:
    GenerateDialog(wxWindow* parent, ui::UiContext* context, Database& db, int64_t cycle_id);
    const CyclePlan& plan() const { return plan_; }

private:
    CyclePlan plan_;
};

// Date, start, end and place of a session: to move one, or to add one.
class SessionDialog : public wxDialog {
public:
    SessionDialog(wxWindow* parent, const wxString& title, const std::string& date, const std::string& start,
                  const std::string& end, const std::string& place);
    std::string date() const;
    std::string start() const;
    std::string end() const;
    std::string place() const;

private:
    void check();
    ui::DatePicker* date_;
    wxTextCtrl *start_, *end_, *place_;
    wxStaticText* problem_;
};

// A question with a required text: the reason of a cancellation.
class ReasonDialog : public wxDialog {
public:
    ReasonDialog(wxWindow* parent, const wxString& question, const wxString& ok_label);
    std::string reason() const;

private:
    wxTextCtrl* reason_;
};

class NotesDialog : public wxDialog {
public:
    NotesDialog(wxWindow* parent, const std::string& presentation, const std::string& themes);
    std::string presentation() const;
    std::string themes() const;

private:
    wxTextCtrl *presentation_, *themes_;
};

class HostDialog : public wxDialog {
public:
    HostDialog(wxWindow* parent, Database& db, std::optional<int64_t> host);
    std::optional<int64_t> host() const;

private:
    ui::InstitutionPicker* host_;
};

}  // namespace maillage::intervision
