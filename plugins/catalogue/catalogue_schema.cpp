#include "catalogue_schema.h"

namespace maillage::catalogue {
namespace {

// Version 1. A module is a stable code; each edit of its sheet adds a row to
// catalogue_module_version, and a training points at the versions it used, so the
// catalogue of a past year keeps the sheets as they were.
constexpr const char* kV1 = R"SQL(
CREATE TABLE catalogue_theme(
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  label_fr TEXT NOT NULL, label_nl TEXT NOT NULL, label_en TEXT NOT NULL,
  sort_order INTEGER NOT NULL DEFAULT 0,
  retired_at TEXT
);

CREATE TABLE catalogue_module(
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE CHECK(length(trim(code)) > 0),
  retired_at TEXT
);

CREATE TABLE catalogue_module_version(
  id INTEGER PRIMARY KEY,
  module_id INTEGER NOT NULL REFERENCES catalogue_module(id) ON DELETE CASCADE,
  version INTEGER NOT NULL CHECK(version > 0),
  theme_id INTEGER NOT NULL REFERENCES catalogue_theme(id),
  title_fr TEXT NOT NULL, title_nl TEXT NOT NULL, title_en TEXT,
  description_fr TEXT, description_nl TEXT, description_en TEXT,
  duration_minutes INTEGER NOT NULL CHECK(duration_minutes > 0),
  objectives TEXT, content TEXT, methods TEXT, audience TEXT, prerequisites TEXT,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),
  author TEXT,
  UNIQUE(module_id, version)
);

-- Which trainers (people with the role trainer) may give which module.
CREATE TABLE catalogue_trainer_module(
  person_id INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
  module_id INTEGER NOT NULL REFERENCES catalogue_module(id) ON DELETE CASCADE,
  PRIMARY KEY(person_id, module_id)
);

-- Periods a trainer is NOT available (holidays, part time...), inclusive dates.
CREATE TABLE catalogue_trainer_unavailability(
  id INTEGER PRIMARY KEY,
  person_id INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
  date_from TEXT NOT NULL, date_to TEXT NOT NULL,
  note TEXT,
  CHECK(date_to >= date_from)
);

CREATE TABLE catalogue_edition(
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,        -- "2026"
  year INTEGER NOT NULL,
  title TEXT,
  published_at TEXT
);

CREATE TABLE catalogue_training(
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK(kind IN ('open','custom')),
  edition_id INTEGER REFERENCES catalogue_edition(id),
  code TEXT NOT NULL UNIQUE,
  title_fr TEXT NOT NULL, title_nl TEXT, title_en TEXT,
  venue TEXT,
  seats INTEGER NOT NULL DEFAULT 0 CHECK(seats >= 0),
  price_cents INTEGER CHECK(price_cents IS NULL OR price_cents >= 0),  -- NULL or 0: free
  registration_deadline TEXT,
  languages TEXT NOT NULL DEFAULT 'fr',  -- comma-separated codes
  registration_url TEXT,
  -- custom trainings: the institution, its request and the analysis (a core response)
  institution_id INTEGER REFERENCES institution(id),
  request TEXT,
  analysis_response_id INTEGER REFERENCES response(id),
  status TEXT NOT NULL DEFAULT 'planned' CHECK(status IN ('requested','proposed','planned','cancelled')),
  notes TEXT,
  CHECK(kind = 'custom' OR edition_id IS NOT NULL),
  CHECK(kind = 'open' OR institution_id IS NOT NULL)
);

-- The modules of a training, in order, as the sheet version used.
CREATE TABLE catalogue_training_module(
  training_id INTEGER NOT NULL REFERENCES catalogue_training(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  module_version_id INTEGER NOT NULL REFERENCES catalogue_module_version(id),
  PRIMARY KEY(training_id, position)
);

-- A training day is a core session (kind 'training'); this links it to its training.
CREATE TABLE catalogue_training_day(
  session_id INTEGER PRIMARY KEY REFERENCES session(id) ON DELETE CASCADE,
  training_id INTEGER NOT NULL REFERENCES catalogue_training(id) ON DELETE CASCADE
);
CREATE INDEX catalogue_training_day_training ON catalogue_training_day(training_id);

-- The trainer pair of a day.
CREATE TABLE catalogue_day_trainer(
  session_id INTEGER NOT NULL REFERENCES session(id) ON DELETE CASCADE,
  person_id INTEGER NOT NULL REFERENCES person(id),
  PRIMARY KEY(session_id, person_id)
);

CREATE TABLE catalogue_registration(
  id INTEGER PRIMARY KEY,
  training_id INTEGER NOT NULL REFERENCES catalogue_training(id) ON DELETE CASCADE,
  person_id INTEGER NOT NULL REFERENCES person(id),
  -- snapshot at registration, as declared or from the person's employment
  institution_id INTEGER REFERENCES institution(id),
  sector_id INTEGER REFERENCES sector(id),
  status TEXT NOT NULL DEFAULT 'registered' CHECK(status IN ('registered','waiting','cancelled')),
  reason TEXT,
  waiting_position INTEGER,
  registered_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),
  source TEXT NOT NULL DEFAULT 'manual',
  UNIQUE(training_id, person_id),
  CHECK(status <> 'waiting' OR waiting_position IS NOT NULL)
);

-- A participant's expectation, collected at the start; met checked at the end.
CREATE TABLE catalogue_expectation(
  id INTEGER PRIMARY KEY,
  training_id INTEGER NOT NULL REFERENCES catalogue_training(id) ON DELETE CASCADE,
  person_id INTEGER NOT NULL REFERENCES person(id),
  text TEXT NOT NULL,
  met TEXT CHECK(met IN ('yes','partly','no'))
);
CREATE INDEX catalogue_expectation_training ON catalogue_expectation(training_id);

-- The themes of the catalogue (data: editable, retired rather than deleted).
INSERT INTO catalogue_theme(code, label_fr, label_nl, label_en, sort_order) VALUES
  ('reception', 'Accueil et écoute', 'Onthaal en luisteren', 'Reception and listening', 20),
  ('mental_health', 'Santé mentale', 'Geestelijke gezondheid', 'Mental health', 30),
  ('substance_use', 'Usages de drogues et réduction des risques', 'Middelengebruik en schadebeperking',
   'Substance use and harm reduction', 40),
  ('peer_support', 'Pair-aidance et rétablissement', 'Ervaringsdeskundigheid en herstel', 'Peer support and recovery', 50),
  ('crisis', 'Gestion de crise', 'Crisisbeheer', 'Crisis management', 60),
  ('low_threshold', 'Bas seuil et accès aux soins', 'Laagdrempelig werken en toegang tot zorg',
   'Low-threshold work and access to care', 70),
  ('violence', 'Violences', 'Geweld', 'Violence', 80),
  ('ethics', 'Questions éthiques complexes', 'Complexe ethische vragen', 'Complex ethical questions', 90);
)SQL";

}  // namespace

// Version 2: editions are reference data, retired rather than deleted.
constexpr const char* kV2 = R"SQL(
ALTER TABLE catalogue_edition ADD COLUMN retired_at TEXT;
)SQL";

// Version 3: the messages written (.eml) or sent (SMTP) to participants, so that none
// goes out twice. The address is not kept: erasing the person reaches the log.
constexpr const char* kV3 = R"SQL(
CREATE TABLE catalogue_mail_log(
  id INTEGER PRIMARY KEY,
  training_id INTEGER NOT NULL REFERENCES catalogue_training(id) ON DELETE CASCADE,
  person_id INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK(kind IN ('confirmation','waiting','reminder')),
  channel TEXT NOT NULL CHECK(channel IN ('eml','smtp')),
  subject TEXT NOT NULL,
  sent_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),
  UNIQUE(training_id, person_id, kind, channel)
);
)SQL";

std::vector<Migration> catalogue_migrations() {
    return {Migration::sql(1, "Training catalogue: themes, modules, trainers, editions, trainings, registrations", kV1),
            Migration::sql(2, "catalogue editions can be retired", kV2),
            Migration::sql(3, "messages to participants are logged", kV3)};
}

MigrationSet catalogue_migration_set() { return {"catalogue", catalogue_migrations()}; }

}  // namespace maillage::catalogue
