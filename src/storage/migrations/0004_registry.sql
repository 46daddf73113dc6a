-- The client registry: persons with name and code history, contacts, addresses, households
-- with membership history, first-time registrations per department, search keys, merges.

-- Addresses are immutable rows; a change of address points the owner to a new row.
-- match_key (folded street, house, flat, locality) finds persons living at the same address.
CREATE TABLE address (
  id {{id}},
  municipality TEXT NOT NULL,
  locality TEXT NOT NULL,
  street TEXT NOT NULL,
  house TEXT NOT NULL,
  flat TEXT NOT NULL,
  postal_code TEXT NOT NULL,
  match_key TEXT {{binary}} NOT NULL
);
CREATE INDEX address_match ON address (match_key);

-- A person (klients). personal_code is the current code (11 digits, no hyphen), also in
-- person_code with the earlier ones. disability and health_note are special-category data.
CREATE TABLE person (
  id {{id}},
  municipality_id BIGINT NOT NULL REFERENCES municipality (id),
  version BIGINT NOT NULL,
  given_names TEXT NOT NULL,
  surname TEXT NOT NULL,
  personal_code TEXT,
  other_id_kind TEXT,
  other_id TEXT,
  birth_date TEXT NOT NULL,
  sex TEXT,
  language TEXT,
  email TEXT,
  declared_address_id BIGINT REFERENCES address (id),
  actual_address_id BIGINT REFERENCES address (id),
  deceased_on TEXT,
  disability TEXT,
  health_note TEXT,
  sort_key TEXT {{binary}} NOT NULL,
  merged_into_id BIGINT REFERENCES person (id),
  created_at TEXT NOT NULL,
  created_by BIGINT,
  updated_at TEXT NOT NULL
);
CREATE INDEX person_birth_date ON person (birth_date);
CREATE INDEX person_declared_address ON person (declared_address_id);
CREATE INDEX person_actual_address ON person (actual_address_id);
CREATE INDEX person_merged_into ON person (merged_into_id);

-- Every personal code a person has had; valid_until is NULL for the current one.
CREATE TABLE person_code (
  id {{id}},
  person_id BIGINT NOT NULL REFERENCES person (id),
  code TEXT {{binary}} NOT NULL,
  valid_until TEXT,
  reason TEXT NOT NULL
);
CREATE INDEX person_code_code ON person_code (code);
CREATE INDEX person_code_person ON person_code (person_id);

-- Earlier names (e.g. before marriage).
CREATE TABLE person_name (
  id {{id}},
  person_id BIGINT NOT NULL REFERENCES person (id),
  given_names TEXT NOT NULL,
  surname TEXT NOT NULL,
  valid_until TEXT NOT NULL,
  reason TEXT NOT NULL
);
CREATE INDEX person_name_person ON person_name (person_id);

-- Phones; match_key is the last eight digits.
CREATE TABLE person_contact (
  id {{id}},
  person_id BIGINT NOT NULL REFERENCES person (id),
  kind TEXT NOT NULL,
  value TEXT NOT NULL,
  match_key TEXT {{binary}} NOT NULL
);
CREATE INDEX person_contact_person ON person_contact (person_id);
CREATE INDEX person_contact_match ON person_contact (match_key);

-- Search keys: folded, stemmed name tokens ("berzin") and ordered pairs of them
-- ("berzin ann"), for current and earlier names and for merged duplicates.
CREATE TABLE person_key (
  search_key TEXT {{binary}} NOT NULL,
  person_id BIGINT NOT NULL REFERENCES person (id),
  PRIMARY KEY (search_key, person_id)
);
CREATE INDEX person_key_person ON person_key (person_id);

-- First-time registration (pirmreizēja reģistrācija) of a person in a department: when and how
-- she first came. The registering team gives the record its scope for the access policy.
CREATE TABLE person_registration (
  id {{id}},
  person_id BIGINT NOT NULL REFERENCES person (id),
  department_id BIGINT NOT NULL REFERENCES department (id),
  team_id BIGINT NOT NULL REFERENCES team (id),
  first_registered_on TEXT NOT NULL,
  channel TEXT NOT NULL,
  registered_by BIGINT,
  created_at TEXT NOT NULL
);
CREATE INDEX person_registration_person ON person_registration (person_id, team_id, department_id);
CREATE INDEX person_registration_department ON person_registration (department_id, first_registered_on);

-- A household (mājsaimniecība / ģimene).
CREATE TABLE household (
  id {{id}},
  municipality_id BIGINT NOT NULL REFERENCES municipality (id),
  version BIGINT NOT NULL,
  name TEXT NOT NULL,
  address_id BIGINT REFERENCES address (id),
  created_at TEXT NOT NULL,
  created_by BIGINT,
  updated_at TEXT NOT NULL
);

-- Membership with history: until is NULL while the person belongs to the household.
CREATE TABLE household_member (
  id {{id}},
  household_id BIGINT NOT NULL REFERENCES household (id),
  person_id BIGINT NOT NULL REFERENCES person (id),
  relationship TEXT NOT NULL,
  since TEXT NOT NULL,
  until TEXT
);
CREATE INDEX household_member_household ON household_member (household_id);
CREATE INDEX household_member_person ON household_member (person_id);

CREATE TABLE household_registration (
  id {{id}},
  household_id BIGINT NOT NULL REFERENCES household (id),
  department_id BIGINT NOT NULL REFERENCES department (id),
  team_id BIGINT NOT NULL REFERENCES team (id),
  first_registered_on TEXT NOT NULL,
  channel TEXT NOT NULL,
  registered_by BIGINT,
  created_at TEXT NOT NULL
);
CREATE INDEX household_registration_household ON household_registration (household_id, team_id, department_id);
CREATE INDEX household_registration_department ON household_registration (department_id, first_registered_on);

-- A merge of a duplicate into a survivor. moved lists, per table, the rows moved from the
-- duplicate, so that a split can move exactly those back.
CREATE TABLE person_merge (
  id {{id}},
  survivor_id BIGINT NOT NULL REFERENCES person (id),
  duplicate_id BIGINT NOT NULL REFERENCES person (id),
  reason TEXT NOT NULL,
  moved TEXT NOT NULL,
  merged_by BIGINT NOT NULL,
  merged_at TEXT NOT NULL,
  split_by BIGINT,
  split_at TEXT,
  split_reason TEXT
);
CREATE INDEX person_merge_survivor ON person_merge (survivor_id);

CREATE INDEX break_glass_user ON break_glass (user_id, at);
