#include "ui/trainers_page.h"

#include "catalogue_figures.h"
#include "catalogue_store.h"
#include "core/database.h"
#include "core/error.h"
#include "core/people.h"
#include "shared-ui/dialog_frame.h"
#include "shared-ui/list_panel.h"
#include "shared-ui/display.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <wx/button.h>
#include <wx/msgdlg.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textdlg.h>

#include <map>

namespace maillage::catalogue {

TrainersPage::TrainersPage(wxWindow* parent, ui::UiContext& context) : PageBase(parent, context) {
    auto* top = new wxBoxSizer(wxVERTICAL);
    top->Add(new wxStaticText(this, wxID_ANY, _("Trainers")), 0, wxALL, 8);
    trainers_ = new ui::ListPanel(this, &context,
                                  {.id = "catalogue.trainers",
                                   .title = _("Trainers"),
                                   .columns = {{_("Name"), 200},
                                               {_("E-mail"), 200},
                                               {_("Modules"), 80, ui::ColumnKind::Integer},
                                               {_("Sessions this year"), 120, ui::ColumnKind::Integer},
                                               {_("Hours this year"), 110, ui::ColumnKind::Decimal}},
                                   .search_hint = _("Search name, e-mail…")});
    trainers_->SetMinSize(FromDIP(wxSize(-1, 220)));
    top->Add(trainers_, 1, wxEXPAND);
    set_main_list(trainers_);
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    auto* left = new wxBoxSizer(wxVERTICAL);
    left->Add(new wxStaticText(this, wxID_ANY, _("Modules this trainer may give")), 0, wxBOTTOM, 4);
    modules_ = new ui::ListPanel(this, &context,
                                 {.id = "catalogue.trainer_modules",
                                  .title = _("Modules this trainer may give"),
                                  .columns = {{_("Code"), 80}, {_("Title"), 360}}});
    left->Add(modules_, 1, wxEXPAND);
    row->Add(left, 2, wxEXPAND | wxRIGHT, 8);
    auto* right = new wxBoxSizer(wxVERTICAL);
    right->Add(new wxStaticText(this, wxID_ANY, _("Not available")), 0, wxBOTTOM, 4);
    unavailable_ = new ui::ListPanel(this, &context,
                                     {.id = "catalogue.trainer_unavailability",
                                      .title = _("Not available"),
                                      .columns = {{_("From"), 100, ui::ColumnKind::Date},
                                                  {_("To"), 100, ui::ColumnKind::Date},
                                                  {_("Note"), 160}}});
    right->Add(unavailable_, 1, wxEXPAND);
    auto* add = new wxButton(this, wxID_ANY, _("Add a period of unavailability..."));
    right->Add(add, 0, wxTOP, 4);
    row->Add(right, 1, wxEXPAND);
    top->Add(row, 1, wxEXPAND | wxALL, 8);
    SetSizer(top);
    trainers_->list()->Bind(wxEVT_DATAVIEW_SELECTION_CHANGED, [this](wxDataViewEvent&) { show_selected(); });
    add->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { add_unavailability(); });
    refresh();
}

void TrainersPage::refresh() {
    auto& db = database();
    ReportScope scope;
    scope.year = ui::current_year();
    std::map<int64_t, TrainerFigures> hours;
    for (const auto& t : compute_figures(db, scope).trainers) hours[t.person_id] = t;
    ids_.clear();
    auto rows = std::make_shared<ui::TableRowSource>();
    for (const auto& p : PersonRepository(db).with_role("trainer")) {
        SQLite::Statement q(db.sql(), "SELECT count(*) FROM catalogue_trainer_module WHERE person_id = ?");
        q.bind(1, p.id);
        q.executeStep();
        rows->add(p.id, {wxString::FromUTF8(p.display_name()), wxString::FromUTF8(p.email),
                         wxString::Format("%d", q.getColumn(0).getInt()),
                         wxString::Format("%lld", static_cast<long long>(hours[p.id].sessions)),
                         ui::display_number(hours[p.id].hours)});
        ids_.push_back(p.id);
    }
    trainers_->set_source(rows);
    if (!ids_.empty() && !trainers_->selected_id()) trainers_->select_id(trainers_->list()->id_at(0));
    show_selected();
}

void TrainersPage::show_selected() {
    const auto selected = trainers_->selected_id();
    auto module_rows = std::make_shared<ui::TableRowSource>();
    auto unavailable_rows = std::make_shared<ui::TableRowSource>();
    if (!selected) {
        modules_->set_source(module_rows);
        unavailable_->set_source(unavailable_rows);
        return;
    }
    auto& db = database();
    const int64_t person = *selected;
    std::string lang = context().language();
    int64_t row = 0;
    CatalogueStore store(db);
    for (const auto& m : store.modules())
        if (store.qualified(person, m.module_id)) {
            module_rows->add(m.module_id, {wxString::FromUTF8(m.sheet.code), wxString::FromUTF8(m.sheet.title.get(lang))});
        }
    modules_->set_source(module_rows);
    SQLite::Statement q(db.sql(), "SELECT date_from, date_to, coalesce(note,'') FROM catalogue_trainer_unavailability "
                                  "WHERE person_id = ? ORDER BY date_from");
    q.bind(1, person);
    row = 0;
    while (q.executeStep()) {
        unavailable_rows->add(row++, {wxString::FromUTF8(q.getColumn(0).getString()),
                                      wxString::FromUTF8(q.getColumn(1).getString()),
                                      wxString::FromUTF8(q.getColumn(2).getString())});
    }
    unavailable_->set_source(unavailable_rows);
}

void TrainersPage::add_unavailability() {
    const auto person = trainers_->selected_id();
    if (!person) return;
    wxString from = wxGetTextFromUser(_("First day (YYYY-MM-DD)"), _("Not available"), {}, this);
    if (from.empty()) return;
    wxString to = wxGetTextFromUser(_("Last day (YYYY-MM-DD)"), _("Not available"), from, this);
    if (to.empty()) return;
    wxString note = wxGetTextFromUser(_("Note (optional)"), _("Not available"), {}, this);
    try {
        CatalogueStore(database()).add_unavailability(*person, std::string(from.utf8_str()),
                                                      std::string(to.utf8_str()), std::string(note.utf8_str()));
        context().data_changed();
        show_selected();
    } catch (const Error& e) {
        wxMessageBox(wxString::FromUTF8(e.what()), _("Not saved"), wxOK | wxICON_WARNING, this);
    }
}

}  // namespace maillage::catalogue
