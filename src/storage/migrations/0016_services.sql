-- Social services (sociālie pakalpojumi), referrals to them and waiting lists (docs/api-services.md).
-- A service of the catalogue is provided by a department of the municipality or by an outside
-- organisation (partner, 0015) under a contract period; it has an eligibility (age range, target
-- groups), a capacity (places, or hours or visits a month), a unit with a price in integer cents,
-- and a funding source (municipal budget, state, or a project with its number, e.g. an ESF project).
CREATE TABLE service (
  id {{id}},
  municipality_id BIGINT NOT NULL REFERENCES municipality (id),
  name_lv TEXT NOT NULL,
  name_en TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('mentor', 'group_apartment', 'social_house', 'psychologist', 'youth_centre',
                                     'mobile_service', 'home_care', 'crisis_centre', 'day_centre',
                                     'addiction_rehabilitation', 'other')),
  provider_department_id BIGINT REFERENCES department (id),
  provider_partner_id BIGINT REFERENCES partner (id),
  contract_from TEXT,
  contract_to TEXT,
  age_min INTEGER CHECK (age_min >= 0),
  age_max INTEGER CHECK (age_max >= 0),
  capacity INTEGER NOT NULL CHECK (capacity >= 0),
  capacity_unit TEXT NOT NULL CHECK (capacity_unit IN ('places', 'hours_per_month', 'visits_per_month')),
  unit TEXT NOT NULL CHECK (unit IN ('day', 'hour', 'visit', 'session', 'month')),
  price_cents BIGINT NOT NULL CHECK (price_cents >= 0),
  funding TEXT NOT NULL CHECK (funding IN ('municipal', 'state', 'project')),
  project_number TEXT,
  active INTEGER NOT NULL DEFAULT 1,
  version BIGINT NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  -- Exactly one provider: a department or a partner.
  CHECK ((provider_department_id IS NULL AND provider_partner_id IS NOT NULL)
         OR (provider_department_id IS NOT NULL AND provider_partner_id IS NULL)),
  CHECK (funding <> 'project' OR project_number IS NOT NULL),
  UNIQUE (municipality_id, name_lv)
);
-- The catalogue page: a municipality's services by kind.
CREATE INDEX service_catalogue ON service (municipality_id, active, kind);
CREATE INDEX service_partner ON service (provider_partner_id);

-- The target groups a service is for (none = everyone of the age range).
CREATE TABLE service_target_group (
  service_id BIGINT NOT NULL REFERENCES service (id),
  target_group TEXT NOT NULL,
  PRIMARY KEY (service_id, target_group)
);

-- A referral (nosūtījums) of a member of a case to a service: requested → refused, or granted
-- into the waiting list (waiting) → placed → ended (also ended from waiting: withdrawn).
-- The decision is due one month from the request. `quantity` is what a placement occupies of
-- the capacity (1 place, or the hours or visits a month granted). A placement beyond capacity
-- keeps its override reason.
CREATE TABLE referral (
  id {{id}},
  service_id BIGINT NOT NULL REFERENCES service (id),
  case_id BIGINT NOT NULL REFERENCES case_file (id),
  person_id BIGINT NOT NULL REFERENCES person (id),
  target_group TEXT,
  quantity INTEGER NOT NULL CHECK (quantity >= 1),
  note TEXT,
  state TEXT NOT NULL CHECK (state IN ('requested', 'refused', 'waiting', 'placed', 'ended')),
  version BIGINT NOT NULL,
  requested_on TEXT NOT NULL,
  requested_by BIGINT NOT NULL REFERENCES app_user (id),
  requested_at TEXT NOT NULL,
  decision_due_on TEXT NOT NULL,
  decision TEXT CHECK (decision IN ('granted', 'refused')),
  decision_reason TEXT,
  decided_by BIGINT REFERENCES app_user (id),
  decided_at TEXT,
  priority INTEGER CHECK (priority BETWEEN 1 AND 3),
  waiting_since TEXT,
  start_on TEXT,
  placed_by BIGINT REFERENCES app_user (id),
  placed_at TEXT,
  override_reason TEXT,
  end_on TEXT,
  end_reason TEXT,
  ended_by BIGINT REFERENCES app_user (id),
  ended_at TEXT
);
-- The service page: its active referrals by state, the waiting list in its order.
CREATE INDEX referral_service_state ON referral (service_id, state, priority, waiting_since, id);
-- A case's referral list.
CREATE INDEX referral_case ON referral (case_id, requested_at);
CREATE INDEX referral_person ON referral (person_id);
-- Decisions overdue.
CREATE INDEX referral_due ON referral (state, decision_due_on);

-- The delivery log of a placement: sessions, visits, hours or days delivered, with attendance.
CREATE TABLE referral_delivery (
  id {{id}},
  referral_id BIGINT NOT NULL REFERENCES referral (id),
  delivered_on TEXT NOT NULL,
  quantity INTEGER NOT NULL CHECK (quantity >= 0),
  attended INTEGER NOT NULL,
  note TEXT,
  recorded_by BIGINT NOT NULL REFERENCES app_user (id),
  recorded_at TEXT NOT NULL
);
CREATE INDEX referral_delivery_referral ON referral_delivery (referral_id, delivered_on);
