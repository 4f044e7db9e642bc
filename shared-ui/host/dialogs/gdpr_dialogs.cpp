#include "gdpr_dialogs.h"

#include "long_work.h"

#include "shared-ui/messages.h"

#include "core/database.h"
#include "core/error.h"
#include "core/gdpr.h"
#include "core/people.h"

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/filepicker.h>
#include <wx/radiobox.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/stdpaths.h>
#include <wx/textctrl.h>

#include <wx/utils.h>

#include <cctype>
#include <fstream>

namespace maillage::ui {
namespace {
wxString u8(const std::string& s) { return wxString::FromUTF8(s); }

std::string display_name(Database& db, int64_t person) {
    const auto p = PersonRepository(db).get(person);
    if (!p) throw Error(_("This person no longer exists.").utf8_string());
    return p->display_name();
}

int64_t count(Database& db, const char* sql, int64_t person) {
    SQLite::Statement q(db.sql(), sql);
    q.bind(1, person);
    return q.executeStep() ? q.getColumn(0).getInt64() : 0;
}

wxStaticText* wrapped(wxWindow* parent, const wxString& text, int width) {
    auto* label = new wxStaticText(parent, wxID_ANY, text);
    label->Wrap(width);
    return label;
}

// A safe file name from a person's name ("Leila Benali" -> "leila-benali").
// Cancel, then the dialog's own action (wxID_OK, named `name`) at the right; Enter presses the action
// when `action_is_default`, else Cancel (erasing for good). Returns the action.
wxButton* add_buttons(wxDialog* dialog, wxSizer* sizer, const wxString& action, const char* name,
                      bool action_is_default) {
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    buttons->AddStretchSpacer();
    auto* cancel = new wxButton(dialog, wxID_CANCEL, _("Cancel"));
    auto* ok = new wxButton(dialog, wxID_OK, action);
    ok->SetName(name);
    (action_is_default ? ok : cancel)->SetDefault();
    buttons->Add(cancel, 0, wxRIGHT, 8);
    buttons->Add(ok);
    sizer->Add(buttons, 0, wxEXPAND | wxALL, 12);
    return ok;
}

std::string slug(const std::string& name) {
    std::string out;
    for (unsigned char c : name) {
        if (std::isalnum(c)) out += char(std::tolower(c));
        else if (c >= 0x80) out += char(c);
        else if (!out.empty() && out.back() != '-') out += '-';
    }
    while (!out.empty() && out.back() == '-') out.pop_back();
    return out.empty() ? "person" : out;
}
}  // namespace

void finish_dialog(wxDialog* dialog, int code) {
    if (dialog->IsModal()) {
        dialog->EndModal(code);
    } else {
        dialog->SetReturnCode(code);
        dialog->Hide();
    }
}

GdprExportDialog::GdprExportDialog(wxWindow* parent, Database& db, int64_t person_id)
    : wxDialog(parent, wxID_ANY, _("Export personal data"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      db_(db), person_(person_id) {
    SetName("gdpr_export_dialog");
    const auto name = display_name(db, person_id);
    const int width = FromDIP(520);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    auto* title = new wxStaticText(this, wxID_ANY, wxString::Format(_("Everything Maillage holds about %s"), u8(name)));
    title->SetFont(title->GetFont().Bold());
    sizer->Add(title, 0, wxALL, 12);
    sizer->Add(wrapped(this,
                       _("Identity, roles, jobs, participations (with the institution and sector of the time), "
                         "evaluations that are not anonymous, notes in other records that name this person, and the "
                         "history of changes about them. Give the file to the person who asked for it (GDPR right "
                         "of access). The export itself is recorded in the history of changes."),
                       width),
               0, wxLEFT | wxRIGHT | wxBOTTOM, 12);
    const wxString formats[] = {_("A page to read or print (HTML)"), _("A data file for another program (JSON)")};
    format_ = new wxRadioBox(this, wxID_ANY, _("Format"), wxDefaultPosition, wxDefaultSize, 2, formats, 1,
                             wxRA_SPECIFY_COLS);
    format_->SetName("format");
    sizer->Add(format_, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, 12);
    sizer->Add(new wxStaticText(this, wxID_ANY, _("Save as")), 0, wxLEFT | wxRIGHT, 12);
    const auto documents = std::filesystem::path(wxStandardPaths::Get().GetDocumentsDir().utf8_string());
    file_ = new wxFilePickerCtrl(this, wxID_ANY, u8((documents / ("personal-data-" + slug(name) + ".html")).string()),
                                 _("Save the personal data as"), _("HTML pages (*.html)|*.html|JSON files (*.json)|*.json"),
                                 wxDefaultPosition, wxSize(width, -1),
                                 wxFLP_SAVE | wxFLP_OVERWRITE_PROMPT | wxFLP_USE_TEXTCTRL);
    file_->SetName("file");
    // The generic picker does not always show the initial path in its text field.
    file_->GetTextCtrl()->ChangeValue(file_->GetPath());
    sizer->Add(file_, 0, wxEXPAND | wxALL, 12);
    add_buttons(this, sizer, _("Export"), "export", true);
    SetSizerAndFit(sizer);
    format_->Bind(wxEVT_RADIOBOX, [this](wxCommandEvent&) { on_format(); });
    Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (export_now()) finish_dialog(this, wxID_OK);
    }, wxID_OK);
}

void GdprExportDialog::on_format() {
    std::filesystem::path path(file_->GetPath().utf8_string());
    if (path.empty()) return;
    path.replace_extension(format_->GetSelection() == 0 ? ".html" : ".json");
    file_->SetPath(u8(path.string()));
}

bool GdprExportDialog::export_now() {
    const std::filesystem::path target(file_->GetPath().Strip(wxString::both).utf8_string());
    if (target.empty() || !target.has_filename()) {
        show_error(this, _("Choose the file to save the personal data in."));
        return false;
    }
    return guarded(this, _("The personal data could not be exported"), [&] {
        const auto data = export_person(db_, person_);
        const auto text = format_->GetSelection() == 0 ? person_export_html(data) : data.dump(2) + "\n";
        // Written whole, then renamed: a failed export never leaves half a file.
        auto tmp = target;
        tmp += ".tmp";
        {
            std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
            out << text;
            out.close();
            if (!out) throw Error(wxString::Format(_("Cannot write %s."), u8(tmp.string())).utf8_string());
        }
        std::error_code ec;
        std::filesystem::rename(tmp, target, ec);
        if (ec) throw Error(wxString::Format(_("Cannot write %s."), u8(target.string())).utf8_string());
        written_ = target;
    });
}

GdprEraseDialog::GdprEraseDialog(wxWindow* parent, Database& db, int64_t person_id)
    : wxDialog(parent, wxID_ANY, _("Erase a person"), wxDefaultPosition, wxDefaultSize, wxDEFAULT_DIALOG_STYLE),
      db_(db), person_(person_id) {
    SetName("gdpr_erase_dialog");
    const auto person = PersonRepository(db).get(person_id);
    if (!person) throw Error(_("This person no longer exists.").utf8_string());
    const auto name = u8(person->display_name());
    const int width = FromDIP(520);
    const auto jobs = count(db, "SELECT count(*) FROM employment WHERE person_id = ?", person_id);
    const auto participations = count(db, "SELECT count(*) FROM attendance WHERE person_id = ?", person_id);
    const auto evaluations = count(db, "SELECT count(*) FROM response WHERE person_id = ?", person_id);

    auto* sizer = new wxBoxSizer(wxVERTICAL);
    auto* title = new wxStaticText(
        this, wxID_ANY,
        person->email.empty() ? wxString::Format(_("Erase %s from this database?"), name)
                              : wxString::Format(_("Erase %s (%s) from this database?"), name, u8(person->email)));
    title->SetFont(title->GetFont().Bold());
    sizer->Add(title, 0, wxALL, 12);
    auto* goes = new wxStaticText(this, wxID_ANY, _("What is erased"));
    goes->SetFont(goes->GetFont().Bold());
    sizer->Add(goes, 0, wxLEFT | wxRIGHT, 12);
    // The bullet is added here: msgids stay ASCII, whatever the C library's locale.
    const wxString bullet = wxString::FromUTF8("\xE2\x80\xA2 ");
    wxString gone = bullet + wxString::Format(_("the name, email, phone and notes of %s"), name);
    if (jobs > 0)
        gone << "\n" << bullet
             << wxString::Format(wxPLURAL("%lld job in the employment history", "%lld jobs in the employment history",
                                          jobs),
                                 static_cast<long long>(jobs));
    if (evaluations > 0)
        gone << "\n" << bullet
             << wxString::Format(wxPLURAL("the name on %lld evaluation (the answers stay, anonymous)",
                                          "the name on %lld evaluations (the answers stay, anonymous)", evaluations),
                                 static_cast<long long>(evaluations));
    gone << "\n" << bullet << _("the name, email or phone wherever other records mention them");
    sizer->Add(wrapped(this, gone, width), 0, wxALL, 12);
    auto* stays = new wxStaticText(this, wxID_ANY, _("What stays"));
    stays->SetFont(stays->GetFont().Bold());
    sizer->Add(stays, 0, wxLEFT | wxRIGHT, 12);
    const wxString kept =
        bullet +
        wxString::Format(wxPLURAL("%lld participation, anonymous, with the institution and sector of the time, so past "
                                  "figures and reports do not change",
                                  "%lld participations, anonymous, with the institution and sector of the time, so "
                                  "past figures and reports do not change",
                                  participations),
                         static_cast<long long>(participations)) +
        "\n" + bullet +
        _("older backups, until they are replaced (automatic ones within 12 months); restoring one erases this "
          "person again");
    sizer->Add(wrapped(this, kept, width), 0, wxALL, 12);
    understood_ = new wxCheckBox(this, wxID_ANY,
                                 wxString::Format(_("I understand that %s is erased for good: this cannot be undone."), name));
    understood_->SetName("understood");
    sizer->Add(understood_, 0, wxALL, 12);
    auto* erase = add_buttons(this, sizer, _("Erase"), "erase", false);
    erase->Disable();
    SetSizerAndFit(sizer);
    understood_->Bind(wxEVT_CHECKBOX, [erase](wxCommandEvent& e) { erase->Enable(e.IsChecked()); });
    Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (understood_->IsChecked() && erase_now()) finish_dialog(this, wxID_OK);
    }, wxID_OK);
}

bool GdprEraseDialog::erase_now() {
    bool finished = false;
    const bool ok = guarded(this, _("The person could not be erased; nothing was changed"),
                            [&] { finished = erase_with_progress(this, db_, {person_}); });
    stopped_ = ok && !finished;
    if (stopped_) finish_dialog(this, wxID_CANCEL);  // the user stopped it: nothing was erased
    return ok && finished;
}

}  // namespace maillage::ui
