// core/i18n.h first: its N_ must win over the one wx defines only when none exists.
#include "core/i18n.h"
#include "ui/event_list_page.h"

#include "shared-ui/dialog_frame.h"
#include "shared-ui/list_panel.h"

#include "events.h"
#include "registrations.h"
#include "exchange_outputs.h"
#include "ui/event_tabs.h"
#include "ui/exchange_dialogs.h"

#include "core/database.h"
#include "core/error.h"
#include "shared-ui/confirm_delete.h"
#include "shared-ui/date_pickers.h"
#include "shared-ui/messages.h"
#include "shared-ui/display.h"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/dialog.h>
#include <wx/filedlg.h>
#include <wx/ffile.h>
#include <wx/msgdlg.h>
#include <wx/sizer.h>
#include <wx/spinctrl.h>
#include <wx/splitter.h>
#include <wx/statbox.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <algorithm>

namespace maillage::exchange {
namespace {

wxString U(const std::string& s) { return wxString::FromUTF8(s); }

// The month of an event in the list ("October 2026"), in the UI language.
wxString month_heading(const std::string& iso_date) {
    if (iso_date.size() < 7) return _("Without a date");
    const int month = std::stoi(iso_date.substr(5, 2));
    static const char* const names[] = {N_("January"), N_("February"), N_("March"), N_("April"),
                                        N_("May"),     N_("June"),     N_("July"),  N_("August"),
                                        N_("September"), N_("October"), N_("November"), N_("December")};
    return wxGetTranslation(names[(month - 1) % 12]) + " " + U(iso_date.substr(0, 4));
}

}  // namespace

EventListPage::EventListPage(wxWindow* parent, ui::UiContext& context) : PageBase(parent, context) {
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    auto* bar = new wxBoxSizer(wxHORIZONTAL);
    year_ = ui::add_labelled(bar, _("Year"), ui::year_spin(this, ui::current_year()), nullptr);
    auto* create = new wxButton(this, wxID_ANY, _("New event..."));
    create->SetName("event-new");
    bar->Add(create, 0, wxRIGHT, 6);
    auto button = [&](const wxString& label, const char* name, void (EventListPage::*action)()) {
        return ui::bar_button(this, bar, label, name, [this, action] { (this->*action)(); });
    };
    button(_("Edit..."), "event-edit", &EventListPage::on_edit_event);
    button(_("Duplicate..."), "event-duplicate", &EventListPage::on_duplicate_event);
    button(_("Cancel the event"), "event-cancel", &EventListPage::on_cancel_event);
    button(_("Delete..."), "event-delete", &EventListPage::on_delete_event);

    sizer->Add(bar, 0, wxALL, 6);

    auto* split = new wxSplitterWindow(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxSP_LIVE_UPDATE);
    list_ = new ui::ListPanel(split, &context,
                              {.id = "exchange.events",
                               .title = _("Events"),
                               .columns = {{_("Date"), 90, ui::ColumnKind::Date},
                                           {_("Event"), 360},
                                           {_("Type"), 110},
                                           {_("Month"), 110, ui::ColumnKind::Status},
                                           {wxGETTEXT_IN_CONTEXT("count", "Registered"), 80, ui::ColumnKind::Integer}},
                               .search_hint = _("Search event, type…")});
    set_main_list(list_);
    auto* ical = list_->add_button(_("Calendar (iCalendar)..."), _("The year's event days and committee meetings, for an agenda"));
    ical->SetName("event-ical");
    ical->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { on_icalendar(); });
    auto* publications = list_->add_button(_("Publications..."), _("Every publication of the year, with the events it came from"));
    publications->SetName("publications");
    publications->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        PublicationsDialog d(this, this->context(), year_->GetValue());
        d.ShowModal();
        tabs_->reload();
    });
    tabs_ = new EventTabs(split, context);
    // The year's events are few: a short list above, the chosen event in full width below.
    split->SplitHorizontally(list_, tabs_, FromDIP(170));
    split->SetMinimumPaneSize(FromDIP(110));
    sizer->Add(split, 1, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, 6);
    SetSizer(sizer);

    year_->Bind(wxEVT_SPINCTRL, [this](wxSpinEvent&) { refresh(); });
    create->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { on_new_event(); });
    // A change made in the tabs (a registration...) shows in the list's counts.
    tabs_->on_changed([this] {
        if (const auto id = tabs_->event_id(); refresh_list() && id) list_->select_id(id);
    });
    list_->list()->Bind(wxEVT_DATAVIEW_SELECTION_CHANGED, [this](wxDataViewEvent&) { on_selected(); });
    refresh();
}

void EventListPage::refresh() {
    if (const auto show = refresh_list())
        select_event(show);
    else
        tabs_->set_event(0);
}

int64_t EventListPage::refresh_list() {
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
            // An event whose every day is cancelled says so in the list.
            const auto days = events.days(e.id);
            const bool cancelled = !days.empty() && std::all_of(days.begin(), days.end(), [](const Session& d) {
                return d.status == "cancelled";
            });
            const wxString title = cancelled ? U(e.title) + " (" + wxGETTEXT_IN_CONTEXT("event", "cancelled") + ")" : U(e.title);
            rows->add(e.id, {ui::display_date(first), title, type, month, wxString::Format("%zu", regs.list(e.id).size())});
            // Keep the event shown; on first display, show the year's last event.
            if (e.id == selected || !selected) show = e.id;
        }
    } catch (const std::exception& e) {
        context().set_status(U(e.what()));
    }
    list_->set_statuses(months);
    list_->set_source(rows);
    return show;
}

void EventListPage::select_event(int64_t event_id) {
    list_->select_id(event_id);
    tabs_->set_event(event_id);
}

void EventListPage::on_selected() {
    if (const auto id = list_->selected_id()) tabs_->set_event(*id);
}

void EventListPage::on_new_event() { open_dialog(int(EventDialog::Mode::Create), 0); }

void EventListPage::on_edit_event() {
    if (tabs_->event_id()) open_dialog(int(EventDialog::Mode::Edit), tabs_->event_id());
}

void EventListPage::on_duplicate_event() {
    if (tabs_->event_id()) open_dialog(int(EventDialog::Mode::Duplicate), tabs_->event_id());
}

void EventListPage::open_dialog(int mode, int64_t event_id) {
    auto& db = database();
    EventDialog dialog(this, db, context().language(), EventDialog::Mode(mode), event_id);
    if (dialog.ShowModal() != wxID_OK) return;
    try {
        const auto id = dialog.save();
        const auto first = EventRepository(db).first_date(id);
        if (first.size() >= 4) year_->SetValue(std::stoi(first.substr(0, 4)));
        context().data_changed();
        refresh();
        select_event(id);
    } catch (const std::exception& e) {
        ui::show_error(this, U(e.what()));
    }
}

std::optional<Event> EventListPage::shown_event() {
    const auto id = tabs_->event_id();
    return id ? EventRepository(database()).get(id) : std::nullopt;
}

void EventListPage::record(const std::string& label, const std::function<void(EventRepository&)>& change,
                           const std::function<void()>& before_reload) {
    try {
        auto& db = database();
        EventRepository events(db);
        db.write(label, [&] { change(events); });
        if (before_reload) before_reload();
        context().data_changed();
        refresh();
    } catch (const std::exception& ex) {
        ui::show_error(this, U(ex.what()));
    }
}

void EventListPage::on_cancel_event() {
    const auto e = shown_event();
    if (!e || !ui::confirm_destructive(
                  this, wxString::Format(_("Cancel %s?"), U(e->title)),
                  _("Its days are marked cancelled; registrations are kept. Edit > Undo takes it back."),
                  _("Cancel the event")))
        return;
    record(trf("Cancel the event {title}", fmt::arg("title", e->title)), [&](EventRepository& events) {
        events.cancel(e->id);
    });
}

void EventListPage::on_delete_event() {
    const auto e = shown_event();
    if (!e) return;
    const auto with = EventRepository(database()).dependents(e->id);
    if (!ui::confirm_delete(this, wxString::Format(_("the event %s"), U(e->title)),
                            with.empty() ? wxString() : wxString::Format(_("With it: %s."), U(with))))
        return;
    record(
        trf("Delete the event {title}", fmt::arg("title", e->title)),
        [&](EventRepository& events) { events.remove(e->id); }, [this] { tabs_->set_event(0); });
}

bool EventListPage::delete_selection() {
    // The Delete key deletes an event only from the list of events (not from a tab's list).
    if (current_list() != list_ || !tabs_->event_id()) return false;
    on_delete_event();
    return true;
}

void EventListPage::on_icalendar() {
    const auto y = std::to_string(year_->GetValue());
    SaveFileDialog save(this, _("Calendar of the events"), "events-" + y, {{_("iCalendar"), "ics"}});
    if (save.ShowModal() != wxID_OK) return;
    try {
        const auto text = events_icalendar(database(), y + "-01-01", y + "-12-31", true);
        wxFFile file(U(save.path()), "wb");
        if (!file.IsOpened() || !file.Write(text.data(), text.size()) || !file.Close())
            throw std::runtime_error(wxString::Format(_("Cannot write %s"), U(save.path())).utf8_string());
        context().set_status(wxString::Format(_("Saved %s."), U(save.path())));
    } catch (const std::exception& e) {
        ui::show_error(this, U(e.what()));
    }
}

}  // namespace maillage::exchange
