#include "sectors_page.h"

#include "labels.h"
#include "record_edit.h"

#include "shared-ui/dialog_frame.h"
#include "shared-ui/list_page.h"
#include "shared-ui/messages.h"
#include "shared-ui/virtual_list.h"

#include "core/sectors.h"

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/dialog.h>
#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/spinctrl.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

namespace maillage::ui {
namespace {

class SectorDialog : public wxDialog {
public:
    SectorDialog(wxWindow* parent, Database& db, Sector sector)
        : wxDialog(parent, wxID_ANY, sector.id ? _("Edit sector") : _("New sector")), db_(db), value_(std::move(sector)) {
        FieldGrid grid(this);
        code_ = grid.add(_("Code:"), new wxTextCtrl(this, wxID_ANY, u8(value_.code)));
        fr_ = grid.add(_("Label in French:"), new wxTextCtrl(this, wxID_ANY, u8(value_.label_fr), wxDefaultPosition,
                                                             FromDIP(wxSize(320, -1))));
        nl_ = grid.add(_("Label in Dutch:"), new wxTextCtrl(this, wxID_ANY, u8(value_.label_nl)));
        en_ = grid.add(_("Label in English:"), new wxTextCtrl(this, wxID_ANY, u8(value_.label_en)));
        family_ = new wxChoice(this, wxID_ANY);
        for (const auto& [code, label] : sector_families()) {
            family_->Append(label);
            if (code == value_.family) family_->SetSelection(family_->GetCount() - 1);
        }
        if (family_->GetSelection() < 0) family_->SetSelection(2);
        grid.add(_("Family:"), family_);
        order_ = grid.add(_("Position in lists:"), new wxSpinCtrl(this, wxID_ANY));
        order_->SetRange(0, 10000);
        order_->SetValue(value_.sort_order);
        problems_ = finish_dialog(this, grid.sizer());
        for (auto* t : {code_, fr_, nl_, en_}) t->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { validate(); });
        validate_on_ok(this, [this] { return validate(); });
        CentreOnParent();
    }

    Sector value() const {
        Sector s = value_;
        s.code = s8(code_->GetValue().Strip(wxString::both));
        s.label_fr = s8(fr_->GetValue().Strip(wxString::both));
        s.label_nl = s8(nl_->GetValue().Strip(wxString::both));
        s.label_en = s8(en_->GetValue().Strip(wxString::both));
        s.family = sector_families()[std::max(0, family_->GetSelection())].first;
        s.sort_order = order_->GetValue();
        return s;
    }

private:
    bool validate() {
        wxArrayString problems;
        const wxString code = code_->GetValue().Strip(wxString::both);
        bool code_ok = !code.empty();
        for (auto c : code) code_ok = code_ok && ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_');
        if (!code_ok) problems.push_back(_("The code is made of lowercase letters, digits and _ (e.g. homeless_aid)."));
        else if (auto other = SectorRepository(db_).find_by_code(s8(code)); other && other->id != value_.id)
            problems.push_back(_("Another sector already has this code."));
        if (fr_->GetValue().Strip(wxString::both).empty() || nl_->GetValue().Strip(wxString::both).empty() ||
            en_->GetValue().Strip(wxString::both).empty())
            problems.push_back(_("Give the label in each of the three languages."));
        const bool valid = show_problems(this, problems_, problems);
        Fit();
        return valid;
    }

    Database& db_;
    Sector value_;
    wxTextCtrl *code_, *fr_, *nl_, *en_;
    wxChoice* family_;
    wxSpinCtrl* order_;
    wxStaticText* problems_;
};

class SectorsPage : public ListPage {
public:
    SectorsPage(wxWindow* parent, UiContext& context)
        : ListPage(parent, context,
                   {.id = "core.sectors",
                    .title = _("Sectors"),
                    .columns = {{_("Code"), 120},
                                {wxString::FromUTF8("Français"), 250},
                                {"Nederlands", 210},
                                {"English", 170},
                                {_("Family"), 115},
                                {_("Status"), 80, ColumnKind::Status}},
                    .search_hint = _("Search code, name, family…"),
                    .count_text = [](size_t shown, size_t total) {
                        return shown == total
                                   ? wxString::Format(wxPLURAL("%zu sector", "%zu sectors", total), total)
                                   : wxString::Format(wxPLURAL("%zu of %zu sector", "%zu of %zu sectors", total),
                                                      shown, total);
                    }}) {
        show_retired_ = list()->add_toggle(_("Show retired sectors"), [this] { refresh(); });
        list()->add_buttons({{_("&New…"), [this] { edit_sector(Sector{}); }},
                             {_("&Edit…"), [this] { edit_selected(); }},
                             {_("&Retire"), [this] { set_retired(true); }, nullptr,
                              _("Hide from choices; past records keep this sector")},
                             {_("Re&store"), [this] { set_retired(false); }}});
        list()->on_activate([this] { edit_selected(); });
        list_ = list()->list();
        auto* hint = new wxStaticText(this, wxID_ANY,
                                      _("Sectors are never deleted: a retired sector stays on the records that use it."));
        GetSizer()->Add(hint, 0, wxLEFT | wxRIGHT | wxBOTTOM, 8);
        refresh();
    }

    void refresh() override {
        auto rows = std::make_shared<TableRowSource>();
        for (const auto& s : SectorRepository(database()).list(show_retired_->GetValue()))
            rows->add(s.id, {u8(s.code), u8(s.label_fr), u8(s.label_nl), u8(s.label_en),
                             label_of(sector_families(), s.family), s.retired ? _("retired") : _("active")});
        list()->set_source(rows);
    }

private:
    void edit_selected() {
        if (auto s = selected_record(this, list_, SectorRepository(database()), _("Select a sector first.")))
            edit_sector(*s);
    }
    void edit_sector(const Sector& sector) {
        SectorDialog dialog(this, database(), sector);
        if (dialog.ShowModal() != wxID_OK) return;
        const auto id = save_record(this, _("The sector was not saved"), SectorRepository(database()), dialog.value());
        if (!id) return;
        refresh();
        list_->select_id(*id);
        context().data_changed();
    }
    void set_retired(bool retired) {
        const auto id = selected_or_hint(this, list_, _("Select a sector first."));
        if (!id) return;
        if (!guarded(this, _("The sector was not changed"), [&] {
                SectorRepository repo(database());
                if (retired)
                    repo.retire(*id);
                else
                    repo.restore(*id);
            }))
            return;
        if (retired) show_retired_->SetValue(true);
        refresh();
        list_->select_id(*id);
        context().data_changed();
        context().set_status(retired ? _("Sector retired.") : _("Sector restored."));
    }

    wxCheckBox* show_retired_ = nullptr;
    VirtualList* list_ = nullptr;
};

}  // namespace

PageBase* create_sectors_page(wxWindow* parent, UiContext& context) { return new SectorsPage(parent, context); }

}  // namespace maillage::ui
