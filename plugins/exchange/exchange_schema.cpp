#include "exchange_schema.h"

#include <SQLiteCpp/SQLiteCpp.h>

namespace maillage::exchange {
namespace {

// Version 1. Dates are ISO text; an event's dates and times are those of its sessions.
constexpr const char* kV1 = R"SQL(
-- The kinds of event (reference data, retired never deleted). counts_as_group marks the
-- types whose figure is "meetings and services" rather than participants.
CREATE TABLE exchange_event_type(
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  label_fr TEXT NOT NULL, label_nl TEXT NOT NULL, label_en TEXT NOT NULL,
  counts_as_group INTEGER NOT NULL DEFAULT 0,
  sort_order INTEGER NOT NULL DEFAULT 0,
  retired_at TEXT
);
INSERT INTO exchange_event_type(code, label_fr, label_nl, label_en, counts_as_group, sort_order) VALUES
 ('exchange_table', 'table d''échanges', 'uitwisselingstafel', 'exchange table', 0, 1),
 ('study_day', 'journée / matinée d''étude', 'studiedag / studievoormiddag', 'study day / morning', 0, 2),
 ('debate', 'débat', 'debat', 'debate', 0, 3),
 ('working_group', 'groupe de travail', 'werkgroep', 'working group', 1, 4),
 ('other', 'autre', 'andere', 'other', 0, 5);

CREATE TABLE exchange_event(
  id INTEGER PRIMARY KEY,
  type_id INTEGER NOT NULL REFERENCES exchange_event_type(id),
  title TEXT NOT NULL CHECK(length(trim(title)) > 0),
  theme TEXT,
  venue TEXT,
  capacity INTEGER CHECK(capacity IS NULL OR capacity >= 0),   -- seats for participants
  languages TEXT,                                               -- "fr,nl"
  -- the organisation's own part in the event
  role TEXT NOT NULL DEFAULT 'organiser'
    CHECK(role IN ('organiser','co_organiser','facilitator','participant')),
  programme_id INTEGER REFERENCES programme(id),
  funder_id INTEGER REFERENCES funder(id),
  objectives TEXT,
  programme_text TEXT,                                          -- the day's programme
  notes TEXT,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))
);

-- The days / meetings of an event (core sessions of kind 'exchange').
CREATE TABLE exchange_event_session(
  event_id INTEGER NOT NULL REFERENCES exchange_event(id) ON DELETE CASCADE,
  session_id INTEGER NOT NULL UNIQUE REFERENCES session(id) ON DELETE CASCADE,
  PRIMARY KEY(event_id, session_id)
);

CREATE TABLE exchange_event_partner(
  event_id INTEGER NOT NULL REFERENCES exchange_event(id) ON DELETE CASCADE,
  institution_id INTEGER NOT NULL REFERENCES institution(id),
  PRIMARY KEY(event_id, institution_id)
);

-- Services taking part in a working group (its figure: meetings and services).
CREATE TABLE exchange_group_service(
  event_id INTEGER NOT NULL REFERENCES exchange_event(id) ON DELETE CASCADE,
  institution_id INTEGER NOT NULL REFERENCES institution(id),
  PRIMARY KEY(event_id, institution_id)
);

-- Steering committee: member institutions and their representatives.
CREATE TABLE exchange_committee_member(
  id INTEGER PRIMARY KEY,
  event_id INTEGER NOT NULL REFERENCES exchange_event(id) ON DELETE CASCADE,
  institution_id INTEGER NOT NULL REFERENCES institution(id),
  person_id INTEGER REFERENCES person(id),
  UNIQUE(event_id, institution_id, person_id)
);
-- Committee meetings: core sessions of kind 'exchange_committee' (attendance in core).
CREATE TABLE exchange_committee_meeting(
  event_id INTEGER NOT NULL REFERENCES exchange_event(id) ON DELETE CASCADE,
  session_id INTEGER NOT NULL UNIQUE REFERENCES session(id) ON DELETE CASCADE,
  PRIMARY KEY(event_id, session_id)
);
CREATE TABLE exchange_committee_decision(
  id INTEGER PRIMARY KEY,
  session_id INTEGER NOT NULL REFERENCES session(id) ON DELETE CASCADE,
  text TEXT NOT NULL
);

-- Tables of an event.
CREATE TABLE exchange_table(
  id INTEGER PRIMARY KEY,
  event_id INTEGER NOT NULL REFERENCES exchange_event(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  title TEXT NOT NULL CHECK(length(trim(title)) > 0),
  question TEXT,
  UNIQUE(event_id, position)
);
CREATE TABLE exchange_table_facilitator(
  table_id INTEGER NOT NULL REFERENCES exchange_table(id) ON DELETE CASCADE,
  person_id INTEGER NOT NULL REFERENCES person(id),
  PRIMARY KEY(table_id, person_id)
);

-- One person's registration for an event. institution/sector are a snapshot taken when
-- registering (the form's answer, else the person's employment on the event's date), so
-- figures stay right after job changes and erasure.
CREATE TABLE exchange_registration(
  id INTEGER PRIMARY KEY,
  event_id INTEGER NOT NULL REFERENCES exchange_event(id) ON DELETE CASCADE,
  person_id INTEGER NOT NULL REFERENCES person(id),
  institution_id INTEGER REFERENCES institution(id),
  institution_text TEXT,                 -- as typed, when no institution record applies
  sector_id INTEGER REFERENCES sector(id),
  status TEXT NOT NULL DEFAULT 'registered'
    CHECK(status IN ('registered','waiting','cancelled','attended','no_show')),
  cancel_reason TEXT,
  waiting_position INTEGER,
  role TEXT NOT NULL DEFAULT 'participant'
    CHECK(role IN ('participant','facilitator','speaker','organiser')),
  table_choice_id INTEGER REFERENCES exchange_table(id) ON DELETE SET NULL,
  table_id INTEGER REFERENCES exchange_table(id) ON DELETE SET NULL,
  search_key TEXT NOT NULL DEFAULT '',   -- normalised name, email, institution
  source TEXT NOT NULL DEFAULT 'manual', -- manual | import | walk_in
  registered_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),
  checked_in_at TEXT,
  UNIQUE(event_id, person_id),
  CHECK(status <> 'cancelled' OR length(trim(coalesce(cancel_reason,''))) > 0),
  CHECK((status = 'waiting') = (waiting_position IS NOT NULL))
);
CREATE INDEX exchange_registration_event ON exchange_registration(event_id, status);
-- The check-in search key holds the name and email in normalised form, which the core's
-- erasure (matching the written forms) cannot recognise: clear it when a person is erased.
CREATE TRIGGER exchange_registration_erase AFTER UPDATE OF erased_at ON person
  WHEN NEW.erased_at IS NOT NULL
  BEGIN UPDATE exchange_registration SET search_key = '' WHERE person_id = NEW.id; END;

CREATE TABLE exchange_publication(
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL CHECK(length(trim(title)) > 0),
  collection TEXT,
  number TEXT,
  languages TEXT,
  copies INTEGER CHECK(copies IS NULL OR copies >= 0),
  date TEXT,
  link TEXT,
  notes TEXT
);
CREATE TABLE exchange_publication_source(
  publication_id INTEGER NOT NULL REFERENCES exchange_publication(id) ON DELETE CASCADE,
  event_id INTEGER NOT NULL REFERENCES exchange_event(id) ON DELETE CASCADE,
  table_id INTEGER REFERENCES exchange_table(id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX exchange_publication_source_unique
  ON exchange_publication_source(publication_id, event_id, coalesce(table_id, 0));
)SQL";

// Version 2: the links between publications and events get a primary key, so that
// linking, unlinking and deleting an event with publications can be undone (the undo
// of core/undo.h records only tables with a declared primary key).
constexpr const char* kV2 = R"SQL(
CREATE TABLE exchange_publication_source_v2(
  id INTEGER PRIMARY KEY,
  publication_id INTEGER NOT NULL REFERENCES exchange_publication(id) ON DELETE CASCADE,
  event_id INTEGER NOT NULL REFERENCES exchange_event(id) ON DELETE CASCADE,
  table_id INTEGER REFERENCES exchange_table(id) ON DELETE CASCADE
);
INSERT INTO exchange_publication_source_v2(publication_id, event_id, table_id)
  SELECT publication_id, event_id, table_id FROM exchange_publication_source;
DROP TABLE exchange_publication_source;
ALTER TABLE exchange_publication_source_v2 RENAME TO exchange_publication_source;
CREATE UNIQUE INDEX exchange_publication_source_unique
  ON exchange_publication_source(publication_id, event_id, coalesce(table_id, 0));
)SQL";

// Version 3. The report overview counts an event's participants: they are attended
// registrations, not attendance rows. The core reads every report_participation_<id>
// view (docs/plugin-api.md); a registration counts on the event's first day held.
constexpr const char* kV3 = R"SQL(
CREATE VIEW report_participation_exchange(session_id, person_id, institution_id, sector_id, role) AS
SELECT (SELECT s.id FROM exchange_event_session es JOIN session s ON s.id = es.session_id
         WHERE es.event_id = r.event_id AND s.status <> 'cancelled'
         ORDER BY s.date, s.start_time, s.id LIMIT 1),
       r.person_id, r.institution_id, r.sector_id, r.role
  FROM exchange_registration r
 WHERE r.status = 'attended';
)SQL";

}  // namespace

MigrationSet exchange_migrations() {
    MigrationSet set{"exchange", {}};
    set.steps.push_back(Migration::sql(1,
                                       "exchange: event types, events, committees, tables, registrations, "
                                       "publications, working-group services",
                                       kV1));
    set.steps.push_back(Migration::sql(2, "exchange: publication links with a primary key (undo)", kV2));
    set.steps.push_back(Migration::sql(3, "exchange: event participants in the report overview", kV3));
    return set;
}

}  // namespace maillage::exchange
