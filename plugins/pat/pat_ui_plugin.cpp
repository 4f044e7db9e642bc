// The PAT plugin's window module (maillage_pat_ui.so): its pages.
#include "pat_plugin.h"

#include "ui/accompaniment_page.h"
#include "ui/board_page.h"
#include "ui/figures_page.h"
#include "ui/map_page.h"

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
            {"pat.figures", _("PAT figures"), 40,
             [](wxWindow* parent, ui::UiContext& c) -> ui::PageBase* { return new FiguresPage(parent, c); }},
        };
    }
};

}  // namespace
}  // namespace maillage::pat

MAILLAGE_PLUGIN_UI(maillage::pat::PatUi, maillage::pat::kPluginId, maillage::pat::kPluginVersion)
