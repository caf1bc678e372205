-- Erased contacts get a tombstone address unique to them ('forgotten:ID', as their address hash already is): the
-- empty address used before collided with UNIQUE (channel, address) from the second erasure on a channel.
UPDATE contacts SET address = 'forgotten:' || id WHERE erased_at IS NOT NULL;
-- Check values of the keys the personal data is written with (an HMAC of a constant under each key: they tell keys
-- apart and reveal nothing of them), so that a start with another key, or none, is refused instead of reading the
-- data as unknown contacts.
CREATE TABLE key_checks (
    purpose      TEXT PRIMARY KEY,
    check_value  TEXT NOT NULL,
    updated_at   TIMESTAMPTZ NOT NULL
);
