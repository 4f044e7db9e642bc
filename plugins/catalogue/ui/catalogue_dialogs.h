#pragma once
// The Trainings page's dialogs. Each is named (SetName) and so are its controls, for the
// journey test: "training-dialog", "day-dialog", "register-dialog", "new-person-dialog",
// "import-registrations-dialog" (with "duplicate-question"), "expectation-dialog",
// "certificates-dialog", "messages-dialog", "publish-dialog".
#include "catalogue_store.h"
#include "shared-ui/fwd.h"
#include "shared-ui/import_dialog.h"

#include <wx/dialog.h>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace maillage::catalogue {

// A training's, a day's or a registration's status in the UI language ("waiting" is
// "waiting list"); an unknown one as it is stored.
wxString status_label(const std::string& status);

// New or edit a training: code, titles, modules (their durations summed as they are
// ticked), seats, price, venue, languages, registration URL and deadline, status.
class TrainingDialog : public wxDialog {
public:
    // `existing` 0 for a new training of `edition` (or a custom one).
    TrainingDialog(wxWindow* parent, ui::UiContext& context, const std::string& edition, int64_t existing,
                   const std::optional<TrainingInput>& start = std::nullopt);
    TrainingInput value() const;

private:
    void update();
    ui::UiContext& context_;
    std::string edition_;
    int64_t existing_;
    std::vector<std::string> module_codes_;
    std::vector<int> module_minutes_;
    wxTextCtrl *code_, *title_fr_, *title_nl_, *venue_, *price_, *url_;
    wxChoice *kind_, *status_;
    ui::InstitutionPicker* institution_;
    wxCheckListBox *modules_, *languages_;
    wxSpinCtrl* seats_;
    ui::DatePicker* deadline_;
    wxStaticText *duration_, *problem_;
};

// Add or change a day: date, times, venue and trainers, with the pair, qualification,
// availability and double-booking checks shown as the trainers are ticked.
class DayDialog : public wxDialog {
public:
    DayDialog(wxWindow* parent, ui::UiContext& context, int64_t training_id, int64_t session_id);
    DayInput value() const;

private:
    void update();
    ui::UiContext& context_;
    int64_t training_id_, session_id_;
    ui::DatePicker* date_;
    wxTextCtrl *start_, *end_, *venue_;
    ui::IdCheckList* trainers_;
    wxStaticText *flags_, *problem_;
};

// Register a person: found with the person picker, or created ("New person…").
class RegisterDialog : public wxDialog {
public:
    RegisterDialog(wxWindow* parent, ui::UiContext& context);
    std::optional<int64_t> person() const;

private:
    ui::UiContext& context_;
    ui::PersonPicker* picker_;
};

// First and last name, e-mail, and (optionally) where the person works.
class NewPersonDialog : public wxDialog {
public:
    NewPersonDialog(wxWindow* parent, ui::UiContext& context, const wxString& typed);
    // Creates the person (one undoable change); nullopt and a message on a problem.
    std::optional<int64_t> create();

private:
    ui::UiContext& context_;
    wxTextCtrl *first_, *last_, *email_;
    ui::InstitutionPicker* institution_;
};

// The web site's registrations (CSV): the file, the duplicate question for each line
// that may be someone known, the preview of what the import does; OK imports.
class ImportRegistrationsDialog : public ui::ImportFileDialog {
public:
    ImportRegistrationsDialog(wxWindow* parent, ui::UiContext& context, const std::string& training_code);
    // Imports (one transaction); returns the report's summary, or "" when refused.
    wxString import();

private:
    void load() override;
    ui::UiContext& context_;
    std::string training_;
    std::string text_, file_;
    std::map<int, int64_t> same_person_;
};

// One participant's expectation, at the start of the training.
class ExpectationDialog : public wxDialog {
public:
    ExpectationDialog(wxWindow* parent, ui::UiContext& context, int64_t training_id);
    std::optional<int64_t> person() const;
    std::string text() const;

private:
    std::vector<int64_t> people_;
    wxChoice* person_;
    wxTextCtrl* text_;
};

// Certificates for everyone or one person, HTML and PDF, into a folder.
class CertificatesDialog : public wxDialog {
public:
    CertificatesDialog(wxWindow* parent, ui::UiContext& context, int64_t training_id);
    std::optional<int64_t> person() const;  // nullopt: everyone
    bool pdf() const;
    std::string folder() const;

private:
    std::vector<int64_t> people_;
    wxChoice* who_;
    wxCheckBox* pdf_;
    wxTextCtrl* folder_;
};

// Confirmation or reminder messages: .eml files or the SMTP server of the Preferences,
// with a dry run; the password is asked here and may be kept in the desktop keyring.
class MessagesDialog : public wxDialog {
public:
    MessagesDialog(wxWindow* parent, ui::UiContext& context);
    std::string kind() const;
    bool smtp() const;
    bool dry_run() const;
    std::string folder() const;
    std::string password() const;
    bool remember() const;

private:
    void update();
    ui::UiContext& context_;
    wxChoice *kind_, *channel_;
    wxTextCtrl *folder_, *password_;
    wxCheckBox *remember_, *dry_run_;
    wxStaticText *server_, *keyring_;
};

// Where to publish the catalogue (site, booklet, XML feed), with a preview first.
class PublishDialog : public wxDialog {
public:
    PublishDialog(wxWindow* parent, ui::UiContext& context, const std::string& edition);
    std::string folder() const;
    bool pdf() const;

private:
    wxTextCtrl* folder_;
    wxCheckBox* pdf_;
};

}  // namespace maillage::catalogue
