#pragma once
// The map of peer-support workplaces for the map website: CSV (one row per workplace)
// and GeoJSON (one Point per municipality, at the municipality's centroid).
#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace maillage {
class Database;
}

namespace maillage::pat {

struct LatLon {
    double lat = 0, lon = 0;
};

// The centroid of a Brussels commune (French or Dutch name) or a main Walloon city,
// ignoring case, accents, spaces and hyphens; nullopt when not in the table.
std::optional<LatLon> municipality_centroid(const std::string& municipality);

struct MapExport {
    nlohmann::json geojson;             // a FeatureCollection
    std::vector<std::string> unplaced;  // "Institution (municipality)": not on the map
};

// Features: properties {municipality, region, count (workplaces), peer_workers,
// institutions [names]}; geometry Point [lon, lat]. Workplaces whose municipality has
// no known centroid are listed in `unplaced`, never silently dropped.
MapExport map_geojson(Database& db);
// One row per workplace: institution, region, municipality, postcode, sector, since,
// peer_workers.
std::string map_csv(Database& db, const std::string& language = "fr");

}  // namespace maillage::pat
