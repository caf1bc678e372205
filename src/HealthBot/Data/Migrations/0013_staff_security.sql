-- Staff sessions can be revoked: the cookie carries the account's security stamp, which changes on a password or role
-- change, when the account is disabled and at sign-out; a cookie with an old stamp is refused on its next request.
ALTER TABLE staff_users ADD COLUMN security_stamp TEXT NOT NULL DEFAULT '';
ALTER TABLE staff_users ADD COLUMN disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1));
