-- A place (bed) of a housing service taken out of use for a while — a broken bed under repair —
-- and back (docs/api-housing.md): since which day (Europe/Riga), why, and by whom. All three are
-- empty while the place is in use; returning it to use empties them (the audit log keeps the
-- history). A place out of use takes no move-in and counts apart from the free places of the
-- occupancy. `version` (0019, so far only touched to lock the row) now also counts these changes.
ALTER TABLE housing_place ADD COLUMN out_of_use_since TEXT;
ALTER TABLE housing_place ADD COLUMN out_of_use_reason TEXT;
ALTER TABLE housing_place ADD COLUMN out_of_use_by BIGINT REFERENCES app_user (id);
