-- A service's waiting list and its placements are read from one index that holds every column
-- the service page shows of a referral (its case, person, quantity, waiting since, start): a page
-- of the waiting list reads index pages in the list's order, not each referral's row. It takes
-- the place of referral_service_state (the same leading columns, so every query that used that
-- one uses this one).
DROP INDEX referral_service_state;
CREATE INDEX referral_service_queue
  ON referral (service_id, state, priority, waiting_since, id, case_id, person_id, quantity, start_on);
