#include "shared-ui/messages.h"

#include "core/error.h"

#include <SQLiteCpp/Exception.h>
#include <wx/button.h>
#include <wx/dialog.h>
#include <wx/intl.h>
#include <wx/msgdlg.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <exception>

namespace maillage::ui {
namespace {
ErrorSink& sink() {
    static ErrorSink s;
    return s;
}
ConfirmHook& confirm_hook() {
    static ConfirmHook h;
    return h;
}
}  // namespace

void set_non_interactive(ErrorSink s) { sink() = std::move(s); }
bool non_interactive() { return static_cast<bool>(sink()); }

void show_error(wxWindow* parent, const wxString& message, const wxString& detail) {
    if (sink()) {
        sink()(detail.empty() ? message : message + "\n" + detail);
        return;
    }
    wxMessageDialog dialog(parent, message, _("Maillage — error"), wxOK | wxICON_ERROR);
    if (!detail.empty()) dialog.SetExtendedMessage(detail);
    dialog.ShowModal();
}

void show_info(wxWindow* parent, const wxString& message) {
    if (sink()) return;
    wxMessageDialog(parent, message, _("Maillage"), wxOK | wxICON_INFORMATION).ShowModal();
}

std::optional<wxString> confirm_warning(wxWindow* parent, const wxString& warning, bool reason_required) {
    if (sink()) return std::nullopt;
    wxDialog dialog(parent, wxID_ANY, _("Maillage — warning"), wxDefaultPosition, wxDefaultSize,
                    wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    auto* text = new wxStaticText(&dialog, wxID_ANY, warning);
    text->Wrap(dialog.FromDIP(440));
    sizer->Add(text, 0, wxALL | wxEXPAND, 12);
    sizer->Add(new wxStaticText(&dialog, wxID_ANY,
                                reason_required ? _("Continue anyway? Say why (kept with the record):")
                                                : _("Continue anyway? Reason (optional):")),
               0, wxLEFT | wxRIGHT, 12);
    auto* reason = new wxTextCtrl(&dialog, wxID_ANY, {}, wxDefaultPosition, wxDefaultSize, wxTE_MULTILINE);
    reason->SetMinSize(dialog.FromDIP(wxSize(440, 70)));
    sizer->Add(reason, 1, wxALL | wxEXPAND, 12);
    auto* buttons = new wxStdDialogButtonSizer();
    auto* ok = new wxButton(&dialog, wxID_OK, _("Continue anyway"));
    buttons->AddButton(ok);
    buttons->AddButton(new wxButton(&dialog, wxID_CANCEL, _("Cancel")));
    buttons->Realize();
    sizer->Add(buttons, 0, wxALL | wxEXPAND, 8);
    dialog.SetSizerAndFit(sizer);
    if (reason_required) {
        ok->Disable();
        reason->Bind(wxEVT_TEXT, [ok, reason](wxCommandEvent&) { ok->Enable(!reason->GetValue().Trim().empty()); });
    }
    if (dialog.ShowModal() != wxID_OK) return std::nullopt;
    return reason->GetValue().Trim().Trim(false);
}

void set_confirm_hook(ConfirmHook hook) { confirm_hook() = std::move(hook); }

bool confirm_destructive(wxWindow* parent, const wxString& question, const wxString& consequence,
                         const wxString& yes_label) {
    if (confirm_hook()) return confirm_hook()(question);
    if (sink()) return false;
    wxMessageDialog dialog(parent, question, _("Maillage"), wxYES_NO | wxNO_DEFAULT | wxICON_WARNING);
    if (!consequence.empty()) dialog.SetExtendedMessage(consequence);
    dialog.SetYesNoLabels(yes_label, _("Go back"));
    return dialog.ShowModal() == wxID_YES;
}

bool confirm(wxWindow* parent, const wxString& question, const wxString& yes_label) {
    if (confirm_hook()) return confirm_hook()(question);
    if (sink()) return false;
    wxMessageDialog dialog(parent, question, _("Maillage"), wxYES_NO | wxNO_DEFAULT | wxICON_QUESTION);
    dialog.SetYesNoLabels(yes_label, _("Cancel"));
    return dialog.ShowModal() == wxID_YES;
}

wxSizer* ok_cancel_buttons(wxDialog* dialog) {
    auto* buttons = new wxStdDialogButtonSizer();
    buttons->AddButton(new wxButton(dialog, wxID_OK, _("OK")));
    buttons->AddButton(new wxButton(dialog, wxID_CANCEL, _("Cancel")));
    buttons->Realize();
    return buttons;
}

wxString current_exception_message() {
    try {
        throw;
    } catch (const Error& e) {
        return wxString::FromUTF8(e.what());
    } catch (const SQLite::Exception& e) {
        return wxString::Format(_("Database error: %s"), wxString::FromUTF8(e.what()));
    } catch (const std::exception& e) {
        return wxString::Format(_("Unexpected error: %s"), wxString::FromUTF8(e.what()));
    } catch (...) {
        return _("Unknown error.");
    }
}

bool guarded(wxWindow* parent, const wxString& what, const std::function<void()>& fn) {
    try {
        fn();
        return true;
    } catch (...) {
        const wxString message = current_exception_message();
        show_error(parent, what.empty() ? message : what, what.empty() ? wxString() : message);
        return false;
    }
}

}  // namespace maillage::ui
