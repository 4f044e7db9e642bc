// core/i18n.h first: its N_ must win over the one wx defines only when none exists.
#include "core/i18n.h"
#include "ui/event_list_page.h"

#include "shared-ui/list_panel.h"

#include "events.h"
#include "registrations.h"
#include "ui/event_tabs.h"

#include "core/database.h"
#include "core/error.h"
#include "shared-ui/date_pickers.h"
#include "shared-ui/display.h"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/dialog.h>
#include <wx/msgdlg.h>
#include <wx/sizer.h>
#include <wx/spinctrl.h>
#include <wx/splitter.h>
#include <wx/statbox.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <ctime>

namespace maillage::exchange {
namespace {

wxString U(const std::string& s) { return wxString::FromUTF8(s); }

int current_year() {
    const std::time_t now = std::time(nullptr);
    std::tm tm{};
    localtime_r(&now, &tm);
    return tm.tm_year + 1900;
}

// The month of an event in the list ("October 2026"), in the UI language.
wxString month_heading(const std::string& iso_date) {
    if (iso_date.size() < 7) return _("Without a date");
    const int month = std::stoi(iso_date.substr(5, 2));
    static const char* const names[] = {N_("January"), N_("February"), N_("March"), N_("April"),
                                        N_("May"),     N_("June"),     N_("July"),  N_("August"),
                                        N_("September"), N_("October"), N_("November"), N_("December")};
    return wxGetTranslation(names[(month - 1) % 12]) + " " + U(iso_date.substr(0, 4));
}

// The "New event" dialog: the fields needed to start; the rest is edited later.
class NewEventDialog : public wxDialog {
public:
    NewEventDialog(wxWindow* parent, const std::vector<EventType>& types, const std::string& language)
        : wxDialog(parent, wxID_ANY, _("New event")), types_(types) {
        auto* grid = new wxFlexGridSizer(2, 6, 8);
        grid->AddGrowableCol(1);
        auto label = [&](const wxString& text) {
            grid->Add(new wxStaticText(this, wxID_ANY, text), 0, wxALIGN_CENTER_VERTICAL);
        };
        label(_("Type"));
        type_ = new wxChoice(this, wxID_ANY);
        for (const auto& t : types_) type_->Append(U(t.label(language)));
        type_->SetSelection(0);
        grid->Add(type_, 1, wxEXPAND);
        label(_("Title"));
        title_ = new wxTextCtrl(this, wxID_ANY, "", wxDefaultPosition, wxSize(360, -1));
        grid->Add(title_, 1, wxEXPAND);
        label(_("Date"));
        date_ = new ui::DatePicker(this);
        grid->Add(date_, 0);
        label(_("From (HH:MM)"));
        start_ = new wxTextCtrl(this, wxID_ANY, "09:00");
        grid->Add(start_, 0);
        label(_("To (HH:MM)"));
        end_ = new wxTextCtrl(this, wxID_ANY, "16:30");
        grid->Add(end_, 0);
        label(_("Venue"));
        venue_ = new wxTextCtrl(this, wxID_ANY);
        grid->Add(venue_, 1, wxEXPAND);
        label(_("Seats (0: unlimited)"));
        capacity_ = new wxSpinCtrl(this, wxID_ANY, "0", wxDefaultPosition, wxDefaultSize, wxSP_ARROW_KEYS, 0, 5000);
        grid->Add(capacity_, 0);
        auto* sizer = new wxBoxSizer(wxVERTICAL);
        sizer->Add(grid, 1, wxEXPAND | wxALL, 12);
        sizer->Add(CreateStdDialogButtonSizer(wxOK | wxCANCEL), 0, wxEXPAND | wxALL, 8);
        SetSizerAndFit(sizer);
        // A typed date that is not one keeps the dialog open and says why.
        Bind(wxEVT_BUTTON, [this](wxCommandEvent& e) {
            if (date_->problem().empty()) e.Skip();
            else wxMessageBox(date_->problem(), _("New event"), wxOK | wxICON_WARNING, this);
        }, wxID_OK);
    }
    Event event() const {
        Event e;
        e.type_id = types_.at(size_t(std::max(0, type_->GetSelection()))).id;
        e.title = title_->GetValue().utf8_string();
        e.venue = venue_->GetValue().utf8_string();
        if (capacity_->GetValue() > 0) e.capacity = capacity_->GetValue();
        return e;
    }
    Session day() const {
        Session s;
        s.date = date_->iso();
        s.start_time = start_->GetValue().utf8_string();
        s.end_time = end_->GetValue().utf8_string();
        return s;
    }

private:
    std::vector<EventType> types_;
    wxChoice* type_;
    wxTextCtrl *title_, *start_, *end_, *venue_;
    ui::DatePicker* date_;
    wxSpinCtrl* capacity_;
};

}  // namespace

EventListPage::EventListPage(wxWindow* parent, ui::UiContext& context) : PageBase(parent, context) {
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    auto* bar = new wxBoxSizer(wxHORIZONTAL);
    bar->Add(new wxStaticText(this, wxID_ANY, _("Year")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 6);
    year_ = new wxSpinCtrl(this, wxID_ANY, wxString::Format("%d", current_year()), wxDefaultPosition, wxDefaultSize,
                           wxSP_ARROW_KEYS, 2000, 2100, current_year());
    bar->Add(year_, 0, wxRIGHT, 12);
    auto* create = new wxButton(this, wxID_ANY, _("New event..."));
    bar->Add(create, 0);
    sizer->Add(bar, 0, wxALL, 6);

    auto* split = new wxSplitterWindow(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxSP_LIVE_UPDATE);
    list_ = new ui::ListPanel(split, &context,
                              {.id = "exchange.events",
                               .title = _("Events"),
                               .columns = {{_("Date"), 90, ui::ColumnKind::Date},
                                           {_("Event"), 250},
                                           {_("Type"), 110},
                                           {_("Month"), 110, ui::ColumnKind::Status},
                                           {_("Registered"), 80, ui::ColumnKind::Integer}},
                               .search_hint = _("Search event, type…")});
    set_main_list(list_);
    tabs_ = new EventTabs(split, context);
    split->SplitVertically(list_, tabs_, 540);
    split->SetMinimumPaneSize(200);
    sizer->Add(split, 1, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, 6);
    SetSizer(sizer);

    year_->Bind(wxEVT_SPINCTRL, [this](wxSpinEvent&) { refresh(); });
    create->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { on_new_event(); });
    list_->list()->Bind(wxEVT_DATAVIEW_SELECTION_CHANGED, [this](wxDataViewEvent&) { on_selected(); });
    refresh();
}

void EventListPage::refresh() {
    const int64_t selected = tabs_->event_id();
    auto rows = std::make_shared<ui::TableRowSource>();
    std::vector<wxString> months;
    int64_t show = 0;
    try {
        auto& db = database();
        EventRepository events(db);
        RegistrationService regs(db);
        const auto y = std::to_string(year_->GetValue());
        for (const auto& e : events.list(y + "-01-01", y + "-12-31", false)) {
            const auto first = events.first_date(e.id);
            const auto month = month_heading(first);
            if (months.empty() || months.back() != month) months.push_back(month);
            wxString type;
            if (auto t = events.type(e.type_id)) type = U(t->label(context().language()));
            rows->add(e.id, {ui::display_date(first), U(e.title), type, month, wxString::Format("%zu", regs.list(e.id).size())});
            // Keep the event shown; on first display, show the year's last event.
            if (e.id == selected || !selected) show = e.id;
        }
    } catch (const std::exception& e) {
        context().set_status(U(e.what()));
    }
    list_->set_statuses(months);
    list_->set_source(rows);
    if (show)
        select_event(show);
    else
        tabs_->set_event(0);
}

void EventListPage::select_event(int64_t event_id) {
    list_->select_id(event_id);
    tabs_->set_event(event_id);
}

void EventListPage::on_selected() {
    if (const auto id = list_->selected_id()) tabs_->set_event(*id);
}

void EventListPage::on_new_event() {
    auto& db = database();
    EventRepository events(db);
    NewEventDialog dialog(this, events.types(), context().language());
    if (dialog.ShowModal() != wxID_OK) return;
    try {
        const auto id = db.write(wxString::Format(_("Create the event %s"), wxString::FromUTF8(dialog.event().title)).utf8_string(), [&] {
            const auto id = events.create(dialog.event());
            events.add_day(id, dialog.day());
            return id;
        });
        year_->SetValue(std::stoi(dialog.day().date.substr(0, 4)));
        context().data_changed();
        refresh();
        select_event(id);
    } catch (const std::exception& e) {
        wxMessageBox(U(e.what()), _("New event"), wxOK | wxICON_WARNING, this);
    }
}

}  // namespace maillage::exchange
