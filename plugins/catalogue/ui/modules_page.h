#pragma once
// Modules: the list of sheets and the sheet editor (each save is a new version), the
// qualified trainers, and XML import/export.
#include "shared-ui/page_base.h"
#include "shared-ui/fwd.h"

#include <vector>

namespace maillage::catalogue {

class ModulesPage : public ui::PageBase {
public:
    ModulesPage(wxWindow* parent, ui::UiContext& context);
    void refresh() override;

private:
    void show_selected();
    void save();
    void import_xml();
    void export_xml();
    void retire_selected();

    ui::ListPanel* list_;
    wxTextCtrl *code_, *title_fr_, *title_nl_, *desc_fr_, *desc_nl_, *objectives_, *content_, *methods_, *audience_, *prereq_;
    wxChoice* theme_;
    wxSpinCtrl* minutes_;
    ui::IdCheckList* trainers_;
    wxStaticText* version_;
    std::vector<std::string> codes_, theme_codes_;
};

}  // namespace maillage::catalogue
