#include "ui/modules_page.h"

#include "catalog/html_writer.h"
#include "catalog/module_sheet_xml.h"
#include "catalogue_store.h"
#include "core/database.h"
#include "core/error.h"
#include "core/people.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include "shared-ui/dialog_frame.h"
#include "shared-ui/import_dialog.h"
#include "shared-ui/display.h"
#include "shared-ui/id_choice.h"
#include "shared-ui/messages.h"

#include <wx/choicdlg.h>
#include <wx/choice.h>
#include <wx/filedlg.h>
#include "shared-ui/list_panel.h"

#include <wx/msgdlg.h>
#include <wx/sizer.h>
#include <wx/spinctrl.h>
#include <wx/splitter.h>
#include <wx/wrapsizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/button.h>
#include <wx/scrolwin.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace maillage::catalogue {

ModulesPage::ModulesPage(wxWindow* parent, ui::UiContext& context) : PageBase(parent, context) {
    auto* split = new wxSplitterWindow(this, wxID_ANY);
    auto* left = new wxPanel(split);
    list_ = new ui::ListPanel(left, &context,
                              {.id = "catalogue.modules",
                               .title = _("Modules"),
                               .columns = {{_("Code"), 80},
                                           {_("Title"), 300},
                                           {_("Theme"), 180},
                                           {_("Duration"), 70},
                                           {_("Version"), 60, ui::ColumnKind::Integer}},
                               .search_hint = _("Search code, title, theme…")});
    // The buttons wrap to a second line rather than run out of a narrow pane.
    auto* buttons = new wxWrapSizer(wxHORIZONTAL);
    auto* import = new wxButton(left, wxID_ANY, _("Import XML..."));
    import->SetName("import-modules");
    auto* exp = new wxButton(left, wxID_ANY, _("Export XML..."));
    auto* add = new wxButton(left, wxID_ANY, _("New module"));
    buttons->Add(add, 0, wxRIGHT | wxBOTTOM, 6);
    buttons->Add(import, 0, wxRIGHT | wxBOTTOM, 6);
    buttons->Add(exp, 0, wxRIGHT | wxBOTTOM, 6);
    auto* retire = new wxButton(left, wxID_ANY, _("Retire…"));
    retire->SetName("retire-module");
    buttons->Add(retire, 0);
    auto* ls = new wxBoxSizer(wxVERTICAL);
    ls->Add(list_, 1, wxEXPAND);
    ls->Add(buttons, 0, wxEXPAND | wxALL, 6);
    left->SetSizer(ls);

    auto* right = new wxScrolledWindow(split);
    right->SetScrollRate(0, 12);
    // Each label above its field: the sheet fits the pane at 1200×760.
    auto* form = new wxFlexGridSizer(1, 2, 8);
    form->AddGrowableCol(0);
    auto field = [&](const wxString& label, wxTextCtrl*& ctrl, bool multi) {
        form->Add(new wxStaticText(right, wxID_ANY, label), 0, wxALIGN_TOP | wxTOP, 4);
        ctrl = new wxTextCtrl(right, wxID_ANY, {}, wxDefaultPosition, multi ? wxSize(-1, 60) : wxDefaultSize,
                              multi ? wxTE_MULTILINE : 0);
        form->Add(ctrl, 1, wxEXPAND);
    };
    field(_("Code"), code_, false);
    field(_("Title (French)"), title_fr_, false);
    field(_("Title (Dutch)"), title_nl_, false);
    form->Add(new wxStaticText(right, wxID_ANY, _("Theme")), 0, wxTOP, 4);
    theme_ = new wxChoice(right, wxID_ANY);
    form->Add(theme_, 1, wxEXPAND);
    form->Add(new wxStaticText(right, wxID_ANY, _("Duration (minutes)")), 0, wxTOP, 4);
    minutes_ = new wxSpinCtrl(right, wxID_ANY, {}, wxDefaultPosition, wxDefaultSize, wxSP_ARROW_KEYS, 15, 2880, 180);
    form->Add(minutes_, 0);
    field(_("Description (French)"), desc_fr_, true);
    field(_("Description (Dutch)"), desc_nl_, true);
    field(_("Objectives"), objectives_, true);
    field(_("Content"), content_, true);
    field(_("Methods"), methods_, true);
    field(_("Audience"), audience_, true);
    field(_("Prerequisites"), prereq_, true);
    form->Add(new wxStaticText(right, wxID_ANY, _("Qualified trainers")), 0, wxTOP, 4);
    trainers_ = new ui::IdCheckList(right, wxSize(-1, 120));
    form->Add(trainers_, 1, wxEXPAND);
    version_ = new wxStaticText(right, wxID_ANY, {});
    auto* save = new wxButton(right, wxID_SAVE, _("Save as a new version"));
    auto* rs = new wxBoxSizer(wxVERTICAL);
    rs->Add(form, 0, wxEXPAND | wxALL, 8);
    rs->Add(version_, 0, wxLEFT, 8);
    rs->Add(save, 0, wxALL, 8);
    right->SetSizer(rs);

    split->SplitVertically(left, right, FromDIP(480));
    split->SetMinimumPaneSize(200);
    auto* top = new wxBoxSizer(wxVERTICAL);
    top->Add(split, 1, wxEXPAND);
    SetSizer(top);

    list_->list()->Bind(wxEVT_DATAVIEW_SELECTION_CHANGED, [this](wxDataViewEvent&) { show_selected(); });
    save->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { this->save(); });
    import->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { import_xml(); });
    exp->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { export_xml(); });
    retire->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { retire_selected(); });
    add->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        list_->list()->UnselectAll();
        for (auto* c : {code_, title_fr_, title_nl_, desc_fr_, desc_nl_, objectives_, content_, methods_, audience_, prereq_})
            c->Clear();
        code_->Enable();
        version_->SetLabel(_("New module"));
        code_->SetFocus();
    });
    refresh();
}

void ModulesPage::refresh() {
    CatalogueStore store(database());
    std::string lang = context().language();
    theme_->Clear();
    theme_codes_.clear();
    for (const auto& t : store.themes()) {
        theme_->Append(wxString::FromUTF8(t.theme.label.get(lang)));
        theme_codes_.push_back(t.theme.code);
    }
    trainers_->clear();
    for (const auto& p : PersonRepository(database()).with_role("trainer"))
        trainers_->add(p.id, wxString::FromUTF8(p.display_name()));
    codes_.clear();
    auto rows = std::make_shared<ui::TableRowSource>();
    int64_t row = 0;
    for (const auto& m : store.modules()) {
        const auto* th = &m.sheet.theme_code;
        std::string theme_label = *th;
        for (const auto& t : store.themes())
            if (t.theme.code == *th) theme_label = t.theme.label.get(lang);
        rows->add(row, {wxString::FromUTF8(m.sheet.code), wxString::FromUTF8(m.sheet.title.get(lang)),
                        wxString::FromUTF8(theme_label),
                        wxString::FromUTF8(catalog::format_duration(m.sheet.duration_minutes)),
                        wxString::Format("%d", m.sheet.version)});
        codes_.push_back(m.sheet.code);
        ++row;
    }
    list_->set_source(rows);
    if (row > 0 && !list_->selected_id()) list_->select_id(list_->list()->id_at(0));
    show_selected();  // selecting by code sends no event: the sheet follows here
}

void ModulesPage::show_selected() {
    const auto selected = list_->selected_id();
    if (!selected || *selected < 0 || *selected >= static_cast<int64_t>(codes_.size())) return;
    const auto i = static_cast<size_t>(*selected);
    CatalogueStore store(database());
    auto m = store.module(codes_[i]);
    if (!m) return;
    auto set = [](wxTextCtrl* c, const std::string& v) { c->ChangeValue(wxString::FromUTF8(v)); };
    set(code_, m->sheet.code);
    code_->Disable();
    set(title_fr_, m->sheet.title.fr);
    set(title_nl_, m->sheet.title.nl);
    set(desc_fr_, m->sheet.description.fr);
    set(desc_nl_, m->sheet.description.nl);
    set(objectives_, m->sheet.objectives);
    set(content_, m->sheet.content);
    set(methods_, m->sheet.methods);
    set(audience_, m->sheet.audience);
    set(prereq_, m->sheet.prerequisites);
    minutes_->SetValue(m->sheet.duration_minutes);
    for (std::size_t t = 0; t < theme_codes_.size(); ++t)
        if (theme_codes_[t] == m->sheet.theme_code) theme_->SetSelection(static_cast<int>(t));
    for (const int64_t trainer : trainers_->ids()) trainers_->tick(trainer, store.qualified(trainer, m->module_id));
    version_->SetLabel(wxString::Format(_("Sheet version %d of %zu, saved %s"), m->sheet.version, store.versions(m->sheet.code).size(),
                                        ui::display_date_time(m->created_at)));
}

void ModulesPage::save() {
    catalog::ModuleSheet s;
    auto get = [](wxTextCtrl* c) { return std::string(c->GetValue().utf8_str()); };
    s.code = get(code_);
    s.title = {get(title_fr_), get(title_nl_), {}};
    s.description = {get(desc_fr_), get(desc_nl_), {}};
    s.objectives = get(objectives_);
    s.content = get(content_);
    s.methods = get(methods_);
    s.audience = get(audience_);
    s.prerequisites = get(prereq_);
    s.duration_minutes = minutes_->GetValue();
    int t = theme_->GetSelection();
    if (t >= 0) s.theme_code = theme_codes_[static_cast<std::size_t>(t)];
    try {
        auto& db = database();
        db.write(wxString::Format(_("Save the module %s"), wxString::FromUTF8(s.code)).utf8_string(), [&] {
            CatalogueStore store(db);
            store.save_module(s);
            auto m = store.module(s.code);
            for (const int64_t trainer : trainers_->ids()) {
                if (trainers_->is_ticked(trainer))
                    store.qualify(trainer, m->module_id);
                else
                    store.unqualify(trainer, m->module_id);
            }
        });
        context().set_status(wxString::Format(_("Module %s saved."), wxString::FromUTF8(s.code)));
        context().data_changed();
        refresh();
    } catch (const Error& e) {
        wxMessageBox(wxString::FromUTF8(e.what()), _("Module not saved"), wxOK | wxICON_WARNING, this);
    }
}

namespace {

// Module sheets from an XML file: the file, then what it holds (new modules, new
// versions, unchanged), then Import. Named "import-modules-dialog" with a "file" field.
class ImportModulesDialog : public ui::ImportFileDialog {
public:
    ImportModulesDialog(wxWindow* parent, ui::UiContext& context)
        : ImportFileDialog(parent, context,
                           {.title = _("Import module sheets"),
                            .name = "import-modules-dialog",
                            .intro = _("The XML file of module sheets (one or several modules):"),
                            .choose_title = _("Import module sheets"),
                            .wildcard = _("XML files (*.xml)|*.xml"),
                            .field_width = 460,
                            .preview_size = wxSize(700, 220),
                            .summary = _("Choose the file to see the sheets it holds.")},
                           {.id = "catalogue.module_import_preview",
                            .title = _("Module sheets in the file"),
                            .columns = {{_("Code"), 80},
                                        {_("Title"), 280},
                                        {_("Duration"), 80},
                                        {_("Trainers"), 80, ui::ColumnKind::Integer},
                                        {_("Import"), 140}},
                            .search = false}),
          context_(context) {}

    const std::vector<catalog::ModuleSheet>& sheets() const { return sheets_; }

private:
    void load() override {
        sheets_.clear();
        FindWindow(wxID_OK)->Disable();
        auto rows = std::make_shared<ui::TableRowSource>();
        const std::string path(path_->GetValue().Strip(wxString::both).utf8_str());
        std::error_code ec;
        if (path.empty() || !std::filesystem::is_regular_file(path, ec)) {
            preview_->set_source(rows);
            summary_->SetLabel(_("Choose the file to see the sheets it holds."));
            return;
        }
        try {
            std::ifstream in(path, std::ios::binary);
            std::ostringstream text;
            text << in.rdbuf();
            sheets_ = catalog::modules_from_xml(text.str(), std::filesystem::path(path).filename().string());
            CatalogueStore store(context_.database());
            const std::string lang = context_.language();
            int64_t n = 0;
            for (const auto& m : sheets_) {
                const auto known = store.module(m.code);
                rows->add(n++, {wxString::FromUTF8(m.code), wxString::FromUTF8(m.title.get(lang)),
                                wxString::FromUTF8(catalog::format_duration(m.duration_minutes)),
                                wxString::Format("%zu", m.trainer_emails.size()),
                                known ? _("a new version") : _("a new module")});
            }
            summary_->SetLabel(wxString::Format(_("%zu module sheet(s); trainers named by e-mail who are known get the "
                                                  "qualification."),
                                                sheets_.size()));
            FindWindow(wxID_OK)->Enable(!sheets_.empty());
        } catch (const Error& e) {
            summary_->SetLabel(wxString::Format(_("The file cannot be imported: %s"), wxString::FromUTF8(e.what())));
        }
        preview_->set_source(rows);
        summary_->Wrap(FromDIP(700));
        Layout();
    }

    ui::UiContext& context_;
    std::vector<catalog::ModuleSheet> sheets_;
};

}  // namespace

void ModulesPage::import_xml() {
    ImportModulesDialog dlg(this, context());
    if (dlg.ShowModal() != wxID_OK) return;
    const auto& sheets = dlg.sheets();
    try {
        auto& db = database();
        db.write(wxString::Format(_("Import %zu module sheets"), sheets.size()).utf8_string(), [&] {
            for (const auto& s : sheets) CatalogueStore(db).save_module(s);
        });
        context().set_status(wxString::Format(_("%zu module sheets imported."), sheets.size()));
        context().data_changed();
        refresh();
    } catch (const Error& e) {
        ui::show_error(this, _("Import refused"), wxString::FromUTF8(e.what()));
    }
}

void ModulesPage::retire_selected() {
    const auto selected = list_->selected_id();
    if (!selected || *selected < 0 || *selected >= static_cast<int64_t>(codes_.size())) return;
    const std::string code = codes_[static_cast<std::size_t>(*selected)];
    auto& db = database();
    SQLite::Statement count(db.sql(), "SELECT count(DISTINCT tm.training_id) FROM catalogue_training_module tm JOIN "
                                      "catalogue_module_version v ON v.id = tm.module_version_id JOIN catalogue_module m "
                                      "ON m.id = v.module_id WHERE m.code = ?");
    count.bind(1, code);
    count.executeStep();
    const auto used = count.getColumn(0).getInt64();
    if (!ui::confirm(this,
                     wxString::Format(_("Retire the module %s? The %lld training(s) that use it keep its sheet; it is "
                                        "no longer offered for new trainings (Edit > Undo brings it back)."),
                                      wxString::FromUTF8(code), static_cast<long long>(used)),
                     _("Retire")))
        return;
    if (ui::guarded(this, _("The module was not retired"), [&] {
            db.write(wxString::Format(_("Retire the module %s"), wxString::FromUTF8(code)).utf8_string(),
                     [&] { CatalogueStore(db).retire_module(code); });
        })) {
        context().set_status(wxString::Format(_("Module %s retired."), wxString::FromUTF8(code)));
        context().data_changed();
        list_->list()->UnselectAll();
        refresh();
    }
}

void ModulesPage::export_xml() {
    // All the sheets, the selected one, or one theme's.
    CatalogueStore store(database());
    const std::string lang = context().language();
    wxArrayString choices;
    std::vector<std::string> scopes;  // "" all, "module:<code>", "theme:<code>"
    choices.Add(_("Every module"));
    scopes.emplace_back();
    const auto selected = list_->selected_id();
    if (selected && *selected >= 0 && *selected < static_cast<int64_t>(codes_.size())) {
        const auto& code = codes_[static_cast<std::size_t>(*selected)];
        choices.Add(wxString::Format(_("The selected module %s"), wxString::FromUTF8(code)));
        scopes.push_back("module:" + code);
    }
    for (const auto& t : store.themes()) {
        choices.Add(wxString::Format(_("The theme %s"), wxString::FromUTF8(t.theme.label.get(lang))));
        scopes.push_back("theme:" + t.theme.code);
    }
    wxSingleChoiceDialog which(this, _("Which module sheets?"), _("Export module sheets"), choices);
    which.SetName("export-modules-scope");
    which.SetSelection(selected ? 1 : 0);
    if (which.ShowModal() != wxID_OK) return;
    const std::string scope = scopes[static_cast<std::size_t>(which.GetSelection())];
    std::vector<catalog::ModuleSheet> sheets;
    for (const auto& m : store.modules())
        if (scope.empty() || scope == "module:" + m.sheet.code || scope == "theme:" + m.sheet.theme_code)
            sheets.push_back(m.sheet);
    const std::string name = scope.empty() ? "modules" : catalog::safe_file_name(scope.substr(scope.find(':') + 1));
    wxFileDialog dlg(this, _("Export module sheets"), {}, wxString::FromUTF8(name + ".xml"), _("XML files (*.xml)|*.xml"),
                     wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
    if (dlg.ShowModal() != wxID_OK) return;
    std::ofstream out(std::string(dlg.GetPath().utf8_str()), std::ios::binary);
    out << catalog::modules_to_xml(sheets);
    if (!out) {
        ui::show_error(this, wxString::Format(_("Cannot write %s."), dlg.GetPath()));
        return;
    }
    context().set_status(wxString::Format(_("%zu module sheets exported."), sheets.size()));
}

}  // namespace maillage::catalogue
