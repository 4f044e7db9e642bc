#include "institutions_page.h"

#include "choose_dialog.h"
#include "labels.h"
#include "record_actions.h"
#include "record_edit.h"

#include "shared-ui/dialog_frame.h"
#include "shared-ui/id_choice.h"
#include "shared-ui/list_page.h"
#include "shared-ui/messages.h"
#include "shared-ui/virtual_list.h"

#include "core/database.h"
#include "core/error.h"
#include "core/institutions.h"
#include "core/sectors.h"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/dialog.h>
#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <algorithm>
#include <map>

namespace maillage::ui {
namespace {

std::vector<ListColumn> institution_columns() {
    return {{_("Name"), 330}, {_("Region"), 90}, {_("Municipality"), 150}, {_("Language"), 100}, {_("Sectors"), 200}};
}

std::shared_ptr<TableRowSource> institution_rows(Database& db, const std::string& language) {
    auto rows = std::make_shared<TableRowSource>();
    std::map<int64_t, wxString> sectors;
    for (const auto& s : SectorRepository(db).list(true)) sectors[s.id] = u8(s.label(language));
    for (const auto& i : InstitutionRepository(db).search("", 1000000)) {
        wxString sector_text;
        for (auto id : i.sector_ids) {
            if (!sector_text.empty()) sector_text << ", ";
            sector_text << sectors[id];
        }
        rows->add(i.id, {u8(i.name), label_of(region_labels(), i.region), u8(i.municipality),
                         label_of(institution_languages(), i.language), sector_text});
    }
    return rows;
}

// The create/edit form. Problems are listed under the fields as the user types and
// OK stays disabled until there is none.
class InstitutionDialog : public wxDialog {
public:
    InstitutionDialog(wxWindow* parent, Database& db, const std::string& language, Institution institution)
        : wxDialog(parent, wxID_ANY, institution.id ? _("Edit institution") : _("New institution"), wxDefaultPosition,
                   wxDefaultSize, wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
          db_(db), value_(std::move(institution)) {
        FieldGrid grid(this);
        auto text = [&](const wxString& label, const std::string& value) {
            return grid.add(label, new wxTextCtrl(this, wxID_ANY, u8(value)));
        };
        name_ = text(_("Name:"), value_.name);
        region_ = grid.add(_("Region:"), choice_for(region_labels(), value_.region));
        municipality_ = text(_("Municipality:"), value_.municipality);
        postcode_ = text(_("Postcode:"), value_.postcode);
        address_ = text(_("Address:"), value_.address);
        language_ = grid.add(_("Language:"), choice_for(institution_languages(), value_.language));
        email_ = text(_("Email:"), value_.email);
        phone_ = text(_("Phone:"), value_.phone);
        website_ = text(_("Website:"), value_.website);

        sectors_ = new IdCheckList(this, FromDIP(wxSize(-1, 160)));
        const auto& ticked = value_.sector_ids;
        for (const auto& s : SectorRepository(db).list(false))
            sectors_->add(s.id, u8(s.label(language)), std::find(ticked.begin(), ticked.end(), s.id) != ticked.end());
        grid.add_top(_("Sectors:"), sectors_);
        notes_ = grid.add(_("Notes:"), new wxTextCtrl(this, wxID_ANY, u8(value_.notes), wxDefaultPosition,
                                                      FromDIP(wxSize(-1, 50)), wxTE_MULTILINE));
        problems_ = finish_dialog(this, grid.sizer());
        SetSize(FromDIP(wxSize(520, -1)).x, GetSize().y);

        for (auto* t : {name_, postcode_, email_}) t->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { validate(); });
        sectors_->Bind(wxEVT_CHECKLISTBOX, [this](wxCommandEvent&) { validate(); });
        validate_on_ok(this, [this] { return validate(); });
        CentreOnParent();
    }

    Institution value() const {
        Institution i = value_;
        i.name = s8(name_->GetValue().Strip(wxString::both));
        i.region = code_of(region_labels(), region_);
        i.municipality = s8(municipality_->GetValue().Strip(wxString::both));
        i.postcode = s8(postcode_->GetValue().Strip(wxString::both));
        i.address = s8(address_->GetValue());
        i.language = code_of(institution_languages(), language_);
        i.email = s8(email_->GetValue().Strip(wxString::both));
        i.phone = s8(phone_->GetValue());
        i.website = s8(website_->GetValue());
        i.notes = s8(notes_->GetValue());
        // Keep the primary sector first when it stays checked.
        std::vector<int64_t> checked = sectors_->ticked();
        if (auto primary = value_.primary_sector()) {
            auto it = std::find(checked.begin(), checked.end(), *primary);
            if (it != checked.end()) std::rotate(checked.begin(), it, it + 1);
        }
        i.sector_ids = checked;
        return i;
    }

private:
    wxChoice* choice_for(const CodeLabels& labels, const std::string& current) {
        auto* c = new wxChoice(this, wxID_ANY);
        c->Append(wxGETTEXT_IN_CONTEXT("region or language", "(unknown)"));
        c->SetSelection(0);
        for (const auto& [code, label] : labels) {
            c->Append(label);
            if (code == current) c->SetSelection(c->GetCount() - 1);
        }
        return c;
    }
    static std::string code_of(const CodeLabels& labels, wxChoice* c) {
        const int k = c->GetSelection();
        return k >= 1 ? labels[k - 1].first : std::string();
    }

    bool validate() {
        wxArrayString problems;
        const wxString name = name_->GetValue().Strip(wxString::both);
        if (name.empty()) {
            problems.push_back(_("The name is required."));
        } else if (auto other = InstitutionRepository(db_).find_by_name(s8(name)); other && other->id != value_.id) {
            problems.push_back(_("Another institution already has this name: merge the duplicates instead."));
        }
        const wxString postcode = postcode_->GetValue().Strip(wxString::both);
        if (!postcode.empty() && (postcode.length() != 4 || !postcode.IsNumber()))
            problems.push_back(_("A Belgian postcode has four digits."));
        const wxString email = email_->GetValue().Strip(wxString::both);
        if (!email.empty() && (!email.Contains("@") || !email.AfterFirst('@').Contains(".")))
            problems.push_back(_("The email address is not valid."));
        if (sectors_->ticked().empty())
            problems.push_back(_("Choose at least one sector (the first is the main one)."));
        return show_problems(this, problems_, problems);
    }

    Database& db_;
    Institution value_;
    wxTextCtrl *name_, *municipality_, *postcode_, *address_, *email_, *phone_, *website_, *notes_;
    wxChoice *region_, *language_;
    IdCheckList* sectors_;
    wxStaticText* problems_;
};

class InstitutionsPage : public ListPage {
public:
    InstitutionsPage(wxWindow* parent, UiContext& context)
        : ListPage(parent, context,
                   {.id = "core.institutions",
                    .title = _("Institutions"),
                    .columns = institution_columns(),
                    .multiple = true,
                    .search_hint = _("Search name, municipality, sector…"),
                    .count_text = [](size_t shown, size_t total) {
                        return shown == total
                                   ? wxString::Format(wxPLURAL("%zu institution", "%zu institutions", total), total)
                                   : wxString::Format(
                                         wxPLURAL("%zu of %zu institution", "%zu of %zu institutions", total), shown,
                                         total);
                    }}) {
        list_ = list()->list();
        list()->add_buttons({{_("&New…"), [this] { edit_institution(Institution{}); }},
                             {_("&Edit…"), [this] { edit_selected(); }},
                             {_("&Merge into…"), [this] { merge_selected(); }, nullptr,
                              _("Fold the selected duplicate into another institution")},
                             {_("&Delete…"), [this] { delete_selected(); }, "delete_institution"}});
        list()->on_activate([this] { edit_selected(); });
        refresh();
        list_->sort_by(0);
    }

    void refresh() override { list()->set_source(institution_rows(database(), context().language())); }
    // The Delete key in the list: the same as the button.
    bool delete_selection() override {
        delete_selected();
        return true;
    }

private:

    // Delete (record_actions.h): asks first, refuses with counts, undoable.
    void delete_selected() {
        if (const auto id = selected_or_hint(this, list_, _("Select an institution first.")))
            if (delete_institution_asked(this, context(), *id)) refresh();
    }

    void edit_selected() {
        if (auto i = selected_record(this, list_, InstitutionRepository(database()), _("Select an institution first.")))
            edit_institution(*i);
    }

    void edit_institution(const Institution& institution) {
        InstitutionDialog dialog(this, database(), context().language(), institution);
        if (dialog.ShowModal() != wxID_OK) return;
        const Institution value = dialog.value();
        const auto id = save_record(this, _("The institution was not saved"), InstitutionRepository(database()), value);
        if (!id) return;
        refresh();
        list_->select_id(*id);
        context().data_changed();
        context().set_status(wxString::Format(_("Saved “%s”."), u8(value.name)));
    }

    // What refers to an institution, table by table, from the schema (plugin tables
    // included): what a merge moves.
    wxString what_moves(int64_t from) {
        wxString text;
        auto& sql = database().sql();
        SQLite::Statement fks(sql,
                              "SELECT m.name, p.\"from\" FROM sqlite_master m, pragma_foreign_key_list(m.name) p "
                              "WHERE m.type = 'table' AND p.\"table\" = 'institution' ORDER BY m.name");
        while (fks.executeStep()) {
            const std::string table = fks.getColumn(0).getString();
            const std::string column = fks.getColumn(1).getString();
            SQLite::Statement count(sql, "SELECT count(*) FROM \"" + table + "\" WHERE \"" + column + "\" = ?");
            count.bind(1, from);
            if (!count.executeStep()) continue;
            const int n = count.getColumn(0).getInt();
            if (n == 0) continue;
            text << wxString::Format("  • %s.%s: %d\n", u8(table), u8(column), n);
        }
        return text.empty() ? wxString(_("  (nothing refers to it yet)\n")) : text;
    }

    void merge_selected() {
        const auto from = selected_or_hint(this, list_, _("Select the duplicate to merge first."));
        if (!from) return;
        InstitutionRepository repo(database());
        const auto source = repo.get(*from);
        if (!source) return;
        auto rows = institution_rows(database(), context().language());
        auto others = std::make_shared<TableRowSource>();
        for (size_t r = 0; r < rows->row_count(); ++r)
            if (rows->id(r) != *from)
                others->add(rows->id(r), {rows->cell(r, 0), rows->cell(r, 1), rows->cell(r, 2), rows->cell(r, 3),
                                          rows->cell(r, 4)});
        ChooseDialog choose(this, _("Merge institutions"),
                            wxString::Format(_("Choose the institution that stays; “%s” will be merged into it."),
                                             u8(source->name)),
                            institution_columns(), others);
        choose.search_for(u8(source->name).BeforeFirst(' '));
        if (choose.ShowModal() != wxID_OK || !choose.chosen()) return;
        const auto target = repo.get(*choose.chosen());
        if (!target) return;
        const wxString question = wxString::Format(
            _("Merge “%s” into “%s”?\n\nThese records will move to “%s” (table.column: rows):\n%s\n“%s” will then be "
              "hidden from lists. Edit > Undo brings it back."),
            u8(source->name), u8(target->name), u8(target->name), what_moves(*from), u8(source->name));
        if (!confirm(this, question, _("Merge"))) return;
        if (!guarded(this, _("The merge failed; nothing was changed"), [&] { repo.merge(*from, target->id); })) return;
        refresh();
        list_->select_id(target->id);
        context().data_changed();
        context().set_status(wxString::Format(_("Merged “%s” into “%s”."), u8(source->name), u8(target->name)));
    }

    VirtualList* list_ = nullptr;
};

}  // namespace

PageBase* create_institutions_page(wxWindow* parent, UiContext& context) { return new InstitutionsPage(parent, context); }

}  // namespace maillage::ui
