#pragma once
// A small hand-made world for the catalogue tests: two institutions with a sector and
// one without, five workers, three trainers, three modules in three themes.
#include "catalogue_schema.h"
#include "catalogue_store.h"
#include "core/institutions.h"
#include "core/people.h"
#include "core/sectors.h"
#include "test_support.h"

#include <memory>

namespace maillage::catalogue::fixture {

struct World {
    std::unique_ptr<Database> db = maillage::test::memory_db({catalogue_migration_set()});
    int64_t inst_homeless = 0, inst_mental = 0, inst_unknown = 0;
    std::vector<int64_t> workers;   // p1..p5 (p4 at the institution without sector, p5 not employed)
    std::vector<int64_t> trainers;  // t1..t3

    World() {
        using maillage::test::add_institution;
        using maillage::test::add_person;
        inst_homeless = add_institution(*db, {.name = "Abri de nuit"}, {"homeless"});
        inst_mental = add_institution(*db, {.name = "Centre de santé mentale Le Méridien"}, {"mental_health"});
        inst_unknown = add_institution(*db, {.name = "Service sans secteur"});
        const std::optional<int64_t> at[] = {inst_homeless, inst_homeless, inst_mental, inst_unknown, std::nullopt};
        for (int i = 0; i < 5; ++i) {
            const auto n = std::to_string(i + 1);
            const auto email = "p" + n + "@test.org";
            workers.push_back(add_person(
                *db, {.first_name = "Worker", .last_name = "P" + n, .email = email, .roles = {"worker"}}, at[i]));
        }
        for (int i = 0; i < 3; ++i) {
            const auto n = std::to_string(i + 1);
            const auto email = "t" + n + "@test.org";
            trainers.push_back(
                add_person(*db, {.first_name = "Trainer", .last_name = "T" + n, .email = email, .roles = {"trainer"}}));
        }
        CatalogueStore store(*db);
        auto sheet = [](const char* code, const char* theme, int minutes) {
            catalog::ModuleSheet s;
            s.code = code;
            s.theme_code = theme;
            s.duration_minutes = minutes;
            s.title = {std::string("Titre ") + code, std::string("Titel ") + code, {}};
            return s;
        };
        store.save_module(sheet("M1", "mental_health", 180));
        store.save_module(sheet("M2", "crisis", 180));
        store.save_module(sheet("M3", "reception", 120));
        store.ensure_edition("2025", 2025);
    }

    int64_t training(const std::string& code, std::vector<std::string> modules, int seats = 0,
                     const std::string& edition = "2025") {
        TrainingInput in;
        in.edition = edition;
        in.code = code;
        in.title = {"Formation " + code, "Vorming " + code, {}};
        in.seats = seats;
        in.module_codes = std::move(modules);
        return CatalogueStore(*db).create_training(in);
    }
    int64_t day(int64_t training, const std::string& date, const std::string& start, const std::string& end,
                std::vector<int64_t> trainer_ids, const std::string& status = "held") {
        return CatalogueStore(*db).add_day(training, {date, start, end, {}, std::move(trainer_ids), status, {}, {}});
    }
};

}  // namespace maillage::catalogue::fixture
