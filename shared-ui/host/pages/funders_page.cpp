#include "funders_page.h"

#include "labels.h"

#include "shared-ui/list_panel.h"
#include "shared-ui/messages.h"
#include "shared-ui/virtual_list.h"

#include "core/programmes.h"

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/dialog.h>
#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/statbox.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <functional>
#include <set>
#include <optional>
#include <utility>
#include <vector>

namespace maillage::ui {
namespace {

// A record this one can sit under: id and "code — name".
using ParentChoices = std::vector<std::pair<int64_t, wxString>>;

// Code + name + parent (+ notes for a funder).
class CodeNameDialog : public wxDialog {
public:
    CodeNameDialog(wxWindow* parent, const wxString& title, const wxString& code, const wxString& name,
                   const wxString* notes, std::function<bool(const wxString& code)> code_taken,
                   ParentChoices parents, std::optional<int64_t> current_parent)
        : wxDialog(parent, wxID_ANY, title), code_taken_(std::move(code_taken)), parents_(std::move(parents)) {
        SetName("code-name-dialog");
        auto* grid = new wxFlexGridSizer(2, FromDIP(wxSize(8, 6)));
        grid->AddGrowableCol(1);
        grid->Add(new wxStaticText(this, wxID_ANY, _("Code:")), 0, wxALIGN_CENTER_VERTICAL);
        code_ = new wxTextCtrl(this, wxID_ANY, code);
        grid->Add(code_, 1, wxEXPAND);
        grid->Add(new wxStaticText(this, wxID_ANY, _("Name:")), 0, wxALIGN_CENTER_VERTICAL);
        name_ = new wxTextCtrl(this, wxID_ANY, name, wxDefaultPosition, FromDIP(wxSize(320, -1)));
        grid->Add(name_, 1, wxEXPAND);
        grid->Add(new wxStaticText(this, wxID_ANY, _("Part of:")), 0, wxALIGN_CENTER_VERTICAL);
        parent_ = new wxChoice(this, wxID_ANY);
        parent_->Append(_("(none: at the top)"));
        parent_->SetSelection(0);
        for (size_t i = 0; i < parents_.size(); ++i) {
            parent_->Append(parents_[i].second);
            if (current_parent && parents_[i].first == *current_parent) parent_->SetSelection(int(i) + 1);
        }
        grid->Add(parent_, 1, wxEXPAND);
        code_->SetName("code");
        name_->SetName("name");
        parent_->SetName("parent");
        if (notes) {
            grid->Add(new wxStaticText(this, wxID_ANY, _("Notes:")), 0, wxALIGN_TOP);
            notes_ = new wxTextCtrl(this, wxID_ANY, *notes, wxDefaultPosition, FromDIP(wxSize(-1, 60)), wxTE_MULTILINE);
            grid->Add(notes_, 1, wxEXPAND);
        }
        auto* sizer = new wxBoxSizer(wxVERTICAL);
        sizer->Add(grid, 1, wxEXPAND | wxALL, 10);
        problems_ = new wxStaticText(this, wxID_ANY, wxString());
        problems_->SetForegroundColour(wxColour(170, 0, 0));
        sizer->Add(problems_, 0, wxEXPAND | wxLEFT | wxRIGHT, 10);
        sizer->Add(ok_cancel_buttons(this), 0, wxEXPAND | wxALL, 8);
        SetSizerAndFit(sizer);
        code_->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { validate(); });
        name_->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { validate(); });
        Bind(wxEVT_BUTTON, [this](wxCommandEvent& e) {
            if (validate()) e.Skip();
        }, wxID_OK);
        validate();
        CentreOnParent();
    }
    std::string code() const { return s8(code_->GetValue().Strip(wxString::both)); }
    std::string name() const { return s8(name_->GetValue().Strip(wxString::both)); }
    std::string notes() const { return notes_ ? s8(notes_->GetValue()) : std::string(); }
    std::optional<int64_t> parent() const {
        const int k = parent_->GetSelection();
        return k >= 1 ? std::optional<int64_t>(parents_[size_t(k - 1)].first) : std::nullopt;
    }

private:
    bool validate() {
        wxArrayString problems;
        const wxString code = code_->GetValue().Strip(wxString::both);
        if (code.empty())
            problems.push_back(_("The code is required."));
        else if (code_taken_(code))
            problems.push_back(_("This code is already used."));
        if (name_->GetValue().Strip(wxString::both).empty()) problems.push_back(_("The name is required."));
        problems_->SetLabel(wxJoin(problems, '\n'));
        FindWindow(wxID_OK)->Enable(problems.empty());
        Layout();
        Fit();
        return problems.empty();
    }
    std::function<bool(const wxString&)> code_taken_;
    ParentChoices parents_;
    wxTextCtrl *code_, *name_, *notes_ = nullptr;
    wxChoice* parent_;
    wxStaticText* problems_;
};

// Active records other than `self`; the repository refuses a choice that would loop.
template <class Record>
ParentChoices parent_choices(const std::vector<Record>& records, int64_t self) {
    ParentChoices out;
    for (const auto& r : records)
        if (r.id != self) out.emplace_back(r.id, u8(r.code) + wxString::FromUTF8(" — ") + u8(r.name));
    return out;
}

// The records in tree order: each top one (in the repository's order), then the ones
// that sit under it, indented; a record whose parent is not listed (retired and hidden)
// stays at the top. Each comes with its depth.
template <class Record>
std::vector<std::pair<const Record*, int>> tree_order(const std::vector<Record>& records) {
    std::set<int64_t> listed;
    for (const auto& r : records) listed.insert(r.id);
    std::vector<std::pair<const Record*, int>> out;
    std::set<int64_t> placed;
    std::function<void(const Record&, int)> place = [&](const Record& r, int depth) {
        if (!placed.insert(r.id).second) return;
        out.emplace_back(&r, depth);
        for (const auto& child : records)
            if (child.parent_id && *child.parent_id == r.id) place(child, depth + 1);
    };
    for (const auto& r : records)
        if (!r.parent_id || !listed.count(*r.parent_id)) place(r, 0);
    for (const auto& r : records) place(r, 0);  // a loop the repository refused, all the same
    return out;
}

// The name as the tree shows it: "└ COCOM — santé mentale" under its parent.
wxString indented(const std::string& name, int depth) {
    if (depth == 0) return u8(name);
    return wxString(' ', 4 * (depth - 1)) + wxString::FromUTF8("\u2514 ") + u8(name);
}

class FundersPage : public PageBase {
public:
    FundersPage(wxWindow* parent, UiContext& context) : PageBase(parent, context) {
        auto* sizer = new wxBoxSizer(wxVERTICAL);
        show_retired_ = new wxCheckBox(this, wxID_ANY, _("Show retired funders and programmes"));
        sizer->Add(show_retired_, 0, wxALL, 8);
        auto* lists = new wxBoxSizer(wxVERTICAL);
        funders_ = add_box(lists, "core.funders", _("Funders"),
                           {{_("Code"), 90}, {_("Name"), 300}, {_("Part of"), 160}, {_("Notes"), 200}, {_("Status"), 80}},
                           [this](int action) { funder_action(action); });
        programmes_ = add_box(lists, "core.programmes", _("Programmes"),
                              {{_("Code"), 130}, {_("Name"), 300}, {_("Part of"), 200}, {_("Status"), 80}},
                              [this](int action) { programme_action(action); });
        sizer->Add(lists, 1, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, 4);
        SetSizer(sizer);
        show_retired_->Bind(wxEVT_CHECKBOX, [this](wxCommandEvent&) { refresh(); });
        refresh();
    }

    void refresh() override {
        const bool retired = show_retired_->GetValue();
        auto funders = std::make_shared<TableRowSource>();
        FunderRepository funder_repo(database());
        const auto funder_list = funder_repo.list(retired);
        for (const auto& [f, depth] : tree_order(funder_list)) {
            wxString parent;
            if (f->parent_id)
                if (auto pf = funder_repo.get(*f->parent_id)) parent = u8(pf->name);
            funders->add(f->id, {u8(f->code), indented(f->name, depth), parent, u8(f->notes),
                                 f->retired ? _("retired") : _("active")});
        }
        funders_->set_source(funders);
        auto programmes = std::make_shared<TableRowSource>();
        ProgrammeRepository repo(database());
        const auto programme_list = repo.list(retired);
        for (const auto& [p, depth] : tree_order(programme_list)) {
            wxString parent;
            if (p->parent_id)
                if (auto pp = repo.get(*p->parent_id)) parent = u8(pp->name);
            programmes->add(p->id, {u8(p->code), indented(p->name, depth), parent,
                                    p->retired ? _("retired") : _("active")});
        }
        programmes_->set_source(programmes);
    }

private:
    enum { Add, Edit, Retire };

    ListPanel* add_box(wxBoxSizer* into, const std::string& id, const wxString& title, std::vector<ListColumn> columns,
                       std::function<void(int)> on_action) {
        auto* box = new wxStaticBoxSizer(wxVERTICAL, this, title);
        auto* list = new ListPanel(box->GetStaticBox(), &context(),
                                   {.id = id, .title = title, .columns = std::move(columns)});
        box->Add(list, 1, wxEXPAND);
        const std::pair<int, wxString> actions[] = {{Add, _("&New…")}, {Edit, _("&Edit…")}, {Retire, _("&Retire")}};
        for (const auto& [action, label] : actions)
            list->add_button(label)->Bind(wxEVT_BUTTON,
                                          [on_action, action = action](wxCommandEvent&) { on_action(action); });
        list->list()->Bind(wxEVT_DATAVIEW_ITEM_ACTIVATED, [on_action](wxDataViewEvent&) { on_action(Edit); });
        into->Add(box, 1, wxEXPAND | wxALL, 4);
        return list;
    }

    void done() {
        refresh();
        context().data_changed();
    }

    void funder_action(int action) {
        FunderRepository repo(database());
        std::optional<Funder> current;
        if (action != Add) {
            const auto id = funders_->selected_id();
            if (id) current = repo.get(*id);
            if (!current) {
                show_info(this, _("Select a funder first."));
                return;
            }
        }
        if (action == Retire) {
            if (confirm(this, wxString::Format(_("Retire the funder “%s”? Past activities keep it."), u8(current->name)),
                        _("Retire")) &&
                guarded(this, _("The funder was not changed"), [&] { repo.retire(current->id); }))
                done();
            return;
        }
        Funder f = current.value_or(Funder{});
        const wxString notes = u8(f.notes);
        CodeNameDialog d(this, action == Add ? _("New funder") : _("Edit funder"), u8(f.code), u8(f.name), &notes,
                         [&](const wxString& code) {
                             auto other = repo.find_by_code(s8(code));
                             return other && other->id != f.id;
                         },
                         parent_choices(repo.list(), f.id), f.parent_id);
        if (d.ShowModal() != wxID_OK) return;
        f.code = d.code();
        f.name = d.name();
        f.notes = d.notes();
        f.parent_id = d.parent();
        if (guarded(this, _("The funder was not saved"), [&] {
                if (f.id)
                    repo.update(f);
                else
                    f.id = repo.create(f);
            })) {
            done();
            funders_->select_id(f.id);
        }
    }

    void programme_action(int action) {
        ProgrammeRepository repo(database());
        std::optional<Programme> current;
        if (action != Add) {
            const auto id = programmes_->selected_id();
            if (id) current = repo.get(*id);
            if (!current) {
                show_info(this, _("Select a programme first."));
                return;
            }
        }
        if (action == Retire) {
            if (confirm(this,
                        wxString::Format(_("Retire the programme “%s”? Past activities keep it."), u8(current->name)),
                        _("Retire")) &&
                guarded(this, _("The programme was not changed"), [&] { repo.retire(current->id); }))
                done();
            return;
        }
        Programme p = current.value_or(Programme{});
        CodeNameDialog d(this, action == Add ? _("New programme") : _("Edit programme"), u8(p.code), u8(p.name), nullptr,
                         [&](const wxString& code) {
                             auto other = repo.find_by_code(s8(code));
                             return other && other->id != p.id;
                         },
                         parent_choices(repo.list(), p.id), p.parent_id);
        if (d.ShowModal() != wxID_OK) return;
        p.code = d.code();
        p.name = d.name();
        p.parent_id = d.parent();
        if (guarded(this, _("The programme was not saved"), [&] {
                if (p.id)
                    repo.update(p);
                else
                    p.id = repo.create(p);
            })) {
            done();
            programmes_->select_id(p.id);
        }
    }

    wxCheckBox* show_retired_ = nullptr;
    ListPanel* funders_ = nullptr;
    ListPanel* programmes_ = nullptr;
};

}  // namespace

PageBase* create_funders_page(wxWindow* parent, UiContext& context) { return new FundersPage(parent, context); }

}  // namespace maillage::ui
