#pragma once
// The base of every page in the navigation: a panel that knows its host and reloads
// its data when shown after a change.
#include "shared-ui/plugin_ui.h"

#include <wx/panel.h>

namespace maillage::ui {

class PageBase : public wxPanel {
public:
    PageBase(wxWindow* parent, UiContext& context);

    // Reloads what the page shows from the database. Called by the host when the page
    // is shown and data changed since it was last loaded.
    virtual void refresh() = 0;

    UiContext& context() { return context_; }
    Database& database() { return context_.database(); }

private:
    UiContext& context_;
};

}  // namespace maillage::ui
