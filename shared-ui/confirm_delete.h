#pragma once
// Asking before a record is deleted, and saying why one cannot be. Both dialogs name what
// is concerned, what goes with it, and the ways out; their controls are named for tests:
// "confirm_delete" with buttons "delete" and "cancel"; "refuse_delete" with "choice0",
// "choice1"... and "close".
#include <wx/string.h>

#include <vector>

class wxWindow;

namespace maillage::ui {

// "Delete <what>?" with `consequences` (what goes with the record; may be empty) and the
// reminder that Edit > Undo brings it back. True when the user chose Delete; false in
// non-interactive mode.
bool confirm_delete(wxWindow* parent, const wxString& what, const wxString& consequences);

// Says why the record cannot be deleted (`refusal`, a sentence) and offers `choices`
// (button labels such as "Merge into another person…"). Returns the index chosen, or -1
// when closed (always -1 in non-interactive mode, where the refusal goes to the sink).
int refuse_delete(wxWindow* parent, const wxString& refusal, const std::vector<wxString>& choices);

}  // namespace maillage::ui
