#pragma once
// A small world for the intervision tests: an in-memory database with the core and
// intervision schemas, a programme, institutions of known sectors and people working there.
#include "cycles.h"

#include "core/database.h"

#include <memory>
#include <string>

namespace maillage::intervision::test {

class World {
public:
    World();
    Database& db() { return *db_; }

    int64_t programme(const std::string& code);
    // An institution whose primary sector is the core sector `sector_code`.
    int64_t institution(const std::string& name, const std::string& sector_code, const std::string& address = {});
    // A person employed at `institution_id` since 2020 (with `role`).
    int64_t person(const std::string& name, int64_t institution_id, const std::string& role = "worker");
    int64_t cycle(const std::string& name, const std::string& start, const std::string& end,
                  const std::string& programme_code = "connect", const std::string& audience = "workers");
    int64_t group(int64_t cycle_id, const std::string& name, int weekday = 1, int week = 2, int capacity = 10,
                  std::optional<int64_t> f1 = std::nullopt, std::optional<int64_t> f2 = std::nullopt);

private:
    std::unique_ptr<Database> db_;
    int people_ = 0;
};

}  // namespace maillage::intervision::test
