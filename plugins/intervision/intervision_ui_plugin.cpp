// The intervision plugin's window module (maillage_intervision_ui.so): its pages.
#include "intervision_plugin.h"

#include "ui/cycle_overview_page.h"
#include "ui/evaluation_page.h"
#include "ui/group_sessions_page.h"
#include "ui/report_preview_page.h"

#include "shared-ui/plugin_ui.h"

#include <wx/intl.h>

namespace maillage::intervision {
namespace {

class IntervisionUi : public ui::UiContribution {
public:
    std::vector<ui::PageSpec> pages() override {
        return {
            {"intervision.cycles", _("Intervision cycles"), 10,
             [](wxWindow* parent, ui::UiContext& c) -> ui::PageBase* { return new CycleOverviewPage(parent, c); }},
            {"intervision.sessions", _("Intervision sessions"), 20,
             [](wxWindow* parent, ui::UiContext& c) -> ui::PageBase* { return new GroupSessionsPage(parent, c); }},
            {"intervision.evaluation", _("Intervision evaluation"), 25,
             [](wxWindow* parent, ui::UiContext& c) -> ui::PageBase* { return new EvaluationPage(parent, c); }},
            {"intervision.report", _("Intervision figures"), 30,
             [](wxWindow* parent, ui::UiContext& c) -> ui::PageBase* { return new ReportPreviewPage(parent, c); }},
        };
    }
};

}  // namespace
}  // namespace maillage::intervision

MAILLAGE_PLUGIN_UI(maillage::intervision::IntervisionUi, maillage::intervision::kPluginId,
                   maillage::intervision::kPluginVersion)
