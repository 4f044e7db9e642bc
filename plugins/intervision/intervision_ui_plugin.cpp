// The intervision plugin's window module (maillage_intervision_ui.so): its pages.
#include "intervision_plugin.h"

#include "ui/cycle_overview_page.h"
#include "ui/evaluation_page.h"
#include "ui/group_sessions_page.h"
#include "ui/report_preview_page.h"

#include "shared-ui/declared_ui.h"

#include <wx/intl.h>

namespace maillage::intervision {
namespace {

ui::UiDeclaration declare() {
    return {.pages = {ui::page<CycleOverviewPage>("intervision.cycles", _("Intervision cycles"), 10),
                      ui::page<GroupSessionsPage>("intervision.sessions", _("Intervision sessions"), 20),
                      ui::page<EvaluationPage>("intervision.evaluation", _("Intervision evaluation"), 25),
                      ui::page<ReportPreviewPage>("intervision.report", _("Intervision figures"), 30)}};
}

}  // namespace
}  // namespace maillage::intervision

MAILLAGE_DECLARED_UI(maillage::intervision::declare, maillage::intervision::kPluginId,
                     maillage::intervision::kPluginVersion)
