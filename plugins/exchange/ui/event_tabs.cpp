// core/i18n.h first: its N_ must win over the one wx defines only when none exists.
#include "core/i18n.h"
#include "ui/event_tabs.h"

#include "events.h"
#include "exchange_figures.h"
#include "exchange_outputs.h"
#include "registration_import.h"
#include "registrations.h"
#include "table_assignment.h"

#include "core/database.h"
#include "core/error.h"
#include "core/institutions.h"
#include "core/people.h"
#include "core/sectors.h"
#include "shared-ui/chart.h"
#include "shared-ui/list_panel.h"
#include "shared-ui/display.h"

#include <wx/button.h>
#include <wx/choicdlg.h>
#include <wx/dirdlg.h>
#include <wx/filedlg.h>
#include <wx/msgdlg.h>
#include <wx/panel.h>
#include <wx/sizer.h>
#include <wx/srchctrl.h>
#include <wx/statbox.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/textdlg.h>

#include <algorithm>
#include <fstream>
#include <map>

namespace maillage::exchange {
namespace {

wxString U(const std::string& s) { return wxString::FromUTF8(s); }

// Runs a user action; a maillage::Error becomes a message box instead of an exception.
template <class F>
bool guarded(wxWindow* parent, F&& fn) {
    try {
        fn();
        return true;
    } catch (const std::exception& e) {
        wxMessageBox(U(e.what()), _("Exchange tables"), wxOK | wxICON_WARNING, parent);
        return false;
    }
}

// The registrations of an event in the shared list (sort, search, status filter,
// export); selected() gives the registration behind the selected row.
class RegistrationList : public ui::ListPanel {
public:
    RegistrationList(wxWindow* parent, ui::UiContext& context, const char* id, bool search)
        : ui::ListPanel(parent, &context,
                        {.id = id,
                         .title = _("Registrations"),
                         .columns = {{_("Name"), 180},
                                     {_("Institution"), 220},
                                     {_("Sector"), 150},
                                     {_("Role"), 90},
                                     {_("Status"), 110, ui::ColumnKind::Status},
                                     {_("Waiting list"), 70, ui::ColumnKind::Integer},
                                     {_("Table"), 60, ui::ColumnKind::Integer}},
                         .search = search,
                         .search_hint = _("Search name, institution, sector…"),
                         .statuses = status_choices()}) {}
    void set_rows(std::vector<Registration> rows, const std::map<int64_t, std::string>& sectors,
                  const std::map<int64_t, int>& tables) {
        rows_ = std::move(rows);
        auto source = std::make_shared<ui::TableRowSource>();
        source->reserve(rows_.size());
        for (const auto& r : rows_) {
            wxString sector, table;
            if (r.sector_id)
                if (auto it = sectors.find(*r.sector_id); it != sectors.end()) sector = U(it->second);
            if (r.table_id)
                if (auto it = tables.find(*r.table_id); it != tables.end()) table = wxString::Format("%d", it->second);
            source->add(r.id, {U(r.person_name), U(r.institution_name), sector, U(role_label(r.role)),
                               U(status_label(r.status)),
                               r.waiting_position
                                   ? wxString::Format("%lld", static_cast<long long>(*r.waiting_position))
                                   : wxString(),
                               table});
        }
        set_source(source);
    }
    const Registration* selected() const {
        const auto id = selected_id();
        if (!id) return nullptr;
        for (const auto& r : rows_)
            if (r.id == *id) return &r;
        return nullptr;
    }
    size_t size() const { return rows_.size(); }

private:
    static std::vector<wxString> status_choices() {
        std::vector<wxString> out;
        for (const auto& s : registration_statuses()) out.push_back(U(status_label(s)));
        return out;
    }
    std::vector<Registration> rows_;
};

std::map<int64_t, std::string> sector_labels(Database& db, const std::string& language) {
    std::map<int64_t, std::string> m;
    for (const auto& s : SectorRepository(db).list(true)) m[s.id] = s.label(language);
    return m;
}

std::map<int64_t, int> table_numbers(Database& db, int64_t event_id) {
    std::map<int64_t, int> m;
    for (const auto& t : EventRepository(db).tables(event_id)) m[t.id] = t.position;
    return m;
}

std::string institution_name(Database& db, int64_t id) {
    auto i = InstitutionRepository(db).get(id);
    return i ? i->name : std::string();
}

std::string person_name(Database& db, int64_t id) {
    auto p = PersonRepository(db).get(id);
    return p ? p->display_name() : std::string();
}

}  // namespace

// --- Committee -------------------------------------------------------------------------
class CommitteeTab : public wxPanel {
public:
    CommitteeTab(wxWindow* parent, ui::UiContext& context) : wxPanel(parent), context_(context) {
        auto* sizer = new wxBoxSizer(wxVERTICAL);
        sizer->Add(new wxStaticText(this, wxID_ANY, _("Member institutions and their representatives")), 0,
                   wxALL, 6);
        members_ = new ui::ListPanel(this, &context,
                                     {.id = "exchange.committee",
                                      .title = _("Member institutions and their representatives"),
                                      .columns = {{_("Institution"), 280}, {_("Representative"), 200}}});
        sizer->Add(members_, 1, wxEXPAND);
        sizer->Add(new wxStaticText(this, wxID_ANY, _("Meetings and decisions")), 0, wxALL, 6);
        meetings_ = new ui::ListPanel(this, &context,
                                      {.id = "exchange.committee_meetings",
                                       .title = _("Meetings and decisions"),
                                       .columns = {{_("Date"), 100, ui::ColumnKind::Date},
                                                   {_("Status"), 80, ui::ColumnKind::Status},
                                                   {_("Present"), 70, ui::ColumnKind::Integer},
                                                   {_("Decisions"), 480}}});
        sizer->Add(meetings_, 1, wxEXPAND);
        SetSizer(sizer);
    }
    void load(int64_t event_id) {
        auto& db = context_.database();
        EventRepository events(db);
        auto members = std::make_shared<ui::TableRowSource>();
        auto meetings = std::make_shared<ui::TableRowSource>();
        members_->set_source(members);
        meetings_->set_source(meetings);
        if (!event_id) return;
        int64_t row = 0;
        for (const auto& m : events.committee(event_id))
            members->add(row++, {U(institution_name(db, m.institution_id)),
                                 m.person_id ? U(person_name(db, *m.person_id)) : wxString()});
        members_->set_source(members);
        SessionRepository sessions(db);
        for (const auto& s : events.committee_meetings(event_id)) {
            int present = 0;
            for (const auto& a : sessions.attendance(s.id))
                if (a.status == "present") ++present;
            std::string decisions;
            for (const auto& d : events.decisions(s.id)) decisions += (decisions.empty() ? "" : " · ") + d;
            meetings->add(s.id, {ui::display_date(s.date),
                                 U(s.status == "held" ? tr("held") : s.status == "cancelled" ? tr("cancelled") : tr("planned")),
                                 wxString::Format("%d", present), U(decisions)});
        }
        meetings_->set_source(meetings);
    }

private:
    ui::UiContext& context_;
    ui::ListPanel* members_;
    ui::ListPanel* meetings_;
};

// --- Tables ----------------------------------------------------------------------------
class TablesTab : public wxPanel {
public:
    TablesTab(wxWindow* parent, ui::UiContext& context, EventTabs& owner)
        : wxPanel(parent), context_(context), owner_(owner) {
        auto* sizer = new wxBoxSizer(wxVERTICAL);
        list_ = new ui::ListPanel(this, &context,
                                  {.id = "exchange.tables",
                                   .title = _("Tables"),
                                   .columns = {{_("No."), 40, ui::ColumnKind::Integer},
                                               {_("Title"), 180},
                                               {_("Participants"), 90, ui::ColumnKind::Integer},
                                               {_("Facilitators"), 200},
                                               {_("Question"), 400}}});
        sizer->Add(list_, 1, wxEXPAND);
        auto* buttons = new wxBoxSizer(wxHORIZONTAL);
        auto* add = new wxButton(this, wxID_ANY, _("Add a table..."));
        auto* assign = new wxButton(this, wxID_ANY, _("Assign participants to tables"));
        assign->SetToolTip(_("Keeps each participant's choice, then spreads the others evenly with a balanced mix "
                             "of sectors."));
        buttons->Add(add, 0, wxRIGHT, 6);
        buttons->Add(assign, 0);
        sizer->Add(buttons, 0, wxALL, 6);
        SetSizer(sizer);
        add->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
            if (!owner_.event_id()) return;
            wxTextEntryDialog title(this, _("Title of the new table:"), _("Add a table"));
            if (title.ShowModal() != wxID_OK || title.GetValue().Trim().empty()) return;
            wxTextEntryDialog question(this, _("The question it works on (optional):"), _("Add a table"));
            question.ShowModal();
            if (guarded(this, [&] {
                    EventRepository(context_.database())
                        .add_table(owner_.event_id(), title.GetValue().utf8_string(),
                                   question.GetValue().utf8_string());
                }))
                owner_.reload();
        });
        assign->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
            if (!owner_.event_id()) return;
            AssignmentResult r;
            if (guarded(this, [&] { r = assign_tables(context_.database(), owner_.event_id()); })) {
                context_.set_status(wxString::Format(_("%lld seated by choice, %lld spread evenly."),
                                                     static_cast<long long>(r.by_choice),
                                                     static_cast<long long>(r.spread)));
                owner_.reload();
            }
        });
    }
    void load(int64_t event_id) {
        auto rows = std::make_shared<ui::TableRowSource>();
        list_->set_source(rows);
        if (!event_id) return;
        auto& db = context_.database();
        const auto f = event_figures(db, event_id, context_.language());
        for (const auto& t : EventRepository(db).tables(event_id)) {
            std::string facilitators;
            for (auto p : t.facilitator_ids) facilitators += (facilitators.empty() ? "" : ", ") + person_name(db, p);
            int64_t seated = 0;
            for (const auto& tf : f.tables)
                if (tf.table_id == t.id) seated = tf.participants;
            rows->add(t.id, {wxString::Format("%d", t.position), U(t.title),
                             wxString::Format("%lld", static_cast<long long>(seated)), U(facilitators), U(t.question)});
        }
        list_->set_source(rows);
    }

private:
    ui::UiContext& context_;
    EventTabs& owner_;
    ui::ListPanel* list_;
};

// --- Registrations ---------------------------------------------------------------------
class RegistrationsTab : public wxPanel {
public:
    RegistrationsTab(wxWindow* parent, ui::UiContext& context, EventTabs& owner)
        : wxPanel(parent), context_(context), owner_(owner) {
        auto* sizer = new wxBoxSizer(wxVERTICAL);
        summary_ = new wxStaticText(this, wxID_ANY, "");
        sizer->Add(summary_, 0, wxALL, 6);
        list_ = new RegistrationList(this, context, "exchange.registrations", true);
        sizer->Add(list_, 1, wxEXPAND);
        auto* buttons = new wxBoxSizer(wxHORIZONTAL);
        auto* status = new wxButton(this, wxID_ANY, _("Change status..."));
        auto* import = new wxButton(this, wxID_ANY, _("Import from the web form (CSV)..."));
        auto* exp = new wxButton(this, wxID_ANY, _("Export (CSV or XLSX)..."));
        buttons->Add(status, 0, wxRIGHT, 6);
        buttons->Add(import, 0, wxRIGHT, 6);
        buttons->Add(exp, 0);
        sizer->Add(buttons, 0, wxALL, 6);
        SetSizer(sizer);
        status->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { change_status(); });
        list_->list()->Bind(wxEVT_DATAVIEW_ITEM_ACTIVATED, [this](wxDataViewEvent&) { change_status(); });
        import->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { import_csv(); });
        exp->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { export_file(); });
    }
    void load(int64_t event_id) {
        if (!event_id) {
            list_->set_rows({}, {}, {});
            summary_->SetLabel("");
            return;
        }
        auto& db = context_.database();
        RegistrationService regs(db);
        auto rows = regs.list(event_id);
        std::map<std::string, int> by_status;
        for (const auto& r : rows) ++by_status[r.status];
        const auto free = regs.seats_free(event_id);
        wxString text = wxString::Format(_("%zu registrations: %d registered, %d attended, %d on the waiting list, "
                                           "%d cancelled, %d no-shows."),
                                         rows.size(), by_status["registered"], by_status["attended"],
                                         by_status["waiting"], by_status["cancelled"], by_status["no_show"]);
        if (free) text += " " + wxString::Format(_("Free seats: %lld."), static_cast<long long>(std::max<int64_t>(0, *free)));
        summary_->SetLabel(text);
        list_->set_rows(std::move(rows), sector_labels(db, context_.language()), table_numbers(db, event_id));
    }

private:
    void change_status() {
        const auto* r = list_->selected();
        if (!r) return;
        wxArrayString labels;
        std::vector<std::string> codes;
        for (const auto& s : registration_statuses())
            if (transition_allowed(r->status, s)) {
                labels.Add(U(status_label(s)));
                codes.push_back(s);
            }
        if (codes.empty()) return;
        wxSingleChoiceDialog choice(this, wxString::Format(_("New status for %s:"), U(r->person_name)),
                                    _("Change status"), labels);
        if (choice.ShowModal() != wxID_OK) return;
        const auto to = codes[size_t(choice.GetSelection())];
        std::string reason;
        if (to == "cancelled") {
            wxTextEntryDialog why(this, _("Reason for the cancellation:"), _("Change status"));
            if (why.ShowModal() != wxID_OK) return;
            reason = why.GetValue().utf8_string();
        }
        const auto id = r->id;
        if (guarded(this, [&] { RegistrationService(context_.database()).set_status(id, to, reason); })) {
            context_.data_changed();
            owner_.reload();
        }
    }

    void import_csv() {
        if (!owner_.event_id()) return;
        wxFileDialog open(this, _("Registrations exported by the web form"), "", "", _("CSV files (*.csv)|*.csv"),
                          wxFD_OPEN | wxFD_FILE_MUST_EXIST);
        if (open.ShowModal() != wxID_OK) return;
        auto& db = context_.database();
        guarded(this, [&] {
            const auto plan = plan_import(db, owner_.event_id(), read_registrations_csv(open.GetPath().utf8_string()));
            ImportOptions options;
            if (plan.needs_confirmation()) {
                wxString details;
                for (const auto& p : plan.rows) {
                    if (p.duplicate_of_line || p.already_registered) continue;
                    if (p.person)
                        details += wxString::Format(_("Line %d: %s may be %s (%s)\n"), p.row.line,
                                                    U(p.row.first_name + " " + p.row.last_name), U(p.person->name),
                                                    U(p.person->reason));
                    if (p.institution && !p.institution->exact)
                        details += wxString::Format(_("Line %d: \"%s\" may be \"%s\"\n"), p.row.line,
                                                    U(p.row.institution), U(p.institution->name));
                }
                wxMessageDialog ask(this, _("Some rows look like people or institutions already known. Merge them?"),
                                    _("Import registrations"), wxYES_NO | wxCANCEL | wxICON_QUESTION);
                ask.SetExtendedMessage(details);
                ask.SetYesNoCancelLabels(_("Merge with the known records"), _("Create new records"), _("Cancel"));
                const int answer = ask.ShowModal();
                if (answer == wxID_CANCEL) return;
                options.confirm_merges = answer == wxID_YES;
                options.create_new = answer == wxID_NO;
            }
            const auto r = apply_import(db, owner_.event_id(), plan, options);
            context_.set_status(wxString::Format(_("%lld registrations imported, %lld rows skipped."),
                                                 static_cast<long long>(r.registrations),
                                                 static_cast<long long>(r.skipped)));
            context_.data_changed();
            owner_.reload();
        });
    }

    void export_file() {
        if (!owner_.event_id()) return;
        wxFileDialog save(this, _("Export registrations"), "", "registrations.xlsx",
                          _("Excel workbook (*.xlsx)|*.xlsx|CSV (*.csv)|*.csv"), wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
        if (save.ShowModal() != wxID_OK) return;
        guarded(this, [&] {
            const auto rows = registration_rows(context_.database(), owner_.event_id(), false);
            const auto path = save.GetPath().utf8_string();
            if (save.GetFilterIndex() == 0)
                write_xlsx(path, rows, tr("Registrations"));
            else
                write_csv(path, rows);
            context_.set_status(wxString::Format(_("Saved %s."), save.GetPath()));
        });
    }

    ui::UiContext& context_;
    EventTabs& owner_;
    wxStaticText* summary_;
    RegistrationList* list_;
};

// --- Check-in --------------------------------------------------------------------------
class CheckInTab : public wxPanel {
public:
    CheckInTab(wxWindow* parent, ui::UiContext& context, EventTabs& owner)
        : wxPanel(parent), context_(context), owner_(owner) {
        // The door: a search box that filters as one types (Enter checks in the first
        // match), the matches, and below a one-line walk-in form.
        auto* sizer = new wxBoxSizer(wxVERTICAL);
        search_ = new wxSearchCtrl(this, wxID_ANY, "", wxDefaultPosition, wxDefaultSize, wxTE_PROCESS_ENTER);
        search_->SetDescriptiveText(_("Type a name, an email or an institution"));
        sizer->Add(search_, 0, wxEXPAND | wxALL, 6);
        list_ = new RegistrationList(this, context, "exchange.checkin", false);
        sizer->Add(list_, 1, wxEXPAND);
        auto* check = new wxButton(this, wxID_ANY, _("Check in (Enter)"));
        sizer->Add(check, 0, wxALL, 6);

        auto* title = new wxStaticText(this, wxID_ANY, "");
        title->SetFont(title->GetFont().Bold());
        title->SetLabel(_("Walk-in (not registered)"));
        sizer->Add(title, 0, wxLEFT | wxRIGHT | wxTOP, 6);
        auto* row = new wxBoxSizer(wxHORIZONTAL);
        auto field = [&](const wxString& hint, int proportion) {
            auto* t = new wxTextCtrl(this, wxID_ANY);
            t->SetHint(hint);
            row->Add(t, proportion, wxRIGHT, 6);
            return t;
        };
        first_ = field(_("First name"), 2);
        last_ = field(_("Last name"), 2);
        email_ = field(_("Email"), 3);
        institution_ = field(_("Institution"), 3);
        auto* add = new wxButton(this, wxID_ANY, _("Add and mark attended"));
        row->Add(add, 0);
        sizer->Add(row, 0, wxEXPAND | wxALL, 6);
        SetSizer(sizer);

        search_->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { search(); });
        search_->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) { check_in(); });
        list_->list()->Bind(wxEVT_DATAVIEW_ITEM_ACTIVATED, [this](wxDataViewEvent&) { check_in(); });
        check->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { check_in(); });
        add->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { walk_in(); });
    }
    void load(int64_t) { search(); }

private:
    void search() {
        if (!owner_.event_id()) {
            list_->set_rows({}, {}, {});
            return;
        }
        auto& db = context_.database();
        auto rows = RegistrationService(db).search(owner_.event_id(), search_->GetValue().utf8_string(), 50);
        list_->set_rows(std::move(rows), sector_labels(db, context_.language()), table_numbers(db, owner_.event_id()));
        if (list_->size() > 0) list_->select_id(list_->list()->id_at(0));
    }
    void check_in() {
        const auto* r = list_->selected();
        if (!r) return;
        const auto id = r->id;
        const auto name = U(r->person_name);
        if (guarded(this, [&] { RegistrationService(context_.database()).check_in(id); })) {
            context_.set_status(wxString::Format(_("%s checked in."), name));
            context_.data_changed();
            search_->Clear();
            search_->SetFocus();
        }
    }
    void walk_in() {
        if (!owner_.event_id()) return;
        auto& db = context_.database();
        WalkIn w;
        w.first_name = first_->GetValue().utf8_string();
        w.last_name = last_->GetValue().utf8_string();
        w.email = email_->GetValue().utf8_string();
        const auto inst = institution_->GetValue().utf8_string();
        if (auto m = match_institution(db, inst); m && m->similarity == 1.0)
            w.institution_id = m->institution_id;
        else
            w.institution_text = inst;
        if (guarded(this, [&] { RegistrationService(db).walk_in(owner_.event_id(), w); })) {
            context_.set_status(wxString::Format(_("%s added and checked in."), U(w.first_name + " " + w.last_name)));
            for (auto* t : {first_, last_, email_, institution_}) t->Clear();
            context_.data_changed();
            search();
        }
    }

    ui::UiContext& context_;
    EventTabs& owner_;
    wxSearchCtrl* search_;
    RegistrationList* list_;
    wxTextCtrl *first_, *last_, *email_, *institution_;
};

// --- Outputs ---------------------------------------------------------------------------
class OutputsTab : public wxPanel {
public:
    OutputsTab(wxWindow* parent, ui::UiContext& context, EventTabs& owner)
        : wxPanel(parent), context_(context), owner_(owner) {
        auto* sizer = new wxBoxSizer(wxVERTICAL);
        sizer->Add(new wxStaticText(this, wxID_ANY, _("Publications from this event")), 0, wxALL, 6);
        list_ = new ui::ListPanel(this, &context,
                                  {.id = "exchange.publications",
                                   .title = _("Publications from this event"),
                                   .columns = {{_("Title"), 300},
                                               {_("Collection"), 160},
                                               {_("Number"), 60},
                                               {_("Date"), 100, ui::ColumnKind::Date},
                                               {_("Copies"), 70, ui::ColumnKind::Integer}}});
        sizer->Add(list_, 1, wxEXPAND);
        auto* buttons = new wxBoxSizer(wxHORIZONTAL);
        auto* pub = new wxButton(this, wxID_ANY, _("Add a publication..."));
        auto* certs = new wxButton(this, wxID_ANY, _("Attendance certificates..."));
        auto* sheet = new wxButton(this, wxID_ANY, _("Sign-in sheet..."));
        buttons->Add(pub, 0, wxRIGHT, 6);
        buttons->Add(certs, 0, wxRIGHT, 6);
        buttons->Add(sheet, 0);
        sizer->Add(buttons, 0, wxALL, 6);
        SetSizer(sizer);
        pub->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { add_publication(); });
        certs->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { certificates(); });
        sheet->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { sign_in_sheet(); });
    }
    void load(int64_t event_id) {
        auto rows = std::make_shared<ui::TableRowSource>();
        list_->set_source(rows);
        if (!event_id) return;
        EventRepository events(context_.database());
        for (const auto& p : events.publications()) {
            const auto linked = events.publication_events(p.id);
            if (std::find(linked.begin(), linked.end(), event_id) == linked.end()) continue;
            rows->add(p.id, {U(p.title), U(p.collection), U(p.number), ui::display_date(p.date),
                             p.copies ? wxString::Format("%lld", static_cast<long long>(*p.copies)) : wxString()});
        }
        list_->set_source(rows);
    }

private:
    void add_publication() {
        if (!owner_.event_id()) return;
        wxTextEntryDialog title(this, _("Title of the publication:"), _("Add a publication"));
        if (title.ShowModal() != wxID_OK || title.GetValue().Trim().empty()) return;
        wxTextEntryDialog number(this, _("Number in the collection (optional):"), _("Add a publication"));
        number.ShowModal();
        if (guarded(this, [&] {
                EventRepository events(context_.database());
                Publication p;
                p.title = title.GetValue().utf8_string();
                p.number = number.GetValue().utf8_string();
                context_.database().write(wxString::Format(_("Add the publication %s"), title.GetValue()).utf8_string(), [&] { events.link_publication(events.add_publication(p), owner_.event_id()); });
            }))
            owner_.reload();
    }
    void certificates() {
        if (!owner_.event_id()) return;
        wxDirDialog dir(this, _("Folder for the certificates"));
        if (dir.ShowModal() != wxID_OK) return;
        guarded(this, [&] {
            const auto files =
                write_certificates(context_.database(), owner_.event_id(), std::nullopt, dir.GetPath().utf8_string(), true);
            wxString text = wxString::Format(_("%zu certificates written."), files.html.size());
            if (!files.pdf_tool_found) text += " " + _("chromium is not installed: HTML only.");
            context_.set_status(text);
        });
    }
    void sign_in_sheet() {
        if (!owner_.event_id()) return;
        wxFileDialog save(this, _("Sign-in sheet"), "", "sign-in-sheet.html", _("HTML page (*.html)|*.html"),
                          wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
        if (save.ShowModal() != wxID_OK) return;
        guarded(this, [&] {
            std::ofstream(save.GetPath().utf8_string(), std::ios::binary)
                << sign_in_sheet_html(context_.database(), owner_.event_id());
            context_.set_status(wxString::Format(_("Saved %s."), save.GetPath()));
        });
    }

    ui::UiContext& context_;
    EventTabs& owner_;
    ui::ListPanel* list_;
};

// --- Figures ---------------------------------------------------------------------------
class FiguresTab : public wxPanel {
public:
    FiguresTab(wxWindow* parent, ui::UiContext& context) : wxPanel(parent), context_(context) {
        auto* sizer = new wxBoxSizer(wxVERTICAL);
        text_ = new wxTextCtrl(this, wxID_ANY, "", wxDefaultPosition, wxSize(-1, 150),
                               wxTE_MULTILINE | wxTE_READONLY | wxTE_WORDWRAP);
        sizer->Add(text_, 0, wxEXPAND | wxALL, 6);
        chart_ = new ui::ChartPanel(this, ui::ChartPanel::Kind::Bar);
        sizer->Add(chart_, 1, wxEXPAND | wxALL, 6);
        SetSizer(sizer);
    }
    void load(int64_t event_id) {
        if (!event_id) {
            text_->Clear();
            chart_->set_data(_("Participants by sector"), {});
            return;
        }
        const auto f = event_figures(context_.database(), event_id, context_.language());
        std::string text = event_sentence(f) + "\n";
        if (!f.institutions.rows.empty()) text += tr("Institutions: ") + join_with_counts(f.institutions) + "\n";
        for (const auto& t : f.tables)
            text += fmt::format(fmt::runtime(tr("Table {n} ({title}): {participants} participants, {facilitators} "
                                                "facilitators")),
                                fmt::arg("n", t.position), fmt::arg("title", t.title),
                                fmt::arg("participants", t.participants), fmt::arg("facilitators", t.facilitators)) +
                    "\n";
        text_->SetValue(U(text));
        chart_->set_chart(split_chart(f.sectors, tr("Participants by sector")));
    }

private:
    ui::UiContext& context_;
    wxTextCtrl* text_;
    ui::ChartPanel* chart_;
};

// --- The notebook ----------------------------------------------------------------------
EventTabs::EventTabs(wxWindow* parent, ui::UiContext& context) : wxNotebook(parent, wxID_ANY), context_(context) {
    committee_ = new CommitteeTab(this, context);
    tables_ = new TablesTab(this, context, *this);
    registrations_ = new RegistrationsTab(this, context, *this);
    checkin_ = new CheckInTab(this, context, *this);
    outputs_ = new OutputsTab(this, context, *this);
    figures_ = new FiguresTab(this, context);
    AddPage(committee_, _("Committee"));
    AddPage(tables_, _("Tables"));
    AddPage(registrations_, _("Registrations"));
    AddPage(checkin_, _("Check-in"));
    AddPage(outputs_, _("Outputs"));
    AddPage(figures_, _("Figures"));
}

void EventTabs::set_event(int64_t event_id) {
    event_id_ = event_id;
    reload();
}

void EventTabs::reload() {
    guarded(this, [&] {
        committee_->load(event_id_);
        tables_->load(event_id_);
        registrations_->load(event_id_);
        checkin_->load(event_id_);
        outputs_->load(event_id_);
        figures_->load(event_id_);
    });
}

}  // namespace maillage::exchange
