-- A household's family kind on the day of its first registration in a department ("with_children"
-- when a member on that day was under 18, else "adults"), recorded on the registration so the
-- statistics count first registrations by kind from one index (issue 8's dashboard budget) rather
-- than reading every member's birth date. The registry keeps it current when members, the
-- registration or a member's birth date change (registry/family_kind.*). The rule here is the one
-- of registry/family_kind.cpp on the day of this migration.
ALTER TABLE household_registration ADD COLUMN family_kind TEXT NOT NULL DEFAULT 'adults'
  CHECK (family_kind IN ('with_children', 'adults'));
UPDATE household_registration SET family_kind = 'with_children'
 WHERE EXISTS (SELECT 1 FROM household_member m JOIN person p ON p.id = m.person_id
                WHERE m.household_id = household_registration.household_id
                  AND m.since <= household_registration.first_registered_on
                  AND (m.until IS NULL OR m.until > household_registration.first_registered_on)
                  AND p.birth_date <= household_registration.first_registered_on
                  AND CAST(REPLACE(household_registration.first_registered_on, '-', '') AS BIGINT)
                      - CAST(REPLACE(p.birth_date, '-', '') AS BIGINT) < 180000);
DROP INDEX household_registration_first;
CREATE INDEX household_registration_first
  ON household_registration (first_registered_on, department_id, family_kind);
