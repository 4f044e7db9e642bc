#pragma once
// Shared set-up for the exchange tests: a migrated in-memory database and small builders.
#include "events.h"
#include "exchange_schema.h"
#include "registrations.h"

#include "core/institutions.h"
#include "core/people.h"
#include "core/sectors.h"
#include "tests/support/test_support.h"

#include <gtest/gtest.h>

namespace maillage::exchange::test_helpers {

struct ExchangeDb : ::testing::Test {
    std::unique_ptr<Database> db = maillage::test::memory_db({exchange_migrations()});
    EventRepository events{*db};
    RegistrationService regs{*db};

    int64_t sector(const char* code) { return SectorRepository(*db).find_by_code(code)->id; }
    int64_t institution(const std::string& name, const char* sector_code) {
        return maillage::test::add_institution(*db, {.name = name}, {sector_code});
    }
    int64_t person(const std::string& first, const std::string& last, const std::string& email = "",
                   std::optional<int64_t> works_at = {}) {
        return maillage::test::add_person(*db, {.first_name = first, .last_name = last, .email = email}, works_at);
    }
    int64_t event(const std::string& type, const std::string& date, std::optional<int64_t> capacity = {},
                  const std::string& title = "Table d'échanges") {
        Event e;
        e.type_id = events.find_type(type)->id;
        e.title = title;
        e.capacity = capacity;
        const auto id = events.create(e);
        if (!date.empty()) events.add_day(id, {.date = date, .start_time = "09:00", .end_time = "16:30"});
        return id;
    }
    Registration reg(int64_t ev, int64_t person_id, const std::string& role = "participant",
                     std::optional<int64_t> institution_id = {}, std::optional<int64_t> sector_id = {},
                     const std::string& institution_text = "") {
        return regs.register_person({.event_id = ev,
                                     .person_id = person_id,
                                     .role = role,
                                     .institution_id = institution_id,
                                     .institution_text = institution_text,
                                     .sector_id = sector_id});
    }
};

}  // namespace maillage::exchange::test_helpers
