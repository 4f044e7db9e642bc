#include "core/demo_data.h"

#include "core/database.h"
#include "core/institutions.h"
#include "core/people.h"
#include "core/programmes.h"
#include "core/sectors.h"

#include <fmt/format.h>

#include <array>
#include <string>

namespace maillage {
namespace {

struct DemoInstitution {
    const char *name, *sector /* its code */, *region, *municipality, *postcode, *address, *language;
};

// Invented services with the kinds of names the sector uses.
constexpr DemoInstitution kInstitutions[] = {
    {"Abri de nuit Les Étoiles", "homeless", "brussels", "Bruxelles", "1000", "Rue Haute 112", "fr"},
    {"Centre de jour La Passerelle", "homeless", "brussels", "Saint-Gilles", "1060", "Rue de Mérode 45", "fr"},
    {"Maison d'accueil Le Relais", "homeless", "brussels", "Ixelles", "1050", "Rue du Viaduc 80", "fr"},
    {"Samu social de quartier", "homeless", "brussels", "Anderlecht", "1070", "Rue Wayez 14", "fr"},
    {"Straatwerk Brussel", "homeless", "brussels", "Molenbeek-Saint-Jean", "1080", "Brusselsesteenweg 20", "nl"},
    {"CPAS de Saint-Josse", "social_aid", "brussels", "Saint-Josse-ten-Noode", "1210", "Rue de la Limite 6", "fr"},
    {"CPAS de Forest", "social_aid", "brussels", "Forest", "1190", "Rue du Curé 35", "fr"},
    {"OCMW Schaarbeek", "social_aid", "brussels", "Schaerbeek", "1030", "Haachtsesteenweg 226", "nl"},
    {"Service social Entraide Nord", "social_aid", "brussels", "Schaerbeek", "1030", "Rue Josaphat 90", "fr"},
    {"CAW Brussel", "social_aid", "brussels", "Bruxelles", "1000", "Mariemontlaan 26", "nl"},
    {"Service de santé mentale Le Méridien", "mental_health", "brussels", "Saint-Josse-ten-Noode", "1210",
     "Rue du Méridien 68", "fr"},
    {"Centre psychiatrique Les Tilleuls", "mental_health", "brussels", "Uccle", "1180", "Avenue de Fré 200", "fr"},
    {"Équipe mobile Psy-Rue", "mental_health", "brussels", "Bruxelles", "1000", "Boulevard Anspach 140", "bilingual"},
    {"Hôpital psychiatrique Sanatia", "mental_health", "brussels", "Saint-Josse-ten-Noode", "1210",
     "Rue du Collège 47", "fr"},
    {"PZ Sint-Alexius", "mental_health", "brussels", "Elsene", "1050", "Frans Ruelensstraat 1", "nl"},
    {"Centre Transit", "addiction", "brussels", "Bruxelles", "1000", "Rue Stephenson 96", "fr"},
    {"Projet Lama", "addiction", "brussels", "Ixelles", "1050", "Rue de la Tulipe 26", "fr"},
    {"MSOC Free Clinic", "addiction", "brussels", "Ixelles", "1050", "Chaussée de Wavre 154", "fr"},
    {"Maison médicale du Nord", "general_health", "brussels", "Schaerbeek", "1030", "Rue Gallait 120", "fr"},
    {"Médecins du Monde – Bruxelles", "general_health", "brussels", "Bruxelles", "1000", "Rue Botanique 75",
     "bilingual"},
    {"Agence immobilière sociale Quartiers", "housing", "brussels", "Saint-Gilles", "1060", "Rue d'Écosse 12", "fr"},
    {"Housing First Brussels", "housing", "brussels", "Bruxelles", "1000", "Rue de la Senne 40", "bilingual"},
    {"Espace P…", "sex_work", "brussels", "Schaerbeek", "1030", "Rue Rogier 116", "fr"},
    {"Mission locale d'Anderlecht", "employment", "brussels", "Anderlecht", "1070", "Rue de Fiennes 75", "fr"},
    {"Service d'aide aux détenus", "prison", "brussels", "Saint-Gilles", "1060", "Avenue Ducpétiaux 106", "fr"},
    {"Service d'aide aux justiciables", "justice", "brussels", "Bruxelles", "1000", "Rue de la Régence 63", "fr"},
    {"AMO Le Pavillon", "youth", "brussels", "Etterbeek", "1040", "Rue des Champs 19", "fr"},
    {"Maison de repos Les Glycines", "elderly", "brussels", "Jette", "1090", "Rue Léon Theodor 64", "fr"},
    {"Centre d'accueil pour demandeurs d'asile", "migration", "brussels", "Woluwe-Saint-Lambert", "1200",
     "Rue Voot 7", "fr"},
    {"Refuge pour femmes Aurore", "violence_women", "brussels", "Bruxelles", "1000", "Rue Blaes 200", "fr"},
    {"Relais social de Charleroi", "social_aid", "wallonia", "Charleroi", "6000", "Boulevard Tirou 104", "fr"},
    {"Abri de nuit Dourlet", "homeless", "wallonia", "Charleroi", "6000", "Rue Dourlet 20", "fr"},
    {"CPAS de Liège", "social_aid", "wallonia", "Liège", "4000", "Place Saint-Jacques 13", "fr"},
    {"Service de santé mentale de Namur", "mental_health", "wallonia", "Namur", "5000", "Rue Godefroid 20", "fr"},
    {"Centre hospitalier psychiatrique du Chêne aux Haies", "mental_health", "wallonia", "Mons", "7000",
     "Chemin du Chêne aux Haies 24", "fr"},
    {"Comptoir d'échange de seringues Liège", "addiction", "wallonia", "Liège", "4000", "Rue Souverain-Pont 56", "fr"},
    {"Centre de jour Le Carrefour", "homeless", "wallonia", "Namur", "5000", "Rue des Brasseurs 7", "fr"},
    {"Plan de cohésion sociale de Tournai", "precariousness", "wallonia", "Tournai", "7500", "Rue Saint-Martin 52",
     "fr"},
    {"Maison d'accueil L'Ancre", "homeless", "wallonia", "Verviers", "4800", "Rue du Palais 3", "fr"},
    {"Service d'insertion sociale Horizon", "employment", "wallonia", "La Louvière", "7100", "Rue Kéramis 9", "fr"},
    {"CAW Oost-Vlaanderen", "social_aid", "flanders", "Gent", "9000", "Visserij 153", "nl"},
    {"CGG Vlaams-Brabant Oost", "mental_health", "flanders", "Leuven", "3000", "Kapucijnenvoer 2", "nl"},
    {"Free Clinic Antwerpen", "addiction", "flanders", "Antwerpen", "2060", "Van Arteveldestraat 64", "nl"},
    {"CAW Westland", "social_aid", "flanders", "Brugge", "8000", "Langestraat 56", "nl"},
    {"Aprèstoe", "homeless", "flanders", "Oostende", "8400", "Torhoutsesteenweg 12", "nl"},
    {"Zorgcentrum De Zonnebloem", "elderly", "flanders", "Mechelen", "2800", "Hanswijkstraat 8", "nl"},
};

constexpr const char* kFirstNames[] = {
    "Amina", "Julien", "Sarah", "Mohamed", "Claire", "Thomas", "Fatima", "Nicolas", "Laura", "Karim",
    "Sophie", "Pierre", "Nadia", "Antoine", "Elise", "Youssef", "Marie", "David", "Inès", "Lucas",
    "Camille", "Hugo", "Leila", "Simon", "Anke", "Pieter", "Lotte", "Jens", "Els", "Wouter",
    "Chloé", "Mathieu", "Yasmina", "Benoît", "Aline", "Rachid", "Manon", "Olivier", "Sanne", "Bram"};
constexpr const char* kLastNames[] = {
    "Dubois", "Lambert", "Martin", "El Amrani", "Peeters", "Janssens", "Dupont", "Mertens", "Renard", "Claes",
    "Benali", "Lejeune", "Willems", "Goossens", "Laurent", "Simon", "Hermans", "Leroy", "Diallo", "Maes",
    "Vandenberghe", "Fontaine", "Jacobs", "Wouters", "Collard", "Bertrand", "De Smet", "Moreau", "Nguyen",
    "Kabongo"};

std::string date(int year, int month, int day) {
    return fmt::format("{:04d}-{:02d}-{:02d}", year, month, day);
}

}  // namespace

void seed_core_demo(Database& db, int year) {
    ProgrammeRepository programmes(db);
    const auto connect = programmes.create({0, "connect", "Connect", std::nullopt, false});
    const auto support = programmes.create({0, "support", "Support", std::nullopt, false});
    programmes.create({0, "pat", "PAT — pair-aidance", support, false});
    programmes.create({0, "formation", "Formation", support, false});
    programmes.create({0, "housing_first", "Housing First", std::nullopt, false});
    (void)connect;

    FunderRepository funders(db);
    funders.create({0, "COCOM", "Commission communautaire commune (COCOM)", "", false});
    funders.create({0, "COCOF", "Commission communautaire française (COCOF)", "", false});
    funders.create({0, "SPF", "SPF Santé publique", "trajets de soins internés", false});
    funders.create({0, "FRB", "Fondation Roi Baudouin", "", false});
    funders.create({0, "AVIQ", "Agence pour une Vie de Qualité (AViQ)", "", false});

    SectorRepository sectors(db);
    InstitutionRepository institutions(db);
    std::vector<int64_t> inst_ids;
    for (const auto& d : kInstitutions) {
        inst_ids.push_back(institutions.create({.name = d.name,
                                                .region = d.region,
                                                .municipality = d.municipality,
                                                .postcode = d.postcode,
                                                .address = d.address,
                                                .language = d.language,
                                                .sector_ids = {sectors.find_by_code(d.sector)->id}}));
    }

    // 200 people: front-line workers, and by index the other roles the plugins need.
    PersonRepository people(db);
    constexpr int kPeople = 200;
    const int n_first = int(std::size(kFirstNames)), n_last = int(std::size(kLastNames));
    for (int k = 0; k < kPeople; ++k) {
        Person p;
        p.first_name = kFirstNames[(k * 7) % n_first];
        p.last_name = kLastNames[(k * 11 + k / n_first) % n_last];
        p.email = "person" + std::to_string(k + 1) + "@example.org";
        p.notes = kDemoNote;
        // Indexes: 0-5 peer workers of the association's PAT team, 6 its referent,
        // 7-15 trainers, 16-27 facilitators, 28-39 managers, the rest workers.
        if (k <= 5)
            p.roles = {"peer_worker", "staff"};
        else if (k == 6)
            p.roles = {"staff"};
        else if (k <= 15)
            p.roles = {"trainer"};
        else if (k <= 27)
            p.roles = {"facilitator", "worker"};
        else if (k <= 39)
            p.roles = {"manager"};
        else
            p.roles = {(k % 9 == 0) ? "peer_worker" : "worker"};
        p.language = std::string(kInstitutions[k % std::size(kInstitutions)].language) == "nl" ? "nl" : "fr";
        const auto id = people.create(p);
        if (k <= 15) continue;  // staff and trainers: employed by the association itself
        const int inst = k % int(inst_ids.size());
        Employment e;
        e.person_id = id;
        e.institution_id = inst_ids[inst];
        e.start_date = date(year - 4 + (k % 3), 1 + (k % 12), 1);
        // One worker in eight changed jobs last year: the participation keeps the old place.
        if (k % 8 == 0) {
            e.end_date = date(year - 1, 8, 31);
            people.add_employment(e);
            Employment next = e;
            next.institution_id = inst_ids[(inst + 5) % int(inst_ids.size())];
            next.start_date = date(year - 1, 9, 1);
            next.end_date.clear();
            people.add_employment(next);
        } else {
            people.add_employment(e);
        }
    }
}

}  // namespace maillage
