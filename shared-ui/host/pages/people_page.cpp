#include "people_page.h"

#include "choose_dialog.h"
#include "labels.h"
#include "record_actions.h"
#include "record_edit.h"
#include "../dialogs/gdpr_dialogs.h"

#include "shared-ui/dialog_frame.h"
#include "shared-ui/list_panel.h"
#include "shared-ui/display.h"

#include "shared-ui/messages.h"
#include "shared-ui/virtual_list.h"

#include "core/database.h"
#include "core/institutions.h"
#include "core/people.h"
#include "core/sectors.h"
#include "core/sessions.h"

#include <wx/button.h>
#include <wx/checklst.h>
#include <wx/choice.h>
#include <wx/dialog.h>
#include <wx/intl.h>
#include <wx/menu.h>
#include <wx/sizer.h>
#include <wx/splitter.h>
#include <wx/statbox.h>
#include <wx/srchctrl.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <algorithm>
#include <map>

namespace maillage::ui {
namespace {

std::string today() { return s8(wxDateTime::Today().FormatISODate()); }

std::map<int64_t, wxString> institution_names(Database& db) {
    std::map<int64_t, wxString> names;
    SQLite::Statement q(db.sql(), "SELECT id, name FROM institution");
    while (q.executeStep()) names[q.getColumn(0).getInt64()] = u8(q.getColumn(1).getString());
    return names;
}

std::shared_ptr<TableRowSource> institution_choices(Database& db, const std::string& language) {
    auto rows = std::make_shared<TableRowSource>();
    std::map<int64_t, wxString> sectors;
    for (const auto& s : SectorRepository(db).list(true)) sectors[s.id] = u8(s.label(language));
    for (const auto& i : InstitutionRepository(db).search("", 1000000))
        rows->add(i.id, {u8(i.name), u8(i.municipality), i.primary_sector() ? sectors[*i.primary_sector()] : wxString()});
    return rows;
}

// One job: where, which sector (else the institution's main one), from when to when.
class EmploymentDialog : public wxDialog {
public:
    EmploymentDialog(wxWindow* parent, Database& db, const std::string& language, Employment value)
        : wxDialog(parent, wxID_ANY, _("Employment"), wxDefaultPosition, wxDefaultSize,
                   wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
          db_(db), language_(language), value_(value) {
        FieldGrid grid(this);
        auto* inst_row = new wxBoxSizer(wxHORIZONTAL);
        institution_ = new wxStaticText(this, wxID_ANY, wxString());
        inst_row->Add(institution_, 1, wxALIGN_CENTER_VERTICAL);
        auto* choose = new wxButton(this, wxID_ANY, _("Choose…"));
        inst_row->Add(choose, 0, wxLEFT, 6);
        grid.sizer()->Add(new wxStaticText(this, wxID_ANY, _("Institution:")), 0, wxALIGN_CENTER_VERTICAL);
        grid.sizer()->Add(inst_row, 1, wxEXPAND);
        sector_ = grid.add(_("Sector:"), new wxChoice(this, wxID_ANY));
        sector_->Append(_("(the institution's main sector)"));
        sector_->SetSelection(0);
        for (const auto& s : SectorRepository(db).list(false)) {
            sector_ids_.push_back(s.id);
            sector_->Append(u8(s.label(language)));
            if (value_.sector_id && *value_.sector_id == s.id) sector_->SetSelection(sector_->GetCount() - 1);
        }
        job_ = grid.add(_("Job title:"), new wxTextCtrl(this, wxID_ANY, u8(value_.job_title)));
        auto date = [&](const wxString& label, const std::string& iso) {
            auto* field = grid.add(label, new wxTextCtrl(this, wxID_ANY, display_date(iso)));
            field->SetHint(u8(locale::date_placeholder()));
            return field;
        };
        start_ = date(_("From:"), value_.start_date);
        end_ = date(_("Until (empty if current):"), value_.end_date);
        problems_ = finish_dialog(this, grid.sizer());
        SetSize(FromDIP(wxSize(480, -1)).x, GetSize().y);
        show_institution();
        choose->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
            ChooseDialog d(this, _("Choose the institution"), _("Where does this person work?"),
                           {{_("Name"), 260}, {_("Municipality"), 120}, {_("Main sector"), 160}},
                           institution_choices(db_, language_));
            if (d.ShowModal() == wxID_OK && d.chosen()) {
                value_.institution_id = *d.chosen();
                show_institution();
                validate();
            }
        });
        for (auto* t : {start_, end_}) t->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { validate(); });
        validate_on_ok(this, [this] { return validate(); });
        CentreOnParent();
    }

    Employment value() const {
        Employment e = value_;
        const int k = sector_->GetSelection();
        e.sector_id = k >= 1 ? std::optional<int64_t>(sector_ids_[k - 1]) : std::nullopt;
        e.job_title = s8(job_->GetValue().Strip(wxString::both));
        e.start_date = typed_date(start_).value_or("");
        e.end_date = typed_date(end_).value_or("");
        return e;
    }

private:
    // The ISO date typed in `field` ("" when empty); nullopt and *error when not a date.
    static std::optional<std::string> typed_date(const wxTextCtrl* field, std::string* error = nullptr) {
        const std::string text = s8(field->GetValue().Strip(wxString::both));
        if (text.empty()) return std::string();
        return locale::parse_date(text, error);
    }

    void show_institution() {
        const auto i = value_.institution_id ? InstitutionRepository(db_).get(value_.institution_id) : std::nullopt;
        institution_->SetLabel(i ? u8(i->name) : _("(none chosen)"));
    }
    bool validate() {
        wxArrayString problems;
        if (!value_.institution_id) problems.push_back(_("Choose the institution."));
        std::string error;
        const std::string start = typed_date(start_, &error).value_or("");
        if (!error.empty()) problems.push_back(u8(error));
        error.clear();
        const std::string end = typed_date(end_, &error).value_or("");
        if (!error.empty()) problems.push_back(u8(error));
        if (!start.empty() && !end.empty() && end < start) problems.push_back(_("The end date is before the start."));
        return show_problems(this, problems_, problems);
    }

    Database& db_;
    std::string language_;
    Employment value_;
    wxStaticText* institution_;
    wxChoice* sector_;
    std::vector<int64_t> sector_ids_;
    wxTextCtrl *job_, *start_, *end_;
    wxStaticText* problems_;
};

// Identity, roles and the employment history; saved in one transaction.
class PersonDialog : public wxDialog {
public:
    PersonDialog(wxWindow* parent, Database& db, const std::string& language, Person person)
        : wxDialog(parent, wxID_ANY, person.id ? _("Edit person") : _("New person"), wxDefaultPosition, wxDefaultSize,
                   wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
          db_(db), language_(language), value_(std::move(person)) {
        if (value_.id) jobs_ = PersonRepository(db).employments(value_.id);
        FieldGrid grid(this);
        auto text = [&](const wxString& label, const std::string& value) {
            return grid.add(label, new wxTextCtrl(this, wxID_ANY, u8(value)));
        };
        first_ = text(_("First name:"), value_.first_name);
        last_ = text(_("Last name:"), value_.last_name);
        email_ = text(_("Email:"), value_.email);
        phone_ = text(_("Phone:"), value_.phone);
        language_choice_ = new wxChoice(this, wxID_ANY);
        language_choice_->Append(wxGETTEXT_IN_CONTEXT("region or language", "(unknown)"));
        language_choice_->SetSelection(0);
        for (const auto& [code, label] : person_languages()) {
            language_choice_->Append(label);
            if (code == value_.language) language_choice_->SetSelection(language_choice_->GetCount() - 1);
        }
        grid.add(_("Language:"), language_choice_);
        roles_ = new wxCheckListBox(this, wxID_ANY);
        for (const auto& [code, label] : role_labels()) {
            roles_->Append(label);
            if (value_.has_role(code)) roles_->Check(roles_->GetCount() - 1);
        }
        grid.add_top(_("Roles:"), roles_);
        notes_ = grid.add(_("Notes:"), new wxTextCtrl(this, wxID_ANY, u8(value_.notes), wxDefaultPosition,
                                                      FromDIP(wxSize(-1, 44)), wxTE_MULTILINE));

        auto* jobs_box = new wxStaticBoxSizer(wxVERTICAL, this, _("Employment history"));
        jobs_list_ = new VirtualList(jobs_box->GetStaticBox(),
                                     {{_("Institution"), 200}, {_("Sector"), 150}, {_("Job title"), 110},
                                      {_("From"), 90, ColumnKind::Date}, {_("Until"), 90, ColumnKind::Date}});
        jobs_list_->SetMinSize(FromDIP(wxSize(640, 130)));
        jobs_box->Add(jobs_list_, 1, wxEXPAND | wxALL, 4);
        auto* job_buttons = new wxBoxSizer(wxHORIZONTAL);
        auto* add = new wxButton(jobs_box->GetStaticBox(), wxID_ANY, _("Add a job…"));
        auto* edit = new wxButton(jobs_box->GetStaticBox(), wxID_ANY, _("Edit…"));
        auto* remove = new wxButton(jobs_box->GetStaticBox(), wxID_ANY, _("Remove"));
        for (auto* b : {add, edit, remove}) job_buttons->Add(b, 0, wxRIGHT, 6);
        jobs_box->Add(job_buttons, 0, wxALL, 4);

        auto* sizer = new wxBoxSizer(wxVERTICAL);
        sizer->Add(grid.sizer(), 0, wxEXPAND | wxALL, 10);
        sizer->Add(jobs_box, 1, wxEXPAND | wxLEFT | wxRIGHT, 10);
        problems_ = new wxStaticText(this, wxID_ANY, wxString());
        problems_->SetForegroundColour(wxColour(170, 0, 0));
        sizer->Add(problems_, 0, wxEXPAND | wxALL, 10);
        sizer->Add(ok_cancel_buttons(this), 0, wxEXPAND | wxALL, 8);
        SetSizerAndFit(sizer);
        show_jobs();

        add->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { edit_job(-1); });
        edit->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { edit_job(selected_job()); });
        jobs_list_->Bind(wxEVT_DATAVIEW_ITEM_ACTIVATED, [this](wxDataViewEvent&) { edit_job(selected_job()); });
        remove->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
            const long k = selected_job();
            if (k < 0) return;
            if (jobs_[k].id) removed_.push_back(jobs_[k].id);
            jobs_.erase(jobs_.begin() + k);
            show_jobs();
        });
        for (auto* t : {first_, last_, email_}) t->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { validate(); });
        validate_on_ok(this, [this] { return validate(); });
        CentreOnParent();
    }

    // Writes the person and the jobs; returns the person's id.
    int64_t save() {
        Person p = value_;
        p.first_name = s8(first_->GetValue().Strip(wxString::both));
        p.last_name = s8(last_->GetValue().Strip(wxString::both));
        p.email = s8(email_->GetValue().Strip(wxString::both));
        p.phone = s8(phone_->GetValue().Strip(wxString::both));
        const int k = language_choice_->GetSelection();
        p.language = k >= 1 ? person_languages()[k - 1].first : std::string();
        p.notes = s8(notes_->GetValue());
        p.roles.clear();
        const auto roles = role_labels();
        for (unsigned r = 0; r < roles_->GetCount(); ++r)
            if (roles_->IsChecked(r)) p.roles.push_back(roles[r].first);
        return db_.write([&] {
            PersonRepository repo(db_);
            if (p.id)
                repo.update(p);
            else
                p.id = repo.create(p);
            for (auto id : removed_) repo.remove_employment(id);
            for (auto job : jobs_) {
                job.person_id = p.id;
                if (job.id)
                    repo.update_employment(job);
                else
                    repo.add_employment(job);
            }
            return p.id;
        });
    }

private:
    long selected_job() const {
        const auto id = jobs_list_->selected_id();
        return id ? static_cast<long>(*id) : -1;
    }
    void show_jobs() {
        auto rows = std::make_shared<TableRowSource>();
        const auto names = institution_names(db_);
        for (size_t k = 0; k < jobs_.size(); ++k) {
            const auto& j = jobs_[k];
            const auto it = names.find(j.institution_id);
            rows->add(static_cast<int64_t>(k),
                      {it != names.end() ? it->second : wxString(),
                       j.sector_id ? sector_label(db_, *j.sector_id, language_) : _("(institution's)"),
                       u8(j.job_title), display_date(j.start_date), j.end_date.empty() ? _("(current)") : display_date(j.end_date)});
        }
        jobs_list_->set_source(rows);
    }
    void edit_job(long k) {
        Employment job = k >= 0 ? jobs_[k] : Employment{};
        EmploymentDialog d(this, db_, language_, job);
        if (d.ShowModal() != wxID_OK) return;
        if (k >= 0)
            jobs_[k] = d.value();
        else
            jobs_.push_back(d.value());
        show_jobs();
    }
    bool validate() {
        wxArrayString problems;
        if (first_->GetValue().Strip(wxString::both).empty() && last_->GetValue().Strip(wxString::both).empty())
            problems.push_back(_("Give a first or a last name."));
        const wxString email = email_->GetValue().Strip(wxString::both);
        if (!email.empty()) {
            if (!email.Contains("@") || !email.AfterFirst('@').Contains("."))
                problems.push_back(_("The email address is not valid."));
            else if (auto other = PersonRepository(db_).find_by_email(s8(email)); other && other->id != value_.id)
                problems.push_back(wxString::Format(_("%s already has this email address."), u8(other->display_name())));
        }
        return show_problems(this, problems_, problems);
    }

    Database& db_;
    std::string language_;
    Person value_;
    std::vector<Employment> jobs_;
    std::vector<int64_t> removed_;
    wxTextCtrl *first_, *last_, *email_, *phone_, *notes_;
    wxChoice* language_choice_;
    wxCheckListBox* roles_;
    VirtualList* jobs_list_;
    wxStaticText* problems_;
};

class PeoplePage : public PageBase {
public:
    PeoplePage(wxWindow* parent, UiContext& context) : PageBase(parent, context) {
        auto* splitter = new wxSplitterWindow(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxSP_LIVE_UPDATE);
        auto* top = new wxPanel(splitter);
        auto* top_sizer = new wxBoxSizer(wxVERTICAL);
        people_ = new ListPanel(top, &context,
                                {.id = "core.people",
                                 .title = _("People"),
                                 .columns = {{_("Name"), 190}, {_("Email"), 210}, {_("Roles"), 290}, {_("Works at"), 200}},
                                 .multiple = true,
                                 .search_hint = _("Search name, email, role, institution…"),
                                 .count_text = [](size_t shown, size_t total) {
                                     return shown == total
                                                ? wxString::Format(wxPLURAL("%zu person", "%zu people", total), total)
                                                : wxString::Format(wxPLURAL("%zu of %zu person", "%zu of %zu people",
                                                                            total),
                                                                   shown, total);
                                 }});
        people_->add_buttons({{_("&New…"), [this] { edit_person(Person{}); }},
                              {_("&Edit…"), [this] { edit_selected(); }},
                              {_("&Delete…"), [this] { delete_selected(); }, "delete_person"},
                              {_("&Merge…"), [this] { merge_selected(); }, "merge_person",
                               _("Fold a duplicate record into the selected person")}});
        people_->on_activate([this] { edit_selected(); });
        // GDPR: the person's right of access and right to erasure, in one menu button so
        // that the bar holds on one line in a 1200-pixel window.
        auto* gdpr = people_->add_button(_("GDPR") + wxString::FromUTF8(" \u25BE"),
                                         _("Export or erase the selected person's data (GDPR)"));
        gdpr->SetName("gdpr_button");
        list_ = people_->list();
        top_sizer->Add(people_, 1, wxEXPAND);
        top->SetSizer(top_sizer);
        set_main_list(people_);

        auto* bottom = new wxPanel(splitter);
        auto* bottom_sizer = new wxBoxSizer(wxVERTICAL);
        history_title_ = new wxStaticText(bottom, wxID_ANY, _("Participations: select a person"));
        history_title_->SetFont(history_title_->GetFont().Bold());
        bottom_sizer->Add(history_title_, 0, wxALL, 8);
        history_panel_ = new ListPanel(bottom, &context,
                                       {.id = "core.people.history",
                                        .title = _("Participations"),
                                        .columns = {{_("Date"), 90, ColumnKind::Date},
                                                    {_("Session"), 220},
                                                    {_("Kind"), 90},
                                                    {_("Status"), 90, ColumnKind::Status},
                                                    {_("Role"), 90},
                                                    {_("Institution at the time"), 200},
                                                    {_("Sector at the time"), 160}},
                                        .search_hint = _("Search sessions, institutions…"),
                                        .statuses = status_choices()});
        bottom_sizer->Add(history_panel_, 1, wxEXPAND);
        bottom->SetSizer(bottom_sizer);
        splitter->SplitHorizontally(top, bottom, FromDIP(380));
        splitter->SetSashGravity(0.6);
        splitter->SetMinimumPaneSize(FromDIP(120));
        // The first real size places the sash at 55 %: set at creation, when the splitter
        // is still tiny, the history pane was left with no room for a single row.
        splitter->Bind(wxEVT_SIZE, [this, splitter](wxSizeEvent& e) {
            e.Skip();
            if (sash_placed_ || e.GetSize().y < FromDIP(300)) return;
            sash_placed_ = true;
            splitter->CallAfter([splitter] { splitter->SetSashPosition(splitter->GetSize().y * 55 / 100); });
        });
        auto* sizer = new wxBoxSizer(wxVERTICAL);
        sizer->Add(splitter, 1, wxEXPAND);
        SetSizer(sizer);

        gdpr->Bind(wxEVT_BUTTON, [this, gdpr](wxCommandEvent&) {
            wxMenu menu;
            menu.Append(kGdprExport, _("Export data (GDPR)…"),
                        _("Save everything Maillage holds about the selected person (GDPR right of access)"));
            menu.Append(kGdprErase, _("Erase (GDPR)…"),
                        _("Erase the selected person's identity; their participations stay, anonymous"));
            const int chosen = gdpr->GetPopupMenuSelectionFromUser(menu, wxPoint(0, gdpr->GetSize().y));
            if (chosen == kGdprExport) export_personal_data();
            if (chosen == kGdprErase) erase_selected();
        });
        list_->Bind(wxEVT_DATAVIEW_SELECTION_CHANGED, [this](wxDataViewEvent&) { show_history(); });
        refresh();
        list_->sort_by(0);
        if (list_->shown_count() > 0) {
            list_->select_id(list_->id_at(0));
            show_history();
        }
    }

    void refresh() override {
        Database& db = database();
        // Where each person works today: the open job with the latest start.
        std::map<int64_t, wxString> works_at;
        SQLite::Statement q(db.sql(),
                            "SELECT e.person_id, i.name FROM employment e JOIN institution i ON i.id = e.institution_id "
                            "WHERE coalesce(e.start_date, '') <= ?1 AND (coalesce(e.end_date, '') = '' OR e.end_date >= ?1) "
                            "ORDER BY coalesce(e.start_date, '')");
        q.bind(1, today());
        while (q.executeStep()) works_at[q.getColumn(0).getInt64()] = u8(q.getColumn(1).getString());
        auto rows = std::make_shared<TableRowSource>();
        const auto roles = role_labels();
        for (const auto& p : PersonRepository(db).search("", 10000000)) {
            wxString role_text;
            for (const auto& r : p.roles) {
                if (!role_text.empty()) role_text << ", ";
                role_text << label_of(roles, r);
            }
            rows->add(p.id, {u8(p.last_name + (p.last_name.empty() ? "" : ", ") + p.first_name), u8(p.email), role_text,
                             works_at[p.id]});
        }
        people_->set_source(rows);
        show_history();
    }
    // The Delete key in the people list: the same as the button (the history has none).
    bool delete_selection() override {
        if (current_list() != people_) return false;
        delete_selected();
        return true;
    }

private:
    enum { kGdprExport = wxID_HIGHEST + 1, kGdprErase };

    void export_personal_data() {
        const auto id = selected_or_hint(this, list_, _("Select the person whose data to export."));
        if (!id) return;
        guarded(this, _("The personal data could not be exported"), [&] {
            GdprExportDialog dialog(this, database(), *id);
            if (dialog.ShowModal() == wxID_OK)
                context().set_status(
                    wxString::Format(_("Personal data exported to %s"), wxString::FromUTF8(dialog.written().string())));
        });
        context().data_changed();  // the export is in the history of changes
    }

    void erase_selected() {
        const auto id = selected_or_hint(this, list_, _("Select the person to erase."));
        if (!id) return;
        bool erased = false, stopped = false;
        guarded(this, _("The person could not be erased"), [&] {
            GdprEraseDialog dialog(this, database(), *id);
            erased = dialog.ShowModal() == wxID_OK;
            stopped = dialog.stopped();
        });
        if (stopped) context().set_status(_("Erasure stopped; nothing was erased."));
        if (!erased) return;
        context().set_status(_("The person was erased; their participations stay, anonymous."));
        context().data_changed();
        refresh();
    }

    static std::vector<wxString> status_choices() {
        std::vector<wxString> out;
        for (const auto& [code, label] : attendance_statuses()) out.push_back(label);
        return out;
    }

    void show_history() {
        const auto id = list_->selected_id();
        auto rows = std::make_shared<TableRowSource>();
        if (!id) {
            history_title_->SetLabel(_("Participations: select a person"));
            history_panel_->set_source(rows);
            return;
        }
        Database& db = database();
        const auto person = PersonRepository(db).get(*id);
        SQLite::Statement q(db.sql(),
                            "SELECT a.id, s.date, coalesce(s.title, ''), s.kind, a.status, a.role, coalesce(i.name, ''), "
                            "a.sector_id FROM attendance a JOIN session s ON s.id = a.session_id "
                            "LEFT JOIN institution i ON i.id = a.institution_id WHERE a.person_id = ? "
                            "ORDER BY s.date DESC");
        q.bind(1, *id);
        const std::string language = context().language();
        std::map<int64_t, wxString> sectors;
        for (const auto& s : SectorRepository(db).list(true)) sectors[s.id] = u8(s.label(language));
        while (q.executeStep()) {
            const auto sector = q.getColumn(7);
            rows->add(q.getColumn(0).getInt64(),
                      {display_date(q.getColumn(1).getString()), u8(q.getColumn(2).getString()),
                       u8(locale::session_kind_name(q.getColumn(3).getString())),
                       label_of(attendance_statuses(), q.getColumn(4).getString()),
                       label_of(attendance_roles(), q.getColumn(5).getString()), u8(q.getColumn(6).getString()),
                       sector.isNull() ? wxString() : sectors[sector.getInt64()]});
        }
        history_title_->SetLabel(wxString::Format(_("Participations of %s (%zu)"),
                                                  person ? u8(person->display_name()) : wxString(), rows->row_count()));
        history_panel_->set_source(rows);
    }

    // Delete and Merge… (record_actions.h): each asks first and is undoable.
    void delete_selected() {
        if (const auto id = selected_or_hint(this, list_, _("Select a person first.")))
            if (delete_person_asked(this, context(), *id)) refresh();
    }
    void merge_selected() {
        const auto id = selected_or_hint(this, list_, _("Select a person first."));
        if (!id) return;
        if (const auto kept = merge_person_asked(this, context(), *id, true)) {
            refresh();
            list_->select_id(*kept);
            show_history();
        }
    }

    void edit_selected() {
        if (auto p = selected_record(this, list_, PersonRepository(database()), _("Select a person first.")))
            edit_person(*p);
    }

    void edit_person(const Person& person) {
        PersonDialog dialog(this, database(), context().language(), person);
        if (dialog.ShowModal() != wxID_OK) return;
        int64_t id = 0;
        if (!guarded(this, _("The person was not saved"), [&] { id = dialog.save(); })) return;
        refresh();
        list_->select_id(id);
        show_history();
        context().data_changed();
        context().set_status(_("Saved."));
    }

    ListPanel* people_ = nullptr;
    bool sash_placed_ = false;
    VirtualList* list_ = nullptr;
    wxStaticText* history_title_ = nullptr;
    ListPanel* history_panel_ = nullptr;
};

}  // namespace

PageBase* create_people_page(wxWindow* parent, UiContext& context) { return new PeoplePage(parent, context); }

}  // namespace maillage::ui
