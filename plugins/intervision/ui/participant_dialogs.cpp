#include "ui/participant_dialogs.h"

#include "ui/dialog_util.h"

#include "core/database.h"
#include "core/institutions.h"
#include "core/locale_format.h"
#include "core/people.h"
#include "shared-ui/date_pickers.h"
#include "shared-ui/pickers.h"

#include <wx/choice.h>
#include <wx/textctrl.h>

namespace maillage::intervision {
namespace {

std::string person_name(Database& db, int64_t id) {
    const auto p = PersonRepository(db).get(id);
    return p ? p->display_name() : std::string();
}

std::string group_name(Database& db, int64_t id) {
    const auto g = CycleRepository(db).group(id);
    return g ? g->name : std::string();
}

wxString warnings_text(const std::vector<std::string>& warnings) {
    wxString text;
    for (const auto& w : warnings) text += (text.empty() ? "" : "\n") + u8(w);
    return text;
}

// What the officer reads after an enrolment or a move: enrolled, or waiting at a position.
wxString enrolled_text(const std::string& who, const EnrolResult& r, const std::string& group) {
    return r.status == "waiting"
               ? wxString::Format(_("%s is on the waiting list, position %d."), u8(who), r.waiting_position.value_or(0))
               : wxString::Format(_("%s enrolled in %s."), u8(who), u8(group));
}

}  // namespace

std::string default_enrolment_date(const Cycle& cycle, const std::string& today) {
    return today < cycle.start_date || today > cycle.end_date ? cycle.start_date : today;
}

EnrolDialog::EnrolDialog(wxWindow* parent, Database& db, int64_t cycle_id, int64_t group_id, const std::string& today)
    : wxDialog(parent, wxID_ANY, _("Enrol in a group")), db_(db) {
    SetName("enrol-dialog");
    CycleRepository repo(db);
    const auto cycle = repo.cycle(cycle_id);
    FieldGrid grid(this);
    person_ = grid.add(_("Person:"), new ui::PersonPicker(this, db), "person");
    person_->SetMinSize(FromDIP(wxSize(340, -1)));
    group_ = grid.add(_("Group:"), new ui::IdChoice(this), "group");
    std::vector<std::pair<int64_t, wxString>> groups;
    for (const auto& g : repo.groups(cycle_id)) groups.emplace_back(g.id, u8(g.name + " — " + slot_label(g)));
    group_->refill(groups, group_id);
    date_ = grid.add(_("Enrolled on:"), new ui::DatePicker(this), "date");
    date_->set_iso(cycle ? default_enrolment_date(*cycle, today) : today);
    institution_ = grid.add(_("Counts for:"), new ui::InstitutionPicker(this, db), "institution");
    institution_->SetToolTip(_("The institution the participation counts for: by default where the person works on "
                               "the enrolment date."));
    reason_label_ = new wxStaticText(this, wxID_ANY, _("Reason:"));
    reason_ = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, FromDIP(wxSize(340, -1)));
    reason_->SetName("reason");
    reason_->SetHint(_("Why accept it anyway (kept and shown with the group)"));
    grid.sizer()->Add(reason_label_, 0, wxALIGN_CENTER_VERTICAL);
    grid.sizer()->Add(reason_, 1, wxEXPAND);

    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(grid.sizer(), 1, wxEXPAND | wxALL, 10);
    warning_ = warning_line(this);
    sizer->Add(warning_, 0, wxEXPAND | wxLEFT | wxRIGHT, 10);
    problem_ = problem_line(this);
    sizer->Add(problem_, 0, wxEXPAND | wxLEFT | wxRIGHT, 10);
    sizer->Add(action_buttons(this, _("Enrol")), 0, wxEXPAND | wxALL, 8);
    SetSizer(sizer);
    reason_label_->Hide();
    reason_->Hide();
    Fit();

    person_->on_chosen([this](const ui::PickerItem&) { person_chosen(); });
    date_->on_change([this](const std::string&) { person_chosen(); });
    Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { enrol(); }, wxID_OK);
    CentreOnParent();
}

// The institution the person works at on the enrolment date is proposed.
void EnrolDialog::person_chosen() {
    if (!person_->selection() || date_->iso().empty()) return;
    const auto a = PersonRepository(db_).affiliation_at(*person_->selection(), date_->iso());
    if (!a.institution_id) return;
    if (const auto i = InstitutionRepository(db_).get(*a.institution_id)) institution_->set_selection(i->id, u8(i->name));
}

void EnrolDialog::enrol() {
    if (!person_->selection()) return show_problem(this, problem_, _("Choose the person in the search results."));
    if (!group_->id()) return show_problem(this, problem_, _("Choose a group."));
    if (date_->iso().empty()) return show_problem(this, problem_, _("The enrolment date is not a date."));
    const int64_t person = *person_->selection(), group = group_->id();
    const std::string date = date_->iso();
    // Counted for another institution than their job's: said explicitly.
    std::optional<Affiliation> at;
    const auto job = PersonRepository(db_).affiliation_at(person, date);
    if (institution_->selection() && institution_->selection() != job.institution_id)
        at = Affiliation{institution_->selection(), std::nullopt};
    const std::string reason = reason_->GetValue().Strip(wxString::both).utf8_string();
    EnrolmentRules rules(db_);
    try {
        const auto warnings = rules.check_enrolment(group, person, date, at);
        if (!warnings.empty() && reason.empty()) {
            // The rule is sometimes broken on purpose: the reason is asked here, in place.
            warning_->SetLabel(warnings_text(warnings) + "\n" + _("Give the reason to accept this enrolment anyway."));
            warning_->Wrap(FromDIP(460));
            reason_label_->Show();
            reason_->Show();
            show_problem(this, problem_, wxString());
            reason_->SetFocus();
            return;
        }
        const auto label = wxString::Format(_("enrol %s in %s"), u8(person_name(db_, person)), u8(group_name(db_, group)));
        const auto r = db_.write(label.utf8_string(), [&] { return rules.enrol(group, person, date, reason, at); });
        done_ = enrolled_text(person_name(db_, person), r, group_name(db_, group));
    } catch (const std::exception& e) {
        return show_problem(this, problem_, u8(e.what()));
    }
    EndModal(wxID_OK);
}

EnrolmentDialog::EnrolmentDialog(wxWindow* parent, Database& db, int64_t enrolment_id, const wxString& title,
                                 const char* name)
    : wxDialog(parent, wxID_ANY, title), db_(db),
      enrolment_(CycleRepository(db).enrolment(enrolment_id).value_or(Enrolment{})) {
    SetName(name);
}

LeaveDialog::LeaveDialog(wxWindow* parent, Database& db, int64_t enrolment_id, const std::string& today)
    : EnrolmentDialog(parent, db, enrolment_id, _("Leave the group"), "leave-dialog") {
    CycleRepository repo(db);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    auto* question = new wxStaticText(this, wxID_ANY,
                                      wxString::Format(_("Take %s out of %s?"), u8(person_name(db, enrolment_.person_id)),
                                                       u8(group_name(db, enrolment_.group_id))));
    question->SetFont(question->GetFont().Bold());
    sizer->Add(question, 0, wxALL, 10);
    ui::add_paragraph(this, sizer,
                      enrolment_.status == "waiting"
                          ? _("The person leaves the waiting list; those after them move up.")
                          : _("The person stays in the group's history until that date; the first person on the "
                              "waiting list, if any, takes the place. Edit > Undo takes it back."),
                      440, wxLEFT | wxRIGHT);
    FieldGrid grid(this);
    date_ = grid.add(_("Leaves on:"), new ui::DatePicker(this), "date");
    std::string date = today;
    if (const auto g = repo.group(enrolment_.group_id))
        if (const auto c = repo.cycle(g->cycle_id)) date = std::max(default_enrolment_date(*c, today), enrolment_.enrolled_on);
    date_->set_iso(date);
    sizer->Add(grid.sizer(), 0, wxEXPAND | wxALL, 10);
    problem_ = end_layout(this, sizer, action_buttons(this, _("Leave the group")), [this] { leave(); });
}

void LeaveDialog::leave() {
    if (date_->iso().empty()) return show_problem(this, problem_, _("The date of leaving is not a date."));
    record_or_show(this, problem_, [&] {
        const auto who = person_name(db_, enrolment_.person_id), group = group_name(db_, enrolment_.group_id);
        const auto label = wxString::Format(_("%s leaves %s"), u8(who), u8(group));
        const auto promoted = db_.write(label.utf8_string(), [&] {
            return EnrolmentRules(db_).leave(enrolment_.group_id, enrolment_.person_id, date_->iso());
        });
        done_ = wxString::Format(_("%s left %s."), u8(who), u8(group));
        if (promoted)
            if (const auto e = CycleRepository(db_).enrolment(*promoted))
                done_ += " " + wxString::Format(_("%s takes the place."), u8(person_name(db_, e->person_id)));
    });
}

MoveDialog::MoveDialog(wxWindow* parent, Database& db, int64_t enrolment_id, const std::string& today)
    : EnrolmentDialog(parent, db, enrolment_id, _("Move to another group"), "move-dialog") {
    CycleRepository repo(db);
    const auto from = repo.group(enrolment_.group_id);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    ui::add_paragraph(
        this, sizer,
        wxString::Format(_("%s leaves %s and joins the chosen group on the same date; both stay in the history."),
                         u8(person_name(db, enrolment_.person_id)), from ? u8(from->name) : wxString()),
        440);
    FieldGrid grid(this);
    group_ = grid.add(_("To group:"), new ui::IdChoice(this), "group");
    std::vector<std::pair<int64_t, wxString>> groups;
    if (from)
        for (const auto& g : repo.groups(from->cycle_id))
            if (g.id != from->id) groups.emplace_back(g.id, u8(g.name + " — " + slot_label(g)));
    group_->refill(groups, 0);
    date_ = grid.add(_("On:"), new ui::DatePicker(this), "date");
    std::string date = today;
    if (from)
        if (const auto c = repo.cycle(from->cycle_id)) date = std::max(default_enrolment_date(*c, today), enrolment_.enrolled_on);
    date_->set_iso(date);
    reason_ = grid.add(_("Reason:"), new wxTextCtrl(this, wxID_ANY), "reason");
    reason_->SetHint(_("Only when the rules of the new group ask for one"));
    sizer->Add(grid.sizer(), 0, wxEXPAND | wxALL, 10);
    warning_ = warning_line(this);
    sizer->Add(warning_, 0, wxEXPAND | wxLEFT | wxRIGHT, 10);
    problem_ = end_layout(this, sizer, action_buttons(this, _("Move")), [this] { move(); });
}

void MoveDialog::move() {
    if (!group_->id()) return show_problem(this, problem_, _("The cycle has no other group."));
    if (date_->iso().empty()) return show_problem(this, problem_, _("The date is not a date."));
    const int64_t to = group_->id();
    const std::string reason = reason_->GetValue().Strip(wxString::both).utf8_string();
    EnrolmentRules rules(db_);
    try {
        const auto warnings = rules.check_enrolment(to, enrolment_.person_id, date_->iso());
        if (!warnings.empty() && reason.empty()) {
            warning_->SetLabel(warnings_text(warnings) + "\n" + _("Give the reason to accept this move anyway."));
            warning_->Wrap(FromDIP(440));
            return show_problem(this, problem_, wxString());
        }
        const auto who = person_name(db_, enrolment_.person_id);
        const auto label = wxString::Format(_("move %s to %s"), u8(who), u8(group_name(db_, to)));
        const auto r = db_.write(label.utf8_string(), [&] {
            return rules.move(enrolment_.person_id, enrolment_.group_id, to, date_->iso(), reason);
        });
        done_ = enrolled_text(who, r, group_name(db_, to));
    } catch (const std::exception& e) {
        return show_problem(this, problem_, u8(e.what()));
    }
    EndModal(wxID_OK);
}

}  // namespace maillage::intervision
