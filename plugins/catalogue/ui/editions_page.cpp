#include "ui/editions_page.h"

#include "catalogue_editions.h"
#include "core/database.h"

#include "shared-ui/messages.h"
#include "shared-ui/display.h"
#include "shared-ui/list_panel.h"

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/dialog.h>
#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/spinctrl.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <ctime>

namespace maillage::catalogue {
namespace {

wxString u8(const std::string& s) { return wxString::FromUTF8(s); }

int this_year() {
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    return local.tm_year + 1900;
}

// Code, year, title; OK stays disabled while the code is empty or taken.
class EditionDialog : public wxDialog {
public:
    EditionDialog(wxWindow* parent, EditionRepository& repo, const Edition& edition)
        : wxDialog(parent, wxID_ANY, edition.id ? _("Edit edition") : _("New catalogue edition")), repo_(repo),
          value_(edition) {
        SetName("catalogue-edition-dialog");
        auto* grid = new wxFlexGridSizer(2, FromDIP(wxSize(8, 6)));
        grid->AddGrowableCol(1);
        grid->Add(new wxStaticText(this, wxID_ANY, _("Code:")), 0, wxALIGN_CENTER_VERTICAL);
        code_ = new wxTextCtrl(this, wxID_ANY, u8(edition.code));
        code_->SetName("code");
        grid->Add(code_, 1, wxEXPAND);
        grid->Add(new wxStaticText(this, wxID_ANY, _("Year:")), 0, wxALIGN_CENTER_VERTICAL);
        year_ = new wxSpinCtrl(this, wxID_ANY, {}, wxDefaultPosition, wxDefaultSize, wxSP_ARROW_KEYS, 2000, 2100,
                               edition.year ? edition.year : this_year() + 1);
        year_->SetName("year");
        grid->Add(year_, 0);
        grid->Add(new wxStaticText(this, wxID_ANY, _("Title:")), 0, wxALIGN_CENTER_VERTICAL);
        title_ = new wxTextCtrl(this, wxID_ANY, u8(edition.title), wxDefaultPosition, FromDIP(wxSize(320, -1)));
        title_->SetName("title");
        grid->Add(title_, 1, wxEXPAND);
        auto* sizer = new wxBoxSizer(wxVERTICAL);
        sizer->Add(grid, 1, wxEXPAND | wxALL, 10);
        problem_ = new wxStaticText(this, wxID_ANY, wxString());
        problem_->SetForegroundColour(wxColour(170, 0, 0));
        sizer->Add(problem_, 0, wxEXPAND | wxLEFT | wxRIGHT, 10);
        sizer->Add(ui::ok_cancel_buttons(this), 0, wxEXPAND | wxALL, 8);
        SetSizerAndFit(sizer);
        code_->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { validate(); });
        Bind(wxEVT_BUTTON, [this](wxCommandEvent& e) {
            if (validate()) e.Skip();
        }, wxID_OK);
        validate();
        CentreOnParent();
    }

    Edition value() const {
        Edition e = value_;
        e.code = code_->GetValue().Strip(wxString::both).utf8_string();
        e.year = year_->GetValue();
        e.title = title_->GetValue().Strip(wxString::both).utf8_string();
        return e;
    }

private:
    bool validate() {
        wxString problem;
        const auto code = code_->GetValue().Strip(wxString::both);
        if (code.empty())
            problem = _("The code is required (e.g. 2026).");
        else if (auto other = repo_.find(code.utf8_string()); other && other->id != value_.id)
            problem = _("This code is already used.");
        problem_->SetLabel(problem);
        FindWindow(wxID_OK)->Enable(problem.empty());
        Layout();
        return problem.empty();
    }

    EditionRepository& repo_;
    Edition value_;
    wxTextCtrl *code_, *title_;
    wxSpinCtrl* year_;
    wxStaticText* problem_;
};

}  // namespace

EditionsPage::EditionsPage(wxWindow* parent, ui::UiContext& context) : PageBase(parent, context) {
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    auto* intro = new wxStaticText(this, wxID_ANY,
                                   _("Each edition is one yearly catalogue of open trainings. Create the edition "
                                     "first, then its trainings; a retired edition keeps its trainings."));
    intro->Wrap(FromDIP(700));
    sizer->Add(intro, 0, wxALL, 8);
    list_ = new ui::ListPanel(this, &context,
                              {.id = "catalogue.editions",
                               .title = _("Catalogue editions"),
                               .columns = {{_("Code"), 100},
                                           {_("Year"), 70, ui::ColumnKind::Integer},
                                           {_("Title"), 300},
                                           {_("Open trainings"), 160, ui::ColumnKind::Integer},
                                           {_("Published"), 110, ui::ColumnKind::Date},
                                           {_("Status"), 90, ui::ColumnKind::Status}},
                               .search_hint = _("Search code, year, title…")});
    show_retired_ = new wxCheckBox(list_, wxID_ANY, _("Show retired editions"));
    list_->bar()->Add(show_retired_, 0, wxALIGN_CENTER_VERTICAL | wxLEFT, 8);
    auto* add = list_->add_button(_("&New edition…"));
    add->SetName("new-edition");
    auto* change = list_->add_button(_("&Edit…"));
    auto* copy = list_->add_button(_("&Copy to next year…"));
    copy->SetName("copy-edition");
    auto* retire = list_->add_button(_("&Retire"));
    sizer->Add(list_, 1, wxEXPAND);
    SetSizer(sizer);
    set_main_list(list_);
    show_retired_->Bind(wxEVT_CHECKBOX, [this](wxCommandEvent&) { refresh(); });
    add->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { edit(true); });
    change->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { edit(false); });
    list_->list()->Bind(wxEVT_DATAVIEW_ITEM_ACTIVATED, [this](wxDataViewEvent&) { edit(false); });
    retire->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { this->retire(); });
    copy->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { copy_to_next_year(); });
    refresh();
}

void EditionsPage::refresh() {
    auto rows = std::make_shared<ui::TableRowSource>();
    for (const auto& e : EditionRepository(database()).list(show_retired_->GetValue()))
        rows->add(e.id, {u8(e.code), wxString::Format("%d", e.year), u8(e.title), wxString::Format("%d", e.trainings),
                         ui::display_date(e.published_at.substr(0, 10)), e.retired ? _("retired") : _("active")});
    list_->set_source(rows);
}

void EditionsPage::edit(bool create) {
    EditionRepository repo(database());
    Edition current;
    if (!create) {
        const auto id = list_->selected_id();
        bool found = false;
        for (const auto& e : repo.list(true))
            if (id && e.id == *id) {
                current = e;
                found = true;
            }
        if (!found) {
            ui::show_info(this, _("Select an edition first."));
            return;
        }
    }
    EditionDialog dialog(this, repo, current);
    if (dialog.ShowModal() != wxID_OK) return;
    Edition value = dialog.value();
    if (!ui::guarded(this, _("The edition was not saved"), [&] {
            if (value.id)
                repo.update(value);
            else
                value.id = repo.create(value);
        }))
        return;
    refresh();
    list_->select_id(value.id);
    context().data_changed();
    context().set_status(wxString::Format(_("Edition %s saved."), u8(value.code)));
}

void EditionsPage::copy_to_next_year() {
    EditionRepository repo(database());
    const auto id = list_->selected_id();
    std::optional<Edition> source;
    for (const auto& e : repo.list(true))
        if (id && e.id == *id) source = e;
    if (!source) {
        ui::show_info(this, _("Select the edition to copy first."));
        return;
    }
    Edition next;
    next.year = source->year + 1;
    next.code = source->code == std::to_string(source->year) ? std::to_string(next.year) : source->code + "-next";
    next.title = source->title;
    if (auto at = next.title.find(std::to_string(source->year)); at != std::string::npos)
        next.title.replace(at, 4, std::to_string(next.year));
    EditionDialog dialog(this, repo, next);
    dialog.SetTitle(wxString::Format(_("Copy the edition %s: its open trainings, as proposed, without dates"),
                                     u8(source->code)));
    if (dialog.ShowModal() != wxID_OK) return;
    const Edition value = dialog.value();
    int64_t created = 0;
    if (!ui::guarded(this, _("The edition was not copied"), [&] {
            created = database().write(
                wxString::Format(_("Copy the edition %s to %s"), u8(source->code), u8(value.code)).utf8_string(),
                [&] { return repo.copy(source->code, value); });
        }))
        return;
    refresh();
    list_->select_id(created);
    context().data_changed();
    context().set_status(wxString::Format(_("Edition %s created from %s: its trainings wait for their dates."),
                                          u8(value.code), u8(source->code)));
}

void EditionsPage::retire() {
    EditionRepository repo(database());
    const auto id = list_->selected_id();
    for (const auto& e : repo.list(false)) {
        if (!id || e.id != *id) continue;
        if (!ui::confirm(this,
                         wxString::Format(_("Retire the edition %s? Its %d trainings stay; no new training can be "
                                            "added to it."),
                                          u8(e.code), e.trainings),
                         _("Retire")))
            return;
        if (ui::guarded(this, _("The edition was not changed"), [&] { repo.retire(e.id); })) {
            refresh();
            context().data_changed();
        }
        return;
    }
    ui::show_info(this, _("Select an edition that is not retired yet."));
}

}  // namespace maillage::catalogue
