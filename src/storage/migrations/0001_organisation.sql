-- The organisation: a municipality's social service, its departments and their teams.
CREATE TABLE municipality (
  id {{id}},
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  inhabitants BIGINT,
  created_at TEXT NOT NULL
);

CREATE TABLE department (
  id {{id}},
  municipality_id BIGINT NOT NULL REFERENCES municipality (id),
  code TEXT NOT NULL,
  name_lv TEXT NOT NULL,
  name_en TEXT NOT NULL,
  UNIQUE (municipality_id, code)
);

CREATE TABLE team (
  id {{id}},
  department_id BIGINT NOT NULL REFERENCES department (id),
  code TEXT NOT NULL,
  name_lv TEXT NOT NULL,
  name_en TEXT NOT NULL,
  UNIQUE (department_id, code)
);

CREATE INDEX team_department ON team (department_id);
