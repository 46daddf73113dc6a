-- Social assistance: effective-dated thresholds (state), the municipality's low-income
-- threshold and housing-cost norms, the benefit catalogue, applications with the household's
-- means declaration, decisions and monthly payments. Money in integer cents.

CREATE TABLE assistance_threshold (
  id {{id}},
  from_date TEXT NOT NULL UNIQUE,
  gmi_first BIGINT NOT NULL,
  gmi_other BIGINT NOT NULL,
  needy_first BIGINT NOT NULL,
  needy_other BIGINT NOT NULL,
  low_income_max_first BIGINT NOT NULL,
  low_income_max_other BIGINT NOT NULL,
  created_by BIGINT,
  created_at TEXT NOT NULL
);
-- The thresholds in force since 2021 (../shared/domain/latvia.md).
INSERT INTO assistance_threshold (from_date, gmi_first, gmi_other, needy_first, needy_other, low_income_max_first, low_income_max_other, created_at)
VALUES ('2021-01-01', 10900, 7600, 27200, 19000, 43600, 30500, '2026-01-01T00:00:00.000Z'),
       ('2023-07-01', 12500, 8750, 31300, 21900, 50100, 35100, '2026-01-01T00:00:00.000Z'),
       ('2024-01-01', 13700, 9600, 34300, 24000, 54900, 38400, '2026-01-01T00:00:00.000Z'),
       ('2025-01-01', 16600, 11600, 37700, 26400, 60400, 42300, '2026-01-01T00:00:00.000Z'),
       ('2026-01-01', 18700, 13100, 42500, 29800, 68000, 47600, '2026-01-01T00:00:00.000Z');

-- The low-income threshold a municipality sets (between the needy threshold and the maximum).
CREATE TABLE assistance_low_income (
  id {{id}},
  municipality_id BIGINT NOT NULL REFERENCES municipality (id),
  from_date TEXT NOT NULL,
  first_person BIGINT NOT NULL,
  other_person BIGINT NOT NULL,
  UNIQUE (municipality_id, from_date)
);

-- The municipality's norms capping each kind of housing cost, per month.
CREATE TABLE assistance_norm (
  id {{id}},
  municipality_id BIGINT NOT NULL REFERENCES municipality (id),
  from_date TEXT NOT NULL,
  rent BIGINT NOT NULL,
  heating BIGINT NOT NULL,
  electricity BIGINT NOT NULL,
  water BIGINT NOT NULL,
  gas BIGINT NOT NULL,
  sewage BIGINT NOT NULL,
  waste BIGINT NOT NULL,
  telecom BIGINT NOT NULL,
  UNIQUE (municipality_id, from_date)
);

-- Municipal benefits beyond the statutory ones: rule 'fixed' (amount once) or 'per_member'.
CREATE TABLE assistance_kind (
  id {{id}},
  municipality_id BIGINT NOT NULL REFERENCES municipality (id),
  code TEXT NOT NULL,
  name_lv TEXT NOT NULL,
  name_en TEXT NOT NULL,
  rule TEXT NOT NULL,
  amount BIGINT NOT NULL,
  UNIQUE (municipality_id, code)
);

CREATE TABLE assistance_application (
  id {{id}},
  municipality_id BIGINT NOT NULL REFERENCES municipality (id),
  version BIGINT NOT NULL,
  kind TEXT NOT NULL,
  status TEXT NOT NULL,
  household_id BIGINT NOT NULL REFERENCES household (id),
  applicant_id BIGINT NOT NULL REFERENCES person (id),
  application_month TEXT NOT NULL,
  submitted_on TEXT,
  decision_due TEXT,
  team_id BIGINT NOT NULL REFERENCES team (id),
  department_id BIGINT NOT NULL REFERENCES department (id),
  created_by BIGINT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX assistance_application_status ON assistance_application (municipality_id, status, decision_due);
CREATE INDEX assistance_application_household ON assistance_application (household_id);

-- The means declaration: members' situation, incomes per month and kind, housing costs.
CREATE TABLE assistance_member (
  application_id BIGINT NOT NULL REFERENCES assistance_application (id),
  person_id BIGINT NOT NULL REFERENCES person (id),
  able_to_work INTEGER NOT NULL,
  pensioner INTEGER NOT NULL,
  disability INTEGER NOT NULL,
  PRIMARY KEY (application_id, person_id)
);
CREATE TABLE assistance_income (
  id {{id}},
  application_id BIGINT NOT NULL REFERENCES assistance_application (id),
  person_id BIGINT NOT NULL REFERENCES person (id),
  month TEXT NOT NULL,
  kind TEXT NOT NULL,
  amount BIGINT NOT NULL
);
CREATE INDEX assistance_income_application ON assistance_income (application_id);
CREATE TABLE assistance_housing (
  application_id BIGINT NOT NULL REFERENCES assistance_application (id),
  kind TEXT NOT NULL,
  amount BIGINT NOT NULL,
  PRIMARY KEY (application_id, kind)
);

-- A decision (lēmums) with the calculation's explanation (JSON of {lv, en} steps); for the GMI
-- benefit the date the cooperation agreement (vienošanās par līdzdarbību) was signed.
CREATE TABLE assistance_decision (
  id {{id}},
  application_id BIGINT NOT NULL UNIQUE REFERENCES assistance_application (id),
  outcome TEXT NOT NULL,
  amount BIGINT NOT NULL,
  period_from TEXT,
  period_to TEXT,
  steps TEXT NOT NULL,
  note TEXT NOT NULL,
  agreement_on TEXT,
  decided_by BIGINT NOT NULL,
  decided_at TEXT NOT NULL,
  stopped_from TEXT,
  stop_reason TEXT
);

CREATE TABLE assistance_payment (
  id {{id}},
  decision_id BIGINT NOT NULL REFERENCES assistance_decision (id),
  month TEXT NOT NULL,
  amount BIGINT NOT NULL,
  status TEXT NOT NULL,
  changed_at TEXT NOT NULL,
  UNIQUE (decision_id, month)
);
CREATE INDEX assistance_payment_month ON assistance_payment (month, status);
