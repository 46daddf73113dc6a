-- Corrections of what was entered in the services (issue 6): housing units and rooms are renamed
-- with an optimistic version (docs/api-housing.md), and a logged mentor meeting is corrected with
-- a version and remembers who corrected it last and when (docs/api-mentors.md). Rows that exist
-- start at version 1 and uncorrected. Removals need no column: a unit, room or place is removed
-- only while no stay ever used it, and a meeting removed by mistake goes with its delivery-log
-- row (the audit log keeps who removed what).
ALTER TABLE housing_unit ADD COLUMN version BIGINT NOT NULL DEFAULT 1;
ALTER TABLE housing_room ADD COLUMN version BIGINT NOT NULL DEFAULT 1;
ALTER TABLE mentor_meeting ADD COLUMN version BIGINT NOT NULL DEFAULT 1;
ALTER TABLE mentor_meeting ADD COLUMN corrected_by BIGINT REFERENCES app_user (id);
ALTER TABLE mentor_meeting ADD COLUMN corrected_at TEXT;
