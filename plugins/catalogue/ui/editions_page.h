#pragma once
// Catalogue editions: the yearly catalogues, created, edited and retired here.
#include "shared-ui/page_base.h"
#include "shared-ui/fwd.h"

namespace maillage::catalogue {

class EditionsPage : public ui::PageBase {
public:
    EditionsPage(wxWindow* parent, ui::UiContext& context);
    void refresh() override;

private:
    void edit(bool create);
    void retire();
    void copy_to_next_year();

    wxCheckBox* show_retired_ = nullptr;
    ui::ListPanel* list_ = nullptr;
};

}  // namespace maillage::catalogue
