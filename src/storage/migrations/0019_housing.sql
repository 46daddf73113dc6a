-- Housing services (docs/api-housing.md): a group apartment (grupu dzīvoklis) or a social house
-- (sociālā māja) of the service catalogue (0016) has units (an apartment, a section of the
-- house) with rooms, and places (beds) in the rooms. A stay is a resident — the person of a
-- placed referral of that service — in one place from a move-in date to a move-out date (open
-- while she lives there), with the reason she moved out. Stays are half-open periods
-- [move_in_on, move_out_on): on her move-out day the place is free for the next resident.
-- No two stays of a place overlap, nor two stays of a person (checked by the rules, under a
-- lock of the place and the person in the write transaction).
CREATE TABLE housing_unit (
  id {{id}},
  service_id BIGINT NOT NULL REFERENCES service (id),
  name TEXT NOT NULL,
  address TEXT,
  created_at TEXT NOT NULL,
  UNIQUE (service_id, name)
);

CREATE TABLE housing_room (
  id {{id}},
  unit_id BIGINT NOT NULL REFERENCES housing_unit (id),
  name TEXT NOT NULL,
  created_at TEXT NOT NULL,
  UNIQUE (unit_id, name)
);

-- A place (bed). `version` is only bumped to hold the row while a stay is written.
CREATE TABLE housing_place (
  id {{id}},
  room_id BIGINT NOT NULL REFERENCES housing_room (id),
  name TEXT NOT NULL,
  version BIGINT NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  UNIQUE (room_id, name)
);

CREATE TABLE housing_stay (
  id {{id}},
  place_id BIGINT NOT NULL REFERENCES housing_place (id),
  referral_id BIGINT NOT NULL REFERENCES referral (id),
  person_id BIGINT NOT NULL REFERENCES person (id),
  move_in_on TEXT NOT NULL,
  move_out_on TEXT,
  move_out_reason TEXT,
  version BIGINT NOT NULL,
  moved_in_by BIGINT NOT NULL REFERENCES app_user (id),
  moved_in_at TEXT NOT NULL,
  moved_out_by BIGINT REFERENCES app_user (id),
  moved_out_at TEXT,
  CHECK (move_out_on IS NULL OR move_out_on >= move_in_on),
  CHECK ((move_out_on IS NULL) = (move_out_reason IS NULL))
);
-- A place's stays (overlap check, occupancy) and a person's (overlap check).
CREATE INDEX housing_stay_place ON housing_stay (place_id, move_in_on);
CREATE INDEX housing_stay_person ON housing_stay (person_id, move_in_on);
CREATE INDEX housing_stay_referral ON housing_stay (referral_id);
