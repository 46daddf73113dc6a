-- The mobile social service (mobilais sociālais dienests, docs/api-mobile.md): a service of kind
-- mobile_service (0016) drives to its clients. A day plan is one route on one date (e.g.
-- "Grobiņa – Bārta") with its vehicle and crew (workers); its stops, in route order, are placed
-- referrals of that service with a planned time window, an address (by default the person's
-- registry address) and what to bring. After the visit a stop has an outcome (visited, not at
-- home, refused) and what was delivered; a visit is also written to the referral's delivery
-- log (referral_delivery), whose row the stop names. A person is on at most one stop of a
-- service's day (checked by the rules under a lock of the service's row).
CREATE TABLE mobile_day_plan (
  id {{id}},
  service_id BIGINT NOT NULL REFERENCES service (id),
  day TEXT NOT NULL,
  route TEXT NOT NULL,
  vehicle TEXT,
  note TEXT,
  version BIGINT NOT NULL,
  created_by BIGINT NOT NULL REFERENCES app_user (id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (service_id, day, route)
);

-- The crew of a day plan: the workers who go.
CREATE TABLE mobile_day_crew (
  plan_id BIGINT NOT NULL REFERENCES mobile_day_plan (id),
  user_id BIGINT NOT NULL REFERENCES app_user (id),
  PRIMARY KEY (plan_id, user_id)
);

-- A stop of a route. position orders the stops of a plan (1, 2, …; renumbered on every change).
CREATE TABLE mobile_stop (
  id {{id}},
  plan_id BIGINT NOT NULL REFERENCES mobile_day_plan (id),
  referral_id BIGINT NOT NULL REFERENCES referral (id),
  person_id BIGINT NOT NULL REFERENCES person (id),
  position INTEGER NOT NULL,
  window_from TEXT,
  window_to TEXT,
  address TEXT,
  note TEXT,
  outcome TEXT CHECK (outcome IN ('visited', 'not_home', 'refused')),
  outcome_note TEXT,
  delivery_id BIGINT REFERENCES referral_delivery (id),
  recorded_by BIGINT REFERENCES app_user (id),
  recorded_at TEXT,
  version BIGINT NOT NULL,
  created_by BIGINT NOT NULL REFERENCES app_user (id),
  created_at TEXT NOT NULL,
  UNIQUE (plan_id, referral_id),
  CHECK (window_from IS NULL OR window_to IS NULL OR window_from <= window_to)
);
CREATE INDEX mobile_stop_plan ON mobile_stop (plan_id, position);
CREATE INDEX mobile_stop_person ON mobile_stop (person_id);
CREATE INDEX mobile_stop_referral ON mobile_stop (referral_id);

-- What a stop plans to bring (phase 'planned') and what was delivered (phase 'delivered'), by
-- item code (hot_meal, hygiene, shopping, social_work, medicines) and quantity.
CREATE TABLE mobile_stop_item (
  id {{id}},
  stop_id BIGINT NOT NULL REFERENCES mobile_stop (id),
  phase TEXT NOT NULL CHECK (phase IN ('planned', 'delivered')),
  item TEXT NOT NULL,
  quantity INTEGER NOT NULL CHECK (quantity >= 1),
  UNIQUE (stop_id, phase, item)
);
