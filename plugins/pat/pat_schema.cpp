#include "pat_schema.h"

#include "core/sql_call.h"

#include <SQLiteCpp/SQLiteCpp.h>

namespace maillage::pat {
namespace {

// Version 1. Dates are ISO text. Reference data (steps, session types) is retired,
// never deleted, so that old accompaniments keep their meaning.
constexpr const char* kV1 = R"SQL(
CREATE TABLE pat_step(
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  position INTEGER NOT NULL,
  label_fr TEXT NOT NULL, label_nl TEXT NOT NULL, label_en TEXT NOT NULL,
  retired_at TEXT
);

-- Singular and plural labels: the report says "6 working groups, 1 team meeting".
CREATE TABLE pat_session_type(
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  position INTEGER NOT NULL,
  label_fr TEXT NOT NULL, label_nl TEXT NOT NULL, label_en TEXT NOT NULL,
  plural_fr TEXT NOT NULL, plural_nl TEXT NOT NULL, plural_en TEXT NOT NULL,
  retired_at TEXT
);

CREATE TABLE pat_accompaniment(
  id INTEGER PRIMARY KEY,
  institution_id INTEGER NOT NULL REFERENCES institution(id),
  contact_person_id INTEGER REFERENCES person(id),
  contact_name TEXT,
  heard_from TEXT,
  -- copied from the institution at the request, so the figures by region stay put
  region TEXT CHECK(region IN ('brussels','wallonia','flanders')),
  funder_id INTEGER REFERENCES funder(id),
  phase TEXT NOT NULL DEFAULT 'request'
    CHECK(phase IN ('request','analysis','accompaniment','hired','follow_up','closed')),
  request_date TEXT NOT NULL,
  analysis_date TEXT, accompaniment_date TEXT, hired_date TEXT, follow_up_date TEXT, closed_date TEXT,
  decision TEXT CHECK(decision IN ('accepted','waiting','declined')),
  decision_date TEXT,
  decision_reason TEXT,
  intake_response_id INTEGER REFERENCES response(id),
  planned_sessions INTEGER CHECK(planned_sessions IS NULL OR planned_sessions >= 0),
  closing_reason TEXT,
  notes TEXT,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))
);
CREATE INDEX pat_accompaniment_institution ON pat_accompaniment(institution_id);

CREATE TABLE pat_phase_history(
  id INTEGER PRIMARY KEY,
  accompaniment_id INTEGER NOT NULL REFERENCES pat_accompaniment(id) ON DELETE CASCADE,
  from_phase TEXT, to_phase TEXT NOT NULL, date TEXT NOT NULL, note TEXT
);

CREATE TABLE pat_step_state(
  accompaniment_id INTEGER NOT NULL REFERENCES pat_accompaniment(id) ON DELETE CASCADE,
  step_id INTEGER NOT NULL REFERENCES pat_step(id),
  state TEXT NOT NULL DEFAULT 'not_started'
    CHECK(state IN ('not_started','in_progress','done','skipped')),
  started_on TEXT, finished_on TEXT, notes TEXT,
  PRIMARY KEY(accompaniment_id, step_id)
);

-- A core session of kind 'pat' belonging to an accompaniment. Staff who ran it are
-- attendance rows with role 'staff'; the institution's people are role 'participant'.
CREATE TABLE pat_session(
  session_id INTEGER PRIMARY KEY REFERENCES session(id) ON DELETE CASCADE,
  accompaniment_id INTEGER NOT NULL REFERENCES pat_accompaniment(id) ON DELETE CASCADE,
  type_id INTEGER NOT NULL REFERENCES pat_session_type(id),
  duration_minutes INTEGER NOT NULL DEFAULT 0 CHECK(duration_minutes >= 0),
  preparation_minutes INTEGER NOT NULL DEFAULT 0 CHECK(preparation_minutes >= 0),
  phase TEXT NOT NULL DEFAULT 'accompaniment' CHECK(phase IN ('accompaniment','follow_up')),
  -- the two-staff rule is a warning: what was said is kept with the session
  staff_warning TEXT
);
CREATE INDEX pat_session_accompaniment ON pat_session(accompaniment_id);

CREATE TABLE pat_hire(
  id INTEGER PRIMARY KEY,
  accompaniment_id INTEGER NOT NULL REFERENCES pat_accompaniment(id) ON DELETE CASCADE,
  -- 'announced': the institution said it will hire; 'effective': the contract started
  status TEXT NOT NULL DEFAULT 'effective' CHECK(status IN ('announced','effective')),
  announced_date TEXT,
  hire_date TEXT,
  job_title TEXT,
  working_time_percent REAL CHECK(working_time_percent IS NULL OR
                                  (working_time_percent > 0 AND working_time_percent <= 100)),
  contract_type TEXT,
  person_id INTEGER REFERENCES person(id),
  notes TEXT,
  CHECK(status = 'announced' OR hire_date IS NOT NULL)
);

CREATE TABLE pat_document(
  id INTEGER PRIMARY KEY,
  accompaniment_id INTEGER NOT NULL REFERENCES pat_accompaniment(id) ON DELETE CASCADE,
  title TEXT NOT NULL,
  link TEXT NOT NULL
);

CREATE TABLE pat_training(
  id INTEGER PRIMARY KEY,
  title TEXT,
  audience TEXT,
  institution_id INTEGER REFERENCES institution(id),
  date TEXT NOT NULL,
  duration_minutes INTEGER NOT NULL DEFAULT 0 CHECK(duration_minutes >= 0),
  participants INTEGER NOT NULL DEFAULT 0 CHECK(participants >= 0),
  funder_id INTEGER REFERENCES funder(id),
  notes TEXT
);

CREATE TABLE pat_advocacy(
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK(kind IN ('talk','interview','podcast','meeting')),
  date TEXT NOT NULL,
  title TEXT,
  audience TEXT,
  audience_size INTEGER CHECK(audience_size IS NULL OR audience_size >= 0),
  link TEXT,
  funder_id INTEGER REFERENCES funder(id),
  notes TEXT
);

-- Where peer workers work (the map website). Region and municipality come from the
-- institution.
CREATE TABLE pat_workplace(
  id INTEGER PRIMARY KEY,
  institution_id INTEGER NOT NULL UNIQUE REFERENCES institution(id),
  since TEXT,
  sector_id INTEGER REFERENCES sector(id),
  peer_workers INTEGER NOT NULL DEFAULT 1 CHECK(peer_workers >= 0),
  notes TEXT
);
)SQL";

struct SeedStep {
    const char *code, *fr, *nl, *en;
};

// "Dix étapes pour engager et travailler avec un·e pair-aidant·e".
constexpr SeedStep kSteps[] = {
    {"needs_analysis", "Analyser les besoins", "Behoeften analyseren", "Needs analysis"},
    {"prepare_institution", "Préparer l'institution et les équipes", "De organisatie en de teams voorbereiden",
     "Preparing the institution and the teams"},
    {"adapt_framework", "Adapter le cadre", "Het kader aanpassen", "Adapting the framework"},
    {"define_job", "Définir la fonction", "De functie omschrijven", "Defining the job"},
    {"recruitment", "Recruter", "Rekruteren", "Recruitment"},
    {"onboarding", "Accueillir et intégrer", "Onthalen en inwerken", "Welcoming and onboarding"},
    {"support_supervision", "Soutenir et superviser", "Ondersteunen en superviseren", "Support and supervision"},
    {"training", "Former le·la pair-aidant·e et l'équipe", "De ervaringsdeskundige en het team opleiden",
     "Training the peer worker and the team"},
    {"evaluate", "Évaluer la fonction", "De functie evalueren", "Evaluating the job"},
    {"sustain", "Pérenniser la fonction", "De functie verankeren", "Making the job last"},
};

struct SeedType {
    const char *code, *fr, *nl, *en, *fr_pl, *nl_pl, *en_pl;
};

constexpr SeedType kTypes[] = {
    {"working_group", "groupe de travail", "werkgroep", "working group", "groupes de travail", "werkgroepen",
     "working groups"},
    {"team_meeting", "réunion d'équipe", "teamvergadering", "team meeting", "réunions d'équipe",
     "teamvergaderingen", "team meetings"},
    {"training_day", "journée de formation", "opleidingsdag", "training day", "journées de formation",
     "opleidingsdagen", "training days"},
    {"job_interview", "entretien d'embauche", "sollicitatiegesprek", "job interview", "entretiens d'embauche",
     "sollicitatiegesprekken", "job interviews"},
    {"other_meeting", "autre réunion", "andere vergadering", "other meeting", "autres réunions",
     "andere vergaderingen", "other meetings"},
    {"immersion", "immersion", "inleefmoment", "immersion", "immersions", "inleefmomenten", "immersions"},
};

// The intake questionnaire of the request analysis (a semi-structured interview): a
// core questionnaire template, editable like any other; French, the team's language.
constexpr const char* kIntake = R"SQL(
INSERT INTO questionnaire(code, title, description, purpose, owner) VALUES ('pat_intake',
  'PAT — analyse de la demande',
  'Entretien semi-directif avec l''institution qui souhaite engager un·e pair-aidant·e.', 'intake', 'pat');
INSERT INTO question(questionnaire_id, position, kind, text, options, scale_min, scale_max, required)
SELECT id, 1, 'text', 'Quels besoins motivent l''engagement d''un·e pair-aidant·e ?', NULL, NULL, NULL, 1
  FROM questionnaire WHERE code = 'pat_intake'
UNION ALL SELECT id, 2, 'choice', 'Où en est le projet ?',
  '["Une idée","Discuté en équipe","Budget disponible","Recrutement en cours"]', NULL, NULL, 1
  FROM questionnaire WHERE code = 'pat_intake'
UNION ALL SELECT id, 3, 'yes_partly_no', 'La direction soutient-elle le projet ?', '["yes","partly","no"]', NULL, NULL, 0
  FROM questionnaire WHERE code = 'pat_intake'
UNION ALL SELECT id, 4, 'yes_partly_no', 'Les équipes ont-elles été consultées ?', '["yes","partly","no"]', NULL, NULL, 0
  FROM questionnaire WHERE code = 'pat_intake'
UNION ALL SELECT id, 5, 'choice', 'Financement de la fonction',
  '["Budget propre","Subside","À trouver"]', NULL, NULL, 0
  FROM questionnaire WHERE code = 'pat_intake'
UNION ALL SELECT id, 6, 'rating', 'Degré de préparation de l''institution (1 = pas prête, 5 = prête)', NULL, 1, 5, 0
  FROM questionnaire WHERE code = 'pat_intake'
UNION ALL SELECT id, 7, 'text', 'Craintes et résistances exprimées', NULL, NULL, NULL, 0
  FROM questionnaire WHERE code = 'pat_intake'
UNION ALL SELECT id, 8, 'text', 'Attentes vis-à-vis du PAT', NULL, NULL, NULL, 0
  FROM questionnaire WHERE code = 'pat_intake';
)SQL";

void apply_v1(SQLite::Database& db) {
    db.exec(kV1);
    db.exec(kIntake);
    int position = 0;
    for (const auto& s : kSteps)
        exec_sql(db, "INSERT INTO pat_step(code, position, label_fr, label_nl, label_en) VALUES (?,?,?,?,?)", s.code,
                 ++position, s.fr, s.nl, s.en);
    position = 0;
    for (const auto& t : kTypes)
        exec_sql(db,
                 "INSERT INTO pat_session_type(code, position, label_fr, label_nl, label_en, plural_fr, plural_nl, "
                 "plural_en) VALUES (?,?,?,?,?,?,?,?)",
                 t.code, ++position, t.fr, t.nl, t.en, t.fr_pl, t.nl_pl, t.en_pl);
}

// Version 2. A workplace where peer workers no longer work is ended, not deleted: the
// map shows the current ones, the history stays.
void apply_v2(SQLite::Database& db) { db.exec("ALTER TABLE pat_workplace ADD COLUMN ended_on TEXT;"); }

}  // namespace

MigrationSet pat_migrations() {
    MigrationSet set{"pat", {}};
    set.steps.push_back(Migration{1,
                                  "PAT: guide steps, session types, accompaniments, sessions, hires, trainings, "
                                  "advocacy, workplaces",
                                  apply_v1});
    set.steps.push_back(Migration{2, "PAT: a workplace can be ended", apply_v2});
    return set;
}

}  // namespace maillage::pat
