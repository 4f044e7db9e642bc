#include "core_pages.h"

#include "funders_page.h"
#include "institutions_page.h"
#include "people_page.h"
#include "reports_page.h"
#include "sectors_page.h"

#include <wx/intl.h>

namespace maillage::ui {

std::vector<PageSpec> core_page_specs(Suite& suite) {
    return {
        {"core.institutions", _("Institutions"), 10, create_institutions_page},
        {"core.people", _("People"), 20, create_people_page},
        {"core.sectors", _("Sectors"), 30, create_sectors_page},
        {"core.funders", _("Funders and programmes"), 40, create_funders_page},
        {"core.reports", _("Reports"), 50,
         [&suite](wxWindow* parent, UiContext& context) { return create_reports_page(parent, context, suite); }},
    };
}

}  // namespace maillage::ui
