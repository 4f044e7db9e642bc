#pragma once
// The map of peer-support workplaces (Belgium's regions, one circle per workplace) above
// the list of workplaces, with PNG, SVG, CSV and GeoJSON export.
#include "pat_map.h"
#include "shared-ui/page_base.h"
#include "shared-ui/fwd.h"

#include <filesystem>

namespace maillage::pat {

// Draws a MapLayout (pat_map.h) so that the window, the PNG and the SVG show one picture.
class MapView : public wxPanel {
public:
    explicit MapView(wxWindow* parent);
    void set_data(MapData data);
    // The map drawn width x height on white, written as PNG; throws maillage::Error.
    void save_png(const std::filesystem::path& file, int width, int height) const;
    const MapData& data() const { return data_; }

private:
    void on_paint();
    void on_motion(int x, int y);
    MapData data_;
    MapLayout layout_;
};

class MapPage : public ui::PageBase {
public:
    MapPage(wxWindow* parent, ui::UiContext& context);
    void refresh() override;

private:
    enum class Format { Png, Svg, Csv, GeoJson };
    void export_as(Format format);
    MapView* map_ = nullptr;
    ui::ListPanel* list_ = nullptr;
    wxStaticText* summary_ = nullptr;
    wxStaticText* unplaced_ = nullptr;
    wxString unplaced_text_;  // unwrapped: wrapped again when the page is resized
};

}  // namespace maillage::pat
