-- Case management: intakes (pieteikumi) with the persons concerned and problem categories,
-- the teams' duty workers, in-app notifications, cases (case_file: "case" is a reserved word)
-- with co-workers, stage transitions, closure requests and agreements to cooperate.

-- An intake. reporter_* are sensitive (shown only to the workers handling it, never exported).
-- first_contact_due_at is set for acute intakes only (received + 24 h); due_on for all.
CREATE TABLE intake (
  id {{id}},
  reference TEXT NOT NULL UNIQUE,
  municipality_id BIGINT NOT NULL REFERENCES municipality (id),
  department_id BIGINT NOT NULL REFERENCES department (id),
  team_id BIGINT NOT NULL REFERENCES team (id),
  version BIGINT NOT NULL,
  channel TEXT NOT NULL,
  urgency TEXT NOT NULL,
  status TEXT NOT NULL,
  reporter_kind TEXT NOT NULL,
  reporter_name TEXT NOT NULL,
  reporter_contact TEXT NOT NULL,
  household_id BIGINT REFERENCES household (id),
  concern TEXT NOT NULL,
  received_at TEXT NOT NULL,
  first_contact_due_on TEXT NOT NULL,
  first_contact_due_at TEXT,
  outcome TEXT,
  outcome_reason TEXT,
  referred_to TEXT,
  case_id BIGINT,
  decided_by BIGINT REFERENCES app_user (id),
  decided_at TEXT,
  created_by BIGINT REFERENCES app_user (id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX intake_open ON intake (municipality_id, status, urgency, first_contact_due_on);
CREATE INDEX intake_team ON intake (team_id, status);

CREATE TABLE intake_person (
  intake_id BIGINT NOT NULL REFERENCES intake (id),
  person_id BIGINT NOT NULL REFERENCES person (id),
  PRIMARY KEY (intake_id, person_id)
);
CREATE INDEX intake_person_person ON intake_person (person_id);

CREATE TABLE intake_problem (
  intake_id BIGINT NOT NULL REFERENCES intake (id),
  problem TEXT NOT NULL,
  PRIMARY KEY (intake_id, problem)
);

-- The duty worker of a team (dežurants): alerted with the supervisors of acute intakes.
CREATE TABLE team_duty (
  team_id BIGINT PRIMARY KEY REFERENCES team (id),
  user_id BIGINT NOT NULL REFERENCES app_user (id),
  set_by BIGINT NOT NULL REFERENCES app_user (id),
  set_at TEXT NOT NULL
);

-- In-app notifications; the message names the record, never its sensitive content.
CREATE TABLE notification (
  id {{id}},
  user_id BIGINT NOT NULL REFERENCES app_user (id),
  kind TEXT NOT NULL,
  entity_type TEXT NOT NULL,
  entity_id BIGINT NOT NULL,
  message_lv TEXT NOT NULL,
  message_en TEXT NOT NULL,
  created_at TEXT NOT NULL,
  read_at TEXT
);
CREATE INDEX notification_user ON notification (user_id, read_at, id);

-- A case for a household or a person, in a team of a department.
CREATE TABLE case_file (
  id {{id}},
  municipality_id BIGINT NOT NULL REFERENCES municipality (id),
  department_id BIGINT NOT NULL REFERENCES department (id),
  team_id BIGINT NOT NULL REFERENCES team (id),
  version BIGINT NOT NULL,
  household_id BIGINT REFERENCES household (id),
  person_id BIGINT REFERENCES person (id),
  intake_id BIGINT REFERENCES intake (id),
  stage TEXT NOT NULL,
  lead_worker_id BIGINT NOT NULL REFERENCES app_user (id),
  opened_on TEXT NOT NULL,
  closed_on TEXT,
  closure_reason TEXT,
  outcome_rating INTEGER,
  created_by BIGINT NOT NULL REFERENCES app_user (id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX case_file_team ON case_file (municipality_id, team_id, stage);
CREATE INDEX case_file_lead ON case_file (lead_worker_id, stage);

-- Co-workers of a case (the lead worker is in case_file).
CREATE TABLE case_worker (
  case_id BIGINT NOT NULL REFERENCES case_file (id),
  user_id BIGINT NOT NULL REFERENCES app_user (id),
  PRIMARY KEY (case_id, user_id)
);
CREATE INDEX case_worker_user ON case_worker (user_id);

-- Every stage change: who, when, why.
CREATE TABLE case_transition (
  id {{id}},
  case_id BIGINT NOT NULL REFERENCES case_file (id),
  from_stage TEXT NOT NULL,
  to_stage TEXT NOT NULL,
  reason TEXT NOT NULL,
  by_user BIGINT NOT NULL REFERENCES app_user (id),
  at TEXT NOT NULL
);
CREATE INDEX case_transition_case ON case_transition (case_id, id);

-- Closing a case: the lead worker's request, a supervisor's decision.
CREATE TABLE case_closure_request (
  id {{id}},
  case_id BIGINT NOT NULL REFERENCES case_file (id),
  closure_reason TEXT NOT NULL,
  outcome_rating INTEGER NOT NULL,
  note TEXT NOT NULL,
  requested_by BIGINT NOT NULL REFERENCES app_user (id),
  requested_at TEXT NOT NULL,
  status TEXT NOT NULL,
  decided_by BIGINT REFERENCES app_user (id),
  decided_at TEXT,
  decision_note TEXT
);
CREATE INDEX case_closure_request_case ON case_closure_request (case_id, id);

-- The agreement to cooperate (vienošanās): its date and the household members who agreed.
CREATE TABLE case_agreement (
  id {{id}},
  case_id BIGINT NOT NULL REFERENCES case_file (id),
  agreed_on TEXT NOT NULL,
  note TEXT NOT NULL,
  recorded_by BIGINT NOT NULL REFERENCES app_user (id),
  recorded_at TEXT NOT NULL
);
CREATE INDEX case_agreement_case ON case_agreement (case_id, id);

CREATE TABLE case_agreement_person (
  agreement_id BIGINT NOT NULL REFERENCES case_agreement (id),
  person_id BIGINT NOT NULL REFERENCES person (id),
  PRIMARY KEY (agreement_id, person_id)
);
