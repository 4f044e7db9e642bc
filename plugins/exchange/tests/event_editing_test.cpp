// Editing events as the window does (issue 12): deleting an event with what goes with
// it, undone in one step; duplicating its structure; tables edited and removed.
#include "events.h"
#include "exchange_schema.h"
#include "registrations.h"

#include "core/database.h"
#include "core/error.h"
#include "core/institutions.h"
#include "core/people.h"
#include "core/undo.h"
#include "tests/support/test_support.h"

#include <gtest/gtest.h>

using namespace maillage;
using namespace maillage::exchange;

namespace {

struct ExchangeEditing : ::testing::Test {
    std::unique_ptr<Database> db = test::memory_db({exchange_migrations()});
    EventRepository events{*db};

    int64_t count(const std::string& sql) { return db->scalar_int(sql); }
    int64_t person(const std::string& last) {
        Person p;
        p.first_name = "A";
        p.last_name = last;
        return PersonRepository(*db).create(p);
    }
    int64_t institution(const std::string& name) {
        Institution i;
        i.name = name;
        return InstitutionRepository(*db).create(i);
    }
    // An event with two days, a partner, a committee member and meeting, two tables
    // with a facilitator, two registrations and a linked publication.
    int64_t full_event() {
        return db->write("make", [&] {
            Event e;
            e.type_id = events.find_type("exchange_table")->id;
            e.title = "Table";
            const auto id = events.create(e);
            for (const char* date : {"2099-10-16", "2099-10-17"}) {
                Session s;
                s.date = date;
                events.add_day(id, s);
            }
            const auto inst = institution("CPAS");
            events.add_partner(id, inst);
            events.add_group_service(id, inst);
            events.add_committee_member(id, inst, person("Rep"));
            Session m;
            m.date = "2099-09-01";
            events.add_decision(events.add_committee_meeting(id, m), "Two tables");
            const auto t1 = events.add_table(id, "One", "");
            events.add_table(id, "Two", "");
            events.add_table_facilitator(t1, person("Facilitator"));
            RegistrationRequest r;
            r.event_id = id;
            r.person_id = person("Participant");
            RegistrationService(*db).register_person(r);
            Publication p;
            p.title = "Notes";
            events.link_publication(events.add_publication(p), id);
            return id;
        });
    }
};

}  // namespace

TEST_F(ExchangeEditing, DeletingAnEventTakesItsDaysAndRegistrationsAndUndoBringsAllBack) {
    const auto id = full_event();
    const auto sessions = count("SELECT count(*) FROM session");
    EXPECT_EQ(events.dependents(id), "2 days, 2 registrations, 2 tables, 1 committee member, 1 committee meeting");
    db->write("Delete the event", [&] { events.remove(id); });
    EXPECT_FALSE(events.get(id));
    EXPECT_EQ(count("SELECT count(*) FROM session"), 0);
    EXPECT_EQ(count("SELECT count(*) FROM exchange_registration"), 0);
    EXPECT_EQ(count("SELECT count(*) FROM exchange_publication_source"), 0);
    EXPECT_EQ(count("SELECT count(*) FROM exchange_publication"), 1);  // the publication stays
    ASSERT_EQ(db->undo_stack().undo_label(), "Delete the event");
    undo_last(*db);
    ASSERT_TRUE(events.get(id));
    EXPECT_EQ(count("SELECT count(*) FROM session"), sessions);
    EXPECT_EQ(events.days(id).size(), 2u);
    EXPECT_EQ(RegistrationService(*db).list(id).size(), 2u);
    EXPECT_EQ(events.decisions(events.committee_meetings(id).at(0).id).size(), 1u);
    EXPECT_EQ(count("SELECT count(*) FROM exchange_publication_source"), 1);
}

TEST_F(ExchangeEditing, ADuplicateStartsWithTheStructureButNoDaysOrRegistrations) {
    const auto id = full_event();
    Event copy = *events.get(id);
    copy.title = "Table 2";
    const auto to = events.create(copy);
    events.copy_structure(id, to);
    EXPECT_EQ(events.partners(to), events.partners(id));
    EXPECT_EQ(events.group_services(to), events.group_services(id));
    EXPECT_EQ(events.committee(to).size(), 1u);
    ASSERT_EQ(events.tables(to).size(), 2u);
    EXPECT_EQ(events.tables(to)[0].facilitator_ids, events.tables(id)[0].facilitator_ids);
    EXPECT_TRUE(events.days(to).empty());
    // The facilitator is registered (as a facilitator); participants are not copied.
    const auto regs = RegistrationService(*db).list(to);
    ASSERT_EQ(regs.size(), 1u);
    EXPECT_EQ(regs[0].role, "facilitator");
}

TEST_F(ExchangeEditing, RemovingATableFreesItsSeatsAndChoicesAndCancellingMarksTheDays) {
    const auto id = full_event();
    const auto tables = events.tables(id);
    events.update_table(tables[1].id, "Second", "Why?");
    EXPECT_EQ(events.table(tables[1].id)->title, "Second");
    EXPECT_THROW(events.update_table(tables[1].id, " ", ""), Error);
    events.remove_table(tables[0].id);
    EXPECT_EQ(events.tables(id).size(), 1u);
    EXPECT_EQ(count("SELECT count(*) FROM exchange_registration WHERE table_id IS NOT NULL"), 0);
    events.cancel(id);
    for (const auto& d : events.days(id)) EXPECT_EQ(d.status, "cancelled");
    EXPECT_EQ(events.hours(id), 0);
}
