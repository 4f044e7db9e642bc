#pragma once
// The dialogs of an accompaniment's life, shared by the board and the accompaniment
// page: the intake questionnaire, the decision, a phase change (dated, with the rules'
// refusals shown as you choose), reopening, a guide step, a session (the two-staff
// warning shows as the staff is ticked), a hire, a document. Each writes one undoable
// change named for Edit > Undo; a refusal is shown in the dialog, which keeps the input.
#include <cstdint>
#include <string>
#include "core/today.h"
#include "shared-ui/fwd.h"

namespace maillage::pat {

// Each returns true when the change was recorded (the caller refreshes).
bool record_intake_dialog(wxWindow* parent, ui::UiContext& context, int64_t accompaniment_id);
bool decision_dialog(wxWindow* parent, ui::UiContext& context, int64_t accompaniment_id);
// `target` preselects the phase (a card dropped on a column); empty lets the user choose.
// Moving to Accompaniment before the request is accepted asks for the decision first;
// moving to Hired before a hire is recorded asks for the hire first; a closed
// accompaniment is reopened (with a reason) instead.
bool change_phase_dialog(wxWindow* parent, ui::UiContext& context, int64_t accompaniment_id,
                         const std::string& target = {});
bool reopen_dialog(wxWindow* parent, ui::UiContext& context, int64_t accompaniment_id);
bool step_dialog(wxWindow* parent, ui::UiContext& context, int64_t accompaniment_id, const std::string& step_code);
// session_id 0 adds a session.
bool session_dialog(wxWindow* parent, ui::UiContext& context, int64_t accompaniment_id, int64_t session_id = 0);
// hire_id 0 adds a hire.
bool hire_dialog(wxWindow* parent, ui::UiContext& context, int64_t accompaniment_id, int64_t hire_id = 0);
bool document_dialog(wxWindow* parent, ui::UiContext& context, int64_t accompaniment_id);

}  // namespace maillage::pat
