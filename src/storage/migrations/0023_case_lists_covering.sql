-- The case lists read their ids from indexes alone. A worker's co-worker cases come from
-- case_worker (user_id, case_id), so "my cases" need not read each case_worker row for its case.
-- On PostgreSQL the open-lead index (0018) also carries the case's id (SQLite's indexes hold
-- the rowid, which is the id), so counting and choosing a worker's open cases is an index-only
-- scan there too.
DROP INDEX case_worker_user;
CREATE INDEX case_worker_user ON case_worker (user_id, case_id);
{{postgresql}}
DROP INDEX case_file_open_lead;
CREATE INDEX case_file_open_lead ON case_file (lead_worker_id, municipality_id, team_id, department_id, stage)
  INCLUDE (id) WHERE stage <> 'closed';
{{end}}
