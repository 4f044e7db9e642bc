#include "ui/cycle_overview_page.h"

#include "cycle_planning.h"
#include "cycles.h"
#include "enrolment_rules.h"
#include "intervision_figures.h"
#include "ui/dialog_util.h"
#include "ui/group_dialog.h"
#include "ui/new_cycle_dialog.h"
#include "ui/participant_dialogs.h"

#include "core/database.h"
#include "core/institutions.h"
#include "core/people.h"
#include "core/programmes.h"
#include "core/sectors.h"
#include "shared-ui/confirm_delete.h"
#include "shared-ui/display.h"
#include "shared-ui/list_panel.h"
#include "shared-ui/messages.h"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/scrolwin.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/wrapsizer.h>

#include <functional>

namespace maillage::intervision {
namespace {

wxString audience_label(const std::string& a) {
    if (a == "peer_workers") return _("Peer workers");
    if (a == "managers") return _("Managers who hired a peer worker");
    return _("Front-line workers");
}

}  // namespace

CycleOverviewPage::CycleOverviewPage(wxWindow* parent, ui::UiContext& context) : PageBase(parent, context) {
    auto* top = new wxBoxSizer(wxVERTICAL);
    auto* bar = new wxBoxSizer(wxHORIZONTAL);
    cycle_ = ui::add_labelled(bar, _("Cycle:"), new ui::IdChoice(this), "cycle", 12, 4);
    auto add = [&](wxSizer* to, const wxString& label, const char* name, bool needs_cycle,
                   std::function<void()> action) {
        auto* b = ui::bar_button(this, to, label, name, std::move(action), wxRIGHT | wxBOTTOM, 4);
        if (needs_cycle) cycle_buttons_.push_back(b);
        return b;
    };
    add(bar, _("&New cycle…"), "new-cycle", false, [this] { new_cycle(); });
    add(bar, _("Edit the cycle…"), "edit-cycle", true, [this] { edit_cycle(); });
    add(bar, _("Copy to next year…"), "copy-cycle", true, [this] { copy_cycle(); });
    close_ = add(bar, _("Close the cycle"), "close-cycle", true, [this] { close_cycle(); });
    top->Add(bar, 0, wxLEFT | wxRIGHT | wxTOP, 8);
    info_ = new wxStaticText(this, wxID_ANY, wxString());
    info_->SetName("cycle-info");
    top->Add(info_, 0, wxLEFT | wxRIGHT | wxTOP, 8);
    // The participants' actions act on the person selected in a group's list.
    bar = new wxWrapSizer(wxHORIZONTAL);
    add(bar, _("New &group…"), "new-group", true, [this] { edit_group(0); });
    add(bar, _("&Enrol…"), "enrol", true, [this] { enrol(); });
    add(bar, _("&Leave the group…"), "leave", true, [this] { leave(); });
    add(bar, _("&Move to…"), "move", true, [this] { move(); });
    add(bar, _("&Promote from the waiting list"), "promote", true, [this] { promote(); });
    // The participant list of the group with a selection (else the first), as CSV or XLSX.
    add(bar, _("E&xport the list…"), "export", true, [this] {
        ui::ListPanel* target = group_lists_.empty() ? nullptr : group_lists_.front().first;
        for (const auto& [list, id] : group_lists_)
            if (list->selected_id()) target = list;
        if (target) target->export_visible();
    });
    top->Add(bar, 0, wxALL, 8);
    columns_ = new wxScrolledWindow(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxHSCROLL | wxVSCROLL);
    columns_->SetScrollRate(10, 10);
    top->Add(columns_, 1, wxEXPAND | wxALL, 8);
    SetSizer(top);

    cycle_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { load_groups(); });
    refresh();
}

void CycleOverviewPage::refresh() {
    load_cycles();
    load_groups();
}

int64_t CycleOverviewPage::cycle_id() const {
    return cycle_->id();
}

void CycleOverviewPage::load_cycles() {
    ProgrammeRepository programmes(database());
    std::vector<std::pair<int64_t, wxString>> cycles;
    for (const auto& c : CycleRepository(database()).cycles()) {
        const auto p = c.programme_id ? programmes.get(*c.programme_id) : std::nullopt;
        cycles.emplace_back(c.id, u8(c.name + (p ? " (" + p->code + ")" : std::string())));
    }
    cycle_->refill(cycles);
}

void CycleOverviewPage::load_groups() {
    columns_->DestroyChildren();
    group_lists_.clear();
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    for (auto* b : cycle_buttons_) b->Enable(cycle_id() != 0);
    if (!cycle_id()) {
        info_->SetLabel(wxString());
        auto* empty = new wxBoxSizer(wxVERTICAL);
        ui::add_paragraph(columns_, empty,
                          _("No intervision cycle yet. A cycle runs from September to June; create it, "
                            "then its groups and their participants."),
                          560, wxBOTTOM, 8);
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
    const auto cycle = repo.cycle(cycle_id());
    const auto closed = cycle_closed_on(db, cycle->id);

    // The cycle in one line: dates, audience, funder, closures.
    wxString info = wxString::Format(_("From %s to %s"), ui::display_date(cycle->start_date),
                                     ui::display_date(cycle->end_date)) +
                    wxString::FromUTF8(" · ") + audience_label(cycle->audience);
    if (cycle->funder_id)
        if (auto f = FunderRepository(db).get(*cycle->funder_id))
            info += wxString::FromUTF8(" · ") + wxString::Format(_("counts for %s"), u8(f->name));
    for (size_t n = 0; n < cycle->closures.size(); ++n) {
        const auto& cl = cycle->closures[n];
        info += n == 0 ? wxString("\n") : wxString::FromUTF8(" · ");
        info +=
                wxString::Format(_("closed %s–%s"), ui::display_date(cl.start_date), ui::display_date(cl.end_date)) +
                (cl.label.empty() ? wxString() : " (" + u8(cl.label) + ")");
    }
    if (!closed.empty()) info += wxString::FromUTF8(" · ") + wxString::Format(_("closed on %s"), ui::display_date(closed));
    info_->SetLabel(info);
    close_->SetLabel(closed.empty() ? _("Close the cycle") : _("Reopen the cycle"));

    const auto groups = repo.groups(cycle->id);
    if (groups.empty()) {
        ui::add_paragraph(columns_, row,
                          _("This cycle has no group yet: add them with \"New group…\" (about ten "
                            "participants each, led by a pair of facilitators)."),
                          560, wxALL, 8);
    }
    for (const auto& g : groups) {
        auto* col = new wxBoxSizer(wxVERTICAL);
        auto* title = new wxStaticText(columns_, wxID_ANY, u8(g.name + " [" + g.language + "]"));
        title->SetFont(title->GetFont().Bold().Larger());
        auto* head = new wxBoxSizer(wxHORIZONTAL);
        head->Add(title, 1, wxALIGN_CENTER_VERTICAL);
        auto* edit = new wxButton(columns_, wxID_ANY, _("Edit…"), wxDefaultPosition, wxDefaultSize, wxBU_EXACTFIT);
        edit->SetName(u8("edit-group-" + g.name));
        auto* remove = new wxButton(columns_, wxID_ANY, _("Delete"), wxDefaultPosition, wxDefaultSize, wxBU_EXACTFIT);
        remove->SetName(u8("remove-group-" + g.name));
        head->Add(edit, 0, wxLEFT, 4);
        head->Add(remove, 0, wxLEFT, 4);
        col->Add(head, 0, wxEXPAND | wxBOTTOM, 2);
        const int64_t gid = g.id;
        edit->Bind(wxEVT_BUTTON, [this, gid](wxCommandEvent&) { CallAfter([this, gid] { edit_group(gid); }); });
        remove->Bind(wxEVT_BUTTON, [this, gid](wxCommandEvent&) { CallAfter([this, gid] { remove_group(gid); }); });
        col->Add(new wxStaticText(columns_, wxID_ANY,
                                  u8(slot_label(g)) + wxString::FromUTF8(" · ") +
                                      wxString::Format(_("%d places"), g.capacity)),
                 0, wxBOTTOM, 2);
        wxString facilitators;
        for (auto f : g.facilitators())
            if (auto p = people.get(f)) facilitators += (facilitators.empty() ? "" : ", ") + u8(p->display_name());
        col->Add(new wxStaticText(columns_, wxID_ANY, wxString::Format(_("Facilitators: %s"), facilitators)), 0,
                 wxBOTTOM, 4);
        auto* list = new ui::ListPanel(columns_, &context(),
                                       {.id = "intervision.group",
                                        .title = u8(cycle->name + " — " + g.name),
                                        .columns = {{_("Participant"), 112},
                                                    {_("Institution"), 100},
                                                    {_("Sector"), 64},
                                                    {_("Since"), 84, ui::ColumnKind::Date},
                                                    {_("Status"), 112, ui::ColumnKind::Status}},
                                        .search_hint = _("Search participant, institution…")});
        list->SetName(u8("participants-" + g.name));
        list->SetMinSize(FromDIP(wxSize(496, 340)));
        auto rows = std::make_shared<ui::TableRowSource>();
        for (const auto& e : repo.enrolments(g.id)) {
            const auto p = people.get(e.person_id);
            const auto inst = e.institution_id ? institutions.get(*e.institution_id) : std::nullopt;
            const auto sec = e.sector_id ? sectors.get(*e.sector_id) : std::nullopt;
            wxString status = e.status == "enrolled" ? _("enrolled")
                              : e.status == "waiting"
                                  ? wxString::Format(_("waiting %d"), e.waiting_position.value_or(0))
                                  : wxString::Format(_("left %s"), ui::display_date(e.left_on));
            // An enrolment accepted against a warning carries its reason: marked.
            if (!e.reason.empty()) status += wxString::FromUTF8(" ⚠");
            rows->add(e.id, {p ? u8(p->display_name()) : wxString(), inst ? u8(inst->name) : wxString(),
                             sec ? u8(sec->label(lang)) : wxString(), ui::display_date(e.enrolled_on), status});
        }
        list->set_source(rows);
        group_lists_.emplace_back(list, g.id);
        col->Add(list, 1, wxEXPAND);
        for (const auto& issue : rules.group_issues(g.id)) {
            auto* w = new wxStaticText(columns_, wxID_ANY,
                                       (issue.level == GroupIssue::Level::Conflict ? _("Conflict: ") : _("Warning: ")) +
                                           u8(issue.message));
            w->SetForegroundColour(issue.level == GroupIssue::Level::Conflict ? *wxRED : wxColour(160, 90, 0));
            w->Wrap(FromDIP(470));
            col->Add(w, 0, wxTOP, 4);
        }
        row->Add(col, 0, wxEXPAND | wxRIGHT, 12);
    }
    if (!group_lists_.empty()) set_main_list(group_lists_.front().first);
    columns_->SetSizer(row);
    columns_->FitInside();
    Layout();
}

std::optional<int64_t> CycleOverviewPage::selected_enrolment() {
    auto* focused = current_list();
    std::optional<int64_t> found;
    for (const auto& [list, id] : group_lists_)
        if (auto e = list->selected_id(); e && (!found || list == focused)) found = e;
    return found;
}

void CycleOverviewPage::after_change(const wxString& status) {
    context().data_changed();
    load_cycles();
    load_groups();
    if (!status.empty()) context().set_status(status);
}

void CycleOverviewPage::show_created(int64_t cycle_id) {
    load_cycles();
    cycle_->select(cycle_id);
    after_change(_("Cycle created."));
}

void CycleOverviewPage::new_cycle() {
    NewCycleDialog dialog(this, database(), today_iso());
    if (dialog.ShowModal() == wxID_OK) show_created(dialog.created_id());
}

void CycleOverviewPage::edit_cycle() {
    if (!cycle_id()) return;
    NewCycleDialog dialog(this, database(), today_iso(), cycle_id());
    if (dialog.ShowModal() == wxID_OK) after_change(_("Cycle saved."));
}

void CycleOverviewPage::copy_cycle() {
    if (!cycle_id()) return;
    CopyCycleDialog dialog(this, database(), cycle_id());
    if (dialog.ShowModal() == wxID_OK) show_created(dialog.created_id());
}

void CycleOverviewPage::close_cycle() {
    if (!cycle_id()) return;
    const auto c = CycleRepository(database()).cycle(cycle_id());
    const bool closed = !cycle_closed_on(database(), c->id).empty();
    if (!closed && !ui::confirm(this,
                                wxString::Format(_("Close the cycle %s? It then takes no more enrolments; its "
                                                   "figures stay in the reports."),
                                                 u8(c->name)),
                                _("Close the cycle")))
        return;
    ui::guarded(this, _("Could not change the cycle"), [&] {
        const auto label = wxString::Format(closed ? _("reopen cycle %s") : _("close cycle %s"), u8(c->name));
        database().write(label.utf8_string(), [&] {
            if (closed)
                reopen_cycle(database(), c->id);
            else
                intervision::close_cycle(database(), c->id, today_iso());
        });
    });
    after_change(closed ? _("Cycle reopened.") : _("Cycle closed."));
}

void CycleOverviewPage::edit_group(int64_t group_id) {
    if (!cycle_id()) return;
    GroupDialog dialog(this, database(), cycle_id(), group_id);
    if (dialog.ShowModal() == wxID_OK) after_change(group_id ? _("Group saved.") : _("Group created."));
}

void CycleOverviewPage::remove_group(int64_t group_id) {
    const auto g = CycleRepository(database()).group(group_id);
    if (!g) return;
    if (!CycleRepository(database()).enrolments(group_id).empty() ||
        !CycleRepository(database()).sessions(group_id).empty()) {
        ui::refuse_delete(this,
                          wxString::Format(_("%s has participants or sessions (or had some): it stays, with its "
                                             "history. Only an empty group can be removed."),
                                           u8(g->name)),
                          {});
        return;
    }
    if (!ui::confirm_delete(this, wxString::Format(_("the group %s"), u8(g->name)), wxString())) return;
    if (ui::guarded(this, _("Could not remove the group"), [&] {
            database().write(wxString::Format(_("remove group %s"), u8(g->name)).utf8_string(),
                             [&] { intervision::remove_group(database(), group_id); });
        }))
        after_change(_("Group removed."));
}

void CycleOverviewPage::enrol() {
    if (!cycle_id()) return;
    if (!cycle_closed_on(database(), cycle_id()).empty()) {
        ui::show_info(this, _("This cycle is closed: reopen it to enrol someone."));
        return;
    }
    if (CycleRepository(database()).groups(cycle_id()).empty()) {
        ui::show_info(this, _("Create a group first (New group…)."));
        return;
    }
    // The group whose list has the selection comes first.
    int64_t group = 0;
    for (const auto& [list, id] : group_lists_)
        if (list == current_list()) group = id;
    EnrolDialog dialog(this, database(), cycle_id(), group, today_iso());
    if (dialog.ShowModal() == wxID_OK) after_change(dialog.done_message());
}

bool CycleOverviewPage::delete_selection() {
    for (const auto& [list, id] : group_lists_)
        if (list == current_list() && list->selected_id()) {
            leave();
            return true;
        }
    return false;
}

std::optional<Enrolment> CycleOverviewPage::selected_enrolment_if(bool waiting, const wxString& hint) {
    const auto e = selected_enrolment();
    const auto enrolment = e ? CycleRepository(database()).enrolment(*e) : std::nullopt;
    if (enrolment && (waiting ? enrolment->status == "waiting" : enrolment->status != "left")) return enrolment;
    ui::show_info(this, hint);
    return std::nullopt;
}

template <class Dialog>
void CycleOverviewPage::participant_dialog() {
    if (const auto e = selected_enrolment_if(false, _("Select a participant in a group's list first."))) {
        Dialog dialog(this, database(), e->id, today_iso());
        if (dialog.ShowModal() == wxID_OK) after_change(dialog.done_message());
    }
}

void CycleOverviewPage::leave() { participant_dialog<LeaveDialog>(); }

void CycleOverviewPage::move() { participant_dialog<MoveDialog>(); }

void CycleOverviewPage::promote() {
    const auto enrolment = selected_enrolment_if(true, _("Select someone on a waiting list first."));
    if (!enrolment) return;
    const auto p = PersonRepository(database()).get(enrolment->person_id);
    const auto g = CycleRepository(database()).group(enrolment->group_id);
    const auto name = p ? u8(p->display_name()) : wxString();
    if (ui::guarded(this, _("Could not promote"), [&] {
            const auto c = CycleRepository(database()).cycle(g->cycle_id);
            database().write(wxString::Format(_("promote %s into %s"), name, u8(g->name)).utf8_string(), [&] {
                promote_from_waiting_list(database(), enrolment->id, default_enrolment_date(*c, today_iso()));
            });
        }))
        after_change(wxString::Format(_("%s enrolled in %s."), name, u8(g->name)));
}

}  // namespace maillage::intervision
