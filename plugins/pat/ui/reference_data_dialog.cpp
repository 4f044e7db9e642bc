#include "ui/reference_data_dialog.h"

#include "accompaniments.h"
#include "ui/pat_dialog.h"

#include "core/database.h"
#include "core/i18n.h"
#include "shared-ui/list_panel.h"
#include "shared-ui/plugin_ui.h"

#include <wx/button.h>
#include <wx/notebook.h>
#include <wx/textctrl.h>

namespace maillage::pat {
namespace {

wxString u8(const std::string& s) { return wxString::FromUTF8(s); }
std::string s8(const wxString& s) { return s.Strip(wxString::both).utf8_string(); }

class ReferenceDataDialog : public wxDialog {
public:
    ReferenceDataDialog(ui::UiContext& context)
        : wxDialog(context.main_window(), wxID_ANY, _("PAT reference data"), wxDefaultPosition, wxDefaultSize,
                   wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
          context_(context), db_(context.database()) {
        SetName("pat-reference-data");
        auto* tabs = new wxNotebook(this, wxID_ANY);
        tabs->SetName("reference-tabs");
        types_ = new ui::ListPanel(tabs, &context,
                                   {.id = "pat.session_types",
                                    .title = _("PAT session types"),
                                    .columns = {{_("Code"), 120},
                                                {_("French"), 160},
                                                {_("Dutch"), 160},
                                                {_("English"), 160},
                                                {_("Status"), 90, ui::ColumnKind::Status}},
                                    .search = false});
        steps_ = new ui::ListPanel(tabs, &context,
                                   {.id = "pat.guide_steps",
                                    .title = _("Steps of the guide"),
                                    .columns = {{"#", 40, ui::ColumnKind::Integer},
                                                {_("Code"), 140},
                                                {_("French"), 200},
                                                {_("Dutch"), 200},
                                                {_("English"), 200},
                                                {_("Status"), 90, ui::ColumnKind::Status}},
                                    .search = false});
        for (auto* list : {types_, steps_}) {
            const bool types = list == types_;
            list->add_buttons({{_("&Define…"), [this, types] { define(types, false); },
                                types ? "define-type" : "define-step"},
                               {_("&Edit…"), [this, types] { define(types, true); }},
                               {_("&Retire"), [this, types] { retire(types); }, types ? "retire-type" : "retire-step"}});
            list->on_activate([this, types] { define(types, true); });
        }
        tabs->AddPage(types_, _("Session types"));
        tabs->AddPage(steps_, _("Steps of the guide"));
        auto* sizer = new wxBoxSizer(wxVERTICAL);
        sizer->Add(tabs, 1, wxEXPAND | wxALL, 8);
        auto* close = new wxButton(this, wxID_CANCEL, _("Close"));
        sizer->Add(close, 0, wxALIGN_RIGHT | wxALL, 8);
        SetSizer(sizer);
        SetSize(FromDIP(wxSize(900, 520)));
        load();
        CentreOnParent();
    }

private:
    void load() {
        AccompanimentRepository repo(db_);
        auto types = std::make_shared<ui::TableRowSource>();
        for (const auto& t : repo.session_types(true))
            types->add(t.id, {u8(t.code), u8(t.label_fr), u8(t.label_nl), u8(t.label_en),
                              t.retired_at.empty() ? _("in use") : _("retired")});
        types_->set_source(types);
        auto steps = std::make_shared<ui::TableRowSource>();
        for (const auto& s : repo.steps(true))
            steps->add(s.id, {wxString::Format("%d", s.position), u8(s.code), u8(s.label_fr), u8(s.label_nl),
                              u8(s.label_en), s.retired_at.empty() ? _("in use") : _("retired")});
        steps_->set_source(steps);
    }

    // The selected row's code and labels (false when none is selected).
    bool selected(bool types, std::string& code, std::vector<std::string>& labels) {
        const auto id = (types ? types_ : steps_)->selected_id();
        if (!id) return false;
        AccompanimentRepository repo(db_);
        if (types) {
            for (const auto& t : repo.session_types(true))
                if (t.id == *id) {
                    code = t.code;
                    labels = {t.label_fr, t.label_nl, t.label_en, t.plural_fr, t.plural_nl, t.plural_en};
                    return true;
                }
        } else {
            for (const auto& s : repo.steps(true))
                if (s.id == *id) {
                    code = s.code;
                    labels = {s.label_fr, s.label_nl, s.label_en};
                    return true;
                }
        }
        return false;
    }

    void define(bool types, bool edit) {
        std::string code;
        std::vector<std::string> labels(types ? 6 : 3);
        if (edit && !selected(types, code, labels)) {
            ui::show_info(this, _("Select a row first."));
            return;
        }
        PatDialog d(this, types ? _("Session type") : _("Step of the guide"), "reference-dialog");
        auto* code_field = d.row(_("Code:"), new wxTextCtrl(&d, wxID_ANY, u8(code)), "code");
        code_field->SetEditable(!edit);
        d.note(_("Lower-case letters, digits and _; it never changes once used."));
        const wxString names[] = {_("French:"), _("Dutch:"), _("English:"), _("French plural:"), _("Dutch plural:"),
                                  _("English plural:")};
        const char* keys[] = {"fr", "nl", "en", "fr-plural", "nl-plural", "en-plural"};
        std::vector<wxTextCtrl*> fields;
        for (size_t k = 0; k < labels.size(); ++k)
            fields.push_back(d.row(names[k], new wxTextCtrl(&d, wxID_ANY, u8(labels[k]), wxDefaultPosition,
                                                           d.FromDIP(wxSize(320, -1))),
                                   keys[k]));
        d.finish();
        d.save = [&] {
            std::vector<std::string> v;
            for (auto* f : fields) v.push_back(s8(f->GetValue()));
            const std::string c = s8(code_field->GetValue());
            AccompanimentRepository repo(db_);
            db_.write(trf("Define {code}", fmt::arg("code", c)), [&] {
                if (types)
                    repo.define_session_type(c, v[0], v[1], v[2], v[3], v[4], v[5]);
                else
                    repo.define_step(c, v[0], v[1], v[2]);
            });
        };
        if (d.ShowModal() != wxID_OK) return;
        context_.data_changed();
        load();
    }

    void retire(bool types) {
        std::string code;
        std::vector<std::string> labels;
        if (!selected(types, code, labels)) {
            ui::show_info(this, _("Select a row first."));
            return;
        }
        AccompanimentRepository repo(db_);
        if (ui::guarded(this, _("Nothing was retired"), [&] {
                db_.write(trf("Retire {code}", fmt::arg("code", code)), [&] {
                    if (types)
                        repo.retire_session_type(code);
                    else
                        repo.retire_step(code);
                });
            })) {
            context_.data_changed();
            load();
        }
    }

    ui::UiContext& context_;
    Database& db_;
    ui::ListPanel* types_ = nullptr;
    ui::ListPanel* steps_ = nullptr;
};

}  // namespace

void show_reference_data(ui::UiContext& context) {
    ReferenceDataDialog dialog(context);
    dialog.ShowModal();
}

}  // namespace maillage::pat
