#include "pat_activities.h"
#include "pat_export.h"
#include "pat_fixture.h"
#include "pat_map.h"

#include <nlohmann/json.hpp>

#include <gtest/gtest.h>

namespace maillage::pat::test {
namespace {

TEST(PatCentroids, KnowsBrusselsCommunesInBothLanguagesAndWalloonCities) {
    const auto fr = municipality_centroid("Saint-Josse-ten-Noode");
    const auto nl = municipality_centroid("sint joost ten node");
    ASSERT_TRUE(fr && nl);
    EXPECT_DOUBLE_EQ(fr->lat, nl->lat);
    EXPECT_TRUE(municipality_centroid("LIEGE"));
    EXPECT_TRUE(municipality_centroid("Liège"));
    EXPECT_FALSE(municipality_centroid("Atlantis"));
    const char* communes[] = {"Anderlecht", "Auderghem", "Berchem-Sainte-Agathe", "Bruxelles", "Etterbeek", "Evere",
                              "Forest", "Ganshoren", "Ixelles", "Jette", "Koekelberg", "Molenbeek-Saint-Jean",
                              "Saint-Gilles", "Saint-Josse-ten-Noode", "Schaerbeek", "Uccle", "Watermael-Boitsfort",
                              "Woluwe-Saint-Lambert", "Woluwe-Saint-Pierre"};
    for (const char* c : communes) EXPECT_TRUE(municipality_centroid(c)) << c;
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
    const auto id = started(institution("SSM", "brussels", "Ixelles", "mental_health"), cocom, "2025-01-05", "2025-02-01");
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
