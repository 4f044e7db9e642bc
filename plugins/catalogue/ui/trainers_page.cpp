#include "ui/trainers_page.h"

#include "catalogue_figures.h"
#include "catalogue_store.h"
#include "core/database.h"
#include "core/error.h"
#include "core/people.h"
#include "shared-ui/display.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <wx/button.h>
#include <wx/datetime.h>
#include <wx/listctrl.h>
#include <wx/msgdlg.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textdlg.h>

#include <map>

namespace maillage::catalogue {

TrainersPage::TrainersPage(wxWindow* parent, ui::UiContext& context) : PageBase(parent, context) {
    auto* top = new wxBoxSizer(wxVERTICAL);
    top->Add(new wxStaticText(this, wxID_ANY, _("Trainers")), 0, wxALL, 8);
    trainers_ = new wxListView(this, wxID_ANY, wxDefaultPosition, wxSize(-1, 220), wxLC_REPORT | wxLC_SINGLE_SEL);
    trainers_->AppendColumn(_("Name"), wxLIST_FORMAT_LEFT, 200);
    trainers_->AppendColumn(_("E-mail"), wxLIST_FORMAT_LEFT, 200);
    trainers_->AppendColumn(_("Modules"), wxLIST_FORMAT_RIGHT, 80);
    trainers_->AppendColumn(_("Sessions this year"), wxLIST_FORMAT_RIGHT, 120);
    trainers_->AppendColumn(_("Hours this year"), wxLIST_FORMAT_RIGHT, 110);
    top->Add(trainers_, 1, wxEXPAND | wxLEFT | wxRIGHT, 8);
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    auto* left = new wxBoxSizer(wxVERTICAL);
    left->Add(new wxStaticText(this, wxID_ANY, _("Modules this trainer may give")), 0, wxBOTTOM, 4);
    modules_ = new wxListView(this, wxID_ANY, wxDefaultPosition, wxSize(-1, 200), wxLC_REPORT | wxLC_SINGLE_SEL);
    modules_->AppendColumn(_("Code"), wxLIST_FORMAT_LEFT, 80);
    modules_->AppendColumn(_("Title"), wxLIST_FORMAT_LEFT, 360);
    left->Add(modules_, 1, wxEXPAND);
    row->Add(left, 2, wxEXPAND | wxRIGHT, 8);
    auto* right = new wxBoxSizer(wxVERTICAL);
    right->Add(new wxStaticText(this, wxID_ANY, _("Not available")), 0, wxBOTTOM, 4);
    unavailable_ = new wxListView(this, wxID_ANY, wxDefaultPosition, wxSize(-1, 200), wxLC_REPORT);
    unavailable_->AppendColumn(_("From"), wxLIST_FORMAT_LEFT, 100);
    unavailable_->AppendColumn(_("To"), wxLIST_FORMAT_LEFT, 100);
    unavailable_->AppendColumn(_("Note"), wxLIST_FORMAT_LEFT, 160);
    right->Add(unavailable_, 1, wxEXPAND);
    auto* add = new wxButton(this, wxID_ANY, _("Add a period of unavailability..."));
    right->Add(add, 0, wxTOP, 4);
    row->Add(right, 1, wxEXPAND);
    top->Add(row, 1, wxEXPAND | wxALL, 8);
    SetSizer(top);
    trainers_->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent&) { show_selected(); });
    add->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { add_unavailability(); });
    refresh();
}

void TrainersPage::refresh() {
    auto& db = database();
    ReportScope scope;
    scope.year = wxDateTime::Now().GetYear();
    std::map<int64_t, TrainerFigures> hours;
    for (const auto& t : compute_figures(db, scope).trainers) hours[t.person_id] = t;
    trainers_->DeleteAllItems();
    ids_.clear();
    long row = 0;
    for (const auto& p : PersonRepository(db).with_role("trainer")) {
        SQLite::Statement q(db.sql(), "SELECT count(*) FROM catalogue_trainer_module WHERE person_id = ?");
        q.bind(1, p.id);
        q.executeStep();
        trainers_->InsertItem(row, wxString::FromUTF8(p.display_name()));
        trainers_->SetItem(row, 1, wxString::FromUTF8(p.email));
        trainers_->SetItem(row, 2, wxString::Format("%d", q.getColumn(0).getInt()));
        trainers_->SetItem(row, 3, wxString::Format("%lld", static_cast<long long>(hours[p.id].sessions)));
        trainers_->SetItem(row, 4, ui::display_number(hours[p.id].hours));
        ids_.push_back(p.id);
        ++row;
    }
    if (row > 0) trainers_->Select(0);
}

void TrainersPage::show_selected() {
    long i = trainers_->GetFirstSelected();
    modules_->DeleteAllItems();
    unavailable_->DeleteAllItems();
    if (i < 0) return;
    auto& db = database();
    int64_t person = ids_[static_cast<std::size_t>(i)];
    std::string lang = context().language();
    long row = 0;
    CatalogueStore store(db);
    for (const auto& m : store.modules())
        if (store.qualified(person, m.module_id)) {
            modules_->InsertItem(row, wxString::FromUTF8(m.sheet.code));
            modules_->SetItem(row, 1, wxString::FromUTF8(m.sheet.title.get(lang)));
            ++row;
        }
    SQLite::Statement q(db.sql(), "SELECT date_from, date_to, coalesce(note,'') FROM catalogue_trainer_unavailability "
                                  "WHERE person_id = ? ORDER BY date_from");
    q.bind(1, person);
    row = 0;
    while (q.executeStep()) {
        unavailable_->InsertItem(row, wxString::FromUTF8(q.getColumn(0).getString()));
        unavailable_->SetItem(row, 1, wxString::FromUTF8(q.getColumn(1).getString()));
        unavailable_->SetItem(row, 2, wxString::FromUTF8(q.getColumn(2).getString()));
        ++row;
    }
}

void TrainersPage::add_unavailability() {
    long i = trainers_->GetFirstSelected();
    if (i < 0) return;
    wxString from = wxGetTextFromUser(_("First day (YYYY-MM-DD)"), _("Not available"), {}, this);
    if (from.empty()) return;
    wxString to = wxGetTextFromUser(_("Last day (YYYY-MM-DD)"), _("Not available"), from, this);
    if (to.empty()) return;
    wxString note = wxGetTextFromUser(_("Note (optional)"), _("Not available"), {}, this);
    try {
        CatalogueStore(database()).add_unavailability(ids_[static_cast<std::size_t>(i)], std::string(from.utf8_str()),
                                                      std::string(to.utf8_str()), std::string(note.utf8_str()));
        context().data_changed();
        show_selected();
    } catch (const Error& e) {
        wxMessageBox(wxString::FromUTF8(e.what()), _("Not saved"), wxOK | wxICON_WARNING, this);
    }
}

}  // namespace maillage::catalogue
