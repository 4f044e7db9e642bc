#include "pat_activities.h"
#include "pat_export.h"
#include "pat_figures.h"
#include "pat_fixture.h"
#include "pat_map.h"

#include "core/report.h"

#include <nlohmann/json.hpp>
#include <pugixml.hpp>

#include <algorithm>
#include <cmath>

#include <gtest/gtest.h>

namespace maillage::pat::test {
namespace {

// --- Postcodes (GeoNames, plugins/pat/data/be_postcodes.csv) ---------------------------

TEST(PatPostcodes, EveryBelgianPostcodeIsInTheTable) {
    // bpost's list has some 1,150 postcodes; the old table knew 45 towns by name.
    EXPECT_GT(postcode_count(), 1100u);
    // The first and the last postcodes of the country, and one of each province range.
    for (const char* code : {"1000", "1300", "1500", "2000", "3000", "3500", "4000", "5000", "6000", "6600", "7000",
                             "8000", "9000", "9992"})
        EXPECT_TRUE(postcode_place(code)) << code;
}

TEST(PatPostcodes, RealPostcodesGiveTheirTownAndRegion) {
    struct Expected {
        const char* postcode;
        const char* place;
        const char* region;
        double lat, lon;
    };
    // What GeoNames says (the main place of each postcode).
    const Expected expected[] = {{"1000", "Bruxelles", "brussels", 50.8504, 4.3488},
                                 {"4000", "Liège", "wallonia", 50.6337, 5.5675},
                                 {"9000", "Gent", "flanders", 51.05, 3.7167},
                                 {"8400", "Oostende", "flanders", 51.2155, 2.927},
                                 {"6700", "Arlon", "wallonia", 49.6833, 5.8167}};
    for (const auto& e : expected) {
        const auto p = postcode_place(e.postcode);
        ASSERT_TRUE(p) << e.postcode;
        EXPECT_EQ(p->postcode, e.postcode);
        EXPECT_EQ(p->place, e.place);
        EXPECT_EQ(p->region, e.region);
        EXPECT_DOUBLE_EQ(p->at.lat, e.lat) << e.postcode;
        EXPECT_DOUBLE_EQ(p->at.lon, e.lon) << e.postcode;
        // The boundary data agrees: the point is inside its region's outline.
        EXPECT_EQ(region_at(p->at), e.region) << e.postcode;
    }
    // A postcode covering several villages: the one the institution names.
    EXPECT_EQ(postcode_place("4000", "Rocourt")->place, "Rocourt");
    EXPECT_EQ(postcode_place("8400", "stene")->place, "Stene");
    EXPECT_EQ(postcode_place("4000", "Somewhere else")->place, "Liège");
    // Written as people write them.
    EXPECT_EQ(postcode_place("B-1000")->place, "Bruxelles");
    EXPECT_EQ(postcode_place(" 9000 Gent")->place, "Gent");
    // Unknown postcodes are not guessed.
    EXPECT_FALSE(postcode_place("9999"));
    EXPECT_FALSE(postcode_place("0999"));
    EXPECT_FALSE(postcode_place("10000"));
    EXPECT_FALSE(postcode_place(""));
}

TEST(PatPostcodes, PlacesByNameInFrenchAndDutch) {
    const auto fr = place_by_name("Saint-Josse-ten-Noode");
    const auto nl = place_by_name("sint joost ten node");
    ASSERT_TRUE(fr && nl);
    EXPECT_EQ(fr->postcode, "1210");
    EXPECT_EQ(nl->postcode, "1210");
    EXPECT_EQ(place_by_name("LIEGE")->postcode, "4000");
    EXPECT_EQ(place_by_name("Luik")->postcode, "4000");
    EXPECT_EQ(place_by_name("Brussel")->postcode, "1000");
    // Aalst the town (9300), not the village of Sint-Truiden that shares its name.
    EXPECT_EQ(place_by_name("Aalst")->postcode, "9300");
    // Accents of either side ignored: the table writes "Butgenbach", people "Bütgenbach".
    EXPECT_EQ(place_by_name("Bütgenbach")->postcode, "4750");
    EXPECT_EQ(place_by_name("Écaussinnes")->postcode, "7190");
    EXPECT_EQ(place_by_name("VAUX-SUR-SURE")->place, "Vaux-Sur-Sûre");
    EXPECT_EQ(postcode_place("5660", "brûly de pesche")->place, "Brûly-De-Pesche");
    EXPECT_FALSE(place_by_name("Atlantis"));
    EXPECT_FALSE(place_by_name(""));
    // A postcode wins over the name; an unknown postcode falls back on the name.
    EXPECT_EQ(locate("1050", "Bruxelles")->place, "Ixelles");
    EXPECT_EQ(locate("9999", "Namur")->postcode, "5000");
    EXPECT_FALSE(locate("9999", "Atlantis"));
}

TEST(PatRegions, TheThreeRegionsAndTheirData) {
    const auto& regions = belgium_regions();
    ASSERT_EQ(regions.size(), 3u);
    EXPECT_EQ(regions[0].region, "brussels");
    EXPECT_EQ(regions[1].region, "flanders");
    EXPECT_EQ(regions[2].region, "wallonia");
    // Brussels is an enclave: inside Flanders' outline but in its hole.
    const LatLon grand_place{50.8467, 4.3525};
    EXPECT_TRUE(region_contains(regions[0], grand_place));
    EXPECT_FALSE(region_contains(regions[1], grand_place));
    EXPECT_EQ(region_at({51.2199, 4.4035}), "flanders");   // Antwerpen
    EXPECT_EQ(region_at({50.4114, 4.4445}), "wallonia");   // Charleroi
    EXPECT_EQ(region_at({48.8566, 2.3522}), "");           // Paris
    EXPECT_EQ(region_at({52.3676, 4.9041}), "");           // Amsterdam
    // The postcode table and the outlines agree for nearly every place (the outline is
    // simplified to about 60 m, GeoNames places villages roughly).
    const std::vector<std::string> codes = {"1000", "1030", "1180", "2000", "2300", "3000", "3500", "3700", "4000",
                                            "4700", "5000", "6000", "6700", "7000", "7500", "8000", "8400", "8500",
                                            "9000", "9300"};
    for (const auto& c : codes) {
        const auto p = postcode_place(c);
        ASSERT_TRUE(p) << c;
        EXPECT_EQ(region_at(p->at), p->region) << c;
    }
    // Every postcode: never in another region's outline; a few border villages (Baarle-
    // Hertog, Martelange...) just outside the simplified outline, drawn all the same.
    size_t postcodes = 0, outside = 0;
    for (int code = 1000; code <= 9999; ++code) {
        const auto p = postcode_place(std::to_string(code));
        if (!p) continue;
        ++postcodes;
        const auto region = region_at(p->at);
        if (region.empty())
            ++outside;
        else
            EXPECT_EQ(region, p->region) << code;
    }
    EXPECT_EQ(postcodes, postcode_count());
    EXPECT_LT(outside, postcodes / 50);
}

// --- The drawn map -------------------------------------------------------------------

class PatMapTest : public PatTest {
protected:
    void workplace(const std::string& name, const std::string& region, const std::string& postcode,
                   const std::string& municipality, const std::string& sector, int peer_workers) {
        const auto at = institution(name, region, municipality, sector, postcode);
        ActivityRepository(*db).set_workplace(
            {.institution_id = at, .since = "2024-03-01", .peer_workers = peer_workers});
    }

    // Even-odd point-in-polygon, written apart from the plugin's.
    static bool inside(const std::vector<std::vector<Pixel>>& rings, Pixel p) {
        bool in = false;
        for (const auto& ring : rings)
            for (size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++)
                if ((ring[i].y > p.y) != (ring[j].y > p.y) &&
                    p.x < (ring[j].x - ring[i].x) * (p.y - ring[i].y) / (ring[j].y - ring[i].y) + ring[i].x)
                    in = !in;
        return in;
    }
    static const MapLayout::Region& region(const MapLayout& l, const std::string& code) {
        for (const auto& r : l.regions)
            if (r.region == code) return r;
        throw std::runtime_error("no region " + code);
    }
};

TEST_F(PatMapTest, BrusselsAndLiegeAreDrawnInsideBelgiumAtTheirPlaces) {
    workplace("Maison d'accueil", "brussels", "1000", "Bruxelles", "homeless", 2);
    workplace("Relais social de Liège", "wallonia", "4000", "Liège", "mental_health", 5);
    const auto data = map_data(*db);
    ASSERT_EQ(data.workplaces.size(), 2u);
    EXPECT_TRUE(data.unplaced().empty());
    const double width = 800, height = 560;
    const auto l = layout_map(data, width, height);
    ASSERT_EQ(l.circles.size(), 2u);

    // The projection, computed here from its definition: equirectangular, standard
    // parallel 50.5°N, Belgium's bounding box fitted and centred in the map's box.
    double lat_min = 90, lat_max = -90, lon_min = 180, lon_max = -180;
    for (const auto& r : belgium_regions())
        for (const auto& polygon : r.polygons)
            for (const auto& ring : polygon)
                for (const auto& p : ring) {
                    lat_min = std::min(lat_min, p.lat), lat_max = std::max(lat_max, p.lat);
                    lon_min = std::min(lon_min, p.lon), lon_max = std::max(lon_max, p.lon);
                }
    const double k = std::cos(50.5 * M_PI / 180);
    // Belgium spans about 2.5-6.4°E and 49.5-51.5°N.
    EXPECT_NEAR(lon_min, 2.54, 0.05);
    EXPECT_NEAR(lon_max, 6.40, 0.05);
    EXPECT_NEAR(lat_min, 49.50, 0.05);
    EXPECT_NEAR(lat_max, 51.50, 0.05);
    // The map's box: what layout_map leaves beside the legend.
    const Pixel top_left = l.projection({lat_max, lon_min});
    const Pixel bottom_right = l.projection({lat_min, lon_max});
    const double scale = (bottom_right.x - top_left.x) / ((lon_max - lon_min) * k);
    EXPECT_NEAR((bottom_right.y - top_left.y) / (lat_max - lat_min), scale, 1e-9);  // same scale both ways
    EXPECT_GT(scale, 100);  // pixels a degree of latitude: the map fills most of the picture
    EXPECT_GE(top_left.x, 0);
    EXPECT_GE(top_left.y, 0);
    EXPECT_LE(bottom_right.y, height);
    EXPECT_LT(bottom_right.x, l.legend_title_at.x);  // the legend is beside the map, not over it
    auto expected_pixel = [&](double lat, double lon) {
        return Pixel{top_left.x + (lon - lon_min) * k * scale, top_left.y + (lat_max - lat) * scale};
    };

    for (const auto& c : l.circles) {
        const auto& w = data.workplaces[c.workplace];
        ASSERT_TRUE(w.place);
        if (w.institution == "Maison d'accueil") {
            const auto at = expected_pixel(50.8504, 4.3488);  // 1000 Bruxelles
            EXPECT_NEAR(c.centre.x, at.x, 1e-6);
            EXPECT_NEAR(c.centre.y, at.y, 1e-6);
            EXPECT_TRUE(inside(region(l, "brussels").rings, c.centre));
            EXPECT_FALSE(inside(region(l, "flanders").rings, c.centre));  // Brussels is Flanders' hole
            EXPECT_FALSE(inside(region(l, "wallonia").rings, c.centre));
            EXPECT_DOUBLE_EQ(c.radius, circle_radius(2));
        } else {
            const auto at = expected_pixel(50.6337, 5.5675);  // 4000 Liège
            EXPECT_NEAR(c.centre.x, at.x, 1e-6);
            EXPECT_NEAR(c.centre.y, at.y, 1e-6);
            EXPECT_TRUE(inside(region(l, "wallonia").rings, c.centre));
            EXPECT_FALSE(inside(region(l, "flanders").rings, c.centre));
            EXPECT_FALSE(inside(region(l, "brussels").rings, c.centre));
            EXPECT_DOUBLE_EQ(c.radius, circle_radius(5));
        }
    }
    // Brussels again, enlarged in a box beside Belgium (France, south-west): only Brussels'
    // workplace, inside the enlarged region.
    ASSERT_TRUE(l.inset);
    const auto& in = *l.inset;
    ASSERT_EQ(in.circles.size(), 1u);
    EXPECT_EQ(data.workplaces[in.circles[0].workplace].institution, "Maison d'accueil");
    EXPECT_TRUE(inside(in.rings, in.circles[0].centre));
    EXPECT_GT(in.circles[0].centre.x, in.x);
    EXPECT_LT(in.circles[0].centre.x, in.x + in.width);
    EXPECT_GT(in.circles[0].centre.y, in.y);
    EXPECT_LT(in.circles[0].centre.y, in.y + in.height);
    for (const auto& r : l.regions)  // the box hides no part of Belgium
        for (const auto& ring : r.rings)
            for (const auto& p : ring)
                EXPECT_FALSE(p.x > in.x && p.x < in.x + in.width && p.y > in.y && p.y < in.y + in.height)
                    << r.region << " " << p.x << "," << p.y;
    EXPECT_GT(in.width, 150);  // enlarged: Brussels is some 20 px wide on the map itself

    // Liège is east and south of Brussels, about 90 km away (1° of latitude is 111 km).
    const auto bxl = expected_pixel(50.8504, 4.3488), lg = expected_pixel(50.6337, 5.5675);
    EXPECT_GT(lg.x, bxl.x);
    EXPECT_GT(lg.y, bxl.y);
    EXPECT_NEAR(std::hypot(lg.x - bxl.x, lg.y - bxl.y) / scale * 111.2, 89, 5);
    // Larger circles first, so that the smaller stay visible on top.
    EXPECT_GT(l.circles[0].radius, l.circles[1].radius);
    EXPECT_GT(circle_radius(5), circle_radius(2));
    // Colour by sector: two sectors, two colours, both in the legend.
    ASSERT_EQ(data.sectors.size(), 2u);
    EXPECT_NE(l.circles[0].colour, l.circles[1].colour);
    for (const auto& c : l.circles) {
        const auto& sector = data.workplaces[c.workplace].sector;
        const auto it = std::find_if(data.sectors.begin(), data.sectors.end(),
                                     [&](const auto& s) { return s.first == sector; });
        ASSERT_NE(it, data.sectors.end());
        EXPECT_EQ(it->second, c.colour);
    }
}

TEST_F(PatMapTest, AWorkplaceThatCannotBePlacedIsListedNotDropped) {
    workplace("Service à Ixelles", "brussels", "1050", "Ixelles", "homeless", 1);
    workplace("Service inconnu", "wallonia", "9999", "Atlantis", "homeless", 1);
    workplace("Service sans adresse", "flanders", "", "", "homeless", 1);
    const auto data = map_data(*db);
    ASSERT_EQ(data.workplaces.size(), 3u);
    const auto unplaced = data.unplaced();
    ASSERT_EQ(unplaced.size(), 2u);
    // In the list's order (region, municipality, name).
    EXPECT_EQ(unplaced[0], "Service sans adresse (no postcode or municipality)");
    EXPECT_EQ(unplaced[1], "Service inconnu (9999 Atlantis)");
    const auto l = layout_map(data, 800, 560);
    ASSERT_EQ(l.circles.size(), 1u);
    EXPECT_EQ(data.workplaces[l.circles[0].workplace].institution, "Service à Ixelles");
    ASSERT_TRUE(l.inset);
    EXPECT_EQ(l.inset->circles.size(), 1u);
    // The legend says how many are missing.
    ASSERT_FALSE(l.legend.empty());
    EXPECT_EQ(l.legend.back().text, "2 workplaces not on the map");
    // And so does the GeoJSON export.
    EXPECT_EQ(map_geojson(*db).unplaced, unplaced);
}

TEST_F(PatMapTest, WorkplacesSharingAPostcodeStaySeparateInTheBrusselsInset) {
    workplace("A", "brussels", "1000", "Bruxelles", "homeless", 1);
    workplace("B", "brussels", "1000", "Bruxelles", "addiction", 3);
    workplace("C", "brussels", "1000", "Bruxelles", "housing", 1);
    const auto data = map_data(*db);
    const auto l = layout_map(data, 800, 560);
    ASSERT_EQ(l.circles.size(), 3u);
    // On the map itself: all three at the place of 1000 Bruxelles.
    const auto at = l.projection(postcode_place("1000")->at);
    for (const auto& c : l.circles) {
        EXPECT_DOUBLE_EQ(c.centre.x, at.x);
        EXPECT_DOUBLE_EQ(c.centre.y, at.y);
    }
    // In the inset: around that place, none hiding another's centre.
    ASSERT_TRUE(l.inset);
    const auto& in = l.inset->circles;
    ASSERT_EQ(in.size(), 3u);
    const auto centre = l.inset->projection(postcode_place("1000")->at);
    for (size_t i = 0; i < in.size(); ++i) {
        EXPECT_NEAR(std::hypot(in[i].centre.x - centre.x, in[i].centre.y - centre.y), circle_radius(3), 1e-9);
        for (size_t j = i + 1; j < in.size(); ++j)
            EXPECT_GT(std::hypot(in[i].centre.x - in[j].centre.x, in[i].centre.y - in[j].centre.y), circle_radius(1));
    }
}

TEST_F(PatMapTest, SvgExportParsesAndHoldsTheRegionsAndThePoints) {
    workplace("Maison d'accueil <Bruxelles> & co", "brussels", "1000", "Bruxelles", "homeless", 2);
    workplace("Relais social de Liège", "wallonia", "4000", "Liège", "mental_health", 5);
    const auto data = map_data(*db);
    const auto l = layout_map(data, 800, 560);
    const auto svg = map_svg(data, l);
    pugi::xml_document doc;
    const auto parsed = doc.load_string(svg.c_str());
    ASSERT_TRUE(parsed) << parsed.description() << " at " << parsed.offset;
    const auto root = doc.child("svg");
    ASSERT_TRUE(root);
    EXPECT_STREQ(root.attribute("xmlns").value(), "http://www.w3.org/2000/svg");
    EXPECT_DOUBLE_EQ(root.attribute("width").as_double(), 800);
    EXPECT_DOUBLE_EQ(root.attribute("height").as_double(), 560);

    const auto regions = root.find_child_by_attribute("g", "id", "regions");
    ASSERT_TRUE(regions);
    std::vector<std::string> ids;
    for (const auto& path : regions.children("path")) {
        ids.push_back(path.attribute("id").value());
        EXPECT_STREQ(path.attribute("fill-rule").value(), "evenodd");
        const std::string d = path.attribute("d").value();
        EXPECT_EQ(d.rfind("M", 0), 0u);
        EXPECT_GT(std::count(d.begin(), d.end(), 'L'), 20);
    }
    EXPECT_EQ(ids, (std::vector<std::string>{"region-brussels", "region-flanders", "region-wallonia"}));

    const auto points = root.find_child_by_attribute("g", "id", "workplaces");
    ASSERT_TRUE(points);
    size_t n = 0;
    for (const auto& circle : points.children("circle")) {
        ASSERT_LT(n, l.circles.size());
        const auto& c = l.circles[n++];
        EXPECT_NEAR(circle.attribute("cx").as_double(), c.centre.x, 0.051);
        EXPECT_NEAR(circle.attribute("cy").as_double(), c.centre.y, 0.051);
        EXPECT_NEAR(circle.attribute("r").as_double(), c.radius, 0.051);
        EXPECT_EQ(std::string(circle.attribute("fill").value()), c.colour);
        const std::string title = circle.child_value("title");
        EXPECT_EQ(title.rfind(data.workplaces[c.workplace].institution, 0), 0u) << title;  // escaped, read back
    }
    EXPECT_EQ(n, 2u);
    const auto inset = root.find_child_by_attribute("g", "id", "brussels-inset");
    ASSERT_TRUE(inset);
    EXPECT_EQ(inset.select_nodes(".//circle").size(), 1u);
    // The sources are named on the map itself.
    EXPECT_NE(svg.find("GeoNames"), std::string::npos);
    EXPECT_NE(svg.find("Natural Earth"), std::string::npos);
}

TEST_F(PatMapTest, TheReportSectionCarriesTheMapAndTheUnplaced) {
    workplace("Maison d'accueil", "brussels", "1000", "Bruxelles", "homeless", 2);
    workplace("Service inconnu", "wallonia", "9999", "Atlantis", "homeless", 1);
    ReportScope scope;
    scope.year = 2025;
    const auto sections = pat_sections(*db, scope);
    ASSERT_EQ(sections.size(), 1u);
    const auto& s = sections[0];
    ASSERT_EQ(s.figures.size(), 1u);
    EXPECT_EQ(s.figures[0].title, "Peer-support workplaces");
    EXPECT_NE(std::find(s.paragraphs.begin(), s.paragraphs.end(), "2 peer-support workplaces, 3 peer workers."),
              s.paragraphs.end());
    EXPECT_NE(std::find(s.paragraphs.begin(), s.paragraphs.end(),
                        "Not on the map (postcode and municipality unknown): Service inconnu (9999 Atlantis)."),
              s.paragraphs.end());
    Report report;
    report.title = "Report";
    report.scope = scope;
    report.sections = sections;
    const auto html = to_html(report);
    EXPECT_NE(html.find("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"760.0\""), std::string::npos);
    EXPECT_NE(html.find("id=\"region-wallonia\""), std::string::npos);
    EXPECT_NE(html.find("<figcaption>Peer-support workplaces</figcaption>"), std::string::npos);
    EXPECT_EQ(to_json(report)["sections"][0]["figures"][0]["title"], "Peer-support workplaces");

    // Workplaces started after the period are not on that year's map.
    ReportScope before;
    before.year = 2023;
    EXPECT_TRUE(pat_sections(*db, before)[0].figures.empty());
    // Nor is the map in a funder's report: workplaces do not count for a funder.
    ReportScope funder;
    funder.year = 2025;
    funder.funder = "COCOM";
    EXPECT_TRUE(pat_sections(*db, funder)[0].figures.empty());
}

TEST_F(PatTest, GeoJsonGroupsWorkplacesByMunicipalityAndListsTheUnplaced) {
    ActivityRepository act(*db);
    auto place = [&](const std::string& name, const std::string& region, const std::string& municipality, int n) {
        Workplace w;
        w.institution_id = institution(name, region, municipality, "homeless");
        w.since = "2023-01-01";
        w.peer_workers = n;
        act.set_workplace(w);
    };
    place("A Ixelles", "brussels", "Ixelles", 1);
    place("B Ixelles", "brussels", "ixelles", 2);  // another spelling, same commune
    place("C Namur", "wallonia", "Namur", 1);
    place("D Nowhere", "wallonia", "Atlantis", 1);

    const auto exported = map_geojson(*db);
    // Read back from text, as the map website would.
    const auto j = nlohmann::json::parse(exported.geojson.dump());
    EXPECT_EQ(j["type"], "FeatureCollection");
    ASSERT_EQ(j["features"].size(), 2u);
    int workplaces = 0;
    for (const auto& f : j["features"]) {
        EXPECT_EQ(f["type"], "Feature");
        EXPECT_EQ(f["geometry"]["type"], "Point");
        const auto& xy = f["geometry"]["coordinates"];
        ASSERT_EQ(xy.size(), 2u);
        const double lon = xy[0], lat = xy[1];
        EXPECT_GT(lat, 49.4);  // Belgium: latitude 49.5-51.5, longitude 2.5-6.4
        EXPECT_LT(lat, 51.6);
        EXPECT_GT(lon, 2.5);
        EXPECT_LT(lon, 6.5);
        workplaces += f["properties"]["count"].get<int>();
        if (f["properties"]["region"] == "brussels") {
            EXPECT_EQ(f["properties"]["count"], 2);
            EXPECT_EQ(f["properties"]["peer_workers"], 3);
            EXPECT_EQ(f["properties"]["institutions"].size(), 2u);
            EXPECT_NEAR(lat, 50.83, 0.01);
        }
    }
    EXPECT_EQ(workplaces, 3);
    ASSERT_EQ(exported.unplaced.size(), 1u);
    EXPECT_EQ(exported.unplaced[0], "D Nowhere (Atlantis)");

    const auto csv = map_csv(*db);
    EXPECT_EQ(csv.rfind("institution,region,municipality,postcode,sector,since,peer_workers\r\n", 0), 0u);
    EXPECT_NE(csv.find("D Nowhere"), std::string::npos);  // the CSV keeps every workplace
}

TEST(PatTable, CsvQuotesWhatNeedsIt) {
    Table t{{"a", "b"}, {{"x,y", "say \"hi\""}, {"1", ""}}};
    EXPECT_EQ(to_csv(t, ',', false), "a,b\r\n\"x,y\",\"say \"\"hi\"\"\"\r\n1,\r\n");
    EXPECT_EQ(to_csv(t), "\xEF\xBB\xBF" "a;b\r\nx,y;\"say \"\"hi\"\"\"\r\n1;\r\n");
}

TEST_F(PatTest, XlsxExportWritesAWorkbook) {
    const auto id = ssm_started();
    session(id, "working_group", "2025-02-10");
    maillage::test::TempDir dir;
    const auto t = sessions_table(*db, "2025-01-01", "2025-12-31");
    ASSERT_EQ(t.rows.size(), 1u);
    write_xlsx(t, dir / "s.xlsx", "sessions");
    const auto bytes = maillage::test::read_file(dir / "s.xlsx");
    EXPECT_EQ(bytes.substr(0, 2), "PK");  // a zip container
    EXPECT_EQ(accompaniments_table(*db).rows.size(), 1u);
}

}  // namespace
}  // namespace maillage::pat::test
