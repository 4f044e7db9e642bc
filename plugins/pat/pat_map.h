#pragma once
// The map of peer-support workplaces: Belgium's three regions (Natural Earth) with one
// circle per workplace placed by its postcode (GeoNames), drawn in the window, written
// as SVG (here, no toolkit) and PNG (the window), and put in the report's PAT section;
// also exported as CSV and GeoJSON for the map website. Data: plugins/pat/data/README.md,
// projection and rules: docs/report-pat.md ("The map").
#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace maillage {
class Database;
struct ReportSection;
struct ReportScope;
}

namespace maillage::pat {

struct LatLon {
    double lat = 0, lon = 0;
};

// --- Geography (compiled in from plugins/pat/data) ---------------------------------

// One region: polygons, each a list of rings (the first is the outline, the others holes:
// Flanders has a hole where Brussels is). Points are WGS84 degrees.
struct RegionShape {
    std::string region;  // brussels | flanders | wallonia
    std::vector<std::vector<std::vector<LatLon>>> polygons;
};
// Brussels, Flanders, Wallonia, in that order.
const std::vector<RegionShape>& belgium_regions();
// True when `at` is inside the region's outline and not in one of its holes.
bool region_contains(const RegionShape& region, LatLon at);
// The region holding `at`, "" outside Belgium.
std::string region_at(LatLon at);

// One place of a Belgian postcode (a postcode may cover several villages).
struct PostcodePlace {
    std::string postcode, place, region;
    LatLon at;
};
// "1000", "B-1000", " 1000 " -> "1000"; "" when the text is not a Belgian postcode.
std::string normalise_postcode(const std::string& text);
// The place of a postcode named like `municipality` (ignoring case, accents, spaces and
// hyphens), or else the postcode's main place; nullopt for a postcode that does not exist.
std::optional<PostcodePlace> postcode_place(const std::string& postcode, const std::string& municipality = "");
// A place found by its name alone (French, Dutch or English name of a Brussels commune or
// a large town, or any place name of the postcode table); nullopt when unknown.
std::optional<PostcodePlace> place_by_name(const std::string& municipality);
// Where an institution is: by its postcode, or by its municipality when it has no known
// postcode; nullopt when neither places it.
std::optional<PostcodePlace> locate(const std::string& postcode, const std::string& municipality);
size_t postcode_count();  // distinct postcodes in the table

// --- The workplaces on the map ----------------------------------------------------

struct MapWorkplace {
    std::string institution, municipality, postcode, region, sector;  // sector: label, "" unknown
    std::string since;  // ISO date
    int peer_workers = 0;
    std::optional<PostcodePlace> place;  // nullopt: cannot be placed, listed apart
};
struct MapData {
    std::vector<MapWorkplace> workplaces;           // all of them, placed or not
    std::vector<std::pair<std::string, std::string>> sectors;  // legend: {label, colour "#rrggbb"}
    std::vector<std::string> unplaced() const;      // "Institution (postcode municipality)"
};
// Workplaces known on `until` (their `since` not after it; all when empty), in `language`.
MapData map_data(Database& db, const std::string& language = "fr", const std::string& until = "");

// --- Drawing: one layout for the window, the PNG and the SVG ------------------------

struct Pixel {
    double x = 0, y = 0;
};
// Equirectangular projection with standard parallel 50.5°N (x = lon·cos 50.5°, y = lat)
// scaled to fit Belgium's bounding box into the box [left, left+width] x [top, top+height],
// centred, north up.
class Projection {
public:
    Projection(double left, double top, double width, double height);
    // The same projection fitted to another box of the earth (the Brussels inset).
    Projection(double left, double top, double width, double height, LatLon south_west, LatLon north_east);
    Pixel operator()(LatLon at) const;

private:
    double scale_ = 1, x0_ = 0, y0_ = 0, lon_min_ = 0, lat_max_ = 0;
};

struct MapCircle {
    Pixel centre;
    double radius = 0;
    std::string colour;   // the sector's
    size_t workplace = 0;  // index in MapData::workplaces
};
struct MapLegendItem {
    Pixel at;             // centre of the swatch circle
    double radius = 0;
    std::string colour;   // "" for the size legend (outline only)
    std::string text;
};
struct MapLayout {
    double width = 0, height = 0;
    Projection projection{0, 0, 1, 1};
    struct Region {
        std::string region, label;
        std::vector<std::vector<Pixel>> rings;  // fill with the even-odd rule
        std::string fill;
        Pixel label_at;
    };
    std::vector<Region> regions;
    std::vector<MapCircle> circles;  // largest first, so small ones stay visible on top
    // Brussels enlarged in a box (most workplaces are there): only when one is.
    struct Inset {
        double x = 0, y = 0, width = 0, height = 0;
        std::string title, fill;
        Pixel title_at;
        Projection projection{0, 0, 1, 1};
        std::vector<std::vector<Pixel>> rings;
        std::vector<MapCircle> circles;  // the Brussels workplaces, largest first
    };
    std::optional<Inset> inset;
    std::string legend_title;
    Pixel legend_title_at;
    std::vector<MapLegendItem> legend;
    std::string attribution;  // sources, bottom left
    Pixel attribution_at;
};
// Circle radius in pixels: its area grows with the number of peer workers.
double circle_radius(int peer_workers);
// The map in a width x height picture: regions on the left, legend on the right.
MapLayout layout_map(const MapData& data, double width, double height);
// The layout as a standalone SVG document (UTF-8), with its region and point groups
// (<g id="regions">, <g id="workplaces">) and a <title> per circle.
std::string map_svg(const MapData& data, const MapLayout& layout);
// The map as an SVG file, 1000 x 680, as both the window and `pat map export --svg` write it.
std::string map_svg_file(const MapData& data);

// Adds the map to the report's PAT section: a sentence with the number of workplaces and
// peer workers, the list of those not on the map, and the map as a figure (inline SVG in
// HTML). Workplaces known at the end of the period; nothing with a funder scope
// (workplaces do not count for a funder) or when there is no workplace.
void add_map_to_section(ReportSection& section, Database& db, const ReportScope& scope);

// --- Exports for the map website ---------------------------------------------------

struct MapExport {
    nlohmann::json geojson;             // a FeatureCollection
    std::vector<std::string> unplaced;  // "Institution (postcode municipality)": not on the map
};
// Features: one Point per place (workplaces of one postcode place merged), properties
// {municipality, postcode, region, count (workplaces), peer_workers, institutions
// [names]}; geometry [lon, lat]. Workplaces that cannot be placed are listed in
// `unplaced`, never silently dropped.
MapExport map_geojson(Database& db);
// One row per workplace: institution, region, municipality, postcode, sector, since,
// peer_workers.
std::string map_csv(Database& db, const std::string& language = "fr");

}  // namespace maillage::pat
