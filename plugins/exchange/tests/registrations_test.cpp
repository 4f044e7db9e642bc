// Registration status machine, waiting list, check-in and walk-ins.
#include "test_helpers.h"

#include "core/error.h"
#include "core/gdpr.h"

using namespace maillage;
using namespace maillage::exchange;

namespace {

// The shared exchange database, with a future event by default (dated far ahead), whose
// waiting list still moves.
struct ExchangeRegistrations : test_helpers::ExchangeDb {
    int64_t event(std::optional<int64_t> capacity, const std::string& date = "2099-10-16") {
        return ExchangeDb::event("exchange_table", date, capacity, "Table");
    }
};

}  // namespace

TEST_F(ExchangeRegistrations, AllowedTransitionsFollowTheDocumentedMachine) {
    EXPECT_TRUE(transition_allowed("registered", "cancelled"));
    EXPECT_TRUE(transition_allowed("registered", "attended"));
    EXPECT_TRUE(transition_allowed("registered", "no_show"));
    EXPECT_TRUE(transition_allowed("waiting", "registered"));
    EXPECT_TRUE(transition_allowed("cancelled", "registered"));
    EXPECT_TRUE(transition_allowed("attended", "no_show"));
    EXPECT_TRUE(transition_allowed("no_show", "attended"));
    EXPECT_FALSE(transition_allowed("registered", "waiting"));
    EXPECT_FALSE(transition_allowed("cancelled", "attended"));
    EXPECT_FALSE(transition_allowed("waiting", "attended"));
    EXPECT_FALSE(transition_allowed("attended", "cancelled"));
}

TEST_F(ExchangeRegistrations, RefusedTransitionSaysWhichAndChangesNothing) {
    const auto ev = event(std::nullopt);
    const auto r = reg(ev, person("Marie", "Dubois"));
    regs.set_status(r.id, "cancelled", "Malade");
    try {
        regs.set_status(r.id, "attended");
        FAIL() << "cancelled -> attended was accepted";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("Marie Dubois"), std::string::npos) << e.what();
    }
    EXPECT_EQ(regs.get(r.id)->status, "cancelled");
    EXPECT_THROW(regs.set_status(r.id, "maybe"), Error);
}

TEST_F(ExchangeRegistrations, CancellingNeedsAReason) {
    const auto ev = event(std::nullopt);
    const auto r = reg(ev, person("Marie", "Dubois"));
    EXPECT_THROW(regs.set_status(r.id, "cancelled", "  "), Error);
    EXPECT_EQ(regs.get(r.id)->status, "registered");
    regs.set_status(r.id, "cancelled", "Empêchement");
    EXPECT_EQ(regs.get(r.id)->cancel_reason, "Empêchement");
}

TEST_F(ExchangeRegistrations, FullEventPutsParticipantsOnTheWaitingListInOrder) {
    const auto ev = event(2);
    const auto a = reg(ev, person("A", "A"));
    const auto b = reg(ev, person("B", "B"));
    const auto c = reg(ev, person("C", "C"));
    const auto d = reg(ev, person("D", "D"));
    const auto f = reg(ev, person("F", "F"), "facilitator");  // no seat needed
    EXPECT_EQ(a.status, "registered");
    EXPECT_EQ(b.status, "registered");
    EXPECT_EQ(c.status, "waiting");
    EXPECT_EQ(d.status, "waiting");
    EXPECT_EQ(f.status, "registered");
    EXPECT_LT(*c.waiting_position, *d.waiting_position);

    // A seat frees: the first in line is promoted, not the second.
    const auto promoted = regs.set_status(b.id, "cancelled", "Congé");
    ASSERT_EQ(promoted.size(), 1u);
    EXPECT_EQ(promoted[0], c.id);
    EXPECT_EQ(regs.get(c.id)->status, "registered");
    EXPECT_FALSE(regs.get(c.id)->waiting_position.has_value());
    EXPECT_EQ(regs.get(d.id)->status, "waiting");

    // Moving the waiting one by hand while full is refused.
    EXPECT_THROW(regs.set_status(d.id, "registered"), Error);

    // A larger capacity promotes the rest.
    auto e = *events.get(ev);
    e.capacity = 5;
    events.update(e);
    EXPECT_EQ(regs.get(d.id)->status, "registered");
}

TEST_F(ExchangeRegistrations, ReRegisteringAfterCancellingWaitsWhenFull) {
    const auto ev = event(1);
    const auto a = reg(ev, person("A", "A"));
    regs.set_status(a.id, "cancelled", "Autre réunion");
    const auto b = reg(ev, person("B", "B"));
    EXPECT_EQ(b.status, "registered");
    regs.set_status(a.id, "registered");
    EXPECT_EQ(regs.get(a.id)->status, "waiting");
}

TEST_F(ExchangeRegistrations, RegisteringTwiceIsRefused) {
    const auto ev = event(std::nullopt);
    const auto p = person("Marie", "Dubois");
    reg(ev, p);
    EXPECT_THROW(reg(ev, p), Error);
}

TEST_F(ExchangeRegistrations, CheckInSearchFindsByWordStartIgnoringAccents) {
    const auto ev = event(std::nullopt);
    reg(ev, person("Hélène", "Dubois"));
    reg(ev, person("Jean", "Maudubert"));
    const auto c = reg(ev, person("Karim", "Benali"));
    regs.set_status(c.id, "cancelled", "Malade");

    auto found = regs.search(ev, "dub");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].person_name, "Hélène Dubois");
    EXPECT_EQ(regs.search(ev, "HELENE dub").size(), 1u);
    EXPECT_TRUE(regs.search(ev, "benali").empty());  // cancelled: not at the door
    EXPECT_EQ(regs.search(ev, "").size(), 2u);

    regs.check_in(found[0].id);
    EXPECT_EQ(regs.get(found[0].id)->status, "attended");
    EXPECT_FALSE(regs.get(found[0].id)->checked_in_at.empty());
}

TEST_F(ExchangeRegistrations, WalkInCreatesPersonAndAttendedRegistrationEvenWhenFull) {
    const auto ev = event(1);
    reg(ev, person("A", "A"));
    WalkIn w;
    w.first_name = "Sam";
    w.last_name = "Peeters";
    w.institution_text = "Nouveau service";
    const auto r = regs.walk_in(ev, w);
    EXPECT_EQ(r.status, "attended");
    EXPECT_EQ(r.source, "walk_in");
    EXPECT_EQ(r.institution_name, "Nouveau service");
    EXPECT_EQ(PersonRepository(*db).get(r.person_id)->last_name, "Peeters");
    EXPECT_EQ(regs.search(ev, "peet").size(), 1u);
}

// Issue 12: a walk-in whose email is known is that person (no duplicate); one already
// registered is checked in on their registration.
TEST_F(ExchangeRegistrations, WalkInWithAKnownEmailIsThatPersonNotADuplicate) {
    const auto ev = event(std::nullopt);
    Person known;
    known.first_name = "Leila";
    known.last_name = "Benali";
    known.email = "leila.benali@example.org";
    const auto leila = PersonRepository(*db).create(known);
    const auto people_before = db->scalar_int("SELECT count(*) FROM person");
    WalkIn w;
    w.first_name = "Leïla";
    w.last_name = "Benali";
    w.email = " Leila.Benali@example.org ";
    w.role = "speaker";
    const auto r = regs.walk_in(ev, w);
    EXPECT_EQ(r.person_id, leila);
    EXPECT_EQ(r.status, "attended");
    EXPECT_EQ(r.role, "speaker");
    EXPECT_EQ(db->scalar_int("SELECT count(*) FROM person"), people_before);

    const auto sam = person("Sam", "Peeters");
    db->write([&] {
        SQLite::Statement q(db->sql(), "UPDATE person SET email = 'sam@example.org' WHERE id = ?");
        q.bind(1, sam);
        q.exec();
    });
    const auto registered = reg(ev, sam);
    w.first_name = "Sam";
    w.last_name = "Peeters";
    w.email = "sam@example.org";
    w.role = "participant";
    const auto again = regs.walk_in(ev, w);
    EXPECT_EQ(again.id, registered.id);
    EXPECT_EQ(again.status, "attended");
    EXPECT_EQ(regs.list(ev).size(), 2u);
}

TEST_F(ExchangeRegistrations, ErasingAPersonClearsTheirCheckInKeyButKeepsTheFigures) {
    const auto ev = event(std::nullopt);
    const auto p = person("Hélène", "Dubois");
    const auto r = reg(ev, p);
    regs.check_in(r.id);
    ASSERT_EQ(regs.search(ev, "helene").size(), 1u);
    erase_people(*db, {p});
    EXPECT_TRUE(regs.search(ev, "helene").empty());
    SQLite::Statement q(db->sql(), "SELECT search_key, status FROM exchange_registration WHERE id = ?");
    q.bind(1, r.id);
    ASSERT_TRUE(q.executeStep());
    EXPECT_EQ(q.getColumn(0).getString(), "");
    EXPECT_EQ(q.getColumn(1).getString(), "attended");
}

// Issue 16, item 13: after the event, its waiting list is a record, not a queue.
TEST_F(ExchangeRegistrations, EditingAPastEventDoesNotMoveItsWaitingList) {
    const auto ev = event(2, "2020-03-12");
    EXPECT_TRUE(regs.is_past(ev));
    const auto a = reg(ev, person("Ana", "Absente"));
    const auto b = reg(ev, person("Bert", "Bouw"));
    const auto c = reg(ev, person("Chloé", "Claes"));
    ASSERT_EQ(c.status, "waiting");
    regs.set_status(a.id, "no_show");
    regs.check_in(b.id);
    // The no-show held a seat: the event was full.
    EXPECT_EQ(regs.seats_taken(ev), 2);
    EXPECT_EQ(*regs.seats_free(ev), 0);

    auto e = *events.get(ev);
    e.title = "Table (compte rendu)";
    events.update(e);
    EXPECT_EQ(regs.get(c.id)->status, "waiting");
    // Not even a larger capacity, nor a late cancellation, moves anyone afterwards.
    e.capacity = 10;
    events.update(e);
    EXPECT_EQ(regs.get(c.id)->status, "waiting");
    regs.set_status(b.id, "registered");
    EXPECT_TRUE(regs.set_status(b.id, "cancelled", "Annulé après coup").empty());
    EXPECT_EQ(regs.get(c.id)->status, "waiting");
    // An explicit action still does.
    regs.set_status(c.id, "registered");
    EXPECT_EQ(regs.get(c.id)->status, "registered");
}

TEST_F(ExchangeRegistrations, AFutureEventStillPromotesWhenASeatFrees) {
    const auto ev = event(1);
    EXPECT_FALSE(regs.is_past(ev));
    const auto a = reg(ev, person("Ana", "Avant"));
    const auto b = reg(ev, person("Bert", "Bientôt"));
    ASSERT_EQ(b.status, "waiting");
    auto e = *events.get(ev);
    e.capacity = 2;
    events.update(e);
    EXPECT_EQ(regs.get(b.id)->status, "registered");
    EXPECT_EQ(regs.get(a.id)->status, "registered");
}
