#include "intervision_schema.h"

namespace maillage::intervision {
namespace {

// Dates are ISO text as in the core. Attendance lives in the core (session/attendance);
// these tables only say which session belongs to which group and who is enrolled.
constexpr const char* kV1 = R"SQL(
CREATE TABLE intervision_cycle(
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL CHECK(length(trim(name)) > 0),
  programme_id INTEGER REFERENCES programme(id),
  -- the funder the cycle's sessions count for (copied onto each session)
  funder_id INTEGER REFERENCES funder(id),
  -- who the groups are for: front-line workers, peer workers (PAT), managers (PAT)
  audience TEXT NOT NULL DEFAULT 'workers' CHECK(audience IN ('workers','peer_workers','managers')),
  start_date TEXT NOT NULL,
  end_date TEXT NOT NULL,
  -- regional public holidays also skipped: '' or a comma list of 'cocof' (27 Sept), 'flemish' (11 July)
  regional_holidays TEXT NOT NULL DEFAULT '',
  notes TEXT,
  CHECK(end_date >= start_date),
  UNIQUE(name, programme_id)
);

CREATE TABLE intervision_closure(
  id INTEGER PRIMARY KEY,
  cycle_id INTEGER NOT NULL REFERENCES intervision_cycle(id) ON DELETE CASCADE,
  start_date TEXT NOT NULL,
  end_date TEXT NOT NULL,
  label TEXT,
  CHECK(end_date >= start_date)
);

CREATE TABLE intervision_group(
  id INTEGER PRIMARY KEY,
  cycle_id INTEGER NOT NULL REFERENCES intervision_cycle(id) ON DELETE CASCADE,
  name TEXT NOT NULL CHECK(length(trim(name)) > 0),
  language TEXT NOT NULL DEFAULT 'fr' CHECK(language IN ('fr','nl')),
  weekday INTEGER NOT NULL CHECK(weekday BETWEEN 1 AND 7),           -- ISO: 1 = Monday
  week_of_month INTEGER NOT NULL DEFAULT 1 CHECK(week_of_month BETWEEN 1 AND 5),  -- 5 = last
  half_day TEXT NOT NULL DEFAULT 'morning' CHECK(half_day IN ('morning','afternoon','evening')),
  start_time TEXT NOT NULL,
  end_time TEXT NOT NULL,
  capacity INTEGER NOT NULL DEFAULT 10 CHECK(capacity > 0),
  venue_mode TEXT NOT NULL DEFAULT 'itinerant' CHECK(venue_mode IN ('itinerant','fixed')),
  fixed_place TEXT,
  fixed_institution_id INTEGER REFERENCES institution(id),
  facilitator1_id INTEGER REFERENCES person(id),
  facilitator2_id INTEGER REFERENCES person(id),
  UNIQUE(cycle_id, name)
);
CREATE INDEX intervision_group_cycle ON intervision_group(cycle_id);

-- One person's place in a group. institution/sector: held on the enrolment date.
CREATE TABLE intervision_enrolment(
  id INTEGER PRIMARY KEY,
  group_id INTEGER NOT NULL REFERENCES intervision_group(id) ON DELETE CASCADE,
  person_id INTEGER NOT NULL REFERENCES person(id),
  institution_id INTEGER REFERENCES institution(id),
  sector_id INTEGER REFERENCES sector(id),
  status TEXT NOT NULL CHECK(status IN ('enrolled','waiting','left')),
  waiting_position INTEGER,
  enrolled_on TEXT NOT NULL,
  left_on TEXT,
  -- why a second worker of the same institution was accepted (the rule's warning)
  reason TEXT,
  CHECK((status = 'waiting') = (waiting_position IS NOT NULL)),
  CHECK(status <> 'left' OR left_on IS NOT NULL)
);
CREATE UNIQUE INDEX intervision_enrolment_active ON intervision_enrolment(group_id, person_id)
  WHERE status <> 'left';
CREATE INDEX intervision_enrolment_person ON intervision_enrolment(person_id);

-- A core session (kind 'intervision') of a group, with the notes of the meeting. The
-- host is the core session's host_institution_id.
CREATE TABLE intervision_session(
  session_id INTEGER PRIMARY KEY REFERENCES session(id) ON DELETE CASCADE,
  group_id INTEGER NOT NULL REFERENCES intervision_group(id) ON DELETE CASCADE,
  -- 1 when moved or added by hand: regenerating the schedule keeps it
  manual INTEGER NOT NULL DEFAULT 0,
  host_presentation TEXT,
  vignette_themes TEXT
);
CREATE INDEX intervision_session_group ON intervision_session(group_id);
)SQL";

// What the window keeps of the officer's decisions: a closed cycle, a cancelled session's reason.
constexpr const char* kV2 = R"SQL(
ALTER TABLE intervision_cycle ADD COLUMN closed_on TEXT;
ALTER TABLE intervision_session ADD COLUMN cancel_reason TEXT;
)SQL";

}  // namespace

std::vector<Migration> intervision_migrations() {
    return {Migration::sql(1, "intervision cycles, groups, enrolments, group sessions", kV1),
            Migration::sql(2, "closed cycles, reasons of cancelled sessions", kV2)};
}

MigrationSet intervision_migration_set() { return MigrationSet{"intervision", intervision_migrations()}; }

}  // namespace maillage::intervision
