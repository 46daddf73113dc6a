-- Social assistance, continued.
-- 1. The means declaration's property and savings flags per member: she owns property beyond
--    her home (īpašums bez mājokļa); she has savings above the amount the rules set (uzkrājumi).
--    A "yes" makes the household not needy (see src/assistance/calculation.h).
-- 2. Recalculated decisions (pārrēķins): a new decision of the same application supersedes an
--    earlier one from a month on; the earlier decision and its payments stay as they were, only
--    marked. So an application may now have several decisions: the unique constraint goes.

ALTER TABLE assistance_member ADD COLUMN owns_property INTEGER NOT NULL DEFAULT 0;
ALTER TABLE assistance_member ADD COLUMN has_savings INTEGER NOT NULL DEFAULT 0;

-- SQLite cannot drop a constraint: the table is rebuilt with its rows (ids kept). The payments
-- that point at it are matched again when the rows come back (foreign keys deferred meanwhile).
{{sqlite}}
PRAGMA defer_foreign_keys = ON;
CREATE TABLE assistance_decision_copy AS SELECT * FROM assistance_decision;
DROP TABLE assistance_decision;
CREATE TABLE assistance_decision (
  id {{id}},
  application_id BIGINT NOT NULL REFERENCES assistance_application (id),
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
INSERT INTO assistance_decision (id, application_id, outcome, amount, period_from, period_to, steps, note,
  agreement_on, decided_by, decided_at, stopped_from, stop_reason)
SELECT id, application_id, outcome, amount, period_from, period_to, steps, note, agreement_on, decided_by,
  decided_at, stopped_from, stop_reason FROM assistance_decision_copy;
DROP TABLE assistance_decision_copy;
{{end}}
{{postgresql}}
ALTER TABLE assistance_decision DROP CONSTRAINT assistance_decision_application_id_key;
{{end}}
CREATE INDEX assistance_decision_application ON assistance_decision (application_id);

-- The decision this one supersedes (a recalculation) and why; on the superseded decision, the
-- decision that supersedes it and the first month it no longer governs.
ALTER TABLE assistance_decision ADD COLUMN supersedes_id BIGINT REFERENCES assistance_decision (id);
ALTER TABLE assistance_decision ADD COLUMN recalculation_reason TEXT;
ALTER TABLE assistance_decision ADD COLUMN superseded_by_id BIGINT REFERENCES assistance_decision (id);
ALTER TABLE assistance_decision ADD COLUMN superseded_from TEXT;
