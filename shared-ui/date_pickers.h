#pragma once
// A date picker and a time-slot picker (weekday, morning/afternoon, start and end
// times) that speak ISO strings to the code ("2025-09-15", "09:30") and the locale's
// form to the user (a field showing "15/09/2025" that accepts what Belgians type, and a
// calendar button).
#include <wx/panel.h>

#include <functional>
#include <string>

class wxChoice;
class wxComboBox;
class wxTextCtrl;

namespace maillage::ui {

class DatePicker : public wxPanel {
public:
    // With `optional`, the date may be left empty (a check box in the control).
    explicit DatePicker(wxWindow* parent, bool optional = false, wxWindowID id = wxID_ANY);

    // "YYYY-MM-DD", or "" when no date is set or the typed text is not a date.
    std::string iso() const { return iso_; }
    // Sets the date from "YYYY-MM-DD" ("" clears it when optional); false when invalid.
    bool set_iso(const std::string& date);
    // Empty when the field holds a date (or is empty and optional), else the sentence
    // saying what is wrong with what was typed.
    wxString problem() const;
    // Called with the new ISO date ("" while the text is not a date).
    void on_change(std::function<void(const std::string& iso)> callback) { on_change_ = std::move(callback); }
    wxTextCtrl* text() { return text_; }

private:
    void typed();
    void show_calendar();
    wxTextCtrl* text_;
    bool optional_;
    std::string iso_;
    wxString problem_;
    std::function<void(const std::string&)> on_change_;
};

// A recurring slot, such as "Monday morning, 09:30–12:00".
struct TimeSlot {
    enum class HalfDay { Morning, Afternoon };
    int weekday = 1;  // ISO: 1 = Monday ... 7 = Sunday
    HalfDay half_day = HalfDay::Morning;
    std::string start = "09:30", end = "12:00";  // "HH:MM"

    bool operator==(const TimeSlot&) const = default;
    // "morning" / "afternoon" as stored, and the reverse (false when unknown).
    std::string half_day_code() const;
    static bool parse_half_day(const std::string& code, HalfDay& out);
    // "Monday morning (09:30-12:00)", translated.
    wxString describe() const;
};

// The translated weekday name (1 = Monday).
wxString weekday_name(int weekday);

class TimeSlotPicker : public wxPanel {
public:
    explicit TimeSlotPicker(wxWindow* parent, wxWindowID id = wxID_ANY);

    TimeSlot slot() const;
    void set_slot(const TimeSlot& slot);
    // Choosing the half-day proposes its usual times (09:30–12:00, 13:30–16:00).
    void set_half_day(TimeSlot::HalfDay half_day);
    // Empty when the slot makes sense, else why not (a time is not HH:MM, or the end is
    // not after the start).
    wxString problem() const;
    void on_change(std::function<void(const TimeSlot&)> callback) { on_change_ = std::move(callback); }

private:
    void changed();
    wxChoice* weekday_;
    wxChoice* half_day_;
    wxComboBox* start_;  // typed or chosen "HH:MM"
    wxComboBox* end_;
    std::function<void(const TimeSlot&)> on_change_;
};

}  // namespace maillage::ui
