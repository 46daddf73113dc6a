-- Statutory reports (issue 8, src/reports/statutory_*): the director marks a report of a period
-- as submitted to the Ministry of Welfare; once per municipality, report and period.
CREATE TABLE statutory_submission (
  id {{id}},
  municipality_id BIGINT NOT NULL REFERENCES municipality (id),
  report TEXT NOT NULL,
  period TEXT NOT NULL,
  submitted_by BIGINT NOT NULL REFERENCES app_user (id),
  submitted_at TEXT NOT NULL,
  UNIQUE (municipality_id, report, period)
);
