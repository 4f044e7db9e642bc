#include "funders_page.h"

#include "labels.h"
#include "record_edit.h"

#include "shared-ui/dialog_frame.h"
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
        FieldGrid grid(this);
        code_ = grid.add(_("Code:"), new wxTextCtrl(this, wxID_ANY, code), "code");
        name_ = grid.add(_("Name:"), new wxTextCtrl(this, wxID_ANY, name, wxDefaultPosition, FromDIP(wxSize(320, -1))),
                         "name");
        parent_ = grid.add(_("Part of:"), new wxChoice(this, wxID_ANY), "parent");
        parent_->Append(_("(none: at the top)"));
        parent_->SetSelection(0);
        for (size_t i = 0; i < parents_.size(); ++i) {
            parent_->Append(parents_[i].second);
            if (current_parent && parents_[i].first == *current_parent) parent_->SetSelection(int(i) + 1);
        }
        if (notes) {
            notes_ = new wxTextCtrl(this, wxID_ANY, *notes, wxDefaultPosition, FromDIP(wxSize(-1, 60)), wxTE_MULTILINE);
            grid.add_top(_("Notes:"), notes_);
        }
        problems_ = finish_dialog(this, grid.sizer());
        for (auto* t : {code_, name_}) t->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { validate(); });
        validate_on_ok(this, [this] { return validate(); });
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
        const bool valid = show_problems(this, problems_, problems);
        Fit();
        return valid;
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

// The name of a funder's or programme's parent, empty at the top of the tree.
template <class Repository, class Row>
wxString parent_name(Repository& repo, const Row& row) {
    if (!row.parent_id) return {};
    const auto parent = repo.get(*row.parent_id);
    return parent ? u8(parent->name) : wxString();
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
            funders->add(f->id, {u8(f->code), indented(f->name, depth), parent_name(funder_repo, *f), u8(f->notes),
                                 f->retired ? _("retired") : _("active")});
        }
        funders_->set_source(funders);
        auto programmes = std::make_shared<TableRowSource>();
        ProgrammeRepository repo(database());
        const auto programme_list = repo.list(retired);
        for (const auto& [p, depth] : tree_order(programme_list)) {
            programmes->add(p->id, {u8(p->code), indented(p->name, depth), parent_name(repo, *p),
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
        list->add_buttons({{_("&New…"), [on_action] { on_action(Add); }},
                           {_("&Edit…"), [on_action] { on_action(Edit); }},
                           {_("&Retire"), [on_action] { on_action(Retire); }}});
        list->on_activate([on_action] { on_action(Edit); });
        into->Add(box, 1, wxEXPAND | wxALL, 4);
        return list;
    }

    void done() {
        refresh();
        context().data_changed();
    }

    // What the page says about one kind of record (funder or programme).
    struct Texts {
        wxString select, retire_question, not_changed, new_title, edit_title, not_saved;
    };

    void funder_action(int action) {
        act<FunderRepository, Funder>(action, funders_,
                                      {_("Select a funder first."), _("Retire the funder “%s”? Past activities keep it."),
                                       _("The funder was not changed"), _("New funder"), _("Edit funder"),
                                       _("The funder was not saved")});
    }

    void programme_action(int action) {
        act<ProgrammeRepository, Programme>(
            action, programmes_,
            {_("Select a programme first."), _("Retire the programme “%s”? Past activities keep it."),
             _("The programme was not changed"), _("New programme"), _("Edit programme"), _("The programme was not saved")});
    }

    // New, Edit or Retire on the record selected in `list`; a funder has notes.
    template <class Repository, class Record>
    void act(int action, ListPanel* list, const Texts& texts) {
        constexpr bool has_notes = requires(Record r) { r.notes; };
        Repository repo(database());
        std::optional<Record> current;
        if (action != Add) {
            const auto id = list->selected_id();
            if (id) current = repo.get(*id);
            if (!current) {
                show_info(this, texts.select);
                return;
            }
        }
        if (action == Retire) {
            if (confirm(this, wxString::Format(texts.retire_question, u8(current->name)), _("Retire")) &&
                guarded(this, texts.not_changed, [&] { repo.retire(current->id); }))
                done();
            return;
        }
        Record r = current.value_or(Record{});
        wxString notes;
        if constexpr (has_notes) notes = u8(r.notes);
        CodeNameDialog d(this, action == Add ? texts.new_title : texts.edit_title, u8(r.code), u8(r.name),
                         has_notes ? &notes : nullptr,
                         [&](const wxString& code) {
                             auto other = repo.find_by_code(s8(code));
                             return other && other->id != r.id;
                         },
                         parent_choices(repo.list(), r.id), r.parent_id);
        if (d.ShowModal() != wxID_OK) return;
        r.code = d.code();
        r.name = d.name();
        if constexpr (has_notes) r.notes = d.notes();
        r.parent_id = d.parent();
        if (const auto id = save_record(this, texts.not_saved, Repository(database()), r)) {
            done();
            list->select_id(*id);
        }
    }

    wxCheckBox* show_retired_ = nullptr;
    ListPanel* funders_ = nullptr;
    ListPanel* programmes_ = nullptr;
};

}  // namespace

PageBase* create_funders_page(wxWindow* parent, UiContext& context) { return new FundersPage(parent, context); }

}  // namespace maillage::ui
