-- A worker's own open cases ("my cases") are counted and chosen from one partial index that holds
-- only open cases and every column the access rule reads (municipality, team, department): a list
-- reads a few index pages, not each case's row, nor the worker's closed cases of earlier years
-- (there are many more of those than open ones).
CREATE INDEX case_file_open_lead ON case_file (lead_worker_id, municipality_id, team_id, department_id, stage)
  WHERE stage <> 'closed';
