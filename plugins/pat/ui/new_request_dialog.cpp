#include "ui/new_request_dialog.h"

#include "accompaniments.h"
#include "pat_rules.h"

#include "core/database.h"
#include "core/i18n.h"
#include "core/institutions.h"
#include "core/people.h"
#include "core/programmes.h"
#include "shared-ui/date_pickers.h"
#include "shared-ui/dialog_frame.h"
#include "shared-ui/messages.h"
#include "shared-ui/pickers.h"
#include "shared-ui/record_choice.h"
#include "ui/pat_dialog.h"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/spinctrl.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <functional>
#include <stdexcept>

namespace maillage::pat {
namespace {

wxString u8(const std::string& s) { return wxString::FromUTF8(s); }
std::string s8(const wxString& s) { return s.Strip(wxString::both).utf8_string(); }

const char* const kRegions[] = {"", "brussels", "wallonia", "flanders"};

// The regions of the choice: "" first (the institution's, or unknown).
void fill_regions(wxChoice* choice, const wxString& first) {
    choice->Append(first);
    choice->Append(_("Brussels"));
    choice->Append(_("Wallonia"));
    choice->Append(_("Flanders"));
    choice->SetSelection(0);
}

}  // namespace

NewRequestDialog::NewRequestDialog(wxWindow* parent, Database& db, const std::string& today, int64_t id)
    : CreationDialog(parent, db, id ? _("Edit the request") : _("New accompaniment request")), id_(id) {
    SetName("new-request-dialog");
    Accompaniment a;
    a.request_date = today;
    if (id)
        if (auto found = AccompanimentRepository(db).get(id)) a = *found;
    ui::FieldGrid grid(this);
    auto row = [&](const wxString& label, wxWindow* field, const char* name) { grid.add(label, field, name); };
    institution_ = new ui::InstitutionPicker(this, db);
    institution_->SetMinSize(FromDIP(wxSize(340, -1)));
    institution_->set_create_new(_("New institution…"), [this](const wxString& typed) { new_institution(typed); });
    if (a.institution_id) institution_->set_selection(a.institution_id, u8(a.institution_name));
    row(_("Institution:"), institution_, "institution");
    date_ = new ui::DatePicker(this);
    date_->set_iso(a.request_date);
    row(_("Request date:"), date_, "date");
    contact_ = new ui::PersonPicker(this, db);
    contact_->set_create_new(_("New contact person…"), [this](const wxString& typed) { new_contact(typed); });
    if (a.contact_person_id)
        if (auto p = PersonRepository(db).get(*a.contact_person_id)) contact_->set_selection(p->id, u8(p->display_name()));
    row(_("Contact person:"), contact_, "contact");
    heard_ = new wxTextCtrl(this, wxID_ANY, u8(a.heard_from));
    row(_("Heard of PAT through:"), heard_, "heard-from");
    region_ = new wxChoice(this, wxID_ANY);
    fill_regions(region_, _("(the institution's)"));
    for (int r = 1; r < 4; ++r)
        if (a.region == kRegions[r]) region_->SetSelection(r);
    row(_("Region:"), region_, "region");
    funder_ = ui::funder_choice(this, db, _("(none yet)"), a.funder_id);
    row(_("Counts for funder:"), funder_, "funder");
    planned_ = new wxSpinCtrl(this, wxID_ANY, {}, wxDefaultPosition, wxDefaultSize, wxSP_ARROW_KEYS, 0, 100,
                              a.planned_sessions.value_or(0));
    planned_->SetToolTip(_("0 while the number of sessions is not agreed yet."));
    row(_("Planned sessions:"), planned_, "planned");
    notes_ = new wxTextCtrl(this, wxID_ANY, u8(a.notes), wxDefaultPosition, FromDIP(wxSize(-1, 60)), wxTE_MULTILINE);
    row(_("Notes:"), notes_, "notes");

    // The region follows the institution chosen, until the user picks another.
    institution_->on_chosen([this](const ui::PickerItem& item) {
        if (auto i = InstitutionRepository(db_).get(item.id))
            for (int r = 1; r < 4; ++r)
                if (i->region == kRegions[r]) region_->SetSelection(r);
    });

    problem_ = ui::finish_dialog(this, grid.sizer());
    Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { create(); }, wxID_OK);
}

void NewRequestDialog::new_institution(const wxString& typed) {
    PatDialog d(this, _("New institution"), "new-institution-dialog");
    auto* name = d.row(_("Name:"), new wxTextCtrl(&d, wxID_ANY, typed, wxDefaultPosition, FromDIP(wxSize(320, -1))),
                       "name");
    auto* region = d.row(_("Region:"), new wxChoice(&d, wxID_ANY), "region");
    fill_regions(region, wxGETTEXT_IN_CONTEXT("region or language", "(unknown)"));
    auto* municipality = d.row(_("Municipality:"), new wxTextCtrl(&d, wxID_ANY), "municipality");
    auto* postcode = d.row(_("Postcode:"), new wxTextCtrl(&d, wxID_ANY), "postcode");
    auto* sector = d.row(_("Sector:"), new ui::SectorPicker(&d, db_, ui_language()), "sector");
    int64_t created = 0;
    d.finish();
    d.save = [&] {
        Institution i;
        i.name = s8(name->GetValue());
        i.region = kRegions[region->GetSelection()];
        i.municipality = s8(municipality->GetValue());
        i.postcode = s8(postcode->GetValue());
        if (sector->selection()) i.sector_ids = {*sector->selection()};
        if (i.name.empty()) throw std::runtime_error(_("The institution needs a name.").utf8_string());
        if (auto same = InstitutionRepository(db_).find_by_name(i.name))
            throw std::runtime_error(
                wxString::Format(_("%s is already recorded: choose it in the search results."), u8(same->name))
                    .utf8_string());
        created = db_.write(trf("Create the institution {name}", fmt::arg("name", i.name)),
                            [&] { return InstitutionRepository(db_).create(i); });
    };
    if (d.ShowModal() != wxID_OK) return;
    institution_->set_selection(created, name->GetValue().Strip(wxString::both));
    if (region->GetSelection() > 0) region_->SetSelection(region->GetSelection());
}

void NewRequestDialog::new_contact(const wxString& typed) {
    PatDialog d(this, _("New contact person"), "new-contact-dialog");
    auto* first = d.row(_("First name:"), new wxTextCtrl(&d, wxID_ANY, typed.BeforeFirst(' ')), "first-name");
    auto* last = d.row(_("Last name:"), new wxTextCtrl(&d, wxID_ANY, typed.AfterFirst(' ')), "last-name");
    auto* email = d.row(_("Email:"), new wxTextCtrl(&d, wxID_ANY, {}, wxDefaultPosition, FromDIP(wxSize(280, -1))),
                        "email");
    auto* job = d.row(_("Job title:"), new wxTextCtrl(&d, wxID_ANY), "job-title");
    const auto institution = institution_->selection();
    int64_t created = 0;
    d.finish();
    d.save = [&] {
        Person p;
        p.first_name = s8(first->GetValue());
        p.last_name = s8(last->GetValue());
        p.email = s8(email->GetValue());
        p.roles = {"manager"};
        if (!p.email.empty())
            if (auto same = PersonRepository(db_).find_by_email(p.email))
                throw std::runtime_error(wxString::Format(_("%s already has this email address: choose them in the "
                                                            "search results."),
                                                          u8(same->display_name()))
                                             .utf8_string());
        created = db_.write(trf("Create the person {name}", fmt::arg("name", p.first_name + " " + p.last_name)), [&] {
            PersonRepository people(db_);
            const int64_t pid = people.create(p);
            // The contact works at the institution asking (since when is not known):
            // their attendance counts for it.
            if (institution) {
                Employment e;
                e.person_id = pid;
                e.institution_id = *institution;
                e.job_title = s8(job->GetValue());
                people.add_employment(e);
            }
            return pid;
        });
    };
    if (d.ShowModal() != wxID_OK) return;
    if (auto p = PersonRepository(db_).get(created)) contact_->set_selection(created, u8(p->display_name()));
}

void NewRequestDialog::create() {
    if (!institution_->selection()) {
        problem_->SetLabel(_("Choose the institution in the search results (type part of its name)."));
        Fit();
        return;
    }
    Accompaniment a;
    if (id_)
        if (auto found = AccompanimentRepository(db_).get(id_)) a = *found;
    a.institution_id = *institution_->selection();
    a.request_date = date_->iso();
    a.contact_person_id = contact_->selection();
    a.heard_from = s8(heard_->GetValue());
    a.region = kRegions[region_->GetSelection()];
    if (a.region.empty())
        if (auto i = InstitutionRepository(db_).get(a.institution_id)) a.region = i->region;
    a.funder_id = funder_->chosen();
    a.planned_sessions = planned_->GetValue() > 0 ? std::optional<int>(planned_->GetValue()) : std::nullopt;
    a.notes = notes_->GetValue().utf8_string();
    const auto name = institution_->text().utf8_string();
    if (!date_->problem().empty()) return ui::show_problem(this, problem_, date_->problem());
    AccompanimentRepository repo(db_);
    if (id_)
        record(trf("Edit the request of {name}", fmt::arg("name", name)), [&] {
            repo.update(a);
            return id_;
        });
    else
        record(trf("Record the request of {name}", fmt::arg("name", name)), [&] { return repo.create_request(a); });
}

}  // namespace maillage::pat
