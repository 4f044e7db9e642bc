#pragma once
// The dialogs of the events page: an event (new, edit, duplicate), a committee member,
// a committee meeting, a table, a registration, the web-form import with its preview,
// certificates, a publication. Each names its controls (SetName) so journey tests find
// them; each returns what the user chose, and the caller writes it in one
// Database::write with a label (undo).
#include "events.h"
#include "registration_import.h"
#include "registrations.h"

#include "core/sessions.h"
#include "shared-ui/fwd.h"
#include "shared-ui/virtual_list.h"

#include <wx/dialog.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace maillage::exchange {

// "event-dialog": every field of an event, its days (each with its times) and partners.
class EventDialog : public wxDialog {
public:
    enum class Mode { Create, Edit, Duplicate };
    // `event_id`: the event edited, or duplicated (0 with Create).
    EventDialog(wxWindow* parent, Database& db, const std::string& language, Mode mode, int64_t event_id = 0);
    // Writes the event (one labelled change) and returns its id. Throws maillage::Error.
    int64_t save();

private:
    struct Day {
        Session session;
        bool existing = false;
    };
    void add_day();
    void show_days();
    void show_partners();
    bool check();

    Database& db_;
    Mode mode_;
    int64_t event_id_;
    Event loaded_;
    std::vector<EventType> types_;
    std::vector<Day> days_;
    std::vector<int64_t> removed_days_;
    std::vector<std::pair<int64_t, std::string>> partners_;
    wxChoice *type_, *role_;
    ui::RecordChoice *programme_, *funder_;
    wxTextCtrl *title_, *theme_, *venue_, *objectives_, *start_, *end_;
    wxCheckListBox* languages_;
    wxSpinCtrl* capacity_;
    ui::DatePicker* date_;
    wxListBox *days_list_, *partners_list_;
    ui::InstitutionPicker* partner_;
};

// An institution taking part in an event: "committee-member-dialog" (a member
// institution and its representative) or "group-service-dialog" (a service taking part
// in a working group).
class InstitutionDialog : public wxDialog {
public:
    enum class Role { CommitteeMember, GroupService };
    InstitutionDialog(wxWindow* parent, Database& db, Role role);
    std::optional<int64_t> institution() const;
    std::optional<int64_t> person() const;  // the representative of a committee member

private:
    ui::InstitutionPicker* institution_;
    ui::PersonPicker* person_ = nullptr;
};

// A dialog on one part of an event (a meeting, a table, a registration): its window
// name (how the journey tests find it), the database and the event.
class EventPartDialog : public wxDialog {
public:
    EventPartDialog(wxWindow* parent, const wxString& title, const char* name, Database& db, int64_t event_id)
        : wxDialog(parent, wxID_ANY, title), db_(db), event_id_(event_id) {
        SetName(name);
    }

protected:
    Database& db_;
    int64_t event_id_;
};

// "committee-meeting-dialog": date, times, status, who was present, decisions.
class CommitteeMeetingDialog : public EventPartDialog {
public:
    CommitteeMeetingDialog(wxWindow* parent, Database& db, int64_t event_id);
    // Records the meeting, its attendance and decisions (one labelled change).
    int64_t save();

private:
    ui::DatePicker* date_;
    wxTextCtrl *start_, *end_, *decisions_;
    wxChoice* status_;
    ui::IdCheckList* present_;
};

// "table-dialog": title, question and facilitators of a table (new or edited).
class TableDialog : public EventPartDialog {
public:
    TableDialog(wxWindow* parent, Database& db, int64_t event_id, int64_t table_id = 0);
    int64_t save();

private:
    void show_facilitators();
    int64_t table_id_;
    std::vector<std::pair<int64_t, std::string>> facilitators_;
    std::vector<int64_t> initial_;
    wxTextCtrl *title_, *question_;
    ui::PersonPicker* picker_;
    wxListBox* list_;
};

// "register-dialog": a known person (or a new one), their role and table choice.
class RegisterDialog : public EventPartDialog {
public:
    RegisterDialog(wxWindow* parent, Database& db, int64_t event_id);
    // Registers (one labelled change); returns the registration.
    Registration save();

private:
    ui::PersonPicker* person_;
    wxChoice* role_;
    ui::RecordChoice* table_;
};

// "import-dialog": the web form's CSV, previewed row by row (who is new, who is known,
// who is registered already) before anything is written.
class ImportDialog : public wxDialog {
public:
    ImportDialog(wxWindow* parent, ui::UiContext& context, int64_t event_id);
    ImportResult save();
    const ImportPlan& plan() const { return plan_; }

private:
    void load();
    ui::UiContext& context_;
    int64_t event_id_;
    ImportPlan plan_;
    bool ready_ = false;
    wxTextCtrl* file_;
    wxStaticText* problem_;
    ui::ListPanel* preview_;
    wxChoice* merge_;
};

// "certificates-dialog": for everyone who attended or one person, HTML or PDF, where.
class CertificatesDialog : public wxDialog {
public:
    CertificatesDialog(wxWindow* parent, Database& db, int64_t event_id);
    std::optional<int64_t> person() const;  // nullopt: everyone who attended
    bool pdf() const;
    std::string folder() const;

private:
    std::vector<int64_t> people_;
    wxChoice *who_, *format_;
    wxTextCtrl* folder_;
};

// "publication-dialog": every field of a publication.
class PublicationDialog : public wxDialog {
public:
    PublicationDialog(wxWindow* parent, const Publication& publication);
    Publication publication() const;

private:
    Publication p_;
    wxTextCtrl *title_, *collection_, *number_, *languages_, *copies_, *link_, *notes_;
    ui::DatePicker* date_;
};

// A publication in a list (the event's, the year's): its columns (title, collection,
// number, date, copies) and its cells under them.
std::vector<ui::ListColumn> publication_columns();
std::vector<wxString> publication_cells(const Publication& p);
// Asks for the fields of publication `id` as recorded (0: a new one, dated `new_date`);
// nullopt when the user cancelled.
std::optional<Publication> ask_publication(wxWindow* parent, EventRepository& events, int64_t id,
                                           const std::string& new_date = {});
// The name of the change that saves `edited` ("Edit the publication …" or "Add …").
std::string publication_change(const Publication& edited, bool existing);

// "publications-dialog": every publication dated in a year (or undated), with the
// events it came from; add and edit them here.
class PublicationsDialog : public wxDialog {
public:
    PublicationsDialog(wxWindow* parent, ui::UiContext& context, int year);

private:
    void load();
    void edit(int64_t id);
    ui::UiContext& context_;
    wxSpinCtrl* year_;
    ui::ListPanel* list_;
};

// "save-file-dialog": where to save a file the page writes (an export, a calendar), in
// one of the formats offered (by its extension).
class SaveFileDialog : public wxDialog {
public:
    // `formats`: (label, extension without dot), the first proposed.
    SaveFileDialog(wxWindow* parent, const wxString& title, const std::string& base_name,
                   const std::vector<std::pair<wxString, std::string>>& formats);
    std::string path() const;       // UTF-8
    std::string extension() const;  // of the chosen path, lower case, without dot

private:
    wxFilePickerCtrl* file_;
};

// A choice of the roles (participant, facilitator...) by their translated names.
wxChoice* role_choice(wxWindow* parent, const std::string& selected = "participant");
std::string chosen_role(const wxChoice* choice);

}  // namespace maillage::exchange
