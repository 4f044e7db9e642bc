// The window module: one page listing the notes, with a button to add one.
#include "skeleton_plugin.h"

#include "shared-ui/declared_ui.h"
#include "shared-ui/display.h"
#include "shared-ui/list_page.h"
#include "shared-ui/messages.h"

#include <wx/button.h>
#include <wx/textdlg.h>

namespace maillage::skeleton {
namespace {

class NotesPage : public ui::ListPage {
public:
    NotesPage(wxWindow* parent, ui::UiContext& context)
        : ListPage(parent, context, {.id = "skeleton.notes", .title = _("Notes"),
                                     .columns = {{_("Date"), 110, ui::ColumnKind::Date}, {_("Note"), 500}}}) {
        list()->add_button(_("&New note…"))->Bind(wxEVT_BUTTON, [this, &context](wxCommandEvent&) {
            const wxString text = wxGetTextFromUser(_("Note"), _("New note"), {}, this);
            if (!text.empty() && ui::guarded(this, _("New note"), [&] { add_note(database(), text.utf8_string()); }))
                context.data_changed();
            refresh();
        });
        refresh();
    }

    void refresh() override {
        auto rows = std::make_shared<ui::TableRowSource>();
        for (const auto& note : list_notes(database()))  // dates as users write them, never ISO
            rows->add(note.id, {ui::display_date(note.day), wxString::FromUTF8(note.text)});
        list()->set_source(rows);
    }
};

ui::UiDeclaration declare() { return {.pages = {ui::page<NotesPage>("skeleton.notes", _("Notes"), 10)}}; }

}  // namespace
}  // namespace maillage::skeleton

MAILLAGE_DECLARED_UI(maillage::skeleton::declare, maillage::skeleton::kPluginId,
                     maillage::skeleton::kPluginVersion)
