-- The statistics (issue 8, src/reports/*_figures.cpp) read each figure from a range of one date or
-- time column: these indexes lead with that column and carry every other column the figure's
-- query reads (scope, grouping, measures), so a figure reads a slice of one index, not a table.
-- The scope's municipality is compared as `+column` (figure_query.cpp), so SQLite (without
-- statistics) does not prefer an older index on the municipality, which would read every record
-- of the municipality's history. Each index leads with its date (no other query's equality on a
-- leading column moves to it), and where an older index has the same leading columns the id
-- follows them, so queries without ORDER BY that SQLite may move here still read rows in the
-- same order.

-- First registrations: the period's registrations, then each one's members on the day (the
-- "family with children" test) from the index alone, but for the member's birth date.
CREATE INDEX household_registration_first
  ON household_registration (first_registered_on, department_id, household_id);
CREATE INDEX household_member_on_day
  ON household_member (household_id, id, since, until, person_id);

-- Cases: opened in the period; closed in it, and open on a day (closed_on empty or later: the
-- case flow and the caseload per lead worker); whether a department has any case by a day.
CREATE INDEX case_file_opened ON case_file (opened_on, municipality_id, department_id);
CREATE INDEX case_file_closed
  ON case_file (closed_on, opened_on, municipality_id, department_id, lead_worker_id);
CREATE INDEX case_file_department_opened ON case_file (department_id, opened_on, municipality_id);

-- Completed assessments by completion time.
CREATE INDEX case_assessment_completed
  ON case_assessment (completed_at, status, case_id, overall_level);

-- Intakes received in the period: their problems (joined on the id, which PostgreSQL's indexes
-- do not carry) and rapid response (urgency, outcome time, deadline).
CREATE INDEX intake_received ON intake (received_at, urgency, municipality_id, department_id,
                                        decided_at, first_contact_due_at, id);

-- Referrals: requested, decided, started (waiting times), occupying a service on a day.
CREATE INDEX referral_requested ON referral (requested_on, case_id, service_id);
CREATE INDEX referral_decided ON referral (decided_at, decision, case_id, service_id)
  WHERE decision IS NOT NULL;
CREATE INDEX referral_started
  ON referral (start_on, end_on, service_id, quantity, requested_on, case_id)
  WHERE start_on IS NOT NULL;

-- Assistance: decisions by time, granted statuses by period, payments by month.
CREATE INDEX assistance_decision_decided
  ON assistance_decision (decided_at, application_id, outcome);
CREATE INDEX assistance_decision_period
  ON assistance_decision (period_to, period_from, outcome, application_id);
CREATE INDEX assistance_payment_month_amount
  ON assistance_payment (month, status, id, decision_id, amount);
