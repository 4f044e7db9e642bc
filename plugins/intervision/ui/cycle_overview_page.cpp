#include "ui/cycle_overview_page.h"

#include "cycles.h"
#include "enrolment_rules.h"
#include "ui/new_cycle_dialog.h"
#include "intervision_figures.h"

#include "core/database.h"
#include "core/institutions.h"
#include "core/people.h"
#include "core/sectors.h"
#include "shared-ui/list_panel.h"
#include "shared-ui/messages.h"
#include "shared-ui/pickers.h"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/msgdlg.h>
#include <wx/scrolwin.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textdlg.h>

namespace maillage::intervision {
namespace {
wxString u8(const std::string& s) { return wxString::FromUTF8(s); }
}  // namespace

CycleOverviewPage::CycleOverviewPage(wxWindow* parent, ui::UiContext& context) : PageBase(parent, context) {
    auto* top = new wxBoxSizer(wxVERTICAL);
    auto* bar = new wxBoxSizer(wxHORIZONTAL);
    bar->Add(new wxStaticText(this, wxID_ANY, _("Cycle:")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 4);
    cycle_ = new wxChoice(this, wxID_ANY);
    bar->Add(cycle_, 0, wxRIGHT, 12);
    auto* new_cycle_button = new wxButton(this, wxID_ANY, _("&New cycle…"));
    new_cycle_button->SetName("new-cycle");
    bar->Add(new_cycle_button, 0);
    top->Add(bar, 0, wxLEFT | wxRIGHT | wxTOP, 8);
    // Second line: enrol someone found by name, or take them out of a group.
    bar = new wxBoxSizer(wxHORIZONTAL);
    bar->Add(new wxStaticText(this, wxID_ANY, _("Enrol:")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 4);
    // Search as you type: people by name or email, their institution today beside.
    person_ = new ui::PersonPicker(this, database());
    person_->SetMinSize(wxSize(320, -1));
    bar->Add(person_, 0, wxRIGHT, 4);
    bar->Add(new wxStaticText(this, wxID_ANY, _("in group")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 4);
    group_ = new wxChoice(this, wxID_ANY);
    bar->Add(group_, 0, wxRIGHT, 4);
    auto* enrol_button = new wxButton(this, wxID_ANY, _("&Enrol"));
    auto* leave_button = new wxButton(this, wxID_ANY, _("&Leave group"));
    bar->Add(enrol_button, 0, wxRIGHT, 4);
    bar->Add(leave_button, 0);
    top->Add(bar, 0, wxALL, 8);
    columns_ = new wxScrolledWindow(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxHSCROLL | wxVSCROLL);
    columns_->SetScrollRate(10, 10);
    top->Add(columns_, 1, wxEXPAND | wxALL, 8);
    SetSizer(top);

    cycle_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { load_groups(); });
    new_cycle_button->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { new_cycle(); });
    enrol_button->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { enrol(); });
    leave_button->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { leave(); });
    refresh();
}

void CycleOverviewPage::refresh() {
    load_cycles();
    load_groups();
}

void CycleOverviewPage::load_cycles() {
    const int keep = cycle_->GetSelection();
    cycle_->Clear();
    cycle_ids_.clear();
    CycleRepository repo(database());
    for (const auto& c : repo.cycles()) {
        std::string programme;
        if (c.programme_id) {
            SQLite::Statement q(database().sql(), "SELECT code FROM programme WHERE id = ?");
            q.bind(1, *c.programme_id);
            if (q.executeStep()) programme = q.getColumn(0).getString();
        }
        cycle_->Append(u8(c.name + (programme.empty() ? "" : " (" + programme + ")")));
        cycle_ids_.push_back(c.id);
    }
    if (!cycle_ids_.empty()) cycle_->SetSelection(keep >= 0 && keep < int(cycle_ids_.size()) ? keep : 0);
}

void CycleOverviewPage::load_groups() {
    columns_->DestroyChildren();
    group_lists_.clear();
    group_->Clear();
    group_ids_.clear();
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    const int sel = cycle_->GetSelection();
    if (sel == wxNOT_FOUND) {
        auto* empty = new wxBoxSizer(wxVERTICAL);
        auto* text = new wxStaticText(columns_, wxID_ANY,
                                      _("No intervision cycle yet. A cycle runs from September to June; create it, "
                                        "then its groups and their participants."));
        text->Wrap(FromDIP(560));
        empty->Add(text, 0, wxBOTTOM, 8);
        auto* create = new wxButton(columns_, wxID_ANY, _("Create the first cycle…"));
        create->SetName("create-first-cycle");
        // Later: the button is destroyed when the page reloads after the dialog.
        create->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { CallAfter([this] { new_cycle(); }); });
        empty->Add(create, 0);
        row->Add(empty, 0, wxALL, 8);
        columns_->SetSizer(row);
        Layout();
        return;
    }
    auto& db = database();
    CycleRepository repo(db);
    EnrolmentRules rules(db);
    PersonRepository people(db);
    InstitutionRepository institutions(db);
    SectorRepository sectors(db);
    const std::string lang = context().language();
    for (const auto& g : repo.groups(cycle_ids_[size_t(sel)])) {
        group_->Append(u8(g.name));
        group_ids_.push_back(g.id);
        auto* col = new wxBoxSizer(wxVERTICAL);
        auto* title = new wxStaticText(columns_, wxID_ANY, u8(g.name + " [" + g.language + "]"));
        title->SetFont(title->GetFont().Bold().Larger());
        col->Add(title, 0, wxBOTTOM, 2);
        col->Add(new wxStaticText(columns_, wxID_ANY, u8(slot_label(g))), 0, wxBOTTOM, 2);
        wxString facilitators;
        for (auto f : g.facilitators())
            if (auto p = people.get(f)) facilitators += (facilitators.empty() ? "" : ", ") + u8(p->display_name());
        col->Add(new wxStaticText(columns_, wxID_ANY, wxString::Format(_("Facilitators: %s"), facilitators)), 0,
                 wxBOTTOM, 4);
        auto* list = new ui::ListPanel(columns_, &context(),
                                       {.id = "intervision.group",
                                        .title = u8(g.name),
                                        .columns = {{_("Participant"), 130},
                                                    {_("Institution"), 150},
                                                    {_("Sector"), 90},
                                                    {_("Status"), 80}},
                                        .search_hint = _("Search participant, institution…")});
        list->SetMinSize(FromDIP(wxSize(440, 340)));
        auto rows = std::make_shared<ui::TableRowSource>();
        for (const auto& e : repo.enrolments(g.id)) {
            const auto p = people.get(e.person_id);
            const auto inst = e.institution_id ? institutions.get(*e.institution_id) : std::nullopt;
            const auto sec = e.sector_id ? sectors.get(*e.sector_id) : std::nullopt;
            wxString status = e.status == "enrolled" ? _("enrolled")
                              : e.status == "waiting"
                                  ? wxString::Format(_("waiting %d"), e.waiting_position.value_or(0))
                                  : wxString::Format(_("left %s"), u8(e.left_on));
            // An enrolment accepted against a warning carries its reason: marked.
            if (!e.reason.empty()) status += wxString::FromUTF8(" ⚠");
            rows->add(e.person_id, {p ? u8(p->display_name()) : wxString(), inst ? u8(inst->name) : wxString(),
                                    sec ? u8(sec->label(lang)) : wxString(), status});
        }
        list->set_source(rows);
        group_lists_.emplace_back(list, g.id);
        col->Add(list, 1, wxEXPAND);
        for (const auto& issue : rules.group_issues(g.id)) {
            auto* w = new wxStaticText(columns_, wxID_ANY,
                                       (issue.level == GroupIssue::Level::Conflict ? _("Conflict: ") : _("Warning: ")) +
                                           u8(issue.message));
            w->SetForegroundColour(issue.level == GroupIssue::Level::Conflict ? *wxRED : wxColour(160, 90, 0));
            w->Wrap(410);
            col->Add(w, 0, wxTOP, 4);
        }
        row->Add(col, 0, wxEXPAND | wxRIGHT, 12);
    }
    if (!group_ids_.empty()) group_->SetSelection(0);
    columns_->SetSizer(row);
    columns_->FitInside();
    Layout();
}

void CycleOverviewPage::new_cycle() {
    NewCycleDialog dialog(this, database(), today_iso());
    if (dialog.ShowModal() != wxID_OK) return;
    context().data_changed();
    load_cycles();
    for (size_t i = 0; i < cycle_ids_.size(); ++i)
        if (cycle_ids_[i] == dialog.created_id()) cycle_->SetSelection(int(i));
    load_groups();
    context().set_status(_("Cycle created."));
}

void CycleOverviewPage::enrol() {
    const int g = group_->GetSelection();
    if (!person_->selection() || g == wxNOT_FOUND) {
        wxMessageBox(_("Choose a person in the search results and a group."), _("Enrol"), wxOK | wxICON_INFORMATION, this);
        return;
    }
    EnrolmentRules rules(database());
    const auto group_id = group_ids_[size_t(g)], person_id = *person_->selection();
    try {
        EnrolResult r;
        try {
            r = rules.enrol(group_id, person_id, today_iso());
        } catch (const ReasonRequired& e) {
            wxString message;
            for (const auto& w : e.warnings()) message += u8(w) + "\n";
            message += _("Why accept this enrolment anyway? (the reason is kept and shown)");
            wxTextEntryDialog dlg(this, message, _("A reason is required"));
            if (dlg.ShowModal() != wxID_OK || dlg.GetValue().Trim().empty()) return;
            r = rules.enrol(group_id, person_id, today_iso(), dlg.GetValue().utf8_string());
        }
        context().set_status(r.status == "waiting"
                                 ? wxString::Format(_("On the waiting list, position %d."), r.waiting_position.value_or(0))
                                 : _("Enrolled."));
        context().data_changed();
        load_groups();
    } catch (const std::exception& e) {
        wxMessageBox(u8(e.what()), _("Enrol"), wxOK | wxICON_ERROR, this);
    }
}

bool CycleOverviewPage::delete_selection() {
    for (const auto& [list, id] : group_lists_)
        if (list == current_list() && list->selected_id()) {
            leave();
            return true;
        }
    return false;
}

void CycleOverviewPage::leave() {
    // The person selected in a group's list, else the one found by name and the group chosen.
    std::optional<int64_t> group, person;
    auto* focused = current_list();
    for (const auto& [list, id] : group_lists_)
        if (list->selected_id() && (!person || list == focused)) {
            group = id;
            person = list->selected_id();
        }
    if (!person) {
        const int g = group_->GetSelection();
        if (!person_->selection() || g == wxNOT_FOUND) {
            wxMessageBox(_("Select a participant in a group first."), _("Leave group"), wxOK | wxICON_INFORMATION, this);
            return;
        }
        group = group_ids_[size_t(g)];
        person = *person_->selection();
    }
    const auto who = PersonRepository(database()).get(*person);
    const auto which = CycleRepository(database()).group(*group);
    if (!ui::confirm_destructive(
            this,
            wxString::Format(_("Take %s out of %s?"), who ? u8(who->display_name()) : wxString(),
                             which ? u8(which->name) : wxString()),
            _("The person leaves the group today; the first person on the waiting list, if any, takes the place."),
            _("Leave the group")))
        return;
    try {
        EnrolmentRules(database()).leave(*group, *person, today_iso());
        context().data_changed();
        load_groups();
    } catch (const std::exception& e) {
        wxMessageBox(u8(e.what()), _("Leave group"), wxOK | wxICON_ERROR, this);
    }
}

}  // namespace maillage::intervision
