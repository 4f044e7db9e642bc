#include "record_actions.h"

#include "labels.h"
#include "../dialogs/long_work.h"

#include "shared-ui/confirm_delete.h"
#include "shared-ui/messages.h"
#include "shared-ui/pickers.h"

#include "core/database.h"
#include "core/gdpr.h"
#include "core/institutions.h"
#include "core/people.h"
#include "core/references.h"

#include <wx/button.h>
#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include <functional>

namespace maillage::ui {
namespace {

// "Leila Benali (leila.benali@example.org)": duplicates often share the name.
wxString who(const Person& p) {
    return p.email.empty() ? u8(p.display_name()) : wxString::Format("%s (%s)", u8(p.display_name()), u8(p.email));
}

wxString bullet_list(const std::vector<ReferenceCount>& counts) {
    wxString text;
    if (counts.empty()) return _("  (nothing refers to it yet)\n");
    for (const auto& c : counts)
        text << wxString::Format(wxString::FromUTF8("  • %s: %lld\n"), u8(c.what), static_cast<long long>(c.rows));
    return text;
}

// "With the person go:" and the list, or nothing when nothing goes with the record.
wxString goes_with(const wxString& heading, const std::vector<ReferenceCount>& counts) {
    return counts.empty() ? wxString() : heading + "\n" + bullet_list(counts);
}

// The end of every delete here: confirm naming what goes with it, remove in one undoable step, tell.
bool confirm_and_remove(wxWindow* parent, UiContext& context, const wxString& name, const wxString& consequences,
                        const wxString& failure, const wxString& done, const std::function<void()>& remove) {
    if (!confirm_delete(parent, name, consequences)) return false;
    if (!guarded(parent, failure, remove)) return false;
    context.data_changed();
    context.set_status(done);
    return true;
}

bool erase_person_asked(wxWindow* parent, UiContext& context, int64_t id) {
    const auto person = PersonRepository(context.database()).get(id);
    if (!person) return false;
    const wxString question = wxString::Format(
        _("Erase %s (GDPR)?\n\nTheir name, contact details and notes are removed for good; their participations stay "
          "in the figures without a name. This cannot be undone."),
        u8(person->display_name()));
    if (!confirm(parent, question, _("Erase"))) return false;
    bool finished = false;
    if (!guarded(parent, _("The erasure failed; nothing was changed"),
                 [&] { finished = erase_with_progress(parent, context.database(), {id}); }))
        return false;
    if (!finished) {
        context.set_status(_("Erasure stopped; nothing was erased."));
        return false;
    }
    context.data_changed();
    context.set_status(_("Erased. This cannot be undone."));
    return true;
}

}  // namespace

MergePeopleDialog::MergePeopleDialog(wxWindow* parent, Database& db, int64_t person_id, bool keep)
    : wxDialog(parent, wxID_ANY, _("Merge two people"), wxDefaultPosition, wxDefaultSize, wxDEFAULT_DIALOG_STYLE,
               "merge_people"),
      db_(db), person_id_(person_id), keep_(keep) {
    const auto person = PersonRepository(db).get(person_id);
    const wxString name = person ? who(*person) : wxString();
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    auto* prompt = new wxStaticText(
        this, wxID_ANY,
        keep ? wxString::Format(_("%s stays. Choose the duplicate record to fold into it:"), name)
             : wxString::Format(_("%s is the duplicate. Choose the person who stays:"), name));
    prompt->Wrap(FromDIP(460));
    sizer->Add(prompt, 0, wxALL, 12);
    picker_ = new PersonPicker(this, db);
    picker_->SetName("merge_picker");
    sizer->Add(picker_, 0, wxEXPAND | wxLEFT | wxRIGHT, 12);
    summary_ = new wxStaticText(this, wxID_ANY, wxString(), wxDefaultPosition, FromDIP(wxSize(460, 120)),
                                wxST_NO_AUTORESIZE, "merge_summary");
    sizer->Add(summary_, 1, wxEXPAND | wxALL, 12);
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    buttons->AddStretchSpacer();
    auto* ok =
        new wxButton(this, wxID_OK, _("Merge"), wxDefaultPosition, wxDefaultSize, 0, wxDefaultValidator, "merge");
    ok->Disable();
    buttons->Add(ok, 0, wxLEFT, 6);
    buttons->Add(new wxButton(this, wxID_CANCEL, _("Cancel"), wxDefaultPosition, wxDefaultSize, 0, wxDefaultValidator,
                              "cancel"),
                 0, wxLEFT, 6);
    sizer->Add(buttons, 0, wxEXPAND | wxALL, 10);
    SetSizerAndFit(sizer);
    picker_->on_chosen([this](const PickerItem& item) { chosen(item.id); });
    CentreOnParent();
}

void MergePeopleDialog::chosen(int64_t id) {
    auto* ok = FindWindow(wxID_OK);
    if (id == person_id_) {
        other_.reset();
        summary_->SetLabel(_("Choose another person: a record cannot be merged with itself."));
        ok->Disable();
        return;
    }
    other_ = id;
    PersonRepository people(db_);
    const auto dup = people.get(duplicate()), kept_person = people.get(kept());
    if (!dup || !kept_person) return;
    wxString text = wxString::Format(_("%s will be deleted; what refers to them moves to %s:"),
                                     who(*dup), who(*kept_person));
    text << "\n" << bullet_list(count_references(db_, "person", dup->id));
    text << _("Details missing on the record kept are taken from the duplicate. Edit > Undo brings it back.");
    summary_->SetLabel(text);
    summary_->Wrap(FromDIP(460));
    ok->Enable();
    Layout();
}

std::optional<int64_t> merge_person_asked(wxWindow* parent, UiContext& context, int64_t person_id, bool keep) {
    MergePeopleDialog dialog(parent, context.database(), person_id, keep);
    if (dialog.ShowModal() != wxID_OK || !dialog.other()) return std::nullopt;
    const int64_t from = dialog.duplicate(), into = dialog.kept();
    if (!guarded(parent, _("The merge failed; nothing was changed"),
                 [&] { PersonRepository(context.database()).merge(from, into); }))
        return std::nullopt;
    context.data_changed();
    context.set_status(_("Merged. Edit > Undo brings the duplicate back."));
    return into;
}

bool delete_person_asked(wxWindow* parent, UiContext& context, int64_t person_id) {
    PersonRepository people(context.database());
    const auto person = people.get(person_id);
    if (!person) return false;
    const auto impact = people.delete_impact(person_id);
    if (!impact.allowed()) {
        const int choice = refuse_delete(parent, u8(impact.refusal),
                                         {_("Merge into another person…"), _("Erase (GDPR)…")});
        if (choice == 0) return merge_person_asked(parent, context, person_id, false).has_value();
        if (choice == 1) return erase_person_asked(parent, context, person_id);
        return false;
    }
    return confirm_and_remove(parent, context, u8(person->display_name()),
                              goes_with(_("With the person go:"), impact.goes_with), _("The person was not deleted"),
                              wxString::Format(_("Deleted %s."), u8(person->display_name())),
                              [&] { people.remove(person_id); });
}

bool delete_institution_asked(wxWindow* parent, UiContext& context, int64_t institution_id) {
    InstitutionRepository institutions(context.database());
    const auto institution = institutions.get(institution_id);
    if (!institution) return false;
    const auto impact = institutions.delete_impact(institution_id);
    if (!impact.allowed()) {
        refuse_delete(parent, u8(impact.refusal), {});
        return false;
    }
    return confirm_and_remove(parent, context, u8(institution->name),
                              goes_with(_("With the institution go:"), impact.goes_with),
                              _("The institution was not deleted"),
                              wxString::Format(_("Deleted “%s”."), u8(institution->name)),
                              [&] { institutions.remove(institution_id); });
}

}  // namespace maillage::ui
