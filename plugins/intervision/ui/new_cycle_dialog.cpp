#include "ui/new_cycle_dialog.h"

#include "cycle_planning.h"
#include "enrolment_rules.h"
#include "ui/dialog_util.h"

#include "core/database.h"
#include "core/programmes.h"
#include "shared-ui/record_choice.h"
#include "shared-ui/date_pickers.h"
#include "shared-ui/display.h"
#include "shared-ui/list_panel.h"
#include "shared-ui/messages.h"

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <algorithm>
#include <array>

namespace maillage::intervision {
namespace {
constexpr std::array<const char*, 3> kAudiences{"workers", "peer_workers", "managers"};

// A closure period: from, to and a label.
class ClosureDialog : public wxDialog {
public:
    explicit ClosureDialog(wxWindow* parent) : wxDialog(parent, wxID_ANY, _("Closure period")) {
        SetName("closure-dialog");
        FieldGrid grid(this);
        from_ = grid.add(_("From:"), new ui::DatePicker(this), "from");
        to_ = grid.add(_("To:"), new ui::DatePicker(this), "to");
        label_ = grid.add(_("Label:"), new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, FromDIP(wxSize(240, -1))),
                          "label");
        auto* sizer = new wxBoxSizer(wxVERTICAL);
        sizer->Add(grid.sizer(), 1, wxEXPAND | wxALL, 10);
        problem_ = problem_line(this);
        sizer->Add(problem_, 0, wxEXPAND | wxLEFT | wxRIGHT, 10);
        sizer->Add(action_buttons(this, _("Add")), 0, wxEXPAND | wxALL, 8);
        SetSizerAndFit(sizer);
        Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
            if (from_->iso().empty() || to_->iso().empty() || to_->iso() < from_->iso())
                return show_problem(this, problem_, _("A closure period needs two dates, in order."));
            EndModal(wxID_OK);
        }, wxID_OK);
        CentreOnParent();
    }
    Closure closure() const {
        return {0, from_->iso(), to_->iso(), label_->GetValue().Strip(wxString::both).utf8_string()};
    }

private:
    ui::DatePicker *from_, *to_;
    wxTextCtrl* label_;
    wxStaticText* problem_;
};
}  // namespace

NewCycleDialog::NewCycleDialog(wxWindow* parent, Database& db, const std::string& today, int64_t cycle_id)
    : CreationDialog(parent, db, cycle_id ? _("Edit the cycle") : _("New intervision cycle")) {
    SetName(cycle_id ? "edit-cycle-dialog" : "new-cycle-dialog");
    if (cycle_id)
        if (auto c = CycleRepository(db).cycle(cycle_id)) cycle_ = *c;
    if (!cycle_.id) {
        // A cycle runs from September to June: from July on, the next one is prepared.
        const int year = std::stoi(today.substr(0, 4)), month = std::stoi(today.substr(5, 2));
        const int first = month >= 7 ? year : year - 1;
        cycle_.name = std::to_string(first) + "-" + std::to_string(first + 1);
        cycle_.start_date = std::to_string(first) + "-09-01";
        cycle_.end_date = std::to_string(first + 1) + "-06-30";
    }

    FieldGrid fields(this);
    auto row = [&](const wxString& label, wxWindow* field, const char* name) { fields.add(label, field, name); };
    name_ = new wxTextCtrl(this, wxID_ANY, u8(cycle_.name), wxDefaultPosition, FromDIP(wxSize(280, -1)));
    row(_("Name:"), name_, "name");
    // A new cycle belongs to the Connect programme unless the user chooses another.
    std::optional<int64_t> programme = cycle_.programme_id;
    if (!cycle_.id)
        if (const auto connect = ProgrammeRepository(db).find_by_code("connect")) programme = connect->id;
    programme_ = ui::programme_choice(this, db, _("(none)"), programme);
    row(_("Programme:"), programme_, "programme");
    start_ = new ui::DatePicker(this);
    start_->set_iso(cycle_.start_date);
    row(_("Starts on:"), start_, "start");
    end_ = new ui::DatePicker(this);
    end_->set_iso(cycle_.end_date);
    row(_("Ends on:"), end_, "end");
    audience_ = new wxChoice(this, wxID_ANY);
    audience_->Append(_("Front-line workers"));
    audience_->Append(_("Peer workers"));
    audience_->Append(_("Managers who hired a peer worker"));
    const auto a = std::find(kAudiences.begin(), kAudiences.end(), cycle_.audience);
    audience_->SetSelection(a == kAudiences.end() ? 0 : int(a - kAudiences.begin()));
    row(_("Audience:"), audience_, "audience");
    funder_ = ui::funder_choice(this, db, _("(none)"), cycle_.funder_id);
    row(_("Counts for funder:"), funder_, "funder");
    auto* holidays = new wxBoxSizer(wxVERTICAL);
    cocof_ = new wxCheckBox(this, wxID_ANY, _("French Community Day (27 September)"));
    flemish_ = new wxCheckBox(this, wxID_ANY, _("Flemish Community Day (11 July)"));
    cocof_->SetName("cocof");
    flemish_->SetName("flemish");
    auto has = [&](const char* r) {
        return std::find(cycle_.regional_holidays.begin(), cycle_.regional_holidays.end(), r) !=
               cycle_.regional_holidays.end();
    };
    cocof_->SetValue(has("cocof"));
    flemish_->SetValue(has("flemish"));
    holidays->Add(cocof_);
    holidays->Add(flemish_);
    fields.add_top(_("Also no session on:"), holidays);
    closures_ = new ui::ListPanel(this, nullptr,
                                  {.id = "intervision.closures",
                                   .name = "closures",
                                   .title = _("Closure periods:"),
                                   .columns = {{_("From"), 100, ui::ColumnKind::Date},
                                               {_("To"), 100, ui::ColumnKind::Date},
                                               {_("Label"), 160}},
                                   .search = false});
    fields.add_top(_("Closure periods:"),
                   list_with_buttons(this, closures_, wxSize(380, 120),
                                     {{_("Add…"), [this] { add_closure(); }, "add-closure"},
                                      {_("Remove"),
                                       [this] {
                                           if (erase_selected(closures_, cycle_.closures)) show_closures();
                                       }}}));
    show_closures();

    problem_ = ui::finish_dialog(this, fields.sizer());
    Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { create(); }, wxID_OK);
    CentreOnParent();
}

void NewCycleDialog::add_closure() {
    ClosureDialog dialog(this);
    if (dialog.ShowModal() != wxID_OK) return;
    cycle_.closures.push_back(dialog.closure());
    show_closures();
}

void NewCycleDialog::show_closures() {
    auto rows = std::make_shared<ui::TableRowSource>();
    int64_t n = 0;
    for (const auto& c : cycle_.closures)
        rows->add(++n, {ui::display_date(c.start_date), ui::display_date(c.end_date), u8(c.label)});
    closures_->set_source(rows);
}

void NewCycleDialog::create() {
    Cycle c = cycle_;
    c.name = name_->GetValue().Strip(wxString::both).utf8_string();
    c.programme_id = programme_->chosen();
    c.funder_id = funder_->chosen();
    c.start_date = start_->iso();
    c.end_date = end_->iso();
    c.audience = kAudiences[size_t(std::max(0, audience_->GetSelection()))];
    c.regional_holidays.clear();
    if (cocof_->GetValue()) c.regional_holidays.push_back("cocof");
    if (flemish_->GetValue()) c.regional_holidays.push_back("flemish");
    const auto label = wxString::Format(c.id ? _("edit cycle %s") : _("create cycle %s"), u8(c.name));
    record(label.utf8_string(), [&] {
        if (!c.id) return CycleRepository(db_).create_cycle(c);
        CycleRepository(db_).update_cycle(c);
        replace_closures(db_, c.id, c.closures);
        return c.id;
    });
}

CopyCycleDialog::CopyCycleDialog(wxWindow* parent, Database& db, int64_t cycle_id)
    : CreationDialog(parent, db, _("Copy to next year")) {
    SetName("copy-cycle-dialog");
    cycle_ = CycleRepository(db).cycle(cycle_id).value_or(Cycle{});
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    ui::add_paragraph(this, sizer,
                      wxString::Format(_("The groups of %s, their slots, facilitators and capacities are "
                                         "carried over; the closure periods move one year later."),
                                       u8(cycle_.name)),
                      420);
    FieldGrid grid(this);
    std::string name = cycle_.name;
    // "2026-2027" becomes "2027-2028".
    if (name.size() == 9 && name[4] == '-')
        name = std::to_string(std::stoi(name.substr(0, 4)) + 1) + "-" + std::to_string(std::stoi(name.substr(5)) + 1);
    name_ = grid.add(_("Name:"), new wxTextCtrl(this, wxID_ANY, u8(name)), "name");
    start_ = grid.add(_("Starts on:"), new ui::DatePicker(this), "start");
    end_ = grid.add(_("Ends on:"), new ui::DatePicker(this), "end");
    if (!cycle_.start_date.empty()) {
        start_->set_iso(add_years(cycle_.start_date, 1));
        end_->set_iso(add_years(cycle_.end_date, 1));
    }
    sizer->Add(grid.sizer(), 0, wxEXPAND | wxALL, 10);
    participants_ = new wxCheckBox(this, wxID_ANY, _("Also enrol this year's participants"));
    participants_->SetName("with-participants");
    sizer->Add(participants_, 0, wxLEFT | wxRIGHT, 10);
    problem_ = end_layout(this, sizer, action_buttons(this, _("Copy")), [this] { copy(); });
}

void CopyCycleDialog::copy() {
    const auto name = name_->GetValue().Strip(wxString::both).utf8_string();
    const auto label = wxString::Format(_("copy cycle %s to %s"), u8(cycle_.name), u8(name));
    record(label.utf8_string(), [&] {
        return EnrolmentRules(db_).copy_cycle(cycle_.id, name, participants_->GetValue(), start_->iso(), end_->iso());
    });
}

}  // namespace maillage::intervision
