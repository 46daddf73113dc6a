-- Partner institutions: schools, kindergartens, the orphan's court, police, health providers, NGOs
-- and other outside organisations (also outside service providers), with their contacts. A partner
-- user (role partner) belongs to one institution through app_user.partner_id.
CREATE TABLE partner (
  id {{id}},
  municipality_id BIGINT NOT NULL REFERENCES municipality (id),
  kind TEXT NOT NULL CHECK (kind IN ('school', 'kindergarten', 'orphans_court', 'police', 'health',
                                     'ngo', 'other')),
  name TEXT NOT NULL,
  registration_number TEXT,
  address TEXT,
  phone TEXT,
  email TEXT,
  active INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (municipality_id, name)
);

CREATE TABLE partner_contact (
  id {{id}},
  partner_id BIGINT NOT NULL REFERENCES partner (id),
  full_name TEXT NOT NULL,
  position TEXT,
  phone TEXT,
  email TEXT
);

CREATE INDEX partner_contact_partner ON partner_contact (partner_id);

ALTER TABLE app_user ADD COLUMN partner_id BIGINT REFERENCES partner (id);

-- A plan task assigned to a partner institution of the register (responsible_kind 'partner');
-- responsible_partner keeps the name shown. The partner portal lists a partner's tasks by it.
ALTER TABLE case_task ADD COLUMN responsible_partner_id BIGINT REFERENCES partner (id);
CREATE INDEX case_task_partner ON case_task (responsible_partner_id, status, due_on);

-- A concern report (ziņojums par bažām) a partner user (a school social pedagogue) files about a
-- child: it becomes an intake with channel "school" and the institution as reporter; the
-- partner sees her own reports and the intake's status, never the case.
CREATE TABLE partner_concern (
  id {{id}},
  partner_id BIGINT NOT NULL REFERENCES partner (id),
  intake_id BIGINT NOT NULL REFERENCES intake (id),
  reported_by BIGINT NOT NULL REFERENCES app_user (id),
  child_name TEXT NOT NULL,
  child_birth_date TEXT,
  school TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX partner_concern_partner ON partner_concern (partner_id, id);
CREATE INDEX partner_concern_intake ON partner_concern (intake_id);

-- An information request (informācijas pieprasījums) of a partner institution, typically the
-- orphan's court, about a person or a case: the question and the deadline. Staff answer it with
-- an opinion (case_opinion) of the case; the institution then sees the answer and may download
-- that opinion's PDF only. The case it is answered from lists the institution in its scope.
CREATE TABLE partner_request (
  id {{id}},
  municipality_id BIGINT NOT NULL REFERENCES municipality (id),
  partner_id BIGINT NOT NULL REFERENCES partner (id),
  requested_by BIGINT NOT NULL REFERENCES app_user (id),
  subject_name TEXT NOT NULL,
  subject_birth_date TEXT,
  subject_personal_code TEXT,
  case_reference TEXT,
  question TEXT NOT NULL,
  due_on TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('open', 'answered')),
  version BIGINT NOT NULL,
  case_id BIGINT REFERENCES case_file (id),
  opinion_id BIGINT REFERENCES case_opinion (id),
  answer_note TEXT,
  answered_by BIGINT REFERENCES app_user (id),
  answered_at TEXT,
  created_at TEXT NOT NULL
);
CREATE INDEX partner_request_partner ON partner_request (partner_id, id);
CREATE INDEX partner_request_open ON partner_request (municipality_id, status, due_on);
CREATE INDEX partner_request_case ON partner_request (case_id);
