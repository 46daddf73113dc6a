-- Assessments of difficulties and resources (grūtību un resursu izvērtēšana) of a case, each
-- with one version of an instrument from config/instruments (an old assessment keeps its
-- version). A draft's answers change until it is completed; then answers, the overall level and
-- the result (scores per member and domain, the rules that fired, strengths beside
-- difficulties) are fixed. answers and result are JSON text (docs/instruments.md).
CREATE TABLE case_assessment (
  id {{id}},
  case_id BIGINT NOT NULL REFERENCES case_file (id),
  instrument_id TEXT NOT NULL,
  instrument_version INTEGER NOT NULL,
  version BIGINT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('draft', 'completed')),
  answers TEXT NOT NULL,
  overall_level TEXT CHECK (overall_level IN ('low', 'medium', 'high', 'very_high')),
  result TEXT,
  created_by BIGINT NOT NULL REFERENCES app_user (id),
  created_at TEXT NOT NULL,
  updated_by BIGINT NOT NULL REFERENCES app_user (id),
  updated_at TEXT NOT NULL,
  completed_by BIGINT REFERENCES app_user (id),
  completed_at TEXT,
  CHECK ((status = 'completed') = (completed_at IS NOT NULL AND result IS NOT NULL AND overall_level IS NOT NULL))
);
CREATE INDEX case_assessment_case ON case_assessment (case_id, id);
