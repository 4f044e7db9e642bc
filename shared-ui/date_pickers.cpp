#include "shared-ui/date_pickers.h"

#include "core/locale_format.h"
#include "core/sessions.h"

#include <wx/app.h>
#include <wx/button.h>
#include <wx/calctrl.h>
#include <wx/choice.h>
#include <wx/intl.h>
#include <wx/popupwin.h>
#include <wx/textctrl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/combobox.h>


namespace maillage::ui {
namespace {

// A field for "HH:MM": typed, or chosen among the half hours of a working day.
wxComboBox* time_field(wxWindow* parent) {
    wxArrayString times;
    for (int h = 7; h <= 21; ++h)
        for (int m : {0, 30}) times.Add(wxString::Format("%02d:%02d", h, m));
    auto* box = new wxComboBox(parent, wxID_ANY, {}, wxDefaultPosition, wxDefaultSize, times);
    const int width = box->GetTextExtent("00:00").x + parent->FromDIP(60);
    box->SetMinSize(wxSize(width, -1));
    return box;
}

// The calendar under a date field; it goes away with its dismissal.
class CalendarPopup : public wxPopupTransientWindow {
public:
    using wxPopupTransientWindow::wxPopupTransientWindow;
    void Dismiss() override {
        wxPopupTransientWindow::Dismiss();
        if (!wxTheApp->IsScheduledForDestruction(this)) wxTheApp->ScheduleForDestruction(this);
    }
};

std::string hhmm(const wxComboBox* box) { return box->GetValue().Strip(wxString::both).utf8_string(); }

}  // namespace

// ---------------------------------------------------------------------------------------

DatePicker::DatePicker(wxWindow* parent, bool optional, wxWindowID id) : wxPanel(parent, id), optional_(optional) {
    text_ = new wxTextCtrl(this, wxID_ANY);
    text_->SetHint(wxString::FromUTF8(locale::date_placeholder()));
    text_->SetMinSize(wxSize(text_->GetTextExtent("00/00/00000").x + FromDIP(24), -1));
    auto* calendar = new wxButton(this, wxID_ANY, _("Calendar..."), wxDefaultPosition, wxDefaultSize, wxBU_EXACTFIT);
    calendar->SetToolTip(_("Choose the day in a calendar"));
    auto* sizer = new wxBoxSizer(wxHORIZONTAL);
    sizer->Add(text_, 1, wxEXPAND | wxRIGHT, FromDIP(4));
    sizer->Add(calendar, 0, wxALIGN_CENTER_VERTICAL);
    SetSizer(sizer);
    // A required date starts on today, as the calendar would; an optional one empty.
    if (!optional) set_iso(wxDateTime::Today().FormatISODate().utf8_string());
    else typed();
    text_->Bind(wxEVT_TEXT, [this](wxCommandEvent& event) {
        event.Skip();
        typed();
        if (on_change_) on_change_(iso_);
    });
    // Leaving the field shows the date in the locale's form ("14/9/26" -> "14/09/2026").
    text_->Bind(wxEVT_KILL_FOCUS, [this](wxFocusEvent& event) {
        event.Skip();
        if (!iso_.empty()) text_->ChangeValue(wxString::FromUTF8(locale::short_date(iso_)));
    });
    calendar->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { show_calendar(); });
}

void DatePicker::typed() {
    const std::string text = text_->GetValue().utf8_string();
    problem_.clear();
    iso_.clear();
    if (text.find_first_not_of(" \t") == std::string::npos) {
        if (!optional_) problem_ = _("Enter a date.");
    } else {
        std::string error;
        if (auto date = locale::parse_date(text, &error)) iso_ = *date;
        else problem_ = wxString::FromUTF8(error);
    }
    text_->SetToolTip(problem_);
}

wxString DatePicker::problem() const { return problem_; }

bool DatePicker::set_iso(const std::string& date) {
    if (date.empty()) {
        if (!optional_) return false;
        text_->ChangeValue({});
    } else {
        if (!locale::is_iso_date(date)) return false;
        text_->ChangeValue(wxString::FromUTF8(locale::short_date(date)));
    }
    typed();
    if (on_change_) on_change_(iso_);
    return true;
}

void DatePicker::show_calendar() {
    auto* popup = new CalendarPopup(this, wxBORDER_SIMPLE);
    wxDateTime initial = wxDateTime::Today();
    if (!iso_.empty()) initial.ParseISODate(wxString::FromUTF8(iso_));
    auto* calendar = new wxCalendarCtrl(popup, wxID_ANY, initial, wxDefaultPosition, wxDefaultSize,
                                        wxCAL_MONDAY_FIRST | wxCAL_SHOW_HOLIDAYS);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(calendar, 0, wxALL, FromDIP(4));
    popup->SetSizerAndFit(sizer);
    calendar->Bind(wxEVT_CALENDAR_DOUBLECLICKED, [this, popup, calendar](wxCalendarEvent&) {
        set_iso(calendar->GetDate().FormatISODate().utf8_string());
        popup->Dismiss();
    });
    calendar->Bind(wxEVT_CALENDAR_SEL_CHANGED, [this, calendar](wxCalendarEvent&) {
        set_iso(calendar->GetDate().FormatISODate().utf8_string());
    });
    popup->Position(text_->GetScreenPosition(), wxSize(0, text_->GetSize().y));
    popup->Popup(calendar);
}

// ---------------------------------------------------------------------------------------

std::string TimeSlot::half_day_code() const { return half_day == HalfDay::Morning ? "morning" : "afternoon"; }

bool TimeSlot::parse_half_day(const std::string& code, HalfDay& out) {
    if (code == "morning") out = HalfDay::Morning;
    else if (code == "afternoon") out = HalfDay::Afternoon;
    else return false;
    return true;
}

wxString weekday_name(int weekday) {
    switch (weekday) {
        case 1: return _("Monday");
        case 2: return _("Tuesday");
        case 3: return _("Wednesday");
        case 4: return _("Thursday");
        case 5: return _("Friday");
        case 6: return _("Saturday");
        case 7: return _("Sunday");
        default: return {};
    }
}

wxString TimeSlot::describe() const {
    // TRANSLATORS: weekday, then start and end times: "Monday morning (09:30-12:00)"
    const wxString format = half_day == HalfDay::Morning ? _("%s morning (%s-%s)") : _("%s afternoon (%s-%s)");
    return wxString::Format(format, weekday_name(weekday), wxString::FromUTF8(start), wxString::FromUTF8(end));
}

TimeSlotPicker::TimeSlotPicker(wxWindow* parent, wxWindowID id) : wxPanel(parent, id) {
    weekday_ = new wxChoice(this, wxID_ANY);
    for (int d = 1; d <= 7; ++d) weekday_->Append(weekday_name(d));
    half_day_ = new wxChoice(this, wxID_ANY);
    half_day_->Append(_("Morning"));
    half_day_->Append(_("Afternoon"));
    start_ = time_field(this);
    end_ = time_field(this);
    auto* sizer = new wxBoxSizer(wxHORIZONTAL);
    const int gap = FromDIP(6);
    sizer->Add(weekday_, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, gap);
    sizer->Add(half_day_, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, gap * 2);
    sizer->Add(new wxStaticText(this, wxID_ANY, _("from")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, gap);
    sizer->Add(start_, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, gap);
    sizer->Add(new wxStaticText(this, wxID_ANY, _("to")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, gap);
    sizer->Add(end_, 0, wxALIGN_CENTER_VERTICAL);
    SetSizer(sizer);
    set_slot(TimeSlot{});

    weekday_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { changed(); });
    half_day_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) {
        set_half_day(half_day_->GetSelection() == 1 ? TimeSlot::HalfDay::Afternoon : TimeSlot::HalfDay::Morning);
    });
    for (auto* box : {start_, end_}) {
        box->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { changed(); });
        box->Bind(wxEVT_COMBOBOX, [this](wxCommandEvent&) { changed(); });
    }
}

TimeSlot TimeSlotPicker::slot() const {
    TimeSlot s;
    s.weekday = weekday_->GetSelection() + 1;
    s.half_day = half_day_->GetSelection() == 1 ? TimeSlot::HalfDay::Afternoon : TimeSlot::HalfDay::Morning;
    s.start = hhmm(start_);
    s.end = hhmm(end_);
    return s;
}

void TimeSlotPicker::set_slot(const TimeSlot& s) {
    weekday_->SetSelection(s.weekday >= 1 && s.weekday <= 7 ? s.weekday - 1 : 0);
    half_day_->SetSelection(s.half_day == TimeSlot::HalfDay::Afternoon ? 1 : 0);
    start_->ChangeValue(wxString::FromUTF8(s.start));
    end_->ChangeValue(wxString::FromUTF8(s.end));
    changed();
}

void TimeSlotPicker::set_half_day(TimeSlot::HalfDay half_day) {
    half_day_->SetSelection(half_day == TimeSlot::HalfDay::Afternoon ? 1 : 0);
    const bool morning = half_day == TimeSlot::HalfDay::Morning;
    start_->ChangeValue(morning ? "09:30" : "13:30");
    end_->ChangeValue(morning ? "12:00" : "16:00");
    changed();
}

wxString TimeSlotPicker::problem() const {
    const TimeSlot s = slot();
    if (!is_time(s.start) || !is_time(s.end)) return _("Enter the times as HH:MM, e.g. 09:30.");
    if (s.end <= s.start) return _("The end time must be after the start time.");
    return {};
}

void TimeSlotPicker::changed() {
    if (on_change_) on_change_(slot());
}

}  // namespace maillage::ui
