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

// What a delete says: the heading of what goes with the record, why it failed, and the
// status after it ("Deleted %s.", %s being the record's name).
struct DeleteTexts {
    wxString goes_with, failure, done;
};

// Deletes the record `id` of `repo` as every delete here does: refused with what still
// refers to it (`refused` gets the sentence and says what was done instead), else confirmed
// naming what goes with it, removed in one undoable step, and told.
template <class Repository, class Name, class Refused>
bool delete_asked(wxWindow* parent, UiContext& context, Repository repo, int64_t id, const DeleteTexts& texts,
                  Name name, Refused refused) {
    const auto record = repo.get(id);
    if (!record) return false;
    const auto impact = repo.delete_impact(id);
    if (!impact.allowed()) return refused(u8(impact.refusal));
    const wxString shown = name(*record);
    if (!confirm_delete(parent, shown, goes_with(texts.goes_with, impact.goes_with))) return false;
    if (!guarded(parent, texts.failure, [&] { repo.remove(id); })) return false;
    context.data_changed();
    context.set_status(wxString::Format(texts.done, shown));
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
    return delete_asked(parent, context, PersonRepository(context.database()), person_id,
                        {_("With the person go:"), _("The person was not deleted"), _("Deleted %s.")},
                        [](const Person& p) { return u8(p.display_name()); },
                        [&](const wxString& refusal) {
                            const int choice = refuse_delete(parent, refusal,
                                                             {_("Merge into another person…"), _("Erase (GDPR)…")});
                            if (choice == 0) return merge_person_asked(parent, context, person_id, false).has_value();
                            if (choice == 1) return erase_person_asked(parent, context, person_id);
                            return false;
                        });
}

bool delete_institution_asked(wxWindow* parent, UiContext& context, int64_t institution_id) {
    return delete_asked(parent, context, InstitutionRepository(context.database()), institution_id,
                        {_("With the institution go:"), _("The institution was not deleted"), _("Deleted “%s”.")},
                        [](const Institution& i) { return u8(i.name); },
                        [&](const wxString& refusal) {
                            refuse_delete(parent, refusal, {});
                            return false;
                        });
}

}  // namespace maillage::ui
