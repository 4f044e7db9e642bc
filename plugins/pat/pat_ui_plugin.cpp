// The PAT plugin's window module (maillage_pat_ui.so): its pages.
#include "pat_plugin.h"

#include "ui/accompaniment_page.h"
#include "ui/activities_page.h"
#include "ui/board_page.h"
#include "ui/figures_page.h"
#include "ui/map_page.h"
#include "ui/reference_data_dialog.h"

#include "shared-ui/declared_ui.h"

#include <wx/intl.h>

namespace maillage::pat {
namespace {

ui::UiDeclaration declare() {
    return {.pages = {ui::page<BoardPage>("pat.board", _("PAT board"), 10),
                      ui::page<AccompanimentPage>("pat.accompaniment", _("PAT accompaniment"), 20),
                      ui::page<MapPage>("pat.map", _("Peer-support map"), 30),
                      ui::page<ActivitiesPage>("pat.activities", _("PAT activities"), 25),
                      ui::page<FiguresPage>("pat.figures", _("PAT figures"), 40)},
            .menu_items = {{"tools", _("PAT &reference data…"),
                            _("Session types and the steps of the guide, in three languages"),
                            [](ui::UiContext& c) { show_reference_data(c); }}}};
}

}  // namespace
}  // namespace maillage::pat

MAILLAGE_DECLARED_UI(maillage::pat::declare, maillage::pat::kPluginId, maillage::pat::kPluginVersion)
