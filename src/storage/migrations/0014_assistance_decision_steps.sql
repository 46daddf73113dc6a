-- Social assistance: a decision's explanation (the calculation's steps, JSON of {lv, en}, about
-- 3 KB) moves to its own table, one row per decision. A decision row is updated when it is
-- stopped or superseded (a recalculation marks many at once), and a row update rewrites the whole
-- row: without the explanation that is a small row, not 3 KB. The explanations are kept as they
-- were; a decision without one (none today) reads as an empty explanation.
CREATE TABLE assistance_decision_steps (
  decision_id BIGINT PRIMARY KEY REFERENCES assistance_decision (id),
  steps TEXT NOT NULL
);
INSERT INTO assistance_decision_steps (decision_id, steps) SELECT id, steps FROM assistance_decision;
ALTER TABLE assistance_decision DROP COLUMN steps;
