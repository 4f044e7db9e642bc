// The PAT plugin's window module (maillage_pat_ui.so): its pages.
#include "pat_plugin.h"

#include "ui/accompaniment_page.h"
#include "ui/activities_page.h"
#include "ui/board_page.h"
#include "ui/figures_page.h"
#include "ui/map_page.h"
#include "ui/reference_data_dialog.h"

#include "shared-ui/plugin_ui.h"

#include <wx/intl.h>

namespace maillage::pat {
namespace {

class PatUi : public ui::UiContribution {
public:
    std::vector<ui::PageSpec> pages() override {
        return {
            {"pat.board", _("PAT board"), 10,
             [](wxWindow* parent, ui::UiContext& c) -> ui::PageBase* { return new BoardPage(parent, c); }},
            {"pat.accompaniment", _("PAT accompaniment"), 20,
             [](wxWindow* parent, ui::UiContext& c) -> ui::PageBase* { return new AccompanimentPage(parent, c); }},
            {"pat.map", _("Peer-support map"), 30,
             [](wxWindow* parent, ui::UiContext& c) -> ui::PageBase* { return new MapPage(parent, c); }},
            {"pat.activities", _("PAT activities"), 25,
             [](wxWindow* parent, ui::UiContext& c) -> ui::PageBase* { return new ActivitiesPage(parent, c); }},
            {"pat.figures", _("PAT figures"), 40,
             [](wxWindow* parent, ui::UiContext& c) -> ui::PageBase* { return new FiguresPage(parent, c); }},
        };
    }
    std::vector<ui::MenuItemSpec> menu_items() override {
        return {{"tools", _("PAT &reference data…"), _("Session types and the steps of the guide, in three languages"),
                 [](ui::UiContext& c) { show_reference_data(c); }}};
    }
};

}  // namespace
}  // namespace maillage::pat

MAILLAGE_PLUGIN_UI(maillage::pat::PatUi, maillage::pat::kPluginId, maillage::pat::kPluginVersion)
