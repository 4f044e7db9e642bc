#include "ui/group_dialog.h"

#include "enrolment_rules.h"
#include "ui/dialog_util.h"

#include "core/database.h"
#include "core/people.h"
#include "shared-ui/date_pickers.h"
#include "shared-ui/pickers.h"

#include <wx/choice.h>
#include <wx/textctrl.h>

#include <algorithm>

namespace maillage::intervision {

GroupDialog::GroupDialog(wxWindow* parent, Database& db, int64_t cycle_id, int64_t group_id)
    : wxDialog(parent, wxID_ANY, group_id ? _("Edit the group") : _("New group")), db_(db) {
    SetName("group-dialog");
    if (group_id)
        if (auto g = CycleRepository(db).group(group_id)) group_ = *g;
    if (!group_.id) {
        group_.cycle_id = cycle_id;
        group_.name = wxString::Format(_("Group %zu"), CycleRepository(db).groups(cycle_id).size() + 1).utf8_string();
    }
    FieldGrid grid(this);
    name_ = grid.add(_("Name:"), new wxTextCtrl(this, wxID_ANY, u8(group_.name), wxDefaultPosition, FromDIP(wxSize(300, -1))),
                     "name");
    language_ = grid.add(_("Language:"), new wxChoice(this, wxID_ANY), "language");
    language_->Append(_("French"));
    language_->Append(_("Dutch"));
    language_->SetSelection(group_.language == "nl" ? 1 : 0);
    slot_ = grid.add(_("Meets on:"), new ui::TimeSlotPicker(this), "slot");
    ui::TimeSlot slot;
    slot.weekday = group_.weekday;
    ui::TimeSlot::parse_half_day(group_.half_day, slot.half_day);
    slot.start = group_.start_time;
    slot.end = group_.end_time;
    slot_->set_slot(slot);
    week_ = grid.add(_("Week of the month:"), new wxChoice(this, wxID_ANY), "week");
    for (const auto& w : {_("1st"), _("2nd"), _("3rd"), _("4th"), _("last")}) week_->Append(w);
    week_->SetSelection(std::clamp(group_.week_of_month, 1, 5) - 1);
    capacity_ = grid.add(_("Places:"), new wxTextCtrl(this, wxID_ANY, wxString::Format("%d", group_.capacity)), "capacity");
    PersonRepository people(db);
    facilitator1_ = grid.add(_("Facilitator:"), new ui::PersonPicker(this, db), "facilitator1");
    facilitator2_ = grid.add(_("Second facilitator:"), new ui::PersonPicker(this, db), "facilitator2");
    if (group_.facilitator1_id)
        if (auto p = people.get(*group_.facilitator1_id)) facilitator1_->set_selection(p->id, u8(p->display_name()));
    if (group_.facilitator2_id)
        if (auto p = people.get(*group_.facilitator2_id)) facilitator2_->set_selection(p->id, u8(p->display_name()));

    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(grid.sizer(), 1, wxEXPAND | wxALL, 10);
    warning_ = new wxStaticText(this, wxID_ANY, wxString());
    warning_->SetName("pair-warning");
    warning_->SetForegroundColour(wxColour(160, 90, 0));
    sizer->Add(warning_, 0, wxEXPAND | wxLEFT | wxRIGHT, 10);
    problem_ = problem_line(this);
    sizer->Add(problem_, 0, wxEXPAND | wxLEFT | wxRIGHT, 10);
    sizer->Add(action_buttons(this, group_.id ? _("Save") : _("Create the group")), 0, wxEXPAND | wxALL, 8);
    SetSizer(sizer);
    update_warning();

    for (auto* f : {facilitator1_, facilitator2_}) f->on_chosen([this](const ui::PickerItem&) { update_warning(); });
    Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { save(); }, wxID_OK);
    CentreOnParent();
}

Group GroupDialog::read() const {
    Group g = group_;
    g.name = name_->GetValue().Strip(wxString::both).utf8_string();
    g.language = language_->GetSelection() == 1 ? "nl" : "fr";
    const auto slot = slot_->slot();
    g.weekday = slot.weekday;
    g.half_day = slot.half_day_code();
    g.start_time = slot.start;
    g.end_time = slot.end;
    g.week_of_month = week_->GetSelection() + 1;
    long capacity = 0;
    g.capacity = capacity_->GetValue().Strip(wxString::both).ToLong(&capacity) ? int(capacity) : 0;
    g.facilitator1_id = facilitator1_->selection();
    g.facilitator2_id = facilitator2_->selection();
    return g;
}

// The pair rule warns, it does not forbid: shown as the facilitators are chosen.
void GroupDialog::update_warning() {
    wxString text;
    for (const auto& w : EnrolmentRules(db_).facilitator_pair_warnings(read())) text += (text.empty() ? "" : "\n") + u8(w);
    warning_->SetLabel(text);
    warning_->Wrap(FromDIP(460));
    Layout();
    Fit();
}

void GroupDialog::save() {
    if (auto p = slot_->problem(); !p.empty()) return show_problem(this, problem_, p);
    Group g = read();
    const auto label = wxString::Format(group_.id ? _("edit group %s") : _("create group %s"), u8(g.name));
    record_or_show(this, problem_,
                   [&] { group_.id = db_.write(label.utf8_string(), [&] { return EnrolmentRules(db_).save_group(g); }); });
}

}  // namespace maillage::intervision
