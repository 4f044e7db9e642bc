#pragma once
// File > Preferences: the interface language (applies at next start), extra plugin
// folders, and the preferences each plugin declares.
#include "shared-ui/plugin_ui.h"

#include <wx/dialog.h>

#include <functional>
#include <vector>

namespace maillage {
class Suite;
}

namespace maillage::ui {

class PreferencesDialog : public wxDialog {
public:
    PreferencesDialog(wxWindow* parent, UiContext& context, Suite& suite);

private:
    void save();

    UiContext& context_;
    std::vector<std::function<void()>> savers_;
};

}  // namespace maillage::ui
