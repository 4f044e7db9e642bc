#include "shared-ui/date_pickers.h"

#include <wx/choice.h>
#include <wx/datectrl.h>
#include <wx/dateevt.h>
#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/timectrl.h>

#include <cstdio>

namespace maillage::ui {
namespace {

std::string hhmm(const wxTimePickerCtrl* picker) {
    int h = 0, m = 0, s = 0;
    picker->GetTime(&h, &m, &s);
    return wxString::Format("%02d:%02d", h, m).utf8_string();
}

bool parse_hhmm(const std::string& text, int& h, int& m) {
    return text.size() == 5 && text[2] == ':' && std::sscanf(text.c_str(), "%2d:%2d", &h, &m) == 2 && h >= 0 &&
           h < 24 && m >= 0 && m < 60;
}

void set_hhmm(wxTimePickerCtrl* picker, const std::string& text) {
    int h = 0, m = 0;
    if (parse_hhmm(text, h, m)) picker->SetTime(h, m, 0);
}

}  // namespace

// ---------------------------------------------------------------------------------------

DatePicker::DatePicker(wxWindow* parent, bool optional, wxWindowID id) : wxPanel(parent, id) {
    picker_ = new wxDatePickerCtrl(this, wxID_ANY, wxDefaultDateTime, wxDefaultPosition, wxDefaultSize,
                                   wxDP_DROPDOWN | wxDP_SHOWCENTURY | (optional ? wxDP_ALLOWNONE : 0));
    auto* sizer = new wxBoxSizer(wxHORIZONTAL);
    sizer->Add(picker_, 1, wxEXPAND);
    SetSizer(sizer);
    picker_->Bind(wxEVT_DATE_CHANGED, [this](wxDateEvent& event) {
        event.Skip();
        if (on_change_) on_change_(iso());
    });
}

std::string DatePicker::iso() const {
    const wxDateTime date = picker_->GetValue();
    return date.IsValid() ? date.FormatISODate().utf8_string() : std::string();
}

bool DatePicker::set_iso(const std::string& text) {
    wxDateTime date;
    if (text.empty()) {
        if (!picker_->HasFlag(wxDP_ALLOWNONE)) return false;
        picker_->SetValue(wxDefaultDateTime);
    } else {
        const wxString value = wxString::FromUTF8(text);
        if (text.size() != 10 || !date.ParseISODate(value)) return false;
        picker_->SetValue(date);
    }
    if (on_change_) on_change_(iso());
    return true;
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
    // TRANSLATORS: weekday, then start and end times: "Monday morning (09:30–12:00)"
    const wxString format = half_day == HalfDay::Morning ? _("%s morning (%s–%s)") : _("%s afternoon (%s–%s)");
    return wxString::Format(format, weekday_name(weekday), wxString::FromUTF8(start), wxString::FromUTF8(end));
}

TimeSlotPicker::TimeSlotPicker(wxWindow* parent, wxWindowID id) : wxPanel(parent, id) {
    weekday_ = new wxChoice(this, wxID_ANY);
    for (int d = 1; d <= 7; ++d) weekday_->Append(weekday_name(d));
    half_day_ = new wxChoice(this, wxID_ANY);
    half_day_->Append(_("Morning"));
    half_day_->Append(_("Afternoon"));
    start_ = new wxTimePickerCtrl(this, wxID_ANY);
    end_ = new wxTimePickerCtrl(this, wxID_ANY);
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
    start_->Bind(wxEVT_TIME_CHANGED, [this](wxDateEvent&) { changed(); });
    end_->Bind(wxEVT_TIME_CHANGED, [this](wxDateEvent&) { changed(); });
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
    set_hhmm(start_, s.start);
    set_hhmm(end_, s.end);
    changed();
}

void TimeSlotPicker::set_half_day(TimeSlot::HalfDay half_day) {
    half_day_->SetSelection(half_day == TimeSlot::HalfDay::Afternoon ? 1 : 0);
    if (half_day == TimeSlot::HalfDay::Morning) {
        start_->SetTime(9, 30, 0);
        end_->SetTime(12, 0, 0);
    } else {
        start_->SetTime(13, 30, 0);
        end_->SetTime(16, 0, 0);
    }
    changed();
}

wxString TimeSlotPicker::problem() const {
    const TimeSlot s = slot();
    if (s.end <= s.start) return _("The end time must be after the start time.");
    return {};
}

void TimeSlotPicker::changed() {
    if (on_change_) on_change_(slot());
}

}  // namespace maillage::ui
