#include "pat_map.h"

#include "pat_activities.h"
#include "pat_table.h"

#include "core/database.h"
#include "core/institutions.h"

#include <cctype>
#include <map>

namespace maillage::pat {
namespace {

struct Centroid {
    const char* name;
    double lat, lon;
};

// Approximate centres: enough for one marker per municipality on a regional map.
constexpr Centroid kCentroids[] = {
    // Brussels' 19 communes, French and Dutch names.
    {"Anderlecht", 50.8366, 4.3080},
    {"Auderghem", 50.8158, 4.4331}, {"Oudergem", 50.8158, 4.4331},
    {"Berchem-Sainte-Agathe", 50.8647, 4.2939}, {"Sint-Agatha-Berchem", 50.8647, 4.2939},
    {"Bruxelles", 50.8467, 4.3525}, {"Brussel", 50.8467, 4.3525}, {"Brussels", 50.8467, 4.3525},
    {"Bruxelles-Ville", 50.8467, 4.3525},
    {"Etterbeek", 50.8333, 4.3893},
    {"Evere", 50.8700, 4.4017},
    {"Forest", 50.8117, 4.3181}, {"Vorst", 50.8117, 4.3181},
    {"Ganshoren", 50.8714, 4.3086},
    {"Ixelles", 50.8275, 4.3720}, {"Elsene", 50.8275, 4.3720},
    {"Jette", 50.8797, 4.3258},
    {"Koekelberg", 50.8625, 4.3286},
    {"Molenbeek-Saint-Jean", 50.8550, 4.3220}, {"Sint-Jans-Molenbeek", 50.8550, 4.3220},
    {"Saint-Gilles", 50.8267, 4.3458}, {"Sint-Gillis", 50.8267, 4.3458},
    {"Saint-Josse-ten-Noode", 50.8536, 4.3728}, {"Sint-Joost-ten-Node", 50.8536, 4.3728},
    {"Schaerbeek", 50.8676, 4.3737}, {"Schaarbeek", 50.8676, 4.3737},
    {"Uccle", 50.8000, 4.3367}, {"Ukkel", 50.8000, 4.3367},
    {"Watermael-Boitsfort", 50.7997, 4.4158}, {"Watermaal-Bosvoorde", 50.7997, 4.4158},
    {"Woluwe-Saint-Lambert", 50.8431, 4.4325}, {"Sint-Lambrechts-Woluwe", 50.8431, 4.4325},
    {"Woluwe-Saint-Pierre", 50.8292, 4.4397}, {"Sint-Pieters-Woluwe", 50.8292, 4.4397},
    // Main Walloon cities.
    {"Charleroi", 50.4108, 4.4446},
    {"Liège", 50.6326, 5.5797},
    {"Namur", 50.4674, 4.8720},
    {"Mons", 50.4542, 3.9567},
    {"Tournai", 50.6056, 3.3878},
    {"Verviers", 50.5891, 5.8625},
    {"La Louvière", 50.4806, 4.1867},
    {"Mouscron", 50.7445, 3.2064},
    {"Seraing", 50.5833, 5.5000},
    {"Herstal", 50.6667, 5.6333},
    {"Wavre", 50.7167, 4.6000},
    {"Ottignies-Louvain-la-Neuve", 50.6667, 4.5667},
    {"Nivelles", 50.5981, 4.3286},
    {"Waterloo", 50.7167, 4.4000},
    {"Braine-l'Alleud", 50.6833, 4.3667},
    {"Arlon", 49.6833, 5.8167},
    {"Huy", 50.5186, 5.2397},
    {"Marche-en-Famenne", 50.2270, 5.3440},
    {"Dinant", 50.2606, 4.9122},
    {"Bastogne", 50.0000, 5.7167},
    {"Eupen", 50.6300, 6.0300},
    {"Châtelet", 50.4000, 4.5167},
    {"Binche", 50.4119, 4.1656},
    {"Ath", 50.6297, 3.7797},
};

// Lower-case ASCII letters and digits only: "Saint-Josse-ten-Noode" == "saint josse ten noode".
std::string key(const std::string& name) {
    static const std::pair<const char*, char> accents[] = {
        {"é", 'e'}, {"è", 'e'}, {"ê", 'e'}, {"ë", 'e'}, {"à", 'a'}, {"â", 'a'}, {"î", 'i'}, {"ï", 'i'},
        {"ô", 'o'}, {"û", 'u'}, {"ù", 'u'}, {"ü", 'u'}, {"ç", 'c'}, {"É", 'e'}, {"È", 'e'}, {"Â", 'a'}};
    std::string out;
    for (size_t i = 0; i < name.size();) {
        bool matched = false;
        for (const auto& [utf8, ascii] : accents) {
            const std::string a(utf8);
            if (name.compare(i, a.size(), a) == 0) {
                out += ascii;
                i += a.size();
                matched = true;
                break;
            }
        }
        if (matched) continue;
        const unsigned char c = static_cast<unsigned char>(name[i++]);
        if (std::isalnum(c)) out += char(std::tolower(c));
    }
    return out;
}

}  // namespace

std::optional<LatLon> municipality_centroid(const std::string& municipality) {
    static const std::map<std::string, LatLon> table = [] {
        std::map<std::string, LatLon> t;
        for (const auto& c : kCentroids) t[key(c.name)] = LatLon{c.lat, c.lon};
        return t;
    }();
    auto it = table.find(key(municipality));
    if (it == table.end()) return std::nullopt;
    return it->second;
}

MapExport map_geojson(Database& db) {
    struct Group {
        std::string municipality, region;
        LatLon at;
        int count = 0, peer_workers = 0;
        std::vector<std::string> institutions;
    };
    std::map<std::string, Group> groups;  // by municipality key, so spellings merge
    MapExport out;
    for (const auto& w : ActivityRepository(db).workplaces()) {
        auto at = municipality_centroid(w.municipality);
        if (!at) {
            out.unplaced.push_back(w.institution_name + " (" + (w.municipality.empty() ? "?" : w.municipality) + ")");
            continue;
        }
        auto& g = groups[key(w.municipality)];
        if (g.municipality.empty()) {
            g.municipality = w.municipality;
            g.region = w.region;
            g.at = *at;
        }
        ++g.count;
        g.peer_workers += w.peer_workers;
        g.institutions.push_back(w.institution_name);
    }
    nlohmann::json features = nlohmann::json::array();
    for (const auto& [k, g] : groups) {
        features.push_back({{"type", "Feature"},
                            {"geometry", {{"type", "Point"}, {"coordinates", {g.at.lon, g.at.lat}}}},
                            {"properties",
                             {{"municipality", g.municipality},
                              {"region", g.region},
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
