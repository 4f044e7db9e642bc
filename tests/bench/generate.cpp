// The benchmark's data (issue 18), generated, never committed:
//   bench_generate csv DIR PEOPLE INSTITUTIONS
//     writes DIR/institutions.csv and DIR/people.csv, Belgian-looking, in the columns
//     the importers read (docs/csv-formats.md), so the import itself is measured;
//   bench_generate attendance DB SESSIONS ROWS
//     adds SESSIONS sessions (2021-2025, several kinds) and ROWS attendance rows spread
//     over them, straight through SQLite in one transaction, with the institution and
//     sector of each person's job as the snapshot, as the suite records it.
// Deterministic (a fixed seed): two runs make the same files.
#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <iterator>
#include <optional>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <random>
#include <string>
#include <vector>

namespace {

constexpr const char* kFirstFr[] = {"Amina", "Antoine", "Camille", "Chloé", "David", "Élise", "Fatima", "François",
                                    "Hélène", "Ibrahim", "Julie", "Karim", "Laura", "Léa", "Louis", "Manon",
                                    "Marie", "Mohamed", "Nadia", "Nicolas", "Olivier", "Pauline", "Rachid",
                                    "Sarah", "Sophie", "Thomas", "Yasmina", "Zoé", "Céline", "Jérôme"};
constexpr const char* kFirstNl[] = {"Annelies", "Bart", "Dries", "Els", "Emma", "Hanne", "Jan", "Jens", "Joke",
                                    "Koen", "Lotte", "Maarten", "Nele", "Pieter", "Sander", "Sofie", "Tine",
                                    "Wout", "Ine", "Lieven"};
constexpr const char* kLast[] = {"Peeters", "Janssens", "Maes", "Jacobs", "Mertens", "Willems", "Claes", "Goossens",
                                 "Wouters", "De Smet", "Dubois", "Lambert", "Dupont", "Martin", "Simon", "Laurent",
                                 "Leroy", "Renard", "Lejeune", "Benali", "El Amrani", "Kabongo", "Nowak", "Rossi",
                                 "Van den Broeck", "Vermeulen", "Declercq", "Hermans", "Michel", "Lemaire",
                                 "Diallo", "Yilmaz", "Fernandes", "Mulder", "Ceulemans", "Van Damme"};
struct Place {
    const char* municipality;
    const char* postcode;
    const char* region;
    const char* language;
};
constexpr Place kPlaces[] = {
    {"Bruxelles", "1000", "Bruxelles", "bilingue"}, {"Ixelles", "1050", "Bruxelles", "fr"},
    {"Schaerbeek", "1030", "Bruxelles", "fr"},       {"Anderlecht", "1070", "Bruxelles", "bilingue"},
    {"Molenbeek-Saint-Jean", "1080", "Bruxelles", "fr"}, {"Saint-Gilles", "1060", "Bruxelles", "fr"},
    {"Liège", "4000", "Wallonie", "fr"},             {"Namur", "5000", "Wallonie", "fr"},
    {"Charleroi", "6000", "Wallonie", "fr"},         {"Mons", "7000", "Wallonie", "fr"},
    {"Gent", "9000", "Vlaanderen", "nederlands"},    {"Antwerpen", "2000", "Vlaanderen", "nederlands"},
    {"Leuven", "3000", "Vlaanderen", "nederlands"},  {"Brugge", "8000", "Vlaanderen", "nederlands"},
};
constexpr const char* kKinds[] = {"CPAS", "Abri de nuit", "Maison médicale", "Service de santé mentale",
                                  "Centre de jour", "Relais social", "Agence immobilière sociale", "CAW",
                                  "Centrum Geestelijke Gezondheidszorg", "Maison d'accueil", "Projet Housing First"};
constexpr const char* kSectors[] = {"homeless", "mental_health", "addiction", "social_aid", "general_health",
                                    "elderly", "housing", "employment", "youth", "migration", "precariousness"};
constexpr const char* kJobs[] = {"assistant·e social·e", "éducateur·rice", "infirmier·ère", "psychologue",
                                 "pair-aidant·e", "coordinateur·rice", "maatschappelijk werker", "accueillant·e"};
constexpr const char* kRoles[] = {"worker", "worker", "worker", "peer_worker", "worker|facilitator", "manager"};

template <class T, size_t N>
const T& pick(std::mt19937& rng, const T (&a)[N]) {
    return a[std::uniform_int_distribution<size_t>(0, N - 1)(rng)];
}

std::string ascii_id(std::string s) {
    std::string out;
    for (unsigned char c : s)
        if (std::isalnum(c) && c < 128) out += char(std::tolower(c));
    return out;
}

int generate_csv(const std::string& dir, int people, int institutions) {
    std::mt19937 rng(18);
    std::vector<std::string> names;
    {
        std::ofstream out(dir + "/institutions.csv", std::ios::binary);
        out << "name;region;municipality;postcode;language;sectors;email;phone\r\n";
        for (int i = 0; i < institutions; ++i) {
            const auto& place = pick(rng, kPlaces);
            auto name = fmt::format("{} {} {}", pick(rng, kKinds), place.municipality, i + 1);
            constexpr size_t n = std::size(kSectors);
            out << fmt::format("{};{};{};{};{};{}|{};contact{}@institution.example.be;+32 2 {:03} {:02} {:02}\r\n",
                               name, place.region, place.municipality, place.postcode, place.language,
                               kSectors[size_t(i) % n], kSectors[(size_t(i) + 3) % n], i + 1, 100 + i % 900, i % 100,
                               (i * 7) % 100);
            names.push_back(std::move(name));
        }
    }
    std::ofstream out(dir + "/people.csv", std::ios::binary);
    out << "first_name;last_name;email;phone;language;roles;institution;sector;job_title;start_date\r\n";
    for (int i = 0; i < people; ++i) {
        const bool nl = i % 4 == 3;
        const std::string first = nl ? pick(rng, kFirstNl) : pick(rng, kFirstFr);
        const std::string last = pick(rng, kLast);
        out << fmt::format("{};{};{}.{}.{}@example.be;+32 4{:02} {:02} {:02} {:02};{};{};{};{};{};{:02}/{:02}/{}\r\n",
                           first, last, ascii_id(first), ascii_id(last), i + 1, 70 + i % 30, i % 100, (i / 100) % 100,
                           (i * 13) % 100, nl ? "nl" : "fr", pick(rng, kRoles),
                           names[std::uniform_int_distribution<size_t>(0, names.size() - 1)(rng)],
                           pick(rng, kSectors), pick(rng, kJobs), 1 + i % 28, 1 + i % 12, 2005 + i % 20);
    }
    return 0;
}

int generate_attendance(const std::string& file, int sessions, long rows) {
    SQLite::Database db(file, SQLite::OPEN_READWRITE);
    db.exec("PRAGMA foreign_keys = ON");
    std::mt19937 rng(18);
    // Each person's current job: the snapshot an attendance row keeps.
    struct Job {
        int64_t person;
        std::optional<int64_t> institution, sector;
    };
    std::vector<Job> people;
    {
        SQLite::Statement q(db, "SELECT p.id, e.institution_id, e.sector_id FROM person p LEFT JOIN employment e ON "
                                "e.person_id = p.id AND e.end_date IS NULL WHERE p.erased_at IS NULL GROUP BY p.id");
        while (q.executeStep()) {
            Job j{q.getColumn(0).getInt64(), {}, {}};
            if (!q.getColumn(1).isNull()) j.institution = q.getColumn(1).getInt64();
            if (!q.getColumn(2).isNull()) j.sector = q.getColumn(2).getInt64();
            people.push_back(j);
        }
    }
    std::vector<int64_t> institutions;
    {
        SQLite::Statement q(db, "SELECT id FROM institution WHERE merged_into IS NULL");
        while (q.executeStep()) institutions.push_back(q.getColumn(0).getInt64());
    }
    if (people.empty() || institutions.empty()) {
        std::cerr << "bench_generate: import people and institutions first\n";
        return 1;
    }
    constexpr const char* kSessionKinds[] = {"intervision", "exchange", "pat", "training", "training"};
    constexpr const char* kStatus[] = {"present", "present", "present", "registered", "excused", "absent"};
    const long per_session = std::max(1L, rows / std::max(1, sessions));
    SQLite::Transaction tx(db);
    SQLite::Statement s(db, "INSERT INTO session(kind, title, date, start_time, end_time, place, host_institution_id, "
                            "language, status) VALUES (?,?,?,'09:30','12:00',?,?,?,'held')");
    SQLite::Statement a(db, "INSERT OR IGNORE INTO attendance(session_id, person_id, status, role, institution_id, "
                            "sector_id) VALUES (?,?,?,?,?,?)");
    long written = 0;
    for (int i = 0; i < sessions; ++i) {
        const int year = 2021 + i % 5;
        const int month = 1 + (i / 5) % 12;
        const int day = 1 + (i / 60) % 28;
        s.bind(1, pick(rng, kSessionKinds));
        s.bind(2, fmt::format("Séance {}", i + 1));
        s.bind(3, fmt::format("{:04}-{:02}-{:02}", year, month == 7 || month == 8 ? month + 2 : month, day));
        s.bind(4, pick(rng, kPlaces).municipality);
        s.bind(5, institutions[std::uniform_int_distribution<size_t>(0, institutions.size() - 1)(rng)]);
        s.bind(6, i % 4 == 3 ? "nl" : "fr");
        s.exec();
        s.reset();
        const auto session = db.getLastInsertRowid();
        const long here = i + 1 == sessions ? rows - written : per_session;
        const size_t start = std::uniform_int_distribution<size_t>(0, people.size() - 1)(rng);
        for (long k = 0; k < here && k < long(people.size()); ++k) {
            const auto& p = people[(start + size_t(k) * 7919) % people.size()];
            a.bind(1, session);
            a.bind(2, p.person);
            a.bind(3, pick(rng, kStatus));
            a.bind(4, k < 2 ? "facilitator" : "participant");
            if (p.institution) a.bind(5, *p.institution); else a.bind(5);
            if (p.sector) a.bind(6, *p.sector); else a.bind(6);
            written += a.exec();
            a.reset();
        }
    }
    tx.commit();
    db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
    std::cout << fmt::format("{} sessions, {} attendance rows\n", sessions, written);
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    try {
        const std::vector<std::string> a(argv + 1, argv + argc);
        if (a.size() == 4 && a[0] == "csv") return generate_csv(a[1], std::stoi(a[2]), std::stoi(a[3]));
        if (a.size() == 4 && a[0] == "attendance") return generate_attendance(a[1], std::stoi(a[2]), std::stol(a[3]));
    } catch (const std::exception& e) {
        std::cerr << "bench_generate: " << e.what() << '\n';
        return 1;
    }
    std::cerr << "usage: bench_generate csv DIR PEOPLE INSTITUTIONS | attendance DB SESSIONS ROWS\n";
    return 2;
}
