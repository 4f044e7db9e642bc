#pragma once
// What a plugin contributes to the window, and the host services it may use.
// The host owns the menu bar, the navigation and the database: plugins declare.
// These live in the plugin's UI module (maillage_<id>_ui.so), which the window alone
// loads; see core/plugin_api.h for the two contracts.
#include "core/plugin_api.h"

#include <wx/string.h>
#include <wx/window.h>

#include <functional>
#include <memory>
#include <string>
#include <type_traits>
#include <vector>

namespace maillage {
class Database;
}

namespace maillage::ui {

class PageBase;

// Services the host offers to pages and menu actions.
class UiContext {
public:
    virtual ~UiContext() = default;
    virtual Database& database() = 0;
    virtual wxWindow* main_window() = 0;
    // Tells every open page that data changed (they refresh when next shown).
    virtual void data_changed() = 0;
    virtual void set_status(const wxString& text) = 0;
    // Shows a page by id ("core.institutions", "intervision.cycles"...).
    virtual void show_page(const std::string& id) = 0;
    // Preferences (stored in the user's config): read and write by key.
    virtual wxString preference(const std::string& key, const wxString& fallback = {}) = 0;
    virtual void set_preference(const std::string& key, const wxString& value) = 0;
    // The UI language code: "fr", "nl" or "en".
    virtual std::string language() = 0;
};

// A page in the navigation sidebar.
struct PageSpec {
    std::string id;      // "<plugin>.<page>", stable: used by show_page and screenshots
    wxString title;      // translated label in the sidebar
    int order = 100;     // position among the plugin's pages
    // Creates the page as a child of `parent`; the host owns and destroys it.
    std::function<PageBase*(wxWindow* parent, UiContext& context)> create;
};

// An item in one of the host's menus.
struct MenuItemSpec {
    std::string menu;    // "file", "edit", "tools", "reports" or "help"
    wxString label;      // translated, with & mnemonic
    wxString help;       // status-bar text
    std::function<void(UiContext& context)> run;
};

// A preference shown in the Preferences dialog, under the plugin's name.
struct PreferenceSpec {
    enum class Kind { Text, Number, Boolean, Choice };
    std::string key;     // "<plugin>.<name>"
    wxString label;
    Kind kind = Kind::Text;
    wxString default_value;
    std::vector<wxString> choices;  // for Kind::Choice
};

class UiContribution {
public:
    virtual ~UiContribution() = default;
    virtual std::vector<PageSpec> pages() = 0;
    virtual std::vector<MenuItemSpec> menu_items() { return {}; }
    virtual std::vector<PreferenceSpec> preferences() { return {}; }
};

}  // namespace maillage::ui

// Exports a UI module: its API version, the logic plugin (id and version) it belongs to,
// and the factory maillage_create_ui_v<N>(Plugin&). UiClass is constructed from the logic
// Plugin& when it takes one, else by default. Use once, at global scope.
#define MAILLAGE_PLUGIN_UI(UiClass, plugin_id, plugin_version)                                        \
    namespace maillage_plugin_ui_exports {                                                            \
    static_assert(MAILLAGE_PLUGIN_UI_API_VERSION_TOKEN == ::maillage::kPluginUiApiVersion);           \
    inline const int api_version = ::maillage::kPluginUiApiVersion;                                   \
    inline const ::maillage::PluginUiTarget target{plugin_id, plugin_version};                        \
    inline std::unique_ptr<::maillage::ui::UiContribution> create(::maillage::Plugin& logic) {        \
        if constexpr (std::is_constructible_v<UiClass, ::maillage::Plugin&>)                          \
            return std::make_unique<UiClass>(logic);                                                  \
        else                                                                                          \
            return (static_cast<void>(logic), std::make_unique<UiClass>());                           \
    }                                                                                                 \
    }                                                                                                 \
    BOOST_DLL_ALIAS(maillage_plugin_ui_exports::api_version, maillage_plugin_ui_api_version)          \
    BOOST_DLL_ALIAS(maillage_plugin_ui_exports::target, MAILLAGE_UI_TARGET_SYMBOL_NAME)               \
    BOOST_DLL_ALIAS(maillage_plugin_ui_exports::create, MAILLAGE_UI_FACTORY_SYMBOL_NAME)
