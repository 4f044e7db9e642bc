#pragma once
// A plugin's window module as one declaration of what it contributes, the way
// core/declared_plugin.h serves the logic modules, instead of a class overriding each
// UiContribution function and a lambda per page:
//
//   ui::UiDeclaration declare() {
//       return {.pages = {ui::page<BoardPage>("pat.board", _("PAT board"), 10), ...},
//               .menu_items = {...}};
//   }
//   MAILLAGE_DECLARED_UI(maillage::pat::declare, maillage::pat::kPluginId, maillage::pat::kPluginVersion)
//
// `declare` runs each time the host asks, so the labels it marks with _() are
// translated into the language of that moment. Header only, compiled into the module.
#include "shared-ui/plugin_ui.h"

#include <utility>
#include <vector>

namespace maillage::ui {

struct UiDeclaration {
    std::vector<PageSpec> pages;
    std::vector<MenuItemSpec> menu_items = {};
    std::vector<PreferenceSpec> preferences = {};
};

// The page `Page` (a PageBase built from (parent, context)) in the navigation.
template <class Page>
PageSpec page(std::string id, wxString title, int order) {
    return {std::move(id), std::move(title), order,
            [](wxWindow* parent, UiContext& context) -> PageBase* { return new Page(parent, context); }};
}

template <UiDeclaration (*Declare)()>
class DeclaredUi : public UiContribution {
public:
    std::vector<PageSpec> pages() override { return Declare().pages; }
    std::vector<MenuItemSpec> menu_items() override { return Declare().menu_items; }
    std::vector<PreferenceSpec> preferences() override { return Declare().preferences; }
};

}  // namespace maillage::ui

// Exports the window module declared by the function `declare` (see above).
#define MAILLAGE_DECLARED_UI(declare, plugin_id, plugin_version) \
    MAILLAGE_PLUGIN_UI(::maillage::ui::DeclaredUi<&declare>, plugin_id, plugin_version)
