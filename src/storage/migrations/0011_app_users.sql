-- Driver app accounts (issue 7; APP-1, docs/api-driver.md): drivers sign in with their phone and an SMS code.
-- Times UTC epoch ms. Tokens and codes are stored as SHA-256 digests, never in clear.

-- A driver; created at the first sign-in. status 0 enabled, 1 disabled.
CREATE TABLE app_user (
  id {{ID}},
  phone TEXT NOT NULL UNIQUE,
  nickname TEXT NOT NULL DEFAULT '',
  status INTEGER NOT NULL DEFAULT 0,
  created_at BIGINT NOT NULL,
  last_login_at BIGINT,
  updated_at BIGINT
);

-- App sign-in sessions (Authorization: Bearer <app token>); separate from sys_session so an app token
-- never works on the admin API and an admin token never on the app API.
CREATE TABLE app_session (
  id {{ID}},
  token_hash TEXT NOT NULL UNIQUE,
  user_id BIGINT NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  revoked_at BIGINT,
  ip TEXT NOT NULL DEFAULT '',
  user_agent TEXT NOT NULL DEFAULT ''
);
CREATE INDEX idx_app_session_user ON app_session(user_id);

-- Verification codes sent by SMS. The limits (one per phone per resend interval, a daily maximum, wrong
-- tries) are counted from these rows, so they hold across several nodes. used_at: consumed by a sign-in
-- or invalidated (too many wrong tries, superseded by a newer code).
CREATE TABLE app_sms_code (
  id {{ID}},
  phone TEXT NOT NULL,
  code_hash TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  used_at BIGINT,
  ip TEXT NOT NULL DEFAULT ''
);
CREATE INDEX idx_app_sms_code_phone ON app_sms_code(phone, created_at);

-- A driver's licence plates (at most 5 per driver, checked by the service).
CREATE TABLE app_plate (
  id {{ID}},
  user_id BIGINT NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
  plate TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  UNIQUE (user_id, plate)
);
