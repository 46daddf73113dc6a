-- The cooperation plan (sadarbības plāns) of a case: numbered versions, each with goals tied
-- to assessed difficulties and agreed tasks (veicamie uzdevumi) with a responsible party, a due
-- date and a status; the family's agreement; a supervisor's approval where the department
-- requires it (department.plan_approval_required). Status: draft → submitted → approved →
-- superseded (a rejected plan goes back to draft with the decision note). At most one plan of
-- a case is being prepared (draft or submitted) and at most one is in force (approved).
ALTER TABLE department ADD COLUMN plan_approval_required INTEGER NOT NULL DEFAULT 1;

CREATE TABLE case_plan (
  id {{id}},
  case_id BIGINT NOT NULL REFERENCES case_file (id),
  number INTEGER NOT NULL,
  version BIGINT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('draft', 'submitted', 'approved', 'superseded')),
  review_on TEXT NOT NULL,
  agreed_on TEXT,
  submitted_by BIGINT REFERENCES app_user (id),
  submitted_at TEXT,
  decided_by BIGINT REFERENCES app_user (id),
  decided_at TEXT,
  decision_note TEXT,
  created_by BIGINT NOT NULL REFERENCES app_user (id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (case_id, number)
);
CREATE UNIQUE INDEX case_plan_preparing ON case_plan (case_id) WHERE status IN ('draft', 'submitted');
CREATE UNIQUE INDEX case_plan_in_force ON case_plan (case_id) WHERE status = 'approved';
-- Reviews due: plans in force by review date.
CREATE INDEX case_plan_review ON case_plan (status, review_on);

-- The family members who agreed to a plan version.
CREATE TABLE case_plan_agreement (
  plan_id BIGINT NOT NULL REFERENCES case_plan (id),
  person_id BIGINT NOT NULL REFERENCES person (id),
  PRIMARY KEY (plan_id, person_id)
);
CREATE INDEX case_plan_agreement_person ON case_plan_agreement (person_id);

-- A goal of a plan, optionally tied to an assessment's domain and member (person id in decimal).
CREATE TABLE case_goal (
  id {{id}},
  plan_id BIGINT NOT NULL REFERENCES case_plan (id),
  position INTEGER NOT NULL,
  text TEXT NOT NULL,
  domain TEXT,
  assessment_id BIGINT REFERENCES case_assessment (id),
  member TEXT
);
CREATE INDEX case_goal_plan ON case_goal (plan_id, position);
CREATE INDEX case_goal_assessment ON case_goal (assessment_id);

-- An agreed task of a goal. The responsible party is a member of the case (person), a worker
-- of the case (user) or a partner institution (its name). case_id and plan_id are copied from
-- the goal so "my work" and a plan read them by index without joins through goals.
CREATE TABLE case_task (
  id {{id}},
  case_id BIGINT NOT NULL REFERENCES case_file (id),
  plan_id BIGINT NOT NULL REFERENCES case_plan (id),
  goal_id BIGINT NOT NULL REFERENCES case_goal (id),
  position INTEGER NOT NULL,
  text TEXT NOT NULL,
  due_on TEXT NOT NULL,
  responsible_kind TEXT NOT NULL CHECK (responsible_kind IN ('member', 'worker', 'partner')),
  responsible_person_id BIGINT REFERENCES person (id),
  responsible_user_id BIGINT REFERENCES app_user (id),
  responsible_partner TEXT,
  status TEXT NOT NULL CHECK (status IN ('open', 'in_progress', 'done', 'cancelled')),
  note TEXT,
  version BIGINT NOT NULL,
  updated_by BIGINT REFERENCES app_user (id),
  updated_at TEXT NOT NULL
);
CREATE INDEX case_task_plan ON case_task (plan_id, goal_id, position);
CREATE INDEX case_task_goal ON case_task (goal_id);
CREATE INDEX case_task_case ON case_task (case_id, status, due_on);
CREATE INDEX case_task_user ON case_task (responsible_user_id, status, due_on);
CREATE INDEX case_task_person ON case_task (responsible_person_id);
