#include "ui/editions_page.h"

#include "catalogue_editions.h"
#include "core/database.h"

#include "shared-ui/messages.h"
#include "shared-ui/dialog_frame.h"
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

namespace maillage::catalogue {
namespace {

wxString u8(const std::string& s) { return wxString::FromUTF8(s); }

// Code, year, title; OK stays disabled while the code is empty or taken.
class EditionDialog : public wxDialog {
public:
    EditionDialog(wxWindow* parent, EditionRepository& repo, const Edition& edition)
        : wxDialog(parent, wxID_ANY, edition.id ? _("Edit edition") : _("New catalogue edition")), repo_(repo),
          value_(edition) {
        SetName("catalogue-edition-dialog");
        ui::FieldGrid grid(this);
        code_ = grid.add(_("Code:"), new wxTextCtrl(this, wxID_ANY, u8(edition.code)), "code");
        // The year keeps its natural width.
        const int year = edition.year ? edition.year : ui::current_year() + 1;
        year_ = ui::add_labelled(grid.sizer(), _("Year:"), ui::year_spin(this, year), "year", 0, 0);
        title_ = grid.add(_("Title:"),
                          new wxTextCtrl(this, wxID_ANY, u8(edition.title), wxDefaultPosition, FromDIP(wxSize(320, -1))),
                          "title");
        problem_ = ui::finish_dialog(this, grid.sizer());
        code_->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { validate(); });
        ui::validate_on_ok(this, [this] { return validate(); });
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
        return ui::show_problems(this, problem_, problem.empty() ? wxArrayString() : wxArrayString(1, &problem));
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
    ui::add_paragraph(this, sizer,
                      _("Each edition is one yearly catalogue of open trainings. Create the edition "
                        "first, then its trainings; a retired edition keeps its trainings."),
                      700, wxALL, 8);
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
    show_retired_ = list_->add_toggle(_("Show retired editions"), [this] { refresh(); });
    list_->add_buttons({{_("&New edition…"), [this] { edit(true); }, "new-edition"},
                        {_("&Edit…"), [this] { edit(false); }},
                        {_("&Copy to next year…"), [this] { copy_to_next_year(); }, "copy-edition"},
                        {_("&Retire"), [this] { retire(); }}});
    list_->on_activate([this] { edit(false); });
    sizer->Add(list_, 1, wxEXPAND);
    SetSizer(sizer);
    set_main_list(list_);
    refresh();
}

void EditionsPage::refresh() {
    auto rows = std::make_shared<ui::TableRowSource>();
    for (const auto& e : EditionRepository(database()).list(show_retired_->GetValue()))
        rows->add(e.id, {u8(e.code), wxString::Format("%d", e.year), u8(e.title), wxString::Format("%d", e.trainings),
                         ui::display_date(e.published_at.substr(0, 10)), e.retired ? wxGETTEXT_IN_CONTEXT("edition", "retired") : wxGETTEXT_IN_CONTEXT("edition", "active")});
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
