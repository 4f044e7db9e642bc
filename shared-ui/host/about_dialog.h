#pragma once
// Help > About: the suite's version, the open database, the loaded plugins with their
// versions and the refused ones with the reason.
#include <wx/dialog.h>

namespace maillage::ui {

class MainFrame;

class AboutDialog : public wxDialog {
public:
    AboutDialog(wxWindow* parent, MainFrame& frame);
};

}  // namespace maillage::ui
