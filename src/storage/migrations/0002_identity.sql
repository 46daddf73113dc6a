-- Users, roles, teams, second factor, sessions, API tokens and login throttling.
CREATE TABLE app_user (
  id {{id}},
  username TEXT NOT NULL UNIQUE,
  full_name TEXT NOT NULL,
  email TEXT,
  municipality_id BIGINT NOT NULL REFERENCES municipality (id),
  password_hash TEXT NOT NULL,
  totp_secret TEXT,               -- secret-box sealed, base64; NULL until enrolled
  totp_enabled INTEGER NOT NULL DEFAULT 0,
  totp_last_step BIGINT NOT NULL DEFAULT 0,  -- the last accepted time step (no reuse)
  disabled INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE user_role (
  user_id BIGINT NOT NULL REFERENCES app_user (id),
  role TEXT NOT NULL,
  PRIMARY KEY (user_id, role)
);

CREATE TABLE user_team (
  user_id BIGINT NOT NULL REFERENCES app_user (id),
  team_id BIGINT NOT NULL REFERENCES team (id),
  PRIMARY KEY (user_id, team_id)
);
CREATE INDEX user_team_team ON user_team (team_id);

CREATE TABLE recovery_code (
  id {{id}},
  user_id BIGINT NOT NULL REFERENCES app_user (id),
  code_hash TEXT NOT NULL,
  used_at TEXT
);
CREATE INDEX recovery_code_user ON recovery_code (user_id);

-- Sessions are found by the SHA-256 of their id; the id itself is only in the cookie.
CREATE TABLE user_session (
  id {{id}},
  token_hash TEXT NOT NULL UNIQUE,
  user_id BIGINT NOT NULL REFERENCES app_user (id),
  stage TEXT NOT NULL,            -- totp | enroll | complete
  csrf_token TEXT NOT NULL,
  created_at TEXT NOT NULL,
  last_seen_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,       -- absolute end
  ended_at TEXT,
  remote TEXT NOT NULL,
  user_agent TEXT NOT NULL,
  pending_secret TEXT             -- sealed TOTP secret during enrolment
);
CREATE INDEX user_session_user ON user_session (user_id);

CREATE TABLE api_token (
  id {{id}},
  token_hash TEXT NOT NULL UNIQUE,
  user_id BIGINT NOT NULL REFERENCES app_user (id),
  name TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  revoked_at TEXT,
  last_used_at TEXT
);

-- Failed logins per key ("user:NAME" or "ip:ADDRESS") within a window.
CREATE TABLE login_throttle (
  throttle_key TEXT PRIMARY KEY,
  failures INTEGER NOT NULL,
  window_start TEXT NOT NULL,
  locked_until TEXT
);
