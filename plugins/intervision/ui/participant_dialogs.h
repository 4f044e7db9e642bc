#pragma once
// The officer's dialogs for one participant: enrol (date, the institution they count
// for, and the reason the one-worker-per-institution rule asks for, in the same dialog),
// leave (a date, and what follows: the waiting list moves up), move to another group
// (the history stays: left here, enrolled there, on one date).
#include "enrolment_rules.h"
#include "shared-ui/fwd.h"
#include "shared-ui/id_choice.h"

#include <wx/dialog.h>

#include <cstdint>
#include <string>
#include <vector>

namespace maillage::intervision {

// The default date of an enrolment: today, or the cycle's start when today is outside it.
std::string default_enrolment_date(const Cycle& cycle, const std::string& today);

class EnrolDialog : public wxDialog {
public:
    // `group_id`: the group chosen first (0: the first of the cycle).
    EnrolDialog(wxWindow* parent, Database& db, int64_t cycle_id, int64_t group_id, const std::string& today);
    // After OK: "Enrolled." or "On the waiting list, position 1."
    wxString done_message() const { return done_; }

private:
    void person_chosen();
    void enrol();

    Database& db_;
    ui::PersonPicker* person_;
    ui::IdChoice* group_;
    ui::DatePicker* date_;
    ui::InstitutionPicker* institution_;
    wxStaticText* warning_;
    wxStaticText* reason_label_;
    wxTextCtrl* reason_;
    wxStaticText* problem_;
    wxString done_;
};

// What leaving and moving share: one enrolment, a date, a problem line and, after OK,
// the sentence for the status bar.
class EnrolmentDialog : public wxDialog {
public:
    EnrolmentDialog(wxWindow* parent, Database& db, int64_t enrolment_id, const wxString& title, const char* name);
    wxString done_message() const { return done_; }

protected:
    Database& db_;
    Enrolment enrolment_;
    ui::DatePicker* date_ = nullptr;
    wxStaticText* problem_ = nullptr;
    wxString done_;
};

class LeaveDialog : public EnrolmentDialog {
public:
    LeaveDialog(wxWindow* parent, Database& db, int64_t enrolment_id, const std::string& today);

private:
    void leave();
};

class MoveDialog : public EnrolmentDialog {
public:
    MoveDialog(wxWindow* parent, Database& db, int64_t enrolment_id, const std::string& today);

private:
    void move();
    ui::IdChoice* group_;
    wxStaticText* warning_;
    wxTextCtrl* reason_;
};

}  // namespace maillage::intervision
