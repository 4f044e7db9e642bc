#pragma once
// The peer-support workplaces (the map's data) with CSV and GeoJSON export.
#include "shared-ui/page_base.h"

class wxStaticText;

namespace maillage::pat {

class MapPage : public ui::PageBase {
public:
    MapPage(wxWindow* parent, ui::UiContext& context);
    void refresh() override;

private:
    void export_as(bool geojson);
    ui::ListPanel* list_ = nullptr;
    wxStaticText* summary_ = nullptr;
};

}  // namespace maillage::pat
