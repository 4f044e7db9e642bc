#pragma once
// The intervision figures as the report will print them, with the sector chart, and
// the evaluation summary of the chosen cycle.
#include "shared-ui/page_base.h"
#include "shared-ui/fwd.h"

#include <string>
#include <utility>
#include <vector>

namespace maillage::intervision {

class ReportPreviewPage : public ui::PageBase {
public:
    ReportPreviewPage(wxWindow* parent, ui::UiContext& context);
    void refresh() override;

private:
    void load_choices();
    void show();

    wxChoice* cycle_ = nullptr;
    wxChoice* year_ = nullptr;
    wxChoice* programme_ = nullptr;
    ui::ReportView* html_ = nullptr;
    wxTextCtrl* evaluation_ = nullptr;
    std::vector<std::string> cycles_, programmes_;
    std::vector<int> years_;
};

}  // namespace maillage::intervision
