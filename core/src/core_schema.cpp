#include "core/core_schema.h"
#include "core/sql_util.h"

#include <SQLiteCpp/SQLiteCpp.h>

namespace maillage {
namespace {

// Version 1: the shared entities. Dates are ISO-8601 text (YYYY-MM-DD), times HH:MM.
// Reference data (sectors, programmes, funders) is retired, never deleted.
constexpr const char* kV1 = R"SQL(
CREATE TABLE sector(
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  label_fr TEXT NOT NULL, label_nl TEXT NOT NULL, label_en TEXT NOT NULL,
  -- 'social', 'mental_health' or 'other': used by rules such as the facilitator pair
  family TEXT NOT NULL DEFAULT 'other' CHECK(family IN ('social','mental_health','other')),
  sort_order INTEGER NOT NULL DEFAULT 0,
  retired_at TEXT
);

CREATE TABLE institution(
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL CHECK(length(trim(name)) > 0),
  region TEXT CHECK(region IN ('brussels','wallonia','flanders')),
  municipality TEXT, postcode TEXT, address TEXT,
  language TEXT CHECK(language IN ('fr','nl','bilingual')),
  email TEXT, phone TEXT, website TEXT, notes TEXT,
  -- set when merged into another record; such rows are hidden from lists
  merged_into INTEGER REFERENCES institution(id),
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))
);
CREATE INDEX institution_name ON institution(name COLLATE NOCASE);

CREATE TABLE institution_sector(
  institution_id INTEGER NOT NULL REFERENCES institution(id) ON DELETE CASCADE,
  sector_id INTEGER NOT NULL REFERENCES sector(id),
  is_primary INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY(institution_id, sector_id)
);

CREATE TABLE person(
  id INTEGER PRIMARY KEY,
  first_name TEXT, last_name TEXT,
  email TEXT, phone TEXT,
  language TEXT CHECK(language IN ('fr','nl','en')),
  notes TEXT,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),
  -- GDPR erasure: identity removed, participations kept anonymous
  erased_at TEXT,
  CHECK(erased_at IS NOT NULL OR length(trim(coalesce(first_name,'') || coalesce(last_name,''))) > 0)
);
CREATE INDEX person_name ON person(last_name COLLATE NOCASE, first_name COLLATE NOCASE);
CREATE INDEX person_email ON person(email COLLATE NOCASE);

CREATE TABLE person_role(
  person_id INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
  role TEXT NOT NULL CHECK(role IN ('worker','peer_worker','facilitator','trainer','staff','manager')),
  PRIMARY KEY(person_id, role)
);

-- Where a person worked and when: participations record the institution and sector of
-- the time.
CREATE TABLE employment(
  id INTEGER PRIMARY KEY,
  person_id INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
  institution_id INTEGER NOT NULL REFERENCES institution(id),
  sector_id INTEGER REFERENCES sector(id),
  job_title TEXT,
  start_date TEXT,
  end_date TEXT,
  CHECK(end_date IS NULL OR start_date IS NULL OR end_date >= start_date)
);
CREATE INDEX employment_person ON employment(person_id);
CREATE INDEX employment_institution ON employment(institution_id);

CREATE TABLE programme(
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  parent_id INTEGER REFERENCES programme(id),
  retired_at TEXT
);

CREATE TABLE funder(
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  notes TEXT,
  retired_at TEXT
);

-- A dated meeting of any kind; the plugin that owns it links it to its own tables.
CREATE TABLE session(
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,                -- 'intervision', 'exchange', 'pat', 'training', ...
  title TEXT,
  date TEXT NOT NULL CHECK(date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  start_time TEXT, end_time TEXT,
  place TEXT,
  host_institution_id INTEGER REFERENCES institution(id),
  language TEXT,
  programme_id INTEGER REFERENCES programme(id),
  funder_id INTEGER REFERENCES funder(id),
  status TEXT NOT NULL DEFAULT 'planned' CHECK(status IN ('planned','held','cancelled')),
  notes TEXT,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))
);
CREATE INDEX session_date ON session(date);
CREATE INDEX session_kind_date ON session(kind, date);

CREATE TABLE attendance(
  id INTEGER PRIMARY KEY,
  session_id INTEGER NOT NULL REFERENCES session(id) ON DELETE CASCADE,
  person_id INTEGER NOT NULL REFERENCES person(id),
  status TEXT NOT NULL DEFAULT 'registered'
    CHECK(status IN ('registered','present','excused','absent')),
  role TEXT NOT NULL DEFAULT 'participant'
    CHECK(role IN ('participant','facilitator','speaker','trainer','staff','organiser')),
  reason TEXT,
  -- snapshot of the person's institution and sector on the session's date
  institution_id INTEGER REFERENCES institution(id),
  sector_id INTEGER REFERENCES sector(id),
  UNIQUE(session_id, person_id)
);
CREATE INDEX attendance_person ON attendance(person_id);

CREATE TABLE questionnaire(
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  title TEXT NOT NULL,
  description TEXT,
  purpose TEXT NOT NULL DEFAULT 'evaluation'
    CHECK(purpose IN ('evaluation','intake','expectations','other')),
  owner TEXT,                        -- plugin id that uses it, or NULL
  retired_at TEXT
);

CREATE TABLE question(
  id INTEGER PRIMARY KEY,
  questionnaire_id INTEGER NOT NULL REFERENCES questionnaire(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK(kind IN ('rating','choice','multi_choice','text','yes_partly_no')),
  text TEXT NOT NULL,
  options TEXT,                      -- JSON array of labels for choice questions
  scale_min INTEGER, scale_max INTEGER,
  required INTEGER NOT NULL DEFAULT 0,
  UNIQUE(questionnaire_id, position)
);

-- One filled-in questionnaire about a subject (a cycle, a training, an event...).
CREATE TABLE response(
  id INTEGER PRIMARY KEY,
  questionnaire_id INTEGER NOT NULL REFERENCES questionnaire(id),
  person_id INTEGER REFERENCES person(id),   -- NULL when anonymous
  subject_kind TEXT NOT NULL,
  subject_id INTEGER NOT NULL,
  submitted_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))
);
CREATE INDEX response_subject ON response(subject_kind, subject_id);

CREATE TABLE answer(
  response_id INTEGER NOT NULL REFERENCES response(id) ON DELETE CASCADE,
  question_id INTEGER NOT NULL REFERENCES question(id),
  number REAL,
  text TEXT,
  PRIMARY KEY(response_id, question_id)
);

-- Append-only; each entry is chained to the previous one by hash.
CREATE TABLE audit_log(
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  entity TEXT NOT NULL,
  entity_id INTEGER,
  summary TEXT,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
  BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
  BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;

CREATE TABLE setting(key TEXT PRIMARY KEY, value TEXT);
)SQL";

struct SeedSector {
    const char *code, *fr, *nl, *en, *family;
};

// The sector list of the yearly reports (DOMAIN.md), in its usual order.
constexpr SeedSector kSectors[] = {
    {"homeless", "aide aux personnes sans-abri", "thuislozenzorg", "homeless aid", "social"},
    {"mental_health", "santé mentale", "geestelijke gezondheidszorg", "mental health", "mental_health"},
    {"addiction", "drogues et addictions", "drugs en verslaving", "drugs and addictions", "mental_health"},
    {"social_aid", "aide sociale générale", "algemeen welzijnswerk", "general social aid", "social"},
    {"general_health", "santé générale", "algemene gezondheidszorg", "general health", "other"},
    {"elderly", "aide aux personnes âgées", "ouderenzorg", "elderly care", "social"},
    {"housing", "logement", "huisvesting", "housing", "social"},
    {"sex_work", "aide aux travailleur·euse·s du sexe / personnes prostituées",
     "hulp aan sekswerkers / personen in de prostitutie", "sex-worker support", "social"},
    {"employment", "insertion socioprofessionnelle", "socioprofessionele inschakeling",
     "socio-professional integration", "social"},
    {"disability", "aide aux personnes en situation de handicap", "zorg voor personen met een handicap",
     "disability", "social"},
    {"prison", "milieu carcéral", "gevangeniswezen", "prison", "social"},
    {"youth", "aide à la jeunesse", "jeugdhulp", "youth aid", "social"},
    {"migration", "migration", "migratie", "migration", "social"},
    {"justice", "aide aux justiciables", "justitieel welzijnswerk", "justice-involved people", "social"},
    {"violence_women", "violences faites aux femmes", "geweld tegen vrouwen", "violence against women",
     "social"},
    {"precariousness", "précarité", "kansarmoede", "precariousness", "social"},
};

void apply_v1(SQLite::Database& db) {
    db.exec(kV1);
    SQLite::Statement ins(db,
                          "INSERT INTO sector(code, label_fr, label_nl, label_en, family, sort_order) "
                          "VALUES (?,?,?,?,?,?)");
    int order = 0;
    for (const auto& s : kSectors) {
        bind_all(ins, s.code, s.fr, s.nl, s.en, s.family, ++order);
        ins.exec();
        ins.reset();
    }
}

// Version 2: the erasure ledger. It names who was erased (by id only) and when, so that
// restoring a backup taken before an erasure can erase them again (core/restore.h). It
// has no foreign key: it must outlive anything, and holds no identity.
constexpr const char* kV2 = R"SQL(
CREATE TABLE erasure_ledger(
  id INTEGER PRIMARY KEY,
  person_id INTEGER NOT NULL,
  erased_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),
  actor TEXT NOT NULL,
  reason TEXT NOT NULL CHECK(reason IN ('request','retention','reapplied'))
);
CREATE INDEX erasure_ledger_person ON erasure_ledger(person_id);
CREATE TRIGGER erasure_ledger_no_update BEFORE UPDATE ON erasure_ledger
  BEGIN SELECT RAISE(ABORT, 'the erasure ledger is append-only'); END;
CREATE TRIGGER erasure_ledger_no_delete BEFORE DELETE ON erasure_ledger
  BEGIN SELECT RAISE(ABORT, 'the erasure ledger is append-only'); END;
)SQL";

// Version 3: fingerprints of what erased people were called (their name forms, email
// and phone), so that `check` can tell when any of it is still somewhere in the file's
// bytes. A fingerprint is a 61-bit rolling hash of the lower-cased text and its length:
// it does not give the name back, though someone who already knows a name can test it.
constexpr const char* kV3 = R"SQL(
CREATE TABLE erasure_fingerprint(
  id INTEGER PRIMARY KEY,
  person_id INTEGER NOT NULL,
  length INTEGER NOT NULL CHECK(length > 0),
  hash INTEGER NOT NULL
);
CREATE INDEX erasure_fingerprint_person ON erasure_fingerprint(person_id);
CREATE TRIGGER erasure_fingerprint_no_update BEFORE UPDATE ON erasure_fingerprint
  BEGIN SELECT RAISE(ABORT, 'the erasure fingerprints are append-only'); END;
CREATE TRIGGER erasure_fingerprint_no_delete BEFORE DELETE ON erasure_fingerprint
  BEGIN SELECT RAISE(ABORT, 'the erasure fingerprints are append-only'); END;
)SQL";

// Version 4: funders get a parent, as programmes have (a foundation's fund under the
// foundation), so each level can have its own report.
constexpr const char* kV4 = R"SQL(
ALTER TABLE funder ADD COLUMN parent_id INTEGER REFERENCES funder(id);
)SQL";

}  // namespace

MigrationSet core_migrations() {
    MigrationSet set{"core", {}};
    set.steps.push_back(Migration{1, "shared entities: sectors, institutions, people, sessions, "
                                     "attendance, questionnaires, audit log",
                                  apply_v1});
    set.steps.push_back(Migration::sql(2, "erasure ledger (GDPR erasures re-applied after a restore)", kV2));
    set.steps.push_back(Migration::sql(3, "fingerprints of erased identities (check finds leftovers)", kV3));
    set.steps.push_back(Migration::sql(4, "funders can have a parent funder", kV4));
    return set;
}

}  // namespace maillage
