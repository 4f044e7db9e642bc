#include "pat_map.h"

#include "pat_activities.h"
#include "pat_rules.h"
#include "pat_table.h"

#include "core/html.h"
#include "core/database.h"
#include "core/i18n.h"
#include "core/institutions.h"
#include "core/report.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <map>
#include <numbers>
#include <sstream>

namespace maillage::pat {
namespace data {
// plugins/pat/data/*, compiled in by plugins/pat/CMakeLists.txt (pat_map_data.cpp.in).
extern const char* const belgium_regions_json;
extern const char* const be_postcodes_csv;
}  // namespace data

namespace {

// Lower-case ASCII letters and digits only, accents of the Latin-1 range dropped:
// "Saint-Josse-Ten-Noode" == "saint josse ten noode", "Liège" == "LIEGE".
std::string key(const std::string& name) {
    // U+00C0..U+00FF without their accents ('x' for × and ÷).
    static constexpr char kBase[] = "aaaaaaaceeeeiiiidnoooooxouuuuytsaaaaaaaceeeeiiiidnoooooxouuuuyty";
    static_assert(sizeof(kBase) == 64 + 1);
    std::string out;
    for (size_t i = 0; i < name.size(); ++i) {
        const auto c = static_cast<unsigned char>(name[i]);
        if (c == 0xC3 && i + 1 < name.size()) {
            const auto next = static_cast<unsigned char>(name[i + 1]);
            if (next >= 0x80 && next <= 0xBF) {
                out += kBase[next - 0x80];
                ++i;
                continue;
            }
        }
        if (c < 0x80 && std::isalnum(c)) out += char(std::tolower(c));
    }
    return out;
}

// Names people write that the postcode table (GeoNames: one name per place) lacks: the
// Dutch and English names of the Brussels communes and of large towns across the
// language border. Each maps to the table's name.
constexpr std::pair<const char*, const char*> kAliases[] = {
    {"Brussel", "Bruxelles"}, {"Brussels", "Bruxelles"}, {"Bruxelles-Ville", "Bruxelles"},
    {"Stad Brussel", "Bruxelles"}, {"Oudergem", "Auderghem"}, {"Sint-Agatha-Berchem", "Berchem-Sainte-Agathe"},
    {"Elsene", "Ixelles"}, {"Vorst", "Forest"}, {"Sint-Jans-Molenbeek", "Molenbeek-Saint-Jean"},
    {"Molenbeek", "Molenbeek-Saint-Jean"}, {"Sint-Gillis", "Saint-Gilles"},
    {"Sint-Joost-ten-Node", "Saint-Josse-ten-Noode"}, {"Schaarbeek", "Schaerbeek"}, {"Ukkel", "Uccle"},
    {"Watermaal-Bosvoorde", "Watermael-Boitsfort"}, {"Sint-Lambrechts-Woluwe", "Woluwe-Saint-Lambert"},
    {"Sint-Pieters-Woluwe", "Woluwe-Saint-Pierre"}, {"Luik", "Liège"}, {"Namen", "Namur"}, {"Bergen", "Mons"},
    {"Doornik", "Tournai"}, {"Aarlen", "Arlon"}, {"Nijvel", "Nivelles"}, {"Waver", "Wavre"}, {"Hoei", "Huy"},
    {"Anvers", "Antwerpen"}, {"Antwerp", "Antwerpen"}, {"Gand", "Gent"}, {"Ghent", "Gent"},
    {"Bruges", "Brugge"}, {"Louvain", "Leuven"}, {"Malines", "Mechelen"}, {"Courtrai", "Kortrijk"},
    {"Ostende", "Oostende"}, {"Ostend", "Oostende"}, {"Alost", "Aalst"}, {"Saint-Nicolas", "Sint-Niklaas"},
    {"Termonde", "Dendermonde"}, {"Ypres", "Ieper"}, {"Tongres", "Tongeren"}, {"Renaix", "Ronse"},
    {"Hal", "Halle"}, {"Vilvorde", "Vilvoorde"}, {"Audenarde", "Oudenaarde"}, {"Grammont", "Geraardsbergen"},
};

// Point-decimal whatever the C locale the window set.
double number(const std::string& text) {
    double v = 0;
    std::from_chars(text.data(), text.data() + text.size(), v);
    return v;
}

struct Tables {
    std::vector<RegionShape> regions;
    std::vector<PostcodePlace> places;  // table order: each postcode's main place first
    std::map<std::string, std::vector<size_t>> by_postcode;
    std::map<std::string, size_t> by_name;  // first main place of that name, else first place
    double lat_min = 90, lat_max = -90, lon_min = 180, lon_max = -180;
};

const Tables& tables() {
    static const Tables t = [] {
        Tables t;
        const auto json = nlohmann::json::parse(data::belgium_regions_json);
        for (const auto& f : json.at("features")) {
            RegionShape r;
            r.region = f.at("properties").at("region").get<std::string>();
            for (const auto& polygon : f.at("geometry").at("coordinates")) {
                auto& rings = r.polygons.emplace_back();
                for (const auto& ring : polygon) {
                    auto& points = rings.emplace_back();
                    for (const auto& p : ring) {
                        const LatLon at{p.at(1).get<double>(), p.at(0).get<double>()};
                        points.push_back(at);
                        t.lat_min = std::min(t.lat_min, at.lat);
                        t.lat_max = std::max(t.lat_max, at.lat);
                        t.lon_min = std::min(t.lon_min, at.lon);
                        t.lon_max = std::max(t.lon_max, at.lon);
                    }
                }
            }
            t.regions.push_back(std::move(r));
        }
        std::istringstream in(data::be_postcodes_csv);
        std::string line;
        std::getline(in, line);  // header: postcode,place,region,lat,lon
        std::map<std::string, size_t> any_by_name;
        while (std::getline(in, line)) {
            if (line.empty()) continue;
            std::vector<std::string> f;
            std::string cell;
            std::istringstream cells(line);
            while (std::getline(cells, cell, ',')) f.push_back(cell);
            if (f.size() != 5) continue;
            const bool main = t.by_postcode.find(f[0]) == t.by_postcode.end();
            t.by_postcode[f[0]].push_back(t.places.size());
            const auto k = key(f[1]);
            if (main) t.by_name.emplace(k, t.places.size());
            any_by_name.emplace(k, t.places.size());
            t.places.push_back({f[0], f[1], f[2], {number(f[3]), number(f[4])}});
        }
        for (const auto& [k, i] : any_by_name) t.by_name.emplace(k, i);  // keeps main places
        return t;
    }();
    return t;
}

// Even-odd crossing test over rings of any point type.
template <class Ring, class P, class X, class Y>
bool inside(const std::vector<Ring>& rings, const P& p, X x, Y y) {
    bool in = false;
    for (const auto& ring : rings) {
        for (size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
            const double yi = y(ring[i]), yj = y(ring[j]), xi = x(ring[i]), xj = x(ring[j]);
            if ((yi > y(p)) != (yj > y(p)) && x(p) < (xj - xi) * (y(p) - yi) / (yj - yi) + xi) in = !in;
        }
    }
    return in;
}

// Colours told apart by most colour-blind readers (Okabe-Ito, then a few more).
constexpr const char* kSectorColours[] = {"#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00",
                                          "#56b4e9", "#8c564b", "#7f3c8d", "#000000", "#b8860b"};
constexpr const char* kUnknownSectorColour = "#8a8a8a";

}  // namespace

// --- Geography ----------------------------------------------------------------------

const std::vector<RegionShape>& belgium_regions() { return tables().regions; }

bool region_contains(const RegionShape& region, LatLon at) {
    for (const auto& polygon : region.polygons)
        if (inside(polygon, at, [](const LatLon& p) { return p.lon; }, [](const LatLon& p) { return p.lat; }))
            return true;
    return false;
}

std::string region_at(LatLon at) {
    for (const auto& r : belgium_regions())
        if (region_contains(r, at)) return r.region;
    return "";
}

std::string normalise_postcode(const std::string& text) {
    std::string digits;
    for (char c : text) {
        if (std::isdigit(static_cast<unsigned char>(c)))
            digits += c;
        else if (!digits.empty())
            break;  // "1000 Bruxelles": the first run of digits
    }
    return digits.size() == 4 ? digits : "";
}

std::optional<PostcodePlace> postcode_place(const std::string& postcode, const std::string& municipality) {
    const auto& t = tables();
    const auto it = t.by_postcode.find(normalise_postcode(postcode));
    if (it == t.by_postcode.end()) return std::nullopt;
    if (!municipality.empty()) {
        std::string wanted = key(municipality);
        for (const auto& [alias, name] : kAliases)
            if (key(alias) == wanted) wanted = key(name);
        for (size_t i : it->second)
            if (key(t.places[i].place) == wanted) return t.places[i];
    }
    return t.places[it->second.front()];
}

std::optional<PostcodePlace> place_by_name(const std::string& municipality) {
    const auto& t = tables();
    std::string wanted = key(municipality);
    if (wanted.empty()) return std::nullopt;
    for (const auto& [alias, name] : kAliases)
        if (key(alias) == wanted) wanted = key(name);
    const auto it = t.by_name.find(wanted);
    if (it == t.by_name.end()) return std::nullopt;
    return t.places[it->second];
}

std::optional<PostcodePlace> locate(const std::string& postcode, const std::string& municipality) {
    if (auto p = postcode_place(postcode, municipality)) return p;
    return place_by_name(municipality);
}

size_t postcode_count() { return tables().by_postcode.size(); }

// --- Workplaces ---------------------------------------------------------------------

std::vector<std::string> MapData::unplaced() const {
    std::vector<std::string> out;
    for (const auto& w : workplaces) {
        if (w.place) continue;
        std::string where = w.postcode;
        if (!w.municipality.empty()) where += (where.empty() ? "" : " ") + w.municipality;
        out.push_back(w.institution + " (" + (where.empty() ? tr("no postcode or municipality") : where) + ")");
    }
    return out;
}

MapData map_data(Database& db, const std::string& language, const std::string& until) {
    MapData out;
    InstitutionRepository institutions(db);
    std::vector<std::string> sectors;
    for (const auto& w : ActivityRepository(db).workplaces(language)) {
        if (!until.empty() && w.since > until) continue;
        MapWorkplace m{.institution = w.institution_name, .municipality = w.municipality, .region = w.region,
                       .sector = w.sector_label, .since = w.since, .peer_workers = w.peer_workers};
        if (auto inst = institutions.get(w.institution_id)) m.postcode = inst->postcode;
        m.place = locate(m.postcode, m.municipality);
        if (!m.sector.empty() && std::find(sectors.begin(), sectors.end(), m.sector) == sectors.end())
            sectors.push_back(m.sector);
        out.workplaces.push_back(std::move(m));
    }
    std::sort(sectors.begin(), sectors.end());
    for (size_t i = 0; i < sectors.size(); ++i)
        out.sectors.emplace_back(sectors[i], kSectorColours[i % std::size(kSectorColours)]);
    const bool unknown_sector = std::any_of(out.workplaces.begin(), out.workplaces.end(),
                                            [](const MapWorkplace& w) { return w.sector.empty(); });
    if (unknown_sector) out.sectors.emplace_back(tr("sector unknown"), kUnknownSectorColour);
    return out;
}

// --- Drawing ------------------------------------------------------------------------

namespace {
const double kCosStandardParallel = std::cos(50.5 * std::numbers::pi / 180);
}

Projection::Projection(double left, double top, double width, double height)
    : Projection(left, top, width, height, {tables().lat_min, tables().lon_min}, {tables().lat_max, tables().lon_max}) {}

Projection::Projection(double left, double top, double width, double height, LatLon south_west, LatLon north_east) {
    lon_min_ = south_west.lon;
    lat_max_ = north_east.lat;
    const double span_x = (north_east.lon - south_west.lon) * kCosStandardParallel,
                 span_y = north_east.lat - south_west.lat;
    scale_ = std::min(width / span_x, height / span_y);
    x0_ = left + (width - span_x * scale_) / 2;
    y0_ = top + (height - span_y * scale_) / 2;
}

Pixel Projection::operator()(LatLon at) const {
    return {x0_ + (at.lon - lon_min_) * kCosStandardParallel * scale_, y0_ + (lat_max_ - at.lat) * scale_};
}

double circle_radius(int peer_workers) { return 3 + 4 * std::sqrt(std::max(peer_workers, 0)); }

MapLayout layout_map(const MapData& data, double width, double height) {
    MapLayout l;
    l.width = width;
    l.height = height;
    l.legend_title = tr("Peer-support workplaces");
    // The legend is as wide as its longest line (about 7 px a character at 12 px).
    size_t longest = l.legend_title.size();
    for (const auto& [label, _] : data.sectors) longest = std::max(longest, label.size());
    const double legend_w = std::clamp(double(longest) * 7 + 40, 170.0, width * 0.45);
    const double margin = 12, attribution_h = 18;
    // Belgium as large as the room beside the legend allows, then map and legend centred
    // together, so that a wide window has no gap between them.
    const auto& t = tables();
    const double span_x = (t.lon_max - t.lon_min) * kCosStandardParallel, span_y = t.lat_max - t.lat_min;
    const double map_h = height - 2 * margin - attribution_h;
    const double scale = std::min((width - legend_w - 2 * margin) / span_x, map_h / span_y);
    const double map_w = span_x * scale;
    const double left = std::max(margin, (width - map_w - legend_w) / 2);
    l.projection = Projection(left, margin, map_w, map_h);

    static const std::map<std::string, std::pair<std::string, LatLon>> kRegionStyle = {
        {"brussels", {"#cfe0f1", {50.93, 4.36}}},   // label north of the small region
        {"flanders", {"#fbf0c4", {51.12, 3.85}}},
        {"wallonia", {"#f5dccd", {50.2, 5.05}}}};
    for (const auto& r : belgium_regions()) {
        MapLayout::Region out;
        out.region = r.region;
        out.label = region_label(r.region);
        const auto style = kRegionStyle.at(r.region);
        out.fill = style.first;
        out.label_at = l.projection(style.second);
        for (const auto& polygon : r.polygons)
            for (const auto& ring : polygon) {
                auto& pixels = out.rings.emplace_back();
                for (const auto& p : ring) pixels.push_back(l.projection(p));
            }
        l.regions.push_back(std::move(out));
    }

    std::map<std::string, std::string> colour_of(data.sectors.begin(), data.sectors.end());
    for (size_t i = 0; i < data.workplaces.size(); ++i) {
        const auto& w = data.workplaces[i];
        if (!w.place) continue;
        l.circles.push_back({l.projection(w.place->at), circle_radius(w.peer_workers),
                             w.sector.empty() ? kUnknownSectorColour : colour_of.at(w.sector), i});
    }
    std::stable_sort(l.circles.begin(), l.circles.end(),
                     [](const MapCircle& a, const MapCircle& b) { return a.radius > b.radius; });

    // The Brussels inset, bottom left (France there: nothing of Belgium is drawn).
    const auto& brussels = belgium_regions().front();
    std::vector<MapCircle> in_brussels;
    for (const auto& c : l.circles)
        if (data.workplaces[c.workplace].place->region == "brussels") in_brussels.push_back(c);
    if (!in_brussels.empty()) {
        MapLayout::Inset in;
        in.width = std::min(map_w * 0.32, map_h * 0.45);
        in.height = in.width * 0.9;
        in.x = left;
        in.y = margin + map_h - in.height;
        in.title = tr("Brussels-Capital, enlarged");
        in.title_at = {in.x + 6, in.y + 15};
        in.fill = kRegionStyle.at("brussels").first;
        LatLon sw{90, 180}, ne{-90, -180};
        for (const auto& polygon : brussels.polygons)
            for (const auto& p : polygon.front()) {
                sw = {std::min(sw.lat, p.lat), std::min(sw.lon, p.lon)};
                ne = {std::max(ne.lat, p.lat), std::max(ne.lon, p.lon)};
            }
        const double pad = 14, title_h = 20;
        in.projection = Projection(in.x + pad, in.y + title_h + pad / 2, in.width - 2 * pad,
                                   in.height - title_h - pad, sw, ne);
        for (const auto& polygon : brussels.polygons)
            for (const auto& ring : polygon) {
                auto& pixels = in.rings.emplace_back();
                for (const auto& p : ring) pixels.push_back(in.projection(p));
            }
        for (auto c : in_brussels) {
            c.centre = in.projection(data.workplaces[c.workplace].place->at);
            in.circles.push_back(c);
        }
        // Workplaces of one postcode place share a point: around it in the inset, so that
        // each can be seen (the main map keeps every circle at its exact place).
        std::map<std::pair<double, double>, std::vector<size_t>> same_point;
        for (size_t i = 0; i < in.circles.size(); ++i)
            same_point[{in.circles[i].centre.x, in.circles[i].centre.y}].push_back(i);
        for (const auto& [at, group] : same_point) {
            if (group.size() < 2) continue;
            double r = 0;
            for (size_t i : group) r = std::max(r, in.circles[i].radius);
            for (size_t k = 0; k < group.size(); ++k) {
                const double angle = 2 * std::numbers::pi * double(k) / double(group.size()) - std::numbers::pi / 2;
                in.circles[group[k]].centre = {at.first + r * std::cos(angle), at.second + r * std::sin(angle)};
            }
        }
        l.inset = std::move(in);
    }

    // Legend: sectors, then two sizes, then how many are not on the map.
    const double lx = left + map_w + 8;
    double y = margin + 8;
    l.legend_title_at = {lx, y};
    y += 24;
    for (const auto& [label, colour] : data.sectors) {
        l.legend.push_back({{lx + 8, y}, 6, colour, label});
        y += 20;
    }
    int most = 1;
    for (const auto& w : data.workplaces) most = std::max(most, w.peer_workers);
    y += 10;
    for (int n : most > 1 ? std::vector<int>{1, most} : std::vector<int>{1}) {
        const double r = circle_radius(n);
        y += r;
        l.legend.push_back({{lx + 8 + circle_radius(most) - r, y}, r, "",
                            trfn("{n} peer worker", "{n} peer workers", unsigned(n), fmt::arg("n", n))});
        y += r + 8;
    }
    const auto unplaced = data.unplaced().size();
    if (unplaced) {
        y += 8;
        l.legend.push_back({{lx, y}, 0, "",
                            trfn("{n} workplace not on the map", "{n} workplaces not on the map", unplaced,
                                 fmt::arg("n", unplaced))});
    }
    l.attribution = tr("Regions: Natural Earth. Postcodes: © GeoNames, CC BY 4.0.");
    l.attribution_at = {left, height - 6};
    return l;
}

std::string map_svg_file(const MapData& data) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + map_svg(data, layout_map(data, 1000, 680));
}

std::string map_svg(const MapData& data, const MapLayout& l) {
    auto n = [](double v) { return fmt::format("{:.1f}", v); };
    std::string s;
    s += fmt::format(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{0}\" height=\"{1}\" viewBox=\"0 0 {0} {1}\" "
        "role=\"img\" aria-label=\"{2}\" font-family=\"DejaVu Sans, Arial, sans-serif\">\n",
        n(l.width), n(l.height), html_escape(l.legend_title));
    s += "<title>" + html_escape(l.legend_title) + "</title>\n";
    s += fmt::format("<rect width=\"{}\" height=\"{}\" fill=\"#ffffff\"/>\n", n(l.width), n(l.height));
    s += "<g id=\"regions\" stroke=\"#6b6b6b\" stroke-width=\"1\" stroke-linejoin=\"round\">\n";
    for (const auto& r : l.regions) {
        std::string d;
        for (const auto& ring : r.rings) {
            for (size_t i = 0; i < ring.size(); ++i) d += (i ? " L" : "M") + n(ring[i].x) + " " + n(ring[i].y);
            d += " Z ";
        }
        s += fmt::format("<path id=\"region-{}\" fill=\"{}\" fill-rule=\"evenodd\" d=\"{}\"><title>{}</title></path>\n",
                         r.region, r.fill, d, html_escape(r.label));
    }
    s += "</g>\n<g id=\"region-labels\" font-size=\"13\" fill=\"#555555\" text-anchor=\"middle\">\n";
    for (const auto& r : l.regions)
        s += fmt::format("<text x=\"{}\" y=\"{}\">{}</text>\n", n(r.label_at.x), n(r.label_at.y), html_escape(r.label));
    s += "</g>\n<g id=\"workplaces\" stroke=\"#ffffff\" stroke-width=\"1.2\" fill-opacity=\"0.85\">\n";
    for (const auto& c : l.circles) {
        const auto& w = data.workplaces[c.workplace];
        const std::string tip = w.institution + " — " + w.place->postcode + " " + w.place->place + " (" +
                                trfn("{n} peer worker", "{n} peer workers", unsigned(w.peer_workers),
                                     fmt::arg("n", w.peer_workers)) +
                                ")";
        s += fmt::format(
            "<circle cx=\"{}\" cy=\"{}\" r=\"{}\" fill=\"{}\" data-peer-workers=\"{}\"><title>{}</title></circle>\n",
            n(c.centre.x), n(c.centre.y), n(c.radius), c.colour, w.peer_workers, html_escape(tip));
    }
    s += "</g>\n";
    if (l.inset) {
        const auto& in = *l.inset;
        s += "<g id=\"brussels-inset\">\n";
        s += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"#ffffff\" stroke=\"#9a9a9a\"/>\n",
                         n(in.x), n(in.y), n(in.width), n(in.height));
        s += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"12\" fill=\"#555555\">{}</text>\n", n(in.title_at.x),
                         n(in.title_at.y), html_escape(in.title));
        std::string d;
        for (const auto& ring : in.rings) {
            for (size_t i = 0; i < ring.size(); ++i) d += (i ? " L" : "M") + n(ring[i].x) + " " + n(ring[i].y);
            d += " Z ";
        }
        s += fmt::format("<path fill=\"{}\" fill-rule=\"evenodd\" stroke=\"#6b6b6b\" d=\"{}\"/>\n", in.fill, d);
        s += "<g stroke=\"#ffffff\" stroke-width=\"1.2\" fill-opacity=\"0.85\">\n";
        for (const auto& c : in.circles)
            s += fmt::format("<circle cx=\"{}\" cy=\"{}\" r=\"{}\" fill=\"{}\"><title>{}</title></circle>\n",
                             n(c.centre.x), n(c.centre.y), n(c.radius), c.colour,
                             html_escape(data.workplaces[c.workplace].institution));
        s += "</g>\n</g>\n";
    }
    s += "<g id=\"legend\" font-size=\"12\" fill=\"#222222\">\n";
    s += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"13\" font-weight=\"bold\">{}</text>\n",
                     n(l.legend_title_at.x), n(l.legend_title_at.y + 4), html_escape(l.legend_title));
    for (const auto& item : l.legend) {
        double text_x = item.at.x;
        if (item.radius > 0) {
            s += fmt::format("<circle cx=\"{}\" cy=\"{}\" r=\"{}\" fill=\"{}\" stroke=\"{}\"/>\n", n(item.at.x),
                             n(item.at.y), n(item.radius), item.colour.empty() ? "none" : item.colour,
                             item.colour.empty() ? "#444444" : "#ffffff");
            text_x = item.at.x + std::max(item.radius, 12.0) + 8;
        }
        s += fmt::format("<text x=\"{}\" y=\"{}\">{}</text>\n", n(text_x), n(item.at.y + 4), html_escape(item.text));
    }
    s += "</g>\n";
    s += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"10\" fill=\"#777777\">{}</text>\n", n(l.attribution_at.x),
                     n(l.attribution_at.y), html_escape(l.attribution));
    s += "</svg>\n";
    return s;
}

void add_map_to_section(ReportSection& section, Database& db, const ReportScope& scope) {
    if (scope.funder) return;  // workplaces are not counted per funder
    const auto data = map_data(db, scope.language, scope.to_date());
    if (data.workplaces.empty()) return;
    int peer_workers = 0;
    for (const auto& w : data.workplaces) peer_workers += w.peer_workers;
    section.paragraphs.push_back(trf("{n} peer-support workplaces, {p} peer workers.",
                                     fmt::arg("n", data.workplaces.size()), fmt::arg("p", peer_workers)));
    const auto unplaced = data.unplaced();
    if (!unplaced.empty()) {
        std::string list;
        for (const auto& u : unplaced) list += (list.empty() ? "" : ", ") + u;
        section.paragraphs.push_back(
            trf("Not on the map (postcode and municipality unknown): {list}.", fmt::arg("list", list)));
    }
    section.figures.push_back({tr("Peer-support workplaces"), map_svg(data, layout_map(data, 760, 520))});
}

// --- Exports ------------------------------------------------------------------------

MapExport map_geojson(Database& db) {
    struct Group {
        PostcodePlace place;
        std::string municipality;
        int count = 0, peer_workers = 0;
        std::vector<std::string> institutions;
    };
    std::map<std::pair<std::string, std::string>, Group> groups;  // by postcode and place
    MapExport out;
    const auto data = map_data(db);
    out.unplaced = data.unplaced();
    for (const auto& w : data.workplaces) {
        if (!w.place) continue;
        auto& g = groups[{w.place->postcode, w.place->place}];
        if (g.count == 0) {
            g.place = *w.place;
            g.municipality = w.municipality.empty() ? w.place->place : w.municipality;
        }
        ++g.count;
        g.peer_workers += w.peer_workers;
        g.institutions.push_back(w.institution);
    }
    nlohmann::json features = nlohmann::json::array();
    for (const auto& [k, g] : groups) {
        features.push_back({{"type", "Feature"},
                            {"geometry", {{"type", "Point"}, {"coordinates", {g.place.at.lon, g.place.at.lat}}}},
                            {"properties",
                             {{"municipality", g.municipality},
                              {"postcode", g.place.postcode},
                              {"region", g.place.region},
                              {"count", g.count},
                              {"peer_workers", g.peer_workers},
                              {"institutions", g.institutions}}}});
    }
    out.geojson = {{"type", "FeatureCollection"}, {"features", features}};
    return out;
}

std::string map_csv(Database& db, const std::string& language) {
    Table t;
    t.columns = {"institution", "region", "municipality", "postcode", "sector", "since", "peer_workers"};
    InstitutionRepository institutions(db);
    for (const auto& w : ActivityRepository(db).workplaces(language)) {
        auto inst = institutions.get(w.institution_id);
        t.rows.push_back({w.institution_name, w.region, w.municipality, inst ? inst->postcode : "", w.sector_label,
                          w.since, std::to_string(w.peer_workers)});
    }
    return to_csv(t, ',', false);
}

}  // namespace maillage::pat
