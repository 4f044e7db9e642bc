#include "preferences_dialog.h"

#include "shared-ui/messages.h"

#include "core/suite.h"

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/intl.h>
#include <wx/scrolwin.h>
#include <wx/sizer.h>
#include <wx/spinctrl.h>
#include <wx/statbox.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

namespace maillage::ui {

PreferencesDialog::PreferencesDialog(wxWindow* parent, UiContext& context, Suite& suite)
    : wxDialog(parent, wxID_ANY, _("Preferences"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      context_(context) {
    auto* scroll = new wxScrolledWindow(this);
    scroll->SetScrollRate(0, FromDIP(10));
    auto* body = new wxBoxSizer(wxVERTICAL);

    // General
    auto* general = new wxStaticBoxSizer(wxVERTICAL, scroll, _("General"));
    auto* grid = new wxFlexGridSizer(2, FromDIP(wxSize(8, 6)));
    grid->AddGrowableCol(1);
    grid->Add(new wxStaticText(general->GetStaticBox(), wxID_ANY, _("Interface language:")), 0, wxALIGN_CENTER_VERTICAL);
    auto* language = new wxChoice(general->GetStaticBox(), wxID_ANY);
    const wxString codes[] = {"", "fr", "nl", "en"};
    language->Append(_("As the system"));
    language->Append(wxString::FromUTF8("Français"));
    language->Append("Nederlands");
    language->Append("English");
    const wxString current = context.preference("ui.language");
    language->SetSelection(0);
    for (int i = 1; i < 4; ++i)
        if (codes[i] == current) language->SetSelection(i);
    grid->Add(language, 1, wxEXPAND);
    general->Add(grid, 0, wxEXPAND | wxALL, 4);
    general->Add(new wxStaticText(general->GetStaticBox(), wxID_ANY,
                                  _("A new language applies the next time Maillage starts.")),
                 0, wxALL, 4);
    savers_.push_back([this, language, codes] {
        context_.set_preference("ui.language", codes[std::max(0, language->GetSelection())]);
    });

    auto* folders_label = new wxStaticText(general->GetStaticBox(), wxID_ANY,
                                           _("Extra plugin folders (one per line; used at next start):"));
    folders_label->Wrap(FromDIP(520));
    general->Add(folders_label, 0, wxLEFT | wxRIGHT | wxTOP, 4);
    wxString folders = context.preference("plugins.folders");
    folders.Replace(";", "\n");
    auto* folders_text = new wxTextCtrl(general->GetStaticBox(), wxID_ANY, folders, wxDefaultPosition,
                                        FromDIP(wxSize(400, 60)), wxTE_MULTILINE);
    general->Add(folders_text, 0, wxEXPAND | wxALL, 4);
    savers_.push_back([this, folders_text] {
        wxString v = folders_text->GetValue();
        v.Trim();
        v.Replace("\n", ";");
        context_.set_preference("plugins.folders", v);
    });
    body->Add(general, 0, wxEXPAND | wxALL, 6);

    // One box per plugin that declares preferences.
    for (const auto& p : suite.plugins().loaded()) {
        std::vector<PreferenceSpec> specs;
        guarded(this, wxString::Format(_("The plugin %s failed to declare its preferences"), wxString::FromUTF8(p->info.id)),
                [&] {
                    if (auto* ui = p->ui.get()) specs = ui->preferences();
                });
        if (specs.empty()) continue;
        auto* box = new wxStaticBoxSizer(wxVERTICAL, scroll, wxString::FromUTF8(p->info.name));
        auto* g = new wxFlexGridSizer(2, FromDIP(wxSize(8, 6)));
        g->AddGrowableCol(1);
        wxWindow* parent_box = box->GetStaticBox();
        for (const auto& spec : specs) {
            const wxString value = context.preference(spec.key, spec.default_value);
            const std::string key = spec.key;
            switch (spec.kind) {
            case PreferenceSpec::Kind::Boolean: {
                g->AddSpacer(0);
                auto* check = new wxCheckBox(parent_box, wxID_ANY, spec.label);
                check->SetValue(value == "1" || value == "true");
                g->Add(check);
                savers_.push_back([this, check, key] { context_.set_preference(key, check->GetValue() ? "1" : "0"); });
                break;
            }
            case PreferenceSpec::Kind::Number: {
                g->Add(new wxStaticText(parent_box, wxID_ANY, spec.label), 0, wxALIGN_CENTER_VERTICAL);
                long n = 0;
                value.ToLong(&n);
                auto* spin = new wxSpinCtrl(parent_box, wxID_ANY);
                spin->SetRange(-1000000, 1000000);
                spin->SetValue(static_cast<int>(n));
                g->Add(spin);
                savers_.push_back([this, spin, key] { context_.set_preference(key, wxString::Format("%d", spin->GetValue())); });
                break;
            }
            case PreferenceSpec::Kind::Choice: {
                g->Add(new wxStaticText(parent_box, wxID_ANY, spec.label), 0, wxALIGN_CENTER_VERTICAL);
                auto* choice = new wxChoice(parent_box, wxID_ANY);
                for (const auto& c : spec.choices) choice->Append(c);
                choice->SetStringSelection(value);
                g->Add(choice, 1, wxEXPAND);
                savers_.push_back([this, choice, key] { context_.set_preference(key, choice->GetStringSelection()); });
                break;
            }
            case PreferenceSpec::Kind::Text:
            default: {
                g->Add(new wxStaticText(parent_box, wxID_ANY, spec.label), 0, wxALIGN_CENTER_VERTICAL);
                auto* text = new wxTextCtrl(parent_box, wxID_ANY, value);
                g->Add(text, 1, wxEXPAND);
                savers_.push_back([this, text, key] { context_.set_preference(key, text->GetValue()); });
                break;
            }
            }
        }
        box->Add(g, 0, wxEXPAND | wxALL, 4);
        body->Add(box, 0, wxEXPAND | wxALL, 6);
    }
    scroll->SetSizer(body);
    body->FitInside(scroll);

    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(scroll, 1, wxEXPAND);
    sizer->Add(ok_cancel_buttons(this), 0, wxEXPAND | wxALL, 8);
    SetSizer(sizer);
    SetSize(FromDIP(wxSize(620, 460)));
    CentreOnParent();
    Bind(wxEVT_BUTTON, [this](wxCommandEvent& e) {
        save();
        e.Skip();
    }, wxID_OK);
}

void PreferencesDialog::save() {
    for (auto& s : savers_) s();
}

}  // namespace maillage::ui
