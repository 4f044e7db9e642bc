#pragma once
// A database with the core and PAT schemas, a few institutions, staff and funders.
#include "accompaniments.h"
#include "pat_schema.h"

#include "core/database.h"
#include "core/institutions.h"
#include "core/people.h"
#include "core/programmes.h"
#include "core/sectors.h"
#include "tests/support/test_support.h"

#include <gtest/gtest.h>

namespace maillage::pat::test {

class PatTest : public ::testing::Test {
protected:
    void SetUp() override {
        db = maillage::test::memory_db({pat_migrations()});
        FunderRepository funders(*db);
        cocom = funders.create(Funder{0, "COCOM", "Commission communautaire commune", "", false});
        aviq = funders.create(Funder{0, "AVIQ", "AViQ", "", false});
        for (int i = 0; i < 3; ++i) {
            Person p;
            p.first_name = "Staff";
            p.last_name = std::to_string(i);
            p.roles = {"staff"};
            staff.push_back(PersonRepository(*db).create(p));
        }
    }

    int64_t institution(const std::string& name, const std::string& region, const std::string& municipality,
                        const std::string& sector, const std::string& postcode = "") {
        return maillage::test::add_institution(
            *db, {.name = name, .region = region, .municipality = municipality, .postcode = postcode}, {sector});
    }

    // A request received on 2025-01-10 from "Abri", a homeless shelter in Brussels.
    int64_t abri_request() {
        Accompaniment a;
        a.institution_id = institution("Abri", "brussels", "Bruxelles", "homeless");
        a.request_date = "2025-01-10";
        return AccompanimentRepository(*db).create_request(a);
    }

    // A request accepted and in the accompaniment phase since `start`.
    int64_t started(int64_t institution_id, int64_t funder, const std::string& request, const std::string& start) {
        AccompanimentRepository repo(*db);
        Accompaniment a;
        a.institution_id = institution_id;
        a.request_date = request;
        a.funder_id = funder;
        a.planned_sessions = 6;
        const auto id = repo.create_request(a);
        repo.set_phase(id, "analysis", request);
        repo.decide(id, "accepted", "", request);
        repo.set_phase(id, "accompaniment", start);
        return id;
    }

    // "SSM", a mental health service in Ixelles: requested on 2025-01-05, funded by COCOM,
    // in the accompaniment phase since 2025-02-01.
    int64_t ssm_started() {
        return started(institution("SSM", "brussels", "Ixelles", "mental_health"), cocom, "2025-01-05", "2025-02-01");
    }

    // A session of `acc` on `date`, not recorded yet: 2 h with 1 h of preparation, run by
    // the first `n_staff` staff members.
    PatSession session_of(int64_t acc, const std::string& type, const std::string& date, int n_staff = 2) {
        PatSession s;
        s.accompaniment_id = acc;
        s.type = type;
        s.date = date;
        s.duration_minutes = 120;
        s.preparation_minutes = 60;
        s.staff.assign(staff.begin(), staff.begin() + n_staff);
        return s;
    }

    // The same, recorded (in `phase`, with `status`).
    int64_t session(int64_t acc, const std::string& type, const std::string& date, const std::string& phase = "",
                    const std::string& status = "held", int n_staff = 2) {
        auto s = session_of(acc, type, date, n_staff);
        s.phase = phase;
        s.status = status;
        return AccompanimentRepository(*db).add_session(s);
    }

    std::unique_ptr<Database> db;
    int64_t cocom = 0, aviq = 0;
    std::vector<int64_t> staff;
};

}  // namespace maillage::pat::test
