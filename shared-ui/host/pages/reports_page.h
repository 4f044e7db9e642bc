#pragma once
// Reports: choose the scope (year, cycle, programme, funder) and the language, build
// the report from every section provider, preview it, save it as HTML, Markdown or JSON.
#include "shared-ui/page_base.h"

namespace maillage {
class Suite;
}

namespace maillage::ui {

PageBase* create_reports_page(wxWindow* parent, UiContext& context, Suite& suite);

}  // namespace maillage::ui
