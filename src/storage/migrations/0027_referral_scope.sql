-- A referral carries its case's municipality and department (they never change for a case), so
-- the statistics of referrals, decisions and waiting times (reports/service_figures.cpp) are
-- limited to a scope from their own date-led index, without looking up each referral's case.
-- Set when a referral is written (services/store.cpp insert_referral; the national generator
-- fills them after its bulk load with fill_referral_scopes).
ALTER TABLE referral ADD COLUMN municipality_id BIGINT REFERENCES municipality (id);
ALTER TABLE referral ADD COLUMN department_id BIGINT REFERENCES department (id);
UPDATE referral SET municipality_id = (SELECT c.municipality_id FROM case_file c WHERE c.id = referral.case_id),
                    department_id = (SELECT c.department_id FROM case_file c WHERE c.id = referral.case_id);
DROP INDEX referral_requested;
CREATE INDEX referral_requested
  ON referral (requested_on, municipality_id, department_id, service_id, case_id);
DROP INDEX referral_decided;
CREATE INDEX referral_decided
  ON referral (decided_at, decision, municipality_id, department_id, service_id, case_id)
  WHERE decision IS NOT NULL;
DROP INDEX referral_started;
CREATE INDEX referral_started
  ON referral (start_on, end_on, service_id, quantity, requested_on, municipality_id, department_id, case_id)
  WHERE start_on IS NOT NULL;
