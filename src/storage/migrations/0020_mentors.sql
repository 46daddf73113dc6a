-- The mentor service (mentora pakalpojums, docs/api-mentors.md): a register of a municipality's
-- mentors — a staff user, or a volunteer with a name and contacts — with the date of her
-- training or agreement, whether she takes mentees now, and how many she may have at once.
-- A pairing matches a mentor with a placed referral of a `mentor` service (0016) from a date
-- until a date with the reason it ended; a referral has at most one active (open) pairing, and
-- its pairings do not overlap. A mentor's active pairings stay within her max_mentees unless an
-- override reason is kept (checked by the rules under a lock of the mentor's row).
-- Meetings are logged per pairing; each is also a row of the referral's delivery log (0016).
-- A meeting's note is about a child or a young person: it is stored only sealed, like case
-- notes (core/sealed_text.h; re-sealed by `atbalsts key rotate`), never in the delivery log.
-- The pairing's goals are links to goals of the case's cooperation plan (0012).
CREATE TABLE mentor (
  id {{id}},
  municipality_id BIGINT NOT NULL REFERENCES municipality (id),
  kind TEXT NOT NULL CHECK (kind IN ('staff', 'volunteer')),
  user_id BIGINT REFERENCES app_user (id),
  name TEXT,
  phone TEXT,
  email TEXT,
  trained_on TEXT NOT NULL,
  active INTEGER NOT NULL DEFAULT 1,
  max_mentees INTEGER NOT NULL CHECK (max_mentees BETWEEN 1 AND 20),
  version BIGINT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  -- A staff mentor is a user (her name is the user's); a volunteer has her own name.
  CHECK ((kind = 'staff' AND user_id IS NOT NULL AND name IS NULL)
         OR (kind = 'volunteer' AND user_id IS NULL AND name IS NOT NULL))
);
-- The register page, and one entry per staff user.
CREATE INDEX mentor_register ON mentor (municipality_id, active, id);
CREATE UNIQUE INDEX mentor_user ON mentor (user_id) WHERE user_id IS NOT NULL;

-- A mentor with a young person (a placed referral of a mentor service). case_id is copied from
-- the referral so the access policy's case predicate needs no join through referrals.
-- Active while until_on is empty.
CREATE TABLE mentor_pairing (
  id {{id}},
  referral_id BIGINT NOT NULL REFERENCES referral (id),
  mentor_id BIGINT NOT NULL REFERENCES mentor (id),
  case_id BIGINT NOT NULL REFERENCES case_file (id),
  from_on TEXT NOT NULL,
  until_on TEXT,
  end_reason TEXT,
  override_reason TEXT,
  version BIGINT NOT NULL,
  created_by BIGINT NOT NULL REFERENCES app_user (id),
  created_at TEXT NOT NULL,
  ended_by BIGINT REFERENCES app_user (id),
  ended_at TEXT,
  CHECK (until_on IS NULL OR until_on >= from_on),
  CHECK ((until_on IS NULL AND end_reason IS NULL) OR (until_on IS NOT NULL AND end_reason IS NOT NULL))
);
CREATE UNIQUE INDEX mentor_pairing_active ON mentor_pairing (referral_id) WHERE until_on IS NULL;
CREATE INDEX mentor_pairing_referral ON mentor_pairing (referral_id, from_on);
CREATE INDEX mentor_pairing_mentor ON mentor_pairing (mentor_id, until_on);
CREATE INDEX mentor_pairing_case ON mentor_pairing (case_id);

-- A meeting of a pairing: the day, how long (minutes), the format and place, whether the young
-- person came, and a sealed note; delivery_id: its row in the referral's delivery log.
CREATE TABLE mentor_meeting (
  id {{id}},
  pairing_id BIGINT NOT NULL REFERENCES mentor_pairing (id),
  delivery_id BIGINT REFERENCES referral_delivery (id),
  met_on TEXT NOT NULL,
  minutes INTEGER NOT NULL CHECK (minutes BETWEEN 0 AND 600),
  format TEXT NOT NULL CHECK (format IN ('in_person', 'online', 'phone', 'outing')),
  place TEXT,
  attended INTEGER NOT NULL,
  note_sealed TEXT,
  recorded_by BIGINT NOT NULL REFERENCES app_user (id),
  recorded_at TEXT NOT NULL
);
CREATE INDEX mentor_meeting_pairing ON mentor_meeting (pairing_id, met_on);

-- The goals of the case's cooperation plan a pairing works towards.
CREATE TABLE mentor_pairing_goal (
  pairing_id BIGINT NOT NULL REFERENCES mentor_pairing (id),
  goal_id BIGINT NOT NULL REFERENCES case_goal (id),
  linked_by BIGINT NOT NULL REFERENCES app_user (id),
  linked_at TEXT NOT NULL,
  PRIMARY KEY (pairing_id, goal_id)
);
CREATE INDEX mentor_pairing_goal_goal ON mentor_pairing_goal (goal_id);
