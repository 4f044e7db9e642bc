#pragma once
// An import dialog in the window's one layout: a sentence saying which file it takes,
// the file field (named "file") with its Choose… button, the preview of what the file
// holds (a ListPanel), a summary line (named "summary") and Import/Cancel, Import
// disabled until the preview allows it. load() runs each time the path changes.
#include "shared-ui/list_panel.h"

#include <wx/dialog.h>

class wxTextCtrl;

namespace maillage::ui {

struct ImportLayout {
    wxString title;          // the dialog's
    const char* name;        // the dialog's window name, for the journey tests
    wxString intro;          // "The XML file of module sheets (one or several modules):"
    wxString choose_title;   // the title of the file chooser
    wxString wildcard;       // "XML files (*.xml)|*.xml"
    int field_width;         // of the file field, in DIPs
    wxSize preview_size;     // the preview's smallest size, in DIPs
    wxString summary;        // what the summary line says until the file is read
};

class ImportFileDialog : public wxDialog {
protected:
    ImportFileDialog(wxWindow* parent, UiContext& context, const ImportLayout& layout, ListOptions preview);
    // Reads the file at path_ again and fills the preview and the summary.
    virtual void load() = 0;

    wxTextCtrl* path_;
    ListPanel* preview_;
    wxStaticText* summary_;
};

}  // namespace maillage::ui
