-- Staff sessions can be revoked: the cookie carries the account's security stamp, which changes on a password or role
-- change, when the account is disabled and at sign-out; a cookie with an old stamp is refused on its next request.
ALTER TABLE staff_users ADD COLUMN security_stamp TEXT NOT NULL DEFAULT '';
ALTER TABLE staff_users ADD COLUMN disabled BIGINT NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1));

-- Sign-in attempts for addresses without an account, counted like an account's, so that an unknown address costs the
-- same writes (and time) as a known one. Keyed by a SHA-256 of the lower-cased address; rows older than the lockout
-- window are deleted as new attempts come in.
CREATE TABLE login_failures (
    email_hash      TEXT PRIMARY KEY,
    failed_logins   BIGINT NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX ix_login_failures_updated ON login_failures (updated_at);
