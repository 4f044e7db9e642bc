#pragma once
// The one way pages and the host tell the user about errors, warnings and information.
// A warning is not an error: rules that users sometimes break on purpose ask whether to
// continue and for the reason, which the caller records.
#include <wx/dialog.h>
#include <wx/sizer.h>
#include <wx/string.h>
#include <wx/window.h>

#include <functional>
#include <optional>

namespace maillage::ui {

// Shows an error (something was refused or failed); `detail` is the technical part.
void show_error(wxWindow* parent, const wxString& message, const wxString& detail = {});
void show_info(wxWindow* parent, const wxString& message);

// Shows a warning and asks "continue anyway?". Returns the reason the user typed when
// they continue (never empty when reason_required), nullopt when they cancel.
std::optional<wxString> confirm_warning(wxWindow* parent, const wxString& warning, bool reason_required = true);

// A yes/no question whose "yes" button says what it does ("Merge", "Restore"...).
bool confirm(wxWindow* parent, const wxString& question, const wxString& yes_label);

// Asks before an action that destroys or overwrites work: `question` names it ("Cancel
// the session of 12/03/2025?"), `consequence` says what goes with it and whether it can
// be taken back. The safe answer is the default; `yes_label` says what the action does.
bool confirm_destructive(wxWindow* parent, const wxString& question, const wxString& consequence,
                         const wxString& yes_label);

// For tests: answers every confirm() and confirm_destructive() instead of a dialog, and
// sees the question asked. Pass nullptr to restore dialogs.
using ConfirmHook = std::function<bool(const wxString& question)>;
void set_confirm_hook(ConfirmHook hook);

// Runs fn and shows whatever it throws as an error, prefixed with `what` ("Could not
// save the institution"). Returns false when fn threw. Used around every call into
// plugin code and every database write started by the user.
bool guarded(wxWindow* parent, const wxString& what, const std::function<void()>& fn);

// OK and Cancel buttons labelled in the UI language (GTK's stock labels follow the
// system locale instead, which may differ from the language chosen in Maillage).
wxSizer* ok_cancel_buttons(wxDialog* dialog);

// The message of the exception being handled (call inside a catch block).
wxString current_exception_message();

// Without a user to click (screenshot mode, tests), errors go to this sink instead of
// a dialog, and questions are answered "no". Pass nullptr to restore dialogs.
using ErrorSink = std::function<void(const wxString& message)>;
void set_non_interactive(ErrorSink sink);
bool non_interactive();

}  // namespace maillage::ui
