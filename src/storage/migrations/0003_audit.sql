-- The append-only, hash-chained audit log. seq is contiguous from 1; hash =
-- SHA-256(prev_hash || canonical entry). audit_head holds the end of the chain so that
-- writers on several servers extend it one after another.
CREATE TABLE audit_log (
  seq BIGINT PRIMARY KEY,
  at TEXT NOT NULL,
  user_id BIGINT,
  username TEXT NOT NULL,
  role TEXT NOT NULL,
  action TEXT NOT NULL,
  entity_type TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  reason TEXT NOT NULL,
  outcome TEXT NOT NULL,
  request_id TEXT NOT NULL,
  remote TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
CREATE INDEX audit_log_entity ON audit_log (entity_type, entity_id);
CREATE INDEX audit_log_user ON audit_log (user_id, at);
CREATE INDEX audit_log_at ON audit_log (at);

CREATE TABLE audit_head (
  id INTEGER PRIMARY KEY,
  last_seq BIGINT NOT NULL,
  last_hash TEXT NOT NULL
);
INSERT INTO audit_head (id, last_seq, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

-- Break-glass: out-of-scope access granted for one session, with the reason given.
CREATE TABLE break_glass (
  id {{id}},
  session_id BIGINT NOT NULL REFERENCES user_session (id),
  user_id BIGINT NOT NULL REFERENCES app_user (id),
  entity_type TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  reason TEXT NOT NULL,
  at TEXT NOT NULL
);
CREATE INDEX break_glass_session ON break_glass (session_id, entity_type, entity_id);
