#pragma once
// Deleting and merging records from the core pages: each asks first (saying what goes
// with the record), refuses with the reason and the ways out, and is undoable from
// Edit > Undo (GDPR erasure excepted, which says so).
#include "shared-ui/plugin_ui.h"

#include <wx/dialog.h>

#include <cstdint>
#include <optional>

class wxStaticText;

namespace maillage::ui {

class PersonPicker;

// Deletes the person after confirmation. When refused (attendance, other records), says
// why and offers merging into another person or erasure (GDPR). True when the database
// changed.
bool delete_person_asked(wxWindow* parent, UiContext& context, int64_t person_id);
// Merges two people: when `keep` is true, `person_id` stays and the duplicate is chosen;
// else `person_id` is the duplicate, folded into the person chosen. Returns the id kept
// when merged.
std::optional<int64_t> merge_person_asked(wxWindow* parent, UiContext& context, int64_t person_id, bool keep);
// Deletes the institution after confirmation, or says what refers to it.
bool delete_institution_asked(wxWindow* parent, UiContext& context, int64_t institution_id);

// Choosing the other person of a merge with a PersonPicker; shows what will move. Named
// "merge_people"; the picker "merge_picker", the text "merge_summary", OK "merge".
class MergePeopleDialog : public wxDialog {
public:
    MergePeopleDialog(wxWindow* parent, Database& db, int64_t person_id, bool keep);
    PersonPicker* picker() { return picker_; }
    std::optional<int64_t> other() const { return other_; }
    // Duplicate and kept person once a choice is made.
    int64_t duplicate() const { return keep_ ? *other_ : person_id_; }
    int64_t kept() const { return keep_ ? person_id_ : *other_; }

private:
    void chosen(int64_t id);
    Database& db_;
    int64_t person_id_;
    bool keep_;
    std::optional<int64_t> other_;
    PersonPicker* picker_ = nullptr;
    wxStaticText* summary_ = nullptr;
};

}  // namespace maillage::ui
